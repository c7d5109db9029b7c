// Generated from WriteTxnMarkersRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const writeTxnMarkersRequestVersions = { min: 0, max: 2, flexibleMin: 1 } as const;

export interface WriteTxnMarkersRequest {
  markers: WriteTxnMarkersRequestWritableTxnMarker[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestInput {
  markers?: WriteTxnMarkersRequestWritableTxnMarkerInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestWritableTxnMarker {
  producerId: bigint;
  producerEpoch: number;
  transactionResult: boolean;
  topics: WriteTxnMarkersRequestWritableTxnMarkerTopic[];
  coordinatorEpoch: number;
  transactionVersion: number;
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestWritableTxnMarkerInput {
  producerId?: bigint;
  producerEpoch?: number;
  transactionResult?: boolean;
  topics?: WriteTxnMarkersRequestWritableTxnMarkerTopicInput[];
  coordinatorEpoch?: number;
  transactionVersion?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestWritableTxnMarkerTopic {
  name: string;
  partitionIndexes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestWritableTxnMarkerTopicInput {
  name?: string;
  partitionIndexes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersRequest(): WriteTxnMarkersRequest {
  return {
    markers: [],
  };
}

export function defaultWriteTxnMarkersRequestWritableTxnMarker(): WriteTxnMarkersRequestWritableTxnMarker {
  return {
    producerId: 0n,
    producerEpoch: 0,
    transactionResult: false,
    topics: [],
    coordinatorEpoch: 0,
    transactionVersion: 0,
  };
}

export function defaultWriteTxnMarkersRequestWritableTxnMarkerTopic(): WriteTxnMarkersRequestWritableTxnMarkerTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

export function writeWriteTxnMarkersRequest(w: Writer, v: number, m: WriteTxnMarkersRequestInput): void {
  const flex = v >= 1;
  { const x = m.markers === undefined ? [] : m.markers; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeWriteTxnMarkersRequestWritableTxnMarker(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeWriteTxnMarkersRequestWritableTxnMarker(w: Writer, v: number, m: WriteTxnMarkersRequestWritableTxnMarkerInput): void {
  const flex = v >= 1;
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.producerEpoch === undefined ? 0 : m.producerEpoch; w.int16(x); }
  { const x = m.transactionResult === undefined ? false : m.transactionResult; w.bool(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeWriteTxnMarkersRequestWritableTxnMarkerTopic(w, v, e); } } }
  { const x = m.coordinatorEpoch === undefined ? 0 : m.coordinatorEpoch; w.int32(x); }
  if (v >= 2) { const x = m.transactionVersion === undefined ? 0 : m.transactionVersion; w.int8(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeWriteTxnMarkersRequestWritableTxnMarkerTopic(w: Writer, v: number, m: WriteTxnMarkersRequestWritableTxnMarkerTopicInput): void {
  const flex = v >= 1;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitionIndexes === undefined ? [] : m.partitionIndexes; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readWriteTxnMarkersRequest(r: Reader, v: number): WriteTxnMarkersRequest {
  const flex = v >= 1;
  const fMarkers: WriteTxnMarkersRequestWritableTxnMarker[] = ((n: number) => { if (n < 0) return nullErr('Markers'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteTxnMarkersRequestWritableTxnMarker(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: WriteTxnMarkersRequest = { markers: fMarkers };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readWriteTxnMarkersRequestWritableTxnMarker(r: Reader, v: number): WriteTxnMarkersRequestWritableTxnMarker {
  const flex = v >= 1;
  const fProducerId: bigint = r.int64();
  const fProducerEpoch: number = r.int16();
  const fTransactionResult: boolean = r.bool();
  const fTopics: WriteTxnMarkersRequestWritableTxnMarkerTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteTxnMarkersRequestWritableTxnMarkerTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fCoordinatorEpoch: number = r.int32();
  const fTransactionVersion: number = (v >= 2) ? r.int8() : 0;
  const m: WriteTxnMarkersRequestWritableTxnMarker = { producerId: fProducerId, producerEpoch: fProducerEpoch, transactionResult: fTransactionResult, topics: fTopics, coordinatorEpoch: fCoordinatorEpoch, transactionVersion: fTransactionVersion };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readWriteTxnMarkersRequestWritableTxnMarkerTopic(r: Reader, v: number): WriteTxnMarkersRequestWritableTxnMarkerTopic {
  const flex = v >= 1;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitionIndexes: number[] = ((n: number) => { if (n < 0) return nullErr('PartitionIndexes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: WriteTxnMarkersRequestWritableTxnMarkerTopic = { name: fName, partitionIndexes: fPartitionIndexes };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
