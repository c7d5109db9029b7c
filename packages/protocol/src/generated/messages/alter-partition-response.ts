// Generated from AlterPartitionResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterPartitionResponseVersions = { min: 2, max: 3, flexibleMin: 0 } as const;

export interface AlterPartitionResponse {
  throttleTimeMs: number;
  errorCode: number;
  topics: AlterPartitionResponseTopicData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  topics?: AlterPartitionResponseTopicDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponseTopicData {
  topicId: string;
  partitions: AlterPartitionResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponseTopicDataInput {
  topicId?: string;
  partitions?: AlterPartitionResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  isr: number[];
  leaderRecoveryState: number;
  partitionEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  leaderId?: number;
  leaderEpoch?: number;
  isr?: number[];
  leaderRecoveryState?: number;
  partitionEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionResponse(): AlterPartitionResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [],
  };
}

export function defaultAlterPartitionResponseTopicData(): AlterPartitionResponseTopicData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultAlterPartitionResponsePartitionData(): AlterPartitionResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
    isr: [],
    leaderRecoveryState: 0,
    partitionEpoch: 0,
  };
}

export function writeAlterPartitionResponse(w: Writer, v: number, m: AlterPartitionResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionResponseTopicData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionResponseTopicData(w: Writer, v: number, m: AlterPartitionResponseTopicDataInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterPartitionResponsePartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterPartitionResponsePartitionData(w: Writer, v: number, m: AlterPartitionResponsePartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  { const x = m.isr === undefined ? [] : m.isr; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  { const x = m.leaderRecoveryState === undefined ? 0 : m.leaderRecoveryState; w.int8(x); }
  { const x = m.partitionEpoch === undefined ? 0 : m.partitionEpoch; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAlterPartitionResponse(r: Reader, v: number): AlterPartitionResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fTopics: AlterPartitionResponseTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionResponseTopicData(r, v)); return a; })(r.compactArrayLength());
  const m: AlterPartitionResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionResponseTopicData(r: Reader, v: number): AlterPartitionResponseTopicData {
  const fTopicId: string = r.uuid();
  const fPartitions: AlterPartitionResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterPartitionResponsePartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: AlterPartitionResponseTopicData = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterPartitionResponsePartitionData(r: Reader, v: number): AlterPartitionResponsePartitionData {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fIsr: number[] = ((n: number) => { if (n < 0) return nullErr('Isr'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const fLeaderRecoveryState: number = r.int8();
  const fPartitionEpoch: number = r.int32();
  const m: AlterPartitionResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, isr: fIsr, leaderRecoveryState: fLeaderRecoveryState, partitionEpoch: fPartitionEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
