// Generated from CreateTopicsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const createTopicsRequestVersions = { min: 0, max: 7, flexibleMin: 5 } as const;

export interface CreateTopicsRequest {
  topics: CreateTopicsRequestCreatableTopic[];
  timeoutMs: number;
  validateOnly: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestInput {
  topics?: CreateTopicsRequestCreatableTopicInput[];
  timeoutMs?: number;
  validateOnly?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableTopic {
  name: string;
  numPartitions: number;
  replicationFactor: number;
  assignments: CreateTopicsRequestCreatableReplicaAssignment[];
  configs: CreateTopicsRequestCreatableTopicConfig[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableTopicInput {
  name?: string;
  numPartitions?: number;
  replicationFactor?: number;
  assignments?: CreateTopicsRequestCreatableReplicaAssignmentInput[];
  configs?: CreateTopicsRequestCreatableTopicConfigInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableReplicaAssignment {
  partitionIndex: number;
  brokerIds: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableReplicaAssignmentInput {
  partitionIndex?: number;
  brokerIds?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableTopicConfig {
  name: string;
  value: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableTopicConfigInput {
  name?: string;
  value?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsRequest(): CreateTopicsRequest {
  return {
    topics: [],
    timeoutMs: 60000,
    validateOnly: false,
  };
}

export function defaultCreateTopicsRequestCreatableTopic(): CreateTopicsRequestCreatableTopic {
  return {
    name: "",
    numPartitions: 0,
    replicationFactor: 0,
    assignments: [],
    configs: [],
  };
}

export function defaultCreateTopicsRequestCreatableReplicaAssignment(): CreateTopicsRequestCreatableReplicaAssignment {
  return {
    partitionIndex: 0,
    brokerIds: [],
  };
}

export function defaultCreateTopicsRequestCreatableTopicConfig(): CreateTopicsRequestCreatableTopicConfig {
  return {
    name: "",
    value: "",
  };
}

export function writeCreateTopicsRequest(w: Writer, v: number, m: CreateTopicsRequestInput): void {
  const flex = v >= 5;
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeCreateTopicsRequestCreatableTopic(w, v, e); } } }
  { const x = m.timeoutMs === undefined ? 60000 : m.timeoutMs; w.int32(x); }
  if (v >= 1) { const x = m.validateOnly === undefined ? false : m.validateOnly; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreateTopicsRequestCreatableTopic(w: Writer, v: number, m: CreateTopicsRequestCreatableTopicInput): void {
  const flex = v >= 5;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.numPartitions === undefined ? 0 : m.numPartitions; w.int32(x); }
  { const x = m.replicationFactor === undefined ? 0 : m.replicationFactor; w.int16(x); }
  { const x = m.assignments === undefined ? [] : m.assignments; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeCreateTopicsRequestCreatableReplicaAssignment(w, v, e); } } }
  { const x = m.configs === undefined ? [] : m.configs; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeCreateTopicsRequestCreatableTopicConfig(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreateTopicsRequestCreatableReplicaAssignment(w: Writer, v: number, m: CreateTopicsRequestCreatableReplicaAssignmentInput): void {
  const flex = v >= 5;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.brokerIds === undefined ? [] : m.brokerIds; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreateTopicsRequestCreatableTopicConfig(w: Writer, v: number, m: CreateTopicsRequestCreatableTopicConfigInput): void {
  const flex = v >= 5;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.value === undefined ? "" : m.value; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readCreateTopicsRequest(r: Reader, v: number): CreateTopicsRequest {
  const flex = v >= 5;
  const fTopics: CreateTopicsRequestCreatableTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readCreateTopicsRequestCreatableTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const ftimeoutMs: number = r.int32();
  const fvalidateOnly: boolean = (v >= 1) ? r.bool() : false;
  const m: CreateTopicsRequest = { topics: fTopics, timeoutMs: ftimeoutMs, validateOnly: fvalidateOnly };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreateTopicsRequestCreatableTopic(r: Reader, v: number): CreateTopicsRequestCreatableTopic {
  const flex = v >= 5;
  const fName: string = (flex ? r.compactString() : r.string());
  const fNumPartitions: number = r.int32();
  const fReplicationFactor: number = r.int16();
  const fAssignments: CreateTopicsRequestCreatableReplicaAssignment[] = ((n: number) => { if (n < 0) return nullErr('Assignments'); const a = []; for (let i = 0; i < n; i++) a.push(readCreateTopicsRequestCreatableReplicaAssignment(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fConfigs: CreateTopicsRequestCreatableTopicConfig[] = ((n: number) => { if (n < 0) return nullErr('Configs'); const a = []; for (let i = 0; i < n; i++) a.push(readCreateTopicsRequestCreatableTopicConfig(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: CreateTopicsRequestCreatableTopic = { name: fName, numPartitions: fNumPartitions, replicationFactor: fReplicationFactor, assignments: fAssignments, configs: fConfigs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreateTopicsRequestCreatableReplicaAssignment(r: Reader, v: number): CreateTopicsRequestCreatableReplicaAssignment {
  const flex = v >= 5;
  const fPartitionIndex: number = r.int32();
  const fBrokerIds: number[] = ((n: number) => { if (n < 0) return nullErr('BrokerIds'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: CreateTopicsRequestCreatableReplicaAssignment = { partitionIndex: fPartitionIndex, brokerIds: fBrokerIds };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreateTopicsRequestCreatableTopicConfig(r: Reader, v: number): CreateTopicsRequestCreatableTopicConfig {
  const flex = v >= 5;
  const fName: string = (flex ? r.compactString() : r.string());
  const fValue: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: CreateTopicsRequestCreatableTopicConfig = { name: fName, value: fValue };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
