// Generated from WriteShareGroupStateResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const writeShareGroupStateResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface WriteShareGroupStateResponse {
  results: WriteShareGroupStateResponseWriteStateResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponseInput {
  results?: WriteShareGroupStateResponseWriteStateResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponseWriteStateResult {
  topicId: string;
  partitions: WriteShareGroupStateResponsePartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponseWriteStateResultInput {
  topicId?: string;
  partitions?: WriteShareGroupStateResponsePartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponsePartitionResult {
  partition: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponsePartitionResultInput {
  partition?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultWriteShareGroupStateResponse(): WriteShareGroupStateResponse {
  return {
    results: [],
  };
}

export function defaultWriteShareGroupStateResponseWriteStateResult(): WriteShareGroupStateResponseWriteStateResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultWriteShareGroupStateResponsePartitionResult(): WriteShareGroupStateResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeWriteShareGroupStateResponse(w: Writer, v: number, m: WriteShareGroupStateResponseInput): void {
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeWriteShareGroupStateResponseWriteStateResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeWriteShareGroupStateResponseWriteStateResult(w: Writer, v: number, m: WriteShareGroupStateResponseWriteStateResultInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeWriteShareGroupStateResponsePartitionResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeWriteShareGroupStateResponsePartitionResult(w: Writer, v: number, m: WriteShareGroupStateResponsePartitionResultInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readWriteShareGroupStateResponse(r: Reader, v: number): WriteShareGroupStateResponse {
  const fResults: WriteShareGroupStateResponseWriteStateResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteShareGroupStateResponseWriteStateResult(r, v)); return a; })(r.compactArrayLength());
  const m: WriteShareGroupStateResponse = { results: fResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readWriteShareGroupStateResponseWriteStateResult(r: Reader, v: number): WriteShareGroupStateResponseWriteStateResult {
  const fTopicId: string = r.uuid();
  const fPartitions: WriteShareGroupStateResponsePartitionResult[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteShareGroupStateResponsePartitionResult(r, v)); return a; })(r.compactArrayLength());
  const m: WriteShareGroupStateResponseWriteStateResult = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readWriteShareGroupStateResponsePartitionResult(r: Reader, v: number): WriteShareGroupStateResponsePartitionResult {
  const fPartition: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: WriteShareGroupStateResponsePartitionResult = { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
