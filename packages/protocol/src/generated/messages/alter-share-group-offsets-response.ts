// Generated from AlterShareGroupOffsetsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterShareGroupOffsetsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface AlterShareGroupOffsetsResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  responses: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  responses?: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic {
  topicName: string;
  topicId: string;
  partitions: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopicInput {
  topicName?: string;
  topicId?: string;
  partitions?: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition {
  partitionIndex: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartitionInput {
  partitionIndex?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterShareGroupOffsetsResponse(): AlterShareGroupOffsetsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    responses: [],
  };
}

export function defaultAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic(): AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition(): AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeAlterShareGroupOffsetsResponse(w: Writer, v: number, m: AlterShareGroupOffsetsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic(w: Writer, v: number, m: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopicInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition(w: Writer, v: number, m: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartitionInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAlterShareGroupOffsetsResponse(r: Reader, v: number): AlterShareGroupOffsetsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fResponses: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic(r, v)); return a; })(r.compactArrayLength());
  const m: AlterShareGroupOffsetsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, responses: fResponses };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic(r: Reader, v: number): AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic {
  const fTopicName: string = r.compactString();
  const fTopicId: string = r.uuid();
  const fPartitions: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition(r, v)); return a; })(r.compactArrayLength());
  const m: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponseTopic = { topicName: fTopicName, topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition(r: Reader, v: number): AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: AlterShareGroupOffsetsResponseAlterShareGroupOffsetsResponsePartition = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
