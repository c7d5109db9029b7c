// Generated from ResponseHeader.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const responseHeaderVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface ResponseHeader {
  correlationId: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ResponseHeaderInput {
  correlationId?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultResponseHeader(): ResponseHeader {
  return {
    correlationId: 0,
  };
}

export function writeResponseHeader(w: Writer, v: number, m: ResponseHeaderInput): void {
  const flex = v >= 1;
  { const x = m.correlationId === undefined ? 0 : m.correlationId; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readResponseHeader(r: Reader, v: number): ResponseHeader {
  const flex = v >= 1;
  const fCorrelationId: number = r.int32();
  const m: ResponseHeader = { correlationId: fCorrelationId };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
