// Generated from DescribeConfigsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeConfigsRequestVersions = { min: 0, max: 4, flexibleMin: 4 } as const;

export interface DescribeConfigsRequest {
  resources: DescribeConfigsRequestDescribeConfigsResource[];
  includeSynonyms: boolean;
  includeDocumentation: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsRequestInput {
  resources?: DescribeConfigsRequestDescribeConfigsResourceInput[];
  includeSynonyms?: boolean;
  includeDocumentation?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsRequestDescribeConfigsResource {
  resourceType: number;
  resourceName: string;
  configurationKeys: string[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsRequestDescribeConfigsResourceInput {
  resourceType?: number;
  resourceName?: string;
  configurationKeys?: string[] | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsRequest(): DescribeConfigsRequest {
  return {
    resources: [],
    includeSynonyms: false,
    includeDocumentation: false,
  };
}

export function defaultDescribeConfigsRequestDescribeConfigsResource(): DescribeConfigsRequestDescribeConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configurationKeys: [],
  };
}

export function writeDescribeConfigsRequest(w: Writer, v: number, m: DescribeConfigsRequestInput): void {
  const flex = v >= 4;
  { const x = m.resources === undefined ? [] : m.resources; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeConfigsRequestDescribeConfigsResource(w, v, e); } } }
  if (v >= 1) { const x = m.includeSynonyms === undefined ? false : m.includeSynonyms; w.bool(x); }
  if (v >= 3) { const x = m.includeDocumentation === undefined ? false : m.includeDocumentation; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeConfigsRequestDescribeConfigsResource(w: Writer, v: number, m: DescribeConfigsRequestDescribeConfigsResourceInput): void {
  const flex = v >= 4;
  { const x = m.resourceType === undefined ? 0 : m.resourceType; w.int8(x); }
  { const x = m.resourceName === undefined ? "" : m.resourceName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.configurationKeys === undefined ? [] : m.configurationKeys; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { (flex ? w.compactString(e ?? '') : w.string(e ?? '')); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeConfigsRequest(r: Reader, v: number): DescribeConfigsRequest {
  const flex = v >= 4;
  const fResources: DescribeConfigsRequestDescribeConfigsResource[] = ((n: number) => { if (n < 0) return nullErr('Resources'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeConfigsRequestDescribeConfigsResource(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fIncludeSynonyms: boolean = (v >= 1) ? r.bool() : false;
  const fIncludeDocumentation: boolean = (v >= 3) ? r.bool() : false;
  const m: DescribeConfigsRequest = { resources: fResources, includeSynonyms: fIncludeSynonyms, includeDocumentation: fIncludeDocumentation };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeConfigsRequestDescribeConfigsResource(r: Reader, v: number): DescribeConfigsRequestDescribeConfigsResource {
  const flex = v >= 4;
  const fResourceType: number = r.int8();
  const fResourceName: string = (flex ? r.compactString() : r.string());
  const fConfigurationKeys: string[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push((flex ? r.compactString() : r.string())); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeConfigsRequestDescribeConfigsResource = { resourceType: fResourceType, resourceName: fResourceName, configurationKeys: fConfigurationKeys };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
