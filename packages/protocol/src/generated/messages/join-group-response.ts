// Generated from JoinGroupResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const joinGroupResponseVersions = { min: 0, max: 9, flexibleMin: 6 } as const;

export interface JoinGroupResponse {
  throttleTimeMs: number;
  errorCode: number;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  skipAssignment: boolean;
  memberId: string;
  members: JoinGroupResponseJoinGroupResponseMember[];
  unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  generationId?: number;
  protocolType?: string | null;
  protocolName?: string | null;
  leader?: string;
  skipAssignment?: boolean;
  memberId?: string;
  members?: JoinGroupResponseJoinGroupResponseMemberInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupResponseJoinGroupResponseMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupResponseJoinGroupResponseMemberInput {
  memberId?: string;
  groupInstanceId?: string | null;
  metadata?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultJoinGroupResponse(): JoinGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    generationId: -1,
    protocolType: null,
    protocolName: "",
    leader: "",
    skipAssignment: false,
    memberId: "",
    members: [],
  };
}

export function defaultJoinGroupResponseJoinGroupResponseMember(): JoinGroupResponseJoinGroupResponseMember {
  return {
    memberId: "",
    groupInstanceId: null,
    metadata: EMPTY_BYTES,
  };
}

export function writeJoinGroupResponse(w: Writer, v: number, m: JoinGroupResponseInput): void {
  const flex = v >= 6;
  if (v >= 2) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.generationId === undefined ? -1 : m.generationId; w.int32(x); }
  if (v >= 7) { const x = m.protocolType === undefined ? null : m.protocolType; w.compactNullableString(x); }
  { const x = m.protocolName === undefined ? "" : m.protocolName; (v >= 7 ? (flex ? w.compactNullableString(x) : w.nullableString(x)) : (flex ? w.compactString(x ?? '') : w.string(x ?? ''))); }
  { const x = m.leader === undefined ? "" : m.leader; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 9) { const x = m.skipAssignment === undefined ? false : m.skipAssignment; w.bool(x); }
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.members === undefined ? [] : m.members; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeJoinGroupResponseJoinGroupResponseMember(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeJoinGroupResponseJoinGroupResponseMember(w: Writer, v: number, m: JoinGroupResponseJoinGroupResponseMemberInput): void {
  const flex = v >= 6;
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 5) { const x = m.groupInstanceId === undefined ? null : m.groupInstanceId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.metadata === undefined ? EMPTY_BYTES : m.metadata; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readJoinGroupResponse(r: Reader, v: number): JoinGroupResponse {
  const flex = v >= 6;
  const fThrottleTimeMs: number = (v >= 2) ? r.int32() : 0;
  const fErrorCode: number = r.int16();
  const fGenerationId: number = r.int32();
  const fProtocolType: string | null = (v >= 7) ? r.compactNullableString() : null;
  const fProtocolName: string | null = (v >= 7 ? (flex ? r.compactNullableString() : r.nullableString()) : (flex ? r.compactString() : r.string()));
  const fLeader: string = (flex ? r.compactString() : r.string());
  const fSkipAssignment: boolean = (v >= 9) ? r.bool() : false;
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fMembers: JoinGroupResponseJoinGroupResponseMember[] = ((n: number) => { if (n < 0) return nullErr('Members'); const a = []; for (let i = 0; i < n; i++) a.push(readJoinGroupResponseJoinGroupResponseMember(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: JoinGroupResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, generationId: fGenerationId, protocolType: fProtocolType, protocolName: fProtocolName, leader: fLeader, skipAssignment: fSkipAssignment, memberId: fMemberId, members: fMembers };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readJoinGroupResponseJoinGroupResponseMember(r: Reader, v: number): JoinGroupResponseJoinGroupResponseMember {
  const flex = v >= 6;
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fGroupInstanceId: string | null = (v >= 5) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const fMetadata: Buffer = (flex ? r.compactBytes() : r.bytes());
  const m: JoinGroupResponseJoinGroupResponseMember = { memberId: fMemberId, groupInstanceId: fGroupInstanceId, metadata: fMetadata };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
