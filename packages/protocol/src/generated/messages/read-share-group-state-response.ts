// Generated from ReadShareGroupStateResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const readShareGroupStateResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface ReadShareGroupStateResponse {
  results: ReadShareGroupStateResponseReadStateResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseInput {
  results?: ReadShareGroupStateResponseReadStateResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseReadStateResult {
  topicId: string;
  partitions: ReadShareGroupStateResponsePartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseReadStateResultInput {
  topicId?: string;
  partitions?: ReadShareGroupStateResponsePartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponsePartitionResult {
  partition: number;
  errorCode: number;
  errorMessage: string | null;
  stateEpoch: number;
  startOffset: bigint;
  stateBatches: ReadShareGroupStateResponseStateBatch[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponsePartitionResultInput {
  partition?: number;
  errorCode?: number;
  errorMessage?: string | null;
  stateEpoch?: number;
  startOffset?: bigint;
  stateBatches?: ReadShareGroupStateResponseStateBatchInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseStateBatch {
  firstOffset: bigint;
  lastOffset: bigint;
  deliveryState: number;
  deliveryCount: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseStateBatchInput {
  firstOffset?: bigint;
  lastOffset?: bigint;
  deliveryState?: number;
  deliveryCount?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultReadShareGroupStateResponse(): ReadShareGroupStateResponse {
  return {
    results: [],
  };
}

export function defaultReadShareGroupStateResponseReadStateResult(): ReadShareGroupStateResponseReadStateResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultReadShareGroupStateResponsePartitionResult(): ReadShareGroupStateResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
    stateEpoch: 0,
    startOffset: 0n,
    stateBatches: [],
  };
}

export function defaultReadShareGroupStateResponseStateBatch(): ReadShareGroupStateResponseStateBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    deliveryState: 0,
    deliveryCount: 0,
  };
}

export function writeReadShareGroupStateResponse(w: Writer, v: number, m: ReadShareGroupStateResponseInput): void {
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateResponseReadStateResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateResponseReadStateResult(w: Writer, v: number, m: ReadShareGroupStateResponseReadStateResultInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateResponsePartitionResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateResponsePartitionResult(w: Writer, v: number, m: ReadShareGroupStateResponsePartitionResultInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.stateEpoch === undefined ? 0 : m.stateEpoch; w.int32(x); }
  { const x = m.startOffset === undefined ? 0n : m.startOffset; w.int64(x); }
  { const x = m.stateBatches === undefined ? [] : m.stateBatches; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateResponseStateBatch(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateResponseStateBatch(w: Writer, v: number, m: ReadShareGroupStateResponseStateBatchInput): void {
  { const x = m.firstOffset === undefined ? 0n : m.firstOffset; w.int64(x); }
  { const x = m.lastOffset === undefined ? 0n : m.lastOffset; w.int64(x); }
  { const x = m.deliveryState === undefined ? 0 : m.deliveryState; w.int8(x); }
  { const x = m.deliveryCount === undefined ? 0 : m.deliveryCount; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readReadShareGroupStateResponse(r: Reader, v: number): ReadShareGroupStateResponse {
  const fResults: ReadShareGroupStateResponseReadStateResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateResponseReadStateResult(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateResponse = { results: fResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateResponseReadStateResult(r: Reader, v: number): ReadShareGroupStateResponseReadStateResult {
  const fTopicId: string = r.uuid();
  const fPartitions: ReadShareGroupStateResponsePartitionResult[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateResponsePartitionResult(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateResponseReadStateResult = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateResponsePartitionResult(r: Reader, v: number): ReadShareGroupStateResponsePartitionResult {
  const fPartition: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fStateEpoch: number = r.int32();
  const fStartOffset: bigint = r.int64();
  const fStateBatches: ReadShareGroupStateResponseStateBatch[] = ((n: number) => { if (n < 0) return nullErr('StateBatches'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateResponseStateBatch(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateResponsePartitionResult = { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage, stateEpoch: fStateEpoch, startOffset: fStartOffset, stateBatches: fStateBatches };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateResponseStateBatch(r: Reader, v: number): ReadShareGroupStateResponseStateBatch {
  const fFirstOffset: bigint = r.int64();
  const fLastOffset: bigint = r.int64();
  const fDeliveryState: number = r.int8();
  const fDeliveryCount: number = r.int16();
  const m: ReadShareGroupStateResponseStateBatch = { firstOffset: fFirstOffset, lastOffset: fLastOffset, deliveryState: fDeliveryState, deliveryCount: fDeliveryCount };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
