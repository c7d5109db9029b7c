// Generated from TxnOffsetCommitResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const txnOffsetCommitResponseVersions = { min: 0, max: 6, flexibleMin: 3 } as const;

export interface TxnOffsetCommitResponse {
  throttleTimeMs: number;
  topics: TxnOffsetCommitResponseTxnOffsetCommitResponseTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponseInput {
  throttleTimeMs?: number;
  topics?: TxnOffsetCommitResponseTxnOffsetCommitResponseTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponseTxnOffsetCommitResponseTopic {
  name: string;
  topicId: string;
  partitions: TxnOffsetCommitResponseTxnOffsetCommitResponsePartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponseTxnOffsetCommitResponseTopicInput {
  name?: string;
  topicId?: string;
  partitions?: TxnOffsetCommitResponseTxnOffsetCommitResponsePartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponseTxnOffsetCommitResponsePartition {
  partitionIndex: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponseTxnOffsetCommitResponsePartitionInput {
  partitionIndex?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitResponse(): TxnOffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function defaultTxnOffsetCommitResponseTxnOffsetCommitResponseTopic(): TxnOffsetCommitResponseTxnOffsetCommitResponseTopic {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultTxnOffsetCommitResponseTxnOffsetCommitResponsePartition(): TxnOffsetCommitResponseTxnOffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function writeTxnOffsetCommitResponse(w: Writer, v: number, m: TxnOffsetCommitResponseInput): void {
  const flex = v >= 3;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeTxnOffsetCommitResponseTxnOffsetCommitResponseTopic(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeTxnOffsetCommitResponseTxnOffsetCommitResponseTopic(w: Writer, v: number, m: TxnOffsetCommitResponseTxnOffsetCommitResponseTopicInput): void {
  const flex = v >= 3;
  if (v <= 5) { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 6) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeTxnOffsetCommitResponseTxnOffsetCommitResponsePartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeTxnOffsetCommitResponseTxnOffsetCommitResponsePartition(w: Writer, v: number, m: TxnOffsetCommitResponseTxnOffsetCommitResponsePartitionInput): void {
  const flex = v >= 3;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readTxnOffsetCommitResponse(r: Reader, v: number): TxnOffsetCommitResponse {
  const flex = v >= 3;
  const fThrottleTimeMs: number = r.int32();
  const fTopics: TxnOffsetCommitResponseTxnOffsetCommitResponseTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readTxnOffsetCommitResponseTxnOffsetCommitResponseTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: TxnOffsetCommitResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readTxnOffsetCommitResponseTxnOffsetCommitResponseTopic(r: Reader, v: number): TxnOffsetCommitResponseTxnOffsetCommitResponseTopic {
  const flex = v >= 3;
  const fName: string = (v <= 5) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 6) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitions: TxnOffsetCommitResponseTxnOffsetCommitResponsePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readTxnOffsetCommitResponseTxnOffsetCommitResponsePartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: TxnOffsetCommitResponseTxnOffsetCommitResponseTopic = { name: fName, topicId: fTopicId, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readTxnOffsetCommitResponseTxnOffsetCommitResponsePartition(r: Reader, v: number): TxnOffsetCommitResponseTxnOffsetCommitResponsePartition {
  const flex = v >= 3;
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: TxnOffsetCommitResponseTxnOffsetCommitResponsePartition = { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
