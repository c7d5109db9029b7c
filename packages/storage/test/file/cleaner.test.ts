import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileLogManager, type LogConfig } from '../../src/index.js';
import { CLEAN_SHUTDOWN_FILE } from '../../src/file/log-manager.js';
import type { FilePartitionLog } from '../../src/internal.js';
import { logConfig, makeBatch, parseRecords, tempDir, type ParsedRecord } from '../helpers.js';

const tp = { topic: 'c', partition: 0 };
const compact: LogConfig = logConfig({ cleanupCompact: true, cleanupDelete: false, segmentBytes: 1024, deleteRetentionMs: 1_000_000 });

async function readAll(log: FilePartitionLog): Promise<ParsedRecord[]> {
  const out: ParsedRecord[] = [];
  let next = log.logStartOffset;
  while (next < log.highWatermark) {
    const recs = parseRecords((await log.read(next, 1 << 20)).records);
    if (recs.length === 0) break;
    out.push(...recs);
    next = recs[recs.length - 1]!.offset + 1n;
  }
  return out;
}

test('compaction keeps the latest record per key, keeps offsets, never touches the active segment', async (t) => {
  const dir = tempDir(t);
  let now = 50_000_000;
  const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0, clock: () => now });
  const log = await mgr.open(tp, compact);
  const written = new Map<bigint, { key: string; value: string }>();
  for (let round = 0; round < 20; round++) {
    const recs = Array.from({ length: 5 }, (_, i) => ({ key: `k${(round * 5 + i) % 8}`, value: `r${round}-${i}`, timestamp: now }));
    const r = await log.append(makeBatch(recs), { durable: true });
    recs.forEach((x, i) => written.set(r.baseOffset + BigInt(i), { key: x.key, value: x.value }));
  }
  const leo = log.logEndOffset;
  const before = await readAll(log);
  const activeBase = (log.snapshotSegments().at(-1)!).baseOffset;
  now += 10;
  const report = await mgr.runMaintenance();
  assert.ok(report.cleanedSegments > 0);
  const after = await readAll(log);
  assert.ok(after.length < before.length);
  assert.equal(log.logEndOffset, leo);
  // Every surviving record is the one originally written at its offset.
  for (const r of after) assert.deepEqual({ key: r.key, value: r.value }, written.get(r.offset));
  // In the cleaned range, each key appears at most once and only if no later record with that key exists before the active segment.
  const cleaned = after.filter((r) => r.offset < activeBase);
  const lastInRange = new Map<string, bigint>();
  for (const [off, w] of written) if (off < activeBase && (lastInRange.get(w.key) ?? -1n) < off) lastInRange.set(w.key, off);
  assert.deepEqual(cleaned.map((r) => r.offset), [...lastInRange.values()].sort((a, b) => Number(a - b)));
  // The active segment is untouched.
  assert.deepEqual(after.filter((r) => r.offset >= activeBase), before.filter((r) => r.offset >= activeBase));
  // The latest value of every key is still there.
  const latest = new Map<string, string>();
  for (const [, w] of [...written].sort((a, b) => Number(a[0] - b[0]))) latest.set(w.key, w.value);
  const seen = new Map<string, string>();
  for (const r of after) seen.set(r.key!, r.value!);
  assert.deepEqual(seen, latest);
  // Appends go on with the same offsets; a second run changes nothing.
  assert.equal((await log.append(makeBatch([{ key: 'k1', value: 'new' }]), { durable: true })).baseOffset, leo);
  assert.equal((await mgr.runMaintenance()).cleanedSegments, 0);
  await mgr.close();

  // Reopen after an unclean shutdown: a full scan accepts the offset gaps compaction leaves.
  rmSync(join(dir, CLEAN_SHUTDOWN_FILE));
  const mgr2 = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0, clock: () => now });
  const log2 = await mgr2.open(tp, compact);
  assert.equal(log2.recovery.truncated, null);
  assert.deepEqual((await readAll(log2)).map((r) => r.offset), [...after.map((r) => r.offset), leo]);
  await mgr2.close();
});

