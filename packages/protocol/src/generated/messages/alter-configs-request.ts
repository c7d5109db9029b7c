// Generated from AlterConfigsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterConfigsRequestVersions = { min: 0, max: 2, flexibleMin: 2 } as const;

export interface AlterConfigsRequest {
  resources: AlterConfigsRequestAlterConfigsResource[];
  validateOnly: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestInput {
  resources?: AlterConfigsRequestAlterConfigsResourceInput[];
  validateOnly?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestAlterConfigsResource {
  resourceType: number;
  resourceName: string;
  configs: AlterConfigsRequestAlterableConfig[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestAlterConfigsResourceInput {
  resourceType?: number;
  resourceName?: string;
  configs?: AlterConfigsRequestAlterableConfigInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestAlterableConfig {
  name: string;
  value: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestAlterableConfigInput {
  name?: string;
  value?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterConfigsRequest(): AlterConfigsRequest {
  return {
    resources: [],
    validateOnly: false,
  };
}

export function defaultAlterConfigsRequestAlterConfigsResource(): AlterConfigsRequestAlterConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

export function defaultAlterConfigsRequestAlterableConfig(): AlterConfigsRequestAlterableConfig {
  return {
    name: "",
    value: "",
  };
}

export function writeAlterConfigsRequest(w: Writer, v: number, m: AlterConfigsRequestInput): void {
  const flex = v >= 2;
  { const x = m.resources === undefined ? [] : m.resources; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterConfigsRequestAlterConfigsResource(w, v, e); } } }
  { const x = m.validateOnly === undefined ? false : m.validateOnly; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterConfigsRequestAlterConfigsResource(w: Writer, v: number, m: AlterConfigsRequestAlterConfigsResourceInput): void {
  const flex = v >= 2;
  { const x = m.resourceType === undefined ? 0 : m.resourceType; w.int8(x); }
  { const x = m.resourceName === undefined ? "" : m.resourceName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.configs === undefined ? [] : m.configs; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterConfigsRequestAlterableConfig(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterConfigsRequestAlterableConfig(w: Writer, v: number, m: AlterConfigsRequestAlterableConfigInput): void {
  const flex = v >= 2;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.value === undefined ? "" : m.value; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readAlterConfigsRequest(r: Reader, v: number): AlterConfigsRequest {
  const flex = v >= 2;
  const fResources: AlterConfigsRequestAlterConfigsResource[] = ((n: number) => { if (n < 0) return nullErr('Resources'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterConfigsRequestAlterConfigsResource(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fValidateOnly: boolean = r.bool();
  const m: AlterConfigsRequest = { resources: fResources, validateOnly: fValidateOnly };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterConfigsRequestAlterConfigsResource(r: Reader, v: number): AlterConfigsRequestAlterConfigsResource {
  const flex = v >= 2;
  const fResourceType: number = r.int8();
  const fResourceName: string = (flex ? r.compactString() : r.string());
  const fConfigs: AlterConfigsRequestAlterableConfig[] = ((n: number) => { if (n < 0) return nullErr('Configs'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterConfigsRequestAlterableConfig(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterConfigsRequestAlterConfigsResource = { resourceType: fResourceType, resourceName: fResourceName, configs: fConfigs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterConfigsRequestAlterableConfig(r: Reader, v: number): AlterConfigsRequestAlterableConfig {
  const flex = v >= 2;
  const fName: string = (flex ? r.compactString() : r.string());
  const fValue: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: AlterConfigsRequestAlterableConfig = { name: fName, value: fValue };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
