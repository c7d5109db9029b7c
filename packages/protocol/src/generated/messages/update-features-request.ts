// Generated from UpdateFeaturesRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const updateFeaturesRequestVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface UpdateFeaturesRequest {
  timeoutMs: number;
  featureUpdates: UpdateFeaturesRequestFeatureUpdateKey[];
  validateOnly: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesRequestInput {
  timeoutMs?: number;
  featureUpdates?: UpdateFeaturesRequestFeatureUpdateKeyInput[];
  validateOnly?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesRequestFeatureUpdateKey {
  feature: string;
  maxVersionLevel: number;
  allowDowngrade: boolean;
  upgradeType: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesRequestFeatureUpdateKeyInput {
  feature?: string;
  maxVersionLevel?: number;
  allowDowngrade?: boolean;
  upgradeType?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateFeaturesRequest(): UpdateFeaturesRequest {
  return {
    timeoutMs: 60000,
    featureUpdates: [],
    validateOnly: false,
  };
}

export function defaultUpdateFeaturesRequestFeatureUpdateKey(): UpdateFeaturesRequestFeatureUpdateKey {
  return {
    feature: "",
    maxVersionLevel: 0,
    allowDowngrade: false,
    upgradeType: 1,
  };
}

export function writeUpdateFeaturesRequest(w: Writer, v: number, m: UpdateFeaturesRequestInput): void {
  { const x = m.timeoutMs === undefined ? 60000 : m.timeoutMs; w.int32(x); }
  { const x = m.featureUpdates === undefined ? [] : m.featureUpdates; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeUpdateFeaturesRequestFeatureUpdateKey(w, v, e); } } }
  if (v >= 1) { const x = m.validateOnly === undefined ? false : m.validateOnly; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeUpdateFeaturesRequestFeatureUpdateKey(w: Writer, v: number, m: UpdateFeaturesRequestFeatureUpdateKeyInput): void {
  { const x = m.feature === undefined ? "" : m.feature; w.compactString(x ?? ''); }
  { const x = m.maxVersionLevel === undefined ? 0 : m.maxVersionLevel; w.int16(x); }
  if (v <= 0) { const x = m.allowDowngrade === undefined ? false : m.allowDowngrade; w.bool(x); }
  if (v >= 1) { const x = m.upgradeType === undefined ? 1 : m.upgradeType; w.int8(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readUpdateFeaturesRequest(r: Reader, v: number): UpdateFeaturesRequest {
  const ftimeoutMs: number = r.int32();
  const fFeatureUpdates: UpdateFeaturesRequestFeatureUpdateKey[] = ((n: number) => { if (n < 0) return nullErr('FeatureUpdates'); const a = []; for (let i = 0; i < n; i++) a.push(readUpdateFeaturesRequestFeatureUpdateKey(r, v)); return a; })(r.compactArrayLength());
  const fValidateOnly: boolean = (v >= 1) ? r.bool() : false;
  const m: UpdateFeaturesRequest = { timeoutMs: ftimeoutMs, featureUpdates: fFeatureUpdates, validateOnly: fValidateOnly };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readUpdateFeaturesRequestFeatureUpdateKey(r: Reader, v: number): UpdateFeaturesRequestFeatureUpdateKey {
  const fFeature: string = r.compactString();
  const fMaxVersionLevel: number = r.int16();
  const fAllowDowngrade: boolean = (v <= 0) ? r.bool() : false;
  const fUpgradeType: number = (v >= 1) ? r.int8() : 1;
  const m: UpdateFeaturesRequestFeatureUpdateKey = { feature: fFeature, maxVersionLevel: fMaxVersionLevel, allowDowngrade: fAllowDowngrade, upgradeType: fUpgradeType };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
