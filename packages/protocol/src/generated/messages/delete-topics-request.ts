// Generated from DeleteTopicsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteTopicsRequestVersions = { min: 0, max: 6, flexibleMin: 4 } as const;

export interface DeleteTopicsRequest {
  topics: DeleteTopicsRequestDeleteTopicState[];
  topicNames: string[];
  timeoutMs: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsRequestInput {
  topics?: DeleteTopicsRequestDeleteTopicStateInput[];
  topicNames?: string[];
  timeoutMs?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsRequestDeleteTopicState {
  name: string | null;
  topicId: string;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsRequestDeleteTopicStateInput {
  name?: string | null;
  topicId?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteTopicsRequest(): DeleteTopicsRequest {
  return {
    topics: [],
    topicNames: [],
    timeoutMs: 0,
  };
}

export function defaultDeleteTopicsRequestDeleteTopicState(): DeleteTopicsRequestDeleteTopicState {
  return {
    name: null,
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

export function writeDeleteTopicsRequest(w: Writer, v: number, m: DeleteTopicsRequestInput): void {
  const flex = v >= 4;
  if (v >= 6) { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDeleteTopicsRequestDeleteTopicState(w, v, e); } } }
  if (v <= 5) { const x = m.topicNames === undefined ? [] : m.topicNames; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { (flex ? w.compactString(e ?? '') : w.string(e ?? '')); } } }
  { const x = m.timeoutMs === undefined ? 0 : m.timeoutMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteTopicsRequestDeleteTopicState(w: Writer, v: number, m: DeleteTopicsRequestDeleteTopicStateInput): void {
  { const x = m.name === undefined ? null : m.name; w.compactNullableString(x); }
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDeleteTopicsRequest(r: Reader, v: number): DeleteTopicsRequest {
  const flex = v >= 4;
  const fTopics: DeleteTopicsRequestDeleteTopicState[] = (v >= 6) ? ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteTopicsRequestDeleteTopicState(r, v)); return a; })(r.compactArrayLength()) : [];
  const fTopicNames: string[] = (v <= 5) ? ((n: number) => { if (n < 0) return nullErr('TopicNames'); const a = []; for (let i = 0; i < n; i++) a.push((flex ? r.compactString() : r.string())); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fTimeoutMs: number = r.int32();
  const m: DeleteTopicsRequest = { topics: fTopics, topicNames: fTopicNames, timeoutMs: fTimeoutMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteTopicsRequestDeleteTopicState(r: Reader, v: number): DeleteTopicsRequestDeleteTopicState {
  const fName: string | null = r.compactNullableString();
  const fTopicId: string = r.uuid();
  const m: DeleteTopicsRequestDeleteTopicState = { name: fName, topicId: fTopicId };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
