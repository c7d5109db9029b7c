// Generated from StreamsGroupTopologyDescriptionUpdateRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const streamsGroupTopologyDescriptionUpdateRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface StreamsGroupTopologyDescriptionUpdateRequest {
  groupId: string;
  memberId: string;
  topologyEpoch: number;
  topologyDescription: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescription;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestInput {
  groupId?: string;
  memberId?: string;
  topologyEpoch?: number;
  topologyDescription?: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionInput;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestTopologyDescription {
  subtopologies: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology[];
  globalStores: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionInput {
  subtopologies?: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopologyInput[];
  globalStores?: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStoreInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology {
  subtopologyId: string;
  nodes: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopologyInput {
  subtopologyId?: string;
  nodes?: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNodeInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode {
  name: string;
  nodeType: number;
  sourceTopics: string[];
  sinkTopic: string | null;
  stores: string[];
  successors: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNodeInput {
  name?: string;
  nodeType?: number;
  sourceTopics?: string[];
  sinkTopic?: string | null;
  stores?: string[];
  successors?: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore {
  source: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode;
  processor: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStoreInput {
  source?: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNodeInput;
  processor?: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNodeInput;
  unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupTopologyDescriptionUpdateRequest(): StreamsGroupTopologyDescriptionUpdateRequest {
  return {
    groupId: "",
    memberId: "",
    topologyEpoch: 0,
    topologyDescription: defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescription(),
  };
}

export function defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescription(): StreamsGroupTopologyDescriptionUpdateRequestTopologyDescription {
  return {
    subtopologies: [],
    globalStores: [],
  };
}

export function defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology(): StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology {
  return {
    subtopologyId: "",
    nodes: [],
  };
}

export function defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(): StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode {
  return {
    name: "",
    nodeType: 0,
    sourceTopics: [],
    sinkTopic: null,
    stores: [],
    successors: [],
  };
}

export function defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore(): StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore {
  return {
    source: defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(),
    processor: defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(),
  };
}

export function writeStreamsGroupTopologyDescriptionUpdateRequest(w: Writer, v: number, m: StreamsGroupTopologyDescriptionUpdateRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  { const x = m.topologyEpoch === undefined ? 0 : m.topologyEpoch; w.int32(x); }
  { const x = m.topologyDescription === undefined ? defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescription() : m.topologyDescription; writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescription(w, v, x ?? {}); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescription(w: Writer, v: number, m: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionInput): void {
  { const x = m.subtopologies === undefined ? [] : m.subtopologies; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology(w, v, e); } } }
  { const x = m.globalStores === undefined ? [] : m.globalStores; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology(w: Writer, v: number, m: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopologyInput): void {
  { const x = m.subtopologyId === undefined ? "" : m.subtopologyId; w.compactString(x ?? ''); }
  { const x = m.nodes === undefined ? [] : m.nodes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(w: Writer, v: number, m: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNodeInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.nodeType === undefined ? 0 : m.nodeType; w.int8(x); }
  { const x = m.sourceTopics === undefined ? [] : m.sourceTopics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.sinkTopic === undefined ? null : m.sinkTopic; w.compactNullableString(x); }
  { const x = m.stores === undefined ? [] : m.stores; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.successors === undefined ? [] : m.successors; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore(w: Writer, v: number, m: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStoreInput): void {
  { const x = m.source === undefined ? defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode() : m.source; writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(w, v, x ?? {}); }
  { const x = m.processor === undefined ? defaultStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode() : m.processor; writeStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(w, v, x ?? {}); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readStreamsGroupTopologyDescriptionUpdateRequest(r: Reader, v: number): StreamsGroupTopologyDescriptionUpdateRequest {
  const fGroupId: string = r.compactString();
  const fMemberId: string = r.compactString();
  const fTopologyEpoch: number = r.int32();
  const fTopologyDescription: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescription = readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescription(r, v);
  const m: StreamsGroupTopologyDescriptionUpdateRequest = { groupId: fGroupId, memberId: fMemberId, topologyEpoch: fTopologyEpoch, topologyDescription: fTopologyDescription };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescription(r: Reader, v: number): StreamsGroupTopologyDescriptionUpdateRequestTopologyDescription {
  const fSubtopologies: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology[] = ((n: number) => { if (n < 0) return nullErr('Subtopologies'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology(r, v)); return a; })(r.compactArrayLength());
  const fGlobalStores: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore[] = ((n: number) => { if (n < 0) return nullErr('GlobalStores'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescription = { subtopologies: fSubtopologies, globalStores: fGlobalStores };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology(r: Reader, v: number): StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology {
  const fSubtopologyId: string = r.compactString();
  const fNodes: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode[] = ((n: number) => { if (n < 0) return nullErr('Nodes'); const a = []; for (let i = 0; i < n; i++) a.push(readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(r, v)); return a; })(r.compactArrayLength());
  const m: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionSubtopology = { subtopologyId: fSubtopologyId, nodes: fNodes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(r: Reader, v: number): StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode {
  const fName: string = r.compactString();
  const fNodeType: number = r.int8();
  const fSourceTopics: string[] = ((n: number) => { if (n < 0) return nullErr('SourceTopics'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fSinkTopic: string | null = r.compactNullableString();
  const fStores: string[] = ((n: number) => { if (n < 0) return nullErr('Stores'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fSuccessors: string[] = ((n: number) => { if (n < 0) return nullErr('Successors'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const m: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode = { name: fName, nodeType: fNodeType, sourceTopics: fSourceTopics, sinkTopic: fSinkTopic, stores: fStores, successors: fSuccessors };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore(r: Reader, v: number): StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore {
  const fSource: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode = readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(r, v);
  const fProcessor: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode = readStreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionNode(r, v);
  const m: StreamsGroupTopologyDescriptionUpdateRequestTopologyDescriptionGlobalStore = { source: fSource, processor: fProcessor };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
