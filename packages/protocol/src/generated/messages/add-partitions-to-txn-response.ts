// Generated from AddPartitionsToTxnResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const addPartitionsToTxnResponseVersions = { min: 0, max: 5, flexibleMin: 3 } as const;

export interface AddPartitionsToTxnResponse {
  throttleTimeMs: number;
  errorCode: number;
  resultsByTransaction: AddPartitionsToTxnResponseAddPartitionsToTxnResult[];
  resultsByTopicV3AndBelow: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  resultsByTransaction?: AddPartitionsToTxnResponseAddPartitionsToTxnResultInput[];
  resultsByTopicV3AndBelow?: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  name: string;
  resultsByPartition: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnTopicResultInput {
  name?: string;
  resultsByPartition?: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  partitionIndex: number;
  partitionErrorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResultInput {
  partitionIndex?: number;
  partitionErrorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  transactionalId: string;
  topicResults: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnResultInput {
  transactionalId?: string;
  topicResults?: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnResponse(): AddPartitionsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    resultsByTransaction: [],
    resultsByTopicV3AndBelow: [],
  };
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  return {
    name: "",
    resultsByPartition: [],
  };
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(): AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  return {
    partitionIndex: 0,
    partitionErrorCode: 0,
  };
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnResult(): AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  return {
    transactionalId: "",
    topicResults: [],
  };
}

export function writeAddPartitionsToTxnResponse(w: Writer, v: number, m: AddPartitionsToTxnResponseInput): void {
  const flex = v >= 3;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (v >= 4) { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 4) { const x = m.resultsByTransaction === undefined ? [] : m.resultsByTransaction; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAddPartitionsToTxnResponseAddPartitionsToTxnResult(w, v, e); } } }
  if (v <= 3) { const x = m.resultsByTopicV3AndBelow === undefined ? [] : m.resultsByTopicV3AndBelow; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w: Writer, v: number, m: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResultInput): void {
  const flex = v >= 3;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.resultsByPartition === undefined ? [] : m.resultsByPartition; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(w: Writer, v: number, m: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResultInput): void {
  const flex = v >= 3;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.partitionErrorCode === undefined ? 0 : m.partitionErrorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnResult(w: Writer, v: number, m: AddPartitionsToTxnResponseAddPartitionsToTxnResultInput): void {
  { const x = m.transactionalId === undefined ? "" : m.transactionalId; w.compactString(x ?? ''); }
  { const x = m.topicResults === undefined ? [] : m.topicResults; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAddPartitionsToTxnResponse(r: Reader, v: number): AddPartitionsToTxnResponse {
  const flex = v >= 3;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = (v >= 4) ? r.int16() : 0;
  const fResultsByTransaction: AddPartitionsToTxnResponseAddPartitionsToTxnResult[] = (v >= 4) ? ((n: number) => { if (n < 0) return nullErr('ResultsByTransaction'); const a = []; for (let i = 0; i < n; i++) a.push(readAddPartitionsToTxnResponseAddPartitionsToTxnResult(r, v)); return a; })(r.compactArrayLength()) : [];
  const fResultsByTopicV3AndBelow: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[] = (v <= 3) ? ((n: number) => { if (n < 0) return nullErr('ResultsByTopicV3AndBelow'); const a = []; for (let i = 0; i < n; i++) a.push(readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength())) : [];
  const m: AddPartitionsToTxnResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, resultsByTransaction: fResultsByTransaction, resultsByTopicV3AndBelow: fResultsByTopicV3AndBelow };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r: Reader, v: number): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  const flex = v >= 3;
  const fName: string = (flex ? r.compactString() : r.string());
  const fResultsByPartition: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult[] = ((n: number) => { if (n < 0) return nullErr('ResultsByPartition'); const a = []; for (let i = 0; i < n; i++) a.push(readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult = { name: fName, resultsByPartition: fResultsByPartition };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(r: Reader, v: number): AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  const flex = v >= 3;
  const fPartitionIndex: number = r.int32();
  const fPartitionErrorCode: number = r.int16();
  const m: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult = { partitionIndex: fPartitionIndex, partitionErrorCode: fPartitionErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnResult(r: Reader, v: number): AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  const fTransactionalId: string = r.compactString();
  const fTopicResults: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[] = ((n: number) => { if (n < 0) return nullErr('TopicResults'); const a = []; for (let i = 0; i < n; i++) a.push(readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r, v)); return a; })(r.compactArrayLength());
  const m: AddPartitionsToTxnResponseAddPartitionsToTxnResult = { transactionalId: fTransactionalId, topicResults: fTopicResults };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
