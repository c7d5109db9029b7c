// Generated from ListTransactionsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listTransactionsResponseVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface ListTransactionsResponse {
  throttleTimeMs: number;
  errorCode: number;
  unknownStateFilters: string[];
  transactionStates: ListTransactionsResponseTransactionState[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListTransactionsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  unknownStateFilters?: string[];
  transactionStates?: ListTransactionsResponseTransactionStateInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListTransactionsResponseTransactionState {
  transactionalId: string;
  producerId: bigint;
  transactionState: string;
  unknownTaggedFields?: TaggedField[];
}

export interface ListTransactionsResponseTransactionStateInput {
  transactionalId?: string;
  producerId?: bigint;
  transactionState?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultListTransactionsResponse(): ListTransactionsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    unknownStateFilters: [],
    transactionStates: [],
  };
}

export function defaultListTransactionsResponseTransactionState(): ListTransactionsResponseTransactionState {
  return {
    transactionalId: "",
    producerId: 0n,
    transactionState: "",
  };
}

export function writeListTransactionsResponse(w: Writer, v: number, m: ListTransactionsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.unknownStateFilters === undefined ? [] : m.unknownStateFilters; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.transactionStates === undefined ? [] : m.transactionStates; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeListTransactionsResponseTransactionState(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeListTransactionsResponseTransactionState(w: Writer, v: number, m: ListTransactionsResponseTransactionStateInput): void {
  { const x = m.transactionalId === undefined ? "" : m.transactionalId; w.compactString(x ?? ''); }
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.transactionState === undefined ? "" : m.transactionState; w.compactString(x ?? ''); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readListTransactionsResponse(r: Reader, v: number): ListTransactionsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fUnknownStateFilters: string[] = ((n: number) => { if (n < 0) return nullErr('UnknownStateFilters'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fTransactionStates: ListTransactionsResponseTransactionState[] = ((n: number) => { if (n < 0) return nullErr('TransactionStates'); const a = []; for (let i = 0; i < n; i++) a.push(readListTransactionsResponseTransactionState(r, v)); return a; })(r.compactArrayLength());
  const m: ListTransactionsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, unknownStateFilters: fUnknownStateFilters, transactionStates: fTransactionStates };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readListTransactionsResponseTransactionState(r: Reader, v: number): ListTransactionsResponseTransactionState {
  const fTransactionalId: string = r.compactString();
  const fProducerId: bigint = r.int64();
  const fTransactionState: string = r.compactString();
  const m: ListTransactionsResponseTransactionState = { transactionalId: fTransactionalId, producerId: fProducerId, transactionState: fTransactionState };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
