import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CompressionType, Off, encodeBatch, writeBatchCrc } from '@tideline/protocol/internal';
import { FileLogManager, StorageError, type LogConfig } from '../../src/index.js';
import type { FilePartitionLog } from '../../src/internal.js';
import { logConfig, makeBatch, makeBatches, parseRecords, tempDir } from '../helpers.js';

const tp = { topic: 't', partition: 0 };

async function openLog(dir: string, config: Partial<LogConfig> = {}, clock?: () => number): Promise<{ mgr: FileLogManager; log: FilePartitionLog }> {
  const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0, ...(clock ? { clock } : {}) });
  return { mgr, log: await mgr.open(tp, logConfig(config)) };
}

async function readAll(log: FilePartitionLog, from = log.logStartOffset): Promise<ReturnType<typeof parseRecords>> {
  const out: ReturnType<typeof parseRecords> = [];
  let next = from;
  while (next < log.highWatermark) {
    const r = await log.read(next, 1 << 20);
    if (r.records.length === 0) break;
    const recs = parseRecords(r.records);
    out.push(...recs);
    next = recs[recs.length - 1]!.offset + 1n;
  }
  return out;
}

test('append assigns offsets and reads round-trip whole batches', async (t) => {
  const { mgr, log } = await openLog(tempDir(t));
  const r1 = await log.append(makeBatch([{ key: 'a', value: '1' }, { key: 'b', value: '2' }]), { durable: true });
  const r2 = await log.append(makeBatch([{ key: 'c', value: '3' }]), { durable: true });
  assert.deepEqual([r1.baseOffset, r1.lastOffset, r2.baseOffset, r2.lastOffset], [0n, 1n, 2n, 2n]);
  assert.equal(r1.logAppendTime, -1n);
  assert.equal(log.logEndOffset, 3n);
  assert.equal(log.highWatermark, 3n);
  const all = await log.read(0n, 1 << 20);
  assert.deepEqual(parseRecords(all.records).map((r) => [r.offset, r.key, r.value]), [[0n, 'a', '1'], [1n, 'b', '2'], [2n, 'c', '3']]);
  // Fetching from the middle of a batch returns the whole batch containing it.
  const mid = await log.read(1n, 1 << 20);
  assert.equal(parseRecords(mid.records)[0]!.offset, 0n);
  // The first batch comes back even when larger than maxBytes; nothing more.
  const small = await log.read(0n, 1);
  assert.equal(parseRecords(small.records).length, 2);
  assert.equal((await log.read(3n, 100)).records.length, 0);
  await assert.rejects(log.read(4n, 100), (e: unknown) => e instanceof StorageError && e.kafkaError === 'OFFSET_OUT_OF_RANGE');
  const miscounted = makeBatch([{ value: 'x' }, { value: 'y' }]);
  miscounted.writeInt32BE(5, Off.lastOffsetDelta); // inside the CRC range: recompute the CRC
  writeBatchCrc(miscounted);
  await assert.rejects(log.append(miscounted), (e: unknown) => e instanceof StorageError && e.kafkaError === 'INVALID_RECORD');
  await assert.rejects(log.append(Buffer.from('garbage-bytes-garbage-bytes')), (e: unknown) => e instanceof StorageError && e.kafkaError === 'CORRUPT_MESSAGE');
  await mgr.close();
});

test('offsets continue across segment rolls and reopen; index lookups find every offset', async (t) => {
  const dir = tempDir(t);
  const cfg = { segmentBytes: 4096, indexIntervalBytes: 256 };
  let { mgr, log } = await openLog(dir, cfg);
  for (let i = 0; i < 200; i++) await log.append(makeBatches(1, 40));
  await log.flush();
  assert.ok(log.segmentCount > 3, `segments: ${log.segmentCount}`);
  const names = readdirSync(join(dir, 't-0')).filter((n) => n.endsWith('.log')).sort();
  assert.equal(names[0], '00000000000000000000.log');
  for (let o = 0n; o < 200n; o += 7n) {
    const r = await log.read(o, 10);
    assert.equal(parseRecords(r.records)[0]!.offset, o);
  }
  await mgr.close();
  ({ mgr, log } = await openLog(dir, cfg));
  assert.equal(log.recovery.fullScan, false);
  assert.equal(log.logEndOffset, 200n);
  assert.equal((await log.append(makeBatches(1), { durable: true })).baseOffset, 200n);
  const recs = await readAll(log);
  assert.deepEqual(recs.map((r) => r.offset), Array.from({ length: 201 }, (_, i) => BigInt(i)));
  await mgr.close();
});

