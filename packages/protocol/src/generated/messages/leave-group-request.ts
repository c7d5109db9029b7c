// Generated from LeaveGroupRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const leaveGroupRequestVersions = { min: 0, max: 5, flexibleMin: 4 } as const;

export interface LeaveGroupRequest {
  groupId: string;
  memberId: string;
  members: LeaveGroupRequestMemberIdentity[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupRequestInput {
  groupId?: string;
  memberId?: string;
  members?: LeaveGroupRequestMemberIdentityInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupRequestMemberIdentity {
  memberId: string;
  groupInstanceId: string | null;
  reason: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupRequestMemberIdentityInput {
  memberId?: string;
  groupInstanceId?: string | null;
  reason?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultLeaveGroupRequest(): LeaveGroupRequest {
  return {
    groupId: "",
    memberId: "",
    members: [],
  };
}

export function defaultLeaveGroupRequestMemberIdentity(): LeaveGroupRequestMemberIdentity {
  return {
    memberId: "",
    groupInstanceId: null,
    reason: null,
  };
}

export function writeLeaveGroupRequest(w: Writer, v: number, m: LeaveGroupRequestInput): void {
  const flex = v >= 4;
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v <= 2) { const x = m.memberId === undefined ? "" : m.memberId; w.string(x ?? ''); }
  if (v >= 3) { const x = m.members === undefined ? [] : m.members; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeLeaveGroupRequestMemberIdentity(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeLeaveGroupRequestMemberIdentity(w: Writer, v: number, m: LeaveGroupRequestMemberIdentityInput): void {
  const flex = v >= 4;
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.groupInstanceId === undefined ? null : m.groupInstanceId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (v >= 5) { const x = m.reason === undefined ? null : m.reason; w.compactNullableString(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readLeaveGroupRequest(r: Reader, v: number): LeaveGroupRequest {
  const flex = v >= 4;
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fMemberId: string = (v <= 2) ? r.string() : "";
  const fMembers: LeaveGroupRequestMemberIdentity[] = (v >= 3) ? ((n: number) => { if (n < 0) return nullErr('Members'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaveGroupRequestMemberIdentity(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const m: LeaveGroupRequest = { groupId: fGroupId, memberId: fMemberId, members: fMembers };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readLeaveGroupRequestMemberIdentity(r: Reader, v: number): LeaveGroupRequestMemberIdentity {
  const flex = v >= 4;
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fGroupInstanceId: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fReason: string | null = (v >= 5) ? r.compactNullableString() : null;
  const m: LeaveGroupRequestMemberIdentity = { memberId: fMemberId, groupInstanceId: fGroupInstanceId, reason: fReason };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
