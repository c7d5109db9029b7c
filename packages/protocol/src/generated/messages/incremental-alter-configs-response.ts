// Generated from IncrementalAlterConfigsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const incrementalAlterConfigsResponseVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface IncrementalAlterConfigsResponse {
  throttleTimeMs: number;
  responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[];
  unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsResponseInput {
  throttleTimeMs?: number;
  responses?: IncrementalAlterConfigsResponseAlterConfigsResourceResponseInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponseInput {
  errorCode?: number;
  errorMessage?: string | null;
  resourceType?: number;
  resourceName?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsResponse(): IncrementalAlterConfigsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

export function defaultIncrementalAlterConfigsResponseAlterConfigsResourceResponse(): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
  };
}

export function writeIncrementalAlterConfigsResponse(w: Writer, v: number, m: IncrementalAlterConfigsResponseInput): void {
  const flex = v >= 1;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.responses === undefined ? [] : m.responses; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, v: number, m: IncrementalAlterConfigsResponseAlterConfigsResourceResponseInput): void {
  const flex = v >= 1;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.resourceType === undefined ? 0 : m.resourceType; w.int8(x); }
  { const x = m.resourceName === undefined ? "" : m.resourceName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readIncrementalAlterConfigsResponse(r: Reader, v: number): IncrementalAlterConfigsResponse {
  const flex = v >= 1;
  const fThrottleTimeMs: number = r.int32();
  const fResponses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[] = ((n: number) => { if (n < 0) return nullErr('Responses'); const a = []; for (let i = 0; i < n; i++) a.push(readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: IncrementalAlterConfigsResponse = { throttleTimeMs: fThrottleTimeMs, responses: fResponses };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, v: number): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  const flex = v >= 1;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fResourceType: number = r.int8();
  const fResourceName: string = (flex ? r.compactString() : r.string());
  const m: IncrementalAlterConfigsResponseAlterConfigsResourceResponse = { errorCode: fErrorCode, errorMessage: fErrorMessage, resourceType: fResourceType, resourceName: fResourceName };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
