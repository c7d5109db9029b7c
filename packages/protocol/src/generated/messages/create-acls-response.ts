// Generated from CreateAclsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const createAclsResponseVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface CreateAclsResponse {
  throttleTimeMs: number;
  results: CreateAclsResponseAclCreationResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsResponseInput {
  throttleTimeMs?: number;
  results?: CreateAclsResponseAclCreationResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsResponseAclCreationResult {
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsResponseAclCreationResultInput {
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultCreateAclsResponse(): CreateAclsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function defaultCreateAclsResponseAclCreationResult(): CreateAclsResponseAclCreationResult {
  return {
    errorCode: 0,
    errorMessage: "",
  };
}

export function writeCreateAclsResponse(w: Writer, v: number, m: CreateAclsResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeCreateAclsResponseAclCreationResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreateAclsResponseAclCreationResult(w: Writer, v: number, m: CreateAclsResponseAclCreationResultInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readCreateAclsResponse(r: Reader, v: number): CreateAclsResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fResults: CreateAclsResponseAclCreationResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readCreateAclsResponseAclCreationResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: CreateAclsResponse = { throttleTimeMs: fThrottleTimeMs, results: fResults };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreateAclsResponseAclCreationResult(r: Reader, v: number): CreateAclsResponseAclCreationResult {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: CreateAclsResponseAclCreationResult = { errorCode: fErrorCode, errorMessage: fErrorMessage };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
