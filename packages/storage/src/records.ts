// Minimal record walker for uncompressed magic-v2 batches: the cleaner and the time lookup need
// keys, null values, timestamps and offset deltas, nothing else. Compressed batches are not walked
// here (see README: the cleaner keeps them whole until the shared batch codec is used).
import { BATCH_OVERHEAD, Off, compressionOf, CompressionType, Reader } from '@tideline/protocol/internal';

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
