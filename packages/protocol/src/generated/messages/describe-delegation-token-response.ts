// Generated from DescribeDelegationTokenResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeDelegationTokenResponseVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface DescribeDelegationTokenResponse {
  errorCode: number;
  tokens: DescribeDelegationTokenResponseDescribedDelegationToken[];
  throttleTimeMs: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseInput {
  errorCode?: number;
  tokens?: DescribeDelegationTokenResponseDescribedDelegationTokenInput[];
  throttleTimeMs?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseDescribedDelegationToken {
  principalType: string;
  principalName: string;
  tokenRequesterPrincipalType: string;
  tokenRequesterPrincipalName: string;
  issueTimestamp: bigint;
  expiryTimestamp: bigint;
  maxTimestamp: bigint;
  tokenId: string;
  hmac: Buffer;
  renewers: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseDescribedDelegationTokenInput {
  principalType?: string;
  principalName?: string;
  tokenRequesterPrincipalType?: string;
  tokenRequesterPrincipalName?: string;
  issueTimestamp?: bigint;
  expiryTimestamp?: bigint;
  maxTimestamp?: bigint;
  tokenId?: string;
  hmac?: Buffer;
  renewers?: DescribeDelegationTokenResponseDescribedDelegationTokenRenewerInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  principalType: string;
  principalName: string;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseDescribedDelegationTokenRenewerInput {
  principalType?: string;
  principalName?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenResponse(): DescribeDelegationTokenResponse {
  return {
    errorCode: 0,
    tokens: [],
    throttleTimeMs: 0,
  };
}

export function defaultDescribeDelegationTokenResponseDescribedDelegationToken(): DescribeDelegationTokenResponseDescribedDelegationToken {
  return {
    principalType: "",
    principalName: "",
    tokenRequesterPrincipalType: "",
    tokenRequesterPrincipalName: "",
    issueTimestamp: 0n,
    expiryTimestamp: 0n,
    maxTimestamp: 0n,
    tokenId: "",
    hmac: EMPTY_BYTES,
    renewers: [],
  };
}

export function defaultDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(): DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  return {
    principalType: "",
    principalName: "",
  };
}

export function writeDescribeDelegationTokenResponse(w: Writer, v: number, m: DescribeDelegationTokenResponseInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.tokens === undefined ? [] : m.tokens; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeDelegationTokenResponseDescribedDelegationToken(w, v, e); } } }
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeDelegationTokenResponseDescribedDelegationToken(w: Writer, v: number, m: DescribeDelegationTokenResponseDescribedDelegationTokenInput): void {
  const flex = v >= 2;
  { const x = m.principalType === undefined ? "" : m.principalType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.principalName === undefined ? "" : m.principalName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 3) { const x = m.tokenRequesterPrincipalType === undefined ? "" : m.tokenRequesterPrincipalType; w.compactString(x ?? ''); }
  if (v >= 3) { const x = m.tokenRequesterPrincipalName === undefined ? "" : m.tokenRequesterPrincipalName; w.compactString(x ?? ''); }
  { const x = m.issueTimestamp === undefined ? 0n : m.issueTimestamp; w.int64(x); }
  { const x = m.expiryTimestamp === undefined ? 0n : m.expiryTimestamp; w.int64(x); }
  { const x = m.maxTimestamp === undefined ? 0n : m.maxTimestamp; w.int64(x); }
  { const x = m.tokenId === undefined ? "" : m.tokenId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.hmac === undefined ? EMPTY_BYTES : m.hmac; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  { const x = m.renewers === undefined ? [] : m.renewers; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(w: Writer, v: number, m: DescribeDelegationTokenResponseDescribedDelegationTokenRenewerInput): void {
  const flex = v >= 2;
  { const x = m.principalType === undefined ? "" : m.principalType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.principalName === undefined ? "" : m.principalName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeDelegationTokenResponse(r: Reader, v: number): DescribeDelegationTokenResponse {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fTokens: DescribeDelegationTokenResponseDescribedDelegationToken[] = ((n: number) => { if (n < 0) return nullErr('Tokens'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeDelegationTokenResponseDescribedDelegationToken(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fThrottleTimeMs: number = r.int32();
  const m: DescribeDelegationTokenResponse = { errorCode: fErrorCode, tokens: fTokens, throttleTimeMs: fThrottleTimeMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeDelegationTokenResponseDescribedDelegationToken(r: Reader, v: number): DescribeDelegationTokenResponseDescribedDelegationToken {
  const flex = v >= 2;
  const fPrincipalType: string = (flex ? r.compactString() : r.string());
  const fPrincipalName: string = (flex ? r.compactString() : r.string());
  const fTokenRequesterPrincipalType: string = (v >= 3) ? r.compactString() : "";
  const fTokenRequesterPrincipalName: string = (v >= 3) ? r.compactString() : "";
  const fIssueTimestamp: bigint = r.int64();
  const fExpiryTimestamp: bigint = r.int64();
  const fMaxTimestamp: bigint = r.int64();
  const fTokenId: string = (flex ? r.compactString() : r.string());
  const fHmac: Buffer = (flex ? r.compactBytes() : r.bytes());
  const fRenewers: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer[] = ((n: number) => { if (n < 0) return nullErr('Renewers'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeDelegationTokenResponseDescribedDelegationToken = { principalType: fPrincipalType, principalName: fPrincipalName, tokenRequesterPrincipalType: fTokenRequesterPrincipalType, tokenRequesterPrincipalName: fTokenRequesterPrincipalName, issueTimestamp: fIssueTimestamp, expiryTimestamp: fExpiryTimestamp, maxTimestamp: fMaxTimestamp, tokenId: fTokenId, hmac: fHmac, renewers: fRenewers };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(r: Reader, v: number): DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  const flex = v >= 2;
  const fPrincipalType: string = (flex ? r.compactString() : r.string());
  const fPrincipalName: string = (flex ? r.compactString() : r.string());
  const m: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer = { principalType: fPrincipalType, principalName: fPrincipalName };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
