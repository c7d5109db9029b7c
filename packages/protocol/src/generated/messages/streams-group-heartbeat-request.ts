// Generated from StreamsGroupHeartbeatRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const streamsGroupHeartbeatRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface StreamsGroupHeartbeatRequest {
  groupId: string;
  memberId: string;
  memberEpoch: number;
  endpointInformationEpoch: number;
  instanceId: string | null;
  rackId: string | null;
  rebalanceTimeoutMs: number;
  topology: StreamsGroupHeartbeatRequestTopology | null;
  activeTasks: StreamsGroupHeartbeatRequestTaskIds[] | null;
  standbyTasks: StreamsGroupHeartbeatRequestTaskIds[] | null;
  warmupTasks: StreamsGroupHeartbeatRequestTaskIds[] | null;
  processId: string | null;
  userEndpoint: StreamsGroupHeartbeatRequestEndpoint | null;
  clientTags: StreamsGroupHeartbeatRequestKeyValue[] | null;
  taskOffsets: StreamsGroupHeartbeatRequestTaskOffset[] | null;
  taskEndOffsets: StreamsGroupHeartbeatRequestTaskOffset[] | null;
  shutdownApplication: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestInput {
  groupId?: string;
  memberId?: string;
  memberEpoch?: number;
  endpointInformationEpoch?: number;
  instanceId?: string | null;
  rackId?: string | null;
  rebalanceTimeoutMs?: number;
  topology?: StreamsGroupHeartbeatRequestTopologyInput | null;
  activeTasks?: StreamsGroupHeartbeatRequestTaskIdsInput[] | null;
  standbyTasks?: StreamsGroupHeartbeatRequestTaskIdsInput[] | null;
  warmupTasks?: StreamsGroupHeartbeatRequestTaskIdsInput[] | null;
  processId?: string | null;
  userEndpoint?: StreamsGroupHeartbeatRequestEndpointInput | null;
  clientTags?: StreamsGroupHeartbeatRequestKeyValueInput[] | null;
  taskOffsets?: StreamsGroupHeartbeatRequestTaskOffsetInput[] | null;
  taskEndOffsets?: StreamsGroupHeartbeatRequestTaskOffsetInput[] | null;
  shutdownApplication?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestKeyValue {
  key: string;
  value: string;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestKeyValueInput {
  key?: string;
  value?: string;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTopicInfo {
  name: string;
  partitions: number;
  replicationFactor: number;
  topicConfigs: StreamsGroupHeartbeatRequestKeyValue[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTopicInfoInput {
  name?: string;
  partitions?: number;
  replicationFactor?: number;
  topicConfigs?: StreamsGroupHeartbeatRequestKeyValueInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestEndpoint {
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestEndpointInput {
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTaskOffset {
  subtopologyId: string;
  partition: number;
  offset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTaskOffsetInput {
  subtopologyId?: string;
  partition?: number;
  offset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTaskIds {
  subtopologyId: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTaskIdsInput {
  subtopologyId?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTopology {
  epoch: number;
  subtopologies: StreamsGroupHeartbeatRequestSubtopology[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTopologyInput {
  epoch?: number;
  subtopologies?: StreamsGroupHeartbeatRequestSubtopologyInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestSubtopology {
  subtopologyId: string;
  sourceTopics: string[];
  sourceTopicRegex: string[];
  stateChangelogTopics: StreamsGroupHeartbeatRequestTopicInfo[];
  repartitionSinkTopics: string[];
  repartitionSourceTopics: StreamsGroupHeartbeatRequestTopicInfo[];
  copartitionGroups: StreamsGroupHeartbeatRequestCopartitionGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestSubtopologyInput {
  subtopologyId?: string;
  sourceTopics?: string[];
  sourceTopicRegex?: string[];
  stateChangelogTopics?: StreamsGroupHeartbeatRequestTopicInfoInput[];
  repartitionSinkTopics?: string[];
  repartitionSourceTopics?: StreamsGroupHeartbeatRequestTopicInfoInput[];
  copartitionGroups?: StreamsGroupHeartbeatRequestCopartitionGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestCopartitionGroup {
  sourceTopics: number[];
  sourceTopicRegex: number[];
  repartitionSourceTopics: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestCopartitionGroupInput {
  sourceTopics?: number[];
  sourceTopicRegex?: number[];
  repartitionSourceTopics?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupHeartbeatRequest(): StreamsGroupHeartbeatRequest {
  return {
    groupId: "",
    memberId: "",
    memberEpoch: 0,
    endpointInformationEpoch: 0,
    instanceId: null,
    rackId: null,
    rebalanceTimeoutMs: -1,
    topology: null,
    activeTasks: null,
    standbyTasks: null,
    warmupTasks: null,
    processId: null,
    userEndpoint: null,
    clientTags: null,
    taskOffsets: null,
    taskEndOffsets: null,
    shutdownApplication: false,
  };
}

export function defaultStreamsGroupHeartbeatRequestKeyValue(): StreamsGroupHeartbeatRequestKeyValue {
  return {
    key: "",
    value: "",
  };
}

export function defaultStreamsGroupHeartbeatRequestTopicInfo(): StreamsGroupHeartbeatRequestTopicInfo {
  return {
    name: "",
    partitions: 0,
    replicationFactor: 0,
    topicConfigs: [],
  };
}

export function defaultStreamsGroupHeartbeatRequestEndpoint(): StreamsGroupHeartbeatRequestEndpoint {
  return {
    host: "",
    port: 0,
  };
}

export function defaultStreamsGroupHeartbeatRequestTaskOffset(): StreamsGroupHeartbeatRequestTaskOffset {
  return {
    subtopologyId: "",
    partition: 0,
    offset: 0n,
  };
}

export function defaultStreamsGroupHeartbeatRequestTaskIds(): StreamsGroupHeartbeatRequestTaskIds {
  return {
    subtopologyId: "",
    partitions: [],
  };
}

export function defaultStreamsGroupHeartbeatRequestTopology(): StreamsGroupHeartbeatRequestTopology {
  return {
    epoch: 0,
    subtopologies: [],
  };
}

export function defaultStreamsGroupHeartbeatRequestSubtopology(): StreamsGroupHeartbeatRequestSubtopology {
  return {
    subtopologyId: "",
    sourceTopics: [],
    sourceTopicRegex: [],
    stateChangelogTopics: [],
    repartitionSinkTopics: [],
    repartitionSourceTopics: [],
    copartitionGroups: [],
  };
}

export function defaultStreamsGroupHeartbeatRequestCopartitionGroup(): StreamsGroupHeartbeatRequestCopartitionGroup {
  return {
    sourceTopics: [],
    sourceTopicRegex: [],
    repartitionSourceTopics: [],
  };
}

export function writeStreamsGroupHeartbeatRequest(w: Writer, v: number, m: StreamsGroupHeartbeatRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.endpointInformationEpoch === undefined ? 0 : m.endpointInformationEpoch; w.int32(x); }
  { const x = m.instanceId === undefined ? null : m.instanceId; w.compactNullableString(x); }
  { const x = m.rackId === undefined ? null : m.rackId; w.compactNullableString(x); }
  { const x = m.rebalanceTimeoutMs === undefined ? -1 : m.rebalanceTimeoutMs; w.int32(x); }
  { const x = m.topology === undefined ? null : m.topology; if (x === null) w.int8(-1); else { w.int8(1); writeStreamsGroupHeartbeatRequestTopology(w, v, x!); } }
  { const x = m.activeTasks === undefined ? null : m.activeTasks; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatRequestTaskIds(w, v, e); } } }
  { const x = m.standbyTasks === undefined ? null : m.standbyTasks; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatRequestTaskIds(w, v, e); } } }
  { const x = m.warmupTasks === undefined ? null : m.warmupTasks; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatRequestTaskIds(w, v, e); } } }
  { const x = m.processId === undefined ? null : m.processId; w.compactNullableString(x); }
  { const x = m.userEndpoint === undefined ? null : m.userEndpoint; if (x === null) w.int8(-1); else { w.int8(1); writeStreamsGroupHeartbeatRequestEndpoint(w, v, x!); } }
  { const x = m.clientTags === undefined ? null : m.clientTags; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatRequestKeyValue(w, v, e); } } }
  { const x = m.taskOffsets === undefined ? null : m.taskOffsets; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatRequestTaskOffset(w, v, e); } } }
  { const x = m.taskEndOffsets === undefined ? null : m.taskEndOffsets; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupHeartbeatRequestTaskOffset(w, v, e); } } }
  { const x = m.shutdownApplication === undefined ? false : m.shutdownApplication; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatRequestKeyValue(w: Writer, v: number, m: StreamsGroupHeartbeatRequestKeyValueInput): void {
  { const x = m.key === undefined ? "" : m.key; w.compactString(x ?? ''); }
  { const x = m.value === undefined ? "" : m.value; w.compactString(x ?? ''); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatRequestTopicInfo(w: Writer, v: number, m: StreamsGroupHeartbeatRequestTopicInfoInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? 0 : m.partitions; w.int32(x); }
  { const x = m.replicationFactor === undefined ? 0 : m.replicationFactor; w.int16(x); }
  { const x = m.topicConfigs === undefined ? [] : m.topicConfigs; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupHeartbeatRequestKeyValue(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatRequestEndpoint(w: Writer, v: number, m: StreamsGroupHeartbeatRequestEndpointInput): void {
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatRequestTaskOffset(w: Writer, v: number, m: StreamsGroupHeartbeatRequestTaskOffsetInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.offset === undefined ? 0n : m.offset; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatRequestTaskIds(w: Writer, v: number, m: StreamsGroupHeartbeatRequestTaskIdsInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatRequestTopology(w: Writer, v: number, m: StreamsGroupHeartbeatRequestTopologyInput): void {
  { const x = m.epoch === undefined ? 0 : m.epoch; w.int32(x); }
  { const x = m.subtopologies === undefined ? [] : m.subtopologies; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupHeartbeatRequestSubtopology(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatRequestSubtopology(w: Writer, v: number, m: StreamsGroupHeartbeatRequestSubtopologyInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.sourceTopics === undefined ? [] : m.sourceTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.sourceTopicRegex === undefined ? [] : m.sourceTopicRegex; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.stateChangelogTopics === undefined ? [] : m.stateChangelogTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupHeartbeatRequestTopicInfo(w, v, e); } } }
  { const x = m.repartitionSinkTopics === undefined ? [] : m.repartitionSinkTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.repartitionSourceTopics === undefined ? [] : m.repartitionSourceTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupHeartbeatRequestTopicInfo(w, v, e); } } }
  { const x = m.copartitionGroups === undefined ? [] : m.copartitionGroups; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupHeartbeatRequestCopartitionGroup(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupHeartbeatRequestCopartitionGroup(w: Writer, v: number, m: StreamsGroupHeartbeatRequestCopartitionGroupInput): void {
  { const x = m.sourceTopics === undefined ? [] : m.sourceTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int16(e); } } }
  { const x = m.sourceTopicRegex === undefined ? [] : m.sourceTopicRegex; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int16(e); } } }
  { const x = m.repartitionSourceTopics === undefined ? [] : m.repartitionSourceTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int16(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readStreamsGroupHeartbeatRequest(r: Reader, v: number): StreamsGroupHeartbeatRequest {
  const fGroupId: string = r.compactString();
  const fMemberId: string = r.compactString();
  const fMemberEpoch: number = r.int32();
  const fEndpointInformationEpoch: number = r.int32();
  const fInstanceId: string | null = r.compactNullableString();
  const fRackId: string | null = r.compactNullableString();
  const fRebalanceTimeoutMs: number = r.int32();
  const fTopology: StreamsGroupHeartbeatRequestTopology | null = (r.int8() < 0 ? null : readStreamsGroupHeartbeatRequestTopology(r, v));
  const fActiveTasks: StreamsGroupHeartbeatRequestTaskIds[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestTaskIds(r, v)); return a; })(r.compactArrayLength());
  const fStandbyTasks: StreamsGroupHeartbeatRequestTaskIds[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestTaskIds(r, v)); return a; })(r.compactArrayLength());
  const fWarmupTasks: StreamsGroupHeartbeatRequestTaskIds[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestTaskIds(r, v)); return a; })(r.compactArrayLength());
  const fProcessId: string | null = r.compactNullableString();
  const fUserEndpoint: StreamsGroupHeartbeatRequestEndpoint | null = (r.int8() < 0 ? null : readStreamsGroupHeartbeatRequestEndpoint(r, v));
  const fClientTags: StreamsGroupHeartbeatRequestKeyValue[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestKeyValue(r, v)); return a; })(r.compactArrayLength());
  const fTaskOffsets: StreamsGroupHeartbeatRequestTaskOffset[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestTaskOffset(r, v)); return a; })(r.compactArrayLength());
  const fTaskEndOffsets: StreamsGroupHeartbeatRequestTaskOffset[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestTaskOffset(r, v)); return a; })(r.compactArrayLength());
  const fShutdownApplication: boolean = r.bool();
  const m: StreamsGroupHeartbeatRequest = { groupId: fGroupId, memberId: fMemberId, memberEpoch: fMemberEpoch, endpointInformationEpoch: fEndpointInformationEpoch, instanceId: fInstanceId, rackId: fRackId, rebalanceTimeoutMs: fRebalanceTimeoutMs, topology: fTopology, activeTasks: fActiveTasks, standbyTasks: fStandbyTasks, warmupTasks: fWarmupTasks, processId: fProcessId, userEndpoint: fUserEndpoint, clientTags: fClientTags, taskOffsets: fTaskOffsets, taskEndOffsets: fTaskEndOffsets, shutdownApplication: fShutdownApplication };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatRequestKeyValue(r: Reader, v: number): StreamsGroupHeartbeatRequestKeyValue {
  const fKey: string = r.compactString();
  const fValue: string = r.compactString();
  const m: StreamsGroupHeartbeatRequestKeyValue = { key: fKey, value: fValue };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatRequestTopicInfo(r: Reader, v: number): StreamsGroupHeartbeatRequestTopicInfo {
  const fName: string = r.compactString();
  const fPartitions: number = r.int32();
  const fReplicationFactor: number = r.int16();
  const fTopicConfigs: StreamsGroupHeartbeatRequestKeyValue[] = ((n: number) => { if (n < 0) return nullErr('TopicConfigs'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestKeyValue(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatRequestTopicInfo = { name: fName, partitions: fPartitions, replicationFactor: fReplicationFactor, topicConfigs: fTopicConfigs };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatRequestEndpoint(r: Reader, v: number): StreamsGroupHeartbeatRequestEndpoint {
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: StreamsGroupHeartbeatRequestEndpoint = { host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatRequestTaskOffset(r: Reader, v: number): StreamsGroupHeartbeatRequestTaskOffset {
  const fSubtopologyId: string = r.compactString();
  const fPartition: number = r.int32();
  const fOffset: bigint = r.int64();
  const m: StreamsGroupHeartbeatRequestTaskOffset = { subtopologyId: fSubtopologyId, partition: fPartition, offset: fOffset };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatRequestTaskIds(r: Reader, v: number): StreamsGroupHeartbeatRequestTaskIds {
  const fSubtopologyId: string = r.compactString();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatRequestTaskIds = { subtopologyId: fSubtopologyId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatRequestTopology(r: Reader, v: number): StreamsGroupHeartbeatRequestTopology {
  const fEpoch: number = r.int32();
  const fSubtopologies: StreamsGroupHeartbeatRequestSubtopology[] = ((n: number) => { if (n < 0) return nullErr('Subtopologies'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestSubtopology(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatRequestTopology = { epoch: fEpoch, subtopologies: fSubtopologies };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatRequestSubtopology(r: Reader, v: number): StreamsGroupHeartbeatRequestSubtopology {
  const fSubtopologyId: string = r.compactString();
  const fSourceTopics: string[] = ((n: number) => { if (n < 0) return nullErr('SourceTopics'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fSourceTopicRegex: string[] = ((n: number) => { if (n < 0) return nullErr('SourceTopicRegex'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fStateChangelogTopics: StreamsGroupHeartbeatRequestTopicInfo[] = ((n: number) => { if (n < 0) return nullErr('StateChangelogTopics'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestTopicInfo(r, v)); return a; })(r.compactArrayLength());
  const fRepartitionSinkTopics: string[] = ((n: number) => { if (n < 0) return nullErr('RepartitionSinkTopics'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fRepartitionSourceTopics: StreamsGroupHeartbeatRequestTopicInfo[] = ((n: number) => { if (n < 0) return nullErr('RepartitionSourceTopics'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestTopicInfo(r, v)); return a; })(r.compactArrayLength());
  const fCopartitionGroups: StreamsGroupHeartbeatRequestCopartitionGroup[] = ((n: number) => { if (n < 0) return nullErr('CopartitionGroups'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupHeartbeatRequestCopartitionGroup(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatRequestSubtopology = { subtopologyId: fSubtopologyId, sourceTopics: fSourceTopics, sourceTopicRegex: fSourceTopicRegex, stateChangelogTopics: fStateChangelogTopics, repartitionSinkTopics: fRepartitionSinkTopics, repartitionSourceTopics: fRepartitionSourceTopics, copartitionGroups: fCopartitionGroups };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupHeartbeatRequestCopartitionGroup(r: Reader, v: number): StreamsGroupHeartbeatRequestCopartitionGroup {
  const fSourceTopics: number[] = ((n: number) => { if (n < 0) return nullErr('SourceTopics'); const a = []; for (let i = 0; i < n; i++) a.push(r.int16()); return a; })(r.compactArrayLength());
  const fSourceTopicRegex: number[] = ((n: number) => { if (n < 0) return nullErr('SourceTopicRegex'); const a = []; for (let i = 0; i < n; i++) a.push(r.int16()); return a; })(r.compactArrayLength());
  const fRepartitionSourceTopics: number[] = ((n: number) => { if (n < 0) return nullErr('RepartitionSourceTopics'); const a = []; for (let i = 0; i < n; i++) a.push(r.int16()); return a; })(r.compactArrayLength());
  const m: StreamsGroupHeartbeatRequestCopartitionGroup = { sourceTopics: fSourceTopics, sourceTopicRegex: fSourceTopicRegex, repartitionSourceTopics: fRepartitionSourceTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
