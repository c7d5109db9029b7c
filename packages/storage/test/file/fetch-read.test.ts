// The fetch read path (partition-log.ts, segment.ts; docs/architecture.md, "Path of a Fetch"):
// batches checked once in this process are not checked again, while bytes that were on disk
// before the log opened still are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
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
  // Sequentially, batch by batch: every batch before it, then refused at it.
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
