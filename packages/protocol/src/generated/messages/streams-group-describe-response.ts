// Generated from StreamsGroupDescribeResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const streamsGroupDescribeResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface StreamsGroupDescribeResponse {
  throttleTimeMs: number;
  groups: StreamsGroupDescribeResponseDescribedGroup[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseInput {
  throttleTimeMs?: number;
  groups?: StreamsGroupDescribeResponseDescribedGroupInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseEndpoint {
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseEndpointInput {
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTaskOffset {
  subtopologyId: string;
  partition: number;
  offset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTaskOffsetInput {
  subtopologyId?: string;
  partition?: number;
  offset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseAssignment {
  activeTasks: StreamsGroupDescribeResponseTaskIds[];
  standbyTasks: StreamsGroupDescribeResponseTaskIds[];
  warmupTasks: StreamsGroupDescribeResponseTaskIds[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseAssignmentInput {
  activeTasks?: StreamsGroupDescribeResponseTaskIdsInput[];
  standbyTasks?: StreamsGroupDescribeResponseTaskIdsInput[];
  warmupTasks?: StreamsGroupDescribeResponseTaskIdsInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTaskIds {
  subtopologyId: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTaskIdsInput {
  subtopologyId?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseKeyValue {
  key: string;
  value: string;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseKeyValueInput {
  key?: string;
  value?: string;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopicInfo {
  name: string;
  partitions: number;
  replicationFactor: number;
  topicConfigs: StreamsGroupDescribeResponseKeyValue[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopicInfoInput {
  name?: string;
  partitions?: number;
  replicationFactor?: number;
  topicConfigs?: StreamsGroupDescribeResponseKeyValueInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyDescription {
  subtopologies: StreamsGroupDescribeResponseTopologyDescriptionSubtopology[];
  globalStores: StreamsGroupDescribeResponseTopologyDescriptionGlobalStore[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyDescriptionInput {
  subtopologies?: StreamsGroupDescribeResponseTopologyDescriptionSubtopologyInput[];
  globalStores?: StreamsGroupDescribeResponseTopologyDescriptionGlobalStoreInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyDescriptionSubtopology {
  subtopologyId: string;
  nodes: StreamsGroupDescribeResponseTopologyDescriptionNode[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyDescriptionSubtopologyInput {
  subtopologyId?: string;
  nodes?: StreamsGroupDescribeResponseTopologyDescriptionNodeInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyDescriptionNode {
  name: string;
  nodeType: number;
  sourceTopics: string[];
  sinkTopic: string | null;
  stores: string[];
  successors: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyDescriptionNodeInput {
  name?: string;
  nodeType?: number;
  sourceTopics?: string[];
  sinkTopic?: string | null;
  stores?: string[];
  successors?: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyDescriptionGlobalStore {
  source: StreamsGroupDescribeResponseTopologyDescriptionNode;
  processor: StreamsGroupDescribeResponseTopologyDescriptionNode;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyDescriptionGlobalStoreInput {
  source?: StreamsGroupDescribeResponseTopologyDescriptionNodeInput;
  processor?: StreamsGroupDescribeResponseTopologyDescriptionNodeInput;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseDescribedGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  groupState: string;
  groupEpoch: number;
  assignmentEpoch: number;
  topology: StreamsGroupDescribeResponseTopology | null;
  members: StreamsGroupDescribeResponseMember[];
  authorizedOperations: number;
  topologyDescription: StreamsGroupDescribeResponseTopologyDescription | null;
  topologyDescriptionStatus: number;
  assignorName: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseDescribedGroupInput {
  errorCode?: number;
  errorMessage?: string | null;
  groupId?: string;
  groupState?: string;
  groupEpoch?: number;
  assignmentEpoch?: number;
  topology?: StreamsGroupDescribeResponseTopologyInput | null;
  members?: StreamsGroupDescribeResponseMemberInput[];
  authorizedOperations?: number;
  topologyDescription?: StreamsGroupDescribeResponseTopologyDescriptionInput | null;
  topologyDescriptionStatus?: number;
  assignorName?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopology {
  epoch: number;
  subtopologies: StreamsGroupDescribeResponseSubtopology[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyInput {
  epoch?: number;
  subtopologies?: StreamsGroupDescribeResponseSubtopologyInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseSubtopology {
  subtopologyId: string;
  sourceTopics: string[];
  repartitionSinkTopics: string[];
  stateChangelogTopics: StreamsGroupDescribeResponseTopicInfo[];
  repartitionSourceTopics: StreamsGroupDescribeResponseTopicInfo[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseSubtopologyInput {
  subtopologyId?: string;
  sourceTopics?: string[];
  repartitionSinkTopics?: string[];
  stateChangelogTopics?: StreamsGroupDescribeResponseTopicInfoInput[];
  repartitionSourceTopics?: StreamsGroupDescribeResponseTopicInfoInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseMember {
  memberId: string;
  memberEpoch: number;
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  topologyEpoch: number;
  processId: string;
  userEndpoint: StreamsGroupDescribeResponseEndpoint | null;
  clientTags: StreamsGroupDescribeResponseKeyValue[];
  taskOffsets: StreamsGroupDescribeResponseTaskOffset[];
  taskEndOffsets: StreamsGroupDescribeResponseTaskOffset[];
  assignment: StreamsGroupDescribeResponseAssignment;
  targetAssignment: StreamsGroupDescribeResponseAssignment;
  isClassic: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseMemberInput {
  memberId?: string;
  memberEpoch?: number;
  instanceId?: string | null;
  rackId?: string | null;
  clientId?: string;
  clientHost?: string;
  topologyEpoch?: number;
  processId?: string;
  userEndpoint?: StreamsGroupDescribeResponseEndpointInput | null;
  clientTags?: StreamsGroupDescribeResponseKeyValueInput[];
  taskOffsets?: StreamsGroupDescribeResponseTaskOffsetInput[];
  taskEndOffsets?: StreamsGroupDescribeResponseTaskOffsetInput[];
  assignment?: StreamsGroupDescribeResponseAssignmentInput;
  targetAssignment?: StreamsGroupDescribeResponseAssignmentInput;
  isClassic?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupDescribeResponse(): StreamsGroupDescribeResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

export function defaultStreamsGroupDescribeResponseEndpoint(): StreamsGroupDescribeResponseEndpoint {
  return {
    host: "",
    port: 0,
  };
}

export function defaultStreamsGroupDescribeResponseTaskOffset(): StreamsGroupDescribeResponseTaskOffset {
  return {
    subtopologyId: "",
    partition: 0,
    offset: 0n,
  };
}

export function defaultStreamsGroupDescribeResponseAssignment(): StreamsGroupDescribeResponseAssignment {
  return {
    activeTasks: [],
    standbyTasks: [],
    warmupTasks: [],
  };
}

export function defaultStreamsGroupDescribeResponseTaskIds(): StreamsGroupDescribeResponseTaskIds {
  return {
    subtopologyId: "",
    partitions: [],
  };
}

export function defaultStreamsGroupDescribeResponseKeyValue(): StreamsGroupDescribeResponseKeyValue {
  return {
    key: "",
    value: "",
  };
}

export function defaultStreamsGroupDescribeResponseTopicInfo(): StreamsGroupDescribeResponseTopicInfo {
  return {
    name: "",
    partitions: 0,
    replicationFactor: 0,
    topicConfigs: [],
  };
}

export function defaultStreamsGroupDescribeResponseTopologyDescription(): StreamsGroupDescribeResponseTopologyDescription {
  return {
    subtopologies: [],
    globalStores: [],
  };
}

export function defaultStreamsGroupDescribeResponseTopologyDescriptionSubtopology(): StreamsGroupDescribeResponseTopologyDescriptionSubtopology {
  return {
    subtopologyId: "",
    nodes: [],
  };
}

export function defaultStreamsGroupDescribeResponseTopologyDescriptionNode(): StreamsGroupDescribeResponseTopologyDescriptionNode {
  return {
    name: "",
    nodeType: 0,
    sourceTopics: [],
    sinkTopic: null,
    stores: [],
    successors: [],
  };
}

export function defaultStreamsGroupDescribeResponseTopologyDescriptionGlobalStore(): StreamsGroupDescribeResponseTopologyDescriptionGlobalStore {
  return {
    source: defaultStreamsGroupDescribeResponseTopologyDescriptionNode(),
    processor: defaultStreamsGroupDescribeResponseTopologyDescriptionNode(),
  };
}

export function defaultStreamsGroupDescribeResponseDescribedGroup(): StreamsGroupDescribeResponseDescribedGroup {
  return {
    errorCode: 0,
    errorMessage: null,
    groupId: "",
    groupState: "",
    groupEpoch: 0,
    assignmentEpoch: 0,
    topology: null,
    members: [],
    authorizedOperations: -2147483648,
    topologyDescription: null,
    topologyDescriptionStatus: 0,
    assignorName: null,
  };
}

export function defaultStreamsGroupDescribeResponseTopology(): StreamsGroupDescribeResponseTopology {
  return {
    epoch: 0,
    subtopologies: null,
  };
}

export function defaultStreamsGroupDescribeResponseSubtopology(): StreamsGroupDescribeResponseSubtopology {
  return {
    subtopologyId: "",
    sourceTopics: [],
    repartitionSinkTopics: [],
    stateChangelogTopics: [],
    repartitionSourceTopics: [],
  };
}

export function defaultStreamsGroupDescribeResponseMember(): StreamsGroupDescribeResponseMember {
  return {
    memberId: "",
    memberEpoch: 0,
    instanceId: null,
    rackId: null,
    clientId: "",
    clientHost: "",
    topologyEpoch: 0,
    processId: "",
    userEndpoint: null,
    clientTags: [],
    taskOffsets: [],
    taskEndOffsets: [],
    assignment: defaultStreamsGroupDescribeResponseAssignment(),
    targetAssignment: defaultStreamsGroupDescribeResponseAssignment(),
    isClassic: false,
  };
}

export function writeStreamsGroupDescribeResponse(w: Writer, v: number, m: StreamsGroupDescribeResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseDescribedGroup(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseEndpoint(w: Writer, v: number, m: StreamsGroupDescribeResponseEndpointInput): void {
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseTaskOffset(w: Writer, v: number, m: StreamsGroupDescribeResponseTaskOffsetInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.partition === undefined ? 0 : m.partition; w.int32(x); }
  { const x = m.offset === undefined ? 0n : m.offset; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseAssignment(w: Writer, v: number, m: StreamsGroupDescribeResponseAssignmentInput): void {
  { const x = m.activeTasks === undefined ? [] : m.activeTasks; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTaskIds(w, v, e); } } }
  { const x = m.standbyTasks === undefined ? [] : m.standbyTasks; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTaskIds(w, v, e); } } }
  { const x = m.warmupTasks === undefined ? [] : m.warmupTasks; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTaskIds(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseTaskIds(w: Writer, v: number, m: StreamsGroupDescribeResponseTaskIdsInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseKeyValue(w: Writer, v: number, m: StreamsGroupDescribeResponseKeyValueInput): void {
  { const x = m.key === undefined ? "" : m.key; w.compactString(x ?? ''); }
  { const x = m.value === undefined ? "" : m.value; w.compactString(x ?? ''); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseTopicInfo(w: Writer, v: number, m: StreamsGroupDescribeResponseTopicInfoInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? 0 : m.partitions; w.int32(x); }
  { const x = m.replicationFactor === undefined ? 0 : m.replicationFactor; w.int16(x); }
  { const x = m.topicConfigs === undefined ? [] : m.topicConfigs; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseKeyValue(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseTopologyDescription(w: Writer, v: number, m: StreamsGroupDescribeResponseTopologyDescriptionInput): void {
  { const x = m.subtopologies === undefined ? [] : m.subtopologies; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTopologyDescriptionSubtopology(w, v, e); } } }
  { const x = m.globalStores === undefined ? [] : m.globalStores; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTopologyDescriptionGlobalStore(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseTopologyDescriptionSubtopology(w: Writer, v: number, m: StreamsGroupDescribeResponseTopologyDescriptionSubtopologyInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.nodes === undefined ? [] : m.nodes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTopologyDescriptionNode(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseTopologyDescriptionNode(w: Writer, v: number, m: StreamsGroupDescribeResponseTopologyDescriptionNodeInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.nodeType === undefined ? 0 : m.nodeType; w.int8(x); }
  { const x = m.sourceTopics === undefined ? [] : m.sourceTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.sinkTopic === undefined ? null : m.sinkTopic; w.compactNullableString(x); }
  { const x = m.stores === undefined ? [] : m.stores; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.successors === undefined ? [] : m.successors; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseTopologyDescriptionGlobalStore(w: Writer, v: number, m: StreamsGroupDescribeResponseTopologyDescriptionGlobalStoreInput): void {
  { const x = m.source === undefined ? defaultStreamsGroupDescribeResponseTopologyDescriptionNode() : m.source; writeStreamsGroupDescribeResponseTopologyDescriptionNode(w, v, x ?? {}); }
  { const x = m.processor === undefined ? defaultStreamsGroupDescribeResponseTopologyDescriptionNode() : m.processor; writeStreamsGroupDescribeResponseTopologyDescriptionNode(w, v, x ?? {}); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseDescribedGroup(w: Writer, v: number, m: StreamsGroupDescribeResponseDescribedGroupInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.groupState === undefined ? "" : m.groupState; w.compactString(x ?? ''); }
  { const x = m.groupEpoch === undefined ? 0 : m.groupEpoch; w.int32(x); }
  { const x = m.assignmentEpoch === undefined ? 0 : m.assignmentEpoch; w.int32(x); }
  { const x = m.topology === undefined ? null : m.topology; if (x === null) w.int8(-1); else { w.int8(1); writeStreamsGroupDescribeResponseTopology(w, v, x!); } }
  { const x = m.members === undefined ? [] : m.members; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseMember(w, v, e); } } }
  { const x = m.authorizedOperations === undefined ? -2147483648 : m.authorizedOperations; w.int32(x); }
  if (v >= 1) { const x = m.topologyDescription === undefined ? null : m.topologyDescription; if (x === null) w.int8(-1); else { w.int8(1); writeStreamsGroupDescribeResponseTopologyDescription(w, v, x!); } }
  if (v >= 1) { const x = m.topologyDescriptionStatus === undefined ? 0 : m.topologyDescriptionStatus; w.int8(x); }
  if (v >= 1) { const x = m.assignorName === undefined ? null : m.assignorName; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseTopology(w: Writer, v: number, m: StreamsGroupDescribeResponseTopologyInput): void {
  { const x = m.epoch === undefined ? 0 : m.epoch; w.int32(x); }
  { const x = m.subtopologies === undefined ? null : m.subtopologies; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeStreamsGroupDescribeResponseSubtopology(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseSubtopology(w: Writer, v: number, m: StreamsGroupDescribeResponseSubtopologyInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.sourceTopics === undefined ? [] : m.sourceTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.repartitionSinkTopics === undefined ? [] : m.repartitionSinkTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.stateChangelogTopics === undefined ? [] : m.stateChangelogTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTopicInfo(w, v, e); } } }
  { const x = m.repartitionSourceTopics === undefined ? [] : m.repartitionSourceTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTopicInfo(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupDescribeResponseMember(w: Writer, v: number, m: StreamsGroupDescribeResponseMemberInput): void {
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.instanceId === undefined ? null : m.instanceId; w.compactNullableString(x); }
  { const x = m.rackId === undefined ? null : m.rackId; w.compactNullableString(x); }
  { const x = m.clientId === undefined ? "" : m.clientId; w.compactString(x ?? ''); }
  { const x = m.clientHost === undefined ? "" : m.clientHost; w.compactString(x ?? ''); }
  { const x = m.topologyEpoch === undefined ? 0 : m.topologyEpoch; w.int32(x); }
  { const x = m.processId === undefined ? "" : m.processId; w.compactString(x ?? ''); }
  { const x = m.userEndpoint === undefined ? null : m.userEndpoint; if (x === null) w.int8(-1); else { w.int8(1); writeStreamsGroupDescribeResponseEndpoint(w, v, x!); } }
  { const x = m.clientTags === undefined ? [] : m.clientTags; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseKeyValue(w, v, e); } } }
  { const x = m.taskOffsets === undefined ? [] : m.taskOffsets; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTaskOffset(w, v, e); } } }
  { const x = m.taskEndOffsets === undefined ? [] : m.taskEndOffsets; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupDescribeResponseTaskOffset(w, v, e); } } }
  { const x = m.assignment === undefined ? defaultStreamsGroupDescribeResponseAssignment() : m.assignment; writeStreamsGroupDescribeResponseAssignment(w, v, x ?? {}); }
  { const x = m.targetAssignment === undefined ? defaultStreamsGroupDescribeResponseAssignment() : m.targetAssignment; writeStreamsGroupDescribeResponseAssignment(w, v, x ?? {}); }
  { const x = m.isClassic === undefined ? false : m.isClassic; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readStreamsGroupDescribeResponse(r: Reader, v: number): StreamsGroupDescribeResponse {
  const fThrottleTimeMs: number = r.int32();
  const fGroups: StreamsGroupDescribeResponseDescribedGroup[] = ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseDescribedGroup(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponse = { throttleTimeMs: fThrottleTimeMs, groups: fGroups };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseEndpoint(r: Reader, v: number): StreamsGroupDescribeResponseEndpoint {
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: StreamsGroupDescribeResponseEndpoint = { host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseTaskOffset(r: Reader, v: number): StreamsGroupDescribeResponseTaskOffset {
  const fSubtopologyId: string = r.compactString();
  const fPartition: number = r.int32();
  const fOffset: bigint = r.int64();
  const m: StreamsGroupDescribeResponseTaskOffset = { subtopologyId: fSubtopologyId, partition: fPartition, offset: fOffset };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseAssignment(r: Reader, v: number): StreamsGroupDescribeResponseAssignment {
  const fActiveTasks: StreamsGroupDescribeResponseTaskIds[] = ((n: number) => { if (n < 0) return nullErr('ActiveTasks'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTaskIds(r, v)); return a; })(r.compactArrayLength());
  const fStandbyTasks: StreamsGroupDescribeResponseTaskIds[] = ((n: number) => { if (n < 0) return nullErr('StandbyTasks'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTaskIds(r, v)); return a; })(r.compactArrayLength());
  const fWarmupTasks: StreamsGroupDescribeResponseTaskIds[] = ((n: number) => { if (n < 0) return nullErr('WarmupTasks'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTaskIds(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponseAssignment = { activeTasks: fActiveTasks, standbyTasks: fStandbyTasks, warmupTasks: fWarmupTasks };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseTaskIds(r: Reader, v: number): StreamsGroupDescribeResponseTaskIds {
  const fSubtopologyId: string = r.compactString();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponseTaskIds = { subtopologyId: fSubtopologyId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseKeyValue(r: Reader, v: number): StreamsGroupDescribeResponseKeyValue {
  const fKey: string = r.compactString();
  const fValue: string = r.compactString();
  const m: StreamsGroupDescribeResponseKeyValue = { key: fKey, value: fValue };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseTopicInfo(r: Reader, v: number): StreamsGroupDescribeResponseTopicInfo {
  const fName: string = r.compactString();
  const fPartitions: number = r.int32();
  const fReplicationFactor: number = r.int16();
  const fTopicConfigs: StreamsGroupDescribeResponseKeyValue[] = ((n: number) => { if (n < 0) return nullErr('TopicConfigs'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseKeyValue(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponseTopicInfo = { name: fName, partitions: fPartitions, replicationFactor: fReplicationFactor, topicConfigs: fTopicConfigs };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseTopologyDescription(r: Reader, v: number): StreamsGroupDescribeResponseTopologyDescription {
  const fSubtopologies: StreamsGroupDescribeResponseTopologyDescriptionSubtopology[] = ((n: number) => { if (n < 0) return nullErr('Subtopologies'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTopologyDescriptionSubtopology(r, v)); return a; })(r.compactArrayLength());
  const fGlobalStores: StreamsGroupDescribeResponseTopologyDescriptionGlobalStore[] = ((n: number) => { if (n < 0) return nullErr('GlobalStores'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTopologyDescriptionGlobalStore(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponseTopologyDescription = { subtopologies: fSubtopologies, globalStores: fGlobalStores };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseTopologyDescriptionSubtopology(r: Reader, v: number): StreamsGroupDescribeResponseTopologyDescriptionSubtopology {
  const fSubtopologyId: string = r.compactString();
  const fNodes: StreamsGroupDescribeResponseTopologyDescriptionNode[] = ((n: number) => { if (n < 0) return nullErr('Nodes'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTopologyDescriptionNode(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponseTopologyDescriptionSubtopology = { subtopologyId: fSubtopologyId, nodes: fNodes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseTopologyDescriptionNode(r: Reader, v: number): StreamsGroupDescribeResponseTopologyDescriptionNode {
  const fName: string = r.compactString();
  const fNodeType: number = r.int8();
  const fSourceTopics: string[] = ((n: number) => { if (n < 0) return nullErr('SourceTopics'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fSinkTopic: string | null = r.compactNullableString();
  const fStores: string[] = ((n: number) => { if (n < 0) return nullErr('Stores'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fSuccessors: string[] = ((n: number) => { if (n < 0) return nullErr('Successors'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponseTopologyDescriptionNode = { name: fName, nodeType: fNodeType, sourceTopics: fSourceTopics, sinkTopic: fSinkTopic, stores: fStores, successors: fSuccessors };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseTopologyDescriptionGlobalStore(r: Reader, v: number): StreamsGroupDescribeResponseTopologyDescriptionGlobalStore {
  const fSource: StreamsGroupDescribeResponseTopologyDescriptionNode = readStreamsGroupDescribeResponseTopologyDescriptionNode(r, v);
  const fProcessor: StreamsGroupDescribeResponseTopologyDescriptionNode = readStreamsGroupDescribeResponseTopologyDescriptionNode(r, v);
  const m: StreamsGroupDescribeResponseTopologyDescriptionGlobalStore = { source: fSource, processor: fProcessor };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseDescribedGroup(r: Reader, v: number): StreamsGroupDescribeResponseDescribedGroup {
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fGroupId: string = r.compactString();
  const fGroupState: string = r.compactString();
  const fGroupEpoch: number = r.int32();
  const fAssignmentEpoch: number = r.int32();
  const fTopology: StreamsGroupDescribeResponseTopology | null = (r.int8() < 0 ? null : readStreamsGroupDescribeResponseTopology(r, v));
  const fMembers: StreamsGroupDescribeResponseMember[] = ((n: number) => { if (n < 0) return nullErr('Members'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseMember(r, v)); return a; })(r.compactArrayLength());
  const fAuthorizedOperations: number = r.int32();
  const fTopologyDescription: StreamsGroupDescribeResponseTopologyDescription | null = (v >= 1) ? (r.int8() < 0 ? null : readStreamsGroupDescribeResponseTopologyDescription(r, v)) : null;
  const fTopologyDescriptionStatus: number = (v >= 1) ? r.int8() : 0;
  const fAssignorName: string | null = (v >= 1) ? r.compactNullableString() : null;
  const m: StreamsGroupDescribeResponseDescribedGroup = { errorCode: fErrorCode, errorMessage: fErrorMessage, groupId: fGroupId, groupState: fGroupState, groupEpoch: fGroupEpoch, assignmentEpoch: fAssignmentEpoch, topology: fTopology, members: fMembers, authorizedOperations: fAuthorizedOperations, topologyDescription: fTopologyDescription, topologyDescriptionStatus: fTopologyDescriptionStatus, assignorName: fAssignorName };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseTopology(r: Reader, v: number): StreamsGroupDescribeResponseTopology {
  const fEpoch: number = r.int32();
  const fSubtopologies: StreamsGroupDescribeResponseSubtopology[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseSubtopology(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponseTopology = { epoch: fEpoch, subtopologies: fSubtopologies };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseSubtopology(r: Reader, v: number): StreamsGroupDescribeResponseSubtopology {
  const fSubtopologyId: string = r.compactString();
  const fSourceTopics: string[] = ((n: number) => { if (n < 0) return nullErr('SourceTopics'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fRepartitionSinkTopics: string[] = ((n: number) => { if (n < 0) return nullErr('RepartitionSinkTopics'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fStateChangelogTopics: StreamsGroupDescribeResponseTopicInfo[] = ((n: number) => { if (n < 0) return nullErr('StateChangelogTopics'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTopicInfo(r, v)); return a; })(r.compactArrayLength());
  const fRepartitionSourceTopics: StreamsGroupDescribeResponseTopicInfo[] = ((n: number) => { if (n < 0) return nullErr('RepartitionSourceTopics'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTopicInfo(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupDescribeResponseSubtopology = { subtopologyId: fSubtopologyId, sourceTopics: fSourceTopics, repartitionSinkTopics: fRepartitionSinkTopics, stateChangelogTopics: fStateChangelogTopics, repartitionSourceTopics: fRepartitionSourceTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupDescribeResponseMember(r: Reader, v: number): StreamsGroupDescribeResponseMember {
  const fMemberId: string = r.compactString();
  const fMemberEpoch: number = r.int32();
  const fInstanceId: string | null = r.compactNullableString();
  const fRackId: string | null = r.compactNullableString();
  const fClientId: string = r.compactString();
  const fClientHost: string = r.compactString();
  const fTopologyEpoch: number = r.int32();
  const fProcessId: string = r.compactString();
  const fUserEndpoint: StreamsGroupDescribeResponseEndpoint | null = (r.int8() < 0 ? null : readStreamsGroupDescribeResponseEndpoint(r, v));
  const fClientTags: StreamsGroupDescribeResponseKeyValue[] = ((n: number) => { if (n < 0) return nullErr('ClientTags'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseKeyValue(r, v)); return a; })(r.compactArrayLength());
  const fTaskOffsets: StreamsGroupDescribeResponseTaskOffset[] = ((n: number) => { if (n < 0) return nullErr('TaskOffsets'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTaskOffset(r, v)); return a; })(r.compactArrayLength());
  const fTaskEndOffsets: StreamsGroupDescribeResponseTaskOffset[] = ((n: number) => { if (n < 0) return nullErr('TaskEndOffsets'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupDescribeResponseTaskOffset(r, v)); return a; })(r.compactArrayLength());
  const fAssignment: StreamsGroupDescribeResponseAssignment = readStreamsGroupDescribeResponseAssignment(r, v);
  const fTargetAssignment: StreamsGroupDescribeResponseAssignment = readStreamsGroupDescribeResponseAssignment(r, v);
  const fIsClassic: boolean = r.bool();
  const m: StreamsGroupDescribeResponseMember = { memberId: fMemberId, memberEpoch: fMemberEpoch, instanceId: fInstanceId, rackId: fRackId, clientId: fClientId, clientHost: fClientHost, topologyEpoch: fTopologyEpoch, processId: fProcessId, userEndpoint: fUserEndpoint, clientTags: fClientTags, taskOffsets: fTaskOffsets, taskEndOffsets: fTaskEndOffsets, assignment: fAssignment, targetAssignment: fTargetAssignment, isClassic: fIsClassic };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
