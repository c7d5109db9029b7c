import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOffsetSpec, parseTime, parseTopicPartitions, resolveOffset } from '../src/offsets.js';

test('offset specs', () => {
  assert.deepEqual(parseOffsetSpec('start'), { kind: 'start' });
  assert.deepEqual(parseOffsetSpec('oldest'), { kind: 'start' });
  assert.deepEqual(parseOffsetSpec('END'), { kind: 'end' });
  assert.deepEqual(parseOffsetSpec('42'), { kind: 'offset', offset: 42n });
  assert.deepEqual(parseOffsetSpec('-3', { allowFromEnd: true }), { kind: 'fromEnd', count: 3n });
  assert.throws(() => parseOffsetSpec('-3'), /not understood/);
  assert.deepEqual(parseOffsetSpec('@1700000000000'), { kind: 'timestamp', timestamp: 1700000000000 });
  assert.deepEqual(parseOffsetSpec('@2024-05-01T12:00:00Z'), { kind: 'timestamp', timestamp: Date.UTC(2024, 4, 1, 12) });
  assert.throws(() => parseOffsetSpec('@yesterday'), /is not a time/);
  assert.throws(() => parseOffsetSpec('soon'), /not understood/);
});

test('relative times', () => {
  const now = 1_000_000_000;
  assert.equal(parseTime('-15m', now), now - 15 * 60_000);
  assert.equal(parseTime('-2h', now), now - 2 * 3_600_000);
  assert.equal(parseTime('-1.5s', now), now - 1500);
});

test('resolveOffset clamps to the log and maps timestamps past the end to the end', () => {
  assert.equal(resolveOffset({ kind: 'start' }, 5n, 10n), 5n);
  assert.equal(resolveOffset({ kind: 'end' }, 5n, 10n), 10n);
  assert.equal(resolveOffset({ kind: 'offset', offset: 2n }, 5n, 10n), 5n);
  assert.equal(resolveOffset({ kind: 'offset', offset: 20n }, 5n, 10n), 10n);
  assert.equal(resolveOffset({ kind: 'fromEnd', count: 3n }, 5n, 10n), 7n);
  assert.equal(resolveOffset({ kind: 'fromEnd', count: 30n }, 5n, 10n), 5n);
  assert.equal(resolveOffset({ kind: 'timestamp', timestamp: 1 }, 5n, 10n, 8n), 8n);
  assert.equal(resolveOffset({ kind: 'timestamp', timestamp: 1 }, 5n, 10n, -1n), 10n);
});

test('topic partitions', () => {
  assert.deepEqual(parseTopicPartitions('orders'), { topic: 'orders', partitions: null });
  assert.deepEqual(parseTopicPartitions('orders:0,2'), { topic: 'orders', partitions: [0, 2] });
  assert.throws(() => parseTopicPartitions('orders:x'), /TOPIC:P1,P2/);
});
