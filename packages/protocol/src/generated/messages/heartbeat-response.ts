// Generated from HeartbeatResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const heartbeatResponseVersions = { min: 0, max: 4, flexibleMin: 4 } as const;

export interface HeartbeatResponse {
  throttleTimeMs: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface HeartbeatResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultHeartbeatResponse(): HeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

export function writeHeartbeatResponse(w: Writer, v: number, m: HeartbeatResponseInput): void {
  const flex = v >= 4;
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readHeartbeatResponse(r: Reader, v: number): HeartbeatResponse {
  const flex = v >= 4;
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fErrorCode: number = r.int16();
  const m: HeartbeatResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
