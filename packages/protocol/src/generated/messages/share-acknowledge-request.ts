// Generated from ShareAcknowledgeRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const shareAcknowledgeRequestVersions = { min: 1, max: 2, flexibleMin: 0 } as const;

export interface ShareAcknowledgeRequest {
  groupId: string | null;
  memberId: string | null;
  shareSessionEpoch: number;
  isRenewAck: boolean;
  topics: ShareAcknowledgeRequestAcknowledgeTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestInput {
  groupId?: string | null;
  memberId?: string | null;
  shareSessionEpoch?: number;
  isRenewAck?: boolean;
  topics?: ShareAcknowledgeRequestAcknowledgeTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgeTopic {
  topicId: string;
  partitions: ShareAcknowledgeRequestAcknowledgePartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgeTopicInput {
  topicId?: string;
  partitions?: ShareAcknowledgeRequestAcknowledgePartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgePartition {
  partitionIndex: number;
  acknowledgementBatches: ShareAcknowledgeRequestAcknowledgementBatch[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgePartitionInput {
  partitionIndex?: number;
  acknowledgementBatches?: ShareAcknowledgeRequestAcknowledgementBatchInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgementBatch {
  firstOffset: bigint;
  lastOffset: bigint;
  acknowledgeTypes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgementBatchInput {
  firstOffset?: bigint;
  lastOffset?: bigint;
  acknowledgeTypes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultShareAcknowledgeRequest(): ShareAcknowledgeRequest {
  return {
    groupId: null,
    memberId: "",
    shareSessionEpoch: 0,
    isRenewAck: false,
    topics: [],
  };
}

export function defaultShareAcknowledgeRequestAcknowledgeTopic(): ShareAcknowledgeRequestAcknowledgeTopic {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultShareAcknowledgeRequestAcknowledgePartition(): ShareAcknowledgeRequestAcknowledgePartition {
  return {
    partitionIndex: 0,
    acknowledgementBatches: [],
  };
}

export function defaultShareAcknowledgeRequestAcknowledgementBatch(): ShareAcknowledgeRequestAcknowledgementBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    acknowledgeTypes: [],
  };
}

export function writeShareAcknowledgeRequest(w: Writer, v: number, m: ShareAcknowledgeRequestInput): void {
  { const x = m.groupId === undefined ? null : m.groupId; w.compactNullableString(x); }
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactNullableString(x); }
  { const x = m.shareSessionEpoch === undefined ? 0 : m.shareSessionEpoch; w.int32(x); }
  if (v >= 2) { const x = m.isRenewAck === undefined ? false : m.isRenewAck; w.bool(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareAcknowledgeRequestAcknowledgeTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareAcknowledgeRequestAcknowledgeTopic(w: Writer, v: number, m: ShareAcknowledgeRequestAcknowledgeTopicInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareAcknowledgeRequestAcknowledgePartition(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareAcknowledgeRequestAcknowledgePartition(w: Writer, v: number, m: ShareAcknowledgeRequestAcknowledgePartitionInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.acknowledgementBatches === undefined ? [] : m.acknowledgementBatches; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareAcknowledgeRequestAcknowledgementBatch(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareAcknowledgeRequestAcknowledgementBatch(w: Writer, v: number, m: ShareAcknowledgeRequestAcknowledgementBatchInput): void {
  { const x = m.firstOffset === undefined ? 0n : m.firstOffset; w.int64(x); }
  { const x = m.lastOffset === undefined ? 0n : m.lastOffset; w.int64(x); }
  { const x = m.acknowledgeTypes === undefined ? [] : m.acknowledgeTypes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int8(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readShareAcknowledgeRequest(r: Reader, v: number): ShareAcknowledgeRequest {
  const fGroupId: string | null = r.compactNullableString();
  const fMemberId: string | null = r.compactNullableString();
  const fShareSessionEpoch: number = r.int32();
  const fIsRenewAck: boolean = (v >= 2) ? r.bool() : false;
  const fTopics: ShareAcknowledgeRequestAcknowledgeTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readShareAcknowledgeRequestAcknowledgeTopic(r, v)); return a; })(r.compactArrayLength());
  const m: ShareAcknowledgeRequest = { groupId: fGroupId, memberId: fMemberId, shareSessionEpoch: fShareSessionEpoch, isRenewAck: fIsRenewAck, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareAcknowledgeRequestAcknowledgeTopic(r: Reader, v: number): ShareAcknowledgeRequestAcknowledgeTopic {
  const fTopicId: string = r.uuid();
  const fPartitions: ShareAcknowledgeRequestAcknowledgePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readShareAcknowledgeRequestAcknowledgePartition(r, v)); return a; })(r.compactArrayLength());
  const m: ShareAcknowledgeRequestAcknowledgeTopic = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareAcknowledgeRequestAcknowledgePartition(r: Reader, v: number): ShareAcknowledgeRequestAcknowledgePartition {
  const fPartitionIndex: number = r.int32();
  const fAcknowledgementBatches: ShareAcknowledgeRequestAcknowledgementBatch[] = ((n: number) => { if (n < 0) return nullErr('AcknowledgementBatches'); const a = []; for (let i = 0; i < n; i++) a.push(readShareAcknowledgeRequestAcknowledgementBatch(r, v)); return a; })(r.compactArrayLength());
  const m: ShareAcknowledgeRequestAcknowledgePartition = { partitionIndex: fPartitionIndex, acknowledgementBatches: fAcknowledgementBatches };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareAcknowledgeRequestAcknowledgementBatch(r: Reader, v: number): ShareAcknowledgeRequestAcknowledgementBatch {
  const fFirstOffset: bigint = r.int64();
  const fLastOffset: bigint = r.int64();
  const fAcknowledgeTypes: number[] = ((n: number) => { if (n < 0) return nullErr('AcknowledgeTypes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int8()); return a; })(r.compactArrayLength());
  const m: ShareAcknowledgeRequestAcknowledgementBatch = { firstOffset: fFirstOffset, lastOffset: fLastOffset, acknowledgeTypes: fAcknowledgeTypes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
