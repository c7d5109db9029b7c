// Generated from ListTransactionsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listTransactionsRequestVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface ListTransactionsRequest {
  stateFilters: string[];
  producerIdFilters: bigint[];
  durationFilter: bigint;
  transactionalIdPattern: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ListTransactionsRequestInput {
  stateFilters?: string[];
  producerIdFilters?: bigint[];
  durationFilter?: bigint;
  transactionalIdPattern?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultListTransactionsRequest(): ListTransactionsRequest {
  return {
    stateFilters: [],
    producerIdFilters: [],
    durationFilter: -1n,
    transactionalIdPattern: null,
  };
}

export function writeListTransactionsRequest(w: Writer, v: number, m: ListTransactionsRequestInput): void {
  { const x = m.stateFilters === undefined ? [] : m.stateFilters; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  { const x = m.producerIdFilters === undefined ? [] : m.producerIdFilters; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int64(e); } } }
  if (v >= 1) { const x = m.durationFilter === undefined ? -1n : m.durationFilter; w.int64(x); }
  if (v >= 2) { const x = m.transactionalIdPattern === undefined ? null : m.transactionalIdPattern; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readListTransactionsRequest(r: Reader, v: number): ListTransactionsRequest {
  const fStateFilters: string[] = ((n: number) => { if (n < 0) return nullErr('StateFilters'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fProducerIdFilters: bigint[] = ((n: number) => { if (n < 0) return nullErr('ProducerIdFilters'); const a = []; for (let i = 0; i < n; i++) a.push(r.int64()); return a; })(r.compactArrayLength());
  const fDurationFilter: bigint = (v >= 1) ? r.int64() : -1n;
  const fTransactionalIdPattern: string | null = (v >= 2) ? r.compactNullableString() : null;
  const m: ListTransactionsRequest = { stateFilters: fStateFilters, producerIdFilters: fProducerIdFilters, durationFilter: fDurationFilter, transactionalIdPattern: fTransactionalIdPattern };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
