// Generated from VoteResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const voteResponseVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface VoteResponse {
  errorCode: number;
  topics: VoteResponseTopicData[];
  nodeEndpoints: VoteResponseNodeEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseInput {
  errorCode?: number;
  topics?: VoteResponseTopicDataInput[];
  nodeEndpoints?: VoteResponseNodeEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseTopicData {
  topicName: string;
  partitions: VoteResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseTopicDataInput {
  topicName?: string;
  partitions?: VoteResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface VoteResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  voteGranted: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface VoteResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  leaderId?: number;
  leaderEpoch?: number;
  voteGranted?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseNodeEndpointInput {
  nodeId?: number;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultVoteResponse(): VoteResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

export function defaultVoteResponseTopicData(): VoteResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultVoteResponsePartitionData(): VoteResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
    voteGranted: false,
  };
}

export function defaultVoteResponseNodeEndpoint(): VoteResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

export function writeVoteResponse(w: Writer, v: number, m: VoteResponseInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeVoteResponseTopicData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  if (v >= 1) { const x = m.nodeEndpoints === undefined ? [] : m.nodeEndpoints; if (!isDefaultValue(x, [])) tags.push([0, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeVoteResponseNodeEndpoint(w, v, e); } } }]); }
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeVoteResponseTopicData(w: Writer, v: number, m: VoteResponseTopicDataInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeVoteResponsePartitionData(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeVoteResponsePartitionData(w: Writer, v: number, m: VoteResponsePartitionDataInput): void {
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  { const x = m.voteGranted === undefined ? false : m.voteGranted; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeVoteResponseNodeEndpoint(w: Writer, v: number, m: VoteResponseNodeEndpointInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readVoteResponse(r: Reader, v: number): VoteResponse {
  const fErrorCode: number = r.int16();
  const fTopics: VoteResponseTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readVoteResponseTopicData(r, v)); return a; })(r.compactArrayLength());
  const fNodeEndpoints: VoteResponseNodeEndpoint[] = [];
  const m: VoteResponse = { errorCode: fErrorCode, topics: fTopics, nodeEndpoints: fNodeEndpoints };
  const u = r.taggedFields((tag, t) => {
    switch (tag) {
      case 0: if (v >= 1) { m.nodeEndpoints = ((n: number) => { if (n < 0) return nullErr('NodeEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readVoteResponseNodeEndpoint(t, v)); return a; })(t.compactArrayLength()); return true; } return false;
      default: return false;
    }
  });
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readVoteResponseTopicData(r: Reader, v: number): VoteResponseTopicData {
  const fTopicName: string = r.compactString();
  const fPartitions: VoteResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readVoteResponsePartitionData(r, v)); return a; })(r.compactArrayLength());
  const m: VoteResponseTopicData = { topicName: fTopicName, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readVoteResponsePartitionData(r: Reader, v: number): VoteResponsePartitionData {
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fVoteGranted: boolean = r.bool();
  const m: VoteResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, voteGranted: fVoteGranted };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readVoteResponseNodeEndpoint(r: Reader, v: number): VoteResponseNodeEndpoint {
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: VoteResponseNodeEndpoint = { nodeId: fNodeId, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
