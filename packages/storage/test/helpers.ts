// Test helpers: a small magic-v2 batch builder (uncompressed), temp directories and log configs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_OVERHEAD, Off, writeBatchCrc } from '@tideline/protocol/internal';
import type { LogConfig } from '../src/index.js';

/**
 * A complete LogConfig for tests: 1 GiB segments rolled weekly, retention by time only, one
 * commit per write; `over` replaces what a test cares about. (The broker derives real ones from
 * its config table.)
 */
export function logConfig(over: Partial<LogConfig> = {}): LogConfig {
  return {
    segmentBytes: 1024 * 1024 * 1024,
    segmentMs: 7 * 24 * 3600 * 1000,
    retentionMs: 7 * 24 * 3600 * 1000,
    retentionBytes: -1,
    cleanupDelete: true,
    cleanupCompact: false,
    minCompactionLagMs: 0,
    deleteRetentionMs: 24 * 3600 * 1000,
    indexIntervalBytes: 4096,
    timestampType: 'CreateTime',
    flushMs: 0,
    maxMessageBytes: 1024 * 1024 + 12,
    ...over,
  };
}

export interface TestRecord {
  key?: string | null;
  value: string | null;
  timestamp?: number;
}

function zigzag(n: bigint): bigint {
  return n >= 0n ? n << 1n : ((-n) << 1n) - 1n;
}

function varint(out: number[], v: number | bigint): void {
  let u = zigzag(BigInt(v));
  do {
    let b = Number(u & 0x7fn);
    u >>= 7n;
    if (u > 0n) b |= 0x80;
    out.push(b);
  } while (u > 0n);
}

/** One uncompressed batch with baseOffset 0; records' timestamps default to `now`. */
export function makeBatch(records: TestRecord[], opts: { attributes?: number; now?: number; producerId?: bigint } = {}): Buffer {
  const now = opts.now ?? Date.now();
  const ts = records.map((r) => r.timestamp ?? now);
  const base = Math.min(...ts);
  const body: number[] = [];
  records.forEach((r, i) => {
    const rec: number[] = [0];
    varint(rec, ts[i]! - base);
    varint(rec, i);
    const key = r.key === undefined || r.key === null ? null : Buffer.from(r.key);
    const value = r.value === null ? null : Buffer.from(r.value);
    varint(rec, key ? key.length : -1);
    if (key) rec.push(...key);
    varint(rec, value ? value.length : -1);
    if (value) rec.push(...value);
    varint(rec, 0);
    varint(body, rec.length);
    body.push(...rec);
  });
  const buf = Buffer.alloc(BATCH_OVERHEAD + body.length);
  buf.writeBigInt64BE(0n, Off.baseOffset);
  buf.writeInt32BE(buf.length - 12, Off.batchLength);
  buf.writeInt32BE(-1, Off.partitionLeaderEpoch);
  buf.writeInt8(2, Off.magic);
  buf.writeInt16BE(opts.attributes ?? 0, Off.attributes);
  buf.writeInt32BE(records.length - 1, Off.lastOffsetDelta);
  buf.writeBigInt64BE(BigInt(base), Off.baseTimestamp);
  buf.writeBigInt64BE(BigInt(Math.max(...ts)), Off.maxTimestamp);
  buf.writeBigInt64BE(opts.producerId ?? -1n, Off.producerId);
  buf.writeInt16BE(-1, Off.producerEpoch);
  buf.writeInt32BE(-1, Off.baseSequence);
  buf.writeInt32BE(records.length, Off.recordsCount);
  Buffer.from(body).copy(buf, BATCH_OVERHEAD);
  writeBatchCrc(buf);
  return buf;
}

/** `n` single-record batches concatenated, values "v<i>". */
export function makeBatches(n: number, size = 10, now?: number): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < n; i++) parts.push(makeBatch([{ key: `k${i}`, value: `v${i}`.padEnd(size, '.') }], now === undefined ? {} : { now }));
  return Buffer.concat(parts);
}

export interface ParsedRecord {
  offset: bigint;
  key: string | null;
  value: string | null;
  timestamp: number;
}

/** Decodes a run of uncompressed batches into records (offset, key, value). */
export function parseRecords(buf: Buffer): ParsedRecord[] {
  const out: ParsedRecord[] = [];
  let pos = 0;
  while (pos + 12 <= buf.length) {
    const size = buf.readInt32BE(pos + Off.batchLength) + 12;
    const base = buf.readBigInt64BE(pos);
    const baseTs = Number(buf.readBigInt64BE(pos + Off.baseTimestamp));
    const count = buf.readInt32BE(pos + Off.recordsCount);
    let p = pos + BATCH_OVERHEAD;
    const rd = (): number => {
      let u = 0n;
      let shift = 0n;
      for (;;) {
        const b = buf[p++]!;
        u |= BigInt(b & 0x7f) << shift;
        if ((b & 0x80) === 0) break;
        shift += 7n;
      }
      return Number((u >> 1n) ^ -(u & 1n));
    };
    for (let i = 0; i < count; i++) {
      rd();
      p++;
      const tsd = rd();
      const od = rd();
      const kl = rd();
      const key = kl < 0 ? null : buf.toString('utf8', p, p + kl);
      if (kl > 0) p += kl;
      const vl = rd();
      const value = vl < 0 ? null : buf.toString('utf8', p, p + vl);
      if (vl > 0) p += vl;
      const hc = rd();
      if (hc !== 0) throw new Error('headers not supported by the test parser');
      out.push({ offset: base + BigInt(od), key, value, timestamp: baseTs + tsd });
    }
    pos += size;
  }
  return out;
}

export function tempDir(t: { after: (fn: () => void) => void }, prefix = 'tideline-storage-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
