// Generated from PushTelemetryResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const pushTelemetryResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface PushTelemetryResponse {
  throttleTimeMs: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface PushTelemetryResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultPushTelemetryResponse(): PushTelemetryResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

export function writePushTelemetryResponse(w: Writer, v: number, m: PushTelemetryResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readPushTelemetryResponse(r: Reader, v: number): PushTelemetryResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: PushTelemetryResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
