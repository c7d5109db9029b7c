// Generated from CreateTopicsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const createTopicsResponseVersions = { min: 0, max: 7, flexibleMin: 5 } as const;

export interface CreateTopicsResponse {
  throttleTimeMs: number;
  topics: CreateTopicsResponseCreatableTopicResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseInput {
  throttleTimeMs?: number;
  topics?: CreateTopicsResponseCreatableTopicResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseCreatableTopicResult {
  name: string;
  topicId: string;
  errorCode: number;
  errorMessage: string | null;
  topicConfigErrorCode: number;
  numPartitions: number;
  replicationFactor: number;
  configs: CreateTopicsResponseCreatableTopicConfigs[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseCreatableTopicResultInput {
  name?: string;
  topicId?: string;
  errorCode?: number;
  errorMessage?: string | null;
  topicConfigErrorCode?: number;
  numPartitions?: number;
  replicationFactor?: number;
  configs?: CreateTopicsResponseCreatableTopicConfigsInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseCreatableTopicConfigs {
  name: string;
  value: string | null;
  readOnly: boolean;
  configSource: number;
  isSensitive: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsResponseCreatableTopicConfigsInput {
  name?: string;
  value?: string | null;
  readOnly?: boolean;
  configSource?: number;
  isSensitive?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsResponse(): CreateTopicsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

export function defaultCreateTopicsResponseCreatableTopicResult(): CreateTopicsResponseCreatableTopicResult {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    errorCode: 0,
    errorMessage: "",
    topicConfigErrorCode: 0,
    numPartitions: -1,
    replicationFactor: -1,
    configs: [],
  };
}

export function defaultCreateTopicsResponseCreatableTopicConfigs(): CreateTopicsResponseCreatableTopicConfigs {
  return {
    name: "",
    value: "",
    readOnly: false,
    configSource: -1,
    isSensitive: false,
  };
}

export function writeCreateTopicsResponse(w: Writer, v: number, m: CreateTopicsResponseInput): void {
  const flex = v >= 5;
  if (v >= 2) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeCreateTopicsResponseCreatableTopicResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreateTopicsResponseCreatableTopicResult(w: Writer, v: number, m: CreateTopicsResponseCreatableTopicResultInput): void {
  const flex = v >= 5;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 7) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 1) { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (v >= 5) { const x = m.numPartitions === undefined ? -1 : m.numPartitions; w.int32(x); }
  if (v >= 5) { const x = m.replicationFactor === undefined ? -1 : m.replicationFactor; w.int16(x); }
  if (v >= 5) { const x = m.configs === undefined ? [] : m.configs; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeCreateTopicsResponseCreatableTopicConfigs(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    if (v >= 5) { const x = m.topicConfigErrorCode === undefined ? 0 : m.topicConfigErrorCode; if (!isDefaultValue(x, 0)) tags.push([0, (w) => { w.int16(x); }]); }
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreateTopicsResponseCreatableTopicConfigs(w: Writer, v: number, m: CreateTopicsResponseCreatableTopicConfigsInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.value === undefined ? "" : m.value; w.compactNullableString(x); }
  { const x = m.readOnly === undefined ? false : m.readOnly; w.bool(x); }
  { const x = m.configSource === undefined ? -1 : m.configSource; w.int8(x); }
  { const x = m.isSensitive === undefined ? false : m.isSensitive; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readCreateTopicsResponse(r: Reader, v: number): CreateTopicsResponse {
  const flex = v >= 5;
  const fThrottleTimeMs: number = (v >= 2) ? r.int32() : 0;
  const fTopics: CreateTopicsResponseCreatableTopicResult[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readCreateTopicsResponseCreatableTopicResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: CreateTopicsResponse = { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreateTopicsResponseCreatableTopicResult(r: Reader, v: number): CreateTopicsResponseCreatableTopicResult {
  const flex = v >= 5;
  const fName: string = (flex ? r.compactString() : r.string());
  const fTopicId: string = (v >= 7) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (v >= 1) ? (flex ? r.compactNullableString() : r.nullableString()) : "";
  const fTopicConfigErrorCode: number = 0;
  const fNumPartitions: number = (v >= 5) ? r.int32() : -1;
  const fReplicationFactor: number = (v >= 5) ? r.int16() : -1;
  const fConfigs: CreateTopicsResponseCreatableTopicConfigs[] | null = (v >= 5) ? ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readCreateTopicsResponseCreatableTopicConfigs(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: CreateTopicsResponseCreatableTopicResult = { name: fName, topicId: fTopicId, errorCode: fErrorCode, errorMessage: fErrorMessage, topicConfigErrorCode: fTopicConfigErrorCode, numPartitions: fNumPartitions, replicationFactor: fReplicationFactor, configs: fConfigs };
  if (flex) {
    const u = r.taggedFields((tag, t) => {
      switch (tag) {
        case 0: if (v >= 5) { m.topicConfigErrorCode = t.int16(); return true; } return false;
        default: return false;
      }
    });
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreateTopicsResponseCreatableTopicConfigs(r: Reader, v: number): CreateTopicsResponseCreatableTopicConfigs {
  const fName: string = r.compactString();
  const fValue: string | null = r.compactNullableString();
  const fReadOnly: boolean = r.bool();
  const fConfigSource: number = r.int8();
  const fIsSensitive: boolean = r.bool();
  const m: CreateTopicsResponseCreatableTopicConfigs = { name: fName, value: fValue, readOnly: fReadOnly, configSource: fConfigSource, isSensitive: fIsSensitive };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
