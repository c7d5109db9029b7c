// Generated from ApiVersionsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const apiVersionsResponseVersions = { min: 0, max: 5, flexibleMin: 3 } as const;

export interface ApiVersionsResponse {
  errorCode: number;
  apiKeys: ApiVersionsResponseApiVersion[];
  throttleTimeMs: number;
  supportedFeatures: ApiVersionsResponseSupportedFeatureKey[];
  finalizedFeaturesEpoch: bigint;
  finalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[];
  zkMigrationReady: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseInput {
  errorCode?: number;
  apiKeys?: ApiVersionsResponseApiVersionInput[];
  throttleTimeMs?: number;
  supportedFeatures?: ApiVersionsResponseSupportedFeatureKeyInput[];
  finalizedFeaturesEpoch?: bigint;
  finalizedFeatures?: ApiVersionsResponseFinalizedFeatureKeyInput[];
  zkMigrationReady?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseApiVersion {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseApiVersionInput {
  apiKey?: number;
  minVersion?: number;
  maxVersion?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseSupportedFeatureKey {
  name: string;
  minVersion: number;
  maxVersion: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseSupportedFeatureKeyInput {
  name?: string;
  minVersion?: number;
  maxVersion?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseFinalizedFeatureKey {
  name: string;
  maxVersionLevel: number;
  minVersionLevel: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseFinalizedFeatureKeyInput {
  name?: string;
  maxVersionLevel?: number;
  minVersionLevel?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsResponse(): ApiVersionsResponse {
  return {
    errorCode: 0,
    apiKeys: [],
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

export function defaultApiVersionsResponseApiVersion(): ApiVersionsResponseApiVersion {
  return {
    apiKey: 0,
    minVersion: 0,
    maxVersion: 0,
  };
}

export function defaultApiVersionsResponseSupportedFeatureKey(): ApiVersionsResponseSupportedFeatureKey {
  return {
    name: "",
    minVersion: 0,
    maxVersion: 0,
  };
}

export function defaultApiVersionsResponseFinalizedFeatureKey(): ApiVersionsResponseFinalizedFeatureKey {
  return {
    name: "",
    maxVersionLevel: 0,
    minVersionLevel: 0,
  };
}

export function writeApiVersionsResponse(w: Writer, v: number, m: ApiVersionsResponseInput): void {
  const flex = v >= 3;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.apiKeys === undefined ? [] : m.apiKeys; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeApiVersionsResponseApiVersion(w, v, e); } } }
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 3) { const x = m.supportedFeatures === undefined ? [] : m.supportedFeatures; if (!isDefaultValue(x, [])) tags.push([0, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeApiVersionsResponseSupportedFeatureKey(w, v, e); } } }]); }
    if (v >= 3) { const x = m.finalizedFeaturesEpoch === undefined ? -1n : m.finalizedFeaturesEpoch; if (!isDefaultValue(x, -1n)) tags.push([1, (w) => { w.int64(x); }]); }
    if (v >= 3) { const x = m.finalizedFeatures === undefined ? [] : m.finalizedFeatures; if (!isDefaultValue(x, [])) tags.push([2, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeApiVersionsResponseFinalizedFeatureKey(w, v, e); } } }]); }
    if (v >= 3) { const x = m.zkMigrationReady === undefined ? false : m.zkMigrationReady; if (!isDefaultValue(x, false)) tags.push([3, (w) => { w.bool(x); }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeApiVersionsResponseApiVersion(w: Writer, v: number, m: ApiVersionsResponseApiVersionInput): void {
  const flex = v >= 3;
  { const x = m.apiKey === undefined ? 0 : m.apiKey; w.int16(x); }
  { const x = m.minVersion === undefined ? 0 : m.minVersion; w.int16(x); }
  { const x = m.maxVersion === undefined ? 0 : m.maxVersion; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeApiVersionsResponseSupportedFeatureKey(w: Writer, v: number, m: ApiVersionsResponseSupportedFeatureKeyInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.minVersion === undefined ? 0 : m.minVersion; w.int16(x); }
  { const x = m.maxVersion === undefined ? 0 : m.maxVersion; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeApiVersionsResponseFinalizedFeatureKey(w: Writer, v: number, m: ApiVersionsResponseFinalizedFeatureKeyInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.maxVersionLevel === undefined ? 0 : m.maxVersionLevel; w.int16(x); }
  { const x = m.minVersionLevel === undefined ? 0 : m.minVersionLevel; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readApiVersionsResponse(r: Reader, v: number): ApiVersionsResponse {
  const flex = v >= 3;
  const fErrorCode: number = r.int16();
  const fApiKeys: ApiVersionsResponseApiVersion[] = ((n: number) => { if (n < 0) return nullErr('ApiKeys'); const a = []; for (let i = 0; i < n; i++) a.push(readApiVersionsResponseApiVersion(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fSupportedFeatures: ApiVersionsResponseSupportedFeatureKey[] = [];
  const fFinalizedFeaturesEpoch: bigint = -1n;
  const fFinalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[] = [];
  const fZkMigrationReady: boolean = false;
  const m: ApiVersionsResponse = { errorCode: fErrorCode, apiKeys: fApiKeys, throttleTimeMs: fThrottleTimeMs, supportedFeatures: fSupportedFeatures, finalizedFeaturesEpoch: fFinalizedFeaturesEpoch, finalizedFeatures: fFinalizedFeatures, zkMigrationReady: fZkMigrationReady };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 3) { m.supportedFeatures = ((n: number) => { if (n < 0) return nullErr('SupportedFeatures'); const a = []; for (let i = 0; i < n; i++) a.push(readApiVersionsResponseSupportedFeatureKey(t, v)); return a; })(t.compactArrayLength()); return true; } return false;
        case 1: if (v >= 3) { m.finalizedFeaturesEpoch = t.int64(); return true; } return false;
        case 2: if (v >= 3) { m.finalizedFeatures = ((n: number) => { if (n < 0) return nullErr('FinalizedFeatures'); const a = []; for (let i = 0; i < n; i++) a.push(readApiVersionsResponseFinalizedFeatureKey(t, v)); return a; })(t.compactArrayLength()); return true; } return false;
        case 3: if (v >= 3) { m.zkMigrationReady = t.bool(); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readApiVersionsResponseApiVersion(r: Reader, v: number): ApiVersionsResponseApiVersion {
  const flex = v >= 3;
  const fApiKey: number = r.int16();
  const fMinVersion: number = r.int16();
  const fMaxVersion: number = r.int16();
  const m: ApiVersionsResponseApiVersion = { apiKey: fApiKey, minVersion: fMinVersion, maxVersion: fMaxVersion };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readApiVersionsResponseSupportedFeatureKey(r: Reader, v: number): ApiVersionsResponseSupportedFeatureKey {
  const fName: string = r.compactString();
  const fMinVersion: number = r.int16();
  const fMaxVersion: number = r.int16();
  const m: ApiVersionsResponseSupportedFeatureKey = { name: fName, minVersion: fMinVersion, maxVersion: fMaxVersion };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readApiVersionsResponseFinalizedFeatureKey(r: Reader, v: number): ApiVersionsResponseFinalizedFeatureKey {
  const fName: string = r.compactString();
  const fMaxVersionLevel: number = r.int16();
  const fMinVersionLevel: number = r.int16();
  const m: ApiVersionsResponseFinalizedFeatureKey = { name: fName, maxVersionLevel: fMaxVersionLevel, minVersionLevel: fMinVersionLevel };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
