// Generated from InitProducerIdResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const initProducerIdResponseVersions = { min: 0, max: 6, flexibleMin: 2 } as const;

export interface InitProducerIdResponse {
  throttleTimeMs: number;
  errorCode: number;
  producerId: bigint;
  producerEpoch: number;
  ongoingTxnProducerId: bigint;
  ongoingTxnProducerEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface InitProducerIdResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  producerId?: bigint;
  producerEpoch?: number;
  ongoingTxnProducerId?: bigint;
  ongoingTxnProducerEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultInitProducerIdResponse(): InitProducerIdResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: 0,
    ongoingTxnProducerId: -1n,
    ongoingTxnProducerEpoch: -1,
  };
}

export function writeInitProducerIdResponse(w: Writer, v: number, m: InitProducerIdResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.producerId === undefined ? -1n : m.producerId; w.int64(x); }
  { const x = m.producerEpoch === undefined ? 0 : m.producerEpoch; w.int16(x); }
  if (v >= 6) { const x = m.ongoingTxnProducerId === undefined ? -1n : m.ongoingTxnProducerId; w.int64(x); }
  if (v >= 6) { const x = m.ongoingTxnProducerEpoch === undefined ? -1 : m.ongoingTxnProducerEpoch; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readInitProducerIdResponse(r: Reader, v: number): InitProducerIdResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fProducerId: bigint = r.int64();
  const fProducerEpoch: number = r.int16();
  const fOngoingTxnProducerId: bigint = (v >= 6) ? r.int64() : -1n;
  const fOngoingTxnProducerEpoch: number = (v >= 6) ? r.int16() : -1;
  const m: InitProducerIdResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, producerId: fProducerId, producerEpoch: fProducerEpoch, ongoingTxnProducerId: fOngoingTxnProducerId, ongoingTxnProducerEpoch: fOngoingTxnProducerEpoch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
