// Generated from DescribeTopicPartitionsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeTopicPartitionsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DescribeTopicPartitionsResponse {
  throttleTimeMs: number;
  topics: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic[];
  nextCursor: DescribeTopicPartitionsResponseCursor | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseInput {
  throttleTimeMs?: number;
  topics?: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopicInput[];
  nextCursor?: DescribeTopicPartitionsResponseCursorInput | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic {
  errorCode: number;
  name: string | null;
  topicId: string;
  isInternal: boolean;
  partitions: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition[];
  topicAuthorizedOperations: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopicInput {
  errorCode?: number;
  name?: string | null;
  topicId?: string;
  isInternal?: boolean;
  partitions?: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartitionInput[];
  topicAuthorizedOperations?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition {
  errorCode: number;
  partitionIndex: number;
  leaderId: number;
  leaderEpoch: number;
  replicaNodes: number[];
  isrNodes: number[];
  eligibleLeaderReplicas: number[] | null;
  lastKnownElr: number[] | null;
  offlineReplicas: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartitionInput {
  errorCode?: number;
  partitionIndex?: number;
  leaderId?: number;
  leaderEpoch?: number;
  replicaNodes?: number[];
  isrNodes?: number[];
  eligibleLeaderReplicas?: number[] | null;
  lastKnownElr?: number[] | null;
  offlineReplicas?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseCursor {
  topicName: string;
  partitionIndex: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseCursorInput {
  topicName?: string;
  partitionIndex?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsResponse(): DescribeTopicPartitionsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    nextCursor: null,
  };
}

export function defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(): DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}

export function defaultDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition(): DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    eligibleLeaderReplicas: null,
    lastKnownElr: null,
    offlineReplicas: [],
  };
}

export function defaultDescribeTopicPartitionsResponseCursor(): DescribeTopicPartitionsResponseCursor {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

export function writeDescribeTopicPartitionsResponse(w: Writer, v: number, m: DescribeTopicPartitionsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(w, v, e); } } }
  { const x = m.nextCursor === undefined ? null : m.nextCursor; if (x === null) w.int8(-1); else { w.int8(1); writeDescribeTopicPartitionsResponseCursor(w, v, x!); } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(w: Writer, v: number, m: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopicInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.name === undefined ? "" : m.name; w.compactNullableString(x); }
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.isInternal === undefined ? false : m.isInternal; w.bool(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition(w, v, e); } } }
  { const x = m.topicAuthorizedOperations === undefined ? -2147483648 : m.topicAuthorizedOperations; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition(w: Writer, v: number, m: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartitionInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? -1 : m.leaderEpoch; w.int32(x); }
  { const x = m.replicaNodes === undefined ? [] : m.replicaNodes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  { const x = m.isrNodes === undefined ? [] : m.isrNodes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  { const x = m.eligibleLeaderReplicas === undefined ? null : m.eligibleLeaderReplicas; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { w.int32(e); } } }
  { const x = m.lastKnownElr === undefined ? null : m.lastKnownElr; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { w.int32(e); } } }
  { const x = m.offlineReplicas === undefined ? [] : m.offlineReplicas; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeTopicPartitionsResponseCursor(w: Writer, v: number, m: DescribeTopicPartitionsResponseCursorInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeTopicPartitionsResponse(r: Reader, v: number): DescribeTopicPartitionsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fTopics: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(r, v)); return a; })(r.compactArrayLength());
  const fNextCursor: DescribeTopicPartitionsResponseCursor | null = (r.int8() < 0 ? null : readDescribeTopicPartitionsResponseCursor(r, v));
  const m: DescribeTopicPartitionsResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics, nextCursor: fNextCursor };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic(r: Reader, v: number): DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic {
  const fErrorCode: number = r.int16();
  const fName: string | null = r.compactNullableString();
  const fTopicId: string = r.uuid();
  const fIsInternal: boolean = r.bool();
  const fPartitions: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition(r, v)); return a; })(r.compactArrayLength());
  const fTopicAuthorizedOperations: number = r.int32();
  const m: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponseTopic = { errorCode: fErrorCode, name: fName, topicId: fTopicId, isInternal: fIsInternal, partitions: fPartitions, topicAuthorizedOperations: fTopicAuthorizedOperations };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition(r: Reader, v: number): DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition {
  const fErrorCode: number = r.int16();
  const fPartitionIndex: number = r.int32();
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fReplicaNodes: number[] = ((n: number) => { if (n < 0) return nullErr('ReplicaNodes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const fIsrNodes: number[] = ((n: number) => { if (n < 0) return nullErr('IsrNodes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const fEligibleLeaderReplicas: number[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const fLastKnownElr: number[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const fOfflineReplicas: number[] = ((n: number) => { if (n < 0) return nullErr('OfflineReplicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: DescribeTopicPartitionsResponseDescribeTopicPartitionsResponsePartition = { errorCode: fErrorCode, partitionIndex: fPartitionIndex, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, replicaNodes: fReplicaNodes, isrNodes: fIsrNodes, eligibleLeaderReplicas: fEligibleLeaderReplicas, lastKnownElr: fLastKnownElr, offlineReplicas: fOfflineReplicas };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeTopicPartitionsResponseCursor(r: Reader, v: number): DescribeTopicPartitionsResponseCursor {
  const fTopicName: string = r.compactString();
  const fPartitionIndex: number = r.int32();
  const m: DescribeTopicPartitionsResponseCursor = { topicName: fTopicName, partitionIndex: fPartitionIndex };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
