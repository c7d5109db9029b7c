// Generated from FindCoordinatorRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const findCoordinatorRequestVersions = { min: 0, max: 6, flexibleMin: 3 } as const;

export interface FindCoordinatorRequest {
  key: string;
  keyType: number;
  coordinatorKeys: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface FindCoordinatorRequestInput {
  key?: string;
  keyType?: number;
  coordinatorKeys?: string[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultFindCoordinatorRequest(): FindCoordinatorRequest {
  return {
    key: "",
    keyType: 0,
    coordinatorKeys: [],
  };
}

export function writeFindCoordinatorRequest(w: Writer, v: number, m: FindCoordinatorRequestInput): void {
  const flex = v >= 3;
  if (v <= 3) { const x = m.key === undefined ? "" : m.key; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 1) { const x = m.keyType === undefined ? 0 : m.keyType; w.int8(x); }
  if (v >= 4) { const x = m.coordinatorKeys === undefined ? [] : m.coordinatorKeys; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readFindCoordinatorRequest(r: Reader, v: number): FindCoordinatorRequest {
  const flex = v >= 3;
  const fKey: string = (v <= 3) ? (flex ? r.compactString() : r.string()) : "";
  const fKeyType: number = (v >= 1) ? r.int8() : 0;
  const fCoordinatorKeys: string[] = (v >= 4) ? ((n: number) => { if (n < 0) return nullErr('CoordinatorKeys'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength()) : [];
  const m: FindCoordinatorRequest = { key: fKey, keyType: fKeyType, coordinatorKeys: fCoordinatorKeys };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
