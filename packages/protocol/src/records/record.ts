// Records inside a magic v2 batch:
//   length varint | attributes int8 | timestampDelta varlong | offsetDelta varint |
//   keyLength varint | key | valueLength varint | value | headerCount varint |
//   [headerKeyLength varint | headerKey utf8 | headerValueLength varint | headerValue]
// A length of -1 is null (keys, values, header values; never header keys).
import { corrupt, RecordCursor, sizeOfVarint, sizeOfVarlong, writeVarint, writeVarlong } from './varint.js';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface RecordInput {
  key?: Buffer | null;
  value: Buffer | null;
  headers?: RecordHeader[];
  /** Milliseconds since the epoch; defaults to the batch's base timestamp. */
  timestamp?: bigint;
  /** Defaults to the record's index in the batch. */
  offsetDelta?: number;
}

export interface DecodedRecord {
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
  attributes: number;
  offsetDelta: number;
  timestampDelta: bigint;
}

/** Smallest possible encoded record: length, attributes, two deltas, two null lengths, no headers. */
export const MIN_RECORD_SIZE = 7;

/** A record prepared for writing: its body size is computed once and reused by the writer. */
export interface SizedRecord {
  input: RecordInput;
  timestampDelta: bigint;
  offsetDelta: number;
  bodySize: number;
  headerKeys: Buffer[] | undefined;
}

const EMPTY_HEADERS: RecordHeader[] = [];

function sizeOfBytes(b: Buffer | null | undefined): number {
  return b === null || b === undefined ? 1 : sizeOfVarint(b.length) + b.length;
}

export function sizeRecord(input: RecordInput, timestampDelta: bigint, offsetDelta: number): SizedRecord {
  let body = 1 + sizeOfVarlong(timestampDelta) + sizeOfVarint(offsetDelta) + sizeOfBytes(input.key) + sizeOfBytes(input.value);
  const headers = input.headers ?? EMPTY_HEADERS;
  body += sizeOfVarint(headers.length);
  let headerKeys: Buffer[] | undefined;
  if (headers.length > 0) {
    headerKeys = new Array<Buffer>(headers.length);
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i]!;
      const k = Buffer.from(h.key, 'utf8');
      headerKeys[i] = k;
      body += sizeOfVarint(k.length) + k.length + sizeOfBytes(h.value);
    }
  }
  return { input, timestampDelta, offsetDelta, bodySize: body, headerKeys };
}

export const encodedSize = (r: SizedRecord): number => sizeOfVarint(r.bodySize) + r.bodySize;

function writeBytes(buf: Buffer, pos: number, b: Buffer | null | undefined): number {
  if (b === null || b === undefined) {
    buf[pos] = 1; // zigzag(-1)
    return pos + 1;
  }
  pos = writeVarint(buf, pos, b.length);
  b.copy(buf, pos);
  return pos + b.length;
}

/** Writes one record at `pos`; returns the position after it. */
export function writeRecord(buf: Buffer, pos: number, r: SizedRecord): number {
  pos = writeVarint(buf, pos, r.bodySize);
  buf[pos++] = 0; // record attributes: unused, always 0
  pos = writeVarlong(buf, pos, r.timestampDelta);
  pos = writeVarint(buf, pos, r.offsetDelta);
  pos = writeBytes(buf, pos, r.input.key);
  pos = writeBytes(buf, pos, r.input.value);
  const headers = r.input.headers ?? EMPTY_HEADERS;
  pos = writeVarint(buf, pos, headers.length);
  for (let i = 0; i < headers.length; i++) {
    pos = writeBytes(buf, pos, r.headerKeys![i]!);
    pos = writeBytes(buf, pos, headers[i]!.value);
  }
  return pos;
}

/**
 * Reads `count` records from buf[pos, end); exactly `end` must be reached. `timestampOf` maps a
 * record's delta to its timestamp (LogAppendTime batches use the batch's max timestamp).
 */
export function readRecords(
  buf: Buffer,
  pos: number,
  end: number,
  count: number,
  baseOffset: bigint,
  baseTimestamp: bigint,
  logAppendTime: bigint | null,
): DecodedRecord[] {
  if (count < 0) throw corrupt(`negative record count ${count}`);
  if (count > (end - pos) / MIN_RECORD_SIZE) {
    throw corrupt(`record count ${count} cannot fit in ${end - pos} bytes`);
  }
  const records = new Array<DecodedRecord>(count);
  const c = new RecordCursor(buf, pos, end);
  // Consumers decode millions of records: every BigInt is a heap allocation, so the common cases
  // (timestamp delta 0, offset deltas 0, 1, 2, ...) reuse or derive values instead of converting.
  let prevDelta = -1;
  let prevOffset = baseOffset;
  for (let i = 0; i < count; i++) {
    const length = c.varint();
    if (length < MIN_RECORD_SIZE - 1) throw corrupt(`record ${i}: invalid length ${length}`);
    if (length > end - c.pos) throw corrupt(`record ${i}: length ${length} exceeds the ${end - c.pos} bytes left`);
    const recordEnd = c.pos + length;
    c.end = recordEnd;
    const attributes = c.int8();
    const timestampDelta = c.varlong();
    const offsetDelta = c.varint();
    const key = c.nullableBytes('key');
    const value = c.nullableBytes('value');
    const headerCount = c.varint();
    if (headerCount < 0) throw corrupt(`record ${i}: negative header count ${headerCount}`);
    if (headerCount > (recordEnd - c.pos) / 2) throw corrupt(`record ${i}: header count ${headerCount} cannot fit`);
    const headers = headerCount === 0 ? [] : new Array<RecordHeader>(headerCount);
    for (let h = 0; h < headerCount; h++) {
      const hk = c.string('header key');
      headers[h] = { key: hk, value: c.nullableBytes('header value') };
    }
    if (c.pos !== recordEnd) throw corrupt(`record ${i}: ${recordEnd - c.pos} bytes left over inside the record`);
    c.end = end;
    const offset = offsetDelta === 0 ? baseOffset : offsetDelta === prevDelta + 1 ? prevOffset + 1n : baseOffset + BigInt(offsetDelta);
    prevDelta = offsetDelta;
    prevOffset = offset;
    records[i] = {
      offset,
      timestamp: logAppendTime ?? (timestampDelta === 0n ? baseTimestamp : baseTimestamp + timestampDelta),
      key,
      value,
      headers,
      attributes,
      offsetDelta,
      timestampDelta,
    };
  }
  if (c.pos !== end) throw corrupt(`${end - c.pos} bytes left after the batch's ${count} records`);
  return records;
}
