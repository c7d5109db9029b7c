// Encoding and decoding of whole magic v2 record batches, and the checks a broker makes before
// appending one. Layout (see batch-header.ts for the offsets): a 61-byte header, then the records,
// compressed as one unit when the attributes name a codec. CRC32C covers attributes..end.
import {
  Attr,
  BATCH_OVERHEAD,
  type BatchHeader,
  CompressionType,
  LOG_OVERHEAD,
  Off,
  readBatchHeader,
  writeBatchCrc,
  computeBatchCrc,
} from './batch-header.js';
import { compress, decompress, DEFAULT_MAX_DECOMPRESSED_BYTES } from './compression.js';
import { type DecodedRecord, encodedSize, MIN_RECORD_SIZE, readRecords, type RecordInput, type SizedRecord, sizeRecord, writeRecord } from './record.js';
import { corrupt, RecordCursor } from './varint.js';

export interface EncodeBatchOptions {
  baseOffset?: bigint;
  partitionLeaderEpoch?: number;
  compression?: CompressionType;
  timestampType?: 'create' | 'logAppend';
  transactional?: boolean;
  control?: boolean;
  producerId?: bigint;
  producerEpoch?: number;
  baseSequence?: number;
  /** Defaults to the first record's timestamp, else the current time. */
  baseTimestamp?: bigint;
  records: RecordInput[];
}

export interface DecodeOptions {
  /** Cap on the decompressed size of the records section (default 64 MiB). */
  maxDecompressedBytes?: number;
}

export interface DecodedBatch {
  header: BatchHeader;
  records: DecodedRecord[];
}

const NO_TIMESTAMP = -1n;
/** Smallest valid batchLength: the header after the batchLength field, no records. */
const MIN_BATCH_LENGTH = BATCH_OVERHEAD - LOG_OVERHEAD;

export function encodeBatch(opts: EncodeBatchOptions): Buffer {
  const records = opts.records;
  const compression = opts.compression ?? CompressionType.None;
  if (!Number.isInteger(compression) || compression < 0 || compression > 4) {
    throw new RangeError(`unknown compression type ${String(compression)}`);
  }
  const baseTimestamp = opts.baseTimestamp ?? records[0]?.timestamp ?? BigInt(Date.now());
  const sized = new Array<SizedRecord>(records.length);
  let recordsSize = 0;
  let maxTimestamp = records.length === 0 ? NO_TIMESTAMP : baseTimestamp;
  let lastOffsetDelta = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const ts = r.timestamp ?? baseTimestamp;
    if (ts > maxTimestamp) maxTimestamp = ts;
    const offsetDelta = r.offsetDelta ?? i;
    lastOffsetDelta = offsetDelta;
    const s = sizeRecord(r, ts - baseTimestamp, offsetDelta);
    sized[i] = s;
    recordsSize += encodedSize(s);
  }
  let attributes = compression;
  if (opts.timestampType === 'logAppend') attributes |= Attr.timestampTypeLogAppend;
  if (opts.transactional === true) attributes |= Attr.transactional;
  if (opts.control === true) attributes |= Attr.control;

  let buf: Buffer;
  if (compression === CompressionType.None) {
    buf = Buffer.allocUnsafe(BATCH_OVERHEAD + recordsSize);
    let pos = BATCH_OVERHEAD;
    for (const s of sized) pos = writeRecord(buf, pos, s);
  } else {
    const raw = Buffer.allocUnsafe(recordsSize);
    let pos = 0;
    for (const s of sized) pos = writeRecord(raw, pos, s);
    const packed = compress(compression, raw);
    buf = Buffer.allocUnsafe(BATCH_OVERHEAD + packed.length);
    packed.copy(buf, BATCH_OVERHEAD);
  }
  buf.writeBigInt64BE(opts.baseOffset ?? 0n, Off.baseOffset);
  buf.writeInt32BE(buf.length - LOG_OVERHEAD, Off.batchLength);
  buf.writeInt32BE(opts.partitionLeaderEpoch ?? -1, Off.partitionLeaderEpoch);
  buf.writeInt8(2, Off.magic);
  buf.writeInt16BE(attributes, Off.attributes);
  buf.writeInt32BE(lastOffsetDelta, Off.lastOffsetDelta);
  buf.writeBigInt64BE(baseTimestamp, Off.baseTimestamp);
  buf.writeBigInt64BE(maxTimestamp, Off.maxTimestamp);
  buf.writeBigInt64BE(opts.producerId ?? -1n, Off.producerId);
  buf.writeInt16BE(opts.producerEpoch ?? -1, Off.producerEpoch);
  buf.writeInt32BE(opts.baseSequence ?? -1, Off.baseSequence);
  buf.writeInt32BE(records.length, Off.recordsCount);
  writeBatchCrc(buf, 0, buf.length);
  return buf;
}

