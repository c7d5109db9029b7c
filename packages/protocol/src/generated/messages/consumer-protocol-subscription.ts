// Generated from ConsumerProtocolSubscription.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const consumerProtocolSubscriptionVersions = { min: 0, max: 3, flexibleMin: -1 } as const;

export interface ConsumerProtocolSubscription {
  topics: string[];
  userData: Buffer | null;
  ownedPartitions: ConsumerProtocolSubscriptionTopicPartition[];
  generationId: number;
  rackId: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerProtocolSubscriptionInput {
  topics?: string[];
  userData?: Buffer | null;
  ownedPartitions?: ConsumerProtocolSubscriptionTopicPartitionInput[];
  generationId?: number;
  rackId?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerProtocolSubscriptionTopicPartition {
  topic: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerProtocolSubscriptionTopicPartitionInput {
  topic?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerProtocolSubscription(): ConsumerProtocolSubscription {
  return {
    topics: [],
    userData: null,
    ownedPartitions: [],
    generationId: -1,
    rackId: null,
  };
}

export function defaultConsumerProtocolSubscriptionTopicPartition(): ConsumerProtocolSubscriptionTopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}

export function writeConsumerProtocolSubscription(w: Writer, v: number, m: ConsumerProtocolSubscriptionInput): void {
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.int32(a.length); for (const e of a) { w.string(e ?? ''); } } }
  { const x = m.userData === undefined ? null : m.userData; w.nullableBytes(x); }
  if (v >= 1) { const x = m.ownedPartitions === undefined ? [] : m.ownedPartitions; { const a = x ?? []; w.int32(a.length); for (const e of a) { writeConsumerProtocolSubscriptionTopicPartition(w, v, e); } } }
  if (v >= 2) { const x = m.generationId === undefined ? -1 : m.generationId; w.int32(x); }
  if (v >= 3) { const x = m.rackId === undefined ? null : m.rackId; w.nullableString(x); }
}

function writeConsumerProtocolSubscriptionTopicPartition(w: Writer, v: number, m: ConsumerProtocolSubscriptionTopicPartitionInput): void {
  { const x = m.topic === undefined ? "" : m.topic; w.string(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.int32(a.length); for (const e of a) { w.int32(e); } } }
}

export function readConsumerProtocolSubscription(r: Reader, v: number): ConsumerProtocolSubscription {
  const fTopics: string[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(r.string()); return a; })(r.arrayLength());
  const fUserData: Buffer | null = r.nullableBytes();
  const fOwnedPartitions: ConsumerProtocolSubscriptionTopicPartition[] = (v >= 1) ? ((n: number) => { if (n < 0) return nullErr('OwnedPartitions'); const a = []; for (let i = 0; i < n; i++) a.push(readConsumerProtocolSubscriptionTopicPartition(r, v)); return a; })(r.arrayLength()) : [];
  const fGenerationId: number = (v >= 2) ? r.int32() : -1;
  const fRackId: string | null = (v >= 3) ? r.nullableString() : null;
  const m: ConsumerProtocolSubscription = { topics: fTopics, userData: fUserData, ownedPartitions: fOwnedPartitions, generationId: fGenerationId, rackId: fRackId };
  return m;
}

function readConsumerProtocolSubscriptionTopicPartition(r: Reader, v: number): ConsumerProtocolSubscriptionTopicPartition {
  const fTopic: string = r.string();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.arrayLength());
  const m: ConsumerProtocolSubscriptionTopicPartition = { topic: fTopic, partitions: fPartitions };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
