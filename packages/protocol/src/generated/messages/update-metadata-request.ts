// Generated from UpdateMetadataRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const updateMetadataRequestVersions = { min: 0, max: 8, flexibleMin: 6 } as const;

export interface UpdateMetadataRequest {
  controllerId: number;
  isKRaftController: boolean;
  type: number;
  controllerEpoch: number;
  brokerEpoch: bigint;
  ungroupedPartitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[];
  topicStates: UpdateMetadataRequestUpdateMetadataTopicState[];
  liveBrokers: UpdateMetadataRequestUpdateMetadataBroker[];
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestInput {
  controllerId?: number;
  isKRaftController?: boolean;
  type?: number;
  controllerEpoch?: number;
  brokerEpoch?: bigint;
  ungroupedPartitionStates?: UpdateMetadataRequestUpdateMetadataPartitionStateInput[];
  topicStates?: UpdateMetadataRequestUpdateMetadataTopicStateInput[];
  liveBrokers?: UpdateMetadataRequestUpdateMetadataBrokerInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestUpdateMetadataPartitionState {
  topicName: string;
  partitionIndex: number;
  controllerEpoch: number;
  leader: number;
  leaderEpoch: number;
  isr: number[];
  zkVersion: number;
  replicas: number[];
  offlineReplicas: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestUpdateMetadataPartitionStateInput {
  topicName?: string;
  partitionIndex?: number;
  controllerEpoch?: number;
  leader?: number;
  leaderEpoch?: number;
  isr?: number[];
  zkVersion?: number;
  replicas?: number[];
  offlineReplicas?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestUpdateMetadataTopicState {
  topicName: string;
  topicId: string;
  partitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[];
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestUpdateMetadataTopicStateInput {
  topicName?: string;
  topicId?: string;
  partitionStates?: UpdateMetadataRequestUpdateMetadataPartitionStateInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestUpdateMetadataBroker {
  id: number;
  v0Host: string;
  v0Port: number;
  endpoints: UpdateMetadataRequestUpdateMetadataEndpoint[];
  rack: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestUpdateMetadataBrokerInput {
  id?: number;
  v0Host?: string;
  v0Port?: number;
  endpoints?: UpdateMetadataRequestUpdateMetadataEndpointInput[];
  rack?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestUpdateMetadataEndpoint {
  port: number;
  host: string;
  listener: string;
  securityProtocol: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataRequestUpdateMetadataEndpointInput {
  port?: number;
  host?: string;
  listener?: string;
  securityProtocol?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateMetadataRequest(): UpdateMetadataRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    type: 0,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    ungroupedPartitionStates: [],
    topicStates: [],
    liveBrokers: [],
  };
}

export function defaultUpdateMetadataRequestUpdateMetadataPartitionState(): UpdateMetadataRequestUpdateMetadataPartitionState {
  return {
    topicName: "",
    partitionIndex: 0,
    controllerEpoch: 0,
    leader: 0,
    leaderEpoch: 0,
    isr: [],
    zkVersion: 0,
    replicas: [],
    offlineReplicas: [],
  };
}

export function defaultUpdateMetadataRequestUpdateMetadataTopicState(): UpdateMetadataRequestUpdateMetadataTopicState {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionStates: [],
  };
}

export function defaultUpdateMetadataRequestUpdateMetadataBroker(): UpdateMetadataRequestUpdateMetadataBroker {
  return {
    id: 0,
    v0Host: "",
    v0Port: 0,
    endpoints: [],
    rack: "",
  };
}

export function defaultUpdateMetadataRequestUpdateMetadataEndpoint(): UpdateMetadataRequestUpdateMetadataEndpoint {
  return {
    port: 0,
    host: "",
    listener: "",
    securityProtocol: 0,
  };
}

export function writeUpdateMetadataRequest(w: Writer, v: number, m: UpdateMetadataRequestInput): void {
  const flex = v >= 6;
  { const x = m.controllerId === undefined ? 0 : m.controllerId; w.int32(x); }
  if (v >= 8) { const x = m.isKRaftController === undefined ? false : m.isKRaftController; w.bool(x); }
  { const x = m.controllerEpoch === undefined ? 0 : m.controllerEpoch; w.int32(x); }
  if (v >= 5) { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  if (v <= 4) { const x = m.ungroupedPartitionStates === undefined ? [] : m.ungroupedPartitionStates; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeUpdateMetadataRequestUpdateMetadataPartitionState(w, v, e); } } }
  if (v >= 5) { const x = m.topicStates === undefined ? [] : m.topicStates; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeUpdateMetadataRequestUpdateMetadataTopicState(w, v, e); } } }
  { const x = m.liveBrokers === undefined ? [] : m.liveBrokers; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeUpdateMetadataRequestUpdateMetadataBroker(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 8) { const x = m.type === undefined ? 0 : m.type; if (!isDefaultValue(x, 0)) tags.push([0, (w) => { w.int8(x); }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeUpdateMetadataRequestUpdateMetadataPartitionState(w: Writer, v: number, m: UpdateMetadataRequestUpdateMetadataPartitionStateInput): void {
  const flex = v >= 6;
  if (v <= 4) { const x = m.topicName === undefined ? "" : m.topicName; w.string(x ?? ''); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.controllerEpoch === undefined ? 0 : m.controllerEpoch; w.int32(x); }
  { const x = m.leader === undefined ? 0 : m.leader; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  { const x = m.isr === undefined ? [] : m.isr; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  { const x = m.zkVersion === undefined ? 0 : m.zkVersion; w.int32(x); }
  { const x = m.replicas === undefined ? [] : m.replicas; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (v >= 4) { const x = m.offlineReplicas === undefined ? [] : m.offlineReplicas; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeUpdateMetadataRequestUpdateMetadataTopicState(w: Writer, v: number, m: UpdateMetadataRequestUpdateMetadataTopicStateInput): void {
  const flex = v >= 6;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 7) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitionStates === undefined ? [] : m.partitionStates; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeUpdateMetadataRequestUpdateMetadataPartitionState(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeUpdateMetadataRequestUpdateMetadataBroker(w: Writer, v: number, m: UpdateMetadataRequestUpdateMetadataBrokerInput): void {
  const flex = v >= 6;
  { const x = m.id === undefined ? 0 : m.id; w.int32(x); }
  if (v <= 0) { const x = m.v0Host === undefined ? "" : m.v0Host; w.string(x ?? ''); }
  if (v <= 0) { const x = m.v0Port === undefined ? 0 : m.v0Port; w.int32(x); }
  if (v >= 1) { const x = m.endpoints === undefined ? [] : m.endpoints; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeUpdateMetadataRequestUpdateMetadataEndpoint(w, v, e); } } }
  if (v >= 2) { const x = m.rack === undefined ? "" : m.rack; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeUpdateMetadataRequestUpdateMetadataEndpoint(w: Writer, v: number, m: UpdateMetadataRequestUpdateMetadataEndpointInput): void {
  const flex = v >= 6;
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 3) { const x = m.listener === undefined ? "" : m.listener; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.securityProtocol === undefined ? 0 : m.securityProtocol; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readUpdateMetadataRequest(r: Reader, v: number): UpdateMetadataRequest {
  const flex = v >= 6;
  const fControllerId: number = r.int32();
  const fisKRaftController: boolean = (v >= 8) ? r.bool() : false;
  const fType: number = 0;
  const fControllerEpoch: number = r.int32();
  const fBrokerEpoch: bigint = (v >= 5) ? r.int64() : -1n;
  const fUngroupedPartitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[] = (v <= 4) ? ((n: number) => { if (n < 0) return nullErr('UngroupedPartitionStates'); const a = []; for (let i = 0; i < n; i++) a.push(readUpdateMetadataRequestUpdateMetadataPartitionState(r, v)); return a; })(r.arrayLength()) : [];
  const fTopicStates: UpdateMetadataRequestUpdateMetadataTopicState[] = (v >= 5) ? ((n: number) => { if (n < 0) return nullErr('TopicStates'); const a = []; for (let i = 0; i < n; i++) a.push(readUpdateMetadataRequestUpdateMetadataTopicState(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fLiveBrokers: UpdateMetadataRequestUpdateMetadataBroker[] = ((n: number) => { if (n < 0) return nullErr('LiveBrokers'); const a = []; for (let i = 0; i < n; i++) a.push(readUpdateMetadataRequestUpdateMetadataBroker(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: UpdateMetadataRequest = { controllerId: fControllerId, isKRaftController: fisKRaftController, type: fType, controllerEpoch: fControllerEpoch, brokerEpoch: fBrokerEpoch, ungroupedPartitionStates: fUngroupedPartitionStates, topicStates: fTopicStates, liveBrokers: fLiveBrokers };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 8) { m.type = t.int8(); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readUpdateMetadataRequestUpdateMetadataPartitionState(r: Reader, v: number): UpdateMetadataRequestUpdateMetadataPartitionState {
  const flex = v >= 6;
  const fTopicName: string = (v <= 4) ? r.string() : "";
  const fPartitionIndex: number = r.int32();
  const fControllerEpoch: number = r.int32();
  const fLeader: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fIsr: number[] = ((n: number) => { if (n < 0) return nullErr('Isr'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fZkVersion: number = r.int32();
  const fReplicas: number[] = ((n: number) => { if (n < 0) return nullErr('Replicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fOfflineReplicas: number[] = (v >= 4) ? ((n: number) => { if (n < 0) return nullErr('OfflineReplicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const m: UpdateMetadataRequestUpdateMetadataPartitionState = { topicName: fTopicName, partitionIndex: fPartitionIndex, controllerEpoch: fControllerEpoch, leader: fLeader, leaderEpoch: fLeaderEpoch, isr: fIsr, zkVersion: fZkVersion, replicas: fReplicas, offlineReplicas: fOfflineReplicas };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readUpdateMetadataRequestUpdateMetadataTopicState(r: Reader, v: number): UpdateMetadataRequestUpdateMetadataTopicState {
  const flex = v >= 6;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fTopicId: string = (v >= 7) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[] = ((n: number) => { if (n < 0) return nullErr('PartitionStates'); const a = []; for (let i = 0; i < n; i++) a.push(readUpdateMetadataRequestUpdateMetadataPartitionState(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: UpdateMetadataRequestUpdateMetadataTopicState = { topicName: fTopicName, topicId: fTopicId, partitionStates: fPartitionStates };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readUpdateMetadataRequestUpdateMetadataBroker(r: Reader, v: number): UpdateMetadataRequestUpdateMetadataBroker {
  const flex = v >= 6;
  const fId: number = r.int32();
  const fV0Host: string = (v <= 0) ? r.string() : "";
  const fV0Port: number = (v <= 0) ? r.int32() : 0;
  const fEndpoints: UpdateMetadataRequestUpdateMetadataEndpoint[] = (v >= 1) ? ((n: number) => { if (n < 0) return nullErr('Endpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readUpdateMetadataRequestUpdateMetadataEndpoint(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fRack: string | null = (v >= 2) ? (flex ? r.compactNullableString() : r.nullableString()) : "";
  const m: UpdateMetadataRequestUpdateMetadataBroker = { id: fId, v0Host: fV0Host, v0Port: fV0Port, endpoints: fEndpoints, rack: fRack };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readUpdateMetadataRequestUpdateMetadataEndpoint(r: Reader, v: number): UpdateMetadataRequestUpdateMetadataEndpoint {
  const flex = v >= 6;
  const fPort: number = r.int32();
  const fHost: string = (flex ? r.compactString() : r.string());
  const fListener: string = (v >= 3) ? (flex ? r.compactString() : r.string()) : "";
  const fSecurityProtocol: number = r.int16();
  const m: UpdateMetadataRequestUpdateMetadataEndpoint = { port: fPort, host: fHost, listener: fListener, securityProtocol: fSecurityProtocol };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
