// Generated from SaslAuthenticateResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const saslAuthenticateResponseVersions = { min: 0, max: 2, flexibleMin: 2 } as const;

export interface SaslAuthenticateResponse {
  errorCode: number;
  errorMessage: string | null;
  authBytes: Buffer;
  sessionLifetimeMs: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface SaslAuthenticateResponseInput {
  errorCode?: number;
  errorMessage?: string | null;
  authBytes?: Buffer;
  sessionLifetimeMs?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultSaslAuthenticateResponse(): SaslAuthenticateResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    authBytes: EMPTY_BYTES,
    sessionLifetimeMs: 0n,
  };
}

export function writeSaslAuthenticateResponse(w: Writer, v: number, m: SaslAuthenticateResponseInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.authBytes === undefined ? EMPTY_BYTES : m.authBytes; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  if (v >= 1) { const x = m.sessionLifetimeMs === undefined ? 0n : m.sessionLifetimeMs; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readSaslAuthenticateResponse(r: Reader, v: number): SaslAuthenticateResponse {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fAuthBytes: Buffer = (flex ? r.compactBytes() : r.bytes());
  const fSessionLifetimeMs: bigint = (v >= 1) ? r.int64() : 0n;
  const m: SaslAuthenticateResponse = { errorCode: fErrorCode, errorMessage: fErrorMessage, authBytes: fAuthBytes, sessionLifetimeMs: fSessionLifetimeMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
