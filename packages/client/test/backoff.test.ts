import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Backoff, backoffDelay, sleep } from '../src/backoff.js';

test('backoff doubles from retry.backoff.ms up to retry.backoff.max.ms and starts over after reset()', () => {
  const b = new Backoff({ initialMs: 100, maxMs: 1000 });
  assert.deepEqual([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()], [100, 200, 400, 800, 1000, 1000]);
  b.reset();
  assert.equal(b.next(), 100);
  // A first delay above the cap is kept, the later ones are capped (as the retry loops did).
  assert.deepEqual([0, 1, 2].map((a) => backoffDelay(a, { initialMs: 2000, maxMs: 1000 })), [2000, 1000, 1000]);
  assert.equal(backoffDelay(5000, { initialMs: 0, maxMs: 1000 }), 0);
});

test('backoff jitter stays within ± the fraction', () => {
  for (let i = 0; i < 200; i++) {
    const ms = backoffDelay(2, { initialMs: 100, maxMs: 1000, jitter: 0.2 });
    assert.ok(ms >= 320 && ms <= 480, String(ms));
  }
});

test('sleep waits, and an aborted signal ends it early', async () => {
  let t = performance.now();
  await sleep(30);
  assert.ok(performance.now() - t >= 25);
  const ac = new AbortController();
  t = performance.now();
  setTimeout(() => ac.abort(), 10);
  await sleep(10_000, { signal: ac.signal });
  assert.ok(performance.now() - t < 5000);
  await sleep(10_000, { signal: ac.signal });
});