/**
 * Header checks shared by every reader of the batch at `pos`: enough bytes, magic 2, a sane
 * batchLength, valid CRC. Returns the header and the batch's total size.
 */
function checkedHeader(buf: Buffer, pos: number): { header: BatchHeader; size: number } {
  if (buf.length - pos < BATCH_OVERHEAD) {
    throw corrupt(`record batch truncated: ${buf.length - pos} bytes, the header alone is ${BATCH_OVERHEAD}`);
  }
  const magic = buf.readInt8(pos + Off.magic);
  if (magic !== 2) throw corrupt(`unsupported record batch magic ${magic}`);
  const batchLength = buf.readInt32BE(pos + Off.batchLength);
  if (batchLength < MIN_BATCH_LENGTH) throw corrupt(`record batch length ${batchLength} is below the minimum ${MIN_BATCH_LENGTH}`);
  const size = batchLength + LOG_OVERHEAD;
  if (size > buf.length - pos) throw corrupt(`record batch of ${size} bytes truncated to ${buf.length - pos}`);
  const crc = buf.readUInt32BE(pos + Off.crc);
  if (computeBatchCrc(buf, pos, size) !== crc) throw corrupt('record batch CRC mismatch');
  return { header: readBatchHeader(buf, pos), size };
}

function decodeAt(buf: Buffer, pos: number, opts: DecodeOptions | undefined): { batch: DecodedBatch; size: number } {
  const { header, size } = checkedHeader(buf, pos);
  const count = header.recordsCount;
  if (count < 0) throw corrupt(`negative record count ${count}`);
  const compression = (header.attributes & Attr.compressionMask) as CompressionType;
  if (compression > CompressionType.Zstd) throw corrupt(`unknown compression type ${compression}`);
  const body = buf.subarray(pos + BATCH_OVERHEAD, pos + size);
  let data = body;
  if (compression !== CompressionType.None) {
    if (count === 0 && body.length === 0) {
      data = body;
    } else {
      data = decompress(compression, body, opts?.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES);
    }
  }
  const logAppend = (header.attributes & Attr.timestampTypeLogAppend) !== 0 ? header.maxTimestamp : null;
  const records = readRecords(data, 0, data.length, count, header.baseOffset, header.baseTimestamp, logAppend);
  return { batch: { header, records }, size };
}

/** Decodes exactly one batch (`buf` must hold nothing else); CORRUPT_MESSAGE on anything bad. */
export function decodeBatch(buf: Buffer, opts?: DecodeOptions): DecodedBatch {
  const { batch, size } = decodeAt(buf, 0, opts);
  if (size !== buf.length) throw corrupt(`${buf.length - size} bytes after the record batch`);
  return batch;
}

/**
 * Positions and sizes of the complete batches in a records field (Fetch/Produce). A trailing
 * partial batch (a broker cuts Fetch responses at max bytes) ends the walk silently; anything that
 * cannot be a batch header throws. Only the length is read: no CRC check.
 */
