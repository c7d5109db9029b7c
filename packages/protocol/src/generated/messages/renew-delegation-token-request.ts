// Generated from RenewDelegationTokenRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const renewDelegationTokenRequestVersions = { min: 1, max: 2, flexibleMin: 2 } as const;

export interface RenewDelegationTokenRequest {
  hmac: Buffer;
  renewPeriodMs: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface RenewDelegationTokenRequestInput {
  hmac?: Buffer;
  renewPeriodMs?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultRenewDelegationTokenRequest(): RenewDelegationTokenRequest {
  return {
    hmac: EMPTY_BYTES,
    renewPeriodMs: 0n,
  };
}

export function writeRenewDelegationTokenRequest(w: Writer, v: number, m: RenewDelegationTokenRequestInput): void {
  const flex = v >= 2;
  { const x = m.hmac === undefined ? EMPTY_BYTES : m.hmac; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  { const x = m.renewPeriodMs === undefined ? 0n : m.renewPeriodMs; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readRenewDelegationTokenRequest(r: Reader, v: number): RenewDelegationTokenRequest {
  const flex = v >= 2;
  const fHmac: Buffer = (flex ? r.compactBytes() : r.bytes());
  const fRenewPeriodMs: bigint = r.int64();
  const m: RenewDelegationTokenRequest = { hmac: fHmac, renewPeriodMs: fRenewPeriodMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
