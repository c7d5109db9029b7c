// Generated from InitProducerIdRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const initProducerIdRequestVersions = { min: 0, max: 6, flexibleMin: 2 } as const;

export interface InitProducerIdRequest {
  transactionalId: string | null;
  transactionTimeoutMs: number;
  producerId: bigint;
  producerEpoch: number;
  enable2Pc: boolean;
  keepPreparedTxn: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface InitProducerIdRequestInput {
  transactionalId?: string | null;
  transactionTimeoutMs?: number;
  producerId?: bigint;
  producerEpoch?: number;
  enable2Pc?: boolean;
  keepPreparedTxn?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultInitProducerIdRequest(): InitProducerIdRequest {
  return {
    transactionalId: "",
    transactionTimeoutMs: 0,
    producerId: -1n,
    producerEpoch: -1,
    enable2Pc: false,
    keepPreparedTxn: false,
  };
}

export function writeInitProducerIdRequest(w: Writer, v: number, m: InitProducerIdRequestInput): void {
  const flex = v >= 2;
  { const x = m.transactionalId === undefined ? "" : m.transactionalId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.transactionTimeoutMs === undefined ? 0 : m.transactionTimeoutMs; w.int32(x); }
  if (v >= 3) { const x = m.producerId === undefined ? -1n : m.producerId; w.int64(x); }
  if (v >= 3) { const x = m.producerEpoch === undefined ? -1 : m.producerEpoch; w.int16(x); }
  if (v >= 6) { const x = m.enable2Pc === undefined ? false : m.enable2Pc; w.bool(x); }
  if (v >= 6) { const x = m.keepPreparedTxn === undefined ? false : m.keepPreparedTxn; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readInitProducerIdRequest(r: Reader, v: number): InitProducerIdRequest {
  const flex = v >= 2;
  const fTransactionalId: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fTransactionTimeoutMs: number = r.int32();
  const fProducerId: bigint = (v >= 3) ? r.int64() : -1n;
  const fProducerEpoch: number = (v >= 3) ? r.int16() : -1;
  const fEnable2Pc: boolean = (v >= 6) ? r.bool() : false;
  const fKeepPreparedTxn: boolean = (v >= 6) ? r.bool() : false;
  const m: InitProducerIdRequest = { transactionalId: fTransactionalId, transactionTimeoutMs: fTransactionTimeoutMs, producerId: fProducerId, producerEpoch: fProducerEpoch, enable2Pc: fEnable2Pc, keepPreparedTxn: fKeepPreparedTxn };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
