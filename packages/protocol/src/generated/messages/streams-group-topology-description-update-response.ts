// Generated from StreamsGroupTopologyDescriptionUpdateResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const streamsGroupTopologyDescriptionUpdateResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface StreamsGroupTopologyDescriptionUpdateResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyDescriptionUpdateResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupTopologyDescriptionUpdateResponse(): StreamsGroupTopologyDescriptionUpdateResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeStreamsGroupTopologyDescriptionUpdateResponse(w: Writer, v: number, m: StreamsGroupTopologyDescriptionUpdateResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readStreamsGroupTopologyDescriptionUpdateResponse(r: Reader, v: number): StreamsGroupTopologyDescriptionUpdateResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: StreamsGroupTopologyDescriptionUpdateResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
