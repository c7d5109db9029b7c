// Generated from ConsumerGroupHeartbeatResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const consumerGroupHeartbeatResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface ConsumerGroupHeartbeatResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  memberId: string | null;
  memberEpoch: number;
  heartbeatIntervalMs: number;
  assignment: ConsumerGroupHeartbeatResponseAssignment | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  memberId?: string | null;
  memberEpoch?: number;
  heartbeatIntervalMs?: number;
  assignment?: ConsumerGroupHeartbeatResponseAssignmentInput | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseTopicPartitions {
  topicId: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseTopicPartitionsInput {
  topicId?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseAssignment {
  topicPartitions: ConsumerGroupHeartbeatResponseTopicPartitions[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseAssignmentInput {
  topicPartitions?: ConsumerGroupHeartbeatResponseTopicPartitionsInput[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupHeartbeatResponse(): ConsumerGroupHeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    memberId: null,
    memberEpoch: 0,
    heartbeatIntervalMs: 0,
    assignment: null,
  };
}

export function defaultConsumerGroupHeartbeatResponseTopicPartitions(): ConsumerGroupHeartbeatResponseTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultConsumerGroupHeartbeatResponseAssignment(): ConsumerGroupHeartbeatResponseAssignment {
  return {
    topicPartitions: [],
  };
}

export function writeConsumerGroupHeartbeatResponse(w: Writer, v: number, m: ConsumerGroupHeartbeatResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.memberId === undefined ? null : m.memberId; w.compactNullableString(x); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.heartbeatIntervalMs === undefined ? 0 : m.heartbeatIntervalMs; w.int32(x); }
  { const x = m.assignment === undefined ? null : m.assignment; if (x === null) w.int8(-1); else { w.int8(1); writeConsumerGroupHeartbeatResponseAssignment(w, v, x!); } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeConsumerGroupHeartbeatResponseTopicPartitions(w: Writer, v: number, m: ConsumerGroupHeartbeatResponseTopicPartitionsInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeConsumerGroupHeartbeatResponseAssignment(w: Writer, v: number, m: ConsumerGroupHeartbeatResponseAssignmentInput): void {
  { const x = m.topicPartitions === undefined ? [] : m.topicPartitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeConsumerGroupHeartbeatResponseTopicPartitions(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readConsumerGroupHeartbeatResponse(r: Reader, v: number): ConsumerGroupHeartbeatResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fMemberId: string | null = r.compactNullableString();
  const fMemberEpoch: number = r.int32();
  const fHeartbeatIntervalMs: number = r.int32();
  const fAssignment: ConsumerGroupHeartbeatResponseAssignment | null = (r.int8() < 0 ? null : readConsumerGroupHeartbeatResponseAssignment(r, v));
  const m: ConsumerGroupHeartbeatResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, memberId: fMemberId, memberEpoch: fMemberEpoch, heartbeatIntervalMs: fHeartbeatIntervalMs, assignment: fAssignment };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readConsumerGroupHeartbeatResponseTopicPartitions(r: Reader, v: number): ConsumerGroupHeartbeatResponseTopicPartitions {
  const fTopicId: string = r.uuid();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: ConsumerGroupHeartbeatResponseTopicPartitions = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readConsumerGroupHeartbeatResponseAssignment(r: Reader, v: number): ConsumerGroupHeartbeatResponseAssignment {
  const fTopicPartitions: ConsumerGroupHeartbeatResponseTopicPartitions[] = ((n: number) => { if (n < 0) return nullErr('TopicPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readConsumerGroupHeartbeatResponseTopicPartitions(r, v)); return a; })(r.compactArrayLength());
  const m: ConsumerGroupHeartbeatResponseAssignment = { topicPartitions: fTopicPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
