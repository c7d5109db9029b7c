// Generated from DescribeShareGroupOffsetsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeShareGroupOffsetsResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface DescribeShareGroupOffsetsResponse {
  throttleTimeMs: number;
  groups: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseInput {
  throttleTimeMs?: number;
  groups?: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup {
  groupId: string;
  topics: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic[];
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroupInput {
  groupId?: string;
  topics?: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopicInput[];
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic {
  topicName: string;
  topicId: string;
  partitions: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopicInput {
  topicName?: string;
  topicId?: string;
  partitions?: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition {
  partitionIndex: number;
  startOffset: bigint;
  leaderEpoch: number;
  lag: bigint;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartitionInput {
  partitionIndex?: number;
  startOffset?: bigint;
  leaderEpoch?: number;
  lag?: bigint;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeShareGroupOffsetsResponse(): DescribeShareGroupOffsetsResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

export function defaultDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup(): DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup {
  return {
    groupId: "",
    topics: [],
    errorCode: 0,
    errorMessage: null,
  };
}

export function defaultDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic(): DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition(): DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition {
  return {
    partitionIndex: 0,
    startOffset: 0n,
    leaderEpoch: 0,
    lag: -1n,
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeDescribeShareGroupOffsetsResponse(w: Writer, v: number, m: DescribeShareGroupOffsetsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup(w: Writer, v: number, m: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroupInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic(w, v, e); } } }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic(w: Writer, v: number, m: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopicInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition(w: Writer, v: number, m: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartitionInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.startOffset === undefined ? 0n : m.startOffset; w.int64(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  if (v >= 1) { const x = m.lag === undefined ? -1n : m.lag; w.int64(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeShareGroupOffsetsResponse(r: Reader, v: number): DescribeShareGroupOffsetsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fGroups: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup[] = ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeShareGroupOffsetsResponse = { throttleTimeMs: fThrottleTimeMs, groups: fGroups };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup(r: Reader, v: number): DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup {
  const fGroupId: string = r.compactString();
  const fTopics: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic(r, v)); return a; })(r.compactArrayLength());
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseGroup = { groupId: fGroupId, topics: fTopics, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic(r: Reader, v: number): DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic {
  const fTopicName: string = r.compactString();
  const fTopicId: string = r.uuid();
  const fPartitions: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponseTopic = { topicName: fTopicName, topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition(r: Reader, v: number): DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition {
  const fPartitionIndex: number = r.int32();
  const fStartOffset: bigint = r.int64();
  const fLeaderEpoch: number = r.int32();
  const fLag: bigint = (v >= 1) ? r.int64() : -1n;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: DescribeShareGroupOffsetsResponseDescribeShareGroupOffsetsResponsePartition = { partitionIndex: fPartitionIndex, startOffset: fStartOffset, leaderEpoch: fLeaderEpoch, lag: fLag, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
