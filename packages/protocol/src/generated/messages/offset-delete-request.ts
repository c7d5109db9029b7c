// Generated from OffsetDeleteRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const offsetDeleteRequestVersions = { min: 0, max: 0, flexibleMin: -1 } as const;

export interface OffsetDeleteRequest {
  groupId: string;
  topics: OffsetDeleteRequestOffsetDeleteRequestTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteRequestInput {
  groupId?: string;
  topics?: OffsetDeleteRequestOffsetDeleteRequestTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteRequestOffsetDeleteRequestTopic {
  name: string;
  partitions: OffsetDeleteRequestOffsetDeleteRequestPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteRequestOffsetDeleteRequestTopicInput {
  name?: string;
  partitions?: OffsetDeleteRequestOffsetDeleteRequestPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteRequestOffsetDeleteRequestPartition {
  partitionIndex: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteRequestOffsetDeleteRequestPartitionInput {
  partitionIndex?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetDeleteRequest(): OffsetDeleteRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultOffsetDeleteRequestOffsetDeleteRequestTopic(): OffsetDeleteRequestOffsetDeleteRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultOffsetDeleteRequestOffsetDeleteRequestPartition(): OffsetDeleteRequestOffsetDeleteRequestPartition {
  return {
    partitionIndex: 0,
  };
}

export function writeOffsetDeleteRequest(w: Writer, v: number, m: OffsetDeleteRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.string(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeOffsetDeleteRequestOffsetDeleteRequestTopic(w, v, e); } } }
}

function writeOffsetDeleteRequestOffsetDeleteRequestTopic(w: Writer, v: number, m: OffsetDeleteRequestOffsetDeleteRequestTopicInput): void {
  { const x = m.name === undefined ? "" : m.name; w.string(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeOffsetDeleteRequestOffsetDeleteRequestPartition(w, v, e); } } }
}

function writeOffsetDeleteRequestOffsetDeleteRequestPartition(w: Writer, v: number, m: OffsetDeleteRequestOffsetDeleteRequestPartitionInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
}

export function readOffsetDeleteRequest(r: Reader, v: number): OffsetDeleteRequest {
  const fGroupId: string = r.string();
  const fTopics: OffsetDeleteRequestOffsetDeleteRequestTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetDeleteRequestOffsetDeleteRequestTopic(r, v)); return a; })(r.arrayLength());
  const m: OffsetDeleteRequest = { groupId: fGroupId, topics: fTopics };
  return m;
}

function readOffsetDeleteRequestOffsetDeleteRequestTopic(r: Reader, v: number): OffsetDeleteRequestOffsetDeleteRequestTopic {
  const fName: string = r.string();
  const fPartitions: OffsetDeleteRequestOffsetDeleteRequestPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetDeleteRequestOffsetDeleteRequestPartition(r, v)); return a; })(r.arrayLength());
  const m: OffsetDeleteRequestOffsetDeleteRequestTopic = { name: fName, partitions: fPartitions };
  return m;
}

function readOffsetDeleteRequestOffsetDeleteRequestPartition(r: Reader, v: number): OffsetDeleteRequestOffsetDeleteRequestPartition {
  const fPartitionIndex: number = r.int32();
  const m: OffsetDeleteRequestOffsetDeleteRequestPartition = { partitionIndex: fPartitionIndex };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
