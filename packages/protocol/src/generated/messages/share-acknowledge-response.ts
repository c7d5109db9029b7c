// Generated from ShareAcknowledgeResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const shareAcknowledgeResponseVersions = { min: 1, max: 2, flexibleMin: 0 } as const;

export interface ShareAcknowledgeResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  acquisitionLockTimeoutMs: number;
  responses: ShareAcknowledgeResponseShareAcknowledgeTopicResponse[];
  nodeEndpoints: ShareAcknowledgeResponseNodeEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  acquisitionLockTimeoutMs?: number;
  responses?: ShareAcknowledgeResponseShareAcknowledgeTopicResponseInput[];
  nodeEndpoints?: ShareAcknowledgeResponseNodeEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  topicId: string;
  partitions: ShareAcknowledgeResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseShareAcknowledgeTopicResponseInput {
  topicId?: string;
  partitions?: ShareAcknowledgeResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  errorMessage: string | null;
  currentLeader: ShareAcknowledgeResponseLeaderIdAndEpoch;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  errorMessage?: string | null;
  currentLeader?: ShareAcknowledgeResponseLeaderIdAndEpochInput;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseLeaderIdAndEpoch {
  leaderId: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseLeaderIdAndEpochInput {
  leaderId?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseNodeEndpointInput {
  nodeId?: number;
  host?: string;
  port?: number;
  rack?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultShareAcknowledgeResponse(): ShareAcknowledgeResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    acquisitionLockTimeoutMs: 0,
    responses: [],
    nodeEndpoints: [],
  };
}

export function defaultShareAcknowledgeResponseShareAcknowledgeTopicResponse(): ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultShareAcknowledgeResponsePartitionData(): ShareAcknowledgeResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    currentLeader: defaultShareAcknowledgeResponseLeaderIdAndEpoch(),
  };
}

export function defaultShareAcknowledgeResponseLeaderIdAndEpoch(): ShareAcknowledgeResponseLeaderIdAndEpoch {
  return {
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function defaultShareAcknowledgeResponseNodeEndpoint(): ShareAcknowledgeResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function writeShareAcknowledgeResponse(w: Writer, v: number, m: ShareAcknowledgeResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  if (v >= 2) { const x = m.acquisitionLockTimeoutMs === undefined ? 0 : m.acquisitionLockTimeoutMs; w.int32(x); }
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareAcknowledgeResponseShareAcknowledgeTopicResponse(w, v, e); } } }
  { const x = m.nodeEndpoints === undefined ? [] : m.nodeEndpoints; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareAcknowledgeResponseNodeEndpoint(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareAcknowledgeResponseShareAcknowledgeTopicResponse(w: Writer, v: number, m: ShareAcknowledgeResponseShareAcknowledgeTopicResponseInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareAcknowledgeResponsePartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareAcknowledgeResponsePartitionData(w: Writer, v: number, m: ShareAcknowledgeResponsePartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.currentLeader === undefined ? defaultShareAcknowledgeResponseLeaderIdAndEpoch() : m.currentLeader; writeShareAcknowledgeResponseLeaderIdAndEpoch(w, v, x ?? {}); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareAcknowledgeResponseLeaderIdAndEpoch(w: Writer, v: number, m: ShareAcknowledgeResponseLeaderIdAndEpochInput): void {
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareAcknowledgeResponseNodeEndpoint(w: Writer, v: number, m: ShareAcknowledgeResponseNodeEndpointInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  { const x = m.rack === undefined ? null : m.rack; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readShareAcknowledgeResponse(r: Reader, v: number): ShareAcknowledgeResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fAcquisitionLockTimeoutMs: number = (v >= 2) ? r.int32() : 0;
  const fResponses: ShareAcknowledgeResponseShareAcknowledgeTopicResponse[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readShareAcknowledgeResponseShareAcknowledgeTopicResponse(r, v)); return a; })(r.compactArrayLength());
  const fNodeEndpoints: ShareAcknowledgeResponseNodeEndpoint[] = ((n: number) => { if (n < 0) return nullErr('NodeEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readShareAcknowledgeResponseNodeEndpoint(r, v)); return a; })(r.compactArrayLength());
  const m: ShareAcknowledgeResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, acquisitionLockTimeoutMs: fAcquisitionLockTimeoutMs, responses: fResponses, nodeEndpoints: fNodeEndpoints };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareAcknowledgeResponseShareAcknowledgeTopicResponse(r: Reader, v: number): ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  const fTopicId: string = r.uuid();
  const fPartitions: ShareAcknowledgeResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readShareAcknowledgeResponsePartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: ShareAcknowledgeResponseShareAcknowledgeTopicResponse = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareAcknowledgeResponsePartitionData(r: Reader, v: number): ShareAcknowledgeResponsePartitionData {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fCurrentLeader: ShareAcknowledgeResponseLeaderIdAndEpoch = readShareAcknowledgeResponseLeaderIdAndEpoch(r, v);
  const m: ShareAcknowledgeResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage, currentLeader: fCurrentLeader };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareAcknowledgeResponseLeaderIdAndEpoch(r: Reader, v: number): ShareAcknowledgeResponseLeaderIdAndEpoch {
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: ShareAcknowledgeResponseLeaderIdAndEpoch = { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareAcknowledgeResponseNodeEndpoint(r: Reader, v: number): ShareAcknowledgeResponseNodeEndpoint {
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.int32();
  const fRack: string | null = r.compactNullableString();
  const m: ShareAcknowledgeResponseNodeEndpoint = { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
