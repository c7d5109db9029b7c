// Generated from DescribeQuorumRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeQuorumRequestVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface DescribeQuorumRequest {
  topics: DescribeQuorumRequestTopicData[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestInput {
  topics?: DescribeQuorumRequestTopicDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestTopicData {
  topicName: string;
  partitions: DescribeQuorumRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestTopicDataInput {
  topicName?: string;
  partitions?: DescribeQuorumRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestPartitionData {
  partitionIndex: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestPartitionDataInput {
  partitionIndex?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumRequest(): DescribeQuorumRequest {
  return {
    topics: [],
  };
}

export function defaultDescribeQuorumRequestTopicData(): DescribeQuorumRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultDescribeQuorumRequestPartitionData(): DescribeQuorumRequestPartitionData {
  return {
    partitionIndex: 0,
  };
}

export function writeDescribeQuorumRequest(w: Writer, v: number, m: DescribeQuorumRequestInput): void {
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeQuorumRequestTopicData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeQuorumRequestTopicData(w: Writer, v: number, m: DescribeQuorumRequestTopicDataInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeQuorumRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeQuorumRequestPartitionData(w: Writer, v: number, m: DescribeQuorumRequestPartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeQuorumRequest(r: Reader, v: number): DescribeQuorumRequest {
  const fTopics: DescribeQuorumRequestTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeQuorumRequestTopicData(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeQuorumRequest = { topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeQuorumRequestTopicData(r: Reader, v: number): DescribeQuorumRequestTopicData {
  const fTopicName: string = r.compactString();
  const fPartitions: DescribeQuorumRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeQuorumRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeQuorumRequestTopicData = { topicName: fTopicName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeQuorumRequestPartitionData(r: Reader, v: number): DescribeQuorumRequestPartitionData {
  const fPartitionIndex: number = r.int32();
  const m: DescribeQuorumRequestPartitionData = { partitionIndex: fPartitionIndex };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
