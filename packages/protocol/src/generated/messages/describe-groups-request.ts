// Generated from DescribeGroupsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeGroupsRequestVersions = { min: 0, max: 6, flexibleMin: 5 } as const;

export interface DescribeGroupsRequest {
  groups: string[];
  includeAuthorizedOperations: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsRequestInput {
  groups?: string[];
  includeAuthorizedOperations?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeGroupsRequest(): DescribeGroupsRequest {
  return {
    groups: [],
    includeAuthorizedOperations: false,
  };
}

export function writeDescribeGroupsRequest(w: Writer, v: number, m: DescribeGroupsRequestInput): void {
  const flex = v >= 5;
  { const x = m.groups === undefined ? [] : m.groups; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { (flex ? w.compactString(e ?? '') : w.string(e ?? '')); } } }
  if (v >= 3) { const x = m.includeAuthorizedOperations === undefined ? false : m.includeAuthorizedOperations; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeGroupsRequest(r: Reader, v: number): DescribeGroupsRequest {
  const flex = v >= 5;
  const fGroups: string[] = ((n: number) => { if (n < 0) return nullErr('Groups'); const a = []; for (let i = 0; i < n; i++) a.push((flex ? r.compactString() : r.string())); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fIncludeAuthorizedOperations: boolean = (v >= 3) ? r.bool() : false;
  const m: DescribeGroupsRequest = { groups: fGroups, includeAuthorizedOperations: fIncludeAuthorizedOperations };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
