// Generated from StopReplicaRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const stopReplicaRequestVersions = { min: 0, max: 4, flexibleMin: 2 } as const;

export interface StopReplicaRequest {
  controllerId: number;
  isKRaftController: boolean;
  controllerEpoch: number;
  brokerEpoch: bigint;
  deletePartitions: boolean;
  ungroupedPartitions: StopReplicaRequestStopReplicaPartitionV0[];
  topics: StopReplicaRequestStopReplicaTopicV1[];
  topicStates: StopReplicaRequestStopReplicaTopicState[];
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestInput {
  controllerId?: number;
  isKRaftController?: boolean;
  controllerEpoch?: number;
  brokerEpoch?: bigint;
  deletePartitions?: boolean;
  ungroupedPartitions?: StopReplicaRequestStopReplicaPartitionV0Input[];
  topics?: StopReplicaRequestStopReplicaTopicV1Input[];
  topicStates?: StopReplicaRequestStopReplicaTopicStateInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestStopReplicaPartitionV0 {
  topicName: string;
  partitionIndex: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestStopReplicaPartitionV0Input {
  topicName?: string;
  partitionIndex?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestStopReplicaTopicV1 {
  name: string;
  partitionIndexes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestStopReplicaTopicV1Input {
  name?: string;
  partitionIndexes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestStopReplicaTopicState {
  topicName: string;
  partitionStates: StopReplicaRequestStopReplicaPartitionState[];
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestStopReplicaTopicStateInput {
  topicName?: string;
  partitionStates?: StopReplicaRequestStopReplicaPartitionStateInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestStopReplicaPartitionState {
  partitionIndex: number;
  leaderEpoch: number;
  deletePartition: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaRequestStopReplicaPartitionStateInput {
  partitionIndex?: number;
  leaderEpoch?: number;
  deletePartition?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaRequest(): StopReplicaRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    deletePartitions: false,
    ungroupedPartitions: [],
    topics: [],
    topicStates: [],
  };
}

export function defaultStopReplicaRequestStopReplicaPartitionV0(): StopReplicaRequestStopReplicaPartitionV0 {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

export function defaultStopReplicaRequestStopReplicaTopicV1(): StopReplicaRequestStopReplicaTopicV1 {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function defaultStopReplicaRequestStopReplicaTopicState(): StopReplicaRequestStopReplicaTopicState {
  return {
    topicName: "",
    partitionStates: [],
  };
}

export function defaultStopReplicaRequestStopReplicaPartitionState(): StopReplicaRequestStopReplicaPartitionState {
  return {
    partitionIndex: 0,
    leaderEpoch: -1,
    deletePartition: false,
  };
}

export function writeStopReplicaRequest(w: Writer, v: number, m: StopReplicaRequestInput): void {
  const flex = v >= 2;
  { const x = m.controllerId === undefined ? 0 : m.controllerId; w.int32(x); }
  if (v >= 4) { const x = m.isKRaftController === undefined ? false : m.isKRaftController; w.bool(x); }
  { const x = m.controllerEpoch === undefined ? 0 : m.controllerEpoch; w.int32(x); }
  if (v >= 1) { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  if (v <= 2) { const x = m.deletePartitions === undefined ? false : m.deletePartitions; w.bool(x); }
  if (v <= 0) { const x = m.ungroupedPartitions === undefined ? [] : m.ungroupedPartitions; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeStopReplicaRequestStopReplicaPartitionV0(w, v, e); } } }
  if (v >= 1 && v <= 2) { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeStopReplicaRequestStopReplicaTopicV1(w, v, e); } } }
  if (v >= 3) { const x = m.topicStates === undefined ? [] : m.topicStates; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStopReplicaRequestStopReplicaTopicState(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeStopReplicaRequestStopReplicaPartitionV0(w: Writer, v: number, m: StopReplicaRequestStopReplicaPartitionV0Input): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.string(x ?? ''); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
}

function writeStopReplicaRequestStopReplicaTopicV1(w: Writer, v: number, m: StopReplicaRequestStopReplicaTopicV1Input): void {
  const flex = v >= 2;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitionIndexes === undefined ? [] : m.partitionIndexes; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeStopReplicaRequestStopReplicaTopicState(w: Writer, v: number, m: StopReplicaRequestStopReplicaTopicStateInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitionStates === undefined ? [] : m.partitionStates; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStopReplicaRequestStopReplicaPartitionState(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStopReplicaRequestStopReplicaPartitionState(w: Writer, v: number, m: StopReplicaRequestStopReplicaPartitionStateInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? -1 : m.leaderEpoch; w.int32(x); }
  { const x = m.deletePartition === undefined ? false : m.deletePartition; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readStopReplicaRequest(r: Reader, v: number): StopReplicaRequest {
  const flex = v >= 2;
  const fControllerId: number = r.int32();
  const fisKRaftController: boolean = (v >= 4) ? r.bool() : false;
  const fControllerEpoch: number = r.int32();
  const fBrokerEpoch: bigint = (v >= 1) ? r.int64() : -1n;
  const fDeletePartitions: boolean = (v <= 2) ? r.bool() : false;
  const fUngroupedPartitions: StopReplicaRequestStopReplicaPartitionV0[] = (v <= 0) ? ((n: number) => { if (n < 0) return nullErr('UngroupedPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readStopReplicaRequestStopReplicaPartitionV0(r, v)); return a; })(r.arrayLength()) : [];
  const fTopics: StopReplicaRequestStopReplicaTopicV1[] = (v >= 1 && v <= 2) ? ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readStopReplicaRequestStopReplicaTopicV1(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fTopicStates: StopReplicaRequestStopReplicaTopicState[] = (v >= 3) ? ((n: number) => { if (n < 0) return nullErr('TopicStates'); const a = []; for (let i = 0; i < n; i++) a.push(readStopReplicaRequestStopReplicaTopicState(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: StopReplicaRequest = { controllerId: fControllerId, isKRaftController: fisKRaftController, controllerEpoch: fControllerEpoch, brokerEpoch: fBrokerEpoch, deletePartitions: fDeletePartitions, ungroupedPartitions: fUngroupedPartitions, topics: fTopics, topicStates: fTopicStates };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readStopReplicaRequestStopReplicaPartitionV0(r: Reader, v: number): StopReplicaRequestStopReplicaPartitionV0 {
  const fTopicName: string = r.string();
  const fPartitionIndex: number = r.int32();
  const m: StopReplicaRequestStopReplicaPartitionV0 = { topicName: fTopicName, partitionIndex: fPartitionIndex };
  return m;
}

function readStopReplicaRequestStopReplicaTopicV1(r: Reader, v: number): StopReplicaRequestStopReplicaTopicV1 {
  const flex = v >= 2;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitionIndexes: number[] = ((n: number) => { if (n < 0) return nullErr('PartitionIndexes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: StopReplicaRequestStopReplicaTopicV1 = { name: fName, partitionIndexes: fPartitionIndexes };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readStopReplicaRequestStopReplicaTopicState(r: Reader, v: number): StopReplicaRequestStopReplicaTopicState {
  const fTopicName: string = r.compactString();
  const fPartitionStates: StopReplicaRequestStopReplicaPartitionState[] = ((n: number) => { if (n < 0) return nullErr('PartitionStates'); const a = []; for (let i = 0; i < n; i++) a.push(readStopReplicaRequestStopReplicaPartitionState(r, v)); return a; })(r.compactArrayLength());
  const m: StopReplicaRequestStopReplicaTopicState = { topicName: fTopicName, partitionStates: fPartitionStates };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStopReplicaRequestStopReplicaPartitionState(r: Reader, v: number): StopReplicaRequestStopReplicaPartitionState {
  const fPartitionIndex: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fDeletePartition: boolean = r.bool();
  const m: StopReplicaRequestStopReplicaPartitionState = { partitionIndex: fPartitionIndex, leaderEpoch: fLeaderEpoch, deletePartition: fDeletePartition };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
