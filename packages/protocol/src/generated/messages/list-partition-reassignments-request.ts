// Generated from ListPartitionReassignmentsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listPartitionReassignmentsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface ListPartitionReassignmentsRequest {
  timeoutMs: number;
  topics: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsRequestInput {
  timeoutMs?: number;
  topics?: ListPartitionReassignmentsRequestListPartitionReassignmentsTopicsInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  name: string;
  partitionIndexes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsRequestListPartitionReassignmentsTopicsInput {
  name?: string;
  partitionIndexes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsRequest(): ListPartitionReassignmentsRequest {
  return {
    timeoutMs: 60000,
    topics: null,
  };
}

export function defaultListPartitionReassignmentsRequestListPartitionReassignmentsTopics(): ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function writeListPartitionReassignmentsRequest(w: Writer, v: number, m: ListPartitionReassignmentsRequestInput): void {
  { const x = m.timeoutMs === undefined ? 60000 : m.timeoutMs; w.int32(x); }
  { const x = m.topics === undefined ? null : m.topics; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(w: Writer, v: number, m: ListPartitionReassignmentsRequestListPartitionReassignmentsTopicsInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.partitionIndexes === undefined ? [] : m.partitionIndexes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readListPartitionReassignmentsRequest(r: Reader, v: number): ListPartitionReassignmentsRequest {
  const fTimeoutMs: number = r.int32();
  const fTopics: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(r, v)); return a; })(r.compactArrayLength());
  const m: ListPartitionReassignmentsRequest = { timeoutMs: fTimeoutMs, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(r: Reader, v: number): ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  const fName: string = r.compactString();
  const fPartitionIndexes: number[] = ((n: number) => { if (n < 0) return nullErr('PartitionIndexes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics = { name: fName, partitionIndexes: fPartitionIndexes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
