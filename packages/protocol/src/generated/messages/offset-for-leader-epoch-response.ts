// Generated from OffsetForLeaderEpochResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const offsetForLeaderEpochResponseVersions = { min: 2, max: 4, flexibleMin: 4 } as const;

export interface OffsetForLeaderEpochResponse {
  throttleTimeMs: number;
  topics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseInput {
  throttleTimeMs?: number;
  topics?: OffsetForLeaderEpochResponseOffsetForLeaderTopicResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  topic: string;
  partitions: OffsetForLeaderEpochResponseEpochEndOffset[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseOffsetForLeaderTopicResultInput {
  topic?: string;
  partitions?: OffsetForLeaderEpochResponseEpochEndOffsetInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseEpochEndOffset {
  errorCode: number;
  partition: number;
  leaderEpoch: number;
  endOffset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseEpochEndOffsetInput {
  errorCode?: number;
  partition?: number;
  leaderEpoch?: number;
  endOffset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochResponse(): OffsetForLeaderEpochResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function defaultOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  return {
    topic: "",
    partitions: [],
  };
}

export function defaultOffsetForLeaderEpochResponseEpochEndOffset(): OffsetForLeaderEpochResponseEpochEndOffset {
  return {
    errorCode: 0,
    partition: 0,
    leaderEpoch: -1,
    endOffset: -1n,
  };
}

export function writeOffsetForLeaderEpochResponse(w: Writer, v: number, m: OffsetForLeaderEpochResponseInput): void {
  const flex = v >= 4;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w: Writer, v: number, m: OffsetForLeaderEpochResponseOffsetForLeaderTopicResultInput): void {
  const flex = v >= 4;
  { const x = m.topic === undefined ? "" : m.topic; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeOffsetForLeaderEpochResponseEpochEndOffset(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetForLeaderEpochResponseEpochEndOffset(w: Writer, v: number, m: OffsetForLeaderEpochResponseEpochEndOffsetInput): void {
  const flex = v >= 4;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? -1 : m.leaderEpoch; w.int32(x); }
  { const x = m.endOffset === undefined ? -1n : m.endOffset; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readOffsetForLeaderEpochResponse(r: Reader, v: number): OffsetForLeaderEpochResponse {
  const flex = v >= 4;
  const fThrottleTimeMs: number = r.int32();
  const fTopics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetForLeaderEpochResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r: Reader, v: number): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  const flex = v >= 4;
  const fTopic: string = (flex ? r.compactString() : r.string());
  const fPartitions: OffsetForLeaderEpochResponseEpochEndOffset[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetForLeaderEpochResponseEpochEndOffset(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult = { topic: fTopic, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetForLeaderEpochResponseEpochEndOffset(r: Reader, v: number): OffsetForLeaderEpochResponseEpochEndOffset {
  const flex = v >= 4;
  const fErrorCode: number = r.int16();
  const fPartition: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fEndOffset: bigint = r.int64();
  const m: OffsetForLeaderEpochResponseEpochEndOffset = { errorCode: fErrorCode, partition: fPartition, leaderEpoch: fLeaderEpoch, endOffset: fEndOffset };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
