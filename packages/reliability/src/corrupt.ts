// Tools for the torn- and corrupt-data tests: an independent parser of segment files (record
// batches back to back: baseOffset int64, batchLength int32, then batchLength bytes; the CRC-32C
// covers attributes to the end, i.e. from byte 21 of the batch), and file damage helpers.
import { readdirSync, readFileSync, openSync, readSync, writeSync, closeSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
