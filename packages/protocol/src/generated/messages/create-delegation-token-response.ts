// Generated from CreateDelegationTokenResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const createDelegationTokenResponseVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface CreateDelegationTokenResponse {
  errorCode: number;
  principalType: string;
  principalName: string;
  tokenRequesterPrincipalType: string;
  tokenRequesterPrincipalName: string;
  issueTimestampMs: bigint;
  expiryTimestampMs: bigint;
  maxTimestampMs: bigint;
  tokenId: string;
  hmac: Buffer;
  throttleTimeMs: number;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateDelegationTokenResponseInput {
  errorCode?: number;
  principalType?: string;
  principalName?: string;
  tokenRequesterPrincipalType?: string;
  tokenRequesterPrincipalName?: string;
  issueTimestampMs?: bigint;
  expiryTimestampMs?: bigint;
  maxTimestampMs?: bigint;
  tokenId?: string;
  hmac?: Buffer;
  throttleTimeMs?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultCreateDelegationTokenResponse(): CreateDelegationTokenResponse {
  return {
    errorCode: 0,
    principalType: "",
    principalName: "",
    tokenRequesterPrincipalType: "",
    tokenRequesterPrincipalName: "",
    issueTimestampMs: 0n,
    expiryTimestampMs: 0n,
    maxTimestampMs: 0n,
    tokenId: "",
    hmac: EMPTY_BYTES,
    throttleTimeMs: 0,
  };
}

export function writeCreateDelegationTokenResponse(w: Writer, v: number, m: CreateDelegationTokenResponseInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.principalType === undefined ? "" : m.principalType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.principalName === undefined ? "" : m.principalName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 3) { const x = m.tokenRequesterPrincipalType === undefined ? "" : m.tokenRequesterPrincipalType; w.compactString(x ?? ''); }
  if (v >= 3) { const x = m.tokenRequesterPrincipalName === undefined ? "" : m.tokenRequesterPrincipalName; w.compactString(x ?? ''); }
  { const x = m.issueTimestampMs === undefined ? 0n : m.issueTimestampMs; w.int64(x); }
  { const x = m.expiryTimestampMs === undefined ? 0n : m.expiryTimestampMs; w.int64(x); }
  { const x = m.maxTimestampMs === undefined ? 0n : m.maxTimestampMs; w.int64(x); }
  { const x = m.tokenId === undefined ? "" : m.tokenId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.hmac === undefined ? EMPTY_BYTES : m.hmac; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readCreateDelegationTokenResponse(r: Reader, v: number): CreateDelegationTokenResponse {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fPrincipalType: string = (flex ? r.compactString() : r.string());
  const fPrincipalName: string = (flex ? r.compactString() : r.string());
  const fTokenRequesterPrincipalType: string = (v >= 3) ? r.compactString() : "";
  const fTokenRequesterPrincipalName: string = (v >= 3) ? r.compactString() : "";
  const fIssueTimestampMs: bigint = r.int64();
  const fExpiryTimestampMs: bigint = r.int64();
  const fMaxTimestampMs: bigint = r.int64();
  const fTokenId: string = (flex ? r.compactString() : r.string());
  const fHmac: Buffer = (flex ? r.compactBytes() : r.bytes());
  const fThrottleTimeMs: number = r.int32();
  const m: CreateDelegationTokenResponse = { errorCode: fErrorCode, principalType: fPrincipalType, principalName: fPrincipalName, tokenRequesterPrincipalType: fTokenRequesterPrincipalType, tokenRequesterPrincipalName: fTokenRequesterPrincipalName, issueTimestampMs: fIssueTimestampMs, expiryTimestampMs: fExpiryTimestampMs, maxTimestampMs: fMaxTimestampMs, tokenId: fTokenId, hmac: fHmac, throttleTimeMs: fThrottleTimeMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
