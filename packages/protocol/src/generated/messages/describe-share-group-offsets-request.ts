// Generated from DescribeShareGroupOffsetsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeShareGroupOffsetsRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface DescribeShareGroupOffsetsRequest {
  groups: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestInput {
  groups?: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup {
  groupId: string;
  topics: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroupInput {
  groupId?: string;
  topics?: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopicInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic {
  topicName: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopicInput {
  topicName?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeShareGroupOffsetsRequest(): DescribeShareGroupOffsetsRequest {
  return {
    groups: [],
  };
}

export function defaultDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup(): DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic(): DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic {
  return {
    topicName: "",
    partitions: [],
  };
}

export function writeDescribeShareGroupOffsetsRequest(w: Writer, v: number, m: DescribeShareGroupOffsetsRequestInput): void {
  { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup(w: Writer, v: number, m: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroupInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic(w: Writer, v: number, m: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopicInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeShareGroupOffsetsRequest(r: Reader, v: number): DescribeShareGroupOffsetsRequest {
  const fGroups: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup[] = ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeShareGroupOffsetsRequest = { groups: fGroups };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup(r: Reader, v: number): DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup {
  const fGroupId: string = r.compactString();
  const fTopics: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestGroup = { groupId: fGroupId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic(r: Reader, v: number): DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic {
  const fTopicName: string = r.compactString();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: DescribeShareGroupOffsetsRequestDescribeShareGroupOffsetsRequestTopic = { topicName: fTopicName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
