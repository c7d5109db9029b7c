// Generated from ListClientMetricsResourcesRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listClientMetricsResourcesRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface ListClientMetricsResourcesRequest {
  unknownTaggedFields?: TaggedField[];
}

export interface ListClientMetricsResourcesRequestInput {
  unknownTaggedFields?: TaggedField[];
}

export function defaultListClientMetricsResourcesRequest(): ListClientMetricsResourcesRequest {
  return {
  };
}

export function writeListClientMetricsResourcesRequest(w: Writer, v: number, m: ListClientMetricsResourcesRequestInput): void {
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readListClientMetricsResourcesRequest(r: Reader, v: number): ListClientMetricsResourcesRequest {
  const m: ListClientMetricsResourcesRequest = {  };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
