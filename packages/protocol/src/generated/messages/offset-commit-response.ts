// Generated from OffsetCommitResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const offsetCommitResponseVersions = { min: 0, max: 10, flexibleMin: 8 } as const;

export interface OffsetCommitResponse {
  throttleTimeMs: number;
  topics: OffsetCommitResponseOffsetCommitResponseTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponseInput {
  throttleTimeMs?: number;
  topics?: OffsetCommitResponseOffsetCommitResponseTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponseOffsetCommitResponseTopic {
  name: string;
  topicId: string;
  partitions: OffsetCommitResponseOffsetCommitResponsePartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponseOffsetCommitResponseTopicInput {
  name?: string;
  topicId?: string;
  partitions?: OffsetCommitResponseOffsetCommitResponsePartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponseOffsetCommitResponsePartition {
  partitionIndex: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponseOffsetCommitResponsePartitionInput {
  partitionIndex?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitResponse(): OffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function defaultOffsetCommitResponseOffsetCommitResponseTopic(): OffsetCommitResponseOffsetCommitResponseTopic {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultOffsetCommitResponseOffsetCommitResponsePartition(): OffsetCommitResponseOffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function writeOffsetCommitResponse(w: Writer, v: number, m: OffsetCommitResponseInput): void {
  const flex = v >= 8;
  if (v >= 3) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetCommitResponseOffsetCommitResponseTopic(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetCommitResponseOffsetCommitResponseTopic(w: Writer, v: number, m: OffsetCommitResponseOffsetCommitResponseTopicInput): void {
  const flex = v >= 8;
  if (v <= 9) { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 10) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetCommitResponseOffsetCommitResponsePartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetCommitResponseOffsetCommitResponsePartition(w: Writer, v: number, m: OffsetCommitResponseOffsetCommitResponsePartitionInput): void {
  const flex = v >= 8;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readOffsetCommitResponse(r: Reader, v: number): OffsetCommitResponse {
  const flex = v >= 8;
  const fThrottleTimeMs: number = (v >= 3) ? r.int32() : 0;
  const fTopics: OffsetCommitResponseOffsetCommitResponseTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetCommitResponseOffsetCommitResponseTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetCommitResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetCommitResponseOffsetCommitResponseTopic(r: Reader, v: number): OffsetCommitResponseOffsetCommitResponseTopic {
  const flex = v >= 8;
  const fName: string = (v <= 9) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 10) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitions: OffsetCommitResponseOffsetCommitResponsePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetCommitResponseOffsetCommitResponsePartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetCommitResponseOffsetCommitResponseTopic = { name: fName, topicId: fTopicId, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetCommitResponseOffsetCommitResponsePartition(r: Reader, v: number): OffsetCommitResponseOffsetCommitResponsePartition {
  const flex = v >= 8;
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: OffsetCommitResponseOffsetCommitResponsePartition = { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
