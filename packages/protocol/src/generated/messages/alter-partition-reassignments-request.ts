// Generated from AlterPartitionReassignmentsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterPartitionReassignmentsRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface AlterPartitionReassignmentsRequest {
  timeoutMs: number;
  allowReplicationFactorChange: boolean;
  topics: AlterPartitionReassignmentsRequestReassignableTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestInput {
  timeoutMs?: number;
  allowReplicationFactorChange?: boolean;
  topics?: AlterPartitionReassignmentsRequestReassignableTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestReassignableTopic {
  name: string;
  partitions: AlterPartitionReassignmentsRequestReassignablePartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestReassignableTopicInput {
  name?: string;
  partitions?: AlterPartitionReassignmentsRequestReassignablePartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestReassignablePartition {
  partitionIndex: number;
  replicas: number[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestReassignablePartitionInput {
  partitionIndex?: number;
  replicas?: number[] | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsRequest(): AlterPartitionReassignmentsRequest {
  return {
    timeoutMs: 60000,
    allowReplicationFactorChange: true,
    topics: [],
  };
}

export function defaultAlterPartitionReassignmentsRequestReassignableTopic(): AlterPartitionReassignmentsRequestReassignableTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultAlterPartitionReassignmentsRequestReassignablePartition(): AlterPartitionReassignmentsRequestReassignablePartition {
  return {
    partitionIndex: 0,
    replicas: null,
  };
}

export function writeAlterPartitionReassignmentsRequest(w: Writer, v: number, m: AlterPartitionReassignmentsRequestInput): void {
  { const x = m.timeoutMs === undefined ? 60000 : m.timeoutMs; w.int32(x); }
  if (v >= 1) { const x = m.allowReplicationFactorChange === undefined ? true : m.allowReplicationFactorChange; w.bool(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionReassignmentsRequestReassignableTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionReassignmentsRequestReassignableTopic(w: Writer, v: number, m: AlterPartitionReassignmentsRequestReassignableTopicInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionReassignmentsRequestReassignablePartition(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionReassignmentsRequestReassignablePartition(w: Writer, v: number, m: AlterPartitionReassignmentsRequestReassignablePartitionInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.replicas === undefined ? null : m.replicas; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAlterPartitionReassignmentsRequest(r: Reader, v: number): AlterPartitionReassignmentsRequest {
  const fTimeoutMs: number = r.int32();
  const fAllowReplicationFactorChange: boolean = (v >= 1) ? r.bool() : true;
  const fTopics: AlterPartitionReassignmentsRequestReassignableTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionReassignmentsRequestReassignableTopic(r, v)); return a; })(r.compactArrayLength());
  const m: AlterPartitionReassignmentsRequest = { timeoutMs: fTimeoutMs, allowReplicationFactorChange: fAllowReplicationFactorChange, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionReassignmentsRequestReassignableTopic(r: Reader, v: number): AlterPartitionReassignmentsRequestReassignableTopic {
  const fName: string = r.compactString();
  const fPartitions: AlterPartitionReassignmentsRequestReassignablePartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionReassignmentsRequestReassignablePartition(r, v)); return a; })(r.compactArrayLength());
  const m: AlterPartitionReassignmentsRequestReassignableTopic = { name: fName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionReassignmentsRequestReassignablePartition(r: Reader, v: number): AlterPartitionReassignmentsRequestReassignablePartition {
  const fPartitionIndex: number = r.int32();
  const fReplicas: number[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: AlterPartitionReassignmentsRequestReassignablePartition = { partitionIndex: fPartitionIndex, replicas: fReplicas };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
