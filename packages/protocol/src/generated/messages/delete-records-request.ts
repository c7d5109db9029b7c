// Generated from DeleteRecordsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteRecordsRequestVersions = { min: 0, max: 2, flexibleMin: 2 } as const;

export interface DeleteRecordsRequest {
  topics: DeleteRecordsRequestDeleteRecordsTopic[];
  timeoutMs: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestInput {
  topics?: DeleteRecordsRequestDeleteRecordsTopicInput[];
  timeoutMs?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestDeleteRecordsTopic {
  name: string;
  partitions: DeleteRecordsRequestDeleteRecordsPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestDeleteRecordsTopicInput {
  name?: string;
  partitions?: DeleteRecordsRequestDeleteRecordsPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestDeleteRecordsPartition {
  partitionIndex: number;
  offset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestDeleteRecordsPartitionInput {
  partitionIndex?: number;
  offset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsRequest(): DeleteRecordsRequest {
  return {
    topics: [],
    timeoutMs: 0,
  };
}

export function defaultDeleteRecordsRequestDeleteRecordsTopic(): DeleteRecordsRequestDeleteRecordsTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultDeleteRecordsRequestDeleteRecordsPartition(): DeleteRecordsRequestDeleteRecordsPartition {
  return {
    partitionIndex: 0,
    offset: 0n,
  };
}

export function writeDeleteRecordsRequest(w: Writer, v: number, m: DeleteRecordsRequestInput): void {
  const flex = v >= 2;
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDeleteRecordsRequestDeleteRecordsTopic(w, v, e); } } }
  { const x = m.timeoutMs === undefined ? 0 : m.timeoutMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteRecordsRequestDeleteRecordsTopic(w: Writer, v: number, m: DeleteRecordsRequestDeleteRecordsTopicInput): void {
  const flex = v >= 2;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDeleteRecordsRequestDeleteRecordsPartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteRecordsRequestDeleteRecordsPartition(w: Writer, v: number, m: DeleteRecordsRequestDeleteRecordsPartitionInput): void {
  const flex = v >= 2;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.offset === undefined ? 0n : m.offset; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDeleteRecordsRequest(r: Reader, v: number): DeleteRecordsRequest {
  const flex = v >= 2;
  const fTopics: DeleteRecordsRequestDeleteRecordsTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteRecordsRequestDeleteRecordsTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fTimeoutMs: number = r.int32();
  const m: DeleteRecordsRequest = { topics: fTopics, timeoutMs: fTimeoutMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteRecordsRequestDeleteRecordsTopic(r: Reader, v: number): DeleteRecordsRequestDeleteRecordsTopic {
  const flex = v >= 2;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: DeleteRecordsRequestDeleteRecordsPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteRecordsRequestDeleteRecordsPartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DeleteRecordsRequestDeleteRecordsTopic = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteRecordsRequestDeleteRecordsPartition(r: Reader, v: number): DeleteRecordsRequestDeleteRecordsPartition {
  const flex = v >= 2;
  const fPartitionIndex: number = r.int32();
  const fOffset: bigint = r.int64();
  const m: DeleteRecordsRequestDeleteRecordsPartition = { partitionIndex: fPartitionIndex, offset: fOffset };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
