// Tools for the torn- and corrupt-data tests: an independent parser of segment files (record
// batches back to back: baseOffset int64, batchLength int32, then batchLength bytes; the CRC-32C
// covers attributes to the end, i.e. from byte 21 of the batch), and file damage helpers.
import { readdirSync, readFileSync, openSync, readSync, writeSync, closeSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './fuzz/mutate.js';

export interface FileBatch {
  position: number;
  size: number;
  baseOffset: bigint;
  lastOffset: bigint;
}

/** Offset of the CRC-covered part inside a batch (attributes onward). */
export const CRC_COVERED_FROM = 21;

/** The whole batches of a segment file, up to the first one that does not fit. */
export function fileBatches(buf: Buffer): FileBatch[] {
  const out: FileBatch[] = [];
  let p = 0;
  while (p + 61 <= buf.length) {
    const size = 12 + buf.readInt32BE(p + 8);
    if (size < 61 || p + size > buf.length) break;
    const baseOffset = buf.readBigInt64BE(p);
    out.push({ position: p, size, baseOffset, lastOffset: baseOffset + BigInt(buf.readInt32BE(p + 23)) });
    p += size;
  }
  return out;
}

/** The segment files (`.log`) of a partition directory, oldest first. */
export function segmentFiles(partitionDir: string): string[] {
  return readdirSync(partitionDir).filter((n) => /^\d{20}\.log$/.test(n)).sort().map((n) => join(partitionDir, n));
}

export function batchesOfFile(path: string): FileBatch[] {
  return fileBatches(readFileSync(path));
}

/** The last segment file of a partition directory that still holds a batch, with its batches. */
export function lastNonEmptySegment(partitionDir: string): { path: string; batches: FileBatch[] } {
  const segs = segmentFiles(partitionDir);
  for (let i = segs.length - 1; i >= 0; i--) {
    const batches = batchesOfFile(segs[i]!);
    if (batches.length > 0) return { path: segs[i]!, batches };
  }
  throw new Error(`no batches left in ${partitionDir}`);
}

/** XORs the byte at `position` with `mask` (default 0xff). */
export function flipByte(path: string, position: number, mask = 0xff): void {
  const fd = openSync(path, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, position);
    b[0]! ^= mask;
    writeSync(fd, b, 0, 1, position);
  } finally {
    closeSync(fd);
  }
}

/** Overwrites `bytes` at `position`. */
export function overwrite(path: string, position: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, position);
  } finally {
    closeSync(fd);
  }
}

export function truncateTo(path: string, size: number): void {
  truncateSync(path, size);
}

export function fileSize(path: string): number {
  return statSync(path).size;
}

/** The JSON log lines a broker process wrote (non-JSON lines skipped). */
export function logRecords(output: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a line cut by a kill
    }
  }
  return out;
}

// Damage rounds shared by the data-log and internal-topic tests. Each damages one batch of `batches`
// (the batches of the segment file at `path`) and returns it.

const middle = (bs: readonly FileBatch[]): FileBatch => {
  if (bs.length === 0) throw new Error('no batch to damage');
  return bs[Math.floor(bs.length / 2)]!;
};

/** Flips a CRC-covered byte of a middle batch lying before the segment's last offset-index entry (a clean shutdown does not rescan it). */
export function flipBeforeLastIndexEntry(path: string, batches: readonly FileBatch[], rng: Rng): FileBatch {
  const ix = readFileSync(path.replace(/\.log$/, '.index'));
  if (ix.length < 8) throw new Error(`${path}: no offset-index entry`);
  const indexed = ix.readUInt32BE(ix.length - 4);
  const b = middle(batches.filter((x) => x.position + x.size <= indexed));
  flipByte(path, b.position + CRC_COVERED_FROM + rng.int(b.size - CRC_COVERED_FROM));
  return b;
}

/** Cuts the file inside its last batch. */
export function cutInsideLastBatch(path: string, batches: readonly FileBatch[], rng: Rng): FileBatch {
  const b = batches.at(-1)!;
  truncateTo(path, b.position + 1 + rng.int(b.size - 1));
  return b;
}

/** Flips a CRC-covered byte of the middle batch. */
export function flipInMiddleBatch(path: string, batches: readonly FileBatch[], rng: Rng): FileBatch {
  const b = middle(batches);
  flipByte(path, b.position + CRC_COVERED_FROM + rng.int(b.size - CRC_COVERED_FROM));
  return b;
}
