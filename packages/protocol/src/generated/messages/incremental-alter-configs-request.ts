// Generated from IncrementalAlterConfigsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const incrementalAlterConfigsRequestVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface IncrementalAlterConfigsRequest {
  resources: IncrementalAlterConfigsRequestAlterConfigsResource[];
  validateOnly: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestInput {
  resources?: IncrementalAlterConfigsRequestAlterConfigsResourceInput[];
  validateOnly?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestAlterConfigsResource {
  resourceType: number;
  resourceName: string;
  configs: IncrementalAlterConfigsRequestAlterableConfig[];
  unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestAlterConfigsResourceInput {
  resourceType?: number;
  resourceName?: string;
  configs?: IncrementalAlterConfigsRequestAlterableConfigInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestAlterableConfig {
  name: string;
  configOperation: number;
  value: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestAlterableConfigInput {
  name?: string;
  configOperation?: number;
  value?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsRequest(): IncrementalAlterConfigsRequest {
  return {
    resources: [],
    validateOnly: false,
  };
}

export function defaultIncrementalAlterConfigsRequestAlterConfigsResource(): IncrementalAlterConfigsRequestAlterConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

export function defaultIncrementalAlterConfigsRequestAlterableConfig(): IncrementalAlterConfigsRequestAlterableConfig {
  return {
    name: "",
    configOperation: 0,
    value: "",
  };
}

export function writeIncrementalAlterConfigsRequest(w: Writer, v: number, m: IncrementalAlterConfigsRequestInput): void {
  const flex = v >= 1;
  { const x = m.resources === undefined ? [] : m.resources; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeIncrementalAlterConfigsRequestAlterConfigsResource(w, v, e); } } }
  { const x = m.validateOnly === undefined ? false : m.validateOnly; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeIncrementalAlterConfigsRequestAlterConfigsResource(w: Writer, v: number, m: IncrementalAlterConfigsRequestAlterConfigsResourceInput): void {
  const flex = v >= 1;
  { const x = m.resourceType === undefined ? 0 : m.resourceType; w.int8(x); }
  { const x = m.resourceName === undefined ? "" : m.resourceName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.configs === undefined ? [] : m.configs; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeIncrementalAlterConfigsRequestAlterableConfig(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeIncrementalAlterConfigsRequestAlterableConfig(w: Writer, v: number, m: IncrementalAlterConfigsRequestAlterableConfigInput): void {
  const flex = v >= 1;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.configOperation === undefined ? 0 : m.configOperation; w.int8(x); }
  { const x = m.value === undefined ? "" : m.value; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readIncrementalAlterConfigsRequest(r: Reader, v: number): IncrementalAlterConfigsRequest {
  const flex = v >= 1;
  const fResources: IncrementalAlterConfigsRequestAlterConfigsResource[] = ((n: number) => { if (n < 0) return nullErr('Resources'); const a = []; for (let i = 0; i < n; i++) a.push(readIncrementalAlterConfigsRequestAlterConfigsResource(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fValidateOnly: boolean = r.bool();
  const m: IncrementalAlterConfigsRequest = { resources: fResources, validateOnly: fValidateOnly };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readIncrementalAlterConfigsRequestAlterConfigsResource(r: Reader, v: number): IncrementalAlterConfigsRequestAlterConfigsResource {
  const flex = v >= 1;
  const fResourceType: number = r.int8();
  const fResourceName: string = (flex ? r.compactString() : r.string());
  const fConfigs: IncrementalAlterConfigsRequestAlterableConfig[] = ((n: number) => { if (n < 0) return nullErr('Configs'); const a = []; for (let i = 0; i < n; i++) a.push(readIncrementalAlterConfigsRequestAlterableConfig(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: IncrementalAlterConfigsRequestAlterConfigsResource = { resourceType: fResourceType, resourceName: fResourceName, configs: fConfigs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readIncrementalAlterConfigsRequestAlterableConfig(r: Reader, v: number): IncrementalAlterConfigsRequestAlterableConfig {
  const flex = v >= 1;
  const fName: string = (flex ? r.compactString() : r.string());
  const fConfigOperation: number = r.int8();
  const fValue: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: IncrementalAlterConfigsRequestAlterableConfig = { name: fName, configOperation: fConfigOperation, value: fValue };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
