// Generated from WriteShareGroupStateRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const writeShareGroupStateRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface WriteShareGroupStateRequest {
  groupId: string;
  topics: WriteShareGroupStateRequestWriteStateData[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestInput {
  groupId?: string;
  topics?: WriteShareGroupStateRequestWriteStateDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestWriteStateData {
  topicId: string;
  partitions: WriteShareGroupStateRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestWriteStateDataInput {
  topicId?: string;
  partitions?: WriteShareGroupStateRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestPartitionData {
  partition: number;
  stateEpoch: number;
  leaderEpoch: number;
  startOffset: bigint;
  deliveryCompleteCount: number;
  stateBatches: WriteShareGroupStateRequestStateBatch[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestPartitionDataInput {
  partition?: number;
  stateEpoch?: number;
  leaderEpoch?: number;
  startOffset?: bigint;
  deliveryCompleteCount?: number;
  stateBatches?: WriteShareGroupStateRequestStateBatchInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestStateBatch {
  firstOffset: bigint;
  lastOffset: bigint;
  deliveryState: number;
  deliveryCount: number;
  unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestStateBatchInput {
  firstOffset?: bigint;
  lastOffset?: bigint;
  deliveryState?: number;
  deliveryCount?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultWriteShareGroupStateRequest(): WriteShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultWriteShareGroupStateRequestWriteStateData(): WriteShareGroupStateRequestWriteStateData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultWriteShareGroupStateRequestPartitionData(): WriteShareGroupStateRequestPartitionData {
  return {
    partition: 0,
    stateEpoch: 0,
    leaderEpoch: 0,
    startOffset: 0n,
    deliveryCompleteCount: -1,
    stateBatches: [],
  };
}

export function defaultWriteShareGroupStateRequestStateBatch(): WriteShareGroupStateRequestStateBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    deliveryState: 0,
    deliveryCount: 0,
  };
}

export function writeWriteShareGroupStateRequest(w: Writer, v: number, m: WriteShareGroupStateRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeWriteShareGroupStateRequestWriteStateData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeWriteShareGroupStateRequestWriteStateData(w: Writer, v: number, m: WriteShareGroupStateRequestWriteStateDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeWriteShareGroupStateRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeWriteShareGroupStateRequestPartitionData(w: Writer, v: number, m: WriteShareGroupStateRequestPartitionDataInput): void {
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.stateEpoch === undefined ? 0 : m.stateEpoch; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  { const x = m.startOffset === undefined ? 0n : m.startOffset; w.int64(x); }
  if (v >= 1) { const x = m.deliveryCompleteCount === undefined ? -1 : m.deliveryCompleteCount; w.int32(x); }
  { const x = m.stateBatches === undefined ? [] : m.stateBatches; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeWriteShareGroupStateRequestStateBatch(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeWriteShareGroupStateRequestStateBatch(w: Writer, v: number, m: WriteShareGroupStateRequestStateBatchInput): void {
  { const x = m.firstOffset === undefined ? 0n : m.firstOffset; w.int64(x); }
  { const x = m.lastOffset === undefined ? 0n : m.lastOffset; w.int64(x); }
  { const x = m.deliveryState === undefined ? 0 : m.deliveryState; w.int8(x); }
  { const x = m.deliveryCount === undefined ? 0 : m.deliveryCount; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readWriteShareGroupStateRequest(r: Reader, v: number): WriteShareGroupStateRequest {
  const fGroupId: string = r.compactString();
  const fTopics: WriteShareGroupStateRequestWriteStateData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteShareGroupStateRequestWriteStateData(r, v)); return a; })(r.compactArrayLength());
  const m: WriteShareGroupStateRequest = { groupId: fGroupId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readWriteShareGroupStateRequestWriteStateData(r: Reader, v: number): WriteShareGroupStateRequestWriteStateData {
  const fTopicId: string = r.uuid();
  const fPartitions: WriteShareGroupStateRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteShareGroupStateRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: WriteShareGroupStateRequestWriteStateData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readWriteShareGroupStateRequestPartitionData(r: Reader, v: number): WriteShareGroupStateRequestPartitionData {
  const fPartition: number = r.int32();
  const fStateEpoch: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fStartOffset: bigint = r.int64();
  const fDeliveryCompleteCount: number = (v >= 1) ? r.int32() : -1;
  const fStateBatches: WriteShareGroupStateRequestStateBatch[] = ((n: number) => { if (n < 0) return nullErr('StateBatches'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteShareGroupStateRequestStateBatch(r, v)); return a; })(r.compactArrayLength());
  const m: WriteShareGroupStateRequestPartitionData = { partition: fPartition, stateEpoch: fStateEpoch, leaderEpoch: fLeaderEpoch, startOffset: fStartOffset, deliveryCompleteCount: fDeliveryCompleteCount, stateBatches: fStateBatches };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readWriteShareGroupStateRequestStateBatch(r: Reader, v: number): WriteShareGroupStateRequestStateBatch {
  const fFirstOffset: bigint = r.int64();
  const fLastOffset: bigint = r.int64();
  const fDeliveryState: number = r.int8();
  const fDeliveryCount: number = r.int16();
  const m: WriteShareGroupStateRequestStateBatch = { firstOffset: fFirstOffset, lastOffset: fLastOffset, deliveryState: fDeliveryState, deliveryCount: fDeliveryCount };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
