// Generated from WriteTxnMarkersResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const writeTxnMarkersResponseVersions = { min: 0, max: 2, flexibleMin: 1 } as const;

export interface WriteTxnMarkersResponse {
  markers: WriteTxnMarkersResponseWritableTxnMarkerResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseInput {
  markers?: WriteTxnMarkersResponseWritableTxnMarkerResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerResult {
  producerId: bigint;
  topics: WriteTxnMarkersResponseWritableTxnMarkerTopicResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerResultInput {
  producerId?: bigint;
  topics?: WriteTxnMarkersResponseWritableTxnMarkerTopicResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  name: string;
  partitions: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerTopicResultInput {
  name?: string;
  partitions?: WriteTxnMarkersResponseWritableTxnMarkerPartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  partitionIndex: number;
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerPartitionResultInput {
  partitionIndex?: number;
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersResponse(): WriteTxnMarkersResponse {
  return {
    markers: [],
  };
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerResult(): WriteTxnMarkersResponseWritableTxnMarkerResult {
  return {
    producerId: 0n,
    topics: [],
  };
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerTopicResult(): WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(): WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

export function writeWriteTxnMarkersResponse(w: Writer, v: number, m: WriteTxnMarkersResponseInput): void {
  const flex = v >= 1;
  { const x = m.markers === undefined ? [] : m.markers; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeWriteTxnMarkersResponseWritableTxnMarkerResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeWriteTxnMarkersResponseWritableTxnMarkerResult(w: Writer, v: number, m: WriteTxnMarkersResponseWritableTxnMarkerResultInput): void {
  const flex = v >= 1;
  { const x = m.producerId === undefined ? 0n : m.producerId; w.int64(x); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult(w: Writer, v: number, m: WriteTxnMarkersResponseWritableTxnMarkerTopicResultInput): void {
  const flex = v >= 1;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(w: Writer, v: number, m: WriteTxnMarkersResponseWritableTxnMarkerPartitionResultInput): void {
  const flex = v >= 1;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readWriteTxnMarkersResponse(r: Reader, v: number): WriteTxnMarkersResponse {
  const flex = v >= 1;
  const fMarkers: WriteTxnMarkersResponseWritableTxnMarkerResult[] = ((n: number) => { if (n < 0) return nullErr('Markers'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteTxnMarkersResponseWritableTxnMarkerResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: WriteTxnMarkersResponse = { markers: fMarkers };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readWriteTxnMarkersResponseWritableTxnMarkerResult(r: Reader, v: number): WriteTxnMarkersResponseWritableTxnMarkerResult {
  const flex = v >= 1;
  const fProducerId: bigint = r.int64();
  const fTopics: WriteTxnMarkersResponseWritableTxnMarkerTopicResult[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteTxnMarkersResponseWritableTxnMarkerTopicResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: WriteTxnMarkersResponseWritableTxnMarkerResult = { producerId: fProducerId, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readWriteTxnMarkersResponseWritableTxnMarkerTopicResult(r: Reader, v: number): WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  const flex = v >= 1;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: WriteTxnMarkersResponseWritableTxnMarkerTopicResult = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(r: Reader, v: number): WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  const flex = v >= 1;
  const fPartitionIndex: number = r.int32();
  const fErrorCode: number = r.int16();
  const m: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult = { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
