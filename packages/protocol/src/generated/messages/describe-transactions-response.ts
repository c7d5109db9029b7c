// Generated from DescribeTransactionsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeTransactionsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DescribeTransactionsResponse {
  throttleTimeMs: number;
  transactionStates: DescribeTransactionsResponseTransactionState[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseInput {
  throttleTimeMs?: number;
  transactionStates?: DescribeTransactionsResponseTransactionStateInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseTransactionState {
  errorCode: number;
  transactionalId: string;
  transactionState: string;
  transactionTimeoutMs: number;
  transactionStartTimeMs: bigint;
  producerId: bigint;
  producerEpoch: number;
  topics: DescribeTransactionsResponseTopicData[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseTransactionStateInput {
  errorCode?: number;
  transactionalId?: string;
  transactionState?: string;
  transactionTimeoutMs?: number;
  transactionStartTimeMs?: bigint;
  producerId?: bigint;
  producerEpoch?: number;
  topics?: DescribeTransactionsResponseTopicDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseTopicData {
  topic: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseTopicDataInput {
  topic?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTransactionsResponse(): DescribeTransactionsResponse {
  return {
    throttleTimeMs: 0,
    transactionStates: [],
  };
}

export function defaultDescribeTransactionsResponseTransactionState(): DescribeTransactionsResponseTransactionState {
  return {
    errorCode: 0,
    transactionalId: "",
    transactionState: "",
    transactionTimeoutMs: 0,
    transactionStartTimeMs: 0n,
    producerId: 0n,
    producerEpoch: 0,
    topics: [],
  };
}

export function defaultDescribeTransactionsResponseTopicData(): DescribeTransactionsResponseTopicData {
  return {
    topic: "",
    partitions: [],
  };
}

export function writeDescribeTransactionsResponse(w: Writer, v: number, m: DescribeTransactionsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.transactionStates === undefined ? [] : m.transactionStates; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeTransactionsResponseTransactionState(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeTransactionsResponseTransactionState(w: Writer, v: number, m: DescribeTransactionsResponseTransactionStateInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.transactionalId === undefined ? "" : m.transactionalId; w.compactString(x ?? ''); }
  { const x = m.transactionState === undefined ? "" : m.transactionState; w.compactString(x ?? ''); }
  { const x = m.transactionTimeoutMs === undefined ? 0 : m.transactionTimeoutMs; w.int32(x); }
  { const x = m.transactionStartTimeMs === undefined ? 0n : m.transactionStartTimeMs; w.int64(x); }
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.producerEpoch === undefined ? 0 : m.producerEpoch; w.int16(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeTransactionsResponseTopicData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeTransactionsResponseTopicData(w: Writer, v: number, m: DescribeTransactionsResponseTopicDataInput): void {
  { const x = m.topic === undefined ? "" : m.topic; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeTransactionsResponse(r: Reader, v: number): DescribeTransactionsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fTransactionStates: DescribeTransactionsResponseTransactionState[] = ((n: number) => { if (n < 0) return nullErr('TransactionStates'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeTransactionsResponseTransactionState(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeTransactionsResponse = { throttleTimeMs: fThrottleTimeMs, transactionStates: fTransactionStates };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeTransactionsResponseTransactionState(r: Reader, v: number): DescribeTransactionsResponseTransactionState {
  const fErrorCode: number = r.int16();
  const fTransactionalId: string = r.compactString();
  const fTransactionState: string = r.compactString();
  const fTransactionTimeoutMs: number = r.int32();
  const fTransactionStartTimeMs: bigint = r.int64();
  const fProducerId: bigint = r.int64();
  const fProducerEpoch: number = r.int16();
  const fTopics: DescribeTransactionsResponseTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeTransactionsResponseTopicData(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeTransactionsResponseTransactionState = { errorCode: fErrorCode, transactionalId: fTransactionalId, transactionState: fTransactionState, transactionTimeoutMs: fTransactionTimeoutMs, transactionStartTimeMs: fTransactionStartTimeMs, producerId: fProducerId, producerEpoch: fProducerEpoch, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeTransactionsResponseTopicData(r: Reader, v: number): DescribeTransactionsResponseTopicData {
  const fTopic: string = r.compactString();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: DescribeTransactionsResponseTopicData = { topic: fTopic, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
