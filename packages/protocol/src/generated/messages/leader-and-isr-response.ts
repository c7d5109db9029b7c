// Generated from LeaderAndIsrResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const leaderAndIsrResponseVersions = { min: 0, max: 7, flexibleMin: 4 } as const;

export interface LeaderAndIsrResponse {
  errorCode: number;
  partitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[];
  topics: LeaderAndIsrResponseLeaderAndIsrTopicError[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrResponseInput {
  errorCode?: number;
  partitionErrors?: LeaderAndIsrResponseLeaderAndIsrPartitionErrorInput[];
  topics?: LeaderAndIsrResponseLeaderAndIsrTopicErrorInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrResponseLeaderAndIsrPartitionError {
  topicName: string;
  partitionIndex: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrResponseLeaderAndIsrPartitionErrorInput {
  topicName?: string;
  partitionIndex?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrResponseLeaderAndIsrTopicError {
  topicId: string;
  partitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderAndIsrResponseLeaderAndIsrTopicErrorInput {
  topicId?: string;
  partitionErrors?: LeaderAndIsrResponseLeaderAndIsrPartitionErrorInput[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderAndIsrResponse(): LeaderAndIsrResponse {
  return {
    errorCode: 0,
    partitionErrors: [],
    topics: [],
  };
}

export function defaultLeaderAndIsrResponseLeaderAndIsrPartitionError(): LeaderAndIsrResponseLeaderAndIsrPartitionError {
  return {
    topicName: "",
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function defaultLeaderAndIsrResponseLeaderAndIsrTopicError(): LeaderAndIsrResponseLeaderAndIsrTopicError {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionErrors: [],
  };
}

export function writeLeaderAndIsrResponse(w: Writer, v: number, m: LeaderAndIsrResponseInput): void {
  const flex = v >= 4;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v <= 4) { const x = m.partitionErrors === undefined ? [] : m.partitionErrors; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeLeaderAndIsrResponseLeaderAndIsrPartitionError(w, v, e); } } }
  if (v >= 5) { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeLeaderAndIsrResponseLeaderAndIsrTopicError(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeLeaderAndIsrResponseLeaderAndIsrPartitionError(w: Writer, v: number, m: LeaderAndIsrResponseLeaderAndIsrPartitionErrorInput): void {
  const flex = v >= 4;
  if (v <= 4) { const x = m.topicName === undefined ? "" : m.topicName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeLeaderAndIsrResponseLeaderAndIsrTopicError(w: Writer, v: number, m: LeaderAndIsrResponseLeaderAndIsrTopicErrorInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitionErrors === undefined ? [] : m.partitionErrors; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeLeaderAndIsrResponseLeaderAndIsrPartitionError(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readLeaderAndIsrResponse(r: Reader, v: number): LeaderAndIsrResponse {
  const flex = v >= 4;
  const fErrorCode: number = r.int16();
  const fPartitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[] = (v <= 4) ? ((n: number) => { if (n < 0) return nullErr('PartitionErrors'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderAndIsrResponseLeaderAndIsrPartitionError(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fTopics: LeaderAndIsrResponseLeaderAndIsrTopicError[] = (v >= 5) ? ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderAndIsrResponseLeaderAndIsrTopicError(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: LeaderAndIsrResponse = { errorCode: fErrorCode, partitionErrors: fPartitionErrors, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readLeaderAndIsrResponseLeaderAndIsrPartitionError(r: Reader, v: number): LeaderAndIsrResponseLeaderAndIsrPartitionError {
  const flex = v >= 4;
  const fTopicName: string = (v <= 4) ? (flex ? r.compactString() : r.string()) : "";
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: LeaderAndIsrResponseLeaderAndIsrPartitionError = { topicName: fTopicName, partitionIndex: fPartitionIndex, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readLeaderAndIsrResponseLeaderAndIsrTopicError(r: Reader, v: number): LeaderAndIsrResponseLeaderAndIsrTopicError {
  const fTopicId: string = r.uuid();
  const fPartitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[] = ((n: number) => { if (n < 0) return nullErr('PartitionErrors'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderAndIsrResponseLeaderAndIsrPartitionError(r, v)); return a; })(r.compactArrayLength());
  const m: LeaderAndIsrResponseLeaderAndIsrTopicError = { topicId: fTopicId, partitionErrors: fPartitionErrors };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
