// Generated from ShareFetchRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const shareFetchRequestVersions = { min: 1, max: 2, flexibleMin: 0 } as const;

export interface ShareFetchRequest {
  groupId: string | null;
  memberId: string | null;
  shareSessionEpoch: number;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  maxRecords: number;
  batchSize: number;
  shareAcquireMode: number;
  isRenewAck: boolean;
  topics: ShareFetchRequestFetchTopic[];
  forgottenTopicsData: ShareFetchRequestForgottenTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestInput {
  groupId?: string | null;
  memberId?: string | null;
  shareSessionEpoch?: number;
  maxWaitMs?: number;
  minBytes?: number;
  maxBytes?: number;
  maxRecords?: number;
  batchSize?: number;
  shareAcquireMode?: number;
  isRenewAck?: boolean;
  topics?: ShareFetchRequestFetchTopicInput[];
  forgottenTopicsData?: ShareFetchRequestForgottenTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestFetchTopic {
  topicId: string;
  partitions: ShareFetchRequestFetchPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestFetchTopicInput {
  topicId?: string;
  partitions?: ShareFetchRequestFetchPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestFetchPartition {
  partitionIndex: number;
  partitionMaxBytes: number;
  acknowledgementBatches: ShareFetchRequestAcknowledgementBatch[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestFetchPartitionInput {
  partitionIndex?: number;
  partitionMaxBytes?: number;
  acknowledgementBatches?: ShareFetchRequestAcknowledgementBatchInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestAcknowledgementBatch {
  firstOffset: bigint;
  lastOffset: bigint;
  acknowledgeTypes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestAcknowledgementBatchInput {
  firstOffset?: bigint;
  lastOffset?: bigint;
  acknowledgeTypes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestForgottenTopic {
  topicId: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestForgottenTopicInput {
  topicId?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultShareFetchRequest(): ShareFetchRequest {
  return {
    groupId: null,
    memberId: "",
    shareSessionEpoch: 0,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 2147483647,
    maxRecords: 0,
    batchSize: 0,
    shareAcquireMode: 0,
    isRenewAck: false,
    topics: [],
    forgottenTopicsData: [],
  };
}

export function defaultShareFetchRequestFetchTopic(): ShareFetchRequestFetchTopic {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultShareFetchRequestFetchPartition(): ShareFetchRequestFetchPartition {
  return {
    partitionIndex: 0,
    partitionMaxBytes: 0,
    acknowledgementBatches: [],
  };
}

export function defaultShareFetchRequestAcknowledgementBatch(): ShareFetchRequestAcknowledgementBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    acknowledgeTypes: [],
  };
}

export function defaultShareFetchRequestForgottenTopic(): ShareFetchRequestForgottenTopic {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function writeShareFetchRequest(w: Writer, v: number, m: ShareFetchRequestInput): void {
  { const x = m.groupId === undefined ? null : m.groupId; w.compactNullableString(x); }
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactNullableString(x); }
  { const x = m.shareSessionEpoch === undefined ? 0 : m.shareSessionEpoch; w.int32(x); }
  { const x = m.maxWaitMs === undefined ? 0 : m.maxWaitMs; w.int32(x); }
  { const x = m.minBytes === undefined ? 0 : m.minBytes; w.int32(x); }
  { const x = m.maxBytes === undefined ? 2147483647 : m.maxBytes; w.int32(x); }
  { const x = m.maxRecords === undefined ? 0 : m.maxRecords; w.int32(x); }
  { const x = m.batchSize === undefined ? 0 : m.batchSize; w.int32(x); }
  if (v >= 2) { const x = m.shareAcquireMode === undefined ? 0 : m.shareAcquireMode; w.int8(x); }
  if (v >= 2) { const x = m.isRenewAck === undefined ? false : m.isRenewAck; w.bool(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareFetchRequestFetchTopic(w, v, e); } } }
  { const x = m.forgottenTopicsData === undefined ? [] : m.forgottenTopicsData; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareFetchRequestForgottenTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchRequestFetchTopic(w: Writer, v: number, m: ShareFetchRequestFetchTopicInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareFetchRequestFetchPartition(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchRequestFetchPartition(w: Writer, v: number, m: ShareFetchRequestFetchPartitionInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.acknowledgementBatches === undefined ? [] : m.acknowledgementBatches; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareFetchRequestAcknowledgementBatch(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchRequestAcknowledgementBatch(w: Writer, v: number, m: ShareFetchRequestAcknowledgementBatchInput): void {
  { const x = m.firstOffset === undefined ? 0n : m.firstOffset; w.int64(x); }
  { const x = m.lastOffset === undefined ? 0n : m.lastOffset; w.int64(x); }
  { const x = m.acknowledgeTypes === undefined ? [] : m.acknowledgeTypes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int8(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchRequestForgottenTopic(w: Writer, v: number, m: ShareFetchRequestForgottenTopicInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readShareFetchRequest(r: Reader, v: number): ShareFetchRequest {
  const fGroupId: string | null = r.compactNullableString();
  const fMemberId: string | null = r.compactNullableString();
  const fShareSessionEpoch: number = r.int32();
  const fMaxWaitMs: number = r.int32();
  const fMinBytes: number = r.int32();
  const fMaxBytes: number = r.int32();
  const fMaxRecords: number = r.int32();
  const fBatchSize: number = r.int32();
  const fShareAcquireMode: number = (v >= 2) ? r.int8() : 0;
  const fIsRenewAck: boolean = (v >= 2) ? r.bool() : false;
  const fTopics: ShareFetchRequestFetchTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readShareFetchRequestFetchTopic(r, v)); return a; })(r.compactArrayLength());
  const fForgottenTopicsData: ShareFetchRequestForgottenTopic[] = ((n: number) => { if (n < 0) return nullErr('ForgottenTopicsData'); const a = []; for (let i = 0; i < n; i++) a.push(readShareFetchRequestForgottenTopic(r, v)); return a; })(r.compactArrayLength());
  const m: ShareFetchRequest = { groupId: fGroupId, memberId: fMemberId, shareSessionEpoch: fShareSessionEpoch, maxWaitMs: fMaxWaitMs, minBytes: fMinBytes, maxBytes: fMaxBytes, maxRecords: fMaxRecords, batchSize: fBatchSize, shareAcquireMode: fShareAcquireMode, isRenewAck: fIsRenewAck, topics: fTopics, forgottenTopicsData: fForgottenTopicsData };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchRequestFetchTopic(r: Reader, v: number): ShareFetchRequestFetchTopic {
  const fTopicId: string = r.uuid();
  const fPartitions: ShareFetchRequestFetchPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readShareFetchRequestFetchPartition(r, v)); return a; })(r.compactArrayLength());
  const m: ShareFetchRequestFetchTopic = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchRequestFetchPartition(r: Reader, v: number): ShareFetchRequestFetchPartition {
  const fPartitionIndex: number = r.int32();
  const fPartitionMaxBytes: number = 0;
  const fAcknowledgementBatches: ShareFetchRequestAcknowledgementBatch[] = ((n: number) => { if (n < 0) return nullErr('AcknowledgementBatches'); const a = []; for (let i = 0; i < n; i++) a.push(readShareFetchRequestAcknowledgementBatch(r, v)); return a; })(r.compactArrayLength());
  const m: ShareFetchRequestFetchPartition = { partitionIndex: fPartitionIndex, partitionMaxBytes: fPartitionMaxBytes, acknowledgementBatches: fAcknowledgementBatches };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchRequestAcknowledgementBatch(r: Reader, v: number): ShareFetchRequestAcknowledgementBatch {
  const fFirstOffset: bigint = r.int64();
  const fLastOffset: bigint = r.int64();
  const fAcknowledgeTypes: number[] = ((n: number) => { if (n < 0) return nullErr('AcknowledgeTypes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int8()); return a; })(r.compactArrayLength());
  const m: ShareFetchRequestAcknowledgementBatch = { firstOffset: fFirstOffset, lastOffset: fLastOffset, acknowledgeTypes: fAcknowledgeTypes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchRequestForgottenTopic(r: Reader, v: number): ShareFetchRequestForgottenTopic {
  const fTopicId: string = r.uuid();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: ShareFetchRequestForgottenTopic = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
