// Generated from AlterShareGroupOffsetsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterShareGroupOffsetsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface AlterShareGroupOffsetsRequest {
  groupId: string;
  topics: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestInput {
  groupId?: string;
  topics?: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic {
  topicName: string;
  partitions: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopicInput {
  topicName?: string;
  partitions?: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition {
  partitionIndex: number;
  startOffset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartitionInput {
  partitionIndex?: number;
  startOffset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterShareGroupOffsetsRequest(): AlterShareGroupOffsetsRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic(): AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition(): AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition {
  return {
    partitionIndex: 0,
    startOffset: 0n,
  };
}

export function writeAlterShareGroupOffsetsRequest(w: Writer, v: number, m: AlterShareGroupOffsetsRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic(w: Writer, v: number, m: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopicInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition(w: Writer, v: number, m: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartitionInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.startOffset === undefined ? 0n : m.startOffset; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAlterShareGroupOffsetsRequest(r: Reader, v: number): AlterShareGroupOffsetsRequest {
  const fGroupId: string = r.compactString();
  const fTopics: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic(r, v)); return a; })(r.compactArrayLength());
  const m: AlterShareGroupOffsetsRequest = { groupId: fGroupId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic(r: Reader, v: number): AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic {
  const fTopicName: string = r.compactString();
  const fPartitions: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition(r, v)); return a; })(r.compactArrayLength());
  const m: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestTopic = { topicName: fTopicName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition(r: Reader, v: number): AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition {
  const fPartitionIndex: number = r.int32();
  const fStartOffset: bigint = r.int64();
  const m: AlterShareGroupOffsetsRequestAlterShareGroupOffsetsRequestPartition = { partitionIndex: fPartitionIndex, startOffset: fStartOffset };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