export function* batchSlices(buf: Buffer): Generator<{ pos: number; size: number }> {
  let pos = 0;
  while (buf.length - pos >= LOG_OVERHEAD) {
    const batchLength = buf.readInt32BE(pos + Off.batchLength);
    if (batchLength < MIN_BATCH_LENGTH) throw corrupt(`record batch length ${batchLength} is below the minimum ${MIN_BATCH_LENGTH}`);
    const size = batchLength + LOG_OVERHEAD;
    if (size > buf.length - pos) return;
    yield { pos, size };
    pos += size;
  }
}

/** Iterates over the batches of a records field, decoding each; a partial trailing batch is ignored. */
export function* iterateBatches(buf: Buffer, opts?: DecodeOptions): Generator<DecodedBatch> {
  for (const { pos } of batchSlices(buf)) yield decodeAt(buf, pos, opts).batch;
}

export function decodeBatches(buf: Buffer, opts?: DecodeOptions): DecodedBatch[] {
  return Array.from(iterateBatches(buf, opts));
}

/**
 * What a broker must check before appending a producer's batch, without decompressing it:
 * the whole buffer is one batch, magic 2, CRC, a known codec, and a record count that matches the
 * offset range (Kafka requires lastOffsetDelta = count - 1 for new batches). Returns the header.
 */
export function validateBatchForAppend(buf: Buffer, pos = 0, end = buf.length): BatchHeader {
  const view = pos === 0 && end === buf.length ? buf : buf.subarray(0, end);
  const { header, size } = checkedHeader(view, pos);
  if (size !== end - pos) throw corrupt(`batch length ${size} does not match the ${end - pos} bytes received`);
  const count = header.recordsCount;
  if (count <= 0) throw corrupt(`invalid record count ${count}`);
  if (header.lastOffsetDelta !== count - 1) {
    throw corrupt(`record count ${count} inconsistent with lastOffsetDelta ${header.lastOffsetDelta}`);
  }
  const compression = header.attributes & Attr.compressionMask;
  if (compression > CompressionType.Zstd) throw corrupt(`unknown compression type ${compression}`);
  if (compression === CompressionType.None && count > (size - BATCH_OVERHEAD) / MIN_RECORD_SIZE) {
    throw corrupt(`record count ${count} cannot fit in ${size - BATCH_OVERHEAD} bytes`);
  }
  return header;
}

/** Steps over one varint (up to 10 bytes) without decoding it. */
function skipVarint(r: RecordCursor, end: number): void {
  for (let n = 0; n < 10; n++) {
    if (r.pos >= end) throw corrupt('record truncated inside a varint');
    if ((r.buf[r.pos++]! & 0x80) === 0) return;
  }
  throw corrupt('varint longer than 10 bytes');
}

/**
 * Indexes (within the batch) of the records that have no key, for a batch known to be whole and
 * CRC-valid. Reads only each record's length and key length; a compressed batch is decompressed
 * first (capped like decodeBatch). CORRUPT_MESSAGE when a record overruns the batch.
 */
export function keylessRecordIndexes(buf: Buffer, opts?: DecodeOptions): number[] {
  const header = readBatchHeader(buf, 0);
  const compression = (header.attributes & Attr.compressionMask) as CompressionType;
  const body = buf.subarray(BATCH_OVERHEAD, LOG_OVERHEAD + header.batchLength);
  const data = compression === CompressionType.None || body.length === 0
    ? body
    : decompress(compression, body, opts?.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES);
  const r = new RecordCursor(data, 0, data.length);
  const out: number[] = [];
  for (let i = 0; i < header.recordsCount; i++) {
    const len = r.varint();
    const end = r.pos + len;
    if (len < 0 || end > data.length) throw corrupt(`record ${i} overruns its batch`);
    r.int8(); // attributes
    skipVarint(r, end); // timestamp delta
    skipVarint(r, end); // offset delta
    if (r.varint() < 0) out.push(i);
    r.pos = end;
  }
  return out;
}
