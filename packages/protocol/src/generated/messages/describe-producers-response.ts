// Generated from DescribeProducersResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeProducersResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DescribeProducersResponse {
  throttleTimeMs: number;
  topics: DescribeProducersResponseTopicResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseInput {
  throttleTimeMs?: number;
  topics?: DescribeProducersResponseTopicResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseTopicResponse {
  name: string;
  partitions: DescribeProducersResponsePartitionResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseTopicResponseInput {
  name?: string;
  partitions?: DescribeProducersResponsePartitionResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponsePartitionResponse {
  partitionIndex: number;
  errorCode: number;
  errorMessage: string | null;
  activeProducers: DescribeProducersResponseProducerState[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponsePartitionResponseInput {
  partitionIndex?: number;
  errorCode?: number;
  errorMessage?: string | null;
  activeProducers?: DescribeProducersResponseProducerStateInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseProducerState {
  producerId: bigint;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: bigint;
  coordinatorEpoch: number;
  currentTxnStartOffset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseProducerStateInput {
  producerId?: bigint;
  producerEpoch?: number;
  lastSequence?: number;
  lastTimestamp?: bigint;
  coordinatorEpoch?: number;
  currentTxnStartOffset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersResponse(): DescribeProducersResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function defaultDescribeProducersResponseTopicResponse(): DescribeProducersResponseTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultDescribeProducersResponsePartitionResponse(): DescribeProducersResponsePartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    activeProducers: [],
  };
}

export function defaultDescribeProducersResponseProducerState(): DescribeProducersResponseProducerState {
  return {
    producerId: 0n,
    producerEpoch: 0,
    lastSequence: -1,
    lastTimestamp: -1n,
    coordinatorEpoch: 0,
    currentTxnStartOffset: -1n,
  };
}

export function writeDescribeProducersResponse(w: Writer, v: number, m: DescribeProducersResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeProducersResponseTopicResponse(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeProducersResponseTopicResponse(w: Writer, v: number, m: DescribeProducersResponseTopicResponseInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeProducersResponsePartitionResponse(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeProducersResponsePartitionResponse(w: Writer, v: number, m: DescribeProducersResponsePartitionResponseInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.activeProducers === undefined ? [] : m.activeProducers; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeProducersResponseProducerState(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeProducersResponseProducerState(w: Writer, v: number, m: DescribeProducersResponseProducerStateInput): void {
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.producerEpoch === undefined ? 0 : m.producerEpoch; w.int32(x); }
  { const x = m.lastSequence === undefined ? -1 : m.lastSequence; w.int32(x); }
  { const x = m.lastTimestamp === undefined ? -1n : m.lastTimestamp; w.int64(x); }
  { const x = m.coordinatorEpoch === undefined ? 0 : m.coordinatorEpoch; w.int32(x); }
  { const x = m.currentTxnStartOffset === undefined ? -1n : m.currentTxnStartOffset; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeProducersResponse(r: Reader, v: number): DescribeProducersResponse {
  const fThrottleTimeMs: number = r.int32();
  const fTopics: DescribeProducersResponseTopicResponse[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeProducersResponseTopicResponse(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeProducersResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeProducersResponseTopicResponse(r: Reader, v: number): DescribeProducersResponseTopicResponse {
  const fName: string = r.compactString();
  const fPartitions: DescribeProducersResponsePartitionResponse[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeProducersResponsePartitionResponse(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeProducersResponseTopicResponse = { name: fName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeProducersResponsePartitionResponse(r: Reader, v: number): DescribeProducersResponsePartitionResponse {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fActiveProducers: DescribeProducersResponseProducerState[] = ((n: number) => { if (n < 0) return nullErr('ActiveProducers'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeProducersResponseProducerState(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeProducersResponsePartitionResponse = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage, activeProducers: fActiveProducers };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeProducersResponseProducerState(r: Reader, v: number): DescribeProducersResponseProducerState {
  const fProducerId: bigint = r.int64();
  const fProducerEpoch: number = r.int32();
  const fLastSequence: number = r.int32();
  const fLastTimestamp: bigint = r.int64();
  const fCoordinatorEpoch: number = r.int32();
  const fCurrentTxnStartOffset: bigint = r.int64();
  const m: DescribeProducersResponseProducerState = { producerId: fProducerId, producerEpoch: fProducerEpoch, lastSequence: fLastSequence, lastTimestamp: fLastTimestamp, coordinatorEpoch: fCoordinatorEpoch, currentTxnStartOffset: fCurrentTxnStartOffset };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
