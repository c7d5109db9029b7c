// Generated from ListGroupsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listGroupsRequestVersions = { min: 0, max: 5, flexibleMin: 3 } as const;

export interface ListGroupsRequest {
  statesFilter: string[];
  typesFilter: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListGroupsRequestInput {
  statesFilter?: string[];
  typesFilter?: string[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultListGroupsRequest(): ListGroupsRequest {
  return {
    statesFilter: [],
    typesFilter: [],
  };
}

export function writeListGroupsRequest(w: Writer, v: number, m: ListGroupsRequestInput): void {
  const flex = v >= 3;
  if (v >= 4) { const x = m.statesFilter === undefined ? [] : m.statesFilter; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  if (v >= 5) { const x = m.typesFilter === undefined ? [] : m.typesFilter; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readListGroupsRequest(r: Reader, v: number): ListGroupsRequest {
  const flex = v >= 3;
  const fStatesFilter: string[] = (v >= 4) ? ((n: number) => { if (n < 0) return nullErr('StatesFilter'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength()) : [];
  const fTypesFilter: string[] = (v >= 5) ? ((n: number) => { if (n < 0) return nullErr('TypesFilter'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength()) : [];
  const m: ListGroupsRequest = { statesFilter: fStatesFilter, typesFilter: fTypesFilter };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
