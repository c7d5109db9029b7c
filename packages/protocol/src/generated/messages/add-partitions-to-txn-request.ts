// Generated from AddPartitionsToTxnRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const addPartitionsToTxnRequestVersions = { min: 0, max: 5, flexibleMin: 3 } as const;

export interface AddPartitionsToTxnRequest {
  transactions: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction[];
  v3AndBelowTransactionalId: string;
  v3AndBelowProducerId: bigint;
  v3AndBelowProducerEpoch: number;
  v3AndBelowTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestInput {
  transactions?: AddPartitionsToTxnRequestAddPartitionsToTxnTransactionInput[];
  v3AndBelowTransactionalId?: string;
  v3AndBelowProducerId?: bigint;
  v3AndBelowProducerEpoch?: number;
  v3AndBelowTopics?: AddPartitionsToTxnRequestAddPartitionsToTxnTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  name: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTopicInput {
  name?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  verifyOnly: boolean;
  topics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTransactionInput {
  transactionalId?: string;
  producerId?: bigint;
  producerEpoch?: number;
  verifyOnly?: boolean;
  topics?: AddPartitionsToTxnRequestAddPartitionsToTxnTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnRequest(): AddPartitionsToTxnRequest {
  return {
    transactions: [],
    v3AndBelowTransactionalId: "",
    v3AndBelowProducerId: 0n,
    v3AndBelowProducerEpoch: 0,
    v3AndBelowTopics: [],
  };
}

export function defaultAddPartitionsToTxnRequestAddPartitionsToTxnTopic(): AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(): AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    verifyOnly: false,
    topics: [],
  };
}

export function writeAddPartitionsToTxnRequest(w: Writer, v: number, m: AddPartitionsToTxnRequestInput): void {
  const flex = v >= 3;
  if (v >= 4) { const x = m.transactions === undefined ? [] : m.transactions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(w, v, e); } } }
  if (v <= 3) { const x = m.v3AndBelowTransactionalId === undefined ? "" : m.v3AndBelowTransactionalId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v <= 3) { const x = m.v3AndBelowProducerId === undefined ? 0n : m.v3AndBelowProducerId; w.int64(x); }
  if (v <= 3) { const x = m.v3AndBelowProducerEpoch === undefined ? 0 : m.v3AndBelowProducerEpoch; w.int16(x); }
  if (v <= 3) { const x = m.v3AndBelowTopics === undefined ? [] : m.v3AndBelowTopics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w: Writer, v: number, m: AddPartitionsToTxnRequestAddPartitionsToTxnTopicInput): void {
  const flex = v >= 3;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(w: Writer, v: number, m: AddPartitionsToTxnRequestAddPartitionsToTxnTransactionInput): void {
  { const x = m.transactionalId === undefined ? "" : m.transactionalId; w.compactString(x ?? ''); }
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.producerEpoch === undefined ? 0 : m.producerEpoch; w.int16(x); }
  { const x = m.verifyOnly === undefined ? false : m.verifyOnly; w.bool(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAddPartitionsToTxnRequest(r: Reader, v: number): AddPartitionsToTxnRequest {
  const flex = v >= 3;
  const fTransactions: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction[] = (v >= 4) ? ((n: number) => { if (n < 0) return nullErr('Transactions'); const a = []; for (let i = 0; i < n; i++) a.push(readAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(r, v)); return a; })(r.compactArrayLength()) : [];
  const fV3AndBelowTransactionalId: string = (v <= 3) ? (flex ? r.compactString() : r.string()) : "";
  const fV3AndBelowProducerId: bigint = (v <= 3) ? r.int64() : 0n;
  const fV3AndBelowProducerEpoch: number = (v <= 3) ? r.int16() : 0;
  const fV3AndBelowTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[] = (v <= 3) ? ((n: number) => { if (n < 0) return nullErr('V3AndBelowTopics'); const a = []; for (let i = 0; i < n; i++) a.push(readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const m: AddPartitionsToTxnRequest = { transactions: fTransactions, v3AndBelowTransactionalId: fV3AndBelowTransactionalId, v3AndBelowProducerId: fV3AndBelowProducerId, v3AndBelowProducerEpoch: fV3AndBelowProducerEpoch, v3AndBelowTopics: fV3AndBelowTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r: Reader, v: number): AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  const flex = v >= 3;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AddPartitionsToTxnRequestAddPartitionsToTxnTopic = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(r: Reader, v: number): AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  const fTransactionalId: string = r.compactString();
  const fProducerId: bigint = r.int64();
  const fProducerEpoch: number = r.int16();
  const fVerifyOnly: boolean = r.bool();
  const fTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r, v)); return a; })(r.compactArrayLength());
  const m: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction = { transactionalId: fTransactionalId, producerId: fProducerId, producerEpoch: fProducerEpoch, verifyOnly: fVerifyOnly, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
