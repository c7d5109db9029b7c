// Generated from AlterReplicaLogDirsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterReplicaLogDirsResponseVersions = { min: 1, max: 2, flexibleMin: 2 } as const;

export interface AlterReplicaLogDirsResponse {
  throttleTimeMs: number;
  results: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseInput {
  throttleTimeMs?: number;
  results?: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  topicName: string;
  partitions: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResultInput {
  topicName?: string;
  partitions?: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  partitionIndex: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResultInput {
  partitionIndex?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsResponse(): AlterReplicaLogDirsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function defaultAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(): AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(): AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function writeAlterReplicaLogDirsResponse(w: Writer, v: number, m: AlterReplicaLogDirsResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(w: Writer, v: number, m: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResultInput): void {
  const flex = v >= 2;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(w: Writer, v: number, m: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResultInput): void {
  const flex = v >= 2;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readAlterReplicaLogDirsResponse(r: Reader, v: number): AlterReplicaLogDirsResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fResults: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterReplicaLogDirsResponse = { throttleTimeMs: fThrottleTimeMs, results: fResults };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(r: Reader, v: number): AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  const flex = v >= 2;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fPartitions: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult = { topicName: fTopicName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(r: Reader, v: number): AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  const flex = v >= 2;
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult = { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
