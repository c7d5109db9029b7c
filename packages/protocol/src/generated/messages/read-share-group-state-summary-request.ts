// Generated from ReadShareGroupStateSummaryRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const readShareGroupStateSummaryRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface ReadShareGroupStateSummaryRequest {
  groupId: string;
  topics: ReadShareGroupStateSummaryRequestReadStateSummaryData[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestInput {
  groupId?: string;
  topics?: ReadShareGroupStateSummaryRequestReadStateSummaryDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestReadStateSummaryData {
  topicId: string;
  partitions: ReadShareGroupStateSummaryRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestReadStateSummaryDataInput {
  topicId?: string;
  partitions?: ReadShareGroupStateSummaryRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestPartitionData {
  partition: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestPartitionDataInput {
  partition?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultReadShareGroupStateSummaryRequest(): ReadShareGroupStateSummaryRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultReadShareGroupStateSummaryRequestReadStateSummaryData(): ReadShareGroupStateSummaryRequestReadStateSummaryData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultReadShareGroupStateSummaryRequestPartitionData(): ReadShareGroupStateSummaryRequestPartitionData {
  return {
    partition: 0,
    leaderEpoch: 0,
  };
}

export function writeReadShareGroupStateSummaryRequest(w: Writer, v: number, m: ReadShareGroupStateSummaryRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateSummaryRequestReadStateSummaryData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateSummaryRequestReadStateSummaryData(w: Writer, v: number, m: ReadShareGroupStateSummaryRequestReadStateSummaryDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeReadShareGroupStateSummaryRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeReadShareGroupStateSummaryRequestPartitionData(w: Writer, v: number, m: ReadShareGroupStateSummaryRequestPartitionDataInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readReadShareGroupStateSummaryRequest(r: Reader, v: number): ReadShareGroupStateSummaryRequest {
  const fGroupId: string = r.compactString();
  const fTopics: ReadShareGroupStateSummaryRequestReadStateSummaryData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateSummaryRequestReadStateSummaryData(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateSummaryRequest = { groupId: fGroupId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateSummaryRequestReadStateSummaryData(r: Reader, v: number): ReadShareGroupStateSummaryRequestReadStateSummaryData {
  const fTopicId: string = r.uuid();
  const fPartitions: ReadShareGroupStateSummaryRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readReadShareGroupStateSummaryRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: ReadShareGroupStateSummaryRequestReadStateSummaryData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readReadShareGroupStateSummaryRequestPartitionData(r: Reader, v: number): ReadShareGroupStateSummaryRequestPartitionData {
  const fPartition: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: ReadShareGroupStateSummaryRequestPartitionData = { partition: fPartition, leaderEpoch: fLeaderEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
