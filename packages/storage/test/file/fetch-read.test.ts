// The fetch read path (partition-log.ts, segment.ts; docs/architecture.md, "Path of a Fetch"): a
// pooled read cut by its maxBytes starts reading the next window, which the next read for exactly
// that offset takes instead of reading the file; batches checked once in this process are not
// checked again, while bytes that were on disk before the log opened still are; a read of the hot
// tail (the end of the active segment) is done without libuv's thread pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { FileLogManager, StorageError, type LogConfig } from '../../src/index.js';
import type { FilePartitionLog } from '../../src/internal.js';
import { segmentFileName } from '../../src/file/segment.js';
import { logConfig, makeBatch, parseRecords, tempDir } from '../helpers.js';

const tp = { topic: 'ra', partition: 0 };
const PAD = 'p'.repeat(1000);
/** Enough 1 KiB-ish records per batch that a 64 KiB window holds a few batches (pooled sizes). */
const PER_BATCH = 8;

async function openLog(dir: string, config: Partial<LogConfig> = {}): Promise<{ mgr: FileLogManager; log: FilePartitionLog }> {
  const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0 });
  return { mgr, log: await mgr.open(tp, logConfig(config)) };
}

async function fill(log: FilePartitionLog, batches: number, tag = ''): Promise<void> {
  for (let i = 0; i < batches; i++) {
    await log.append(makeBatch(Array.from({ length: PER_BATCH }, (_, j) => ({ key: `${tag}${i}`, value: `${tag}${i}.${j}:${PAD}` }))), { durable: true });
  }
}

/** Records every file read of the log's segments (position and length). */
function spyReads(log: FilePartitionLog): Array<{ position: number; length: number }> {
  const seen: Array<{ position: number; length: number }> = [];
  for (const seg of log.snapshotSegments()) {
    const readAt = seg.readAt.bind(seg);
    seg.readAt = (position, length, pool) => {
      seen.push({ position, length });
      return readAt(position, length, pool);
    };
  }
  return seen;
}

interface Read {
  values: string[];
  next: bigint;
  bytes: number;
}

async function pooledRead(log: FilePartitionLog, from: bigint, maxBytes: number, maxOffset?: bigint): Promise<Read> {
  const r = await log.read(from, maxBytes, maxOffset === undefined ? { pooled: true } : { pooled: true, maxOffset });
  const recs = parseRecords(r.records);
  const out = { values: recs.map((x) => x.value ?? ''), next: recs.length === 0 ? from : recs[recs.length - 1]!.offset + 1n, bytes: r.records.length };
  log.releaseRead(r.records); // as the broker does after the socket write
  return out;
}

const expected = (batches: number, tag = ''): string[] => Array.from({ length: batches * PER_BATCH }, (_, k) => `${tag}${Math.floor(k / PER_BATCH)}.${k % PER_BATCH}:${PAD}`);

test('read-ahead: consecutive pooled reads get the right bytes; each read cut by maxBytes starts the file read of the next window', async (t) => {
  const { mgr, log } = await openLog(tempDir(t));
  await fill(log, 40);
  const reads = spyReads(log);
  const window = 64 * 1024;
  const got: string[] = [];
  let next = 0n;
  let position = 0;
  for (let i = 0; next < log.highWatermark; i++) {
    const before = reads.length;
    const r = await pooledRead(log, next, window);
    got.push(...r.values);
    next = r.next;
    position += r.bytes;
    if (next < log.highWatermark) {
      // The last file read is the read-ahead of the next window, from where this one ended.
      assert.deepEqual(reads.at(-1), { position, length: Math.min(window, log.sizeInBytes - position) }, `read ${i}`);
      if (i > 0) assert.equal(reads.length - before, 1, `read ${i}: served from its read-ahead, one file read (the next one)`);
    }
  }
  assert.deepEqual(got, expected(40));
  // Unpooled reads neither use nor start read-aheads.
  const before = reads.length;
  assert.deepEqual(parseRecords((await log.read(0n, window)).records).map((x) => x.value), expected(40).slice(0, parseRecords((await log.read(0n, window)).records).length));
  assert.ok(reads.length - before >= 2);
  await mgr.close();
});

