// Generated from DeleteShareGroupStateRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteShareGroupStateRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DeleteShareGroupStateRequest {
  groupId: string;
  topics: DeleteShareGroupStateRequestDeleteStateData[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestInput {
  groupId?: string;
  topics?: DeleteShareGroupStateRequestDeleteStateDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestDeleteStateData {
  topicId: string;
  partitions: DeleteShareGroupStateRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestDeleteStateDataInput {
  topicId?: string;
  partitions?: DeleteShareGroupStateRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestPartitionData {
  partition: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestPartitionDataInput {
  partition?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteShareGroupStateRequest(): DeleteShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultDeleteShareGroupStateRequestDeleteStateData(): DeleteShareGroupStateRequestDeleteStateData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultDeleteShareGroupStateRequestPartitionData(): DeleteShareGroupStateRequestPartitionData {
  return {
    partition: 0,
  };
}

export function writeDeleteShareGroupStateRequest(w: Writer, v: number, m: DeleteShareGroupStateRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDeleteShareGroupStateRequestDeleteStateData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDeleteShareGroupStateRequestDeleteStateData(w: Writer, v: number, m: DeleteShareGroupStateRequestDeleteStateDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDeleteShareGroupStateRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDeleteShareGroupStateRequestPartitionData(w: Writer, v: number, m: DeleteShareGroupStateRequestPartitionDataInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDeleteShareGroupStateRequest(r: Reader, v: number): DeleteShareGroupStateRequest {
  const fGroupId: string = r.compactString();
  const fTopics: DeleteShareGroupStateRequestDeleteStateData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteShareGroupStateRequestDeleteStateData(r, v)); return a; })(r.compactArrayLength());
  const m: DeleteShareGroupStateRequest = { groupId: fGroupId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDeleteShareGroupStateRequestDeleteStateData(r: Reader, v: number): DeleteShareGroupStateRequestDeleteStateData {
  const fTopicId: string = r.uuid();
  const fPartitions: DeleteShareGroupStateRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteShareGroupStateRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: DeleteShareGroupStateRequestDeleteStateData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDeleteShareGroupStateRequestPartitionData(r: Reader, v: number): DeleteShareGroupStateRequestPartitionData {
  const fPartition: number = r.int32();
  const m: DeleteShareGroupStateRequestPartitionData = { partition: fPartition };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
