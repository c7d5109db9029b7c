// Generated from DescribeTransactionsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeTransactionsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DescribeTransactionsRequest {
  transactionalIds: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsRequestInput {
  transactionalIds?: string[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTransactionsRequest(): DescribeTransactionsRequest {
  return {
    transactionalIds: [],
  };
}

export function writeDescribeTransactionsRequest(w: Writer, v: number, m: DescribeTransactionsRequestInput): void {
  { const x = m.transactionalIds === undefined ? [] : m.transactionalIds; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeTransactionsRequest(r: Reader, v: number): DescribeTransactionsRequest {
  const fTransactionalIds: string[] = ((n: number) => { if (n < 0) return nullErr('TransactionalIds'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const m: DescribeTransactionsRequest = { transactionalIds: fTransactionalIds };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
