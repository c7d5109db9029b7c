// murmur2 against vectors computed by Kafka's Java client, and the sticky partitioner (KIP-480).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { murmur2, partitionForKey, StickyPartitioner, toPositive } from '../src/partitioner.js';
import { murmur2Vectors } from './records-fixtures/java-fixtures.js';

test('murmur2 and partitionForKey match the Java client', () => {
  assert.ok(murmur2Vectors.length >= 15);
  for (const v of murmur2Vectors) {
    const key = Buffer.from(v.keyHex, 'hex');
    assert.equal(murmur2(key), v.murmur2, `murmur2(${v.keyHex})`);
    assert.equal(partitionForKey(key, 3), v.p3);
    assert.equal(partitionForKey(key, 100), v.p100);
  }
});

test('toPositive clears the sign bit like Utils.toPositive', () => {
  assert.equal(toPositive(-1), 0x7fffffff);
  assert.equal(toPositive(-2147483648), 0);
  assert.equal(toPositive(5), 5);
  assert.throws(() => partitionForKey(Buffer.from('a'), 0), RangeError);
});

/** Deterministic random source for the sticky tests. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('sticky partitioner sticks until a new batch, then moves to a different partition', () => {
  const p = new StickyPartitioner(seeded(1));
  const first = p.partition('t', 6);
  for (let i = 0; i < 100; i++) assert.equal(p.partition('t', 6), first);
  const seen = new Set<number>([first]);
  let current = first;
  for (let i = 0; i < 200; i++) {
    const next = p.onNewBatch('t', 6, current);
    assert.notEqual(next, current);
    assert.equal(p.partition('t', 6), next);
    current = next;
    seen.add(next);
  }
  assert.equal(seen.size, 6, 'every partition gets used');
});

test('sticky partitioner: a stale onNewBatch does not move the topic again', () => {
  const p = new StickyPartitioner(seeded(2));
  const a = p.partition('t', 4);
  const b = p.onNewBatch('t', 4, a);
  assert.equal(p.onNewBatch('t', 4, a), b, 'batch for the old partition: stay on the new one');
});

test('sticky partitioner picks only available partitions, topics are independent', () => {
  const p = new StickyPartitioner(seeded(3));
  const available = [2, 5, 7];
  let current = p.partition('a', 8, available);
  for (let i = 0; i < 100; i++) {
    assert.ok(available.includes(current));
    current = p.onNewBatch('a', 8, current, available);
  }
  assert.equal(p.onNewBatch('a', 8, current, [4]), 4, 'single available partition');
  assert.equal(p.partition('b', 1), 0);
  assert.equal(p.onNewBatch('b', 1, 0), 0);
  assert.equal(p.partitionFor('b', Buffer.from('key-0'), 100), 41);
  assert.equal(p.partitionFor('a', null, 8), 4);
});
