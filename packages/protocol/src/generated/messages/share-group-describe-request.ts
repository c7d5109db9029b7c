// Generated from ShareGroupDescribeRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const shareGroupDescribeRequestVersions = { min: 1, max: 1, flexibleMin: 0 } as const;

export interface ShareGroupDescribeRequest {
  groupIds: string[];
  includeAuthorizedOperations: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeRequestInput {
  groupIds?: string[];
  includeAuthorizedOperations?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupDescribeRequest(): ShareGroupDescribeRequest {
  return {
    groupIds: [],
    includeAuthorizedOperations: false,
  };
}

export function writeShareGroupDescribeRequest(w: Writer, v: number, m: ShareGroupDescribeRequestInput): void {
  { const x = m.groupIds === undefined ? [] : m.groupIds; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.includeAuthorizedOperations === undefined ? false : m.includeAuthorizedOperations; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readShareGroupDescribeRequest(r: Reader, v: number): ShareGroupDescribeRequest {
  const fGroupIds: string[] = ((n: number) => { if (n < 0) return nullErr('GroupIds'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fIncludeAuthorizedOperations: boolean = r.bool();
  const m: ShareGroupDescribeRequest = { groupIds: fGroupIds, includeAuthorizedOperations: fIncludeAuthorizedOperations };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
