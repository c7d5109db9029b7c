// Generated from ElectLeadersRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const electLeadersRequestVersions = { min: 0, max: 2, flexibleMin: 2 } as const;

export interface ElectLeadersRequest {
  electionType: number;
  topicPartitions: ElectLeadersRequestTopicPartitions[] | null;
  timeoutMs: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersRequestInput {
  electionType?: number;
  topicPartitions?: ElectLeadersRequestTopicPartitionsInput[] | null;
  timeoutMs?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersRequestTopicPartitions {
  topic: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersRequestTopicPartitionsInput {
  topic?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersRequest(): ElectLeadersRequest {
  return {
    electionType: 0,
    topicPartitions: [],
    timeoutMs: 60000,
  };
}

export function defaultElectLeadersRequestTopicPartitions(): ElectLeadersRequestTopicPartitions {
  return {
    topic: "",
    partitions: [],
  };
}

export function writeElectLeadersRequest(w: Writer, v: number, m: ElectLeadersRequestInput): void {
  const flex = v >= 2;
  if (v >= 1) { const x = m.electionType === undefined ? 0 : m.electionType; w.int8(x); }
  { const x = m.topicPartitions === undefined ? [] : m.topicPartitions; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { writeElectLeadersRequestTopicPartitions(w, v, e); } } }
  { const x = m.timeoutMs === undefined ? 60000 : m.timeoutMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeElectLeadersRequestTopicPartitions(w: Writer, v: number, m: ElectLeadersRequestTopicPartitionsInput): void {
  const flex = v >= 2;
  { const x = m.topic === undefined ? "" : m.topic; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readElectLeadersRequest(r: Reader, v: number): ElectLeadersRequest {
  const flex = v >= 2;
  const fElectionType: number = (v >= 1) ? r.int8() : 0;
  const fTopicPartitions: ElectLeadersRequestTopicPartitions[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readElectLeadersRequestTopicPartitions(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fTimeoutMs: number = r.int32();
  const m: ElectLeadersRequest = { electionType: fElectionType, topicPartitions: fTopicPartitions, timeoutMs: fTimeoutMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readElectLeadersRequestTopicPartitions(r: Reader, v: number): ElectLeadersRequestTopicPartitions {
  const flex = v >= 2;
  const fTopic: string = (flex ? r.compactString() : r.string());
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ElectLeadersRequestTopicPartitions = { topic: fTopic, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
