// Generated from FetchResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const fetchResponseVersions = { min: 4, max: 18, flexibleMin: 12 } as const;

export interface FetchResponse {
  throttleTimeMs: number;
  errorCode: number;
  sessionId: number;
  responses: FetchResponseFetchableTopicResponse[];
  nodeEndpoints: FetchResponseNodeEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  sessionId?: number;
  responses?: FetchResponseFetchableTopicResponseInput[];
  nodeEndpoints?: FetchResponseNodeEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseFetchableTopicResponse {
  topic: string;
  topicId: string;
  partitions: FetchResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseFetchableTopicResponseInput {
  topic?: string;
  topicId?: string;
  partitions?: FetchResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
  divergingEpoch: FetchResponseEpochEndOffset;
  currentLeader: FetchResponseLeaderIdAndEpoch;
  snapshotId: FetchResponseSnapshotId;
  abortedTransactions: FetchResponseAbortedTransaction[] | null;
  preferredReadReplica: number;
  records: Buffer | null;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  highWatermark?: bigint;
  lastStableOffset?: bigint;
  logStartOffset?: bigint;
  divergingEpoch?: FetchResponseEpochEndOffsetInput;
  currentLeader?: FetchResponseLeaderIdAndEpochInput;
  snapshotId?: FetchResponseSnapshotIdInput;
  abortedTransactions?: FetchResponseAbortedTransactionInput[] | null;
  preferredReadReplica?: number;
  records?: Buffer | readonly Buffer[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseEpochEndOffset {
  epoch: number;
  endOffset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseEpochEndOffsetInput {
  epoch?: number;
  endOffset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseLeaderIdAndEpoch {
  leaderId: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseLeaderIdAndEpochInput {
  leaderId?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseSnapshotId {
  endOffset: bigint;
  epoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseSnapshotIdInput {
  endOffset?: bigint;
  epoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseAbortedTransaction {
  producerId: bigint;
  firstOffset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseAbortedTransactionInput {
  producerId?: bigint;
  firstOffset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseNodeEndpointInput {
  nodeId?: number;
  host?: string;
  port?: number;
  rack?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponse(): FetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [],
    nodeEndpoints: [],
  };
}

export function defaultFetchResponseFetchableTopicResponse(): FetchResponseFetchableTopicResponse {
  return {
    topic: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultFetchResponsePartitionData(): FetchResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    highWatermark: 0n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    divergingEpoch: defaultFetchResponseEpochEndOffset(),
    currentLeader: defaultFetchResponseLeaderIdAndEpoch(),
    snapshotId: defaultFetchResponseSnapshotId(),
    abortedTransactions: [],
    preferredReadReplica: -1,
    records: null,
  };
}

export function defaultFetchResponseEpochEndOffset(): FetchResponseEpochEndOffset {
  return {
    epoch: -1,
    endOffset: -1n,
  };
}

export function defaultFetchResponseLeaderIdAndEpoch(): FetchResponseLeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
  };
}

export function defaultFetchResponseSnapshotId(): FetchResponseSnapshotId {
  return {
    endOffset: -1n,
    epoch: -1,
  };
}

export function defaultFetchResponseAbortedTransaction(): FetchResponseAbortedTransaction {
  return {
    producerId: 0n,
    firstOffset: 0n,
  };
}

export function defaultFetchResponseNodeEndpoint(): FetchResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function writeFetchResponse(w: Writer, v: number, m: FetchResponseInput): void {
  const flex = v >= 12;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (v >= 7) { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 7) { const x = m.sessionId === undefined ? 0 : m.sessionId; w.int32(x); }
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeFetchResponseFetchableTopicResponse(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 16) { const x = m.nodeEndpoints === undefined ? [] : m.nodeEndpoints; if (!isDefaultValue(x, [])) tags.push([0, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeFetchResponseNodeEndpoint(w, v, e); } } }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeFetchResponseFetchableTopicResponse(w: Writer, v: number, m: FetchResponseFetchableTopicResponseInput): void {
  const flex = v >= 12;
  if (v <= 12) { const x = m.topic === undefined ? "" : m.topic; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 13) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeFetchResponsePartitionData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeFetchResponsePartitionData(w: Writer, v: number, m: FetchResponsePartitionDataInput): void {
  const flex = v >= 12;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.highWatermark === undefined ? 0n : m.highWatermark; w.int64(x); }
  { const x = m.lastStableOffset === undefined ? -1n : m.lastStableOffset; w.int64(x); }
  if (v >= 5) { const x = m.logStartOffset === undefined ? -1n : m.logStartOffset; w.int64(x); }
  { const x = m.abortedTransactions === undefined ? [] : m.abortedTransactions; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { writeFetchResponseAbortedTransaction(w, v, e); } } }
  if (v >= 11) { const x = m.preferredReadReplica === undefined ? -1 : m.preferredReadReplica; w.int32(x); }
  { const x = m.records === undefined ? null : m.records; writeRecords(w, x, flex); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 12) { const x = m.divergingEpoch === undefined ? defaultFetchResponseEpochEndOffset() : m.divergingEpoch; if (!isDefaultValue(x, defaultFetchResponseEpochEndOffset())) tags.push([0, (w) => { writeFetchResponseEpochEndOffset(w, v, x ?? {}); }]); }
    if (v >= 12) { const x = m.currentLeader === undefined ? defaultFetchResponseLeaderIdAndEpoch() : m.currentLeader; if (!isDefaultValue(x, defaultFetchResponseLeaderIdAndEpoch())) tags.push([1, (w) => { writeFetchResponseLeaderIdAndEpoch(w, v, x ?? {}); }]); }
    if (v >= 12) { const x = m.snapshotId === undefined ? defaultFetchResponseSnapshotId() : m.snapshotId; if (!isDefaultValue(x, defaultFetchResponseSnapshotId())) tags.push([2, (w) => { writeFetchResponseSnapshotId(w, v, x ?? {}); }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeFetchResponseEpochEndOffset(w: Writer, v: number, m: FetchResponseEpochEndOffsetInput): void {
  { const x = m.epoch === undefined ? -1 : m.epoch; w.int32(x); }
  { const x = m.endOffset === undefined ? -1n : m.endOffset; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchResponseLeaderIdAndEpoch(w: Writer, v: number, m: FetchResponseLeaderIdAndEpochInput): void {
  { const x = m.leaderId === undefined ? -1 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? -1 : m.leaderEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchResponseSnapshotId(w: Writer, v: number, m: FetchResponseSnapshotIdInput): void {
  { const x = m.endOffset === undefined ? -1n : m.endOffset; w.int64(x); }
  { const x = m.epoch === undefined ? -1 : m.epoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeFetchResponseAbortedTransaction(w: Writer, v: number, m: FetchResponseAbortedTransactionInput): void {
  const flex = v >= 12;
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.firstOffset === undefined ? 0n : m.firstOffset; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeFetchResponseNodeEndpoint(w: Writer, v: number, m: FetchResponseNodeEndpointInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  { const x = m.rack === undefined ? null : m.rack; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readFetchResponse(r: Reader, v: number): FetchResponse {
  const flex = v >= 12;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = (v >= 7) ? r.int16() : 0;
  const fSessionId: number = (v >= 7) ? r.int32() : 0;
  const fResponses: FetchResponseFetchableTopicResponse[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchResponseFetchableTopicResponse(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fNodeEndpoints: FetchResponseNodeEndpoint[] = [];
  const m: FetchResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, sessionId: fSessionId, responses: fResponses, nodeEndpoints: fNodeEndpoints };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 16) { m.nodeEndpoints = ((n: number) => { if (n < 0) return nullErr('NodeEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchResponseNodeEndpoint(t, v)); return a; })(t.compactArrayLength()); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readFetchResponseFetchableTopicResponse(r: Reader, v: number): FetchResponseFetchableTopicResponse {
  const flex = v >= 12;
  const fTopic: string = (v <= 12) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 13) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitions: FetchResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readFetchResponsePartitionData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: FetchResponseFetchableTopicResponse = { topic: fTopic, topicId: fTopicId, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readFetchResponsePartitionData(r: Reader, v: number): FetchResponsePartitionData {
  const flex = v >= 12;
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fHighWatermark: bigint = r.int64();
  const fLastStableOffset: bigint = r.int64();
  const fLogStartOffset: bigint = (v >= 5) ? r.int64() : -1n;
  const fDivergingEpoch: FetchResponseEpochEndOffset = defaultFetchResponseEpochEndOffset();
  const fCurrentLeader: FetchResponseLeaderIdAndEpoch = defaultFetchResponseLeaderIdAndEpoch();
  const fSnapshotId: FetchResponseSnapshotId = defaultFetchResponseSnapshotId();
  const fAbortedTransactions: FetchResponseAbortedTransaction[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readFetchResponseAbortedTransaction(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fPreferredReadReplica: number = (v >= 11) ? r.int32() : -1;
  const fRecords: Buffer | null = (flex ? r.compactNullableBytes() : r.nullableBytes());
  const m: FetchResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, highWatermark: fHighWatermark, lastStableOffset: fLastStableOffset, logStartOffset: fLogStartOffset, divergingEpoch: fDivergingEpoch, currentLeader: fCurrentLeader, snapshotId: fSnapshotId, abortedTransactions: fAbortedTransactions, preferredReadReplica: fPreferredReadReplica, records: fRecords };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 12) { m.divergingEpoch = readFetchResponseEpochEndOffset(t, v); return true; } return false;
        case 1: if (v >= 12) { m.currentLeader = readFetchResponseLeaderIdAndEpoch(t, v); return true; } return false;
        case 2: if (v >= 12) { m.snapshotId = readFetchResponseSnapshotId(t, v); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readFetchResponseEpochEndOffset(r: Reader, v: number): FetchResponseEpochEndOffset {
  const fEpoch: number = r.int32();
  const fEndOffset: bigint = r.int64();
  const m: FetchResponseEpochEndOffset = { epoch: fEpoch, endOffset: fEndOffset };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchResponseLeaderIdAndEpoch(r: Reader, v: number): FetchResponseLeaderIdAndEpoch {
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: FetchResponseLeaderIdAndEpoch = { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchResponseSnapshotId(r: Reader, v: number): FetchResponseSnapshotId {
  const fEndOffset: bigint = r.int64();
  const fEpoch: number = r.int32();
  const m: FetchResponseSnapshotId = { endOffset: fEndOffset, epoch: fEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readFetchResponseAbortedTransaction(r: Reader, v: number): FetchResponseAbortedTransaction {
  const flex = v >= 12;
  const fProducerId: bigint = r.int64();
  const fFirstOffset: bigint = r.int64();
  const m: FetchResponseAbortedTransaction = { producerId: fProducerId, firstOffset: fFirstOffset };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readFetchResponseNodeEndpoint(r: Reader, v: number): FetchResponseNodeEndpoint {
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.int32();
  const fRack: string | null = r.compactNullableString();
  const m: FetchResponseNodeEndpoint = { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
