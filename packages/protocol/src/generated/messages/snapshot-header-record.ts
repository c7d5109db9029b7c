// Generated from SnapshotHeaderRecord.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const snapshotHeaderRecordVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface SnapshotHeaderRecord {
  version: number;
  lastContainedLogTimestamp: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface SnapshotHeaderRecordInput {
  version?: number;
  lastContainedLogTimestamp?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultSnapshotHeaderRecord(): SnapshotHeaderRecord {
  return {
    version: 0,
    lastContainedLogTimestamp: 0n,
  };
}

export function writeSnapshotHeaderRecord(w: Writer, v: number, m: SnapshotHeaderRecordInput): void {
  { const x = m.version === undefined ? 0 : m.version; w.int16(x); }
  { const x = m.lastContainedLogTimestamp === undefined ? 0n : m.lastContainedLogTimestamp; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readSnapshotHeaderRecord(r: Reader, v: number): SnapshotHeaderRecord {
  const fVersion: number = r.int16();
  const fLastContainedLogTimestamp: bigint = r.int64();
  const m: SnapshotHeaderRecord = { version: fVersion, lastContainedLogTimestamp: fLastContainedLogTimestamp };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
