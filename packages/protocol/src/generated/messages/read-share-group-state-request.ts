// Generated from ReadShareGroupStateRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const readShareGroupStateRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface ReadShareGroupStateRequest {
  groupId: string;
  topics: ReadShareGroupStateRequestReadStateData[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestInput {
  groupId?: string;
  topics?: ReadShareGroupStateRequestReadStateDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestReadStateData {
  topicId: string;
  partitions: ReadShareGroupStateRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestReadStateDataInput {
  topicId?: string;
  partitions?: ReadShareGroupStateRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestPartitionData {
  partition: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestPartitionDataInput {
  partition?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultReadShareGroupStateRequest(): ReadShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultReadShareGroupStateRequestReadStateData(): ReadShareGroupStateRequestReadStateData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultReadShareGroupStateRequestPartitionData(): ReadShareGroupStateRequestPartitionData {
  return {
    partition: 0,
    leaderEpoch: 0,
  };
}

export function writeReadShareGroupStateRequest(w: Writer, v: number, m: ReadShareGroupStateRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateRequestReadStateData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateRequestReadStateData(w: Writer, v: number, m: ReadShareGroupStateRequestReadStateDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateRequestPartitionData(w: Writer, v: number, m: ReadShareGroupStateRequestPartitionDataInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readReadShareGroupStateRequest(r: Reader, v: number): ReadShareGroupStateRequest {
  const fGroupId: string = r.compactString();
  const fTopics: ReadShareGroupStateRequestReadStateData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateRequestReadStateData(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateRequest = { groupId: fGroupId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateRequestReadStateData(r: Reader, v: number): ReadShareGroupStateRequestReadStateData {
  const fTopicId: string = r.uuid();
  const fPartitions: ReadShareGroupStateRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateRequestReadStateData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateRequestPartitionData(r: Reader, v: number): ReadShareGroupStateRequestPartitionData {
  const fPartition: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: ReadShareGroupStateRequestPartitionData = { partition: fPartition, leaderEpoch: fLeaderEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
