// Generated from SaslHandshakeResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const saslHandshakeResponseVersions = { min: 0, max: 1, flexibleMin: -1 } as const;

export interface SaslHandshakeResponse {
  errorCode: number;
  mechanisms: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface SaslHandshakeResponseInput {
  errorCode?: number;
  mechanisms?: string[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultSaslHandshakeResponse(): SaslHandshakeResponse {
  return {
    errorCode: 0,
    mechanisms: [],
  };
}

export function writeSaslHandshakeResponse(w: Writer, v: number, m: SaslHandshakeResponseInput): void {
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.mechanisms === undefined ? [] : m.mechanisms; { const a = x ?? []; w.int32(a.length); for (const e of a) { w.string(e ?? ''); } } }
}

export function readSaslHandshakeResponse(r: Reader, v: number): SaslHandshakeResponse {
  const fErrorCode: number = r.int16();
  const fMechanisms: string[] = ((n: number) => { if (n < 0) return nullErr('Mechanisms'); const a = []; for (let i = 0; i < n; i++) a.push(r.string()); return a; })(r.arrayLength());
  const m: SaslHandshakeResponse = { errorCode: fErrorCode, mechanisms: fMechanisms };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
