// Generated from ConsumerProtocolAssignment.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const consumerProtocolAssignmentVersions = { min: 0, max: 3, flexibleMin: -1 } as const;

export interface ConsumerProtocolAssignment {
  assignedPartitions: ConsumerProtocolAssignmentTopicPartition[];
  userData: Buffer | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerProtocolAssignmentInput {
  assignedPartitions?: ConsumerProtocolAssignmentTopicPartitionInput[];
  userData?: Buffer | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerProtocolAssignmentTopicPartition {
  topic: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerProtocolAssignmentTopicPartitionInput {
  topic?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerProtocolAssignment(): ConsumerProtocolAssignment {
  return {
    assignedPartitions: [],
    userData: null,
  };
}

export function defaultConsumerProtocolAssignmentTopicPartition(): ConsumerProtocolAssignmentTopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}

export function writeConsumerProtocolAssignment(w: Writer, v: number, m: ConsumerProtocolAssignmentInput): void {
  { const x = m.assignedPartitions === undefined ? [] : m.assignedPartitions; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeConsumerProtocolAssignmentTopicPartition(w, v, e); } } }
  { const x = m.userData === undefined ? null : m.userData; w.nullableBytes(x); }
}

function writeConsumerProtocolAssignmentTopicPartition(w: Writer, v: number, m: ConsumerProtocolAssignmentTopicPartitionInput): void {
  { const x = m.topic === undefined ? "" : m.topic; w.string(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.int32(a.length); for (const e of a) { w.int32(e); } } }
}

export function readConsumerProtocolAssignment(r: Reader, v: number): ConsumerProtocolAssignment {
  const fAssignedPartitions: ConsumerProtocolAssignmentTopicPartition[] = ((n: number) => { if (n < 0) return nullErr('AssignedPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readConsumerProtocolAssignmentTopicPartition(r, v)); return a; })(r.arrayLength());
  const fUserData: Buffer | null = r.nullableBytes();
  const m: ConsumerProtocolAssignment = { assignedPartitions: fAssignedPartitions, userData: fUserData };
  return m;
}

function readConsumerProtocolAssignmentTopicPartition(r: Reader, v: number): ConsumerProtocolAssignmentTopicPartition {
  const fTopic: string = r.string();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.arrayLength());
  const m: ConsumerProtocolAssignmentTopicPartition = { topic: fTopic, partitions: fPartitions };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
