// Generated from OffsetCommitRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const offsetCommitRequestVersions = { min: 0, max: 10, flexibleMin: 8 } as const;

export interface OffsetCommitRequest {
  groupId: string;
  generationIdOrMemberEpoch: number;
  memberId: string;
  groupInstanceId: string | null;
  retentionTimeMs: bigint;
  topics: OffsetCommitRequestOffsetCommitRequestTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestInput {
  groupId?: string;
  generationIdOrMemberEpoch?: number;
  memberId?: string;
  groupInstanceId?: string | null;
  retentionTimeMs?: bigint;
  topics?: OffsetCommitRequestOffsetCommitRequestTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestOffsetCommitRequestTopic {
  name: string;
  topicId: string;
  partitions: OffsetCommitRequestOffsetCommitRequestPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestOffsetCommitRequestTopicInput {
  name?: string;
  topicId?: string;
  partitions?: OffsetCommitRequestOffsetCommitRequestPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestOffsetCommitRequestPartition {
  partitionIndex: number;
  committedOffset: bigint;
  committedLeaderEpoch: number;
  commitTimestamp: bigint;
  committedMetadata: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestOffsetCommitRequestPartitionInput {
  partitionIndex?: number;
  committedOffset?: bigint;
  committedLeaderEpoch?: number;
  commitTimestamp?: bigint;
  committedMetadata?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitRequest(): OffsetCommitRequest {
  return {
    groupId: "",
    generationIdOrMemberEpoch: -1,
    memberId: "",
    groupInstanceId: null,
    retentionTimeMs: -1n,
    topics: [],
  };
}

export function defaultOffsetCommitRequestOffsetCommitRequestTopic(): OffsetCommitRequestOffsetCommitRequestTopic {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultOffsetCommitRequestOffsetCommitRequestPartition(): OffsetCommitRequestOffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    commitTimestamp: -1n,
    committedMetadata: "",
  };
}

export function writeOffsetCommitRequest(w: Writer, v: number, m: OffsetCommitRequestInput): void {
  const flex = v >= 8;
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 1) { const x = m.generationIdOrMemberEpoch === undefined ? -1 : m.generationIdOrMemberEpoch; w.int32(x); }
  if (v >= 1) { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 7) { const x = m.groupInstanceId === undefined ? null : m.groupInstanceId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (v >= 2 && v <= 4) { const x = m.retentionTimeMs === undefined ? -1n : m.retentionTimeMs; w.int64(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetCommitRequestOffsetCommitRequestTopic(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetCommitRequestOffsetCommitRequestTopic(w: Writer, v: number, m: OffsetCommitRequestOffsetCommitRequestTopicInput): void {
  const flex = v >= 8;
  if (v <= 9) { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 10) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetCommitRequestOffsetCommitRequestPartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetCommitRequestOffsetCommitRequestPartition(w: Writer, v: number, m: OffsetCommitRequestOffsetCommitRequestPartitionInput): void {
  const flex = v >= 8;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.committedOffset === undefined ? 0n : m.committedOffset; w.int64(x); }
  if (v >= 6) { const x = m.committedLeaderEpoch === undefined ? -1 : m.committedLeaderEpoch; w.int32(x); }
  if (v >= 1 && v <= 1) { const x = m.commitTimestamp === undefined ? -1n : m.commitTimestamp; w.int64(x); }
  { const x = m.committedMetadata === undefined ? "" : m.committedMetadata; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readOffsetCommitRequest(r: Reader, v: number): OffsetCommitRequest {
  const flex = v >= 8;
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fGenerationIdOrMemberEpoch: number = (v >= 1) ? r.int32() : -1;
  const fMemberId: string = (v >= 1) ? (flex ? r.compactString() : r.string()) : "";
  const fGroupInstanceId: string | null = (v >= 7) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const fRetentionTimeMs: bigint = (v >= 2 && v <= 4) ? r.int64() : -1n;
  const fTopics: OffsetCommitRequestOffsetCommitRequestTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetCommitRequestOffsetCommitRequestTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetCommitRequest = { groupId: fGroupId, generationIdOrMemberEpoch: fGenerationIdOrMemberEpoch, memberId: fMemberId, groupInstanceId: fGroupInstanceId, retentionTimeMs: fRetentionTimeMs, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetCommitRequestOffsetCommitRequestTopic(r: Reader, v: number): OffsetCommitRequestOffsetCommitRequestTopic {
  const flex = v >= 8;
  const fName: string = (v <= 9) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 10) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitions: OffsetCommitRequestOffsetCommitRequestPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetCommitRequestOffsetCommitRequestPartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetCommitRequestOffsetCommitRequestTopic = { name: fName, topicId: fTopicId, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetCommitRequestOffsetCommitRequestPartition(r: Reader, v: number): OffsetCommitRequestOffsetCommitRequestPartition {
  const flex = v >= 8;
  const fPartitionIndex: number = r.int32();
  const fCommittedOffset: bigint = r.int64();
  const fCommittedLeaderEpoch: number = (v >= 6) ? r.int32() : -1;
  const fCommitTimestamp: bigint = (v >= 1 && v <= 1) ? r.int64() : -1n;
  const fCommittedMetadata: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: OffsetCommitRequestOffsetCommitRequestPartition = { partitionIndex: fPartitionIndex, committedOffset: fCommittedOffset, committedLeaderEpoch: fCommittedLeaderEpoch, commitTimestamp: fCommitTimestamp, committedMetadata: fCommittedMetadata };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
