// Walking and validating runs of magic-v2 record batches held as opaque bytes.
import {
  BATCH_OVERHEAD, LOG_OVERHEAD, Off, batchSizeAt, isBatchCrcValid,
} from '@tideline/protocol/internal';
import { StorageError } from './errors.js';

/** What the log keeps about each batch it appends or scans. */
export interface BatchInfo {
  position: number;
  size: number;
  baseOffset: bigint;
  lastOffsetDelta: number;
  maxTimestamp: number;
  attributes: number;
}

export type BatchProblem = 'truncated' | 'bad-length' | 'bad-magic' | 'bad-crc' | 'offset-order';

export function batchInfoAt(buf: Buffer, pos: number, size: number, position = pos): BatchInfo {
  return {
    position,
    size,
    baseOffset: buf.readBigInt64BE(pos + Off.baseOffset),
    lastOffsetDelta: buf.readInt32BE(pos + Off.lastOffsetDelta),
    maxTimestamp: Number(buf.readBigInt64BE(pos + Off.maxTimestamp)),
    attributes: buf.readInt16BE(pos + Off.attributes),
  };
}

/**
 * Checks the batch at `pos`: complete, sane length, magic 2, CRC. Returns its size or the problem.
 * `limit` is the end of valid bytes in `buf`; a batch ending at or before `trustedEnd` (its CRC
 * already checked in this process) skips the CRC.
 */
export function checkBatchAt(buf: Buffer, pos: number, limit = buf.length, trustedEnd = 0): number | BatchProblem {
  if (limit - pos < LOG_OVERHEAD) return 'truncated';
  const size = batchSizeAt(buf, pos);
  if (size < BATCH_OVERHEAD) return 'bad-length';
  if (limit - pos < Math.min(size, BATCH_OVERHEAD)) return 'truncated';
  if (buf.readInt8(pos + Off.magic) !== 2) return 'bad-magic';
  if (buf.readInt32BE(pos + Off.lastOffsetDelta) < 0) return 'bad-length';
  if (limit - pos < size) return 'truncated';
  if (pos + size > trustedEnd && !isBatchCrcValid(buf, pos, size)) return 'bad-crc';
  return size;
}

/** Validates a producer's run of batches; throws CORRUPT_MESSAGE on the first bad one. */
export function validateIncoming(buf: Buffer): BatchInfo[] {
  const out: BatchInfo[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const r = checkBatchAt(buf, pos);
    if (typeof r !== 'number') {
      throw new StorageError('CORRUPT_MESSAGE', `record batch at byte ${pos} rejected: ${r}`);
    }
    const info = batchInfoAt(buf, pos, r);
    // Kafka's rules for new batches: one offset per record, a known codec.
    if (buf.readInt32BE(pos + Off.recordsCount) !== info.lastOffsetDelta + 1 || (info.attributes & 0x07) > 4) {
      throw new StorageError('INVALID_RECORD', `record batch at byte ${pos}: record count does not match its offset range, or unknown codec`);
    }
    out.push(info);
    pos += r;
  }
  if (out.length === 0) throw new StorageError('INVALID_RECORD', 'no record batches to append');
  return out;
}

/** Where and why `wholeBatches` stopped. */
export interface BatchCut {
  /** End of the whole batches kept. */
  end: number;
  /** Position of the last batch kept (-1 if none). */
  last: number;
  firstProblem: BatchProblem | null;
  /** The next batch is whole in `buf` or was cut by its end, and was left out only for `maxBytes`. */
  byMaxBytes: boolean;
}

/**
 * Cuts `buf` (batches read from some position of a segment) to whole batches: at least the first
 * (if complete), then while under `maxBytes` and below `maxOffset`. Bad CRCs end the run; batches
 * ending at or before `trustedEnd` (relative to `buf`) were checked before and skip the CRC.
 */
export function wholeBatches(buf: Buffer, maxBytes: number, maxOffset: bigint, trustedEnd = 0): BatchCut {
  let pos = 0;
  let last = -1;
  while (pos < buf.length) {
    const r = checkBatchAt(buf, pos, buf.length, trustedEnd);
    if (typeof r !== 'number') return { end: pos, last, firstProblem: r === 'truncated' ? null : r, byMaxBytes: r === 'truncated' && pos > 0 };
    if (buf.readBigInt64BE(pos + Off.baseOffset) >= maxOffset) break;
    if (pos > 0 && pos + r > maxBytes) return { end: pos, last, firstProblem: null, byMaxBytes: true };
    last = pos;
    pos += r;
  }
  return { end: pos, last, firstProblem: null, byMaxBytes: false };
}
