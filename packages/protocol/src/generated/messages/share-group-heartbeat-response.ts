// Generated from ShareGroupHeartbeatResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const shareGroupHeartbeatResponseVersions = { min: 1, max: 1, flexibleMin: 0 } as const;

export interface ShareGroupHeartbeatResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  memberId: string | null;
  memberEpoch: number;
  heartbeatIntervalMs: number;
  assignment: ShareGroupHeartbeatResponseAssignment | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  memberId?: string | null;
  memberEpoch?: number;
  heartbeatIntervalMs?: number;
  assignment?: ShareGroupHeartbeatResponseAssignmentInput | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseTopicPartitions {
  topicId: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseTopicPartitionsInput {
  topicId?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseAssignment {
  topicPartitions: ShareGroupHeartbeatResponseTopicPartitions[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseAssignmentInput {
  topicPartitions?: ShareGroupHeartbeatResponseTopicPartitionsInput[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupHeartbeatResponse(): ShareGroupHeartbeatResponse {
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

export function defaultShareGroupHeartbeatResponseTopicPartitions(): ShareGroupHeartbeatResponseTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultShareGroupHeartbeatResponseAssignment(): ShareGroupHeartbeatResponseAssignment {
  return {
    topicPartitions: [],
  };
}

export function writeShareGroupHeartbeatResponse(w: Writer, v: number, m: ShareGroupHeartbeatResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.memberId === undefined ? null : m.memberId; w.compactNullableString(x); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.heartbeatIntervalMs === undefined ? 0 : m.heartbeatIntervalMs; w.int32(x); }
  { const x = m.assignment === undefined ? null : m.assignment; if (x === null) w.int8(-1); else { w.int8(1); writeShareGroupHeartbeatResponseAssignment(w, v, x!); } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareGroupHeartbeatResponseTopicPartitions(w: Writer, v: number, m: ShareGroupHeartbeatResponseTopicPartitionsInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareGroupHeartbeatResponseAssignment(w: Writer, v: number, m: ShareGroupHeartbeatResponseAssignmentInput): void {
  { const x = m.topicPartitions === undefined ? [] : m.topicPartitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareGroupHeartbeatResponseTopicPartitions(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readShareGroupHeartbeatResponse(r: Reader, v: number): ShareGroupHeartbeatResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fMemberId: string | null = r.compactNullableString();
  const fMemberEpoch: number = r.int32();
  const fHeartbeatIntervalMs: number = r.int32();
  const fAssignment: ShareGroupHeartbeatResponseAssignment | null = (r.int8() < 0 ? null : readShareGroupHeartbeatResponseAssignment(r, v));
  const m: ShareGroupHeartbeatResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, memberId: fMemberId, memberEpoch: fMemberEpoch, heartbeatIntervalMs: fHeartbeatIntervalMs, assignment: fAssignment };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareGroupHeartbeatResponseTopicPartitions(r: Reader, v: number): ShareGroupHeartbeatResponseTopicPartitions {
  const fTopicId: string = r.uuid();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: ShareGroupHeartbeatResponseTopicPartitions = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareGroupHeartbeatResponseAssignment(r: Reader, v: number): ShareGroupHeartbeatResponseAssignment {
  const fTopicPartitions: ShareGroupHeartbeatResponseTopicPartitions[] = ((n: number) => { if (n < 0) return nullErr('TopicPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readShareGroupHeartbeatResponseTopicPartitions(r, v)); return a; })(r.compactArrayLength());
  const m: ShareGroupHeartbeatResponseAssignment = { topicPartitions: fTopicPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
