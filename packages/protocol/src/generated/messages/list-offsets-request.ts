// Generated from ListOffsetsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listOffsetsRequestVersions = { min: 1, max: 11, flexibleMin: 6 } as const;

export interface ListOffsetsRequest {
  replicaId: number;
  isolationLevel: number;
  topics: ListOffsetsRequestListOffsetsTopic[];
  timeoutMs: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestInput {
  replicaId?: number;
  isolationLevel?: number;
  topics?: ListOffsetsRequestListOffsetsTopicInput[];
  timeoutMs?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestListOffsetsTopic {
  name: string;
  partitions: ListOffsetsRequestListOffsetsPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestListOffsetsTopicInput {
  name?: string;
  partitions?: ListOffsetsRequestListOffsetsPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestListOffsetsPartition {
  partitionIndex: number;
  currentLeaderEpoch: number;
  timestamp: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestListOffsetsPartitionInput {
  partitionIndex?: number;
  currentLeaderEpoch?: number;
  timestamp?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsRequest(): ListOffsetsRequest {
  return {
    replicaId: 0,
    isolationLevel: 0,
    topics: [],
    timeoutMs: 0,
  };
}

export function defaultListOffsetsRequestListOffsetsTopic(): ListOffsetsRequestListOffsetsTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultListOffsetsRequestListOffsetsPartition(): ListOffsetsRequestListOffsetsPartition {
  return {
    partitionIndex: 0,
    currentLeaderEpoch: -1,
    timestamp: 0n,
  };
}

export function writeListOffsetsRequest(w: Writer, v: number, m: ListOffsetsRequestInput): void {
  const flex = v >= 6;
  { const x = m.replicaId === undefined ? 0 : m.replicaId; w.int32(x); }
  if (v >= 2) { const x = m.isolationLevel === undefined ? 0 : m.isolationLevel; w.int8(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeListOffsetsRequestListOffsetsTopic(w, v, e); } } }
  if (v >= 10) { const x = m.timeoutMs === undefined ? 0 : m.timeoutMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeListOffsetsRequestListOffsetsTopic(w: Writer, v: number, m: ListOffsetsRequestListOffsetsTopicInput): void {
  const flex = v >= 6;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeListOffsetsRequestListOffsetsPartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeListOffsetsRequestListOffsetsPartition(w: Writer, v: number, m: ListOffsetsRequestListOffsetsPartitionInput): void {
  const flex = v >= 6;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  if (v >= 4) { const x = m.currentLeaderEpoch === undefined ? -1 : m.currentLeaderEpoch; w.int32(x); }
  { const x = m.timestamp === undefined ? 0n : m.timestamp; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readListOffsetsRequest(r: Reader, v: number): ListOffsetsRequest {
  const flex = v >= 6;
  const fReplicaId: number = r.int32();
  const fIsolationLevel: number = (v >= 2) ? r.int8() : 0;
  const fTopics: ListOffsetsRequestListOffsetsTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readListOffsetsRequestListOffsetsTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fTimeoutMs: number = (v >= 10) ? r.int32() : 0;
  const m: ListOffsetsRequest = { replicaId: fReplicaId, isolationLevel: fIsolationLevel, topics: fTopics, timeoutMs: fTimeoutMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readListOffsetsRequestListOffsetsTopic(r: Reader, v: number): ListOffsetsRequestListOffsetsTopic {
  const flex = v >= 6;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: ListOffsetsRequestListOffsetsPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readListOffsetsRequestListOffsetsPartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ListOffsetsRequestListOffsetsTopic = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readListOffsetsRequestListOffsetsPartition(r: Reader, v: number): ListOffsetsRequestListOffsetsPartition {
  const flex = v >= 6;
  const fPartitionIndex: number = r.int32();
  const fCurrentLeaderEpoch: number = (v >= 4) ? r.int32() : -1;
  const fTimestamp: bigint = r.int64();
  const m: ListOffsetsRequestListOffsetsPartition = { partitionIndex: fPartitionIndex, currentLeaderEpoch: fCurrentLeaderEpoch, timestamp: fTimestamp };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
