// Generated from AddOffsetsToTxnResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const addOffsetsToTxnResponseVersions = { min: 0, max: 4, flexibleMin: 3 } as const;

export interface AddOffsetsToTxnResponse {
  throttleTimeMs: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AddOffsetsToTxnResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAddOffsetsToTxnResponse(): AddOffsetsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

export function writeAddOffsetsToTxnResponse(w: Writer, v: number, m: AddOffsetsToTxnResponseInput): void {
  const flex = v >= 3;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readAddOffsetsToTxnResponse(r: Reader, v: number): AddOffsetsToTxnResponse {
  const flex = v >= 3;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: AddOffsetsToTxnResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
