// Generated from DescribeTopicPartitionsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeTopicPartitionsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DescribeTopicPartitionsRequest {
  topics: DescribeTopicPartitionsRequestTopicRequest[];
  responsePartitionLimit: number;
  cursor: DescribeTopicPartitionsRequestCursor | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestInput {
  topics?: DescribeTopicPartitionsRequestTopicRequestInput[];
  responsePartitionLimit?: number;
  cursor?: DescribeTopicPartitionsRequestCursorInput | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestTopicRequest {
  name: string;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestTopicRequestInput {
  name?: string;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestCursor {
  topicName: string;
  partitionIndex: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestCursorInput {
  topicName?: string;
  partitionIndex?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsRequest(): DescribeTopicPartitionsRequest {
  return {
    topics: [],
    responsePartitionLimit: 2000,
    cursor: null,
  };
}

export function defaultDescribeTopicPartitionsRequestTopicRequest(): DescribeTopicPartitionsRequestTopicRequest {
  return {
    name: "",
  };
}

export function defaultDescribeTopicPartitionsRequestCursor(): DescribeTopicPartitionsRequestCursor {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

export function writeDescribeTopicPartitionsRequest(w: Writer, v: number, m: DescribeTopicPartitionsRequestInput): void {
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeTopicPartitionsRequestTopicRequest(w, v, e); } } }
  { const x = m.responsePartitionLimit === undefined ? 2000 : m.responsePartitionLimit; w.int32(x); }
  { const x = m.cursor === undefined ? null : m.cursor; if (x === null) w.int8(-1); else { w.int8(1); writeDescribeTopicPartitionsRequestCursor(w, v, x!); } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeTopicPartitionsRequestTopicRequest(w: Writer, v: number, m: DescribeTopicPartitionsRequestTopicRequestInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeTopicPartitionsRequestCursor(w: Writer, v: number, m: DescribeTopicPartitionsRequestCursorInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeTopicPartitionsRequest(r: Reader, v: number): DescribeTopicPartitionsRequest {
  const fTopics: DescribeTopicPartitionsRequestTopicRequest[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeTopicPartitionsRequestTopicRequest(r, v)); return a; })(r.compactArrayLength());
  const fResponsePartitionLimit: number = r.int32();
  const fCursor: DescribeTopicPartitionsRequestCursor | null = (r.int8() < 0 ? null : readDescribeTopicPartitionsRequestCursor(r, v));
  const m: DescribeTopicPartitionsRequest = { topics: fTopics, responsePartitionLimit: fResponsePartitionLimit, cursor: fCursor };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeTopicPartitionsRequestTopicRequest(r: Reader, v: number): DescribeTopicPartitionsRequestTopicRequest {
  const fName: string = r.compactString();
  const m: DescribeTopicPartitionsRequestTopicRequest = { name: fName };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeTopicPartitionsRequestCursor(r: Reader, v: number): DescribeTopicPartitionsRequestCursor {
  const fTopicName: string = r.compactString();
  const fPartitionIndex: number = r.int32();
  const m: DescribeTopicPartitionsRequestCursor = { topicName: fTopicName, partitionIndex: fPartitionIndex };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
