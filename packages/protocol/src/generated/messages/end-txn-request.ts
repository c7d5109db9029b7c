// Generated from EndTxnRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const endTxnRequestVersions = { min: 0, max: 5, flexibleMin: 3 } as const;

export interface EndTxnRequest {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  committed: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface EndTxnRequestInput {
  transactionalId?: string;
  producerId?: bigint;
  producerEpoch?: number;
  committed?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultEndTxnRequest(): EndTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    committed: false,
  };
}

export function writeEndTxnRequest(w: Writer, v: number, m: EndTxnRequestInput): void {
  const flex = v >= 3;
  { const x = m.transactionalId === undefined ? "" : m.transactionalId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.producerEpoch === undefined ? 0 : m.producerEpoch; w.int16(x); }
  { const x = m.committed === undefined ? false : m.committed; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readEndTxnRequest(r: Reader, v: number): EndTxnRequest {
  const flex = v >= 3;
  const fTransactionalId: string = (flex ? r.compactString() : r.string());
  const fProducerId: bigint = r.int64();
  const fProducerEpoch: number = r.int16();
  const fCommitted: boolean = r.bool();
  const m: EndTxnRequest = { transactionalId: fTransactionalId, producerId: fProducerId, producerEpoch: fProducerEpoch, committed: fCommitted };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
