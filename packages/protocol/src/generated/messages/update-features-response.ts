// Generated from UpdateFeaturesResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const updateFeaturesResponseVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface UpdateFeaturesResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  results: UpdateFeaturesResponseUpdatableFeatureResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  results?: UpdateFeaturesResponseUpdatableFeatureResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesResponseUpdatableFeatureResult {
  feature: string;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesResponseUpdatableFeatureResultInput {
  feature?: string;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateFeaturesResponse(): UpdateFeaturesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    results: [],
  };
}

export function defaultUpdateFeaturesResponseUpdatableFeatureResult(): UpdateFeaturesResponseUpdatableFeatureResult {
  return {
    feature: "",
    errorCode: 0,
    errorMessage: "",
  };
}

export function writeUpdateFeaturesResponse(w: Writer, v: number, m: UpdateFeaturesResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  if (v <= 1) { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeUpdateFeaturesResponseUpdatableFeatureResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeUpdateFeaturesResponseUpdatableFeatureResult(w: Writer, v: number, m: UpdateFeaturesResponseUpdatableFeatureResultInput): void {
  { const x = m.feature === undefined ? "" : m.feature; w.compactString(x ?? ''); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readUpdateFeaturesResponse(r: Reader, v: number): UpdateFeaturesResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fResults: UpdateFeaturesResponseUpdatableFeatureResult[] = (v <= 1) ? ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readUpdateFeaturesResponseUpdatableFeatureResult(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: UpdateFeaturesResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, results: fResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readUpdateFeaturesResponseUpdatableFeatureResult(r: Reader, v: number): UpdateFeaturesResponseUpdatableFeatureResult {
  const fFeature: string = r.compactString();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: UpdateFeaturesResponseUpdatableFeatureResult = { feature: fFeature, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
