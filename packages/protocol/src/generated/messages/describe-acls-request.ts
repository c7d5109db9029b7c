// Generated from DescribeAclsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeAclsRequestVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface DescribeAclsRequest {
  resourceTypeFilter: number;
  resourceNameFilter: string | null;
  patternTypeFilter: number;
  principalFilter: string | null;
  hostFilter: string | null;
  operation: number;
  permissionType: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsRequestInput {
  resourceTypeFilter?: number;
  resourceNameFilter?: string | null;
  patternTypeFilter?: number;
  principalFilter?: string | null;
  hostFilter?: string | null;
  operation?: number;
  permissionType?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeAclsRequest(): DescribeAclsRequest {
  return {
    resourceTypeFilter: 0,
    resourceNameFilter: "",
    patternTypeFilter: 3,
    principalFilter: "",
    hostFilter: "",
    operation: 0,
    permissionType: 0,
  };
}

export function writeDescribeAclsRequest(w: Writer, v: number, m: DescribeAclsRequestInput): void {
  const flex = v >= 2;
  { const x = m.resourceTypeFilter === undefined ? 0 : m.resourceTypeFilter; w.int8(x); }
  { const x = m.resourceNameFilter === undefined ? "" : m.resourceNameFilter; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.patternTypeFilter === undefined ? 3 : m.patternTypeFilter; w.int8(x); }
  { const x = m.principalFilter === undefined ? "" : m.principalFilter; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.hostFilter === undefined ? "" : m.hostFilter; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.operation === undefined ? 0 : m.operation; w.int8(x); }
  { const x = m.permissionType === undefined ? 0 : m.permissionType; w.int8(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeAclsRequest(r: Reader, v: number): DescribeAclsRequest {
  const flex = v >= 2;
  const fResourceTypeFilter: number = r.int8();
  const fResourceNameFilter: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fPatternTypeFilter: number = r.int8();
  const fPrincipalFilter: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fHostFilter: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fOperation: number = r.int8();
  const fPermissionType: number = r.int8();
  const m: DescribeAclsRequest = { resourceTypeFilter: fResourceTypeFilter, resourceNameFilter: fResourceNameFilter, patternTypeFilter: fPatternTypeFilter, principalFilter: fPrincipalFilter, hostFilter: fHostFilter, operation: fOperation, permissionType: fPermissionType };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
