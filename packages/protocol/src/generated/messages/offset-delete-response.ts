// Generated from OffsetDeleteResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const offsetDeleteResponseVersions = { min: 0, max: 0, flexibleMin: -1 } as const;

export interface OffsetDeleteResponse {
  errorCode: number;
  throttleTimeMs: number;
  topics: OffsetDeleteResponseOffsetDeleteResponseTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteResponseInput {
  errorCode?: number;
  throttleTimeMs?: number;
  topics?: OffsetDeleteResponseOffsetDeleteResponseTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteResponseOffsetDeleteResponseTopic {
  name: string;
  partitions: OffsetDeleteResponseOffsetDeleteResponsePartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteResponseOffsetDeleteResponseTopicInput {
  name?: string;
  partitions?: OffsetDeleteResponseOffsetDeleteResponsePartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteResponseOffsetDeleteResponsePartition {
  partitionIndex: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetDeleteResponseOffsetDeleteResponsePartitionInput {
  partitionIndex?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetDeleteResponse(): OffsetDeleteResponse {
  return {
    errorCode: 0,
    throttleTimeMs: 0,
    topics: [],
  };
}

export function defaultOffsetDeleteResponseOffsetDeleteResponseTopic(): OffsetDeleteResponseOffsetDeleteResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultOffsetDeleteResponseOffsetDeleteResponsePartition(): OffsetDeleteResponseOffsetDeleteResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function writeOffsetDeleteResponse(w: Writer, v: number, m: OffsetDeleteResponseInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeOffsetDeleteResponseOffsetDeleteResponseTopic(w, v, e); } } }
}

function writeOffsetDeleteResponseOffsetDeleteResponseTopic(w: Writer, v: number, m: OffsetDeleteResponseOffsetDeleteResponseTopicInput): void {
  { const x = m.name === undefined ? "" : m.name; w.string(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeOffsetDeleteResponseOffsetDeleteResponsePartition(w, v, e); } } }
}

function writeOffsetDeleteResponseOffsetDeleteResponsePartition(w: Writer, v: number, m: OffsetDeleteResponseOffsetDeleteResponsePartitionInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
}

export function readOffsetDeleteResponse(r: Reader, v: number): OffsetDeleteResponse {
  const fErrorCode: number = r.int16();
  const fThrottleTimeMs: number = r.int32();
  const fTopics: OffsetDeleteResponseOffsetDeleteResponseTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetDeleteResponseOffsetDeleteResponseTopic(r, v)); return a; })(r.arrayLength());
  const m: OffsetDeleteResponse = { errorCode: fErrorCode, throttleTimeMs: fThrottleTimeMs, topics: fTopics };
  return m;
}

function readOffsetDeleteResponseOffsetDeleteResponseTopic(r: Reader, v: number): OffsetDeleteResponseOffsetDeleteResponseTopic {
  const fName: string = r.string();
  const fPartitions: OffsetDeleteResponseOffsetDeleteResponsePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetDeleteResponseOffsetDeleteResponsePartition(r, v)); return a; })(r.arrayLength());
  const m: OffsetDeleteResponseOffsetDeleteResponseTopic = { name: fName, partitions: fPartitions };
  return m;
}

function readOffsetDeleteResponseOffsetDeleteResponsePartition(r: Reader, v: number): OffsetDeleteResponseOffsetDeleteResponsePartition {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: OffsetDeleteResponseOffsetDeleteResponsePartition = { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
