// Generated from SaslHandshakeRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const saslHandshakeRequestVersions = { min: 0, max: 1, flexibleMin: -1 } as const;

export interface SaslHandshakeRequest {
  mechanism: string;
  unknownTaggedFields?: TaggedField[];
}

export interface SaslHandshakeRequestInput {
  mechanism?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultSaslHandshakeRequest(): SaslHandshakeRequest {
  return {
    mechanism: "",
  };
}

export function writeSaslHandshakeRequest(w: Writer, v: number, m: SaslHandshakeRequestInput): void {
  { const x = m.mechanism === undefined ? "" : m.mechanism; w.string(x ?? ''); }
}

export function readSaslHandshakeRequest(r: Reader, v: number): SaslHandshakeRequest {
  const fMechanism: string = r.string();
  const m: SaslHandshakeRequest = { mechanism: fMechanism };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
