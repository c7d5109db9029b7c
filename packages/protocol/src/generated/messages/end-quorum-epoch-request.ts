// Generated from EndQuorumEpochRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const endQuorumEpochRequestVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface EndQuorumEpochRequest {
  clusterId: string | null;
  topics: EndQuorumEpochRequestTopicData[];
  leaderEndpoints: EndQuorumEpochRequestLeaderEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestInput {
  clusterId?: string | null;
  topics?: EndQuorumEpochRequestTopicDataInput[];
  leaderEndpoints?: EndQuorumEpochRequestLeaderEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestTopicData {
  topicName: string;
  partitions: EndQuorumEpochRequestPartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestTopicDataInput {
  topicName?: string;
  partitions?: EndQuorumEpochRequestPartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestPartitionData {
  partitionIndex: number;
  leaderId: number;
  leaderEpoch: number;
  preferredSuccessors: number[];
  preferredCandidates: EndQuorumEpochRequestReplicaInfo[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestPartitionDataInput {
  partitionIndex?: number;
  leaderId?: number;
  leaderEpoch?: number;
  preferredSuccessors?: number[];
  preferredCandidates?: EndQuorumEpochRequestReplicaInfoInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestReplicaInfo {
  candidateId: number;
  candidateDirectoryId: string;
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestReplicaInfoInput {
  candidateId?: number;
  candidateDirectoryId?: string;
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestLeaderEndpoint {
  name: string;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestLeaderEndpointInput {
  name?: string;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochRequest(): EndQuorumEpochRequest {
  return {
    clusterId: null,
    topics: [],
    leaderEndpoints: [],
  };
}

export function defaultEndQuorumEpochRequestTopicData(): EndQuorumEpochRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultEndQuorumEpochRequestPartitionData(): EndQuorumEpochRequestPartitionData {
  return {
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: 0,
    preferredSuccessors: [],
    preferredCandidates: [],
  };
}

export function defaultEndQuorumEpochRequestReplicaInfo(): EndQuorumEpochRequestReplicaInfo {
  return {
    candidateId: 0,
    candidateDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

export function defaultEndQuorumEpochRequestLeaderEndpoint(): EndQuorumEpochRequestLeaderEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function writeEndQuorumEpochRequest(w: Writer, v: number, m: EndQuorumEpochRequestInput): void {
  const flex = v >= 1;
  { const x = m.clusterId === undefined ? null : m.clusterId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeEndQuorumEpochRequestTopicData(w, v, e); } } }
  if (v >= 1) { const x = m.leaderEndpoints === undefined ? [] : m.leaderEndpoints; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeEndQuorumEpochRequestLeaderEndpoint(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeEndQuorumEpochRequestTopicData(w: Writer, v: number, m: EndQuorumEpochRequestTopicDataInput): void {
  const flex = v >= 1;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeEndQuorumEpochRequestPartitionData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeEndQuorumEpochRequestPartitionData(w: Writer, v: number, m: EndQuorumEpochRequestPartitionDataInput): void {
  const flex = v >= 1;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  if (v <= 0) { const x = m.preferredSuccessors === undefined ? [] : m.preferredSuccessors; { const a = x ?? []; w.int32(a.length); for (const e of a) { w.int32(e); } } }
  if (v >= 1) { const x = m.preferredCandidates === undefined ? [] : m.preferredCandidates; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeEndQuorumEpochRequestReplicaInfo(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeEndQuorumEpochRequestReplicaInfo(w: Writer, v: number, m: EndQuorumEpochRequestReplicaInfoInput): void {
  { const x = m.candidateId === undefined ? 0 : m.candidateId; w.int32(x); }
  { const x = m.candidateDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.candidateDirectoryId; w.uuid(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeEndQuorumEpochRequestLeaderEndpoint(w: Writer, v: number, m: EndQuorumEpochRequestLeaderEndpointInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readEndQuorumEpochRequest(r: Reader, v: number): EndQuorumEpochRequest {
  const flex = v >= 1;
  const fClusterId: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fTopics: EndQuorumEpochRequestTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readEndQuorumEpochRequestTopicData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fLeaderEndpoints: EndQuorumEpochRequestLeaderEndpoint[] = (v >= 1) ? ((n: number) => { if (n < 0) return nullErr('LeaderEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readEndQuorumEpochRequestLeaderEndpoint(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: EndQuorumEpochRequest = { clusterId: fClusterId, topics: fTopics, leaderEndpoints: fLeaderEndpoints };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readEndQuorumEpochRequestTopicData(r: Reader, v: number): EndQuorumEpochRequestTopicData {
  const flex = v >= 1;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fPartitions: EndQuorumEpochRequestPartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readEndQuorumEpochRequestPartitionData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: EndQuorumEpochRequestTopicData = { topicName: fTopicName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readEndQuorumEpochRequestPartitionData(r: Reader, v: number): EndQuorumEpochRequestPartitionData {
  const flex = v >= 1;
  const fPartitionIndex: number = r.int32();
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fPreferredSuccessors: number[] = (v <= 0) ? ((n: number) => { if (n < 0) return nullErr('PreferredSuccessors'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.arrayLength()) : [];
  const fPreferredCandidates: EndQuorumEpochRequestReplicaInfo[] = (v >= 1) ? ((n: number) => { if (n < 0) return nullErr('PreferredCandidates'); const a = []; for (let i = 0; i < n; i++) a.push(readEndQuorumEpochRequestReplicaInfo(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: EndQuorumEpochRequestPartitionData = { partitionIndex: fPartitionIndex, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, preferredSuccessors: fPreferredSuccessors, preferredCandidates: fPreferredCandidates };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readEndQuorumEpochRequestReplicaInfo(r: Reader, v: number): EndQuorumEpochRequestReplicaInfo {
  const fCandidateId: number = r.int32();
  const fCandidateDirectoryId: string = r.uuid();
  const m: EndQuorumEpochRequestReplicaInfo = { candidateId: fCandidateId, candidateDirectoryId: fCandidateDirectoryId };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readEndQuorumEpochRequestLeaderEndpoint(r: Reader, v: number): EndQuorumEpochRequestLeaderEndpoint {
  const fName: string = r.compactString();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: EndQuorumEpochRequestLeaderEndpoint = { name: fName, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
