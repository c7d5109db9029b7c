// Generated from DeleteShareGroupOffsetsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteShareGroupOffsetsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DeleteShareGroupOffsetsResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  responses: DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  responses?: DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic {
  topicName: string;
  topicId: string;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopicInput {
  topicName?: string;
  topicId?: string;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteShareGroupOffsetsResponse(): DeleteShareGroupOffsetsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    responses: [],
  };
}

export function defaultDeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic(): DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeDeleteShareGroupOffsetsResponse(w: Writer, v: number, m: DeleteShareGroupOffsetsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic(w: Writer, v: number, m: DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopicInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDeleteShareGroupOffsetsResponse(r: Reader, v: number): DeleteShareGroupOffsetsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fResponses: DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic(r, v)); return a; })(r.compactArrayLength());
  const m: DeleteShareGroupOffsetsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, responses: fResponses };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic(r: Reader, v: number): DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic {
  const fTopicName: string = r.compactString();
  const fTopicId: string = r.uuid();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: DeleteShareGroupOffsetsResponseDeleteShareGroupOffsetsResponseTopic = { topicName: fTopicName, topicId: fTopicId, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
