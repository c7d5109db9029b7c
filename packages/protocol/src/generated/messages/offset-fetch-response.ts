// Generated from OffsetFetchResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const offsetFetchResponseVersions = { min: 0, max: 10, flexibleMin: 6 } as const;

export interface OffsetFetchResponse {
  throttleTimeMs: number;
  topics: OffsetFetchResponseOffsetFetchResponseTopic[];
  errorCode: number;
  groups: OffsetFetchResponseOffsetFetchResponseGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseInput {
  throttleTimeMs?: number;
  topics?: OffsetFetchResponseOffsetFetchResponseTopicInput[];
  errorCode?: number;
  groups?: OffsetFetchResponseOffsetFetchResponseGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponseTopic {
  name: string;
  partitions: OffsetFetchResponseOffsetFetchResponsePartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponseTopicInput {
  name?: string;
  partitions?: OffsetFetchResponseOffsetFetchResponsePartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponsePartition {
  partitionIndex: number;
  committedOffset: bigint;
  committedLeaderEpoch: number;
  metadata: string | null;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponsePartitionInput {
  partitionIndex?: number;
  committedOffset?: bigint;
  committedLeaderEpoch?: number;
  metadata?: string | null;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponseGroup {
  groupId: string;
  topics: OffsetFetchResponseOffsetFetchResponseTopics[];
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponseGroupInput {
  groupId?: string;
  topics?: OffsetFetchResponseOffsetFetchResponseTopicsInput[];
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponseTopics {
  name: string;
  topicId: string;
  partitions: OffsetFetchResponseOffsetFetchResponsePartitions[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponseTopicsInput {
  name?: string;
  topicId?: string;
  partitions?: OffsetFetchResponseOffsetFetchResponsePartitionsInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponsePartitions {
  partitionIndex: number;
  committedOffset: bigint;
  committedLeaderEpoch: number;
  metadata: string | null;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseOffsetFetchResponsePartitionsInput {
  partitionIndex?: number;
  committedOffset?: bigint;
  committedLeaderEpoch?: number;
  metadata?: string | null;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchResponse(): OffsetFetchResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    errorCode: 0,
    groups: [],
  };
}

export function defaultOffsetFetchResponseOffsetFetchResponseTopic(): OffsetFetchResponseOffsetFetchResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultOffsetFetchResponseOffsetFetchResponsePartition(): OffsetFetchResponseOffsetFetchResponsePartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

export function defaultOffsetFetchResponseOffsetFetchResponseGroup(): OffsetFetchResponseOffsetFetchResponseGroup {
  return {
    groupId: "",
    topics: [],
    errorCode: 0,
  };
}

export function defaultOffsetFetchResponseOffsetFetchResponseTopics(): OffsetFetchResponseOffsetFetchResponseTopics {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultOffsetFetchResponseOffsetFetchResponsePartitions(): OffsetFetchResponseOffsetFetchResponsePartitions {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

export function writeOffsetFetchResponse(w: Writer, v: number, m: OffsetFetchResponseInput): void {
  const flex = v >= 6;
  if (v >= 3) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (v <= 7) { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetFetchResponseOffsetFetchResponseTopic(w, v, e); } } }
  if (v >= 2 && v <= 7) { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 8) { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeOffsetFetchResponseOffsetFetchResponseGroup(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetFetchResponseOffsetFetchResponseTopic(w: Writer, v: number, m: OffsetFetchResponseOffsetFetchResponseTopicInput): void {
  const flex = v >= 6;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetFetchResponseOffsetFetchResponsePartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetFetchResponseOffsetFetchResponsePartition(w: Writer, v: number, m: OffsetFetchResponseOffsetFetchResponsePartitionInput): void {
  const flex = v >= 6;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.committedOffset === undefined ? 0n : m.committedOffset; w.int64(x); }
  if (v >= 5) { const x = m.committedLeaderEpoch === undefined ? -1 : m.committedLeaderEpoch; w.int32(x); }
  { const x = m.metadata === undefined ? "" : m.metadata; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetFetchResponseOffsetFetchResponseGroup(w: Writer, v: number, m: OffsetFetchResponseOffsetFetchResponseGroupInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeOffsetFetchResponseOffsetFetchResponseTopics(w, v, e); } } }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeOffsetFetchResponseOffsetFetchResponseTopics(w: Writer, v: number, m: OffsetFetchResponseOffsetFetchResponseTopicsInput): void {
  if (v <= 9) { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  if (v >= 10) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeOffsetFetchResponseOffsetFetchResponsePartitions(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeOffsetFetchResponseOffsetFetchResponsePartitions(w: Writer, v: number, m: OffsetFetchResponseOffsetFetchResponsePartitionsInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.committedOffset === undefined ? 0n : m.committedOffset; w.int64(x); }
  { const x = m.committedLeaderEpoch === undefined ? -1 : m.committedLeaderEpoch; w.int32(x); }
  { const x = m.metadata === undefined ? "" : m.metadata; w.compactNullableString(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readOffsetFetchResponse(r: Reader, v: number): OffsetFetchResponse {
  const flex = v >= 6;
  const fThrottleTimeMs: number = (v >= 3) ? r.int32() : 0;
  const fTopics: OffsetFetchResponseOffsetFetchResponseTopic[] = (v <= 7) ? ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetFetchResponseOffsetFetchResponseTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fErrorCode: number = (v >= 2 && v <= 7) ? r.int16() : 0;
  const fGroups: OffsetFetchResponseOffsetFetchResponseGroup[] = (v >= 8) ? ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetFetchResponseOffsetFetchResponseGroup(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: OffsetFetchResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics, errorCode: fErrorCode, groups: fGroups };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetFetchResponseOffsetFetchResponseTopic(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponseTopic {
  const flex = v >= 6;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: OffsetFetchResponseOffsetFetchResponsePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetFetchResponseOffsetFetchResponsePartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetFetchResponseOffsetFetchResponseTopic = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetFetchResponseOffsetFetchResponsePartition(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponsePartition {
  const flex = v >= 6;
  const fPartitionIndex: number = r.int32();
  const fCommittedOffset: bigint = r.int64();
  const fCommittedLeaderEpoch: number = (v >= 5) ? r.int32() : -1;
  const fMetadata: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fErrorCode: number = r.int16();
  const m: OffsetFetchResponseOffsetFetchResponsePartition = { partitionIndex: fPartitionIndex, committedOffset: fCommittedOffset, committedLeaderEpoch: fCommittedLeaderEpoch, metadata: fMetadata, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetFetchResponseOffsetFetchResponseGroup(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponseGroup {
  const fGroupId: string = r.compactString();
  const fTopics: OffsetFetchResponseOffsetFetchResponseTopics[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetFetchResponseOffsetFetchResponseTopics(r, v)); return a; })(r.compactArrayLength());
  const fErrorCode: number = r.int16();
  const m: OffsetFetchResponseOffsetFetchResponseGroup = { groupId: fGroupId, topics: fTopics, errorCode: fErrorCode };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readOffsetFetchResponseOffsetFetchResponseTopics(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponseTopics {
  const fName: string = (v <= 9) ? r.compactString() : "";
  const fTopicId: string = (v >= 10) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitions: OffsetFetchResponseOffsetFetchResponsePartitions[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetFetchResponseOffsetFetchResponsePartitions(r, v)); return a; })(r.compactArrayLength());
  const m: OffsetFetchResponseOffsetFetchResponseTopics = { name: fName, topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readOffsetFetchResponseOffsetFetchResponsePartitions(r: Reader, v: number): OffsetFetchResponseOffsetFetchResponsePartitions {
  const fPartitionIndex: number = r.int32();
  const fCommittedOffset: bigint = r.int64();
  const fCommittedLeaderEpoch: number = r.int32();
  const fMetadata: string | null = r.compactNullableString();
  const fErrorCode: number = r.int16();
  const m: OffsetFetchResponseOffsetFetchResponsePartitions = { partitionIndex: fPartitionIndex, committedOffset: fCommittedOffset, committedLeaderEpoch: fCommittedLeaderEpoch, metadata: fMetadata, errorCode: fErrorCode };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
