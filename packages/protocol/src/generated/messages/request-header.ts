// Generated from RequestHeader.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const requestHeaderVersions = { min: 1, max: 2, flexibleMin: 2 } as const;

export interface RequestHeader {
  requestApiKey: number;
  requestApiVersion: number;
  correlationId: number;
  clientId: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface RequestHeaderInput {
  requestApiKey?: number;
  requestApiVersion?: number;
  correlationId?: number;
  clientId?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultRequestHeader(): RequestHeader {
  return {
    requestApiKey: 0,
    requestApiVersion: 0,
    correlationId: 0,
    clientId: "",
  };
}

export function writeRequestHeader(w: Writer, v: number, m: RequestHeaderInput): void {
  const flex = v >= 2;
  { const x = m.requestApiKey === undefined ? 0 : m.requestApiKey; w.int16(x); }
  { const x = m.requestApiVersion === undefined ? 0 : m.requestApiVersion; w.int16(x); }
  { const x = m.correlationId === undefined ? 0 : m.correlationId; w.int32(x); }
  { const x = m.clientId === undefined ? "" : m.clientId; w.nullableString(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readRequestHeader(r: Reader, v: number): RequestHeader {
  const flex = v >= 2;
  const fRequestApiKey: number = r.int16();
  const fRequestApiVersion: number = r.int16();
  const fCorrelationId: number = r.int32();
  const fClientId: string | null = r.nullableString();
  const m: RequestHeader = { requestApiKey: fRequestApiKey, requestApiVersion: fRequestApiVersion, correlationId: fCorrelationId, clientId: fClientId };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
