// Generated from ConsumerGroupDescribeResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const consumerGroupDescribeResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface ConsumerGroupDescribeResponse {
  throttleTimeMs: number;
  groups: ConsumerGroupDescribeResponseDescribedGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseInput {
  throttleTimeMs?: number;
  groups?: ConsumerGroupDescribeResponseDescribedGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseTopicPartitions {
  topicId: string;
  topicName: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseTopicPartitionsInput {
  topicId?: string;
  topicName?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseAssignment {
  topicPartitions: ConsumerGroupDescribeResponseTopicPartitions[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseAssignmentInput {
  topicPartitions?: ConsumerGroupDescribeResponseTopicPartitionsInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseDescribedGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignorName: string;
  members: ConsumerGroupDescribeResponseMember[];
  authorizedOperations: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseDescribedGroupInput {
  errorCode?: number;
  errorMessage?: string | null;
  groupId?: string;
  groupState?: string;
  groupEpoch?: number;
  assignmentEpoch?: number;
  assignorName?: string;
  members?: ConsumerGroupDescribeResponseMemberInput[];
  authorizedOperations?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseMember {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  assignment: ConsumerGroupDescribeResponseAssignment;
  targetAssignment: ConsumerGroupDescribeResponseAssignment;
  memberType: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseMemberInput {
  memberId?: string;
  instanceId?: string | null;
  rackId?: string | null;
  memberEpoch?: number;
  clientId?: string;
  clientHost?: string;
  subscribedTopicNames?: string[];
  subscribedTopicRegex?: string | null;
  assignment?: ConsumerGroupDescribeResponseAssignmentInput;
  targetAssignment?: ConsumerGroupDescribeResponseAssignmentInput;
  memberType?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeResponse(): ConsumerGroupDescribeResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

export function defaultConsumerGroupDescribeResponseTopicPartitions(): ConsumerGroupDescribeResponseTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    topicName: "",
    partitions: [],
  };
}

export function defaultConsumerGroupDescribeResponseAssignment(): ConsumerGroupDescribeResponseAssignment {
  return {
    topicPartitions: [],
  };
}

export function defaultConsumerGroupDescribeResponseDescribedGroup(): ConsumerGroupDescribeResponseDescribedGroup {
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

export function defaultConsumerGroupDescribeResponseMember(): ConsumerGroupDescribeResponseMember {
  return {
    memberId: "",
    instanceId: null,
    rackId: null,
    memberEpoch: 0,
    clientId: "",
    clientHost: "",
    subscribedTopicNames: [],
    subscribedTopicRegex: null,
    assignment: defaultConsumerGroupDescribeResponseAssignment(),
    targetAssignment: defaultConsumerGroupDescribeResponseAssignment(),
    memberType: -1,
  };
}

export function writeConsumerGroupDescribeResponse(w: Writer, v: number, m: ConsumerGroupDescribeResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeConsumerGroupDescribeResponseDescribedGroup(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeConsumerGroupDescribeResponseTopicPartitions(w: Writer, v: number, m: ConsumerGroupDescribeResponseTopicPartitionsInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeConsumerGroupDescribeResponseAssignment(w: Writer, v: number, m: ConsumerGroupDescribeResponseAssignmentInput): void {
  { const x = m.topicPartitions === undefined ? [] : m.topicPartitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeConsumerGroupDescribeResponseTopicPartitions(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeConsumerGroupDescribeResponseDescribedGroup(w: Writer, v: number, m: ConsumerGroupDescribeResponseDescribedGroupInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.groupState === undefined ? "" : m.groupState; w.compactString(x ?? ''); }
  { const x = m.groupEpoch === undefined ? 0 : m.groupEpoch; w.int32(x); }
  { const x = m.assignmentEpoch === undefined ? 0 : m.assignmentEpoch; w.int32(x); }
  { const x = m.assignorName === undefined ? "" : m.assignorName; w.compactString(x ?? ''); }
  { const x = m.members === undefined ? [] : m.members; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeConsumerGroupDescribeResponseMember(w, v, e); } } }
  { const x = m.authorizedOperations === undefined ? -2147483648 : m.authorizedOperations; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeConsumerGroupDescribeResponseMember(w: Writer, v: number, m: ConsumerGroupDescribeResponseMemberInput): void {
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  { const x = m.instanceId === undefined ? null : m.instanceId; w.compactNullableString(x); }
  { const x = m.rackId === undefined ? null : m.rackId; w.compactNullableString(x); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.clientId === undefined ? "" : m.clientId; w.compactString(x ?? ''); }
  { const x = m.clientHost === undefined ? "" : m.clientHost; w.compactString(x ?? ''); }
  { const x = m.subscribedTopicNames === undefined ? [] : m.subscribedTopicNames; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.subscribedTopicRegex === undefined ? null : m.subscribedTopicRegex; w.compactNullableString(x); }
  { const x = m.assignment === undefined ? defaultConsumerGroupDescribeResponseAssignment() : m.assignment; writeConsumerGroupDescribeResponseAssignment(w, v, x ?? {}); }
  { const x = m.targetAssignment === undefined ? defaultConsumerGroupDescribeResponseAssignment() : m.targetAssignment; writeConsumerGroupDescribeResponseAssignment(w, v, x ?? {}); }
  if (v >= 1) { const x = m.memberType === undefined ? -1 : m.memberType; w.int8(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readConsumerGroupDescribeResponse(r: Reader, v: number): ConsumerGroupDescribeResponse {
  const fThrottleTimeMs: number = r.int32();
  const fGroups: ConsumerGroupDescribeResponseDescribedGroup[] = ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readConsumerGroupDescribeResponseDescribedGroup(r, v)); return a; })(r.compactArrayLength());
  const m: ConsumerGroupDescribeResponse = { throttleTimeMs: fThrottleTimeMs, groups: fGroups };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readConsumerGroupDescribeResponseTopicPartitions(r: Reader, v: number): ConsumerGroupDescribeResponseTopicPartitions {
  const fTopicId: string = r.uuid();
  const fTopicName: string = r.compactString();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: ConsumerGroupDescribeResponseTopicPartitions = { topicId: fTopicId, topicName: fTopicName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readConsumerGroupDescribeResponseAssignment(r: Reader, v: number): ConsumerGroupDescribeResponseAssignment {
  const fTopicPartitions: ConsumerGroupDescribeResponseTopicPartitions[] = ((n: number) => { if (n < 0) return nullErr('TopicPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readConsumerGroupDescribeResponseTopicPartitions(r, v)); return a; })(r.compactArrayLength());
  const m: ConsumerGroupDescribeResponseAssignment = { topicPartitions: fTopicPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readConsumerGroupDescribeResponseDescribedGroup(r: Reader, v: number): ConsumerGroupDescribeResponseDescribedGroup {
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fGroupId: string = r.compactString();
  const fGroupState: string = r.compactString();
  const fGroupEpoch: number = r.int32();
  const fAssignmentEpoch: number = r.int32();
  const fAssignorName: string = r.compactString();
  const fMembers: ConsumerGroupDescribeResponseMember[] = ((n: number) => { if (n < 0) return nullErr('Members'); const a = []; for (let i = 0; i < n; i++) a.push(readConsumerGroupDescribeResponseMember(r, v)); return a; })(r.compactArrayLength());
  const fAuthorizedOperations: number = r.int32();
  const m: ConsumerGroupDescribeResponseDescribedGroup = { errorCode: fErrorCode, errorMessage: fErrorMessage, groupId: fGroupId, groupState: fGroupState, groupEpoch: fGroupEpoch, assignmentEpoch: fAssignmentEpoch, assignorName: fAssignorName, members: fMembers, authorizedOperations: fAuthorizedOperations };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readConsumerGroupDescribeResponseMember(r: Reader, v: number): ConsumerGroupDescribeResponseMember {
  const fMemberId: string = r.compactString();
  const fInstanceId: string | null = r.compactNullableString();
  const fRackId: string | null = r.compactNullableString();
  const fMemberEpoch: number = r.int32();
  const fClientId: string = r.compactString();
  const fClientHost: string = r.compactString();
  const fSubscribedTopicNames: string[] = ((n: number) => { if (n < 0) return nullErr('SubscribedTopicNames'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fSubscribedTopicRegex: string | null = r.compactNullableString();
  const fAssignment: ConsumerGroupDescribeResponseAssignment = readConsumerGroupDescribeResponseAssignment(r, v);
  const fTargetAssignment: ConsumerGroupDescribeResponseAssignment = readConsumerGroupDescribeResponseAssignment(r, v);
  const fMemberType: number = (v >= 1) ? r.int8() : -1;
  const m: ConsumerGroupDescribeResponseMember = { memberId: fMemberId, instanceId: fInstanceId, rackId: fRackId, memberEpoch: fMemberEpoch, clientId: fClientId, clientHost: fClientHost, subscribedTopicNames: fSubscribedTopicNames, subscribedTopicRegex: fSubscribedTopicRegex, assignment: fAssignment, targetAssignment: fTargetAssignment, memberType: fMemberType };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
