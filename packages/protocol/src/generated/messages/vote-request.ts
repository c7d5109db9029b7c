// Generated from VoteRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const voteRequestVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface VoteRequest {
  clusterId: string | null;
  voterId: number;
  topics: VoteRequestTopicData[];
  unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestInput {
  clusterId?: string | null;
  voterId?: number;
  topics?: VoteRequestTopicDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestTopicData {
  topicName: string;
  partitions: VoteRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestTopicDataInput {
  topicName?: string;
  partitions?: VoteRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestPartitionData {
  partitionIndex: number;
  replicaEpoch: number;
  replicaId: number;
  replicaDirectoryId: string;
  voterDirectoryId: string;
  lastOffsetEpoch: number;
  lastOffset: bigint;
  preVote: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestPartitionDataInput {
  partitionIndex?: number;
  replicaEpoch?: number;
  replicaId?: number;
  replicaDirectoryId?: string;
  voterDirectoryId?: string;
  lastOffsetEpoch?: number;
  lastOffset?: bigint;
  preVote?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultVoteRequest(): VoteRequest {
  return {
    clusterId: null,
    voterId: -1,
    topics: [],
  };
}

export function defaultVoteRequestTopicData(): VoteRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultVoteRequestPartitionData(): VoteRequestPartitionData {
  return {
    partitionIndex: 0,
    replicaEpoch: 0,
    replicaId: 0,
    replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    lastOffsetEpoch: 0,
    lastOffset: 0n,
    preVote: false,
  };
}

export function writeVoteRequest(w: Writer, v: number, m: VoteRequestInput): void {
  { const x = m.clusterId === undefined ? null : m.clusterId; w.compactNullableString(x); }
  if (v >= 1) { const x = m.voterId === undefined ? -1 : m.voterId; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeVoteRequestTopicData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeVoteRequestTopicData(w: Writer, v: number, m: VoteRequestTopicDataInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeVoteRequestPartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeVoteRequestPartitionData(w: Writer, v: number, m: VoteRequestPartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.replicaEpoch === undefined ? 0 : m.replicaEpoch; w.int32(x); }
  { const x = m.replicaId === undefined ? 0 : m.replicaId; w.int32(x); }
  if (v >= 1) { const x = m.replicaDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.replicaDirectoryId; w.uuid(x); }
  if (v >= 1) { const x = m.voterDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.voterDirectoryId; w.uuid(x); }
  { const x = m.lastOffsetEpoch === undefined ? 0 : m.lastOffsetEpoch; w.int32(x); }
  { const x = m.lastOffset === undefined ? 0n : m.lastOffset; w.int64(x); }
  if (v >= 2) { const x = m.preVote === undefined ? false : m.preVote; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readVoteRequest(r: Reader, v: number): VoteRequest {
  const fClusterId: string | null = r.compactNullableString();
  const fVoterId: number = (v >= 1) ? r.int32() : -1;
  const fTopics: VoteRequestTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readVoteRequestTopicData(r, v)); return a; })(r.compactArrayLength());
  const m: VoteRequest = { clusterId: fClusterId, voterId: fVoterId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readVoteRequestTopicData(r: Reader, v: number): VoteRequestTopicData {
  const fTopicName: string = r.compactString();
  const fPartitions: VoteRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readVoteRequestPartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: VoteRequestTopicData = { topicName: fTopicName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readVoteRequestPartitionData(r: Reader, v: number): VoteRequestPartitionData {
  const fPartitionIndex: number = r.int32();
  const fReplicaEpoch: number = r.int32();
  const fReplicaId: number = r.int32();
  const fReplicaDirectoryId: string = (v >= 1) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fVoterDirectoryId: string = (v >= 1) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fLastOffsetEpoch: number = r.int32();
  const fLastOffset: bigint = r.int64();
  const fPreVote: boolean = (v >= 2) ? r.bool() : false;
  const m: VoteRequestPartitionData = { partitionIndex: fPartitionIndex, replicaEpoch: fReplicaEpoch, replicaId: fReplicaId, replicaDirectoryId: fReplicaDirectoryId, voterDirectoryId: fVoterDirectoryId, lastOffsetEpoch: fLastOffsetEpoch, lastOffset: fLastOffset, preVote: fPreVote };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
