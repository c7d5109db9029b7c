// Generated from StreamsGroupHeartbeatResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const streamsGroupHeartbeatResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface StreamsGroupHeartbeatResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  memberId: string;
  memberEpoch: number;
  heartbeatIntervalMs: number;
  acceptableRecoveryLagLegacy: number;
  taskOffsetIntervalMs: number;
  acceptableRecoveryLag: bigint;
  status: StreamsGroupHeartbeatResponseStatus[] | null;
  activeTasks: StreamsGroupHeartbeatResponseTaskIds[] | null;
  standbyTasks: StreamsGroupHeartbeatResponseTaskIds[] | null;
  warmupTasks: StreamsGroupHeartbeatResponseTaskIds[] | null;
  topologyDescriptionRequired: boolean;
  endpointInformationEpoch: number;
  partitionsByUserEndpoint: StreamsGroupHeartbeatResponseEndpointToPartitions[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  memberId?: string;
  memberEpoch?: number;
  heartbeatIntervalMs?: number;
  acceptableRecoveryLagLegacy?: number;
  taskOffsetIntervalMs?: number;
  acceptableRecoveryLag?: bigint;
  status?: StreamsGroupHeartbeatResponseStatusInput[] | null;
  activeTasks?: StreamsGroupHeartbeatResponseTaskIdsInput[] | null;
  standbyTasks?: StreamsGroupHeartbeatResponseTaskIdsInput[] | null;
  warmupTasks?: StreamsGroupHeartbeatResponseTaskIdsInput[] | null;
  topologyDescriptionRequired?: boolean;
  endpointInformationEpoch?: number;
  partitionsByUserEndpoint?: StreamsGroupHeartbeatResponseEndpointToPartitionsInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseStatus {
  statusCode: number;
  statusDetail: string;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseStatusInput {
  statusCode?: number;
  statusDetail?: string;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseTopicPartition {
  topic: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseTopicPartitionInput {
  topic?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseTaskIds {
  subtopologyId: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseTaskIdsInput {
  subtopologyId?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseEndpoint {
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseEndpointInput {
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseEndpointToPartitions {
  userEndpoint: StreamsGroupHeartbeatResponseEndpoint;
  activePartitions: StreamsGroupHeartbeatResponseTopicPartition[];
  standbyPartitions: StreamsGroupHeartbeatResponseTopicPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseEndpointToPartitionsInput {
  userEndpoint?: StreamsGroupHeartbeatResponseEndpointInput;
  activePartitions?: StreamsGroupHeartbeatResponseTopicPartitionInput[];
  standbyPartitions?: StreamsGroupHeartbeatResponseTopicPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupHeartbeatResponse(): StreamsGroupHeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    memberId: "",
    memberEpoch: 0,
    heartbeatIntervalMs: 0,
    acceptableRecoveryLagLegacy: 0,
    taskOffsetIntervalMs: 0,
    acceptableRecoveryLag: -1n,
    status: [],
    activeTasks: null,
    standbyTasks: null,
    warmupTasks: null,
    topologyDescriptionRequired: false,
    endpointInformationEpoch: 0,
    partitionsByUserEndpoint: null,
  };
}

export function defaultStreamsGroupHeartbeatResponseStatus(): StreamsGroupHeartbeatResponseStatus {
  return {
    statusCode: 0,
    statusDetail: "",
  };
}

export function defaultStreamsGroupHeartbeatResponseTopicPartition(): StreamsGroupHeartbeatResponseTopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}

export function defaultStreamsGroupHeartbeatResponseTaskIds(): StreamsGroupHeartbeatResponseTaskIds {
  return {
    subtopologyId: "",
    partitions: [],
  };
}

export function defaultStreamsGroupHeartbeatResponseEndpoint(): StreamsGroupHeartbeatResponseEndpoint {
  return {
    host: "",
    port: 0,
  };
}

export function defaultStreamsGroupHeartbeatResponseEndpointToPartitions(): StreamsGroupHeartbeatResponseEndpointToPartitions {
  return {
    userEndpoint: defaultStreamsGroupHeartbeatResponseEndpoint(),
    activePartitions: [],
    standbyPartitions: [],
  };
}

export function writeStreamsGroupHeartbeatResponse(w: Writer, v: number, m: StreamsGroupHeartbeatResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.heartbeatIntervalMs === undefined ? 0 : m.heartbeatIntervalMs; w.int32(x); }
  if (v <= 0) { const x = m.acceptableRecoveryLagLegacy === undefined ? 0 : m.acceptableRecoveryLagLegacy; w.int32(x); }
  { const x = m.taskOffsetIntervalMs === undefined ? 0 : m.taskOffsetIntervalMs; w.int32(x); }
  if (v >= 1) { const x = m.acceptableRecoveryLag === undefined ? -1n : m.acceptableRecoveryLag; w.int64(x); }
  { const x = m.status === undefined ? [] : m.status; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatResponseStatus(w, v, e); } } }
  { const x = m.activeTasks === undefined ? null : m.activeTasks; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatResponseTaskIds(w, v, e); } } }
  { const x = m.standbyTasks === undefined ? null : m.standbyTasks; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatResponseTaskIds(w, v, e); } } }
  { const x = m.warmupTasks === undefined ? null : m.warmupTasks; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatResponseTaskIds(w, v, e); } } }
  if (v >= 1) { const x = m.topologyDescriptionRequired === undefined ? false : m.topologyDescriptionRequired; w.bool(x); }
  { const x = m.endpointInformationEpoch === undefined ? 0 : m.endpointInformationEpoch; w.int32(x); }
  { const x = m.partitionsByUserEndpoint === undefined ? null : m.partitionsByUserEndpoint; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatResponseEndpointToPartitions(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatResponseStatus(w: Writer, v: number, m: StreamsGroupHeartbeatResponseStatusInput): void {
  { const x = m.statusCode === undefined ? 0 : m.statusCode; w.int8(x); }
  { const x = m.statusDetail === undefined ? "" : m.statusDetail; w.compactString(x ?? ''); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatResponseTopicPartition(w: Writer, v: number, m: StreamsGroupHeartbeatResponseTopicPartitionInput): void {
  { const x = m.topic === undefined ? "" : m.topic; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatResponseTaskIds(w: Writer, v: number, m: StreamsGroupHeartbeatResponseTaskIdsInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatResponseEndpoint(w: Writer, v: number, m: StreamsGroupHeartbeatResponseEndpointInput): void {
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatResponseEndpointToPartitions(w: Writer, v: number, m: StreamsGroupHeartbeatResponseEndpointToPartitionsInput): void {
  { const x = m.userEndpoint === undefined ? defaultStreamsGroupHeartbeatResponseEndpoint() : m.userEndpoint; writeStreamsGroupHeartbeatResponseEndpoint(w, v, x ?? {}); }
  { const x = m.activePartitions === undefined ? [] : m.activePartitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupHeartbeatResponseTopicPartition(w, v, e); } } }
  { const x = m.standbyPartitions === undefined ? [] : m.standbyPartitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupHeartbeatResponseTopicPartition(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readStreamsGroupHeartbeatResponse(r: Reader, v: number): StreamsGroupHeartbeatResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fMemberId: string = r.compactString();
  const fMemberEpoch: number = r.int32();
  const fHeartbeatIntervalMs: number = r.int32();
  const fAcceptableRecoveryLagLegacy: number = (v <= 0) ? r.int32() : 0;
  const fTaskOffsetIntervalMs: number = r.int32();
  const fAcceptableRecoveryLag: bigint = (v >= 1) ? r.int64() : -1n;
  const fStatus: StreamsGroupHeartbeatResponseStatus[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatResponseStatus(r, v)); return a; })(r.compactArrayLength());
  const fActiveTasks: StreamsGroupHeartbeatResponseTaskIds[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatResponseTaskIds(r, v)); return a; })(r.compactArrayLength());
  const fStandbyTasks: StreamsGroupHeartbeatResponseTaskIds[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatResponseTaskIds(r, v)); return a; })(r.compactArrayLength());
  const fWarmupTasks: StreamsGroupHeartbeatResponseTaskIds[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatResponseTaskIds(r, v)); return a; })(r.compactArrayLength());
  const fTopologyDescriptionRequired: boolean = (v >= 1) ? r.bool() : false;
  const fEndpointInformationEpoch: number = r.int32();
  const fPartitionsByUserEndpoint: StreamsGroupHeartbeatResponseEndpointToPartitions[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatResponseEndpointToPartitions(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, memberId: fMemberId, memberEpoch: fMemberEpoch, heartbeatIntervalMs: fHeartbeatIntervalMs, acceptableRecoveryLagLegacy: fAcceptableRecoveryLagLegacy, taskOffsetIntervalMs: fTaskOffsetIntervalMs, acceptableRecoveryLag: fAcceptableRecoveryLag, status: fStatus, activeTasks: fActiveTasks, standbyTasks: fStandbyTasks, warmupTasks: fWarmupTasks, topologyDescriptionRequired: fTopologyDescriptionRequired, endpointInformationEpoch: fEndpointInformationEpoch, partitionsByUserEndpoint: fPartitionsByUserEndpoint };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatResponseStatus(r: Reader, v: number): StreamsGroupHeartbeatResponseStatus {
  const fStatusCode: number = r.int8();
  const fStatusDetail: string = r.compactString();
  const m: StreamsGroupHeartbeatResponseStatus = { statusCode: fStatusCode, statusDetail: fStatusDetail };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatResponseTopicPartition(r: Reader, v: number): StreamsGroupHeartbeatResponseTopicPartition {
  const fTopic: string = r.compactString();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatResponseTopicPartition = { topic: fTopic, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatResponseTaskIds(r: Reader, v: number): StreamsGroupHeartbeatResponseTaskIds {
  const fSubtopologyId: string = r.compactString();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatResponseTaskIds = { subtopologyId: fSubtopologyId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatResponseEndpoint(r: Reader, v: number): StreamsGroupHeartbeatResponseEndpoint {
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: StreamsGroupHeartbeatResponseEndpoint = { host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatResponseEndpointToPartitions(r: Reader, v: number): StreamsGroupHeartbeatResponseEndpointToPartitions {
  const fUserEndpoint: StreamsGroupHeartbeatResponseEndpoint = readStreamsGroupHeartbeatResponseEndpoint(r, v);
  const fActivePartitions: StreamsGroupHeartbeatResponseTopicPartition[] = ((n: number) => { if (n < 0) return nullErr('ActivePartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatResponseTopicPartition(r, v)); return a; })(r.compactArrayLength());
  const fStandbyPartitions: StreamsGroupHeartbeatResponseTopicPartition[] = ((n: number) => { if (n < 0) return nullErr('StandbyPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatResponseTopicPartition(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatResponseEndpointToPartitions = { userEndpoint: fUserEndpoint, activePartitions: fActivePartitions, standbyPartitions: fStandbyPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