test('time index: offsetForTimestamp and maxTimestamp', async (t) => {
  const { mgr, log } = await openLog(tempDir(t), { segmentBytes: 2048, indexIntervalBytes: 100 });
  for (let i = 0; i < 100; i++) {
    await log.append(makeBatch([{ key: 'k', value: `a${i}`, timestamp: 1000 + i * 10 }, { key: 'k', value: `b${i}`, timestamp: 1005 + i * 10 }]));
  }
  await log.flush();
  assert.deepEqual(await log.offsetForTimestamp(0n), { offset: 0n, timestamp: 1000n });
  assert.deepEqual(await log.offsetForTimestamp(1005n), { offset: 1n, timestamp: 1005n });
  assert.deepEqual(await log.offsetForTimestamp(1503n), { offset: 101n, timestamp: 1505n });
  assert.deepEqual(await log.offsetForTimestamp(1990n), { offset: 198n, timestamp: 1990n });
  assert.equal(await log.offsetForTimestamp(5000n), null);
  assert.deepEqual(await log.maxTimestamp(), { timestamp: 1995n, offset: 199n });
  await mgr.close();
});

test('LogAppendTime stamps the batch and keeps its CRC valid', async (t) => {
  const dir = tempDir(t);
  let now = 5_000_000;
  const { mgr, log } = await openLog(dir, { timestampType: 'LogAppendTime' }, () => now);
  const r = await log.append(makeBatch([{ value: 'x', timestamp: 1 }]), { durable: true });
  assert.equal(r.logAppendTime, 5_000_000n);
  assert.deepEqual(await log.maxTimestamp(), { timestamp: 5_000_000n, offset: 0n });
  now += 1;
  await mgr.close();
  const again = await openLog(dir, {}, () => now);
  assert.equal(again.log.recovery.truncated, null);
  assert.equal(again.log.logEndOffset, 1n);
  await again.mgr.close();
});

test('roll by segment.ms', async (t) => {
  let now = 1_000_000;
  const { mgr, log } = await openLog(tempDir(t), { segmentMs: 1000 }, () => now);
  await log.append(makeBatches(1));
  now += 500;
  await log.append(makeBatches(1));
  assert.equal(log.segmentCount, 1);
  now += 600;
  await log.append(makeBatches(1));
  assert.equal(log.segmentCount, 2);
  await mgr.close();
});

test('retention by time and by size deletes whole old segments and moves the log start', async (t) => {
  const now = 10_000_000;
  const dir = tempDir(t);
  const { mgr, log } = await openLog(dir, { segmentBytes: 1024, retentionMs: 60_000 }, () => now);
  for (let i = 0; i < 40; i++) await log.append(makeBatches(1, 50, now - 120_000));
  for (let i = 0; i < 40; i++) await log.append(makeBatches(1, 50, now));
  await log.flush();
  const before = log.segmentCount;
  const report = await mgr.runMaintenance();
  assert.ok(report.deletedSegments > 0);
  assert.ok(log.segmentCount < before);
  assert.ok(log.logStartOffset > 0n && log.logStartOffset <= 40n, `lso ${log.logStartOffset}`);
  await assert.rejects(log.read(0n, 100), (e: unknown) => e instanceof StorageError && e.kafkaError === 'OFFSET_OUT_OF_RANGE');
  const first = parseRecords((await log.read(log.logStartOffset, 10)).records)[0]!;
  assert.equal(first.offset, log.logStartOffset);

  log.updateConfig({ ...log.currentConfig, retentionMs: -1, retentionBytes: 2048 });
  await mgr.runMaintenance();
  assert.ok(log.sizeInBytes <= 2048 + 1024, `size ${log.sizeInBytes}`);
  assert.ok(log.sizeInBytes >= 2048 || log.segmentCount === 1);
  assert.equal(log.logEndOffset, 80n);
  await mgr.close();
});

test('DeleteRecords moves the log start offset, deletes whole segments, and persists', async (t) => {
  const dir = tempDir(t);
  let { mgr, log } = await openLog(dir, { segmentBytes: 1024 });
  for (let i = 0; i < 60; i++) await log.append(makeBatches(1, 50));
  await log.flush();
  const segs = log.segmentCount;
  assert.equal(await log.deleteRecordsBefore(33n), 33n);
  assert.ok(log.segmentCount < segs);
  assert.equal(parseRecords((await log.read(33n, 10)).records)[0]!.offset, 33n);
  await assert.rejects(log.read(32n, 10));
  await assert.rejects(log.deleteRecordsBefore(61n), (e: unknown) => e instanceof StorageError && e.kafkaError === 'OFFSET_OUT_OF_RANGE');
  await mgr.close();
  ({ mgr, log } = await openLog(dir, { segmentBytes: 1024 }));
  assert.equal(log.logStartOffset, 33n);
  assert.equal(await log.deleteRecordsBefore(-1n), 60n);
  assert.equal((await log.read(60n, 10)).records.length, 0);
  await mgr.close();
});

