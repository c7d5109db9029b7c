// Generated from InitializeShareGroupStateResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const initializeShareGroupStateResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface InitializeShareGroupStateResponse {
  results: InitializeShareGroupStateResponseInitializeStateResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponseInput {
  results?: InitializeShareGroupStateResponseInitializeStateResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponseInitializeStateResult {
  topicId: string;
  partitions: InitializeShareGroupStateResponsePartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponseInitializeStateResultInput {
  topicId?: string;
  partitions?: InitializeShareGroupStateResponsePartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponsePartitionResult {
  partition: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponsePartitionResultInput {
  partition?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultInitializeShareGroupStateResponse(): InitializeShareGroupStateResponse {
  return {
    results: [],
  };
}

export function defaultInitializeShareGroupStateResponseInitializeStateResult(): InitializeShareGroupStateResponseInitializeStateResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultInitializeShareGroupStateResponsePartitionResult(): InitializeShareGroupStateResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeInitializeShareGroupStateResponse(w: Writer, v: number, m: InitializeShareGroupStateResponseInput): void {
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeInitializeShareGroupStateResponseInitializeStateResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeInitializeShareGroupStateResponseInitializeStateResult(w: Writer, v: number, m: InitializeShareGroupStateResponseInitializeStateResultInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeInitializeShareGroupStateResponsePartitionResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeInitializeShareGroupStateResponsePartitionResult(w: Writer, v: number, m: InitializeShareGroupStateResponsePartitionResultInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readInitializeShareGroupStateResponse(r: Reader, v: number): InitializeShareGroupStateResponse {
  const fResults: InitializeShareGroupStateResponseInitializeStateResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readInitializeShareGroupStateResponseInitializeStateResult(r, v)); return a; })(r.compactArrayLength());
  const m: InitializeShareGroupStateResponse = { results: fResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readInitializeShareGroupStateResponseInitializeStateResult(r: Reader, v: number): InitializeShareGroupStateResponseInitializeStateResult {
  const fTopicId: string = r.uuid();
  const fPartitions: InitializeShareGroupStateResponsePartitionResult[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readInitializeShareGroupStateResponsePartitionResult(r, v)); return a; })(r.compactArrayLength());
  const m: InitializeShareGroupStateResponseInitializeStateResult = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readInitializeShareGroupStateResponsePartitionResult(r: Reader, v: number): InitializeShareGroupStateResponsePartitionResult {
  const fPartition: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: InitializeShareGroupStateResponsePartitionResult = { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
