// Generated from SnapshotFooterRecord.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const snapshotFooterRecordVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface SnapshotFooterRecord {
  version: number;
  unknownTaggedFields?: TaggedField[];
}

export interface SnapshotFooterRecordInput {
  version?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultSnapshotFooterRecord(): SnapshotFooterRecord {
  return {
    version: 0,
  };
}

export function writeSnapshotFooterRecord(w: Writer, v: number, m: SnapshotFooterRecordInput): void {
  { const x = m.version === undefined ? 0 : m.version; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readSnapshotFooterRecord(r: Reader, v: number): SnapshotFooterRecord {
  const fVersion: number = r.int16();
  const m: SnapshotFooterRecord = { version: fVersion };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
