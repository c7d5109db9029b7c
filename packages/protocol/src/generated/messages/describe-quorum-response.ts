// Generated from DescribeQuorumResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeQuorumResponseVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface DescribeQuorumResponse {
  errorCode: number;
  errorMessage: string | null;
  topics: DescribeQuorumResponseTopicData[];
  nodes: DescribeQuorumResponseNode[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseInput {
  errorCode?: number;
  errorMessage?: string | null;
  topics?: DescribeQuorumResponseTopicDataInput[];
  nodes?: DescribeQuorumResponseNodeInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseReplicaState {
  replicaId: number;
  replicaDirectoryId: string;
  logEndOffset: bigint;
  lastFetchTimestamp: bigint;
  lastCaughtUpTimestamp: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseReplicaStateInput {
  replicaId?: number;
  replicaDirectoryId?: string;
  logEndOffset?: bigint;
  lastFetchTimestamp?: bigint;
  lastCaughtUpTimestamp?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseTopicData {
  topicName: string;
  partitions: DescribeQuorumResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseTopicDataInput {
  topicName?: string;
  partitions?: DescribeQuorumResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  errorMessage: string | null;
  leaderId: number;
  leaderEpoch: number;
  highWatermark: bigint;
  currentVoters: DescribeQuorumResponseReplicaState[];
  observers: DescribeQuorumResponseReplicaState[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  errorMessage?: string | null;
  leaderId?: number;
  leaderEpoch?: number;
  highWatermark?: bigint;
  currentVoters?: DescribeQuorumResponseReplicaStateInput[];
  observers?: DescribeQuorumResponseReplicaStateInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseNode {
  nodeId: number;
  listeners: DescribeQuorumResponseListener[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseNodeInput {
  nodeId?: number;
  listeners?: DescribeQuorumResponseListenerInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseListener {
  name: string;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseListenerInput {
  name?: string;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumResponse(): DescribeQuorumResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    topics: [],
    nodes: [],
  };
}

export function defaultDescribeQuorumResponseReplicaState(): DescribeQuorumResponseReplicaState {
  return {
    replicaId: 0,
    replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    logEndOffset: 0n,
    lastFetchTimestamp: -1n,
    lastCaughtUpTimestamp: -1n,
  };
}

export function defaultDescribeQuorumResponseTopicData(): DescribeQuorumResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultDescribeQuorumResponsePartitionData(): DescribeQuorumResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: "",
    leaderId: 0,
    leaderEpoch: 0,
    highWatermark: 0n,
    currentVoters: [],
    observers: [],
  };
}

export function defaultDescribeQuorumResponseNode(): DescribeQuorumResponseNode {
  return {
    nodeId: 0,
    listeners: [],
  };
}

export function defaultDescribeQuorumResponseListener(): DescribeQuorumResponseListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function writeDescribeQuorumResponse(w: Writer, v: number, m: DescribeQuorumResponseInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 2) { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeQuorumResponseTopicData(w, v, e); } } }
  if (v >= 2) { const x = m.nodes === undefined ? [] : m.nodes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeQuorumResponseNode(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeQuorumResponseReplicaState(w: Writer, v: number, m: DescribeQuorumResponseReplicaStateInput): void {
  { const x = m.replicaId === undefined ? 0 : m.replicaId; w.int32(x); }
  if (v >= 2) { const x = m.replicaDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.replicaDirectoryId; w.uuid(x); }
  { const x = m.logEndOffset === undefined ? 0n : m.logEndOffset; w.int64(x); }
  if (v >= 1) { const x = m.lastFetchTimestamp === undefined ? -1n : m.lastFetchTimestamp; w.int64(x); }
  if (v >= 1) { const x = m.lastCaughtUpTimestamp === undefined ? -1n : m.lastCaughtUpTimestamp; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeQuorumResponseTopicData(w: Writer, v: number, m: DescribeQuorumResponseTopicDataInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeQuorumResponsePartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeQuorumResponsePartitionData(w: Writer, v: number, m: DescribeQuorumResponsePartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 2) { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  { const x = m.highWatermark === undefined ? 0n : m.highWatermark; w.int64(x); }
  { const x = m.currentVoters === undefined ? [] : m.currentVoters; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeQuorumResponseReplicaState(w, v, e); } } }
  { const x = m.observers === undefined ? [] : m.observers; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeQuorumResponseReplicaState(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeQuorumResponseNode(w: Writer, v: number, m: DescribeQuorumResponseNodeInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.listeners === undefined ? [] : m.listeners; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeQuorumResponseListener(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeQuorumResponseListener(w: Writer, v: number, m: DescribeQuorumResponseListenerInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeQuorumResponse(r: Reader, v: number): DescribeQuorumResponse {
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (v >= 2) ? r.compactNullableString() : "";
  const fTopics: DescribeQuorumResponseTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeQuorumResponseTopicData(r, v)); return a; })(r.compactArrayLength());
  const fNodes: DescribeQuorumResponseNode[] = (v >= 2) ? ((n: number) => { if (n < 0) return nullErr('Nodes'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeQuorumResponseNode(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: DescribeQuorumResponse = { errorCode: fErrorCode, errorMessage: fErrorMessage, topics: fTopics, nodes: fNodes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeQuorumResponseReplicaState(r: Reader, v: number): DescribeQuorumResponseReplicaState {
  const fReplicaId: number = r.int32();
  const fReplicaDirectoryId: string = (v >= 2) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fLogEndOffset: bigint = r.int64();
  const fLastFetchTimestamp: bigint = (v >= 1) ? r.int64() : -1n;
  const fLastCaughtUpTimestamp: bigint = (v >= 1) ? r.int64() : -1n;
  const m: DescribeQuorumResponseReplicaState = { replicaId: fReplicaId, replicaDirectoryId: fReplicaDirectoryId, logEndOffset: fLogEndOffset, lastFetchTimestamp: fLastFetchTimestamp, lastCaughtUpTimestamp: fLastCaughtUpTimestamp };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeQuorumResponseTopicData(r: Reader, v: number): DescribeQuorumResponseTopicData {
  const fTopicName: string = r.compactString();
  const fPartitions: DescribeQuorumResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeQuorumResponsePartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeQuorumResponseTopicData = { topicName: fTopicName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeQuorumResponsePartitionData(r: Reader, v: number): DescribeQuorumResponsePartitionData {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (v >= 2) ? r.compactNullableString() : "";
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fHighWatermark: bigint = r.int64();
  const fCurrentVoters: DescribeQuorumResponseReplicaState[] = ((n: number) => { if (n < 0) return nullErr('CurrentVoters'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeQuorumResponseReplicaState(r, v)); return a; })(r.compactArrayLength());
  const fObservers: DescribeQuorumResponseReplicaState[] = ((n: number) => { if (n < 0) return nullErr('Observers'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeQuorumResponseReplicaState(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeQuorumResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, highWatermark: fHighWatermark, currentVoters: fCurrentVoters, observers: fObservers };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeQuorumResponseNode(r: Reader, v: number): DescribeQuorumResponseNode {
  const fNodeId: number = r.int32();
  const fListeners: DescribeQuorumResponseListener[] = ((n: number) => { if (n < 0) return nullErr('Listeners'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeQuorumResponseListener(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeQuorumResponseNode = { nodeId: fNodeId, listeners: fListeners };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeQuorumResponseListener(r: Reader, v: number): DescribeQuorumResponseListener {
  const fName: string = r.compactString();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: DescribeQuorumResponseListener = { name: fName, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
