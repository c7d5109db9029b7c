// Generated from DescribeClusterRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeClusterRequestVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface DescribeClusterRequest {
  includeClusterAuthorizedOperations: boolean;
  endpointType: number;
  includeFencedBrokers: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClusterRequestInput {
  includeClusterAuthorizedOperations?: boolean;
  endpointType?: number;
  includeFencedBrokers?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClusterRequest(): DescribeClusterRequest {
  return {
    includeClusterAuthorizedOperations: false,
    endpointType: 1,
    includeFencedBrokers: false,
  };
}

export function writeDescribeClusterRequest(w: Writer, v: number, m: DescribeClusterRequestInput): void {
  { const x = m.includeClusterAuthorizedOperations === undefined ? false : m.includeClusterAuthorizedOperations; w.bool(x); }
  if (v >= 1) { const x = m.endpointType === undefined ? 1 : m.endpointType; w.int8(x); }
  if (v >= 2) { const x = m.includeFencedBrokers === undefined ? false : m.includeFencedBrokers; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeClusterRequest(r: Reader, v: number): DescribeClusterRequest {
  const fIncludeClusterAuthorizedOperations: boolean = r.bool();
  const fEndpointType: number = (v >= 1) ? r.int8() : 1;
  const fIncludeFencedBrokers: boolean = (v >= 2) ? r.bool() : false;
  const m: DescribeClusterRequest = { includeClusterAuthorizedOperations: fIncludeClusterAuthorizedOperations, endpointType: fEndpointType, includeFencedBrokers: fIncludeFencedBrokers };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
