// Generated from DeleteShareGroupStateResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteShareGroupStateResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DeleteShareGroupStateResponse {
  results: DeleteShareGroupStateResponseDeleteStateResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponseInput {
  results?: DeleteShareGroupStateResponseDeleteStateResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponseDeleteStateResult {
  topicId: string;
  partitions: DeleteShareGroupStateResponsePartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponseDeleteStateResultInput {
  topicId?: string;
  partitions?: DeleteShareGroupStateResponsePartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponsePartitionResult {
  partition: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponsePartitionResultInput {
  partition?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteShareGroupStateResponse(): DeleteShareGroupStateResponse {
  return {
    results: [],
  };
}

export function defaultDeleteShareGroupStateResponseDeleteStateResult(): DeleteShareGroupStateResponseDeleteStateResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultDeleteShareGroupStateResponsePartitionResult(): DeleteShareGroupStateResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeDeleteShareGroupStateResponse(w: Writer, v: number, m: DeleteShareGroupStateResponseInput): void {
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDeleteShareGroupStateResponseDeleteStateResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDeleteShareGroupStateResponseDeleteStateResult(w: Writer, v: number, m: DeleteShareGroupStateResponseDeleteStateResultInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDeleteShareGroupStateResponsePartitionResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDeleteShareGroupStateResponsePartitionResult(w: Writer, v: number, m: DeleteShareGroupStateResponsePartitionResultInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDeleteShareGroupStateResponse(r: Reader, v: number): DeleteShareGroupStateResponse {
  const fResults: DeleteShareGroupStateResponseDeleteStateResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteShareGroupStateResponseDeleteStateResult(r, v)); return a; })(r.compactArrayLength());
  const m: DeleteShareGroupStateResponse = { results: fResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDeleteShareGroupStateResponseDeleteStateResult(r: Reader, v: number): DeleteShareGroupStateResponseDeleteStateResult {
  const fTopicId: string = r.uuid();
  const fPartitions: DeleteShareGroupStateResponsePartitionResult[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteShareGroupStateResponsePartitionResult(r, v)); return a; })(r.compactArrayLength());
  const m: DeleteShareGroupStateResponseDeleteStateResult = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDeleteShareGroupStateResponsePartitionResult(r: Reader, v: number): DeleteShareGroupStateResponsePartitionResult {
  const fPartition: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: DeleteShareGroupStateResponsePartitionResult = { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
