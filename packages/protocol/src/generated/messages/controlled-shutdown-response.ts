// Generated from ControlledShutdownResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const controlledShutdownResponseVersions = { min: 0, max: 3, flexibleMin: 3 } as const;

export interface ControlledShutdownResponse {
  errorCode: number;
  remainingPartitions: ControlledShutdownResponseRemainingPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface ControlledShutdownResponseInput {
  errorCode?: number;
  remainingPartitions?: ControlledShutdownResponseRemainingPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ControlledShutdownResponseRemainingPartition {
  topicName: string;
  partitionIndex: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ControlledShutdownResponseRemainingPartitionInput {
  topicName?: string;
  partitionIndex?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultControlledShutdownResponse(): ControlledShutdownResponse {
  return {
    errorCode: 0,
    remainingPartitions: [],
  };
}

export function defaultControlledShutdownResponseRemainingPartition(): ControlledShutdownResponseRemainingPartition {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

export function writeControlledShutdownResponse(w: Writer, v: number, m: ControlledShutdownResponseInput): void {
  const flex = v >= 3;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.remainingPartitions === undefined ? [] : m.remainingPartitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeControlledShutdownResponseRemainingPartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeControlledShutdownResponseRemainingPartition(w: Writer, v: number, m: ControlledShutdownResponseRemainingPartitionInput): void {
  const flex = v >= 3;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readControlledShutdownResponse(r: Reader, v: number): ControlledShutdownResponse {
  const flex = v >= 3;
  const fErrorCode: number = r.int16();
  const fRemainingPartitions: ControlledShutdownResponseRemainingPartition[] = ((n: number) => { if (n < 0) return nullErr('RemainingPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readControlledShutdownResponseRemainingPartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ControlledShutdownResponse = { errorCode: fErrorCode, remainingPartitions: fRemainingPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readControlledShutdownResponseRemainingPartition(r: Reader, v: number): ControlledShutdownResponseRemainingPartition {
  const flex = v >= 3;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fPartitionIndex: number = r.int32();
  const m: ControlledShutdownResponseRemainingPartition = { topicName: fTopicName, partitionIndex: fPartitionIndex };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
