import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileShareStateStore } from '@tideline/storage';
import { AckType, RecordState, SharePartition } from '../src/share/share-partition.js';

const limits = { lockDurationMs: 1000, deliveryCountLimit: 3, maxRecordLocks: 100 };

test('acquire hands each record to one member; ACCEPT advances the start offset', () => {
  const p = new SharePartition(0n, limits);
  assert.deepEqual(p.acquire('a', 0n, 4n, 3, 0), [{ firstOffset: 0n, lastOffset: 2n, deliveryCount: 1 }]);
  assert.deepEqual(p.acquire('b', 0n, 4n, 10, 0), [{ firstOffset: 3n, lastOffset: 4n, deliveryCount: 1 }]);
  assert.equal(p.acknowledge('b', 0n, 0n, [AckType.ACCEPT], 0), 'offset 0 is not acquired by this member');
  assert.equal(p.acknowledge('a', 0n, 2n, [AckType.ACCEPT], 0), null);
  assert.equal(p.startOffset, 3n);
  assert.equal(p.acquired, 2);
});

test('RELEASE and lock expiry redeliver with a higher count; the limit archives', () => {
  const p = new SharePartition(10n, limits);
  p.acquire('a', 10n, 10n, 1, 0);
  assert.equal(p.acknowledge('a', 10n, 10n, [AckType.RELEASE], 0), null);
  assert.deepEqual(p.acquire('b', 10n, 10n, 1, 0), [{ firstOffset: 10n, lastOffset: 10n, deliveryCount: 2 }]);
  assert.equal(p.expireLocks(999), 0);
  assert.equal(p.expireLocks(1000), 1);
  assert.deepEqual(p.acquire('c', 10n, 10n, 1, 1000), [{ firstOffset: 10n, lastOffset: 10n, deliveryCount: 3 }]);
  assert.equal(p.expireLocks(5000), 1);
  assert.equal(p.startOffset, 11n, 'the third delivery was the last: archived');
  assert.deepEqual(p.takeArchived(), [{ offset: 10n, deliveryCount: 3, reason: 'delivery-limit' }]);
});

test('REJECT archives; RENEW extends the lock; per-offset types; GAP', () => {
  const p = new SharePartition(0n, limits);
  p.acquire('a', 0n, 3n, 10, 0);
  assert.equal(p.acknowledge('a', 0n, 3n, [AckType.REJECT, AckType.RENEW, AckType.ACCEPT, AckType.GAP], 500), null);
  assert.equal(p.startOffset, 1n);
  assert.deepEqual(p.takeArchived(), [{ offset: 0n, deliveryCount: 1, reason: 'rejected' }]);
  assert.equal(p.expireLocks(1000), 0, 'renewed at 500');
  assert.equal(p.expireLocks(1500), 1);
  assert.equal(p.nextFetchOffset(), 1n);
  assert.equal(p.acknowledge('a', 0n, 1n, [1, 1, 1], 0), '3 acknowledge types for 2 offsets');
});

test('a snapshot restores states and counts; acquired records come back available', () => {
  const p = new SharePartition(0n, limits);
  p.acquire('a', 0n, 5n, 10, 0);
  p.acknowledge('a', 1n, 1n, [AckType.ACCEPT], 0);
  p.acknowledge('a', 2n, 2n, [AckType.RELEASE], 0);
  const s = p.snapshot();
  assert.deepEqual(s.ranges.map((r) => [r.firstOffset, r.lastOffset, r.state, r.deliveryCount]), [
    [0n, 0n, RecordState.AVAILABLE, 1], [1n, 1n, RecordState.ACKNOWLEDGED, 1], [2n, 5n, RecordState.AVAILABLE, 1],
  ]);
  const q = SharePartition.fromSnapshot(s, limits);
  assert.equal(q.acquired, 0);
  assert.deepEqual(q.acquire('b', 0n, 5n, 10, 0), [
    { firstOffset: 0n, lastOffset: 0n, deliveryCount: 2 }, { firstOffset: 2n, lastOffset: 5n, deliveryCount: 2 },
  ]);
});

test('offsets past the end without records are archived; the record-lock cap holds', () => {
  const p = new SharePartition(0n, { ...limits, maxRecordLocks: 2 });
  assert.deepEqual(p.acquire('a', 5n, 9n, 10, 0), [{ firstOffset: 5n, lastOffset: 6n, deliveryCount: 1 }]);
  assert.equal(p.startOffset, 5n);
  assert.equal(p.hasAcquirable(100n), false);
  p.releaseMember('a');
  assert.equal(p.hasAcquirable(100n), true);
});

test('the file store keeps snapshots across reopen', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'share-state-'));
  try {
    const a = new FileShareStateStore(dir);
    const key = { group: 'g'.repeat(300), topicId: 'AAAAAAAAAAAAAAAAAAAAAA', partition: 3 };
    await a.write(key, { startOffset: 7n, ranges: [{ firstOffset: 7n, lastOffset: 9n, state: 4, deliveryCount: 5 }] });
    await a.write(key, { startOffset: 8n, ranges: [] });
    const all = await new FileShareStateStore(dir).readAll();
    assert.deepEqual(all, [{ ...key, snapshot: { startOffset: 8n, ranges: [] } }]);
    await a.delete(key);
    assert.deepEqual(await a.readAll(), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
