// Generated from ListPartitionReassignmentsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listPartitionReassignmentsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface ListPartitionReassignmentsResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  topics: ListPartitionReassignmentsResponseOngoingTopicReassignment[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  topics?: ListPartitionReassignmentsResponseOngoingTopicReassignmentInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseOngoingTopicReassignment {
  name: string;
  partitions: ListPartitionReassignmentsResponseOngoingPartitionReassignment[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseOngoingTopicReassignmentInput {
  name?: string;
  partitions?: ListPartitionReassignmentsResponseOngoingPartitionReassignmentInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  partitionIndex: number;
  replicas: number[];
  addingReplicas: number[];
  removingReplicas: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseOngoingPartitionReassignmentInput {
  partitionIndex?: number;
  replicas?: number[];
  addingReplicas?: number[];
  removingReplicas?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsResponse(): ListPartitionReassignmentsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    topics: [],
  };
}

export function defaultListPartitionReassignmentsResponseOngoingTopicReassignment(): ListPartitionReassignmentsResponseOngoingTopicReassignment {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultListPartitionReassignmentsResponseOngoingPartitionReassignment(): ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  return {
    partitionIndex: 0,
    replicas: [],
    addingReplicas: [],
    removingReplicas: [],
  };
}

export function writeListPartitionReassignmentsResponse(w: Writer, v: number, m: ListPartitionReassignmentsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeListPartitionReassignmentsResponseOngoingTopicReassignment(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeListPartitionReassignmentsResponseOngoingTopicReassignment(w: Writer, v: number, m: ListPartitionReassignmentsResponseOngoingTopicReassignmentInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeListPartitionReassignmentsResponseOngoingPartitionReassignment(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeListPartitionReassignmentsResponseOngoingPartitionReassignment(w: Writer, v: number, m: ListPartitionReassignmentsResponseOngoingPartitionReassignmentInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.replicas === undefined ? [] : m.replicas; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  { const x = m.addingReplicas === undefined ? [] : m.addingReplicas; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  { const x = m.removingReplicas === undefined ? [] : m.removingReplicas; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readListPartitionReassignmentsResponse(r: Reader, v: number): ListPartitionReassignmentsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fTopics: ListPartitionReassignmentsResponseOngoingTopicReassignment[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readListPartitionReassignmentsResponseOngoingTopicReassignment(r, v)); return a; })(r.compactArrayLength());
  const m: ListPartitionReassignmentsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readListPartitionReassignmentsResponseOngoingTopicReassignment(r: Reader, v: number): ListPartitionReassignmentsResponseOngoingTopicReassignment {
  const fName: string = r.compactString();
  const fPartitions: ListPartitionReassignmentsResponseOngoingPartitionReassignment[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readListPartitionReassignmentsResponseOngoingPartitionReassignment(r, v)); return a; })(r.compactArrayLength());
  const m: ListPartitionReassignmentsResponseOngoingTopicReassignment = { name: fName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readListPartitionReassignmentsResponseOngoingPartitionReassignment(r: Reader, v: number): ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  const fPartitionIndex: number = r.int32();
  const fReplicas: number[] = ((n: number) => { if (n < 0) return nullErr('Replicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const fAddingReplicas: number[] = ((n: number) => { if (n < 0) return nullErr('AddingReplicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const fRemovingReplicas: number[] = ((n: number) => { if (n < 0) return nullErr('RemovingReplicas'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: ListPartitionReassignmentsResponseOngoingPartitionReassignment = { partitionIndex: fPartitionIndex, replicas: fReplicas, addingReplicas: fAddingReplicas, removingReplicas: fRemovingReplicas };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
