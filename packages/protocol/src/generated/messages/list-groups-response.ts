// Generated from ListGroupsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listGroupsResponseVersions = { min: 0, max: 5, flexibleMin: 3 } as const;

export interface ListGroupsResponse {
  throttleTimeMs: number;
  errorCode: number;
  groups: ListGroupsResponseListedGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListGroupsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  groups?: ListGroupsResponseListedGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListGroupsResponseListedGroup {
  groupId: string;
  protocolType: string;
  groupState: string;
  groupType: string;
  unknownTaggedFields?: TaggedField[];
}

export interface ListGroupsResponseListedGroupInput {
  groupId?: string;
  protocolType?: string;
  groupState?: string;
  groupType?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultListGroupsResponse(): ListGroupsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    groups: [],
  };
}

export function defaultListGroupsResponseListedGroup(): ListGroupsResponseListedGroup {
  return {
    groupId: "",
    protocolType: "",
    groupState: "",
    groupType: "",
  };
}

export function writeListGroupsResponse(w: Writer, v: number, m: ListGroupsResponseInput): void {
  const flex = v >= 3;
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeListGroupsResponseListedGroup(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeListGroupsResponseListedGroup(w: Writer, v: number, m: ListGroupsResponseListedGroupInput): void {
  const flex = v >= 3;
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.protocolType === undefined ? "" : m.protocolType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 4) { const x = m.groupState === undefined ? "" : m.groupState; w.compactString(x ?? ''); }
  if (v >= 5) { const x = m.groupType === undefined ? "" : m.groupType; w.compactString(x ?? ''); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readListGroupsResponse(r: Reader, v: number): ListGroupsResponse {
  const flex = v >= 3;
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fErrorCode: number = r.int16();
  const fGroups: ListGroupsResponseListedGroup[] = ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readListGroupsResponseListedGroup(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ListGroupsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, groups: fGroups };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readListGroupsResponseListedGroup(r: Reader, v: number): ListGroupsResponseListedGroup {
  const flex = v >= 3;
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fProtocolType: string = (flex ? r.compactString() : r.string());
  const fGroupState: string = (v >= 4) ? r.compactString() : "";
  const fGroupType: string = (v >= 5) ? r.compactString() : "";
  const m: ListGroupsResponseListedGroup = { groupId: fGroupId, protocolType: fProtocolType, groupState: fGroupState, groupType: fGroupType };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
