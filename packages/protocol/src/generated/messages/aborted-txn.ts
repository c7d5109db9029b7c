// Generated from AbortedTxn.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const abortedTxnVersions = { min: 0, max: 0, flexibleMin: -1 } as const;

export interface AbortedTxn {
  producerId: bigint;
  firstOffset: bigint;
  lastOffset: bigint;
  lastStableOffset: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface AbortedTxnInput {
  producerId?: bigint;
  firstOffset?: bigint;
  lastOffset?: bigint;
  lastStableOffset?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAbortedTxn(): AbortedTxn {
  return {
    producerId: 0n,
    firstOffset: 0n,
    lastOffset: 0n,
    lastStableOffset: 0n,
  };
}

export function writeAbortedTxn(w: Writer, v: number, m: AbortedTxnInput): void {
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.firstOffset === undefined ? 0n : m.firstOffset; w.int64(x); }
  { const x = m.lastOffset === undefined ? 0n : m.lastOffset; w.int64(x); }
  { const x = m.lastStableOffset === undefined ? 0n : m.lastStableOffset; w.int64(x); }
}

export function readAbortedTxn(r: Reader, v: number): AbortedTxn {
  const fProducerId: bigint = r.int64();
  const fFirstOffset: bigint = r.int64();
  const fLastOffset: bigint = r.int64();
  const fLastStableOffset: bigint = r.int64();
  const m: AbortedTxn = { producerId: fProducerId, firstOffset: fFirstOffset, lastOffset: fLastOffset, lastStableOffset: fLastStableOffset };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
