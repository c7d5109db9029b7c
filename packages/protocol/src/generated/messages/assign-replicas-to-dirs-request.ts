// Generated from AssignReplicasToDirsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const assignReplicasToDirsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface AssignReplicasToDirsRequest {
  brokerId: number;
  brokerEpoch: bigint;
  directories: AssignReplicasToDirsRequestDirectoryData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestInput {
  brokerId?: number;
  brokerEpoch?: bigint;
  directories?: AssignReplicasToDirsRequestDirectoryDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestDirectoryData {
  id: string;
  topics: AssignReplicasToDirsRequestTopicData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestDirectoryDataInput {
  id?: string;
  topics?: AssignReplicasToDirsRequestTopicDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestTopicData {
  topicId: string;
  partitions: AssignReplicasToDirsRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestTopicDataInput {
  topicId?: string;
  partitions?: AssignReplicasToDirsRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestPartitionData {
  partitionIndex: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestPartitionDataInput {
  partitionIndex?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsRequest(): AssignReplicasToDirsRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    directories: [],
  };
}

export function defaultAssignReplicasToDirsRequestDirectoryData(): AssignReplicasToDirsRequestDirectoryData {
  return {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    topics: [],
  };
}

export function defaultAssignReplicasToDirsRequestTopicData(): AssignReplicasToDirsRequestTopicData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultAssignReplicasToDirsRequestPartitionData(): AssignReplicasToDirsRequestPartitionData {
  return {
    partitionIndex: 0,
  };
}

export function writeAssignReplicasToDirsRequest(w: Writer, v: number, m: AssignReplicasToDirsRequestInput): void {
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  { const x = m.directories === undefined ? [] : m.directories; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAssignReplicasToDirsRequestDirectoryData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAssignReplicasToDirsRequestDirectoryData(w: Writer, v: number, m: AssignReplicasToDirsRequestDirectoryDataInput): void {
  { const x = m.id === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.id; w.uuid(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAssignReplicasToDirsRequestTopicData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAssignReplicasToDirsRequestTopicData(w: Writer, v: number, m: AssignReplicasToDirsRequestTopicDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAssignReplicasToDirsRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAssignReplicasToDirsRequestPartitionData(w: Writer, v: number, m: AssignReplicasToDirsRequestPartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAssignReplicasToDirsRequest(r: Reader, v: number): AssignReplicasToDirsRequest {
  const fBrokerId: number = r.int32();
  const fBrokerEpoch: bigint = r.int64();
  const fDirectories: AssignReplicasToDirsRequestDirectoryData[] = ((n: number) => { if (n < 0) return nullErr('Directories'); const a = []; for (let i = 0; i < n; i++) a.push(readAssignReplicasToDirsRequestDirectoryData(r, v)); return a; })(r.compactArrayLength());
  const m: AssignReplicasToDirsRequest = { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch, directories: fDirectories };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAssignReplicasToDirsRequestDirectoryData(r: Reader, v: number): AssignReplicasToDirsRequestDirectoryData {
  const fId: string = r.uuid();
  const fTopics: AssignReplicasToDirsRequestTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readAssignReplicasToDirsRequestTopicData(r, v)); return a; })(r.compactArrayLength());
  const m: AssignReplicasToDirsRequestDirectoryData = { id: fId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAssignReplicasToDirsRequestTopicData(r: Reader, v: number): AssignReplicasToDirsRequestTopicData {
  const fTopicId: string = r.uuid();
  const fPartitions: AssignReplicasToDirsRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAssignReplicasToDirsRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: AssignReplicasToDirsRequestTopicData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAssignReplicasToDirsRequestPartitionData(r: Reader, v: number): AssignReplicasToDirsRequestPartitionData {
  const fPartitionIndex: number = r.int32();
  const m: AssignReplicasToDirsRequestPartitionData = { partitionIndex: fPartitionIndex };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
