// Generated from DescribeGroupsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeGroupsResponseVersions = { min: 0, max: 6, flexibleMin: 5 } as const;

export interface DescribeGroupsResponse {
  throttleTimeMs: number;
  groups: DescribeGroupsResponseDescribedGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseInput {
  throttleTimeMs?: number;
  groups?: DescribeGroupsResponseDescribedGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseDescribedGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  protocolType: string;
  protocolData: string;
  members: DescribeGroupsResponseDescribedGroupMember[];
  authorizedOperations: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseDescribedGroupInput {
  errorCode?: number;
  errorMessage?: string | null;
  groupId?: string;
  groupState?: string;
  protocolType?: string;
  protocolData?: string;
  members?: DescribeGroupsResponseDescribedGroupMemberInput[];
  authorizedOperations?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseDescribedGroupMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  memberMetadata: Buffer;
  memberAssignment: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseDescribedGroupMemberInput {
  memberId?: string;
  groupInstanceId?: string | null;
  clientId?: string;
  clientHost?: string;
  memberMetadata?: Buffer;
  memberAssignment?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeGroupsResponse(): DescribeGroupsResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

export function defaultDescribeGroupsResponseDescribedGroup(): DescribeGroupsResponseDescribedGroup {
  return {
    errorCode: 0,
    errorMessage: null,
    groupId: "",
    groupState: "",
    protocolType: "",
    protocolData: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

export function defaultDescribeGroupsResponseDescribedGroupMember(): DescribeGroupsResponseDescribedGroupMember {
  return {
    memberId: "",
    groupInstanceId: null,
    clientId: "",
    clientHost: "",
    memberMetadata: EMPTY_BYTES,
    memberAssignment: EMPTY_BYTES,
  };
}

export function writeDescribeGroupsResponse(w: Writer, v: number, m: DescribeGroupsResponseInput): void {
  const flex = v >= 5;
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeGroupsResponseDescribedGroup(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeGroupsResponseDescribedGroup(w: Writer, v: number, m: DescribeGroupsResponseDescribedGroupInput): void {
  const flex = v >= 5;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 6) { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.groupState === undefined ? "" : m.groupState; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.protocolType === undefined ? "" : m.protocolType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.protocolData === undefined ? "" : m.protocolData; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.members === undefined ? [] : m.members; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeGroupsResponseDescribedGroupMember(w, v, e); } } }
  if (v >= 3) { const x = m.authorizedOperations === undefined ? -2147483648 : m.authorizedOperations; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeGroupsResponseDescribedGroupMember(w: Writer, v: number, m: DescribeGroupsResponseDescribedGroupMemberInput): void {
  const flex = v >= 5;
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 4) { const x = m.groupInstanceId === undefined ? null : m.groupInstanceId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.clientId === undefined ? "" : m.clientId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.clientHost === undefined ? "" : m.clientHost; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.memberMetadata === undefined ? EMPTY_BYTES : m.memberMetadata; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  { const x = m.memberAssignment === undefined ? EMPTY_BYTES : m.memberAssignment; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeGroupsResponse(r: Reader, v: number): DescribeGroupsResponse {
  const flex = v >= 5;
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fGroups: DescribeGroupsResponseDescribedGroup[] = ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeGroupsResponseDescribedGroup(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeGroupsResponse = { throttleTimeMs: fThrottleTimeMs, groups: fGroups };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeGroupsResponseDescribedGroup(r: Reader, v: number): DescribeGroupsResponseDescribedGroup {
  const flex = v >= 5;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (v >= 6) ? r.compactNullableString() : null;
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fGroupState: string = (flex ? r.compactString() : r.string());
  const fProtocolType: string = (flex ? r.compactString() : r.string());
  const fProtocolData: string = (flex ? r.compactString() : r.string());
  const fMembers: DescribeGroupsResponseDescribedGroupMember[] = ((n: number) => { if (n < 0) return nullErr('Members'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeGroupsResponseDescribedGroupMember(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fAuthorizedOperations: number = (v >= 3) ? r.int32() : -2147483648;
  const m: DescribeGroupsResponseDescribedGroup = { errorCode: fErrorCode, errorMessage: fErrorMessage, groupId: fGroupId, groupState: fGroupState, protocolType: fProtocolType, protocolData: fProtocolData, members: fMembers, authorizedOperations: fAuthorizedOperations };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeGroupsResponseDescribedGroupMember(r: Reader, v: number): DescribeGroupsResponseDescribedGroupMember {
  const flex = v >= 5;
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fGroupInstanceId: string | null = (v >= 4) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const fClientId: string = (flex ? r.compactString() : r.string());
  const fClientHost: string = (flex ? r.compactString() : r.string());
  const fMemberMetadata: Buffer = (flex ? r.compactBytes() : r.bytes());
  const fMemberAssignment: Buffer = (flex ? r.compactBytes() : r.bytes());
  const m: DescribeGroupsResponseDescribedGroupMember = { memberId: fMemberId, groupInstanceId: fGroupInstanceId, clientId: fClientId, clientHost: fClientHost, memberMetadata: fMemberMetadata, memberAssignment: fMemberAssignment };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
