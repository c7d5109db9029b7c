// Generated from OffsetForLeaderEpochRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const offsetForLeaderEpochRequestVersions = { min: 2, max: 4, flexibleMin: 4 } as const;

export interface OffsetForLeaderEpochRequest {
  replicaId: number;
  topics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestInput {
  replicaId?: number;
  topics?: OffsetForLeaderEpochRequestOffsetForLeaderTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  topic: string;
  partitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderTopicInput {
  topic?: string;
  partitions?: OffsetForLeaderEpochRequestOffsetForLeaderPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  partition: number;
  currentLeaderEpoch: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderPartitionInput {
  partition?: number;
  currentLeaderEpoch?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochRequest(): OffsetForLeaderEpochRequest {
  return {
    replicaId: -2,
    topics: [],
  };
}

export function defaultOffsetForLeaderEpochRequestOffsetForLeaderTopic(): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  return {
    topic: "",
    partitions: [],
  };
}

export function defaultOffsetForLeaderEpochRequestOffsetForLeaderPartition(): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    leaderEpoch: 0,
  };
}

export function writeOffsetForLeaderEpochRequest(w: Writer, v: number, m: OffsetForLeaderEpochRequestInput): void {
  const flex = v >= 4;
  if (v >= 3) { const x = m.replicaId === undefined ? -2 : m.replicaId; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w: Writer, v: number, m: OffsetForLeaderEpochRequestOffsetForLeaderTopicInput): void {
  const flex = v >= 4;
  { const x = m.topic === undefined ? "" : m.topic; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w: Writer, v: number, m: OffsetForLeaderEpochRequestOffsetForLeaderPartitionInput): void {
  const flex = v >= 4;
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.currentLeaderEpoch === undefined ? -1 : m.currentLeaderEpoch; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readOffsetForLeaderEpochRequest(r: Reader, v: number): OffsetForLeaderEpochRequest {
  const flex = v >= 4;
  const fReplicaId: number = (v >= 3) ? r.int32() : -2;
  const fTopics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetForLeaderEpochRequest = { replicaId: fReplicaId, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r: Reader, v: number): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  const flex = v >= 4;
  const fTopic: string = (flex ? r.compactString() : r.string());
  const fPartitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetForLeaderEpochRequestOffsetForLeaderTopic = { topic: fTopic, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r: Reader, v: number): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  const flex = v >= 4;
  const fPartition: number = r.int32();
  const fCurrentLeaderEpoch: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: OffsetForLeaderEpochRequestOffsetForLeaderPartition = { partition: fPartition, currentLeaderEpoch: fCurrentLeaderEpoch, leaderEpoch: fLeaderEpoch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
