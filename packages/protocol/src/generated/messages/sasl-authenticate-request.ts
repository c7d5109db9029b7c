// Generated from SaslAuthenticateRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const saslAuthenticateRequestVersions = { min: 0, max: 2, flexibleMin: 2 } as const;

export interface SaslAuthenticateRequest {
  authBytes: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface SaslAuthenticateRequestInput {
  authBytes?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultSaslAuthenticateRequest(): SaslAuthenticateRequest {
  return {
    authBytes: EMPTY_BYTES,
  };
}

export function writeSaslAuthenticateRequest(w: Writer, v: number, m: SaslAuthenticateRequestInput): void {
  const flex = v >= 2;
  { const x = m.authBytes === undefined ? EMPTY_BYTES : m.authBytes; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readSaslAuthenticateRequest(r: Reader, v: number): SaslAuthenticateRequest {
  const flex = v >= 2;
  const fAuthBytes: Buffer = (flex ? r.compactBytes() : r.bytes());
  const m: SaslAuthenticateRequest = { authBytes: fAuthBytes };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