test('tombstones go after delete.retention.ms; min.compaction.lag.ms holds recent segments back', async (t) => {
  let now = 10_000_000;
  const mgr = await FileLogManager.open({ dataDir: tempDir(t), maintenanceIntervalMs: 0, clock: () => now });
  const log = await mgr.open(tp, { ...compact, deleteRetentionMs: 1000, minCompactionLagMs: 5000 });
  await log.append(makeBatch([{ key: 'gone', value: 'v1', timestamp: now }, { key: 'stay', value: 'v1', timestamp: now }]));
  await log.append(makeBatch([{ key: 'gone', value: null, timestamp: now }]));
  for (let i = 0; i < 30; i++) await log.append(makeBatch([{ key: `f${i}`, value: 'x'.repeat(60), timestamp: now }]));
  await log.flush();
  now += 2000; // past delete.retention.ms, not past min.compaction.lag.ms
  assert.equal((await mgr.runMaintenance()).cleanedSegments, 0);
  now += 4000;
  assert.ok((await mgr.runMaintenance()).cleanedSegments > 0);
  const keys = (await readAll(log)).map((r) => r.key);
  assert.ok(!keys.includes('gone'), 'tombstone and its key are gone');
  assert.ok(keys.includes('stay'));
  await mgr.close();
});

test('young tombstones survive compaction; transactional batches without a marker (open) are kept whole', async (t) => {
  let now = 10_000_000;
  const mgr = await FileLogManager.open({ dataDir: tempDir(t), maintenanceIntervalMs: 0, clock: () => now });
  const log = await mgr.open(tp, compact);
  await log.append(makeBatch([{ key: 'a', value: 'old', timestamp: now }]));
  await log.append(makeBatch([{ key: 'a', value: null, timestamp: now }]));
  await log.append(makeBatch([{ key: 't', value: 'txn1', timestamp: now }, { key: 't', value: 'txn2', timestamp: now }], { attributes: 0x10, producerId: 7n }));
  for (let i = 0; i < 30; i++) await log.append(makeBatch([{ key: `f${i}`, value: 'x'.repeat(60), timestamp: now }]));
  await log.flush();
  now += 10;
  await mgr.runMaintenance();
  const recs = await readAll(log);
  assert.deepEqual(recs.filter((r) => r.key === 'a').map((r) => [r.offset, r.value]), [[1n, null]]);
  assert.deepEqual(recs.filter((r) => r.key === 't').map((r) => r.value), ['txn1', 'txn2']);
  await mgr.close();
});

test('compressed batches are compacted through the shared codec, keeping codec, offsets and lastOffsetDelta', async (t) => {
  const { CompressionType, encodeBatch, decodeBatch, Off } = await import('@tideline/protocol/internal');
  const now = 10_000_000;
  const mgr = await FileLogManager.open({ dataDir: tempDir(t), maintenanceIntervalMs: 0, clock: () => now + 10 });
  const log = await mgr.open(tp, compact);
  const enc = (records: Array<[string, string]>): Buffer => encodeBatch({
    compression: CompressionType.Gzip,
    records: records.map(([k, v]) => ({ key: Buffer.from(k), value: Buffer.from(v), timestamp: BigInt(now) })),
  });
  await log.append(enc([['a', 'a1'], ['b', 'b1'], ['c', 'c1']]));
  await log.append(enc([['a', 'a2'], ['c', 'c2']]));
  for (let i = 0; i < 30; i++) await log.append(makeBatch([{ key: `f${i}`, value: 'x'.repeat(60), timestamp: now }]));
  await log.flush();
  await mgr.runMaintenance();
  const first = (await log.read(0n, 1 << 20)).records;
  const size = first.readInt32BE(Off.batchLength) + 12;
  const b0 = decodeBatch(first.subarray(0, size));
  assert.equal(b0.header.attributes & 7, CompressionType.Gzip);
  assert.equal(b0.header.lastOffsetDelta, 2, 'offset range of the batch unchanged');
  assert.deepEqual(b0.records.map((r) => [r.offset, r.key!.toString(), r.value!.toString()]), [[1n, 'b', 'b1']]);
  const b1 = decodeBatch(first.subarray(size, size + first.readInt32BE(size + Off.batchLength) + 12));
  assert.deepEqual(b1.records.map((r) => [r.offset, r.key!.toString()]), [[3n, 'a'], [4n, 'c']]);
  await mgr.close();
});

