// Generated from ExpireDelegationTokenRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const expireDelegationTokenRequestVersions = { min: 1, max: 2, flexibleMin: 2 } as const;

export interface ExpireDelegationTokenRequest {
  hmac: Buffer;
  expiryTimePeriodMs: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface ExpireDelegationTokenRequestInput {
  hmac?: Buffer;
  expiryTimePeriodMs?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultExpireDelegationTokenRequest(): ExpireDelegationTokenRequest {
  return {
    hmac: EMPTY_BYTES,
    expiryTimePeriodMs: 0n,
  };
}

export function writeExpireDelegationTokenRequest(w: Writer, v: number, m: ExpireDelegationTokenRequestInput): void {
  const flex = v >= 2;
  { const x = m.hmac === undefined ? EMPTY_BYTES : m.hmac; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  { const x = m.expiryTimePeriodMs === undefined ? 0n : m.expiryTimePeriodMs; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readExpireDelegationTokenRequest(r: Reader, v: number): ExpireDelegationTokenRequest {
  const flex = v >= 2;
  const fHmac: Buffer = (flex ? r.compactBytes() : r.bytes());
  const fExpiryTimePeriodMs: bigint = r.int64();
  const m: ExpireDelegationTokenRequest = { hmac: fHmac, expiryTimePeriodMs: fExpiryTimePeriodMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
