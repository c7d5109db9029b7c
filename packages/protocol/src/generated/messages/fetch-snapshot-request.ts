// Generated from FetchSnapshotRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const fetchSnapshotRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface FetchSnapshotRequest {
  clusterId: string | null;
  replicaId: number;
  maxBytes: number;
  topics: FetchSnapshotRequestTopicSnapshot[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestInput {
  clusterId?: string | null;
  replicaId?: number;
  maxBytes?: number;
  topics?: FetchSnapshotRequestTopicSnapshotInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestTopicSnapshot {
  name: string;
  partitions: FetchSnapshotRequestPartitionSnapshot[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestTopicSnapshotInput {
  name?: string;
  partitions?: FetchSnapshotRequestPartitionSnapshotInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestPartitionSnapshot {
  partition: number;
  currentLeaderEpoch: number;
  snapshotId: FetchSnapshotRequestSnapshotId;
  position: bigint;
  replicaDirectoryId: string;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestPartitionSnapshotInput {
  partition?: number;
  currentLeaderEpoch?: number;
  snapshotId?: FetchSnapshotRequestSnapshotIdInput;
  position?: bigint;
  replicaDirectoryId?: string;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestSnapshotId {
  endOffset: bigint;
  epoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestSnapshotIdInput {
  endOffset?: bigint;
  epoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotRequest(): FetchSnapshotRequest {
  return {
    clusterId: null,
    replicaId: -1,
    maxBytes: 2147483647,
    topics: [],
  };
}

export function defaultFetchSnapshotRequestTopicSnapshot(): FetchSnapshotRequestTopicSnapshot {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultFetchSnapshotRequestPartitionSnapshot(): FetchSnapshotRequestPartitionSnapshot {
  return {
    partition: 0,
    currentLeaderEpoch: 0,
    snapshotId: defaultFetchSnapshotRequestSnapshotId(),
    position: 0n,
    replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

export function defaultFetchSnapshotRequestSnapshotId(): FetchSnapshotRequestSnapshotId {
  return {
    endOffset: 0n,
    epoch: 0,
  };
}

export function writeFetchSnapshotRequest(w: Writer, v: number, m: FetchSnapshotRequestInput): void {
  { const x = m.replicaId === undefined ? -1 : m.replicaId; w.int32(x); }
  { const x = m.maxBytes === undefined ? 2147483647 : m.maxBytes; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeFetchSnapshotRequestTopicSnapshot(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  if (true) { const x = m.clusterId === undefined ? null : m.clusterId; if (!isDefaultValue(x, null)) tags.push([0, (w) => { w.compactNullableString(x); }]); }
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchSnapshotRequestTopicSnapshot(w: Writer, v: number, m: FetchSnapshotRequestTopicSnapshotInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeFetchSnapshotRequestPartitionSnapshot(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchSnapshotRequestPartitionSnapshot(w: Writer, v: number, m: FetchSnapshotRequestPartitionSnapshotInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.currentLeaderEpoch === undefined ? 0 : m.currentLeaderEpoch; w.int32(x); }
  { const x = m.snapshotId === undefined ? defaultFetchSnapshotRequestSnapshotId() : m.snapshotId; writeFetchSnapshotRequestSnapshotId(w, v, x ?? {}); }
  { const x = m.position === undefined ? 0n : m.position; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  if (v >= 1) { const x = m.replicaDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.replicaDirectoryId; if (!isDefaultValue(x, "AAAAAAAAAAAAAAAAAAAAAA")) tags.push([0, (w) => { w.uuid(x); }]); }
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchSnapshotRequestSnapshotId(w: Writer, v: number, m: FetchSnapshotRequestSnapshotIdInput): void {
  { const x = m.endOffset === undefined ? 0n : m.endOffset; w.int64(x); }
  { const x = m.epoch === undefined ? 0 : m.epoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readFetchSnapshotRequest(r: Reader, v: number): FetchSnapshotRequest {
  const fClusterId: string | null = null;
  const fReplicaId: number = r.int32();
  const fMaxBytes: number = r.int32();
  const fTopics: FetchSnapshotRequestTopicSnapshot[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchSnapshotRequestTopicSnapshot(r, v)); return a; })(r.compactArrayLength());
  const m: FetchSnapshotRequest = { clusterId: fClusterId, replicaId: fReplicaId, maxBytes: fMaxBytes, topics: fTopics };
  const u = r.taggedFields((tag, t) => {
    switch (tag) {
      case 0: if (true) { m.clusterId = t.compactNullableString(); return true; } return false;
      default: return false;
    }
  });
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchSnapshotRequestTopicSnapshot(r: Reader, v: number): FetchSnapshotRequestTopicSnapshot {
  const fName: string = r.compactString();
  const fPartitions: FetchSnapshotRequestPartitionSnapshot[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchSnapshotRequestPartitionSnapshot(r, v)); return a; })(r.compactArrayLength());
  const m: FetchSnapshotRequestTopicSnapshot = { name: fName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchSnapshotRequestPartitionSnapshot(r: Reader, v: number): FetchSnapshotRequestPartitionSnapshot {
  const fPartition: number = r.int32();
  const fCurrentLeaderEpoch: number = r.int32();
  const fSnapshotId: FetchSnapshotRequestSnapshotId = readFetchSnapshotRequestSnapshotId(r, v);
  const fPosition: bigint = r.int64();
  const fReplicaDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  const m: FetchSnapshotRequestPartitionSnapshot = { partition: fPartition, currentLeaderEpoch: fCurrentLeaderEpoch, snapshotId: fSnapshotId, position: fPosition, replicaDirectoryId: fReplicaDirectoryId };
  const u = r.taggedFields((tag, t) => {
    switch (tag) {
      case 0: if (v >= 1) { m.replicaDirectoryId = t.uuid(); return true; } return false;
      default: return false;
    }
  });
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchSnapshotRequestSnapshotId(r: Reader, v: number): FetchSnapshotRequestSnapshotId {
  const fEndOffset: bigint = r.int64();
  const fEpoch: number = r.int32();
  const m: FetchSnapshotRequestSnapshotId = { endOffset: fEndOffset, epoch: fEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