test('compaction removes aborted transactions, compacts committed ones, keeps open ones, and drops markers left without data after delete.retention.ms', async (t) => {
  const { encodeBatch, controlBatch, decodeBatches, CompressionType } = await import('@tideline/protocol');
  const dir = tempDir(t);
  let now = 50_000_000;
  const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0, clock: () => now });
  const log = await mgr.open(tp, { ...compact, deleteRetentionMs: 1000 });
  const txn = (pid: bigint, seq: number, recs: Array<[string, string]>, compression = CompressionType.None): Buffer =>
    encodeBatch({ transactional: true, producerId: pid, producerEpoch: 0, baseSequence: seq, compression, baseTimestamp: BigInt(now), records: recs.map(([key, value]) => ({ key: Buffer.from(key), value: Buffer.from(value) })) });
  const marker = (pid: bigint, type: 'commit' | 'abort'): Buffer => controlBatch({ type, producerId: pid, producerEpoch: 0, coordinatorEpoch: 0, timestamp: BigInt(now) });
  const append = async (b: Buffer): Promise<void> => {
    await log.append(b, { durable: true });
  };
  await append(txn(1n, 0, [['a', 'aborted-1'], ['b', 'aborted-2']]));
  await append(txn(2n, 0, [['a', 'committed-a'], ['c', 'committed-c']], CompressionType.Gzip));
  await append(marker(1n, 'abort'));
  await append(txn(2n, 2, [['c', 'committed-c2']]));
  await append(marker(2n, 'commit'));
  await append(txn(3n, 0, [['c', 'open-c']])); // no marker: still open
  // Plain records push every transaction into sealed segments (segment.bytes 1024).
  for (let i = 0; i < 30; i++) await append(makeBatch([{ key: `f${i % 3}`, value: `filler-${i}`.padEnd(60, '.'), timestamp: now }]));
  const batchesOf = async (): Promise<Array<{ control: boolean; pid: bigint; values: string[] }>> => {
    const out: Array<{ control: boolean; pid: bigint; values: string[] }> = [];
    let next = log.logStartOffset;
    while (next < log.highWatermark) {
      const bs = decodeBatches((await log.read(next, 1 << 20)).records);
      if (bs.length === 0) break;
      for (const b of bs) {
        out.push({ control: (b.header.attributes & 0x20) !== 0, pid: b.header.producerId, values: b.records.map((r) => r.value?.toString() ?? 'null') });
        next = b.header.baseOffset + BigInt(b.header.lastOffsetDelta) + 1n;
      }
    }
    return out;
  };
  const txnBatches = async (): Promise<string[]> => (await batchesOf()).filter((b) => b.pid > 0n).map((b) => `${b.pid}:${b.control ? 'marker' : b.values.join(',')}`);
  assert.deepEqual(await txnBatches(), ['1:aborted-1,aborted-2', '2:committed-a,committed-c', '1:marker', '2:committed-c2', '2:marker', '3:open-c']);
  now += 10;
  await mgr.runMaintenance();
  // Aborted data gone; the committed batch keeps its latest records only ('c' is superseded by
  // committed-c2, not by the open transaction's record); the open transaction is untouched; markers
  // are younger than delete.retention.ms.
  assert.deepEqual(await txnBatches(), ['2:committed-a', '1:marker', '2:committed-c2', '2:marker', '3:open-c']);
  now += 5000;
  await mgr.runMaintenance();
  // The abort marker has no data left and is past delete.retention.ms: it goes; the commit marker keeps its data.
  assert.deepEqual(await txnBatches(), ['2:committed-a', '2:committed-c2', '2:marker', '3:open-c']);
  await mgr.close();
});

