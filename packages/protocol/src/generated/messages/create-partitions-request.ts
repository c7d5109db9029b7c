// Generated from CreatePartitionsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const createPartitionsRequestVersions = { min: 0, max: 3, flexibleMin: 2 } as const;

export interface CreatePartitionsRequest {
  topics: CreatePartitionsRequestCreatePartitionsTopic[];
  timeoutMs: number;
  validateOnly: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestInput {
  topics?: CreatePartitionsRequestCreatePartitionsTopicInput[];
  timeoutMs?: number;
  validateOnly?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestCreatePartitionsTopic {
  name: string;
  count: number;
  assignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestCreatePartitionsTopicInput {
  name?: string;
  count?: number;
  assignments?: CreatePartitionsRequestCreatePartitionsAssignmentInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestCreatePartitionsAssignment {
  brokerIds: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestCreatePartitionsAssignmentInput {
  brokerIds?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultCreatePartitionsRequest(): CreatePartitionsRequest {
  return {
    topics: [],
    timeoutMs: 0,
    validateOnly: false,
  };
}

export function defaultCreatePartitionsRequestCreatePartitionsTopic(): CreatePartitionsRequestCreatePartitionsTopic {
  return {
    name: "",
    count: 0,
    assignments: [],
  };
}

export function defaultCreatePartitionsRequestCreatePartitionsAssignment(): CreatePartitionsRequestCreatePartitionsAssignment {
  return {
    brokerIds: [],
  };
}

export function writeCreatePartitionsRequest(w: Writer, v: number, m: CreatePartitionsRequestInput): void {
  const flex = v >= 2;
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeCreatePartitionsRequestCreatePartitionsTopic(w, v, e); } } }
  { const x = m.timeoutMs === undefined ? 0 : m.timeoutMs; w.int32(x); }
  { const x = m.validateOnly === undefined ? false : m.validateOnly; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreatePartitionsRequestCreatePartitionsTopic(w: Writer, v: number, m: CreatePartitionsRequestCreatePartitionsTopicInput): void {
  const flex = v >= 2;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.count === undefined ? 0 : m.count; w.int32(x); }
  { const x = m.assignments === undefined ? [] : m.assignments; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { writeCreatePartitionsRequestCreatePartitionsAssignment(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreatePartitionsRequestCreatePartitionsAssignment(w: Writer, v: number, m: CreatePartitionsRequestCreatePartitionsAssignmentInput): void {
  const flex = v >= 2;
  { const x = m.brokerIds === undefined ? [] : m.brokerIds; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readCreatePartitionsRequest(r: Reader, v: number): CreatePartitionsRequest {
  const flex = v >= 2;
  const fTopics: CreatePartitionsRequestCreatePartitionsTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readCreatePartitionsRequestCreatePartitionsTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fTimeoutMs: number = r.int32();
  const fValidateOnly: boolean = r.bool();
  const m: CreatePartitionsRequest = { topics: fTopics, timeoutMs: fTimeoutMs, validateOnly: fValidateOnly };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreatePartitionsRequestCreatePartitionsTopic(r: Reader, v: number): CreatePartitionsRequestCreatePartitionsTopic {
  const flex = v >= 2;
  const fName: string = (flex ? r.compactString() : r.string());
  const fCount: number = r.int32();
  const fAssignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readCreatePartitionsRequestCreatePartitionsAssignment(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: CreatePartitionsRequestCreatePartitionsTopic = { name: fName, count: fCount, assignments: fAssignments };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreatePartitionsRequestCreatePartitionsAssignment(r: Reader, v: number): CreatePartitionsRequestCreatePartitionsAssignment {
  const flex = v >= 2;
  const fBrokerIds: number[] = ((n: number) => { if (n < 0) return nullErr('BrokerIds'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: CreatePartitionsRequestCreatePartitionsAssignment = { brokerIds: fBrokerIds };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
