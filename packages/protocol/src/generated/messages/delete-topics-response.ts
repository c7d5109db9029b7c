// Generated from DeleteTopicsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteTopicsResponseVersions = { min: 0, max: 6, flexibleMin: 4 } as const;

export interface DeleteTopicsResponse {
  throttleTimeMs: number;
  responses: DeleteTopicsResponseDeletableTopicResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsResponseInput {
  throttleTimeMs?: number;
  responses?: DeleteTopicsResponseDeletableTopicResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsResponseDeletableTopicResult {
  name: string | null;
  topicId: string;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsResponseDeletableTopicResultInput {
  name?: string | null;
  topicId?: string;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteTopicsResponse(): DeleteTopicsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

export function defaultDeleteTopicsResponseDeletableTopicResult(): DeleteTopicsResponseDeletableTopicResult {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeDeleteTopicsResponse(w: Writer, v: number, m: DeleteTopicsResponseInput): void {
  const flex = v >= 4;
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDeleteTopicsResponseDeletableTopicResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteTopicsResponseDeletableTopicResult(w: Writer, v: number, m: DeleteTopicsResponseDeletableTopicResultInput): void {
  const flex = v >= 4;
  { const x = m.name === undefined ? "" : m.name; (v >= 6 ? (flex ? w.compactNullableString(x) : w.nullableString(x)) : (flex ? w.compactString(x ?? '') : w.string(x ?? ''))); }
  if (v >= 6) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 5) { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDeleteTopicsResponse(r: Reader, v: number): DeleteTopicsResponse {
  const flex = v >= 4;
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fResponses: DeleteTopicsResponseDeletableTopicResult[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteTopicsResponseDeletableTopicResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DeleteTopicsResponse = { throttleTimeMs: fThrottleTimeMs, responses: fResponses };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteTopicsResponseDeletableTopicResult(r: Reader, v: number): DeleteTopicsResponseDeletableTopicResult {
  const flex = v >= 4;
  const fName: string | null = (v >= 6 ? (flex ? r.compactNullableString() : r.nullableString()) : (flex ? r.compactString() : r.string()));
  const fTopicId: string = (v >= 6) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (v >= 5) ? r.compactNullableString() : null;
  const m: DeleteTopicsResponseDeletableTopicResult = { name: fName, topicId: fTopicId, errorCode: fErrorCode, errorMessage: fErrorMessage };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