test('truncateTo drops batches at and above an offset', async (t) => {
  const { mgr, log } = await openLog(tempDir(t), { segmentBytes: 1024 });
  for (let i = 0; i < 50; i++) await log.append(makeBatches(1, 50));
  await log.flush();
  await log.truncateTo(20n);
  assert.equal(log.logEndOffset, 20n);
  assert.equal(log.highWatermark, 20n);
  assert.equal((await log.append(makeBatches(1))).baseOffset, 20n);
  await log.flush();
  assert.deepEqual((await readAll(log)).map((r) => Number(r.offset)), Array.from({ length: 21 }, (_, i) => i));
  await mgr.close();
});

// ListOffsets MAX_TIMESTAMP answers the first record with the largest timestamp, as Apache Kafka
// does since KAFKA-16310 (the client-level check against Apache Kafka is in
// client/test/list-offsets-max-timestamp.test.ts). Regression: the last offset of its batch.
test('maxTimestamp: the first record that has the largest timestamp, in every codec, across batches and segments', async (t) => {
  const batchOf = (ts: number[], compression = CompressionType.None): Buffer =>
    encodeBatch({ compression, records: ts.map((x, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(`v${i}`), timestamp: BigInt(x) })) });
  for (const codec of [CompressionType.None, CompressionType.Gzip, CompressionType.Snappy, CompressionType.Lz4, CompressionType.Zstd]) {
    const { mgr, log } = await openLog(tempDir(t));
    await log.append(batchOf([1000, 3000, 2000, 2000, 1000], codec), { durable: true });
    assert.deepEqual(await log.maxTimestamp(), { timestamp: 3000n, offset: 1n }, `codec ${codec}`);
    // A tie in a later batch keeps the first one.
    await log.append(batchOf([3000, 500], codec), { durable: true });
    assert.deepEqual(await log.maxTimestamp(), { timestamp: 3000n, offset: 1n }, `codec ${codec}`);
    await mgr.close();
  }
  // Several segments: the maximum sits inside the middle one, tied again in the last.
  const { mgr, log } = await openLog(tempDir(t), { segmentBytes: 1024, indexIntervalBytes: 100 });
  for (let i = 0; i < 30; i++) await log.append(batchOf([100 + i, 50, 100 + i]));
  await log.append(batchOf([4000, 9000, 9000, 10]));
  const maxAt = log.logEndOffset - 3n;
  for (let i = 0; i < 30; i++) await log.append(batchOf([200 + i, 9000]));
  await log.flush();
  assert.ok(log.segmentCount >= 3, `${log.segmentCount} segments`);
  assert.deepEqual(await log.maxTimestamp(), { timestamp: 9000n, offset: maxAt });
  await mgr.close();
});

test('high-watermark listeners run after every advance, whoever flushed: a durable append, flush(), the flush.ms timer', async (t) => {
  const { mgr, log } = await openLog(tempDir(t), { flushMs: 50 });
  const seen: bigint[] = [];
  const off = log.onHighWatermark((hw) => seen.push(hw));
  await log.append(makeBatch([{ key: 'a', value: '1' }]), { durable: true });
  assert.deepEqual(seen, [1n]);
  // Non-durable: nothing yet (not even synchronously); the flush.ms timer's group commit advances it.
  const p = log.append(makeBatch([{ key: 'b', value: '2' }]));
  assert.deepEqual(seen, [1n]);
  await p;
  assert.equal(log.highWatermark, 1n);
  while (log.highWatermark < 2n) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(seen, [1n, 2n]);
  await log.append(makeBatch([{ key: 'c', value: '3' }]));
  await log.flush();
  assert.deepEqual(seen, [1n, 2n, 3n]);
  // A flush with nothing new is no advance; a removed listener hears nothing; a throwing one harms no one.
  await log.flush();
  off();
  log.onHighWatermark(() => {
    throw new Error('listener bug');
  });
  await log.append(makeBatch([{ key: 'd', value: '4' }]), { durable: true });
  assert.deepEqual(seen, [1n, 2n, 3n]);
  assert.equal(log.highWatermark, 4n);
  await mgr.close();
});

