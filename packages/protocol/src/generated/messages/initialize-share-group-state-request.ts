// Generated from InitializeShareGroupStateRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const initializeShareGroupStateRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface InitializeShareGroupStateRequest {
  groupId: string;
  topics: InitializeShareGroupStateRequestInitializeStateData[];
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestInput {
  groupId?: string;
  topics?: InitializeShareGroupStateRequestInitializeStateDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestInitializeStateData {
  topicId: string;
  partitions: InitializeShareGroupStateRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestInitializeStateDataInput {
  topicId?: string;
  partitions?: InitializeShareGroupStateRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestPartitionData {
  partition: number;
  stateEpoch: number;
  startOffset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestPartitionDataInput {
  partition?: number;
  stateEpoch?: number;
  startOffset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultInitializeShareGroupStateRequest(): InitializeShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultInitializeShareGroupStateRequestInitializeStateData(): InitializeShareGroupStateRequestInitializeStateData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultInitializeShareGroupStateRequestPartitionData(): InitializeShareGroupStateRequestPartitionData {
  return {
    partition: 0,
    stateEpoch: 0,
    startOffset: 0n,
  };
}

export function writeInitializeShareGroupStateRequest(w: Writer, v: number, m: InitializeShareGroupStateRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeInitializeShareGroupStateRequestInitializeStateData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeInitializeShareGroupStateRequestInitializeStateData(w: Writer, v: number, m: InitializeShareGroupStateRequestInitializeStateDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeInitializeShareGroupStateRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeInitializeShareGroupStateRequestPartitionData(w: Writer, v: number, m: InitializeShareGroupStateRequestPartitionDataInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.stateEpoch === undefined ? 0 : m.stateEpoch; w.int32(x); }
  { const x = m.startOffset === undefined ? 0n : m.startOffset; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readInitializeShareGroupStateRequest(r: Reader, v: number): InitializeShareGroupStateRequest {
  const fGroupId: string = r.compactString();
  const fTopics: InitializeShareGroupStateRequestInitializeStateData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readInitializeShareGroupStateRequestInitializeStateData(r, v)); return a; })(r.compactArrayLength());
  const m: InitializeShareGroupStateRequest = { groupId: fGroupId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readInitializeShareGroupStateRequestInitializeStateData(r: Reader, v: number): InitializeShareGroupStateRequestInitializeStateData {
  const fTopicId: string = r.uuid();
  const fPartitions: InitializeShareGroupStateRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readInitializeShareGroupStateRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: InitializeShareGroupStateRequestInitializeStateData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readInitializeShareGroupStateRequestPartitionData(r: Reader, v: number): InitializeShareGroupStateRequestPartitionData {
  const fPartition: number = r.int32();
  const fStateEpoch: number = r.int32();
  const fStartOffset: bigint = r.int64();
  const m: InitializeShareGroupStateRequestPartitionData = { partition: fPartition, stateEpoch: fStateEpoch, startOffset: fStartOffset };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
