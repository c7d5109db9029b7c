// Generated from DescribeLogDirsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeLogDirsRequestVersions = { min: 0, max: 5, flexibleMin: 2 } as const;

export interface DescribeLogDirsRequest {
  topics: DescribeLogDirsRequestDescribableLogDirTopic[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsRequestInput {
  topics?: DescribeLogDirsRequestDescribableLogDirTopicInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsRequestDescribableLogDirTopic {
  topic: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsRequestDescribableLogDirTopicInput {
  topic?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsRequest(): DescribeLogDirsRequest {
  return {
    topics: [],
  };
}

export function defaultDescribeLogDirsRequestDescribableLogDirTopic(): DescribeLogDirsRequestDescribableLogDirTopic {
  return {
    topic: "",
    partitions: [],
  };
}

export function writeDescribeLogDirsRequest(w: Writer, v: number, m: DescribeLogDirsRequestInput): void {
  const flex = v >= 2;
  { const x = m.topics === undefined ? [] : m.topics; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { writeDescribeLogDirsRequestDescribableLogDirTopic(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeLogDirsRequestDescribableLogDirTopic(w: Writer, v: number, m: DescribeLogDirsRequestDescribableLogDirTopicInput): void {
  const flex = v >= 2;
  { const x = m.topic === undefined ? "" : m.topic; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeLogDirsRequest(r: Reader, v: number): DescribeLogDirsRequest {
  const flex = v >= 2;
  const fTopics: DescribeLogDirsRequestDescribableLogDirTopic[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readDescribeLogDirsRequestDescribableLogDirTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeLogDirsRequest = { topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeLogDirsRequestDescribableLogDirTopic(r: Reader, v: number): DescribeLogDirsRequestDescribableLogDirTopic {
  const flex = v >= 2;
  const fTopic: string = (flex ? r.compactString() : r.string());
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeLogDirsRequestDescribableLogDirTopic = { topic: fTopic, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
