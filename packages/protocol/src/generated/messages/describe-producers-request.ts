// Generated from DescribeProducersRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeProducersRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DescribeProducersRequest {
  topics: DescribeProducersRequestTopicRequest[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersRequestInput {
  topics?: DescribeProducersRequestTopicRequestInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersRequestTopicRequest {
  name: string;
  partitionIndexes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersRequestTopicRequestInput {
  name?: string;
  partitionIndexes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersRequest(): DescribeProducersRequest {
  return {
    topics: [],
  };
}

export function defaultDescribeProducersRequestTopicRequest(): DescribeProducersRequestTopicRequest {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function writeDescribeProducersRequest(w: Writer, v: number, m: DescribeProducersRequestInput): void {
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeProducersRequestTopicRequest(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeProducersRequestTopicRequest(w: Writer, v: number, m: DescribeProducersRequestTopicRequestInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitionIndexes === undefined ? [] : m.partitionIndexes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeProducersRequest(r: Reader, v: number): DescribeProducersRequest {
  const fTopics: DescribeProducersRequestTopicRequest[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeProducersRequestTopicRequest(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeProducersRequest = { topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeProducersRequestTopicRequest(r: Reader, v: number): DescribeProducersRequestTopicRequest {
  const fName: string = r.compactString();
  const fPartitionIndexes: number[] = ((n: number) => { if (n < 0) return nullErr('PartitionIndexes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: DescribeProducersRequestTopicRequest = { name: fName, partitionIndexes: fPartitionIndexes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
