// Generated from LeaveGroupResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const leaveGroupResponseVersions = { min: 0, max: 5, flexibleMin: 4 } as const;

export interface LeaveGroupResponse {
  throttleTimeMs: number;
  errorCode: number;
  members: LeaveGroupResponseMemberResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  members?: LeaveGroupResponseMemberResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupResponseMemberResponse {
  memberId: string;
  groupInstanceId: string | null;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupResponseMemberResponseInput {
  memberId?: string;
  groupInstanceId?: string | null;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultLeaveGroupResponse(): LeaveGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    members: [],
  };
}

export function defaultLeaveGroupResponseMemberResponse(): LeaveGroupResponseMemberResponse {
  return {
    memberId: "",
    groupInstanceId: "",
    errorCode: 0,
  };
}

export function writeLeaveGroupResponse(w: Writer, v: number, m: LeaveGroupResponseInput): void {
  const flex = v >= 4;
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 3) { const x = m.members === undefined ? [] : m.members; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeLeaveGroupResponseMemberResponse(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeLeaveGroupResponseMemberResponse(w: Writer, v: number, m: LeaveGroupResponseMemberResponseInput): void {
  const flex = v >= 4;
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.groupInstanceId === undefined ? "" : m.groupInstanceId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readLeaveGroupResponse(r: Reader, v: number): LeaveGroupResponse {
  const flex = v >= 4;
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fErrorCode: number = r.int16();
  const fMembers: LeaveGroupResponseMemberResponse[] = (v >= 3) ? ((n: number) => { if (n < 0) return nullErr('Members'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaveGroupResponseMemberResponse(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const m: LeaveGroupResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, members: fMembers };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readLeaveGroupResponseMemberResponse(r: Reader, v: number): LeaveGroupResponseMemberResponse {
  const flex = v >= 4;
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fGroupInstanceId: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fErrorCode: number = r.int16();
  const m: LeaveGroupResponseMemberResponse = { memberId: fMemberId, groupInstanceId: fGroupInstanceId, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
