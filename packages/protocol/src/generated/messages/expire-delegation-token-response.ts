// Generated from ExpireDelegationTokenResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const expireDelegationTokenResponseVersions = { min: 1, max: 2, flexibleMin: 2 } as const;

export interface ExpireDelegationTokenResponse {
  errorCode: number;
  expiryTimestampMs: bigint;
  throttleTimeMs: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ExpireDelegationTokenResponseInput {
  errorCode?: number;
  expiryTimestampMs?: bigint;
  throttleTimeMs?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultExpireDelegationTokenResponse(): ExpireDelegationTokenResponse {
  return {
    errorCode: 0,
    expiryTimestampMs: 0n,
    throttleTimeMs: 0,
  };
}

export function writeExpireDelegationTokenResponse(w: Writer, v: number, m: ExpireDelegationTokenResponseInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.expiryTimestampMs === undefined ? 0n : m.expiryTimestampMs; w.int64(x); }
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readExpireDelegationTokenResponse(r: Reader, v: number): ExpireDelegationTokenResponse {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fExpiryTimestampMs: bigint = r.int64();
  const fThrottleTimeMs: number = r.int32();
  const m: ExpireDelegationTokenResponse = { errorCode: fErrorCode, expiryTimestampMs: fExpiryTimestampMs, throttleTimeMs: fThrottleTimeMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