test('the cleaner schedule: min.cleanable.dirty.ratio, max.compaction.lag.ms, and a dirty offset that moves after each pass', async (t) => {
  const { needsCleaning } = await import('../../src/file/cleaner.js');
  const dir = tempDir(t);
  let now = 50_000_000;
  const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0, cleaner: { enabled: false, backoffMs: 0 }, clock: () => now });
  const log = await mgr.open(tp, { ...compact, minCleanableDirtyRatio: 0.5 });
  for (let round = 0; round < 20; round++) {
    await log.append(makeBatch(Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: `r${round}`, timestamp: now }))), { durable: true });
  }
  now += 10;
  assert.equal(needsCleaning(log, -1n), true, 'never cleaned: everything is dirty');
  const sealed = log.snapshotSegments().slice(0, -1);
  const end = sealed.at(-1)!.nextOffset;
  assert.equal(needsCleaning(log, end), false, 'nothing dirty after the last cleaned offset');
  // One dirty segment out of several: below a 0.9 ratio, above a 0.01 one; max.compaction.lag.ms forces it.
  assert.ok(sealed.length >= 2, `${sealed.length} sealed segments`);
  const firstDirty = sealed.at(-2)!.nextOffset;
  log.updateConfig({ ...compact, minCleanableDirtyRatio: 0.9 });
  assert.equal(needsCleaning(log, firstDirty), false);
  log.updateConfig({ ...compact, minCleanableDirtyRatio: 0.01 });
  assert.equal(needsCleaning(log, firstDirty), true);
  log.updateConfig({ ...compact, minCleanableDirtyRatio: 0.99, maxCompactionLagMs: 5 });
  assert.equal(needsCleaning(log, firstDirty), true, 'older than max.compaction.lag.ms');
  log.updateConfig({ ...compact, minCleanableDirtyRatio: 0.99, maxCompactionLagMs: 5, minCompactionLagMs: 1_000 });
  assert.equal(needsCleaning(log, -1n), false, 'younger than min.compaction.lag.ms: not cleanable');
  await mgr.close();
  rmSync(join(dir, CLEAN_SHUTDOWN_FILE), { force: true });
});

// The read-end hint (segment.ts) across the offset gaps compaction leaves: the batch after a read's
// end starts above the offset the next fetch asks for, and is still the right one (no index lookup).
test('sequential reads over a compacted segment with offset gaps: one file read each, the same records as the index finds', async (t) => {
  const dir = tempDir(t);
  let now = 50_000_000;
  const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0, clock: () => now });
  const log = await mgr.open(tp, logConfig({ cleanupCompact: true, cleanupDelete: false, segmentBytes: 4096, deleteRetentionMs: 1_000_000 }));
  // One record per batch, every other one with the same key: compaction removes whole batches
  // between kept ones.
  for (let i = 0; i < 80; i++) await log.append(makeBatch([{ key: i % 2 === 0 ? 'same' : `u${i}`, value: `v${i}`, timestamp: now }]), { durable: true });
  now += 10;
  assert.ok((await mgr.runMaintenance()).cleanedSegments > 0);
  const seg = log.snapshotSegments()[0]!;
  const kept = parseRecords((await log.read(seg.baseOffset, 1 << 20)).records).map((r) => r.offset);
  assert.ok(kept.some((o, i) => i > 0 && o > kept[i - 1]! + 1n), 'the cleaned segment has offset gaps');
  let fileReads = 0;
  const readAt = seg.readAt.bind(seg);
  seg.readAt = (...args: Parameters<typeof readAt>) => {
    fileReads++;
    return readAt(...args);
  };
  // One batch per read (each is under 100 bytes, two are over), the next offset being the last
  // one returned + 1: a gap.
  const got: bigint[] = [];
  let next = seg.baseOffset;
  for (let i = 0; i < kept.length; i++) {
    const before = fileReads;
    const recs = parseRecords((await log.read(next, 100)).records);
    assert.equal(recs.length, 1);
    if (i > 0) assert.equal(fileReads - before, 1, `read ${i} (from ${next}): one file read`);
    got.push(recs[0]!.offset);
    next = recs[0]!.offset + 1n;
  }
  assert.deepEqual(got, kept);
  await mgr.close();
});
