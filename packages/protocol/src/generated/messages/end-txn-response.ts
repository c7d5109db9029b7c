// Generated from EndTxnResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const endTxnResponseVersions = { min: 0, max: 5, flexibleMin: 3 } as const;

export interface EndTxnResponse {
  throttleTimeMs: number;
  errorCode: number;
  producerId: bigint;
  producerEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface EndTxnResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  producerId?: bigint;
  producerEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultEndTxnResponse(): EndTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: -1,
  };
}

export function writeEndTxnResponse(w: Writer, v: number, m: EndTxnResponseInput): void {
  const flex = v >= 3;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 5) { const x = m.producerId === undefined ? -1n : m.producerId; w.int64(x); }
  if (v >= 5) { const x = m.producerEpoch === undefined ? -1 : m.producerEpoch; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readEndTxnResponse(r: Reader, v: number): EndTxnResponse {
  const flex = v >= 3;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fProducerId: bigint = (v >= 5) ? r.int64() : -1n;
  const fProducerEpoch: number = (v >= 5) ? r.int16() : -1;
  const m: EndTxnResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, producerId: fProducerId, producerEpoch: fProducerEpoch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
