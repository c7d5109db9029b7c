// Generated from EnvelopeRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const envelopeRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface EnvelopeRequest {
  requestData: Buffer;
  requestPrincipal: Buffer | null;
  clientHostAddress: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface EnvelopeRequestInput {
  requestData?: Buffer;
  requestPrincipal?: Buffer | null;
  clientHostAddress?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultEnvelopeRequest(): EnvelopeRequest {
  return {
    requestData: EMPTY_BYTES,
    requestPrincipal: EMPTY_BYTES,
    clientHostAddress: EMPTY_BYTES,
  };
}

export function writeEnvelopeRequest(w: Writer, v: number, m: EnvelopeRequestInput): void {
  { const x = m.requestData === undefined ? EMPTY_BYTES : m.requestData; w.compactBytes(x ?? EMPTY_BYTES); }
  { const x = m.requestPrincipal === undefined ? EMPTY_BYTES : m.requestPrincipal; w.compactNullableBytes(x); }
  { const x = m.clientHostAddress === undefined ? EMPTY_BYTES : m.clientHostAddress; w.compactBytes(x ?? EMPTY_BYTES); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readEnvelopeRequest(r: Reader, v: number): EnvelopeRequest {
  const fRequestData: Buffer = r.compactBytes();
  const fRequestPrincipal: Buffer | null = r.compactNullableBytes();
  const fClientHostAddress: Buffer = r.compactBytes();
  const m: EnvelopeRequest = { requestData: fRequestData, requestPrincipal: fRequestPrincipal, clientHostAddress: fClientHostAddress };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
