// Minimal record walker for uncompressed magic-v2 batches: the cleaner and the time lookup need
// keys, null values, timestamps and offset deltas, nothing else, without decoding values or
// headers. Compressed batches go through the protocol package's decodeBatch.
import { Attr, BATCH_OVERHEAD, Off, compressionOf, CompressionType, Reader, decodeBatch } from '@tideline/protocol/internal';
import type { TimestampOffset } from './types.js';

export interface RecordView {
  offsetDelta: number;
  timestamp: number;
  key: Buffer | null;
  valueIsNull: boolean;
  /** Byte range of the whole record (length prefix included) inside the batch buffer. */
  start: number;
  end: number;
}

export const isUncompressed = (buf: Buffer, pos: number): boolean =>
  compressionOf(buf.readInt16BE(pos + Off.attributes)) === CompressionType.None;

/** Calls fn for each record of the uncompressed batch at `pos`; throws on malformed records. */
export function forEachRecord(buf: Buffer, pos: number, size: number, fn: (r: RecordView) => void): void {
  const baseTimestamp = Number(buf.readBigInt64BE(pos + Off.baseTimestamp));
  const count = buf.readInt32BE(pos + Off.recordsCount);
  const r = new Reader(buf, pos + BATCH_OVERHEAD, pos + size);
  for (let i = 0; i < count; i++) {
    const start = r.pos;
    const len = r.varint();
    const end = r.pos + len;
    r.int8(); // attributes
    const timestamp = baseTimestamp + r.varlongNumber();
    const offsetDelta = r.varint();
    const keyLen = r.varint();
    const key = keyLen < 0 ? null : r.raw(keyLen);
    const valueLen = r.varint();
    if (end > pos + size || end < r.pos) throw new RangeError('record overruns its batch');
    r.pos = end;
    fn({ offsetDelta, timestamp, key, valueIsNull: valueLen < 0, start, end });
  }
}

/** First record of the batch in `bytes` (exactly one batch) with timestamp >= target, or null. */
export function firstRecordAtOrAfter(bytes: Buffer, target: number): TimestampOffset | null {
  const base = bytes.readBigInt64BE(Off.baseOffset);
  if ((bytes.readInt16BE(Off.attributes) & Attr.timestampTypeLogAppend) !== 0) {
    const ts = bytes.readBigInt64BE(Off.maxTimestamp);
    return ts >= BigInt(target) ? { offset: base, timestamp: ts } : null;
  }
  if (isUncompressed(bytes, 0)) {
    let hit: TimestampOffset | null = null;
    forEachRecord(bytes, 0, bytes.length, (r) => {
      if (hit === null && r.timestamp >= target) hit = { offset: base + BigInt(r.offsetDelta), timestamp: BigInt(r.timestamp) };
    });
    return hit;
  }
  const r = decodeBatch(bytes).records.find((x) => x.timestamp >= BigInt(target));
  return r === undefined ? null : { offset: r.offset, timestamp: r.timestamp };
}
