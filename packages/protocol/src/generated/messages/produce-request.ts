// Generated from ProduceRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const produceRequestVersions = { min: 0, max: 13, flexibleMin: 9 } as const;

export interface ProduceRequest {
  transactionalId: string | null;
  acks: number;
  timeoutMs: number;
  topicData: ProduceRequestTopicProduceData[];
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestInput {
  transactionalId?: string | null;
  acks?: number;
  timeoutMs?: number;
  topicData?: ProduceRequestTopicProduceDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestTopicProduceData {
  name: string;
  topicId: string;
  partitionData: ProduceRequestPartitionProduceData[];
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestTopicProduceDataInput {
  name?: string;
  topicId?: string;
  partitionData?: ProduceRequestPartitionProduceDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestPartitionProduceData {
  index: number;
  records: Buffer | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestPartitionProduceDataInput {
  index?: number;
  records?: Buffer | readonly Buffer[] | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultProduceRequest(): ProduceRequest {
  return {
    transactionalId: null,
    acks: 0,
    timeoutMs: 0,
    topicData: [],
  };
}

export function defaultProduceRequestTopicProduceData(): ProduceRequestTopicProduceData {
  return {
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionData: [],
  };
}

export function defaultProduceRequestPartitionProduceData(): ProduceRequestPartitionProduceData {
  return {
    index: 0,
    records: null,
  };
}

export function writeProduceRequest(w: Writer, v: number, m: ProduceRequestInput): void {
  const flex = v >= 9;
  if (v >= 3) { const x = m.transactionalId === undefined ? null : m.transactionalId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.acks === undefined ? 0 : m.acks; w.int16(x); }
  { const x = m.timeoutMs === undefined ? 0 : m.timeoutMs; w.int32(x); }
  { const x = m.topicData === undefined ? [] : m.topicData; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeProduceRequestTopicProduceData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeProduceRequestTopicProduceData(w: Writer, v: number, m: ProduceRequestTopicProduceDataInput): void {
  const flex = v >= 9;
  if (v <= 12) { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 13) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitionData === undefined ? [] : m.partitionData; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeProduceRequestPartitionProduceData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeProduceRequestPartitionProduceData(w: Writer, v: number, m: ProduceRequestPartitionProduceDataInput): void {
  const flex = v >= 9;
  { const x = m.index === undefined ? 0 : m.index; w.int32(x); }
  { const x = m.records === undefined ? null : m.records; writeRecords(w, x, flex); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readProduceRequest(r: Reader, v: number): ProduceRequest {
  const flex = v >= 9;
  const fTransactionalId: string | null = (v >= 3) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const fAcks: number = r.int16();
  const fTimeoutMs: number = r.int32();
  const fTopicData: ProduceRequestTopicProduceData[] = ((n: number) => { if (n < 0) return nullErr('TopicData'); const a = []; for (let i = 0; i < n; i++) a.push(readProduceRequestTopicProduceData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ProduceRequest = { transactionalId: fTransactionalId, acks: fAcks, timeoutMs: fTimeoutMs, topicData: fTopicData };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readProduceRequestTopicProduceData(r: Reader, v: number): ProduceRequestTopicProduceData {
  const flex = v >= 9;
  const fName: string = (v <= 12) ? (flex ? r.compactString() : r.string()) : "";
  const fTopicId: string = (v >= 13) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fPartitionData: ProduceRequestPartitionProduceData[] = ((n: number) => { if (n < 0) return nullErr('PartitionData'); const a = []; for (let i = 0; i < n; i++) a.push(readProduceRequestPartitionProduceData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: ProduceRequestTopicProduceData = { name: fName, topicId: fTopicId, partitionData: fPartitionData };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readProduceRequestPartitionProduceData(r: Reader, v: number): ProduceRequestPartitionProduceData {
  const flex = v >= 9;
  const fIndex: number = r.int32();
  const fRecords: Buffer | null = (flex ? r.compactNullableBytes() : r.nullableBytes());
  const m: ProduceRequestPartitionProduceData = { index: fIndex, records: fRecords };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
