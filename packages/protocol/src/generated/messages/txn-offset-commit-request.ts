// Generated from TxnOffsetCommitRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const txnOffsetCommitRequestVersions = { min: 0, max: 6, flexibleMin: 3 } as const;

export interface TxnOffsetCommitRequest {
  transactionalId: string;
  groupId: string;
  producerId: bigint;
  producerEpoch: number;
  generationIdOrMemberEpoch: number;
  memberId: string;
  groupInstanceId: string | null;
  topics: TxnOffsetCommitRequestTxnOffsetCommitRequestTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestInput {
  transactionalId?: string;
  groupId?: string;
  producerId?: bigint;
  producerEpoch?: number;
  generationIdOrMemberEpoch?: number;
  memberId?: string;
  groupInstanceId?: string | null;
  topics?: TxnOffsetCommitRequestTxnOffsetCommitRequestTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestTxnOffsetCommitRequestTopic {
  name: string;
  topicId: string;
  partitions: TxnOffsetCommitRequestTxnOffsetCommitRequestPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestTxnOffsetCommitRequestTopicInput {
  name?: string;
  topicId?: string;
  partitions?: TxnOffsetCommitRequestTxnOffsetCommitRequestPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestTxnOffsetCommitRequestPartition {
  partitionIndex: number;
  committedOffset: bigint;
  committedLeaderEpoch: number;
  committedMetadata: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestTxnOffsetCommitRequestPartitionInput {
  partitionIndex?: number;
  committedOffset?: bigint;
  committedLeaderEpoch?: number;
  committedMetadata?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitRequest(): TxnOffsetCommitRequest {
  return {
    transactionalId: "",
    groupId: "",
    producerId: 0n,
    producerEpoch: 0,
    generationIdOrMemberEpoch: -1,
    memberId: "",
    groupInstanceId: null,
    topics: [],
  };
}

export function defaultTxnOffsetCommitRequestTxnOffsetCommitRequestTopic(): TxnOffsetCommitRequestTxnOffsetCommitRequestTopic {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function defaultTxnOffsetCommitRequestTxnOffsetCommitRequestPartition(): TxnOffsetCommitRequestTxnOffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    committedMetadata: "",
  };
}

export function writeTxnOffsetCommitRequest(w: Writer, v: number, m: TxnOffsetCommitRequestInput): void {
  const flex = v >= 3;
  { const x = m.transactionalId === undefined ? "" : m.transactionalId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.producerEpoch === undefined ? 0 : m.producerEpoch; w.int16(x); }
  if (v >= 3) { const x = m.generationIdOrMemberEpoch === undefined ? -1 : m.generationIdOrMemberEpoch; w.int32(x); }
  if (v >= 3) { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  if (v >= 3) { const x = m.groupInstanceId === undefined ? null : m.groupInstanceId; w.compactNullableString(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeTxnOffsetCommitRequestTxnOffsetCommitRequestTopic(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeTxnOffsetCommitRequestTxnOffsetCommitRequestTopic(w: Writer, v: number, m: TxnOffsetCommitRequestTxnOffsetCommitRequestTopicInput): void {
  const flex = v >= 3;
  if (v <= 5) { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 6) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeTxnOffsetCommitRequestTxnOffsetCommitRequestPartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeTxnOffsetCommitRequestTxnOffsetCommitRequestPartition(w: Writer, v: number, m: TxnOffsetCommitRequestTxnOffsetCommitRequestPartitionInput): void {
  const flex = v >= 3;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.committedOffset === undefined ? 0n : m.committedOffset; w.int64(x); }
  if (v >= 2) { const x = m.committedLeaderEpoch === undefined ? -1 : m.committedLeaderEpoch; w.int32(x); }
  { const x = m.committedMetadata === undefined ? "" : m.committedMetadata; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readTxnOffsetCommitRequest(r: Reader, v: number): TxnOffsetCommitRequest {
  const flex = v >= 3;
  const fTransactionalId: string = (flex ? r.compactString() : r.string());
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fProducerId: bigint = r.int64();
  const fProducerEpoch: number = r.int16();
  const fGenerationIdOrMemberEpoch: number = (v >= 3) ? r.int32() : -1;
  const fMemberId: string = (v >= 3) ? r.compactString() : "";
  const fGroupInstanceId: string | null = (v >= 3) ? r.compactNullableString() : null;
  const fTopics: TxnOffsetCommitRequestTxnOffsetCommitRequestTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readTxnOffsetCommitRequestTxnOffsetCommitRequestTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: TxnOffsetCommitRequest = { transactionalId: fTransactionalId, groupId: fGroupId, producerId: fProducerId, producerEpoch: fProducerEpoch, generationIdOrMemberEpoch: fGenerationIdOrMemberEpoch, memberId: fMemberId, groupInstanceId: fGroupInstanceId, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readTxnOffsetCommitRequestTxnOffsetCommitRequestTopic(r: Reader, v: number): TxnOffsetCommitRequestTxnOffsetCommitRequestTopic {
  const flex = v >= 3;
  const fName: string = (v <= 5) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 6) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitions: TxnOffsetCommitRequestTxnOffsetCommitRequestPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readTxnOffsetCommitRequestTxnOffsetCommitRequestPartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: TxnOffsetCommitRequestTxnOffsetCommitRequestTopic = { name: fName, topicId: fTopicId, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readTxnOffsetCommitRequestTxnOffsetCommitRequestPartition(r: Reader, v: number): TxnOffsetCommitRequestTxnOffsetCommitRequestPartition {
  const flex = v >= 3;
  const fPartitionIndex: number = r.int32();
  const fCommittedOffset: bigint = r.int64();
  const fCommittedLeaderEpoch: number = (v >= 2) ? r.int32() : -1;
  const fCommittedMetadata: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: TxnOffsetCommitRequestTxnOffsetCommitRequestPartition = { partitionIndex: fPartitionIndex, committedOffset: fCommittedOffset, committedLeaderEpoch: fCommittedLeaderEpoch, committedMetadata: fCommittedMetadata };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
