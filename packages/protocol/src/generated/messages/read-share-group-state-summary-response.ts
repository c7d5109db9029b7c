// Generated from ReadShareGroupStateSummaryResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const readShareGroupStateSummaryResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface ReadShareGroupStateSummaryResponse {
  results: ReadShareGroupStateSummaryResponseReadStateSummaryResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponseInput {
  results?: ReadShareGroupStateSummaryResponseReadStateSummaryResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  topicId: string;
  partitions: ReadShareGroupStateSummaryResponsePartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponseReadStateSummaryResultInput {
  topicId?: string;
  partitions?: ReadShareGroupStateSummaryResponsePartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponsePartitionResult {
  partition: number;
  errorCode: number;
  errorMessage: string | null;
  stateEpoch: number;
  leaderEpoch: number;
  startOffset: bigint;
  deliveryCompleteCount: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponsePartitionResultInput {
  partition?: number;
  errorCode?: number;
  errorMessage?: string | null;
  stateEpoch?: number;
  leaderEpoch?: number;
  startOffset?: bigint;
  deliveryCompleteCount?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultReadShareGroupStateSummaryResponse(): ReadShareGroupStateSummaryResponse {
  return {
    results: [],
  };
}

export function defaultReadShareGroupStateSummaryResponseReadStateSummaryResult(): ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultReadShareGroupStateSummaryResponsePartitionResult(): ReadShareGroupStateSummaryResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
    stateEpoch: 0,
    leaderEpoch: 0,
    startOffset: 0n,
    deliveryCompleteCount: -1,
  };
}

export function writeReadShareGroupStateSummaryResponse(w: Writer, v: number, m: ReadShareGroupStateSummaryResponseInput): void {
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateSummaryResponseReadStateSummaryResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateSummaryResponseReadStateSummaryResult(w: Writer, v: number, m: ReadShareGroupStateSummaryResponseReadStateSummaryResultInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateSummaryResponsePartitionResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateSummaryResponsePartitionResult(w: Writer, v: number, m: ReadShareGroupStateSummaryResponsePartitionResultInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.stateEpoch === undefined ? 0 : m.stateEpoch; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  { const x = m.startOffset === undefined ? 0n : m.startOffset; w.int64(x); }
  if (v >= 1) { const x = m.deliveryCompleteCount === undefined ? -1 : m.deliveryCompleteCount; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readReadShareGroupStateSummaryResponse(r: Reader, v: number): ReadShareGroupStateSummaryResponse {
  const fResults: ReadShareGroupStateSummaryResponseReadStateSummaryResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateSummaryResponseReadStateSummaryResult(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateSummaryResponse = { results: fResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateSummaryResponseReadStateSummaryResult(r: Reader, v: number): ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  const fTopicId: string = r.uuid();
  const fPartitions: ReadShareGroupStateSummaryResponsePartitionResult[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateSummaryResponsePartitionResult(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateSummaryResponseReadStateSummaryResult = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateSummaryResponsePartitionResult(r: Reader, v: number): ReadShareGroupStateSummaryResponsePartitionResult {
  const fPartition: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fStateEpoch: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fStartOffset: bigint = r.int64();
  const fDeliveryCompleteCount: number = (v >= 1) ? r.int32() : -1;
  const m: ReadShareGroupStateSummaryResponsePartitionResult = { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage, stateEpoch: fStateEpoch, leaderEpoch: fLeaderEpoch, startOffset: fStartOffset, deliveryCompleteCount: fDeliveryCompleteCount };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
