// Generated from FetchRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const fetchRequestVersions = { min: 4, max: 18, flexibleMin: 12 } as const;

export interface FetchRequest {
  clusterId: string | null;
  replicaId: number;
  replicaState: FetchRequestReplicaState;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  isolationLevel: number;
  sessionId: number;
  sessionEpoch: number;
  topics: FetchRequestFetchTopic[];
  forgottenTopicsData: FetchRequestForgottenTopic[];
  rackId: string;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestInput {
  clusterId?: string | null;
  replicaId?: number;
  replicaState?: FetchRequestReplicaStateInput;
  maxWaitMs?: number;
  minBytes?: number;
  maxBytes?: number;
  isolationLevel?: number;
  sessionId?: number;
  sessionEpoch?: number;
  topics?: FetchRequestFetchTopicInput[];
  forgottenTopicsData?: FetchRequestForgottenTopicInput[];
  rackId?: string;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestReplicaState {
  replicaId: number;
  replicaEpoch: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestReplicaStateInput {
  replicaId?: number;
  replicaEpoch?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestFetchTopic {
  topic: string;
  topicId: string;
  partitions: FetchRequestFetchPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestFetchTopicInput {
  topic?: string;
  topicId?: string;
  partitions?: FetchRequestFetchPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestFetchPartition {
  partition: number;
  currentLeaderEpoch: number;
  fetchOffset: bigint;
  lastFetchedEpoch: number;
  logStartOffset: bigint;
  partitionMaxBytes: number;
  replicaDirectoryId: string;
  highWatermark: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestFetchPartitionInput {
  partition?: number;
  currentLeaderEpoch?: number;
  fetchOffset?: bigint;
  lastFetchedEpoch?: number;
  logStartOffset?: bigint;
  partitionMaxBytes?: number;
  replicaDirectoryId?: string;
  highWatermark?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestForgottenTopic {
  topic: string;
  topicId: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestForgottenTopicInput {
  topic?: string;
  topicId?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultFetchRequest(): FetchRequest {
  return {
    clusterId: null,
    replicaId: -1,
    replicaState: defaultFetchRequestReplicaState(),
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 2147483647,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [],
    forgottenTopicsData: [],
    rackId: "",
  };
}

export function defaultFetchRequestReplicaState(): FetchRequestReplicaState {
  return {
    replicaId: -1,
    replicaEpoch: -1n,
  };
}

export function defaultFetchRequestFetchTopic(): FetchRequestFetchTopic {
  return {
    topic: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultFetchRequestFetchPartition(): FetchRequestFetchPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    fetchOffset: 0n,
    lastFetchedEpoch: -1,
    logStartOffset: -1n,
    partitionMaxBytes: 0,
    replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    highWatermark: 9223372036854776000n,
  };
}

export function defaultFetchRequestForgottenTopic(): FetchRequestForgottenTopic {
  return {
    topic: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function writeFetchRequest(w: Writer, v: number, m: FetchRequestInput): void {
  const flex = v >= 12;
  if (v <= 14) { const x = m.replicaId === undefined ? -1 : m.replicaId; w.int32(x); }
  { const x = m.maxWaitMs === undefined ? 0 : m.maxWaitMs; w.int32(x); }
  { const x = m.minBytes === undefined ? 0 : m.minBytes; w.int32(x); }
  { const x = m.maxBytes === undefined ? 2147483647 : m.maxBytes; w.int32(x); }
  { const x = m.isolationLevel === undefined ? 0 : m.isolationLevel; w.int8(x); }
  if (v >= 7) { const x = m.sessionId === undefined ? 0 : m.sessionId; w.int32(x); }
  if (v >= 7) { const x = m.sessionEpoch === undefined ? -1 : m.sessionEpoch; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeFetchRequestFetchTopic(w, v, e); } } }
  if (v >= 7) { const x = m.forgottenTopicsData === undefined ? [] : m.forgottenTopicsData; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeFetchRequestForgottenTopic(w, v, e); } } }
  if (v >= 11) { const x = m.rackId === undefined ? "" : m.rackId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 12) { const x = m.clusterId === undefined ? null : m.clusterId; if (!isDefaultValue(x, null)) tags.push([0, (w) => { w.compactNullableString(x); }]); }
    if (v >= 15) { const x = m.replicaState === undefined ? defaultFetchRequestReplicaState() : m.replicaState; if (!isDefaultValue(x, defaultFetchRequestReplicaState())) tags.push([1, (w) => { writeFetchRequestReplicaState(w, v, x ?? {}); }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeFetchRequestReplicaState(w: Writer, v: number, m: FetchRequestReplicaStateInput): void {
  { const x = m.replicaId === undefined ? -1 : m.replicaId; w.int32(x); }
  { const x = m.replicaEpoch === undefined ? -1n : m.replicaEpoch; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchRequestFetchTopic(w: Writer, v: number, m: FetchRequestFetchTopicInput): void {
  const flex = v >= 12;
  if (v <= 12) { const x = m.topic === undefined ? "" : m.topic; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 13) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeFetchRequestFetchPartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeFetchRequestFetchPartition(w: Writer, v: number, m: FetchRequestFetchPartitionInput): void {
  const flex = v >= 12;
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  if (v >= 9) { const x = m.currentLeaderEpoch === undefined ? -1 : m.currentLeaderEpoch; w.int32(x); }
  { const x = m.fetchOffset === undefined ? 0n : m.fetchOffset; w.int64(x); }
  if (v >= 12) { const x = m.lastFetchedEpoch === undefined ? -1 : m.lastFetchedEpoch; w.int32(x); }
  if (v >= 5) { const x = m.logStartOffset === undefined ? -1n : m.logStartOffset; w.int64(x); }
  { const x = m.partitionMaxBytes === undefined ? 0 : m.partitionMaxBytes; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 17) { const x = m.replicaDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.replicaDirectoryId; if (!isDefaultValue(x, "AAAAAAAAAAAAAAAAAAAAAA")) tags.push([0, (w) => { w.uuid(x); }]); }
    if (v >= 18) { const x = m.highWatermark === undefined ? 9223372036854776000n : m.highWatermark; if (!isDefaultValue(x, 9223372036854776000n)) tags.push([1, (w) => { w.int64(x); }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeFetchRequestForgottenTopic(w: Writer, v: number, m: FetchRequestForgottenTopicInput): void {
  const flex = v >= 12;
  if (v <= 12) { const x = m.topic === undefined ? "" : m.topic; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 13) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readFetchRequest(r: Reader, v: number): FetchRequest {
  const flex = v >= 12;
  const fClusterId: string | null = null;
  const fReplicaId: number = (v <= 14) ? r.int32() : -1;
  const fReplicaState: FetchRequestReplicaState = defaultFetchRequestReplicaState();
  const fMaxWaitMs: number = r.int32();
  const fMinBytes: number = r.int32();
  const fMaxBytes: number = r.int32();
  const fIsolationLevel: number = r.int8();
  const fSessionId: number = (v >= 7) ? r.int32() : 0;
  const fSessionEpoch: number = (v >= 7) ? r.int32() : -1;
  const fTopics: FetchRequestFetchTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchRequestFetchTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fForgottenTopicsData: FetchRequestForgottenTopic[] = (v >= 7) ? ((n: number) => { if (n < 0) return nullErr('ForgottenTopicsData'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchRequestForgottenTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fRackId: string = (v >= 11) ? (flex ? r.compactString() : r.string()) : "";
  const m: FetchRequest = { clusterId: fClusterId, replicaId: fReplicaId, replicaState: fReplicaState, maxWaitMs: fMaxWaitMs, minBytes: fMinBytes, maxBytes: fMaxBytes, isolationLevel: fIsolationLevel, sessionId: fSessionId, sessionEpoch: fSessionEpoch, topics: fTopics, forgottenTopicsData: fForgottenTopicsData, rackId: fRackId };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 12) { m.clusterId = t.compactNullableString(); return true; } return false;
        case 1: if (v >= 15) { m.replicaState = readFetchRequestReplicaState(t, v); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readFetchRequestReplicaState(r: Reader, v: number): FetchRequestReplicaState {
  const fReplicaId: number = r.int32();
  const fReplicaEpoch: bigint = r.int64();
  const m: FetchRequestReplicaState = { replicaId: fReplicaId, replicaEpoch: fReplicaEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchRequestFetchTopic(r: Reader, v: number): FetchRequestFetchTopic {
  const flex = v >= 12;
  const fTopic: string = (v <= 12) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 13) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitions: FetchRequestFetchPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchRequestFetchPartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: FetchRequestFetchTopic = { topic: fTopic, topicId: fTopicId, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readFetchRequestFetchPartition(r: Reader, v: number): FetchRequestFetchPartition {
  const flex = v >= 12;
  const fPartition: number = r.int32();
  const fCurrentLeaderEpoch: number = (v >= 9) ? r.int32() : -1;
  const fFetchOffset: bigint = r.int64();
  const fLastFetchedEpoch: number = (v >= 12) ? r.int32() : -1;
  const fLogStartOffset: bigint = (v >= 5) ? r.int64() : -1n;
  const fPartitionMaxBytes: number = r.int32();
  const fReplicaDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  const fHighWatermark: bigint = 9223372036854776000n;
  const m: FetchRequestFetchPartition = { partition: fPartition, currentLeaderEpoch: fCurrentLeaderEpoch, fetchOffset: fFetchOffset, lastFetchedEpoch: fLastFetchedEpoch, logStartOffset: fLogStartOffset, partitionMaxBytes: fPartitionMaxBytes, replicaDirectoryId: fReplicaDirectoryId, highWatermark: fHighWatermark };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 17) { m.replicaDirectoryId = t.uuid(); return true; } return false;
        case 1: if (v >= 18) { m.highWatermark = t.int64(); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readFetchRequestForgottenTopic(r: Reader, v: number): FetchRequestForgottenTopic {
  const flex = v >= 12;
  const fTopic: string = (v <= 12) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 13) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: FetchRequestForgottenTopic = { topic: fTopic, topicId: fTopicId, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
