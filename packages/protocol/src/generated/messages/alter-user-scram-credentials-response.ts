// Generated from AlterUserScramCredentialsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterUserScramCredentialsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface AlterUserScramCredentialsResponse {
  throttleTimeMs: number;
  results: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsResponseInput {
  throttleTimeMs?: number;
  results?: AlterUserScramCredentialsResponseAlterUserScramCredentialsResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  user: string;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsResponseAlterUserScramCredentialsResultInput {
  user?: string;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterUserScramCredentialsResponse(): AlterUserScramCredentialsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function defaultAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(): AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  return {
    user: "",
    errorCode: 0,
    errorMessage: "",
  };
}

export function writeAlterUserScramCredentialsResponse(w: Writer, v: number, m: AlterUserScramCredentialsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(w: Writer, v: number, m: AlterUserScramCredentialsResponseAlterUserScramCredentialsResultInput): void {
  { const x = m.user === undefined ? "" : m.user; w.compactString(x ?? ''); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAlterUserScramCredentialsResponse(r: Reader, v: number): AlterUserScramCredentialsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fResults: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(r, v)); return a; })(r.compactArrayLength());
  const m: AlterUserScramCredentialsResponse = { throttleTimeMs: fThrottleTimeMs, results: fResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(r: Reader, v: number): AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  const fUser: string = r.compactString();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult = { user: fUser, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
