// Generated from EnvelopeResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const envelopeResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface EnvelopeResponse {
  responseData: Buffer | null;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface EnvelopeResponseInput {
  responseData?: Buffer | null;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultEnvelopeResponse(): EnvelopeResponse {
  return {
    responseData: null,
    errorCode: 0,
  };
}

export function writeEnvelopeResponse(w: Writer, v: number, m: EnvelopeResponseInput): void {
  { const x = m.responseData === undefined ? null : m.responseData; w.compactNullableBytes(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readEnvelopeResponse(r: Reader, v: number): EnvelopeResponse {
  const fResponseData: Buffer | null = r.compactNullableBytes();
  const fErrorCode: number = r.int16();
  const m: EnvelopeResponse = { responseData: fResponseData, errorCode: fErrorCode };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
