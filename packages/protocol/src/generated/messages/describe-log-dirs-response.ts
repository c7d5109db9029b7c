// Generated from DescribeLogDirsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeLogDirsResponseVersions = { min: 0, max: 5, flexibleMin: 2 } as const;

export interface DescribeLogDirsResponse {
  throttleTimeMs: number;
  errorCode: number;
  results: DescribeLogDirsResponseDescribeLogDirsResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  results?: DescribeLogDirsResponseDescribeLogDirsResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsResult {
  errorCode: number;
  logDir: string;
  topics: DescribeLogDirsResponseDescribeLogDirsTopic[];
  totalBytes: bigint;
  usableBytes: bigint;
  isCordoned: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsResultInput {
  errorCode?: number;
  logDir?: string;
  topics?: DescribeLogDirsResponseDescribeLogDirsTopicInput[];
  totalBytes?: bigint;
  usableBytes?: bigint;
  isCordoned?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsTopic {
  name: string;
  partitions: DescribeLogDirsResponseDescribeLogDirsPartition[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsTopicInput {
  name?: string;
  partitions?: DescribeLogDirsResponseDescribeLogDirsPartitionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsPartition {
  partitionIndex: number;
  partitionSize: bigint;
  offsetLag: bigint;
  isFutureKey: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsPartitionInput {
  partitionIndex?: number;
  partitionSize?: bigint;
  offsetLag?: bigint;
  isFutureKey?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsResponse(): DescribeLogDirsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    results: [],
  };
}

export function defaultDescribeLogDirsResponseDescribeLogDirsResult(): DescribeLogDirsResponseDescribeLogDirsResult {
  return {
    errorCode: 0,
    logDir: "",
    topics: [],
    totalBytes: -1n,
    usableBytes: -1n,
    isCordoned: false,
  };
}

export function defaultDescribeLogDirsResponseDescribeLogDirsTopic(): DescribeLogDirsResponseDescribeLogDirsTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function defaultDescribeLogDirsResponseDescribeLogDirsPartition(): DescribeLogDirsResponseDescribeLogDirsPartition {
  return {
    partitionIndex: 0,
    partitionSize: 0n,
    offsetLag: 0n,
    isFutureKey: false,
  };
}

export function writeDescribeLogDirsResponse(w: Writer, v: number, m: DescribeLogDirsResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (v >= 3) { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeLogDirsResponseDescribeLogDirsResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeLogDirsResponseDescribeLogDirsResult(w: Writer, v: number, m: DescribeLogDirsResponseDescribeLogDirsResultInput): void {
  const flex = v >= 2;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.logDir === undefined ? "" : m.logDir; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeLogDirsResponseDescribeLogDirsTopic(w, v, e); } } }
  if (v >= 4) { const x = m.totalBytes === undefined ? -1n : m.totalBytes; w.int64(x); }
  if (v >= 4) { const x = m.usableBytes === undefined ? -1n : m.usableBytes; w.int64(x); }
  if (v >= 5) { const x = m.isCordoned === undefined ? false : m.isCordoned; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeLogDirsResponseDescribeLogDirsTopic(w: Writer, v: number, m: DescribeLogDirsResponseDescribeLogDirsTopicInput): void {
  const flex = v >= 2;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeLogDirsResponseDescribeLogDirsPartition(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeLogDirsResponseDescribeLogDirsPartition(w: Writer, v: number, m: DescribeLogDirsResponseDescribeLogDirsPartitionInput): void {
  const flex = v >= 2;
  { const x = m.partitionIndex === undefined ? 0 : m.partitionIndex; w.int32(x); }
  { const x = m.partitionSize === undefined ? 0n : m.partitionSize; w.int64(x); }
  { const x = m.offsetLag === undefined ? 0n : m.offsetLag; w.int64(x); }
  { const x = m.isFutureKey === undefined ? false : m.isFutureKey; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeLogDirsResponse(r: Reader, v: number): DescribeLogDirsResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = (v >= 3) ? r.int16() : 0;
  const fResults: DescribeLogDirsResponseDescribeLogDirsResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeLogDirsResponseDescribeLogDirsResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeLogDirsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, results: fResults };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeLogDirsResponseDescribeLogDirsResult(r: Reader, v: number): DescribeLogDirsResponseDescribeLogDirsResult {
  const flex = v >= 2;
  const fErrorCode: number = r.int16();
  const fLogDir: string = (flex ? r.compactString() : r.string());
  const fTopics: DescribeLogDirsResponseDescribeLogDirsTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeLogDirsResponseDescribeLogDirsTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fTotalBytes: bigint = (v >= 4) ? r.int64() : -1n;
  const fUsableBytes: bigint = (v >= 4) ? r.int64() : -1n;
  const fIsCordoned: boolean = (v >= 5) ? r.bool() : false;
  const m: DescribeLogDirsResponseDescribeLogDirsResult = { errorCode: fErrorCode, logDir: fLogDir, topics: fTopics, totalBytes: fTotalBytes, usableBytes: fUsableBytes, isCordoned: fIsCordoned };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeLogDirsResponseDescribeLogDirsTopic(r: Reader, v: number): DescribeLogDirsResponseDescribeLogDirsTopic {
  const flex = v >= 2;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: DescribeLogDirsResponseDescribeLogDirsPartition[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeLogDirsResponseDescribeLogDirsPartition(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeLogDirsResponseDescribeLogDirsTopic = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeLogDirsResponseDescribeLogDirsPartition(r: Reader, v: number): DescribeLogDirsResponseDescribeLogDirsPartition {
  const flex = v >= 2;
  const fPartitionIndex: number = r.int32();
  const fPartitionSize: bigint = r.int64();
  const fOffsetLag: bigint = r.int64();
  const fIsFutureKey: boolean = r.bool();
  const m: DescribeLogDirsResponseDescribeLogDirsPartition = { partitionIndex: fPartitionIndex, partitionSize: fPartitionSize, offsetLag: fOffsetLag, isFutureKey: fIsFutureKey };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
