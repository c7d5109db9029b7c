// Generated from DeleteGroupsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteGroupsRequestVersions = { min: 0, max: 3, flexibleMin: 2 } as const;

export interface DeleteGroupsRequest {
  groupsNames: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteGroupsRequestInput {
  groupsNames?: string[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteGroupsRequest(): DeleteGroupsRequest {
  return {
    groupsNames: [],
  };
}

export function writeDeleteGroupsRequest(w: Writer, v: number, m: DeleteGroupsRequestInput): void {
  const flex = v >= 2;
  { const x = m.groupsNames === undefined ? [] : m.groupsNames; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { (flex ? w.compactString(e ?? '') : w.string(e ?? '')); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDeleteGroupsRequest(r: Reader, v: number): DeleteGroupsRequest {
  const flex = v >= 2;
  const fGroupsNames: string[] = ((n: number) => { if (n < 0) return nullErr('GroupsNames'); const a = []; for (let i = 0; i < n; i++) a.push((flex ? r.compactString() : r.string())); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DeleteGroupsRequest = { groupsNames: fGroupsNames };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
