// Generated from ElectLeadersResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const electLeadersResponseVersions = { min: 0, max: 2, flexibleMin: 2 } as const;

export interface ElectLeadersResponse {
  throttleTimeMs: number;
  errorCode: number;
  replicaElectionResults: ElectLeadersResponseReplicaElectionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  replicaElectionResults?: ElectLeadersResponseReplicaElectionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponseReplicaElectionResult {
  topic: string;
  partitionResult: ElectLeadersResponsePartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponseReplicaElectionResultInput {
  topic?: string;
  partitionResult?: ElectLeadersResponsePartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponsePartitionResult {
  partitionId: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponsePartitionResultInput {
  partitionId?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersResponse(): ElectLeadersResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    replicaElectionResults: [],
  };
}

export function defaultElectLeadersResponseReplicaElectionResult(): ElectLeadersResponseReplicaElectionResult {
  return {
    topic: "",
    partitionResult: [],
  };
}

export function defaultElectLeadersResponsePartitionResult(): ElectLeadersResponsePartitionResult {
  return {
    partitionId: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function writeElectLeadersResponse(w: Writer, v: number, m: ElectLeadersResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (v >= 1) { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.replicaElectionResults === undefined ? [] : m.replicaElectionResults; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeElectLeadersResponseReplicaElectionResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeElectLeadersResponseReplicaElectionResult(w: Writer, v: number, m: ElectLeadersResponseReplicaElectionResultInput): void {
  const flex = v >= 2;
  { const x = m.topic === undefined ? "" : m.topic; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitionResult === undefined ? [] : m.partitionResult; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeElectLeadersResponsePartitionResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeElectLeadersResponsePartitionResult(w: Writer, v: number, m: ElectLeadersResponsePartitionResultInput): void {
  const flex = v >= 2;
  { const x = m.partitionId === undefined ? 0 : m.partitionId; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readElectLeadersResponse(r: Reader, v: number): ElectLeadersResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = (v >= 1) ? r.int16() : 0;
  const fReplicaElectionResults: ElectLeadersResponseReplicaElectionResult[] = ((n: number) => { if (n < 0) return nullErr('ReplicaElectionResults'); const a = []; for (let i = 0; i < n; i++) a.push(readElectLeadersResponseReplicaElectionResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ElectLeadersResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, replicaElectionResults: fReplicaElectionResults };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readElectLeadersResponseReplicaElectionResult(r: Reader, v: number): ElectLeadersResponseReplicaElectionResult {
  const flex = v >= 2;
  const fTopic: string = (flex ? r.compactString() : r.string());
  const fPartitionResult: ElectLeadersResponsePartitionResult[] = ((n: number) => { if (n < 0) return nullErr('PartitionResult'); const a = []; for (let i = 0; i < n; i++) a.push(readElectLeadersResponsePartitionResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ElectLeadersResponseReplicaElectionResult = { topic: fTopic, partitionResult: fPartitionResult };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readElectLeadersResponsePartitionResult(r: Reader, v: number): ElectLeadersResponsePartitionResult {
  const flex = v >= 2;
  const fPartitionId: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: ElectLeadersResponsePartitionResult = { partitionId: fPartitionId, errorCode: fErrorCode, errorMessage: fErrorMessage };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
