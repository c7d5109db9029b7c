import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryLogManager, StorageError, openStorage } from '../src/index.js';
import { logConfig, makeBatch, makeBatches, parseRecords } from './helpers.js';

test('memory engine: same contract as the file engine for the broker', async () => {
  let now = 1_000_000;
  const mgr = new MemoryLogManager(() => now);
  const log = await mgr.open({ topic: 'm', partition: 1 }, logConfig({ retentionMs: 10_000 }));
  const input = makeBatches(3, 10, now);
  const r = await log.append(input, { durable: true });
  assert.deepEqual([r.baseOffset, r.lastOffset], [0n, 2n]);
  await log.append(makeBatch([{ key: 'x', value: 'a', timestamp: now + 5 }, { key: 'y', value: 'b', timestamp: now + 9 }]));
  assert.equal(log.highWatermark, 5n);
  assert.deepEqual(parseRecords((await log.read(3n, 1)).records).map((x) => x.offset), [3n, 4n]);
  assert.deepEqual(await log.offsetForTimestamp(BigInt(now + 6)), { offset: 4n, timestamp: BigInt(now + 9) });
  assert.deepEqual(await log.maxTimestamp(), { timestamp: BigInt(now + 9), offset: 4n });
  await assert.rejects(log.read(6n, 10), (e: unknown) => e instanceof StorageError && e.kafkaError === 'OFFSET_OUT_OF_RANGE');
  assert.equal(await log.deleteRecordsBefore(1n), 1n);
  await assert.rejects(log.read(0n, 10));
  now += 60_000;
  await log.append(makeBatches(1, 10, now));
  await mgr.runMaintenance();
  assert.equal(log.logStartOffset, 5n);
  await log.truncateTo(5n);
  assert.equal(log.logEndOffset, 5n);
  assert.deepEqual(mgr.list(), [{ topic: 'm', partition: 1 }]);
});

test('openStorage picks the engine from the URL', async () => {
  const s = await openStorage('memory://');
  assert.ok(s.logs instanceof MemoryLogManager);
  await s.metadata.createTopic({ name: 'a', id: 'AAAAAAAAAAAAAAAAAAAAAA', partitionCount: 1, configs: {} });
  assert.equal(s.metadata.listTopics().length, 1);
  await s.close();
});

test('memory engine: high-watermark listeners run once per microtask after appends, never inside append()', async () => {
  const log = await new MemoryLogManager().open({ topic: 'hw', partition: 0 }, logConfig());
  const seen: bigint[] = [];
  const off = log.onHighWatermark((hw) => seen.push(hw));
  const a = log.append(makeBatches(2, 10));
  const b = log.append(makeBatches(1, 10));
  assert.deepEqual(seen, []);
  await Promise.all([a, b]);
  assert.deepEqual(seen, [3n]);
  off();
  await log.append(makeBatches(1, 10));
  await Promise.resolve();
  assert.deepEqual(seen, [3n]);
});
