// Generated from StreamsGroupDescribeRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const streamsGroupDescribeRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface StreamsGroupDescribeRequest {
  groupIds: string[];
  includeAuthorizedOperations: boolean;
  includeTopologyDescription: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeRequestInput {
  groupIds?: string[];
  includeAuthorizedOperations?: boolean;
  includeTopologyDescription?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupDescribeRequest(): StreamsGroupDescribeRequest {
  return {
    groupIds: [],
    includeAuthorizedOperations: false,
    includeTopologyDescription: false,
  };
}

export function writeStreamsGroupDescribeRequest(w: Writer, v: number, m: StreamsGroupDescribeRequestInput): void {
  { const x = m.groupIds === undefined ? [] : m.groupIds; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.includeAuthorizedOperations === undefined ? false : m.includeAuthorizedOperations; w.bool(x); }
  if (v >= 1) { const x = m.includeTopologyDescription === undefined ? false : m.includeTopologyDescription; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readStreamsGroupDescribeRequest(r: Reader, v: number): StreamsGroupDescribeRequest {
  const fGroupIds: string[] = ((n: number) => { if (n < 0) return nullErr('GroupIds'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fIncludeAuthorizedOperations: boolean = r.bool();
  const fIncludeTopologyDescription: boolean = (v >= 1) ? r.bool() : false;
  const m: StreamsGroupDescribeRequest = { groupIds: fGroupIds, includeAuthorizedOperations: fIncludeAuthorizedOperations, includeTopologyDescription: fIncludeTopologyDescription };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
