// Generated from BeginQuorumEpochRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const beginQuorumEpochRequestVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface BeginQuorumEpochRequest {
  clusterId: string | null;
  voterId: number;
  topics: BeginQuorumEpochRequestTopicData[];
  leaderEndpoints: BeginQuorumEpochRequestLeaderEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestInput {
  clusterId?: string | null;
  voterId?: number;
  topics?: BeginQuorumEpochRequestTopicDataInput[];
  leaderEndpoints?: BeginQuorumEpochRequestLeaderEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestTopicData {
  topicName: string;
  partitions: BeginQuorumEpochRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestTopicDataInput {
  topicName?: string;
  partitions?: BeginQuorumEpochRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestPartitionData {
  partitionIndex: number;
  voterDirectoryId: string;
  leaderId: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestPartitionDataInput {
  partitionIndex?: number;
  voterDirectoryId?: string;
  leaderId?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestLeaderEndpoint {
  name: string;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestLeaderEndpointInput {
  name?: string;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochRequest(): BeginQuorumEpochRequest {
  return {
    clusterId: null,
    voterId: -1,
    topics: [],
    leaderEndpoints: [],
  };
}

export function defaultBeginQuorumEpochRequestTopicData(): BeginQuorumEpochRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultBeginQuorumEpochRequestPartitionData(): BeginQuorumEpochRequestPartitionData {
  return {
    partitionIndex: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function defaultBeginQuorumEpochRequestLeaderEndpoint(): BeginQuorumEpochRequestLeaderEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function writeBeginQuorumEpochRequest(w: Writer, v: number, m: BeginQuorumEpochRequestInput): void {
  const flex = v >= 1;
  { const x = m.clusterId === undefined ? null : m.clusterId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (v >= 1) { const x = m.voterId === undefined ? -1 : m.voterId; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeBeginQuorumEpochRequestTopicData(w, v, e); } } }
  if (v >= 1) { const x = m.leaderEndpoints === undefined ? [] : m.leaderEndpoints; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeBeginQuorumEpochRequestLeaderEndpoint(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeBeginQuorumEpochRequestTopicData(w: Writer, v: number, m: BeginQuorumEpochRequestTopicDataInput): void {
  const flex = v >= 1;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeBeginQuorumEpochRequestPartitionData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeBeginQuorumEpochRequestPartitionData(w: Writer, v: number, m: BeginQuorumEpochRequestPartitionDataInput): void {
  const flex = v >= 1;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  if (v >= 1) { const x = m.voterDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.voterDirectoryId; w.uuid(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeBeginQuorumEpochRequestLeaderEndpoint(w: Writer, v: number, m: BeginQuorumEpochRequestLeaderEndpointInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readBeginQuorumEpochRequest(r: Reader, v: number): BeginQuorumEpochRequest {
  const flex = v >= 1;
  const fClusterId: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fVoterId: number = (v >= 1) ? r.int32() : -1;
  const fTopics: BeginQuorumEpochRequestTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readBeginQuorumEpochRequestTopicData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fLeaderEndpoints: BeginQuorumEpochRequestLeaderEndpoint[] = (v >= 1) ? ((n: number) => { if (n < 0) return nullErr('LeaderEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readBeginQuorumEpochRequestLeaderEndpoint(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: BeginQuorumEpochRequest = { clusterId: fClusterId, voterId: fVoterId, topics: fTopics, leaderEndpoints: fLeaderEndpoints };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readBeginQuorumEpochRequestTopicData(r: Reader, v: number): BeginQuorumEpochRequestTopicData {
  const flex = v >= 1;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fPartitions: BeginQuorumEpochRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readBeginQuorumEpochRequestPartitionData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: BeginQuorumEpochRequestTopicData = { topicName: fTopicName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readBeginQuorumEpochRequestPartitionData(r: Reader, v: number): BeginQuorumEpochRequestPartitionData {
  const flex = v >= 1;
  const fPartitionIndex: number = r.int32();
  const fVoterDirectoryId: string = (v >= 1) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: BeginQuorumEpochRequestPartitionData = { partitionIndex: fPartitionIndex, voterDirectoryId: fVoterDirectoryId, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readBeginQuorumEpochRequestLeaderEndpoint(r: Reader, v: number): BeginQuorumEpochRequestLeaderEndpoint {
  const fName: string = r.compactString();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: BeginQuorumEpochRequestLeaderEndpoint = { name: fName, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
