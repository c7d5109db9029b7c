// Generated from KRaftVersionRecord.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const kRaftVersionRecordVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface KRaftVersionRecord {
  version: number;
  kRaftVersion: number;
  unknownTaggedFields?: TaggedField[];
}

export interface KRaftVersionRecordInput {
  version?: number;
  kRaftVersion?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultKRaftVersionRecord(): KRaftVersionRecord {
  return {
    version: 0,
    kRaftVersion: 0,
  };
}

export function writeKRaftVersionRecord(w: Writer, v: number, m: KRaftVersionRecordInput): void {
  { const x = m.version === undefined ? 0 : m.version; w.int16(x); }
  { const x = m.kRaftVersion === undefined ? 0 : m.kRaftVersion; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readKRaftVersionRecord(r: Reader, v: number): KRaftVersionRecord {
  const fVersion: number = r.int16();
  const fKRaftVersion: number = r.int16();
  const m: KRaftVersionRecord = { version: fVersion, kRaftVersion: fKRaftVersion };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
