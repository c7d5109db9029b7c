// Generated from DescribeConfigsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeConfigsResponseVersions = { min: 0, max: 4, flexibleMin: 4 } as const;

export interface DescribeConfigsResponse {
  throttleTimeMs: number;
  results: DescribeConfigsResponseDescribeConfigsResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseInput {
  throttleTimeMs?: number;
  results?: DescribeConfigsResponseDescribeConfigsResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsResult {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  configs: DescribeConfigsResponseDescribeConfigsResourceResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsResultInput {
  errorCode?: number;
  errorMessage?: string | null;
  resourceType?: number;
  resourceName?: string;
  configs?: DescribeConfigsResponseDescribeConfigsResourceResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsResourceResult {
  name: string;
  value: string | null;
  readOnly: boolean;
  isDefault: boolean;
  configSource: number;
  isSensitive: boolean;
  synonyms: DescribeConfigsResponseDescribeConfigsSynonym[];
  configType: number;
  documentation: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsResourceResultInput {
  name?: string;
  value?: string | null;
  readOnly?: boolean;
  isDefault?: boolean;
  configSource?: number;
  isSensitive?: boolean;
  synonyms?: DescribeConfigsResponseDescribeConfigsSynonymInput[];
  configType?: number;
  documentation?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsSynonym {
  name: string;
  value: string | null;
  source: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsSynonymInput {
  name?: string;
  value?: string | null;
  source?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsResponse(): DescribeConfigsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function defaultDescribeConfigsResponseDescribeConfigsResult(): DescribeConfigsResponseDescribeConfigsResult {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

export function defaultDescribeConfigsResponseDescribeConfigsResourceResult(): DescribeConfigsResponseDescribeConfigsResourceResult {
  return {
    name: "",
    value: "",
    readOnly: false,
    isDefault: false,
    configSource: -1,
    isSensitive: false,
    synonyms: [],
    configType: 0,
    documentation: "",
  };
}

export function defaultDescribeConfigsResponseDescribeConfigsSynonym(): DescribeConfigsResponseDescribeConfigsSynonym {
  return {
    name: "",
    value: "",
    source: 0,
  };
}

export function writeDescribeConfigsResponse(w: Writer, v: number, m: DescribeConfigsResponseInput): void {
  const flex = v >= 4;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeConfigsResponseDescribeConfigsResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeConfigsResponseDescribeConfigsResult(w: Writer, v: number, m: DescribeConfigsResponseDescribeConfigsResultInput): void {
  const flex = v >= 4;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.resourceType === undefined ? 0 : m.resourceType; w.int8(x); }
  { const x = m.resourceName === undefined ? "" : m.resourceName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.configs === undefined ? [] : m.configs; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeConfigsResponseDescribeConfigsResourceResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeConfigsResponseDescribeConfigsResourceResult(w: Writer, v: number, m: DescribeConfigsResponseDescribeConfigsResourceResultInput): void {
  const flex = v >= 4;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.value === undefined ? "" : m.value; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.readOnly === undefined ? false : m.readOnly; w.bool(x); }
  if (v <= 0) { const x = m.isDefault === undefined ? false : m.isDefault; w.bool(x); }
  if (v >= 1) { const x = m.configSource === undefined ? -1 : m.configSource; w.int8(x); }
  { const x = m.isSensitive === undefined ? false : m.isSensitive; w.bool(x); }
  if (v >= 1) { const x = m.synonyms === undefined ? [] : m.synonyms; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeConfigsResponseDescribeConfigsSynonym(w, v, e); } } }
  if (v >= 3) { const x = m.configType === undefined ? 0 : m.configType; w.int8(x); }
  if (v >= 3) { const x = m.documentation === undefined ? "" : m.documentation; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeConfigsResponseDescribeConfigsSynonym(w: Writer, v: number, m: DescribeConfigsResponseDescribeConfigsSynonymInput): void {
  const flex = v >= 4;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.value === undefined ? "" : m.value; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.source === undefined ? 0 : m.source; w.int8(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeConfigsResponse(r: Reader, v: number): DescribeConfigsResponse {
  const flex = v >= 4;
  const fThrottleTimeMs: number = r.int32();
  const fResults: DescribeConfigsResponseDescribeConfigsResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeConfigsResponseDescribeConfigsResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeConfigsResponse = { throttleTimeMs: fThrottleTimeMs, results: fResults };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeConfigsResponseDescribeConfigsResult(r: Reader, v: number): DescribeConfigsResponseDescribeConfigsResult {
  const flex = v >= 4;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fResourceType: number = r.int8();
  const fResourceName: string = (flex ? r.compactString() : r.string());
  const fConfigs: DescribeConfigsResponseDescribeConfigsResourceResult[] = ((n: number) => { if (n < 0) return nullErr('Configs'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeConfigsResponseDescribeConfigsResourceResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeConfigsResponseDescribeConfigsResult = { errorCode: fErrorCode, errorMessage: fErrorMessage, resourceType: fResourceType, resourceName: fResourceName, configs: fConfigs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeConfigsResponseDescribeConfigsResourceResult(r: Reader, v: number): DescribeConfigsResponseDescribeConfigsResourceResult {
  const flex = v >= 4;
  const fName: string = (flex ? r.compactString() : r.string());
  const fValue: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fReadOnly: boolean = r.bool();
  const fIsDefault: boolean = (v <= 0) ? r.bool() : false;
  const fConfigSource: number = (v >= 1) ? r.int8() : -1;
  const fIsSensitive: boolean = r.bool();
  const fSynonyms: DescribeConfigsResponseDescribeConfigsSynonym[] = (v >= 1) ? ((n: number) => { if (n < 0) return nullErr('Synonyms'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeConfigsResponseDescribeConfigsSynonym(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const fConfigType: number = (v >= 3) ? r.int8() : 0;
  const fDocumentation: string | null = (v >= 3) ? (flex ? r.compactNullableString() : r.nullableString()) : "";
  const m: DescribeConfigsResponseDescribeConfigsResourceResult = { name: fName, value: fValue, readOnly: fReadOnly, isDefault: fIsDefault, configSource: fConfigSource, isSensitive: fIsSensitive, synonyms: fSynonyms, configType: fConfigType, documentation: fDocumentation };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeConfigsResponseDescribeConfigsSynonym(r: Reader, v: number): DescribeConfigsResponseDescribeConfigsSynonym {
  const flex = v >= 4;
  const fName: string = (flex ? r.compactString() : r.string());
  const fValue: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fSource: number = r.int8();
  const m: DescribeConfigsResponseDescribeConfigsSynonym = { name: fName, value: fValue, source: fSource };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
