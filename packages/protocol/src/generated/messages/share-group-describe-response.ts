// Generated from ShareGroupDescribeResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const shareGroupDescribeResponseVersions = { min: 1, max: 1, flexibleMin: 0 } as const;

export interface ShareGroupDescribeResponse {
  throttleTimeMs: number;
  groups: ShareGroupDescribeResponseDescribedGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseInput {
  throttleTimeMs?: number;
  groups?: ShareGroupDescribeResponseDescribedGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseTopicPartitions {
  topicId: string;
  topicName: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseTopicPartitionsInput {
  topicId?: string;
  topicName?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseAssignment {
  topicPartitions: ShareGroupDescribeResponseTopicPartitions[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseAssignmentInput {
  topicPartitions?: ShareGroupDescribeResponseTopicPartitionsInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseDescribedGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: ShareGroupDescribeResponseMember[];
  authorizedOperations: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseDescribedGroupInput {
  errorCode?: number;
  errorMessage?: string | null;
  groupId?: string;
  groupState?: string;
  groupEpoch?: number;
  assignmentEpoch?: number;
  assignorName?: string;
  members?: ShareGroupDescribeResponseMemberInput[];
  authorizedOperations?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseMember {
  memberId: string;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  assignment: ShareGroupDescribeResponseAssignment;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseMemberInput {
  memberId?: string;
  rackId?: string | null;
  memberEpoch?: number;
  clientId?: string;
  clientHost?: string;
  subscribedTopicNames?: string[];
  assignment?: ShareGroupDescribeResponseAssignmentInput;
  unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupDescribeResponse(): ShareGroupDescribeResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

export function defaultShareGroupDescribeResponseTopicPartitions(): ShareGroupDescribeResponseTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    topicName: "",
    partitions: [],
  };
}

export function defaultShareGroupDescribeResponseAssignment(): ShareGroupDescribeResponseAssignment {
  return {
    topicPartitions: [],
  };
}

export function defaultShareGroupDescribeResponseDescribedGroup(): ShareGroupDescribeResponseDescribedGroup {
  return {
    errorCode: 0,
    errorMessage: null,
    groupId: "",
    groupState: "",
    groupEpoch: 0,
    assignmentEpoch: 0,
    assignorName: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

export function defaultShareGroupDescribeResponseMember(): ShareGroupDescribeResponseMember {
  return {
    memberId: "",
    rackId: null,
    memberEpoch: 0,
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    assignment: defaultShareGroupDescribeResponseAssignment(),
  };
}

export function writeShareGroupDescribeResponse(w: Writer, v: number, m: ShareGroupDescribeResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareGroupDescribeResponseDescribedGroup(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareGroupDescribeResponseTopicPartitions(w: Writer, v: number, m: ShareGroupDescribeResponseTopicPartitionsInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareGroupDescribeResponseAssignment(w: Writer, v: number, m: ShareGroupDescribeResponseAssignmentInput): void {
  { const x = m.topicPartitions === undefined ? [] : m.topicPartitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareGroupDescribeResponseTopicPartitions(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareGroupDescribeResponseDescribedGroup(w: Writer, v: number, m: ShareGroupDescribeResponseDescribedGroupInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.groupState === undefined ? "" : m.groupState; w.compactString(x ?? ''); }
  { const x = m.groupEpoch === undefined ? 0 : m.groupEpoch; w.int32(x); }
  { const x = m.assignmentEpoch === undefined ? 0 : m.assignmentEpoch; w.int32(x); }
  { const x = m.assignorName === undefined ? "" : m.assignorName; w.compactString(x ?? ''); }
  { const x = m.members === undefined ? [] : m.members; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareGroupDescribeResponseMember(w, v, e); } } }
  { const x = m.authorizedOperations === undefined ? -2147483648 : m.authorizedOperations; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareGroupDescribeResponseMember(w: Writer, v: number, m: ShareGroupDescribeResponseMemberInput): void {
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  { const x = m.rackId === undefined ? null : m.rackId; w.compactNullableString(x); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.clientId === undefined ? "" : m.clientId; w.compactString(x ?? ''); }
  { const x = m.clientHost === undefined ? "" : m.clientHost; w.compactString(x ?? ''); }
  { const x = m.subscribedTopicNames === undefined ? [] : m.subscribedTopicNames; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.assignment === undefined ? defaultShareGroupDescribeResponseAssignment() : m.assignment; writeShareGroupDescribeResponseAssignment(w, v, x ?? {}); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readShareGroupDescribeResponse(r: Reader, v: number): ShareGroupDescribeResponse {
  const fThrottleTimeMs: number = r.int32();
  const fGroups: ShareGroupDescribeResponseDescribedGroup[] = ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readShareGroupDescribeResponseDescribedGroup(r, v)); return a; })(r.compactArrayLength());
  const m: ShareGroupDescribeResponse = { throttleTimeMs: fThrottleTimeMs, groups: fGroups };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareGroupDescribeResponseTopicPartitions(r: Reader, v: number): ShareGroupDescribeResponseTopicPartitions {
  const fTopicId: string = r.uuid();
  const fTopicName: string = r.compactString();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: ShareGroupDescribeResponseTopicPartitions = { topicId: fTopicId, topicName: fTopicName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareGroupDescribeResponseAssignment(r: Reader, v: number): ShareGroupDescribeResponseAssignment {
  const fTopicPartitions: ShareGroupDescribeResponseTopicPartitions[] = ((n: number) => { if (n < 0) return nullErr('TopicPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readShareGroupDescribeResponseTopicPartitions(r, v)); return a; })(r.compactArrayLength());
  const m: ShareGroupDescribeResponseAssignment = { topicPartitions: fTopicPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareGroupDescribeResponseDescribedGroup(r: Reader, v: number): ShareGroupDescribeResponseDescribedGroup {
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fGroupId: string = r.compactString();
  const fGroupState: string = r.compactString();
  const fGroupEpoch: number = r.int32();
  const fAssignmentEpoch: number = r.int32();
  const fAssignorName: string = r.compactString();
  const fMembers: ShareGroupDescribeResponseMember[] = ((n: number) => { if (n < 0) return nullErr('Members'); const a = []; for (let i = 0; i < n; i++) a.push(readShareGroupDescribeResponseMember(r, v)); return a; })(r.compactArrayLength());
  const fAuthorizedOperations: number = r.int32();
  const m: ShareGroupDescribeResponseDescribedGroup = { errorCode: fErrorCode, errorMessage: fErrorMessage, groupId: fGroupId, groupState: fGroupState, groupEpoch: fGroupEpoch, assignmentEpoch: fAssignmentEpoch, assignorName: fAssignorName, members: fMembers, authorizedOperations: fAuthorizedOperations };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareGroupDescribeResponseMember(r: Reader, v: number): ShareGroupDescribeResponseMember {
  const fMemberId: string = r.compactString();
  const fRackId: string | null = r.compactNullableString();
  const fMemberEpoch: number = r.int32();
  const fClientId: string = r.compactString();
  const fClientHost: string = r.compactString();
  const fSubscribedTopicNames: string[] = ((n: number) => { if (n < 0) return nullErr('SubscribedTopicNames'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fAssignment: ShareGroupDescribeResponseAssignment = readShareGroupDescribeResponseAssignment(r, v);
  const m: ShareGroupDescribeResponseMember = { memberId: fMemberId, rackId: fRackId, memberEpoch: fMemberEpoch, clientId: fClientId, clientHost: fClientHost, subscribedTopicNames: fSubscribedTopicNames, assignment: fAssignment };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
