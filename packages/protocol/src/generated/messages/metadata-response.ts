// Generated from MetadataResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const metadataResponseVersions = { min: 0, max: 13, flexibleMin: 9 } as const;

export interface MetadataResponse {
  throttleTimeMs: number;
  brokers: MetadataResponseMetadataResponseBroker[];
  clusterId: string | null;
  controllerId: number;
  topics: MetadataResponseMetadataResponseTopic[];
  clusterAuthorizedOperations: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseInput {
  throttleTimeMs?: number;
  brokers?: MetadataResponseMetadataResponseBrokerInput[];
  clusterId?: string | null;
  controllerId?: number;
  topics?: MetadataResponseMetadataResponseTopicInput[];
  clusterAuthorizedOperations?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseMetadataResponseBroker {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseMetadataResponseBrokerInput {
  nodeId?: number;
  host?: string;
  port?: number;
  rack?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseMetadataResponseTopic {
  errorCode: number;
  name: string | null;
  topicId: string;
  isInternal: boolean;
  partitions: MetadataResponseMetadataResponsePartition[];
  topicAuthorizedOperations: number;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseMetadataResponseTopicInput {
  errorCode?: number;
  name?: string | null;
  topicId?: string;
  isInternal?: boolean;
  partitions?: MetadataResponseMetadataResponsePartitionInput[];
  topicAuthorizedOperations?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseMetadataResponsePartition {
  errorCode: number;
  partitionIndex: number;
  leaderId: number;
  leaderEpoch: number;
  replicaNodes: number[];
  isrNodes: number[];
  offlineReplicas: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseMetadataResponsePartitionInput {
  errorCode?: number;
  partitionIndex?: number;
  leaderId?: number;
  leaderEpoch?: number;
  replicaNodes?: number[];
  isrNodes?: number[];
  offlineReplicas?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataResponse(): MetadataResponse {
  return {
    throttleTimeMs: 0,
    brokers: [],
    clusterId: null,
    controllerId: -1,
    topics: [],
    clusterAuthorizedOperations: -2147483648,
    errorCode: 0,
  };
}

export function defaultMetadataResponseMetadataResponseBroker(): MetadataResponseMetadataResponseBroker {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function defaultMetadataResponseMetadataResponseTopic(): MetadataResponseMetadataResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}

export function defaultMetadataResponseMetadataResponsePartition(): MetadataResponseMetadataResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    offlineReplicas: [],
  };
}

export function writeMetadataResponse(w: Writer, v: number, m: MetadataResponseInput): void {
  const flex = v >= 9;
  if (v >= 3) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.brokers === undefined ? [] : m.brokers; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeMetadataResponseMetadataResponseBroker(w, v, e); } } }
  if (v >= 2) { const x = m.clusterId === undefined ? null : m.clusterId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (v >= 1) { const x = m.controllerId === undefined ? -1 : m.controllerId; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeMetadataResponseMetadataResponseTopic(w, v, e); } } }
  if (v >= 8 && v <= 10) { const x = m.clusterAuthorizedOperations === undefined ? -2147483648 : m.clusterAuthorizedOperations; w.int32(x); }
  if (v >= 13) { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeMetadataResponseMetadataResponseBroker(w: Writer, v: number, m: MetadataResponseMetadataResponseBrokerInput): void {
  const flex = v >= 9;
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  if (v >= 1) { const x = m.rack === undefined ? null : m.rack; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeMetadataResponseMetadataResponseTopic(w: Writer, v: number, m: MetadataResponseMetadataResponseTopicInput): void {
  const flex = v >= 9;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.name === undefined ? "" : m.name; (v >= 12 ? (flex ? w.compactNullableString(x) : w.nullableString(x)) : (flex ? w.compactString(x ?? '') : w.string(x ?? ''))); }
  if (v >= 10) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  if (v >= 1) { const x = m.isInternal === undefined ? false : m.isInternal; w.bool(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeMetadataResponseMetadataResponsePartition(w, v, e); } } }
  if (v >= 8) { const x = m.topicAuthorizedOperations === undefined ? -2147483648 : m.topicAuthorizedOperations; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeMetadataResponseMetadataResponsePartition(w: Writer, v: number, m: MetadataResponseMetadataResponsePartitionInput): void {
  const flex = v >= 9;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  if (v >= 7) { const x = m.leaderEpoch === undefined ? -1 : m.leaderEpoch; w.int32(x); }
  { const x = m.replicaNodes === undefined ? [] : m.replicaNodes; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  { const x = m.isrNodes === undefined ? [] : m.isrNodes; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (v >= 5) { const x = m.offlineReplicas === undefined ? [] : m.offlineReplicas; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readMetadataResponse(r: Reader, v: number): MetadataResponse {
  const flex = v >= 9;
  const fThrottleTimeMs: number = (v >= 3) ? r.int32() : 0;
  const fBrokers: MetadataResponseMetadataResponseBroker[] = ((n: number) => { if (n < 0) return nullErr('Brokers'); const a = []; for (let i = 0; i < n; i++) a.push(readMetadataResponseMetadataResponseBroker(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fClusterId: string | null = (v >= 2) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const fControllerId: number = (v >= 1) ? r.int32() : -1;
  const fTopics: MetadataResponseMetadataResponseTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readMetadataResponseMetadataResponseTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fClusterAuthorizedOperations: number = (v >= 8 && v <= 10) ? r.int32() : -2147483648;
  const fErrorCode: number = (v >= 13) ? r.int16() : 0;
  const m: MetadataResponse = { throttleTimeMs: fThrottleTimeMs, brokers: fBrokers, clusterId: fClusterId, controllerId: fControllerId, topics: fTopics, clusterAuthorizedOperations: fClusterAuthorizedOperations, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readMetadataResponseMetadataResponseBroker(r: Reader, v: number): MetadataResponseMetadataResponseBroker {
  const flex = v >= 9;
  const fNodeId: number = r.int32();
  const fHost: string = (flex ? r.compactString() : r.string());
  const fPort: number = r.int32();
  const fRack: string | null = (v >= 1) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const m: MetadataResponseMetadataResponseBroker = { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readMetadataResponseMetadataResponseTopic(r: Reader, v: number): MetadataResponseMetadataResponseTopic {
  const flex = v >= 9;
  const fErrorCode: number = r.int16();
  const fName: string | null = (v >= 12 ? (flex ? r.compactNullableString() : r.nullableString()) : (flex ? r.compactString() : r.string()));
  const fTopicId: string = (v >= 10) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fIsInternal: boolean = (v >= 1) ? r.bool() : false;
  const fPartitions: MetadataResponseMetadataResponsePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readMetadataResponseMetadataResponsePartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fTopicAuthorizedOperations: number = (v >= 8) ? r.int32() : -2147483648;
  const m: MetadataResponseMetadataResponseTopic = { errorCode: fErrorCode, name: fName, topicId: fTopicId, isInternal: fIsInternal, partitions: fPartitions, topicAuthorizedOperations: fTopicAuthorizedOperations };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readMetadataResponseMetadataResponsePartition(r: Reader, v: number): MetadataResponseMetadataResponsePartition {
  const flex = v >= 9;
  const fErrorCode: number = r.int16();
  const fPartitionIndex: number = r.int32();
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = (v >= 7) ? r.int32() : -1;
  const fReplicaNodes: number[] = ((n: number) => { if (n < 0) return nullErr('ReplicaNodes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fIsrNodes: number[] = ((n: number) => { if (n < 0) return nullErr('IsrNodes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fOfflineReplicas: number[] = (v >= 5) ? ((n: number) => { if (n < 0) return nullErr('OfflineReplicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const m: MetadataResponseMetadataResponsePartition = { errorCode: fErrorCode, partitionIndex: fPartitionIndex, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, replicaNodes: fReplicaNodes, isrNodes: fIsrNodes, offlineReplicas: fOfflineReplicas };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