test('read-ahead: a next read asking less is clipped to its maxBytes, one asking more or another offset reads the file', async (t) => {
  const { mgr, log } = await openLog(tempDir(t));
  await fill(log, 40);
  const all = expected(40);
  const reads = spyReads(log);
  const a = await pooledRead(log, 0n, 64 * 1024);
  // Smaller: clipped (at least one batch), the right records.
  const b = await pooledRead(log, a.next, 20 * 1024);
  assert.ok(b.bytes <= 20 * 1024 && b.values.length > 0);
  assert.deepEqual(b.values, all.slice(a.values.length, a.values.length + b.values.length));
  // Larger than the read-ahead's window: a normal read of the full window.
  const before = reads.length;
  const c = await pooledRead(log, b.next, 128 * 1024);
  assert.ok(c.bytes > 64 * 1024);
  assert.ok(reads.slice(before).some((r) => r.length === 128 * 1024 || r.length > 64 * 1024), 'read from the file');
  const done = a.values.length + b.values.length;
  assert.deepEqual(c.values, all.slice(done, done + c.values.length));
  // A seek elsewhere drops the pending read-ahead and reads what was asked.
  const d = await pooledRead(log, 8n, 64 * 1024);
  assert.equal(d.values[0], all[8]);
  await mgr.close();
});

test('read-ahead: read_committed clipping (maxOffset) of the next read still holds', async (t) => {
  const { mgr, log } = await openLog(tempDir(t));
  await fill(log, 40);
  const all = expected(40);
  const a = await pooledRead(log, 0n, 64 * 1024);
  // A stable offset inside the read-ahead's window: only batches below it.
  const stable = a.next + BigInt(PER_BATCH * 2);
  const b = await pooledRead(log, a.next, 64 * 1024, stable);
  assert.equal(b.next, stable);
  assert.deepEqual(b.values, all.slice(Number(a.next), Number(stable)));
  // At the stable offset: nothing.
  assert.equal((await pooledRead(log, stable, 64 * 1024, stable)).bytes, 0);
  await mgr.close();
});

for (const settle of [false, true]) {
  test(`read-ahead: truncation and new bytes at the same offsets between the read-ahead and the next read (read-ahead ${settle ? 'finished' : 'in flight'})`, async (t) => {
    const { mgr, log } = await openLog(tempDir(t));
    await fill(log, 40);
    const a = await pooledRead(log, 0n, 64 * 1024);
    if (settle) await new Promise((r) => setTimeout(r, 50));
    // Keeps one batch of the read-ahead's window, replaces the rest.
    await log.truncateTo(a.next + BigInt(PER_BATCH));
    await fill(log, 10, 'new');
    const b = await pooledRead(log, a.next, 64 * 1024);
    const old = expected(40);
    const k = Number(a.next);
    assert.deepEqual(b.values.slice(0, PER_BATCH + 1), [...old.slice(k, k + PER_BATCH), expected(1, 'new')[0]]);
    await mgr.close();
  });
}

test('read-ahead: compaction of the segment and retention between the read-ahead and the next read', async (t) => {
  const dir = tempDir(t);
  let now = 50_000_000;
  const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0, clock: () => now });
  const cfg = logConfig({ cleanupCompact: true, cleanupDelete: false, segmentBytes: 160 * 1024, deleteRetentionMs: 1_000_000 });
  const log = await mgr.open(tp, cfg);
  // Two keys per batch position: the first 20 batches are superseded by the last 20.
  for (let i = 0; i < 60; i++) {
    await log.append(makeBatch(Array.from({ length: PER_BATCH }, (_, j) => ({ key: `k${i % 20}.${j}`, value: `${i}.${j}:${PAD}`, timestamp: now }))), { durable: true });
  }
  assert.ok(log.segmentCount >= 3);
  const a = await pooledRead(log, 0n, 64 * 1024);
  now += 10;
  assert.ok((await mgr.runMaintenance()).cleanedSegments > 0);
  const index = parseRecords((await log.read(a.next, 64 * 1024)).records).map((r) => [r.offset, r.value]);
  const r = await log.read(a.next, 64 * 1024, { pooled: true });
  assert.deepEqual(parseRecords(r.records).map((x) => [x.offset, x.value]), index, 'what an index lookup finds after compaction');
  log.releaseRead(r.records);
  // Retention removes the segment a read-ahead is reading.
  const b = await pooledRead(log, index.length > 0 ? (index.at(-1)![0] as bigint) + 1n : a.next, 64 * 1024);
  assert.ok(b.bytes > 0);
  log.updateConfig({ ...cfg, cleanupDelete: true, cleanupCompact: false, retentionBytes: 1 });
  await log.applyRetention();
  const from = log.logStartOffset;
  const c = await pooledRead(log, from, 64 * 1024);
  assert.equal(parseRecords((await log.read(from, 64 * 1024)).records)[0]!.value, c.values[0]);
  await mgr.close();
});

