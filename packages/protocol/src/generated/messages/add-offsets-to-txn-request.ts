// Generated from AddOffsetsToTxnRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const addOffsetsToTxnRequestVersions = { min: 0, max: 4, flexibleMin: 3 } as const;

export interface AddOffsetsToTxnRequest {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  groupId: string;
  unknownTaggedFields?: TaggedField[];
}

export interface AddOffsetsToTxnRequestInput {
  transactionalId?: string;
  producerId?: bigint;
  producerEpoch?: number;
  groupId?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAddOffsetsToTxnRequest(): AddOffsetsToTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    groupId: "",
  };
}

export function writeAddOffsetsToTxnRequest(w: Writer, v: number, m: AddOffsetsToTxnRequestInput): void {
  const flex = v >= 3;
  { const x = m.transactionalId === undefined ? "" : m.transactionalId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.producerEpoch === undefined ? 0 : m.producerEpoch; w.int16(x); }
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readAddOffsetsToTxnRequest(r: Reader, v: number): AddOffsetsToTxnRequest {
  const flex = v >= 3;
  const fTransactionalId: string = (flex ? r.compactString() : r.string());
  const fProducerId: bigint = r.int64();
  const fProducerEpoch: number = r.int16();
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const m: AddOffsetsToTxnRequest = { transactionalId: fTransactionalId, producerId: fProducerId, producerEpoch: fProducerEpoch, groupId: fGroupId };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
