// Generated from FetchSnapshotResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const fetchSnapshotResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface FetchSnapshotResponse {
  throttleTimeMs: number;
  errorCode: number;
  topics: FetchSnapshotResponseTopicSnapshot[];
  nodeEndpoints: FetchSnapshotResponseNodeEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  topics?: FetchSnapshotResponseTopicSnapshotInput[];
  nodeEndpoints?: FetchSnapshotResponseNodeEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseTopicSnapshot {
  name: string;
  partitions: FetchSnapshotResponsePartitionSnapshot[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseTopicSnapshotInput {
  name?: string;
  partitions?: FetchSnapshotResponsePartitionSnapshotInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponsePartitionSnapshot {
  index: number;
  errorCode: number;
  snapshotId: FetchSnapshotResponseSnapshotId;
  currentLeader: FetchSnapshotResponseLeaderIdAndEpoch;
  size: bigint;
  position: bigint;
  unalignedRecords: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponsePartitionSnapshotInput {
  index?: number;
  errorCode?: number;
  snapshotId?: FetchSnapshotResponseSnapshotIdInput;
  currentLeader?: FetchSnapshotResponseLeaderIdAndEpochInput;
  size?: bigint;
  position?: bigint;
  unalignedRecords?: Buffer | readonly Buffer[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseSnapshotId {
  endOffset: bigint;
  epoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseSnapshotIdInput {
  endOffset?: bigint;
  epoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseLeaderIdAndEpoch {
  leaderId: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseLeaderIdAndEpochInput {
  leaderId?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseNodeEndpointInput {
  nodeId?: number;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotResponse(): FetchSnapshotResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

export function defaultFetchSnapshotResponseTopicSnapshot(): FetchSnapshotResponseTopicSnapshot {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultFetchSnapshotResponsePartitionSnapshot(): FetchSnapshotResponsePartitionSnapshot {
  return {
    index: 0,
    errorCode: 0,
    snapshotId: defaultFetchSnapshotResponseSnapshotId(),
    currentLeader: defaultFetchSnapshotResponseLeaderIdAndEpoch(),
    size: 0n,
    position: 0n,
    unalignedRecords: EMPTY_BYTES,
  };
}

export function defaultFetchSnapshotResponseSnapshotId(): FetchSnapshotResponseSnapshotId {
  return {
    endOffset: 0n,
    epoch: 0,
  };
}

export function defaultFetchSnapshotResponseLeaderIdAndEpoch(): FetchSnapshotResponseLeaderIdAndEpoch {
  return {
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function defaultFetchSnapshotResponseNodeEndpoint(): FetchSnapshotResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

export function writeFetchSnapshotResponse(w: Writer, v: number, m: FetchSnapshotResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeFetchSnapshotResponseTopicSnapshot(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  if (v >= 1) { const x = m.nodeEndpoints === undefined ? [] : m.nodeEndpoints; if (!isDefaultValue(x, [])) tags.push([0, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeFetchSnapshotResponseNodeEndpoint(w, v, e); } } }]); }
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchSnapshotResponseTopicSnapshot(w: Writer, v: number, m: FetchSnapshotResponseTopicSnapshotInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeFetchSnapshotResponsePartitionSnapshot(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchSnapshotResponsePartitionSnapshot(w: Writer, v: number, m: FetchSnapshotResponsePartitionSnapshotInput): void {
  { const x = m.index === undefined ? 0 : m.index; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.snapshotId === undefined ? defaultFetchSnapshotResponseSnapshotId() : m.snapshotId; writeFetchSnapshotResponseSnapshotId(w, v, x ?? {}); }
  { const x = m.size === undefined ? 0n : m.size; w.int64(x); }
  { const x = m.position === undefined ? 0n : m.position; w.int64(x); }
  { const x = m.unalignedRecords === undefined ? EMPTY_BYTES : m.unalignedRecords; writeRecords(w, x, true); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  if (true) { const x = m.currentLeader === undefined ? defaultFetchSnapshotResponseLeaderIdAndEpoch() : m.currentLeader; if (!isDefaultValue(x, defaultFetchSnapshotResponseLeaderIdAndEpoch())) tags.push([0, (w) => { writeFetchSnapshotResponseLeaderIdAndEpoch(w, v, x ?? {}); }]); }
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchSnapshotResponseSnapshotId(w: Writer, v: number, m: FetchSnapshotResponseSnapshotIdInput): void {
  { const x = m.endOffset === undefined ? 0n : m.endOffset; w.int64(x); }
  { const x = m.epoch === undefined ? 0 : m.epoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchSnapshotResponseLeaderIdAndEpoch(w: Writer, v: number, m: FetchSnapshotResponseLeaderIdAndEpochInput): void {
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchSnapshotResponseNodeEndpoint(w: Writer, v: number, m: FetchSnapshotResponseNodeEndpointInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readFetchSnapshotResponse(r: Reader, v: number): FetchSnapshotResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fTopics: FetchSnapshotResponseTopicSnapshot[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchSnapshotResponseTopicSnapshot(r, v)); return a; })(r.compactArrayLength());
  const fNodeEndpoints: FetchSnapshotResponseNodeEndpoint[] = [];
  const m: FetchSnapshotResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, topics: fTopics, nodeEndpoints: fNodeEndpoints };
  const u = r.taggedFields((tag, t) => {
    switch (tag) {
      case 0: if (v >= 1) { m.nodeEndpoints = ((n: number) => { if (n < 0) return nullErr('NodeEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchSnapshotResponseNodeEndpoint(t, v)); return a; })(t.compactArrayLength()); return true; } return false;
      default: return false;
    }
  });
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchSnapshotResponseTopicSnapshot(r: Reader, v: number): FetchSnapshotResponseTopicSnapshot {
  const fName: string = r.compactString();
  const fPartitions: FetchSnapshotResponsePartitionSnapshot[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchSnapshotResponsePartitionSnapshot(r, v)); return a; })(r.compactArrayLength());
  const m: FetchSnapshotResponseTopicSnapshot = { name: fName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchSnapshotResponsePartitionSnapshot(r: Reader, v: number): FetchSnapshotResponsePartitionSnapshot {
  const fIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fSnapshotId: FetchSnapshotResponseSnapshotId = readFetchSnapshotResponseSnapshotId(r, v);
  const fCurrentLeader: FetchSnapshotResponseLeaderIdAndEpoch = defaultFetchSnapshotResponseLeaderIdAndEpoch();
  const fSize: bigint = r.int64();
  const fPosition: bigint = r.int64();
  const fUnalignedRecords: Buffer = r.compactBytes();
  const m: FetchSnapshotResponsePartitionSnapshot = { index: fIndex, errorCode: fErrorCode, snapshotId: fSnapshotId, currentLeader: fCurrentLeader, size: fSize, position: fPosition, unalignedRecords: fUnalignedRecords };
  const u = r.taggedFields((tag, t) => {
    switch (tag) {
      case 0: if (true) { m.currentLeader = readFetchSnapshotResponseLeaderIdAndEpoch(t, v); return true; } return false;
      default: return false;
    }
  });
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchSnapshotResponseSnapshotId(r: Reader, v: number): FetchSnapshotResponseSnapshotId {
  const fEndOffset: bigint = r.int64();
  const fEpoch: number = r.int32();
  const m: FetchSnapshotResponseSnapshotId = { endOffset: fEndOffset, epoch: fEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchSnapshotResponseLeaderIdAndEpoch(r: Reader, v: number): FetchSnapshotResponseLeaderIdAndEpoch {
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: FetchSnapshotResponseLeaderIdAndEpoch = { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchSnapshotResponseNodeEndpoint(r: Reader, v: number): FetchSnapshotResponseNodeEndpoint {
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: FetchSnapshotResponseNodeEndpoint = { nodeId: fNodeId, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
