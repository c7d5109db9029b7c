// Generated from AlterPartitionRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterPartitionRequestVersions = { min: 2, max: 3, flexibleMin: 0 } as const;

export interface AlterPartitionRequest {
  brokerId: number;
  brokerEpoch: bigint;
  topics: AlterPartitionRequestTopicData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestInput {
  brokerId?: number;
  brokerEpoch?: bigint;
  topics?: AlterPartitionRequestTopicDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestTopicData {
  topicId: string;
  partitions: AlterPartitionRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestTopicDataInput {
  topicId?: string;
  partitions?: AlterPartitionRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestPartitionData {
  partitionIndex: number;
  leaderEpoch: number;
  newIsr: number[];
  newIsrWithEpochs: AlterPartitionRequestBrokerState[];
  leaderRecoveryState: number;
  partitionEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestPartitionDataInput {
  partitionIndex?: number;
  leaderEpoch?: number;
  newIsr?: number[];
  newIsrWithEpochs?: AlterPartitionRequestBrokerStateInput[];
  leaderRecoveryState?: number;
  partitionEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestBrokerState {
  brokerId: number;
  brokerEpoch: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestBrokerStateInput {
  brokerId?: number;
  brokerEpoch?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionRequest(): AlterPartitionRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    topics: [],
  };
}

export function defaultAlterPartitionRequestTopicData(): AlterPartitionRequestTopicData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultAlterPartitionRequestPartitionData(): AlterPartitionRequestPartitionData {
  return {
    partitionIndex: 0,
    leaderEpoch: 0,
    newIsr: [],
    newIsrWithEpochs: [],
    leaderRecoveryState: 0,
    partitionEpoch: 0,
  };
}

export function defaultAlterPartitionRequestBrokerState(): AlterPartitionRequestBrokerState {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

export function writeAlterPartitionRequest(w: Writer, v: number, m: AlterPartitionRequestInput): void {
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionRequestTopicData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionRequestTopicData(w: Writer, v: number, m: AlterPartitionRequestTopicDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionRequestPartitionData(w: Writer, v: number, m: AlterPartitionRequestPartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  if (v <= 2) { const x = m.newIsr === undefined ? [] : m.newIsr; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  if (v >= 3) { const x = m.newIsrWithEpochs === undefined ? [] : m.newIsrWithEpochs; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionRequestBrokerState(w, v, e); } } }
  { const x = m.leaderRecoveryState === undefined ? 0 : m.leaderRecoveryState; w.int8(x); }
  { const x = m.partitionEpoch === undefined ? 0 : m.partitionEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionRequestBrokerState(w: Writer, v: number, m: AlterPartitionRequestBrokerStateInput): void {
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAlterPartitionRequest(r: Reader, v: number): AlterPartitionRequest {
  const fBrokerId: number = r.int32();
  const fBrokerEpoch: bigint = r.int64();
  const fTopics: AlterPartitionRequestTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionRequestTopicData(r, v)); return a; })(r.compactArrayLength());
  const m: AlterPartitionRequest = { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionRequestTopicData(r: Reader, v: number): AlterPartitionRequestTopicData {
  const fTopicId: string = r.uuid();
  const fPartitions: AlterPartitionRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: AlterPartitionRequestTopicData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionRequestPartitionData(r: Reader, v: number): AlterPartitionRequestPartitionData {
  const fPartitionIndex: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fNewIsr: number[] = (v <= 2) ? ((n: number) => { if (n < 0) return nullErr('NewIsr'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength()) : [];
  const fNewIsrWithEpochs: AlterPartitionRequestBrokerState[] = (v >= 3) ? ((n: number) => { if (n < 0) return nullErr('NewIsrWithEpochs'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionRequestBrokerState(r, v)); return a; })(r.compactArrayLength()) : [];
  const fLeaderRecoveryState: number = r.int8();
  const fPartitionEpoch: number = r.int32();
  const m: AlterPartitionRequestPartitionData = { partitionIndex: fPartitionIndex, leaderEpoch: fLeaderEpoch, newIsr: fNewIsr, newIsrWithEpochs: fNewIsrWithEpochs, leaderRecoveryState: fLeaderRecoveryState, partitionEpoch: fPartitionEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionRequestBrokerState(r: Reader, v: number): AlterPartitionRequestBrokerState {
  const fBrokerId: number = r.int32();
  const fBrokerEpoch: bigint = r.int64();
  const m: AlterPartitionRequestBrokerState = { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
