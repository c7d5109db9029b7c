// Generated from DescribeAclsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeAclsResponseVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface DescribeAclsResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  resources: DescribeAclsResponseDescribeAclsResource[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  resources?: DescribeAclsResponseDescribeAclsResourceInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseDescribeAclsResource {
  resourceType: number;
  resourceName: string;
  patternType: number;
  acls: DescribeAclsResponseAclDescription[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseDescribeAclsResourceInput {
  resourceType?: number;
  resourceName?: string;
  patternType?: number;
  acls?: DescribeAclsResponseAclDescriptionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseAclDescription {
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseAclDescriptionInput {
  principal?: string;
  host?: string;
  operation?: number;
  permissionType?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeAclsResponse(): DescribeAclsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    resources: [],
  };
}

export function defaultDescribeAclsResponseDescribeAclsResource(): DescribeAclsResponseDescribeAclsResource {
  return {
    resourceType: 0,
    resourceName: "",
    patternType: 3,
    acls: [],
  };
}

export function defaultDescribeAclsResponseAclDescription(): DescribeAclsResponseAclDescription {
  return {
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

export function writeDescribeAclsResponse(w: Writer, v: number, m: DescribeAclsResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.resources === undefined ? [] : m.resources; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeAclsResponseDescribeAclsResource(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeAclsResponseDescribeAclsResource(w: Writer, v: number, m: DescribeAclsResponseDescribeAclsResourceInput): void {
  const flex = v >= 2;
  { const x = m.resourceType === undefined ? 0 : m.resourceType; w.int8(x); }
  { const x = m.resourceName === undefined ? "" : m.resourceName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.patternType === undefined ? 3 : m.patternType; w.int8(x); }
  { const x = m.acls === undefined ? [] : m.acls; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeAclsResponseAclDescription(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeAclsResponseAclDescription(w: Writer, v: number, m: DescribeAclsResponseAclDescriptionInput): void {
  const flex = v >= 2;
  { const x = m.principal === undefined ? "" : m.principal; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.host === undefined ? "" : m.host; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.operation === undefined ? 0 : m.operation; w.int8(x); }
  { const x = m.permissionType === undefined ? 0 : m.permissionType; w.int8(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeAclsResponse(r: Reader, v: number): DescribeAclsResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fResources: DescribeAclsResponseDescribeAclsResource[] = ((n: number) => { if (n < 0) return nullErr('Resources'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeAclsResponseDescribeAclsResource(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeAclsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, resources: fResources };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeAclsResponseDescribeAclsResource(r: Reader, v: number): DescribeAclsResponseDescribeAclsResource {
  const flex = v >= 2;
  const fResourceType: number = r.int8();
  const fResourceName: string = (flex ? r.compactString() : r.string());
  const fPatternType: number = r.int8();
  const fAcls: DescribeAclsResponseAclDescription[] = ((n: number) => { if (n < 0) return nullErr('Acls'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeAclsResponseAclDescription(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeAclsResponseDescribeAclsResource = { resourceType: fResourceType, resourceName: fResourceName, patternType: fPatternType, acls: fAcls };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeAclsResponseAclDescription(r: Reader, v: number): DescribeAclsResponseAclDescription {
  const flex = v >= 2;
  const fPrincipal: string = (flex ? r.compactString() : r.string());
  const fHost: string = (flex ? r.compactString() : r.string());
  const fOperation: number = r.int8();
  const fPermissionType: number = r.int8();
  const m: DescribeAclsResponseAclDescription = { principal: fPrincipal, host: fHost, operation: fOperation, permissionType: fPermissionType };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
