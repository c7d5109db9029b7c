// Generated from OffsetFetchRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const offsetFetchRequestVersions = { min: 0, max: 10, flexibleMin: 6 } as const;

export interface OffsetFetchRequest {
  groupId: string;
  topics: OffsetFetchRequestOffsetFetchRequestTopic[] | null;
  groups: OffsetFetchRequestOffsetFetchRequestGroup[];
  requireStable: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestInput {
  groupId?: string;
  topics?: OffsetFetchRequestOffsetFetchRequestTopicInput[] | null;
  groups?: OffsetFetchRequestOffsetFetchRequestGroupInput[];
  requireStable?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestOffsetFetchRequestTopic {
  name: string;
  partitionIndexes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestOffsetFetchRequestTopicInput {
  name?: string;
  partitionIndexes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestOffsetFetchRequestGroup {
  groupId: string;
  memberId: string | null;
  memberEpoch: number;
  topics: OffsetFetchRequestOffsetFetchRequestTopics[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestOffsetFetchRequestGroupInput {
  groupId?: string;
  memberId?: string | null;
  memberEpoch?: number;
  topics?: OffsetFetchRequestOffsetFetchRequestTopicsInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestOffsetFetchRequestTopics {
  name: string;
  topicId: string;
  partitionIndexes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchRequestOffsetFetchRequestTopicsInput {
  name?: string;
  topicId?: string;
  partitionIndexes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchRequest(): OffsetFetchRequest {
  return {
    groupId: "",
    topics: [],
    groups: [],
    requireStable: false,
  };
}

export function defaultOffsetFetchRequestOffsetFetchRequestTopic(): OffsetFetchRequestOffsetFetchRequestTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function defaultOffsetFetchRequestOffsetFetchRequestGroup(): OffsetFetchRequestOffsetFetchRequestGroup {
  return {
    groupId: "",
    memberId: null,
    memberEpoch: -1,
    topics: [],
  };
}

export function defaultOffsetFetchRequestOffsetFetchRequestTopics(): OffsetFetchRequestOffsetFetchRequestTopics {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionIndexes: [],
  };
}

export function writeOffsetFetchRequest(w: Writer, v: number, m: OffsetFetchRequestInput): void {
  const flex = v >= 6;
  if (v <= 7) { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v <= 7) { const x = m.topics === undefined ? [] : m.topics; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { writeOffsetFetchRequestOffsetFetchRequestTopic(w, v, e); } } }
  if (v >= 8) { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeOffsetFetchRequestOffsetFetchRequestGroup(w, v, e); } } }
  if (v >= 7) { const x = m.requireStable === undefined ? false : m.requireStable; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetFetchRequestOffsetFetchRequestTopic(w: Writer, v: number, m: OffsetFetchRequestOffsetFetchRequestTopicInput): void {
  const flex = v >= 6;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitionIndexes === undefined ? [] : m.partitionIndexes; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeOffsetFetchRequestOffsetFetchRequestGroup(w: Writer, v: number, m: OffsetFetchRequestOffsetFetchRequestGroupInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  if (v >= 9) { const x = m.memberId === undefined ? null : m.memberId; w.compactNullableString(x); }
  if (v >= 9) { const x = m.memberEpoch === undefined ? -1 : m.memberEpoch; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeOffsetFetchRequestOffsetFetchRequestTopics(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeOffsetFetchRequestOffsetFetchRequestTopics(w: Writer, v: number, m: OffsetFetchRequestOffsetFetchRequestTopicsInput): void {
  if (v <= 9) { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  if (v >= 10) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitionIndexes === undefined ? [] : m.partitionIndexes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readOffsetFetchRequest(r: Reader, v: number): OffsetFetchRequest {
  const flex = v >= 6;
  const fGroupId: string = (v <= 7) ? (flex ? r.compactString() : r.string()) : "";
  const fTopics: OffsetFetchRequestOffsetFetchRequestTopic[] | null = (v <= 7) ? ((n: number) => { if (n < 0) return nullOr(v >= 2, 'Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetFetchRequestOffsetFetchRequestTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fGroups: OffsetFetchRequestOffsetFetchRequestGroup[] = (v >= 8) ? ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push(readOffsetFetchRequestOffsetFetchRequestGroup(r, v)); return a; })(r.compactArrayLength()) : [];
  const fRequireStable: boolean = (v >= 7) ? r.bool() : false;
  const m: OffsetFetchRequest = { groupId: fGroupId, topics: fTopics, groups: fGroups, requireStable: fRequireStable };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetFetchRequestOffsetFetchRequestTopic(r: Reader, v: number): OffsetFetchRequestOffsetFetchRequestTopic {
  const flex = v >= 6;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitionIndexes: number[] = ((n: number) => { if (n < 0) return nullErr('PartitionIndexes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: OffsetFetchRequestOffsetFetchRequestTopic = { name: fName, partitionIndexes: fPartitionIndexes };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readOffsetFetchRequestOffsetFetchRequestGroup(r: Reader, v: number): OffsetFetchRequestOffsetFetchRequestGroup {
  const fGroupId: string = r.compactString();
  const fMemberId: string | null = (v >= 9) ? r.compactNullableString() : null;
  const fMemberEpoch: number = (v >= 9) ? r.int32() : -1;
  const fTopics: OffsetFetchRequestOffsetFetchRequestTopics[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readOffsetFetchRequestOffsetFetchRequestTopics(r, v)); return a; })(r.compactArrayLength());
  const m: OffsetFetchRequestOffsetFetchRequestGroup = { groupId: fGroupId, memberId: fMemberId, memberEpoch: fMemberEpoch, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readOffsetFetchRequestOffsetFetchRequestTopics(r: Reader, v: number): OffsetFetchRequestOffsetFetchRequestTopics {
  const fName: string = (v <= 9) ? r.compactString() : "";
  const fTopicId: string = (v >= 10) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitionIndexes: number[] = ((n: number) => { if (n < 0) return nullErr('PartitionIndexes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: OffsetFetchRequestOffsetFetchRequestTopics = { name: fName, topicId: fTopicId, partitionIndexes: fPartitionIndexes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
