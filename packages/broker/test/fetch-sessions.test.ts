import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@tideline/protocol';
import { FetchSessionCache, nextEpoch } from '../src/fetch-sessions.js';

const part = (partition: number) => ({ topic: 't', topicId: '', partition, fetchOffset: 0n, maxBytes: 100, currentLeaderEpoch: -1 });

test('session cache: full cache evicts a stale session first, else a smaller one, else refuses', () => {
  let now = 0;
  const cache = new FetchSessionCache({ maxSessions: 2, evictionMs: 1000, now: () => now });
  const a = cache.create(false, 1)!;
  a.upsert(part(0));
  const b = cache.create(false, 3)!;
  for (const p of [0, 1, 2]) b.upsert(part(p));
  // Full, nothing stale, the new session is not bigger than the smallest: refused.
  assert.equal(cache.create(false, 1), null);
  // Bigger than the smallest (a, 1 partition): a is evicted.
  const c = cache.create(false, 2)!;
  for (const p of [0, 1]) c.upsert(part(p));
  assert.equal(cache.get(a.id), undefined);
  // b idles past the eviction time while c is used: b goes even for a small newcomer.
  now = 1500;
  cache.get(c.id);
  now = 2100;
  const d = cache.create(false, 1);
  assert.ok(d !== null);
  assert.equal(cache.get(b.id), undefined);
  assert.ok(cache.get(c.id) !== undefined);
});

test('session: update reports only changes, and moves answered partitions to the end', () => {
  const cache = new FetchSessionCache();
  const s = cache.create(false, 2)!;
  s.upsert(part(0));
  s.upsert(part(1));
  const k0 = s.key(part(0));
  const k1 = s.key(part(1));
  const r = { errorCode: ErrorCode.NONE, records: 0, highWatermark: 5n, lastStableOffset: 5n, logStartOffset: 0n };
  assert.equal(s.update(k0, r), true, 'first answer: offsets are new');
  assert.equal(s.update(k1, r), true);
  assert.equal(s.update(k0, r), false, 'nothing changed');
  assert.equal(s.update(k1, { ...r, records: 10 }), true, 'records');
  assert.equal(s.update(k0, { ...r, highWatermark: 6n }), true, 'high watermark moved');
  assert.deepEqual([...s.partitions.keys()], [k1, k0]);
  s.forget(part(1));
  assert.deepEqual([...s.partitions.keys()], [k0]);
  assert.equal(nextEpoch(0x7fffffff), 1);
});
