// Generated from ListOffsetsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listOffsetsResponseVersions = { min: 1, max: 11, flexibleMin: 6 } as const;

export interface ListOffsetsResponse {
  throttleTimeMs: number;
  topics: ListOffsetsResponseListOffsetsTopicResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseInput {
  throttleTimeMs?: number;
  topics?: ListOffsetsResponseListOffsetsTopicResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseListOffsetsTopicResponse {
  name: string;
  partitions: ListOffsetsResponseListOffsetsPartitionResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseListOffsetsTopicResponseInput {
  name?: string;
  partitions?: ListOffsetsResponseListOffsetsPartitionResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseListOffsetsPartitionResponse {
  partitionIndex: number;
  errorCode: number;
  timestamp: bigint;
  offset: bigint;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseListOffsetsPartitionResponseInput {
  partitionIndex?: number;
  errorCode?: number;
  timestamp?: bigint;
  offset?: bigint;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsResponse(): ListOffsetsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function defaultListOffsetsResponseListOffsetsTopicResponse(): ListOffsetsResponseListOffsetsTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultListOffsetsResponseListOffsetsPartitionResponse(): ListOffsetsResponseListOffsetsPartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    timestamp: -1n,
    offset: -1n,
    leaderEpoch: -1,
  };
}

export function writeListOffsetsResponse(w: Writer, v: number, m: ListOffsetsResponseInput): void {
  const flex = v >= 6;
  if (v >= 2) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeListOffsetsResponseListOffsetsTopicResponse(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeListOffsetsResponseListOffsetsTopicResponse(w: Writer, v: number, m: ListOffsetsResponseListOffsetsTopicResponseInput): void {
  const flex = v >= 6;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeListOffsetsResponseListOffsetsPartitionResponse(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeListOffsetsResponseListOffsetsPartitionResponse(w: Writer, v: number, m: ListOffsetsResponseListOffsetsPartitionResponseInput): void {
  const flex = v >= 6;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.timestamp === undefined ? -1n : m.timestamp; w.int64(x); }
  { const x = m.offset === undefined ? -1n : m.offset; w.int64(x); }
  if (v >= 4) { const x = m.leaderEpoch === undefined ? -1 : m.leaderEpoch; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readListOffsetsResponse(r: Reader, v: number): ListOffsetsResponse {
  const flex = v >= 6;
  const fThrottleTimeMs: number = (v >= 2) ? r.int32() : 0;
  const fTopics: ListOffsetsResponseListOffsetsTopicResponse[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readListOffsetsResponseListOffsetsTopicResponse(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ListOffsetsResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readListOffsetsResponseListOffsetsTopicResponse(r: Reader, v: number): ListOffsetsResponseListOffsetsTopicResponse {
  const flex = v >= 6;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: ListOffsetsResponseListOffsetsPartitionResponse[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readListOffsetsResponseListOffsetsPartitionResponse(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ListOffsetsResponseListOffsetsTopicResponse = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readListOffsetsResponseListOffsetsPartitionResponse(r: Reader, v: number): ListOffsetsResponseListOffsetsPartitionResponse {
  const flex = v >= 6;
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fTimestamp: bigint = r.int64();
  const fOffset: bigint = r.int64();
  const fLeaderEpoch: number = (v >= 4) ? r.int32() : -1;
  const m: ListOffsetsResponseListOffsetsPartitionResponse = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, timestamp: fTimestamp, offset: fOffset, leaderEpoch: fLeaderEpoch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
