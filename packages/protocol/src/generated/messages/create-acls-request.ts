// Generated from CreateAclsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const createAclsRequestVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface CreateAclsRequest {
  creations: CreateAclsRequestAclCreation[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsRequestInput {
  creations?: CreateAclsRequestAclCreationInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsRequestAclCreation {
  resourceType: number;
  resourceName: string;
  resourcePatternType: number;
  principal: string;
  host: string;
  operation: number;
  permissionType: number;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsRequestAclCreationInput {
  resourceType?: number;
  resourceName?: string;
  resourcePatternType?: number;
  principal?: string;
  host?: string;
  operation?: number;
  permissionType?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultCreateAclsRequest(): CreateAclsRequest {
  return {
    creations: [],
  };
}

export function defaultCreateAclsRequestAclCreation(): CreateAclsRequestAclCreation {
  return {
    resourceType: 0,
    resourceName: "",
    resourcePatternType: 3,
    principal: "",
    host: "",
    operation: 0,
    permissionType: 0,
  };
}

export function writeCreateAclsRequest(w: Writer, v: number, m: CreateAclsRequestInput): void {
  const flex = v >= 2;
  { const x = m.creations === undefined ? [] : m.creations; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeCreateAclsRequestAclCreation(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreateAclsRequestAclCreation(w: Writer, v: number, m: CreateAclsRequestAclCreationInput): void {
  const flex = v >= 2;
  { const x = m.resourceType === undefined ? 0 : m.resourceType; w.int8(x); }
  { const x = m.resourceName === undefined ? "" : m.resourceName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.resourcePatternType === undefined ? 3 : m.resourcePatternType; w.int8(x); }
  { const x = m.principal === undefined ? "" : m.principal; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.host === undefined ? "" : m.host; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.operation === undefined ? 0 : m.operation; w.int8(x); }
  { const x = m.permissionType === undefined ? 0 : m.permissionType; w.int8(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readCreateAclsRequest(r: Reader, v: number): CreateAclsRequest {
  const flex = v >= 2;
  const fCreations: CreateAclsRequestAclCreation[] = ((n: number) => { if (n < 0) return nullErr('Creations'); const a = []; for (let i = 0; i < n; i++) a.push(readCreateAclsRequestAclCreation(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: CreateAclsRequest = { creations: fCreations };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreateAclsRequestAclCreation(r: Reader, v: number): CreateAclsRequestAclCreation {
  const flex = v >= 2;
  const fResourceType: number = r.int8();
  const fResourceName: string = (flex ? r.compactString() : r.string());
  const fResourcePatternType: number = r.int8();
  const fPrincipal: string = (flex ? r.compactString() : r.string());
  const fHost: string = (flex ? r.compactString() : r.string());
  const fOperation: number = r.int8();
  const fPermissionType: number = r.int8();
  const m: CreateAclsRequestAclCreation = { resourceType: fResourceType, resourceName: fResourceName, resourcePatternType: fResourcePatternType, principal: fPrincipal, host: fHost, operation: fOperation, permissionType: fPermissionType };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
