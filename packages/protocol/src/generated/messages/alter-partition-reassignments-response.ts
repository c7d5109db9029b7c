// Generated from AlterPartitionReassignmentsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterPartitionReassignmentsResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface AlterPartitionReassignmentsResponse {
  throttleTimeMs: number;
  allowReplicationFactorChange: boolean;
  errorCode: number;
  errorMessage: string | null;
  responses: AlterPartitionReassignmentsResponseReassignableTopicResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseInput {
  throttleTimeMs?: number;
  allowReplicationFactorChange?: boolean;
  errorCode?: number;
  errorMessage?: string | null;
  responses?: AlterPartitionReassignmentsResponseReassignableTopicResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseReassignableTopicResponse {
  name: string;
  partitions: AlterPartitionReassignmentsResponseReassignablePartitionResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseReassignableTopicResponseInput {
  name?: string;
  partitions?: AlterPartitionReassignmentsResponseReassignablePartitionResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  partitionIndex: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseReassignablePartitionResponseInput {
  partitionIndex?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsResponse(): AlterPartitionReassignmentsResponse {
  return {
    throttleTimeMs: 0,
    allowReplicationFactorChange: true,
    errorCode: 0,
    errorMessage: "",
    responses: [],
  };
}

export function defaultAlterPartitionReassignmentsResponseReassignableTopicResponse(): AlterPartitionReassignmentsResponseReassignableTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultAlterPartitionReassignmentsResponseReassignablePartitionResponse(): AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function writeAlterPartitionReassignmentsResponse(w: Writer, v: number, m: AlterPartitionReassignmentsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (v >= 1) { const x = m.allowReplicationFactorChange === undefined ? true : m.allowReplicationFactorChange; w.bool(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionReassignmentsResponseReassignableTopicResponse(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionReassignmentsResponseReassignableTopicResponse(w: Writer, v: number, m: AlterPartitionReassignmentsResponseReassignableTopicResponseInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(w: Writer, v: number, m: AlterPartitionReassignmentsResponseReassignablePartitionResponseInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAlterPartitionReassignmentsResponse(r: Reader, v: number): AlterPartitionReassignmentsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fAllowReplicationFactorChange: boolean = (v >= 1) ? r.bool() : true;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fResponses: AlterPartitionReassignmentsResponseReassignableTopicResponse[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionReassignmentsResponseReassignableTopicResponse(r, v)); return a; })(r.compactArrayLength());
  const m: AlterPartitionReassignmentsResponse = { throttleTimeMs: fThrottleTimeMs, allowReplicationFactorChange: fAllowReplicationFactorChange, errorCode: fErrorCode, errorMessage: fErrorMessage, responses: fResponses };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionReassignmentsResponseReassignableTopicResponse(r: Reader, v: number): AlterPartitionReassignmentsResponseReassignableTopicResponse {
  const fName: string = r.compactString();
  const fPartitions: AlterPartitionReassignmentsResponseReassignablePartitionResponse[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionReassignmentsResponseReassignablePartitionResponse(r, v)); return a; })(r.compactArrayLength());
  const m: AlterPartitionReassignmentsResponseReassignableTopicResponse = { name: fName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionReassignmentsResponseReassignablePartitionResponse(r: Reader, v: number): AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: AlterPartitionReassignmentsResponseReassignablePartitionResponse = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
