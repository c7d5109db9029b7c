// Generated from ShareFetchResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const shareFetchResponseVersions = { min: 1, max: 2, flexibleMin: 0 } as const;

export interface ShareFetchResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  acquisitionLockTimeoutMs: number;
  responses: ShareFetchResponseShareFetchableTopicResponse[];
  nodeEndpoints: ShareFetchResponseNodeEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  acquisitionLockTimeoutMs?: number;
  responses?: ShareFetchResponseShareFetchableTopicResponseInput[];
  nodeEndpoints?: ShareFetchResponseNodeEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseShareFetchableTopicResponse {
  topicId: string;
  partitions: ShareFetchResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseShareFetchableTopicResponseInput {
  topicId?: string;
  partitions?: ShareFetchResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  errorMessage: string | null;
  acknowledgeErrorCode: number;
  acknowledgeErrorMessage: string | null;
  currentLeader: ShareFetchResponseLeaderIdAndEpoch;
  records: Buffer | null;
  acquiredRecords: ShareFetchResponseAcquiredRecords[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  errorMessage?: string | null;
  acknowledgeErrorCode?: number;
  acknowledgeErrorMessage?: string | null;
  currentLeader?: ShareFetchResponseLeaderIdAndEpochInput;
  records?: Buffer | readonly Buffer[] | null;
  acquiredRecords?: ShareFetchResponseAcquiredRecordsInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseLeaderIdAndEpoch {
  leaderId: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseLeaderIdAndEpochInput {
  leaderId?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseAcquiredRecords {
  firstOffset: bigint;
  lastOffset: bigint;
  deliveryCount: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseAcquiredRecordsInput {
  firstOffset?: bigint;
  lastOffset?: bigint;
  deliveryCount?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseNodeEndpointInput {
  nodeId?: number;
  host?: string;
  port?: number;
  rack?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultShareFetchResponse(): ShareFetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    acquisitionLockTimeoutMs: 0,
    responses: [],
    nodeEndpoints: [],
  };
}

export function defaultShareFetchResponseShareFetchableTopicResponse(): ShareFetchResponseShareFetchableTopicResponse {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultShareFetchResponsePartitionData(): ShareFetchResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    acknowledgeErrorCode: 0,
    acknowledgeErrorMessage: null,
    currentLeader: defaultShareFetchResponseLeaderIdAndEpoch(),
    records: null,
    acquiredRecords: [],
  };
}

export function defaultShareFetchResponseLeaderIdAndEpoch(): ShareFetchResponseLeaderIdAndEpoch {
  return {
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function defaultShareFetchResponseAcquiredRecords(): ShareFetchResponseAcquiredRecords {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    deliveryCount: 0,
  };
}

export function defaultShareFetchResponseNodeEndpoint(): ShareFetchResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function writeShareFetchResponse(w: Writer, v: number, m: ShareFetchResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.acquisitionLockTimeoutMs === undefined ? 0 : m.acquisitionLockTimeoutMs; w.int32(x); }
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareFetchResponseShareFetchableTopicResponse(w, v, e); } } }
  { const x = m.nodeEndpoints === undefined ? [] : m.nodeEndpoints; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareFetchResponseNodeEndpoint(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchResponseShareFetchableTopicResponse(w: Writer, v: number, m: ShareFetchResponseShareFetchableTopicResponseInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareFetchResponsePartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchResponsePartitionData(w: Writer, v: number, m: ShareFetchResponsePartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.acknowledgeErrorCode === undefined ? 0 : m.acknowledgeErrorCode; w.int16(x); }
  { const x = m.acknowledgeErrorMessage === undefined ? null : m.acknowledgeErrorMessage; w.compactNullableString(x); }
  { const x = m.currentLeader === undefined ? defaultShareFetchResponseLeaderIdAndEpoch() : m.currentLeader; writeShareFetchResponseLeaderIdAndEpoch(w, v, x ?? {}); }
  { const x = m.records === undefined ? null : m.records; writeRecords(w, x, true); }
  { const x = m.acquiredRecords === undefined ? [] : m.acquiredRecords; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeShareFetchResponseAcquiredRecords(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchResponseLeaderIdAndEpoch(w: Writer, v: number, m: ShareFetchResponseLeaderIdAndEpochInput): void {
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchResponseAcquiredRecords(w: Writer, v: number, m: ShareFetchResponseAcquiredRecordsInput): void {
  { const x = m.firstOffset === undefined ? 0n : m.firstOffset; w.int64(x); }
  { const x = m.lastOffset === undefined ? 0n : m.lastOffset; w.int64(x); }
  { const x = m.deliveryCount === undefined ? 0 : m.deliveryCount; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeShareFetchResponseNodeEndpoint(w: Writer, v: number, m: ShareFetchResponseNodeEndpointInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  { const x = m.rack === undefined ? null : m.rack; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readShareFetchResponse(r: Reader, v: number): ShareFetchResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fAcquisitionLockTimeoutMs: number = r.int32();
  const fResponses: ShareFetchResponseShareFetchableTopicResponse[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readShareFetchResponseShareFetchableTopicResponse(r, v)); return a; })(r.compactArrayLength());
  const fNodeEndpoints: ShareFetchResponseNodeEndpoint[] = ((n: number) => { if (n < 0) return nullErr('NodeEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readShareFetchResponseNodeEndpoint(r, v)); return a; })(r.compactArrayLength());
  const m: ShareFetchResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, acquisitionLockTimeoutMs: fAcquisitionLockTimeoutMs, responses: fResponses, nodeEndpoints: fNodeEndpoints };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchResponseShareFetchableTopicResponse(r: Reader, v: number): ShareFetchResponseShareFetchableTopicResponse {
  const fTopicId: string = r.uuid();
  const fPartitions: ShareFetchResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readShareFetchResponsePartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: ShareFetchResponseShareFetchableTopicResponse = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchResponsePartitionData(r: Reader, v: number): ShareFetchResponsePartitionData {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fAcknowledgeErrorCode: number = r.int16();
  const fAcknowledgeErrorMessage: string | null = r.compactNullableString();
  const fCurrentLeader: ShareFetchResponseLeaderIdAndEpoch = readShareFetchResponseLeaderIdAndEpoch(r, v);
  const fRecords: Buffer | null = r.compactBytes();
  const fAcquiredRecords: ShareFetchResponseAcquiredRecords[] = ((n: number) => { if (n < 0) return nullErr('AcquiredRecords'); const a = []; for (let i = 0; i < n; i++) a.push(readShareFetchResponseAcquiredRecords(r, v)); return a; })(r.compactArrayLength());
  const m: ShareFetchResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage, acknowledgeErrorCode: fAcknowledgeErrorCode, acknowledgeErrorMessage: fAcknowledgeErrorMessage, currentLeader: fCurrentLeader, records: fRecords, acquiredRecords: fAcquiredRecords };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchResponseLeaderIdAndEpoch(r: Reader, v: number): ShareFetchResponseLeaderIdAndEpoch {
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: ShareFetchResponseLeaderIdAndEpoch = { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchResponseAcquiredRecords(r: Reader, v: number): ShareFetchResponseAcquiredRecords {
  const fFirstOffset: bigint = r.int64();
  const fLastOffset: bigint = r.int64();
  const fDeliveryCount: number = r.int16();
  const m: ShareFetchResponseAcquiredRecords = { firstOffset: fFirstOffset, lastOffset: fLastOffset, deliveryCount: fDeliveryCount };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readShareFetchResponseNodeEndpoint(r: Reader, v: number): ShareFetchResponseNodeEndpoint {
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.int32();
  const fRack: string | null = r.compactNullableString();
  const m: ShareFetchResponseNodeEndpoint = { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
