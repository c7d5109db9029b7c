// Generated from DeleteRecordsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteRecordsResponseVersions = { min: 0, max: 2, flexibleMin: 2 } as const;

export interface DeleteRecordsResponse {
  throttleTimeMs: number;
  topics: DeleteRecordsResponseDeleteRecordsTopicResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseInput {
  throttleTimeMs?: number;
  topics?: DeleteRecordsResponseDeleteRecordsTopicResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseDeleteRecordsTopicResult {
  name: string;
  partitions: DeleteRecordsResponseDeleteRecordsPartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseDeleteRecordsTopicResultInput {
  name?: string;
  partitions?: DeleteRecordsResponseDeleteRecordsPartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseDeleteRecordsPartitionResult {
  partitionIndex: number;
  lowWatermark: bigint;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseDeleteRecordsPartitionResultInput {
  partitionIndex?: number;
  lowWatermark?: bigint;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsResponse(): DeleteRecordsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function defaultDeleteRecordsResponseDeleteRecordsTopicResult(): DeleteRecordsResponseDeleteRecordsTopicResult {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultDeleteRecordsResponseDeleteRecordsPartitionResult(): DeleteRecordsResponseDeleteRecordsPartitionResult {
  return {
    partitionIndex: 0,
    lowWatermark: 0n,
    errorCode: 0,
  };
}

export function writeDeleteRecordsResponse(w: Writer, v: number, m: DeleteRecordsResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDeleteRecordsResponseDeleteRecordsTopicResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteRecordsResponseDeleteRecordsTopicResult(w: Writer, v: number, m: DeleteRecordsResponseDeleteRecordsTopicResultInput): void {
  const flex = v >= 2;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDeleteRecordsResponseDeleteRecordsPartitionResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteRecordsResponseDeleteRecordsPartitionResult(w: Writer, v: number, m: DeleteRecordsResponseDeleteRecordsPartitionResultInput): void {
  const flex = v >= 2;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.lowWatermark === undefined ? 0n : m.lowWatermark; w.int64(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDeleteRecordsResponse(r: Reader, v: number): DeleteRecordsResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fTopics: DeleteRecordsResponseDeleteRecordsTopicResult[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteRecordsResponseDeleteRecordsTopicResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DeleteRecordsResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteRecordsResponseDeleteRecordsTopicResult(r: Reader, v: number): DeleteRecordsResponseDeleteRecordsTopicResult {
  const flex = v >= 2;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: DeleteRecordsResponseDeleteRecordsPartitionResult[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteRecordsResponseDeleteRecordsPartitionResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DeleteRecordsResponseDeleteRecordsTopicResult = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteRecordsResponseDeleteRecordsPartitionResult(r: Reader, v: number): DeleteRecordsResponseDeleteRecordsPartitionResult {
  const flex = v >= 2;
  const fPartitionIndex: number = r.int32();
  const fLowWatermark: bigint = r.int64();
  const fErrorCode: number = r.int16();
  const m: DeleteRecordsResponseDeleteRecordsPartitionResult = { partitionIndex: fPartitionIndex, lowWatermark: fLowWatermark, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
