// Generated from AddRaftVoterResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const addRaftVoterResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface AddRaftVoterResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AddRaftVoterResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAddRaftVoterResponse(): AddRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function writeAddRaftVoterResponse(w: Writer, v: number, m: AddRaftVoterResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAddRaftVoterResponse(r: Reader, v: number): AddRaftVoterResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: AddRaftVoterResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