test('CRC once: a batch corrupted on disk before the log opens is refused on every read; appended ones are not checked again', async (t) => {
  const dir = tempDir(t);
  let { mgr, log } = await openLog(dir, { indexIntervalBytes: 4096 });
  await fill(log, 30);
  const starts = readFileSync(join(dir, `${tp.topic}-${tp.partition}`, segmentFileName(0n, '.log')));
  const ends: number[] = [];
  for (let p = 0; p < starts.length; p += starts.readInt32BE(p + 8) + 12) ends.push(p + starts.readInt32BE(p + 8) + 12);
  const batchBytes = ends[0]!;
  await mgr.close(); // clean: the next open rescans only past the last index entry
  const file = join(dir, `${tp.topic}-${tp.partition}`, segmentFileName(0n, '.log'));
  const flip = (position: number): void => {
    const fd = openSync(file, 'r+');
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, position);
    b[0] = b[0]! ^ 0xff;
    writeSync(fd, b, 0, 1, position);
    closeSync(fd);
  };
  flip(ends[3]! - 10); // a value byte of batch 3 (offsets 24..31)
  ({ mgr, log } = await openLog(dir, { indexIntervalBytes: 4096 }));
  const refused = (e: unknown): boolean => e instanceof StorageError && e.kafkaError === 'KAFKA_STORAGE_ERROR';
  for (let i = 0; i < 2; i++) {
    await assert.rejects(log.read(24n, 1 << 20, { pooled: true }), refused, `read ${i}`);
    await assert.rejects(log.read(24n, 1 << 20), refused, `unpooled read ${i}`);
    // From before it: the batches before only, twice (the second time from the verified range).
    const r = await pooledRead(log, 0n, 1 << 20);
    assert.deepEqual(r.values, expected(3));
  }
  // Sequentially with read-aheads: every batch before it, then refused at it.
  let next = 0n;
  const got: string[] = [];
  await assert.rejects((async () => {
    for (;;) {
      const r = await pooledRead(log, next, batchBytes + 1);
      got.push(...r.values);
      next = r.next;
    }
  })(), refused);
  assert.deepEqual(got, expected(3));
  // Batches appended in this process passed the CRC check on produce. Bit rot after that (here a
  // byte flipped under the running log) is the consumer's CRC check to catch, as with Kafka.
  const end = log.sizeInBytes;
  await fill(log, 2, 'late');
  flip(end + 100);
  const late = await pooledRead(log, log.highWatermark - BigInt(2 * PER_BATCH), 1 << 20);
  assert.equal(late.values.length, 2 * PER_BATCH);
  assert.notDeepEqual(late.values, expected(2, 'late'));
  await mgr.close();
});

test('hot tail: with every thread of libuv\'s pool blocked, a tailing read (reaching the end of the active segment) still answers; an older read waits for a thread', { timeout: 30_000 }, async (t) => {
  const dir = tempDir(t);
  const { mgr, log } = await openLog(dir);
  await fill(log, 40); // ~330 KB: the first batches lie more than the hot tail (128 KiB) before the end
  // A consumer keeping up: its last read ended at the end of the log, then producers appended more.
  const caughtUp = await pooledRead(log, log.highWatermark - BigInt(PER_BATCH), 1024 * 1024);
  assert.equal(caughtUp.next, log.highWatermark);
  await fill(log, 2, 'n');
  // Block the pool: each open() of a FIFO for reading waits in a pool thread until a writer opens it.
  const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const fifos = Array.from({ length: threads }, (_, i) => join(dir, `block-${i}.fifo`));
  for (const f of fifos) execFileSync('mkfifo', [f]);
  const blockers = fifos.map((f) => open(f, 'r'));
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    for (const f of fifos) closeSync(openSync(f, constants.O_RDWR)); // a writer: every blocked open returns
  };
  t.after(release);
  await new Promise((r) => setTimeout(r, 50)); // the opens reach their threads
  let coldDone = false;
  const cold = log.read(0n, 16 * 1024, { pooled: true }).then((r) => {
    coldDone = true;
    return r;
  });
  const tail = await pooledRead(log, caughtUp.next, 1024 * 1024);
  assert.deepEqual(tail.values, expected(2, 'n'), 'the tail read answered from the page cache, on this thread');
  await new Promise((r) => setImmediate(r));
  assert.equal(coldDone, false, 'a read of older bytes goes through the (blocked) pool');
  release();
  for (const fh of await Promise.all(blockers)) await fh.close();
  const r = await cold;
  assert.deepEqual(parseRecords(r.records).map((x) => x.value), expected(40).slice(0, parseRecords(r.records).length));
  log.releaseRead(r.records);
  await mgr.close();
});
