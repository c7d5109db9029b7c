// Generated from DeleteAclsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteAclsResponseVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface DeleteAclsResponse {
  throttleTimeMs: number;
  filterResults: DeleteAclsResponseDeleteAclsFilterResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseInput {
  throttleTimeMs?: number;
  filterResults?: DeleteAclsResponseDeleteAclsFilterResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseDeleteAclsFilterResult {
  errorCode: number;
  errorMessage: string | null;
  matchingAcls: DeleteAclsResponseDeleteAclsMatchingAcl[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseDeleteAclsFilterResultInput {
  errorCode?: number;
  errorMessage?: string | null;
  matchingAcls?: DeleteAclsResponseDeleteAclsMatchingAclInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseDeleteAclsMatchingAcl {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  patternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseDeleteAclsMatchingAclInput {
  errorCode?: number;
  errorMessage?: string | null;
  resourceType?: number;
  resourceName?: string;
  patternType?: number;
  principal?: string;
  host?: string;
  operation?: number;
  permissionType?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteAclsResponse(): DeleteAclsResponse {
  return {
    throttleTimeMs: 0,
    filterResults: [],
  };
}

export function defaultDeleteAclsResponseDeleteAclsFilterResult(): DeleteAclsResponseDeleteAclsFilterResult {
  return {
    errorCode: 0,
    errorMessage: "",
    matchingAcls: [],
  };
}

export function defaultDeleteAclsResponseDeleteAclsMatchingAcl(): DeleteAclsResponseDeleteAclsMatchingAcl {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    patternType: 3,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

export function writeDeleteAclsResponse(w: Writer, v: number, m: DeleteAclsResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.filterResults === undefined ? [] : m.filterResults; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDeleteAclsResponseDeleteAclsFilterResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteAclsResponseDeleteAclsFilterResult(w: Writer, v: number, m: DeleteAclsResponseDeleteAclsFilterResultInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.matchingAcls === undefined ? [] : m.matchingAcls; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDeleteAclsResponseDeleteAclsMatchingAcl(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteAclsResponseDeleteAclsMatchingAcl(w: Writer, v: number, m: DeleteAclsResponseDeleteAclsMatchingAclInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.resourceType === undefined ? 0 : m.resourceType; w.int8(x); }
  { const x = m.resourceName === undefined ? "" : m.resourceName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.patternType === undefined ? 3 : m.patternType; w.int8(x); }
  { const x = m.principal === undefined ? "" : m.principal; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.host === undefined ? "" : m.host; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.operation === undefined ? 0 : m.operation; w.int8(x); }
  { const x = m.permissionType === undefined ? 0 : m.permissionType; w.int8(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDeleteAclsResponse(r: Reader, v: number): DeleteAclsResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fFilterResults: DeleteAclsResponseDeleteAclsFilterResult[] = ((n: number) => { if (n < 0) return nullErr('FilterResults'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteAclsResponseDeleteAclsFilterResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DeleteAclsResponse = { throttleTimeMs: fThrottleTimeMs, filterResults: fFilterResults };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteAclsResponseDeleteAclsFilterResult(r: Reader, v: number): DeleteAclsResponseDeleteAclsFilterResult {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fMatchingAcls: DeleteAclsResponseDeleteAclsMatchingAcl[] = ((n: number) => { if (n < 0) return nullErr('MatchingAcls'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteAclsResponseDeleteAclsMatchingAcl(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DeleteAclsResponseDeleteAclsFilterResult = { errorCode: fErrorCode, errorMessage: fErrorMessage, matchingAcls: fMatchingAcls };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteAclsResponseDeleteAclsMatchingAcl(r: Reader, v: number): DeleteAclsResponseDeleteAclsMatchingAcl {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fResourceType: number = r.int8();
  const fResourceName: string = (flex ? r.compactString() : r.string());
  const fPatternType: number = r.int8();
  const fPrincipal: string = (flex ? r.compactString() : r.string());
  const fHost: string = (flex ? r.compactString() : r.string());
  const fOperation: number = r.int8();
  const fPermissionType: number = r.int8();
  const m: DeleteAclsResponseDeleteAclsMatchingAcl = { errorCode: fErrorCode, errorMessage: fErrorMessage, resourceType: fResourceType, resourceName: fResourceName, patternType: fPatternType, principal: fPrincipal, host: fHost, operation: fOperation, permissionType: fPermissionType };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
