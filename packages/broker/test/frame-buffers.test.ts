import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameBuffers } from '../src/frame-buffers.js';

test('a buffer given back is lent again for a frame of the same size class; other sizes are not pooled', () => {
  const pool = new FrameBuffers();
  assert.equal(pool.take(1023), undefined, 'small frames stay views of their chunk');
  assert.equal(pool.take(1024 * 1024 + 1), undefined, 'frames above 1 MiB get a fresh buffer');
  const a = pool.take(3000)!;
  assert.equal(a.length, 3000);
  assert.equal(a.buffer.byteLength, 4096);
  pool.release(a);
  const b = pool.take(2100)!;
  assert.equal(b.buffer, a.buffer, 'same class (2 to 4 KiB): reused');
  const c = pool.take(5000)!;
  assert.notEqual(c.buffer, a.buffer);
  assert.deepEqual(pool.stats, { allocated: 2, reused: 1, lent: 2 });
});

test('release ignores buffers the pool did not lend and buffers given back twice', () => {
  const pool = new FrameBuffers();
  pool.release(Buffer.alloc(4096));
  const a = pool.take(4096)!;
  pool.release(a.subarray(10, 20)); // any view of the lent buffer gives it back
  pool.release(a);
  assert.deepEqual(pool.stats, { allocated: 1, reused: 0, lent: 0 });
  const b = pool.take(4096)!;
  const c = pool.take(4096)!;
  assert.equal(b.buffer, a.buffer);
  assert.notEqual(c.buffer, a.buffer, 'given back twice, lent once');
});

test('poisonOnRelease overwrites a buffer as it is given back', () => {
  const pool = new FrameBuffers();
  pool.poisonOnRelease = true;
  const a = pool.take(2000)!;
  a.fill(1);
  const view = a.subarray(0, 8);
  pool.release(a);
  assert.deepEqual([...view], Array(8).fill(0xdb));
});
