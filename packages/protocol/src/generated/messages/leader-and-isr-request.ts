// Generated from LeaderAndIsrRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const leaderAndIsrRequestVersions = { min: 0, max: 7, flexibleMin: 4 } as const;

export interface LeaderAndIsrRequest {
  controllerId: number;
  isKRaftController: boolean;
  controllerEpoch: number;
  brokerEpoch: bigint;
  type: number;
  ungroupedPartitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[];
  topicStates: LeaderAndIsrRequestLeaderAndIsrTopicState[];
  liveLeaders: LeaderAndIsrRequestLeaderAndIsrLiveLeader[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrRequestInput {
  controllerId?: number;
  isKRaftController?: boolean;
  controllerEpoch?: number;
  brokerEpoch?: bigint;
  type?: number;
  ungroupedPartitionStates?: LeaderAndIsrRequestLeaderAndIsrPartitionStateInput[];
  topicStates?: LeaderAndIsrRequestLeaderAndIsrTopicStateInput[];
  liveLeaders?: LeaderAndIsrRequestLeaderAndIsrLiveLeaderInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrRequestLeaderAndIsrPartitionState {
  topicName: string;
  partitionIndex: number;
  controllerEpoch: number;
  leader: number;
  leaderEpoch: number;
  isr: number[];
  partitionEpoch: number;
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
  isNew: boolean;
  leaderRecoveryState: number;
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrRequestLeaderAndIsrPartitionStateInput {
  topicName?: string;
  partitionIndex?: number;
  controllerEpoch?: number;
  leader?: number;
  leaderEpoch?: number;
  isr?: number[];
  partitionEpoch?: number;
  replicas?: number[];
  addingReplicas?: number[];
  removingReplicas?: number[];
  isNew?: boolean;
  leaderRecoveryState?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrRequestLeaderAndIsrTopicState {
  topicName: string;
  topicId: string;
  partitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrRequestLeaderAndIsrTopicStateInput {
  topicName?: string;
  topicId?: string;
  partitionStates?: LeaderAndIsrRequestLeaderAndIsrPartitionStateInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  brokerId: number;
  hostName: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrRequestLeaderAndIsrLiveLeaderInput {
  brokerId?: number;
  hostName?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrRequest(): LeaderAndIsrRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    type: 0,
    ungroupedPartitionStates: [],
    topicStates: [],
    liveLeaders: [],
  };
}

export function defaultLeaderAndIsrRequestLeaderAndIsrPartitionState(): LeaderAndIsrRequestLeaderAndIsrPartitionState {
  return {
    topicName: "",
    partitionIndex: 0,
    controllerEpoch: 0,
    leader: 0,
    leaderEpoch: 0,
    isr: [],
    partitionEpoch: 0,
    replicas: [],
    addingReplicas: [],
    removingReplicas: [],
    isNew: false,
    leaderRecoveryState: 0,
  };
}

export function defaultLeaderAndIsrRequestLeaderAndIsrTopicState(): LeaderAndIsrRequestLeaderAndIsrTopicState {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionStates: [],
  };
}

export function defaultLeaderAndIsrRequestLeaderAndIsrLiveLeader(): LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  return {
    brokerId: 0,
    hostName: "",
    port: 0,
  };
}

export function writeLeaderAndIsrRequest(w: Writer, v: number, m: LeaderAndIsrRequestInput): void {
  const flex = v >= 4;
  { const x = m.controllerId === undefined ? 0 : m.controllerId; w.int32(x); }
  if (v >= 7) { const x = m.isKRaftController === undefined ? false : m.isKRaftController; w.bool(x); }
  { const x = m.controllerEpoch === undefined ? 0 : m.controllerEpoch; w.int32(x); }
  if (v >= 2) { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  if (v >= 5) { const x = m.type === undefined ? 0 : m.type; w.int8(x); }
  if (v <= 1) { const x = m.ungroupedPartitionStates === undefined ? [] : m.ungroupedPartitionStates; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeLeaderAndIsrRequestLeaderAndIsrPartitionState(w, v, e); } } }
  if (v >= 2) { const x = m.topicStates === undefined ? [] : m.topicStates; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeLeaderAndIsrRequestLeaderAndIsrTopicState(w, v, e); } } }
  { const x = m.liveLeaders === undefined ? [] : m.liveLeaders; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeLeaderAndIsrRequestLeaderAndIsrLiveLeader(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeLeaderAndIsrRequestLeaderAndIsrPartitionState(w: Writer, v: number, m: LeaderAndIsrRequestLeaderAndIsrPartitionStateInput): void {
  const flex = v >= 4;
  if (v <= 1) { const x = m.topicName === undefined ? "" : m.topicName; w.string(x ?? ''); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.controllerEpoch === undefined ? 0 : m.controllerEpoch; w.int32(x); }
  { const x = m.leader === undefined ? 0 : m.leader; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  { const x = m.isr === undefined ? [] : m.isr; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  { const x = m.partitionEpoch === undefined ? 0 : m.partitionEpoch; w.int32(x); }
  { const x = m.replicas === undefined ? [] : m.replicas; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (v >= 3) { const x = m.addingReplicas === undefined ? [] : m.addingReplicas; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (v >= 3) { const x = m.removingReplicas === undefined ? [] : m.removingReplicas; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (v >= 1) { const x = m.isNew === undefined ? false : m.isNew; w.bool(x); }
  if (v >= 6) { const x = m.leaderRecoveryState === undefined ? 0 : m.leaderRecoveryState; w.int8(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeLeaderAndIsrRequestLeaderAndIsrTopicState(w: Writer, v: number, m: LeaderAndIsrRequestLeaderAndIsrTopicStateInput): void {
  const flex = v >= 4;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 5) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitionStates === undefined ? [] : m.partitionStates; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeLeaderAndIsrRequestLeaderAndIsrPartitionState(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeLeaderAndIsrRequestLeaderAndIsrLiveLeader(w: Writer, v: number, m: LeaderAndIsrRequestLeaderAndIsrLiveLeaderInput): void {
  const flex = v >= 4;
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  { const x = m.hostName === undefined ? "" : m.hostName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readLeaderAndIsrRequest(r: Reader, v: number): LeaderAndIsrRequest {
  const flex = v >= 4;
  const fControllerId: number = r.int32();
  const fisKRaftController: boolean = (v >= 7) ? r.bool() : false;
  const fControllerEpoch: number = r.int32();
  const fBrokerEpoch: bigint = (v >= 2) ? r.int64() : -1n;
  const fType: number = (v >= 5) ? r.int8() : 0;
  const fUngroupedPartitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[] = (v <= 1) ? ((n: number) => { if (n < 0) return nullErr('UngroupedPartitionStates'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderAndIsrRequestLeaderAndIsrPartitionState(r, v)); return a; })(r.arrayLength()) : [];
  const fTopicStates: LeaderAndIsrRequestLeaderAndIsrTopicState[] = (v >= 2) ? ((n: number) => { if (n < 0) return nullErr('TopicStates'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderAndIsrRequestLeaderAndIsrTopicState(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fLiveLeaders: LeaderAndIsrRequestLeaderAndIsrLiveLeader[] = ((n: number) => { if (n < 0) return nullErr('LiveLeaders'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderAndIsrRequestLeaderAndIsrLiveLeader(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: LeaderAndIsrRequest = { controllerId: fControllerId, isKRaftController: fisKRaftController, controllerEpoch: fControllerEpoch, brokerEpoch: fBrokerEpoch, type: fType, ungroupedPartitionStates: fUngroupedPartitionStates, topicStates: fTopicStates, liveLeaders: fLiveLeaders };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readLeaderAndIsrRequestLeaderAndIsrPartitionState(r: Reader, v: number): LeaderAndIsrRequestLeaderAndIsrPartitionState {
  const flex = v >= 4;
  const fTopicName: string = (v <= 1) ? r.string() : "";
  const fPartitionIndex: number = r.int32();
  const fControllerEpoch: number = r.int32();
  const fLeader: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fIsr: number[] = ((n: number) => { if (n < 0) return nullErr('Isr'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fPartitionEpoch: number = r.int32();
  const fReplicas: number[] = ((n: number) => { if (n < 0) return nullErr('Replicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fAddingReplicas: number[] = (v >= 3) ? ((n: number) => { if (n < 0) return nullErr('AddingReplicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fRemovingReplicas: number[] = (v >= 3) ? ((n: number) => { if (n < 0) return nullErr('RemovingReplicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fIsNew: boolean = (v >= 1) ? r.bool() : false;
  const fLeaderRecoveryState: number = (v >= 6) ? r.int8() : 0;
  const m: LeaderAndIsrRequestLeaderAndIsrPartitionState = { topicName: fTopicName, partitionIndex: fPartitionIndex, controllerEpoch: fControllerEpoch, leader: fLeader, leaderEpoch: fLeaderEpoch, isr: fIsr, partitionEpoch: fPartitionEpoch, replicas: fReplicas, addingReplicas: fAddingReplicas, removingReplicas: fRemovingReplicas, isNew: fIsNew, leaderRecoveryState: fLeaderRecoveryState };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readLeaderAndIsrRequestLeaderAndIsrTopicState(r: Reader, v: number): LeaderAndIsrRequestLeaderAndIsrTopicState {
  const flex = v >= 4;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fTopicId: string = (v >= 5) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[] = ((n: number) => { if (n < 0) return nullErr('PartitionStates'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderAndIsrRequestLeaderAndIsrPartitionState(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: LeaderAndIsrRequestLeaderAndIsrTopicState = { topicName: fTopicName, topicId: fTopicId, partitionStates: fPartitionStates };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readLeaderAndIsrRequestLeaderAndIsrLiveLeader(r: Reader, v: number): LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  const flex = v >= 4;
  const fBrokerId: number = r.int32();
  const fHostName: string = (flex ? r.compactString() : r.string());
  const fPort: number = r.int32();
  const m: LeaderAndIsrRequestLeaderAndIsrLiveLeader = { brokerId: fBrokerId, hostName: fHostName, port: fPort };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
