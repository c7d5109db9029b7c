// Generated from EndQuorumEpochResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const endQuorumEpochResponseVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface EndQuorumEpochResponse {
  errorCode: number;
  topics: EndQuorumEpochResponseTopicData[];
  nodeEndpoints: EndQuorumEpochResponseNodeEndpoint[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseInput {
  errorCode?: number;
  topics?: EndQuorumEpochResponseTopicDataInput[];
  nodeEndpoints?: EndQuorumEpochResponseNodeEndpointInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseTopicData {
  topicName: string;
  partitions: EndQuorumEpochResponsePartitionData[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseTopicDataInput {
  topicName?: string;
  partitions?: EndQuorumEpochResponsePartitionDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  leaderId: number;
  leaderEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponsePartitionDataInput {
  partitionIndex?: number;
  errorCode?: number;
  leaderId?: number;
  leaderEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseNodeEndpointInput {
  nodeId?: number;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochResponse(): EndQuorumEpochResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

export function defaultEndQuorumEpochResponseTopicData(): EndQuorumEpochResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

export function defaultEndQuorumEpochResponsePartitionData(): EndQuorumEpochResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

export function defaultEndQuorumEpochResponseNodeEndpoint(): EndQuorumEpochResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

export function writeEndQuorumEpochResponse(w: Writer, v: number, m: EndQuorumEpochResponseInput): void {
  const flex = v >= 1;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeEndQuorumEpochResponseTopicData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 1) { const x = m.nodeEndpoints === undefined ? [] : m.nodeEndpoints; if (!isDefaultValue(x, [])) tags.push([0, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeEndQuorumEpochResponseNodeEndpoint(w, v, e); } } }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeEndQuorumEpochResponseTopicData(w: Writer, v: number, m: EndQuorumEpochResponseTopicDataInput): void {
  const flex = v >= 1;
  { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeEndQuorumEpochResponsePartitionData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeEndQuorumEpochResponsePartitionData(w: Writer, v: number, m: EndQuorumEpochResponsePartitionDataInput): void {
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

function writeEndQuorumEpochResponseNodeEndpoint(w: Writer, v: number, m: EndQuorumEpochResponseNodeEndpointInput): void {
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readEndQuorumEpochResponse(r: Reader, v: number): EndQuorumEpochResponse {
  const flex = v >= 1;
  const fErrorCode: number = r.int16();
  const fTopics: EndQuorumEpochResponseTopicData[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readEndQuorumEpochResponseTopicData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fNodeEndpoints: EndQuorumEpochResponseNodeEndpoint[] = [];
  const m: EndQuorumEpochResponse = { errorCode: fErrorCode, topics: fTopics, nodeEndpoints: fNodeEndpoints };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 1) { m.nodeEndpoints = ((n: number) => { if (n < 0) return nullErr('NodeEndpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readEndQuorumEpochResponseNodeEndpoint(t, v)); return a; })(t.compactArrayLength()); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readEndQuorumEpochResponseTopicData(r: Reader, v: number): EndQuorumEpochResponseTopicData {
  const flex = v >= 1;
  const fTopicName: string = (flex ? r.compactString() : r.string());
  const fPartitions: EndQuorumEpochResponsePartitionData[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readEndQuorumEpochResponsePartitionData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: EndQuorumEpochResponseTopicData = { topicName: fTopicName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readEndQuorumEpochResponsePartitionData(r: Reader, v: number): EndQuorumEpochResponsePartitionData {
  const flex = v >= 1;
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const m: EndQuorumEpochResponsePartitionData = { partitionIndex: fPartitionIndex, errorCode: fErrorCode, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readEndQuorumEpochResponseNodeEndpoint(r: Reader, v: number): EndQuorumEpochResponseNodeEndpoint {
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: EndQuorumEpochResponseNodeEndpoint = { nodeId: fNodeId, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
