// Generated from ProduceResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const produceResponseVersions = { min: 0, max: 13, flexibleMin: 9 } as const;

export interface ProduceResponse {
  responses: ProduceResponseTopicProduceResponse[];
  throttleTimeMs: number;
  nodeEndpoints: ProduceResponseNodeEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseInput {
  responses?: ProduceResponseTopicProduceResponseInput[];
  throttleTimeMs?: number;
  nodeEndpoints?: ProduceResponseNodeEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseTopicProduceResponse {
  name: string;
  topicId: string;
  partitionResponses: ProduceResponsePartitionProduceResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseTopicProduceResponseInput {
  name?: string;
  topicId?: string;
  partitionResponses?: ProduceResponsePartitionProduceResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponsePartitionProduceResponse {
  index: number;
  errorCode: number;
  baseOffset: bigint;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
  recordErrors: ProduceResponseBatchIndexAndErrorMessage[];
  errorMessage: string | null;
  currentLeader: ProduceResponseLeaderIdAndEpoch;
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponsePartitionProduceResponseInput {
  index?: number;
  errorCode?: number;
  baseOffset?: bigint;
  logAppendTimeMs?: bigint;
  logStartOffset?: bigint;
  recordErrors?: ProduceResponseBatchIndexAndErrorMessageInput[];
  errorMessage?: string | null;
  currentLeader?: ProduceResponseLeaderIdAndEpochInput;
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseBatchIndexAndErrorMessage {
  batchIndex: number;
  batchIndexErrorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseBatchIndexAndErrorMessageInput {
  batchIndex?: number;
  batchIndexErrorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseLeaderIdAndEpoch {
  leaderId: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseLeaderIdAndEpochInput {
  leaderId?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseNodeEndpointInput {
  nodeId?: number;
  host?: string;
  port?: number;
  rack?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultProduceResponse(): ProduceResponse {
  return {
    responses: [],
    throttleTimeMs: 0,
    nodeEndpoints: [],
  };
}

export function defaultProduceResponseTopicProduceResponse(): ProduceResponseTopicProduceResponse {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionResponses: [],
  };
}

export function defaultProduceResponsePartitionProduceResponse(): ProduceResponsePartitionProduceResponse {
  return {
    index: 0,
    errorCode: 0,
    baseOffset: 0n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
    recordErrors: [],
    errorMessage: null,
    currentLeader: defaultProduceResponseLeaderIdAndEpoch(),
  };
}

export function defaultProduceResponseBatchIndexAndErrorMessage(): ProduceResponseBatchIndexAndErrorMessage {
  return {
    batchIndex: 0,
    batchIndexErrorMessage: null,
  };
}

export function defaultProduceResponseLeaderIdAndEpoch(): ProduceResponseLeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
  };
}

export function defaultProduceResponseNodeEndpoint(): ProduceResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

export function writeProduceResponse(w: Writer, v: number, m: ProduceResponseInput): void {
  const flex = v >= 9;
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeProduceResponseTopicProduceResponse(w, v, e); } } }
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 10) { const x = m.nodeEndpoints === undefined ? [] : m.nodeEndpoints; if (!isDefaultValue(x, [])) tags.push([0, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeProduceResponseNodeEndpoint(w, v, e); } } }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeProduceResponseTopicProduceResponse(w: Writer, v: number, m: ProduceResponseTopicProduceResponseInput): void {
  const flex = v >= 9;
  if (v <= 12) { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 13) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitionResponses === undefined ? [] : m.partitionResponses; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeProduceResponsePartitionProduceResponse(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeProduceResponsePartitionProduceResponse(w: Writer, v: number, m: ProduceResponsePartitionProduceResponseInput): void {
  const flex = v >= 9;
  { const x = m.index === undefined ? 0 : m.index; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.baseOffset === undefined ? 0n : m.baseOffset; w.int64(x); }
  if (v >= 2) { const x = m.logAppendTimeMs === undefined ? -1n : m.logAppendTimeMs; w.int64(x); }
  if (v >= 5) { const x = m.logStartOffset === undefined ? -1n : m.logStartOffset; w.int64(x); }
  if (v >= 8) { const x = m.recordErrors === undefined ? [] : m.recordErrors; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeProduceResponseBatchIndexAndErrorMessage(w, v, e); } } }
  if (v >= 8) { const x = m.errorMessage === undefined ? null : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 10) { const x = m.currentLeader === undefined ? defaultProduceResponseLeaderIdAndEpoch() : m.currentLeader; if (!isDefaultValue(x, defaultProduceResponseLeaderIdAndEpoch())) tags.push([0, (w) => { writeProduceResponseLeaderIdAndEpoch(w, v, x ?? {}); }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeProduceResponseBatchIndexAndErrorMessage(w: Writer, v: number, m: ProduceResponseBatchIndexAndErrorMessageInput): void {
  const flex = v >= 9;
  { const x = m.batchIndex === undefined ? 0 : m.batchIndex; w.int32(x); }
  { const x = m.batchIndexErrorMessage === undefined ? null : m.batchIndexErrorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeProduceResponseLeaderIdAndEpoch(w: Writer, v: number, m: ProduceResponseLeaderIdAndEpochInput): void {
  { const x = m.leaderId === undefined ? -1 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? -1 : m.leaderEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeProduceResponseNodeEndpoint(w: Writer, v: number, m: ProduceResponseNodeEndpointInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  { const x = m.rack === undefined ? null : m.rack; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readProduceResponse(r: Reader, v: number): ProduceResponse {
  const flex = v >= 9;
  const fResponses: ProduceResponseTopicProduceResponse[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readProduceResponseTopicProduceResponse(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fNodeEndpoints: ProduceResponseNodeEndpoint[] = [];
  const m: ProduceResponse = { responses: fResponses, throttleTimeMs: fThrottleTimeMs, nodeEndpoints: fNodeEndpoints };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 10) { m.nodeEndpoints = ((n: number) => { if (n < 0) return nullErr('NodeEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readProduceResponseNodeEndpoint(t, v)); return a; })(t.compactArrayLength()); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readProduceResponseTopicProduceResponse(r: Reader, v: number): ProduceResponseTopicProduceResponse {
  const flex = v >= 9;
  const fName: string = (v <= 12) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 13) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitionResponses: ProduceResponsePartitionProduceResponse[] = ((n: number) => { if (n < 0) return nullErr('PartitionResponses'); const a = []; for (let i = 0; i < n; i++) a.push(readProduceResponsePartitionProduceResponse(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ProduceResponseTopicProduceResponse = { name: fName, topicId: fTopicId, partitionResponses: fPartitionResponses };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readProduceResponsePartitionProduceResponse(r: Reader, v: number): ProduceResponsePartitionProduceResponse {
  const flex = v >= 9;
  const fIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fBaseOffset: bigint = r.int64();
  const fLogAppendTimeMs: bigint = (v >= 2) ? r.int64() : -1n;
  const fLogStartOffset: bigint = (v >= 5) ? r.int64() : -1n;
  const fRecordErrors: ProduceResponseBatchIndexAndErrorMessage[] = (v >= 8) ? ((n: number) => { if (n < 0) return nullErr('RecordErrors'); const a = []; for (let i = 0; i < n; i++) a.push(readProduceResponseBatchIndexAndErrorMessage(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fErrorMessage: string | null = (v >= 8) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const fCurrentLeader: ProduceResponseLeaderIdAndEpoch = defaultProduceResponseLeaderIdAndEpoch();
  const m: ProduceResponsePartitionProduceResponse = { index: fIndex, errorCode: fErrorCode, baseOffset: fBaseOffset, logAppendTimeMs: fLogAppendTimeMs, logStartOffset: fLogStartOffset, recordErrors: fRecordErrors, errorMessage: fErrorMessage, currentLeader: fCurrentLeader };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 10) { m.currentLeader = readProduceResponseLeaderIdAndEpoch(t, v); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readProduceResponseBatchIndexAndErrorMessage(r: Reader, v: number): ProduceResponseBatchIndexAndErrorMessage {
  const flex = v >= 9;
  const fBatchIndex: number = r.int32();
  const fBatchIndexErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: ProduceResponseBatchIndexAndErrorMessage = { batchIndex: fBatchIndex, batchIndexErrorMessage: fBatchIndexErrorMessage };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readProduceResponseLeaderIdAndEpoch(r: Reader, v: number): ProduceResponseLeaderIdAndEpoch {
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: ProduceResponseLeaderIdAndEpoch = { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readProduceResponseNodeEndpoint(r: Reader, v: number): ProduceResponseNodeEndpoint {
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.int32();
  const fRack: string | null = r.compactNullableString();
  const m: ProduceResponseNodeEndpoint = { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
