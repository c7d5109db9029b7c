// Generated from AssignReplicasToDirsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const assignReplicasToDirsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface AssignReplicasToDirsResponse {
  throttleTimeMs: number;
  errorCode: number;
  directories: AssignReplicasToDirsResponseDirectoryData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  directories?: AssignReplicasToDirsResponseDirectoryDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseDirectoryData {
  id: string;
  topics: AssignReplicasToDirsResponseTopicData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseDirectoryDataInput {
  id?: string;
  topics?: AssignReplicasToDirsResponseTopicDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseTopicData {
  topicId: string;
  partitions: AssignReplicasToDirsResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseTopicDataInput {
  topicId?: string;
  partitions?: AssignReplicasToDirsResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsResponse(): AssignReplicasToDirsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    directories: [],
  };
}

export function defaultAssignReplicasToDirsResponseDirectoryData(): AssignReplicasToDirsResponseDirectoryData {
  return {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    topics: [],
  };
}

export function defaultAssignReplicasToDirsResponseTopicData(): AssignReplicasToDirsResponseTopicData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultAssignReplicasToDirsResponsePartitionData(): AssignReplicasToDirsResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function writeAssignReplicasToDirsResponse(w: Writer, v: number, m: AssignReplicasToDirsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.directories === undefined ? [] : m.directories; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAssignReplicasToDirsResponseDirectoryData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAssignReplicasToDirsResponseDirectoryData(w: Writer, v: number, m: AssignReplicasToDirsResponseDirectoryDataInput): void {
  { const x = m.id === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.id; w.uuid(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAssignReplicasToDirsResponseTopicData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAssignReplicasToDirsResponseTopicData(w: Writer, v: number, m: AssignReplicasToDirsResponseTopicDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAssignReplicasToDirsResponsePartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAssignReplicasToDirsResponsePartitionData(w: Writer, v: number, m: AssignReplicasToDirsResponsePartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAssignReplicasToDirsResponse(r: Reader, v: number): AssignReplicasToDirsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fDirectories: AssignReplicasToDirsResponseDirectoryData[] = ((n: number) => { if (n < 0) return nullErr('Directories'); const a = []; for (let i = 0; i < n; i++) a.push(readAssignReplicasToDirsResponseDirectoryData(r, v)); return a; })(r.compactArrayLength());
  const m: AssignReplicasToDirsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, directories: fDirectories };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAssignReplicasToDirsResponseDirectoryData(r: Reader, v: number): AssignReplicasToDirsResponseDirectoryData {
  const fId: string = r.uuid();
  const fTopics: AssignReplicasToDirsResponseTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readAssignReplicasToDirsResponseTopicData(r, v)); return a; })(r.compactArrayLength());
  const m: AssignReplicasToDirsResponseDirectoryData = { id: fId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAssignReplicasToDirsResponseTopicData(r: Reader, v: number): AssignReplicasToDirsResponseTopicData {
  const fTopicId: string = r.uuid();
  const fPartitions: AssignReplicasToDirsResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAssignReplicasToDirsResponsePartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: AssignReplicasToDirsResponseTopicData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAssignReplicasToDirsResponsePartitionData(r: Reader, v: number): AssignReplicasToDirsResponsePartitionData {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: AssignReplicasToDirsResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
