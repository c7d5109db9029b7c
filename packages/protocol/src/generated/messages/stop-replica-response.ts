// Generated from StopReplicaResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const stopReplicaResponseVersions = { min: 0, max: 4, flexibleMin: 2 } as const;

export interface StopReplicaResponse {
  errorCode: number;
  partitionErrors: StopReplicaResponseStopReplicaPartitionError[];
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaResponseInput {
  errorCode?: number;
  partitionErrors?: StopReplicaResponseStopReplicaPartitionErrorInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaResponseStopReplicaPartitionError {
  topicName: string;
  partitionIndex: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface StopReplicaResponseStopReplicaPartitionErrorInput {
  topicName?: string;
  partitionIndex?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultStopReplicaResponse(): StopReplicaResponse {
  return {
    errorCode: 0,
    partitionErrors: [],
  };
}

export function defaultStopReplicaResponseStopReplicaPartitionError(): StopReplicaResponseStopReplicaPartitionError {
  return {
    topicName: "",
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function writeStopReplicaResponse(w: Writer, v: number, m: StopReplicaResponseInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.partitionErrors === undefined ? [] : m.partitionErrors; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeStopReplicaResponseStopReplicaPartitionError(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeStopReplicaResponseStopReplicaPartitionError(w: Writer, v: number, m: StopReplicaResponseStopReplicaPartitionErrorInput): void {
  const flex = v >= 2;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readStopReplicaResponse(r: Reader, v: number): StopReplicaResponse {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fPartitionErrors: StopReplicaResponseStopReplicaPartitionError[] = ((n: number) => { if (n < 0) return nullErr('PartitionErrors'); const a = []; for (let i = 0; i < n; i++) a.push(readStopReplicaResponseStopReplicaPartitionError(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: StopReplicaResponse = { errorCode: fErrorCode, partitionErrors: fPartitionErrors };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readStopReplicaResponseStopReplicaPartitionError(r: Reader, v: number): StopReplicaResponseStopReplicaPartitionError {
  const flex = v >= 2;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: StopReplicaResponseStopReplicaPartitionError = { topicName: fTopicName, partitionIndex: fPartitionIndex, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
