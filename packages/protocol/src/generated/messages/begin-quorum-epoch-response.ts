// Generated from BeginQuorumEpochResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const beginQuorumEpochResponseVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface BeginQuorumEpochResponse {
  errorCode: number;
  topics: BeginQuorumEpochResponseTopicData[];
  nodeEndpoints: BeginQuorumEpochResponseNodeEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseInput {
  errorCode?: number;
  topics?: BeginQuorumEpochResponseTopicDataInput[];
  nodeEndpoints?: BeginQuorumEpochResponseNodeEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseTopicData {
  topicName: string;
  partitions: BeginQuorumEpochResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseTopicDataInput {
  topicName?: string;
  partitions?: BeginQuorumEpochResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  leaderId?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseNodeEndpointInput {
  nodeId?: number;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochResponse(): BeginQuorumEpochResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

export function defaultBeginQuorumEpochResponseTopicData(): BeginQuorumEpochResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultBeginQuorumEpochResponsePartitionData(): BeginQuorumEpochResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function defaultBeginQuorumEpochResponseNodeEndpoint(): BeginQuorumEpochResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

export function writeBeginQuorumEpochResponse(w: Writer, v: number, m: BeginQuorumEpochResponseInput): void {
  const flex = v >= 1;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeBeginQuorumEpochResponseTopicData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 1) { const x = m.nodeEndpoints === undefined ? [] : m.nodeEndpoints; if (!isDefaultValue(x, [])) tags.push([0, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeBeginQuorumEpochResponseNodeEndpoint(w, v, e); } } }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeBeginQuorumEpochResponseTopicData(w: Writer, v: number, m: BeginQuorumEpochResponseTopicDataInput): void {
  const flex = v >= 1;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeBeginQuorumEpochResponsePartitionData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeBeginQuorumEpochResponsePartitionData(w: Writer, v: number, m: BeginQuorumEpochResponsePartitionDataInput): void {
  const flex = v >= 1;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? 0 : m.leaderEpoch; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeBeginQuorumEpochResponseNodeEndpoint(w: Writer, v: number, m: BeginQuorumEpochResponseNodeEndpointInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readBeginQuorumEpochResponse(r: Reader, v: number): BeginQuorumEpochResponse {
  const flex = v >= 1;
  const fErrorCode: number = r.int16();
  const fTopics: BeginQuorumEpochResponseTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readBeginQuorumEpochResponseTopicData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fNodeEndpoints: BeginQuorumEpochResponseNodeEndpoint[] = [];
  const m: BeginQuorumEpochResponse = { errorCode: fErrorCode, topics: fTopics, nodeEndpoints: fNodeEndpoints };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 1) { m.nodeEndpoints = ((n: number) => { if (n < 0) return nullErr('NodeEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readBeginQuorumEpochResponseNodeEndpoint(t, v)); return a; })(t.compactArrayLength()); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readBeginQuorumEpochResponseTopicData(r: Reader, v: number): BeginQuorumEpochResponseTopicData {
  const flex = v >= 1;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fPartitions: BeginQuorumEpochResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readBeginQuorumEpochResponsePartitionData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: BeginQuorumEpochResponseTopicData = { topicName: fTopicName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readBeginQuorumEpochResponsePartitionData(r: Reader, v: number): BeginQuorumEpochResponsePartitionData {
  const flex = v >= 1;
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: BeginQuorumEpochResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readBeginQuorumEpochResponseNodeEndpoint(r: Reader, v: number): BeginQuorumEpochResponseNodeEndpoint {
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: BeginQuorumEpochResponseNodeEndpoint = { nodeId: fNodeId, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