test('pooled reads: a released buffer serves the next read; unreleased ones and foreign buffers are left alone', async (t) => {
  const { mgr, log } = await openLog(tempDir(t));
  const big = 'v'.repeat(1000);
  for (let i = 0; i < 40; i++) await log.append(makeBatch([{ value: `${i}:${big}` }]), { durable: true });
  const a = await log.read(0n, 1 << 20, { pooled: true });
  const before = parseRecords(a.records).map((r) => r.value);
  assert.equal(before.length, 40);
  log.releaseRead(a.records);
  // The same backing store comes back for the next pooled read, with that read's bytes.
  const b = await log.read(20n, 1 << 20, { pooled: true });
  assert.equal(b.records.buffer, a.records.buffer);
  assert.deepEqual(parseRecords(b.records).map((r) => r.value), before.slice(20));
  // A second release of the same view, and a buffer the pool never lent, change nothing.
  log.releaseRead(b.records);
  log.releaseRead(b.records);
  log.releaseRead(Buffer.alloc(64 * 1024));
  const c = await log.read(0n, 1 << 20, { pooled: true });
  const d = await log.read(0n, 1 << 20, { pooled: true });
  assert.notEqual(c.records.buffer, d.records.buffer);
  assert.deepEqual(parseRecords(d.records).map((r) => r.value), before);
  // Without `pooled`, reads never come from the pool.
  log.releaseRead(c.records);
  const e = await log.read(0n, 1 << 20);
  assert.notEqual(e.records.buffer, c.records.buffer);
  await mgr.close();
});

// A consumer's next fetch starts where its last one ended: the log remembers that position per
// segment and reads from it directly, one file read per fetch instead of an index lookup and a
// header scan before the data read (docs/benchmarks.md, "Consume 1 KiB with the Java consumer").
test('read-end hints: sequential reads take one file read each; seeks, many readers and truncation stay correct', async (t) => {
  const { mgr, log } = await openLog(tempDir(t), { indexIntervalBytes: 256 });
  for (let i = 0; i < 60; i++) await log.append(makeBatch([{ value: `${i}a` }, { value: `${i}b` }]), { durable: true });
  const seg = log.snapshotSegments()[0]!;
  let fileReads = 0;
  const readAt = seg.readAt.bind(seg);
  seg.readAt = (...args: Parameters<typeof readAt>) => {
    fileReads++;
    return readAt(...args);
  };
  const values = async (from: bigint, maxBytes: number): Promise<{ values: string[]; next: bigint }> => {
    const recs = parseRecords((await log.read(from, maxBytes)).records);
    return { values: recs.map((r) => r.value ?? ''), next: recs.length === 0 ? from : recs[recs.length - 1]!.offset + 1n };
  };
  const batchBytes = makeBatch([{ value: '0a' }, { value: '0b' }]).length;
  // The first read looks the offset up (index, header scan, data); the ones after it do not.
  let next = 0n;
  const seen: string[] = [];
  for (let i = 0; next < log.highWatermark; i++) {
    const before = fileReads;
    const r = await values(next, batchBytes * 3);
    seen.push(...r.values);
    next = r.next;
    if (i > 0) assert.equal(fileReads - before, 1, `read ${i}: one file read`);
  }
  assert.deepEqual(seen, Array.from({ length: 60 }, (_, i) => [`${i}a`, `${i}b`]).flat());
  // Six readers interleaved (more than the hints kept): every read returns what an index lookup finds.
  const cursors = [0n, 2n, 10n, 31n, 77n, 100n];
  for (let round = 0; round < 8; round++) {
    for (let c = 0; c < cursors.length; c++) {
      const from = cursors[c]!;
      if (from >= log.highWatermark) continue;
      const r = await values(from, batchBytes * 2);
      const i = Number(from) >> 1;
      assert.deepEqual(r.values.slice(0, 2), [`${i}a`, `${i}b`], `reader ${c} at ${from}`);
      cursors[c] = r.next;
    }
  }
  // A read from the middle of a batch (a remembered offset is always a batch's first) still works.
  assert.deepEqual((await values(41n, batchBytes)).values, ['20a', '20b']);
  // Truncation and new bytes at the same offsets: a position remembered before is not trusted.
  assert.equal((await values(40n, batchBytes)).next, 42n);
  await log.truncateTo(42n);
  await log.append(makeBatch([{ value: 'x' }, { value: 'y' }, { value: 'z' }]), { durable: true });
  await log.append(makeBatch([{ value: 'w' }]), { durable: true });
  assert.deepEqual((await values(42n, 1 << 20)).values, ['x', 'y', 'z', 'w']);
  assert.deepEqual((await values(45n, 1 << 20)).values, ['w']);
  await mgr.close();
});
