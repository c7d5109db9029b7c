// Generated from DescribeUserScramCredentialsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeUserScramCredentialsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DescribeUserScramCredentialsResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  results: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  results?: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  user: string;
  errorCode: number;
  errorMessage: string | null;
  credentialInfos: DescribeUserScramCredentialsResponseCredentialInfo[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResultInput {
  user?: string;
  errorCode?: number;
  errorMessage?: string | null;
  credentialInfos?: DescribeUserScramCredentialsResponseCredentialInfoInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseCredentialInfo {
  mechanism: number;
  iterations: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseCredentialInfoInput {
  mechanism?: number;
  iterations?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsResponse(): DescribeUserScramCredentialsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    results: [],
  };
}

export function defaultDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(): DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  return {
    user: "",
    errorCode: 0,
    errorMessage: "",
    credentialInfos: [],
  };
}

export function defaultDescribeUserScramCredentialsResponseCredentialInfo(): DescribeUserScramCredentialsResponseCredentialInfo {
  return {
    mechanism: 0,
    iterations: 0,
  };
}

export function writeDescribeUserScramCredentialsResponse(w: Writer, v: number, m: DescribeUserScramCredentialsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(w: Writer, v: number, m: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResultInput): void {
  { const x = m.user === undefined ? "" : m.user; w.compactString(x ?? ''); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  { const x = m.credentialInfos === undefined ? [] : m.credentialInfos; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeUserScramCredentialsResponseCredentialInfo(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeUserScramCredentialsResponseCredentialInfo(w: Writer, v: number, m: DescribeUserScramCredentialsResponseCredentialInfoInput): void {
  { const x = m.mechanism === undefined ? 0 : m.mechanism; w.int8(x); }
  { const x = m.iterations === undefined ? 0 : m.iterations; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeUserScramCredentialsResponse(r: Reader, v: number): DescribeUserScramCredentialsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fResults: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeUserScramCredentialsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, results: fResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(r: Reader, v: number): DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  const fUser: string = r.compactString();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fCredentialInfos: DescribeUserScramCredentialsResponseCredentialInfo[] = ((n: number) => { if (n < 0) return nullErr('CredentialInfos'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeUserScramCredentialsResponseCredentialInfo(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult = { user: fUser, errorCode: fErrorCode, errorMessage: fErrorMessage, credentialInfos: fCredentialInfos };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeUserScramCredentialsResponseCredentialInfo(r: Reader, v: number): DescribeUserScramCredentialsResponseCredentialInfo {
  const fMechanism: number = r.int8();
  const fIterations: number = r.int32();
  const m: DescribeUserScramCredentialsResponseCredentialInfo = { mechanism: fMechanism, iterations: fIterations };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
