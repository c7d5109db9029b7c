// Client-side assignors (pure functions): the Java client's range and round-robin layouts,
// cooperative-sticky balance, stickiness and withholding, and the ConsumerProtocol encodings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cooperativeStickyAssignor, rangeAssignor, roundRobinAssignor, type GroupMember } from '../src/index.js';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from '../src/consumer/assignors.js';

const member = (memberId: string, topics: string[], owned: Array<[string, number]> = [], generationId = -1, groupInstanceId: string | null = null): GroupMember => ({
  memberId, groupInstanceId, topics, ownedPartitions: owned.map(([topic, partition]) => ({ topic, partition })), generationId, userData: null, rackId: null,
});

const flat = (m: Map<string, Array<{ topic: string; partition: number }>>): Record<string, string[]> =>
  Object.fromEntries([...m].map(([id, tps]) => [id, tps.map((t) => `${t.topic}-${t.partition}`)]));

test('range: consecutive ranges per topic, the first members taking the extra partitions (Java order)', () => {
  const counts = new Map([['t0', 3], ['t1', 3]]);
  const out = rangeAssignor.assign([member('c1', ['t0', 't1']), member('c0', ['t0', 't1'])], counts);
  assert.deepEqual(flat(out), { c1: ['t0-2', 't1-2'], c0: ['t0-0', 't0-1', 't1-0', 't1-1'] });
  // Static members sort by instance id, before dynamic ones.
  const st = rangeAssignor.assign([member('a', ['t0']), member('z', ['t0'], [], -1, 'i-1')], new Map([['t0', 3]]));
  assert.deepEqual(flat(st), { a: ['t0-2'], z: ['t0-0', 't0-1'] });
});

test('roundrobin: sorted partitions dealt in turn, skipping members not subscribed', () => {
  const counts = new Map([['t0', 3], ['t1', 2]]);
  const out = roundRobinAssignor.assign([member('c0', ['t0', 't1']), member('c1', ['t0'])], counts);
  assert.deepEqual(flat(out), { c0: ['t0-0', 't0-2', 't1-0', 't1-1'], c1: ['t0-1'] });
});

test('cooperative-sticky: balanced, keeps what members own, withholds partitions that change owner', () => {
  const counts = new Map([['t', 6]]);
  // One member owned everything; a second joins: three move, but are withheld this round.
  const first = cooperativeStickyAssignor.assign([member('a', ['t'], [0, 1, 2, 3, 4, 5].map((p) => ['t', p]), 1), member('b', ['t'])], counts);
  assert.equal(first.get('a')!.length, 3);
  assert.deepEqual(first.get('b'), [], 'moving partitions are not given out before being revoked');
  // Next round (a revoked what it lost): b receives them.
  const kept = first.get('a')!.map((tp): [string, number] => [tp.topic, tp.partition]);
  const second = cooperativeStickyAssignor.assign([member('a', ['t'], kept, 2), member('b', ['t'], [], 2)], counts);
  assert.deepEqual(second.get('a'), first.get('a'), 'a keeps its partitions');
  assert.deepEqual(second.get('b')!.map((t) => t.partition).sort(), [0, 1, 2, 3, 4, 5].filter((p) => !kept.some(([, q]) => q === p)));

  // A conflict: the newer generation wins; an older claim is ignored.
  const conflict = cooperativeStickyAssignor.assign([member('a', ['t'], [['t', 0]], 5), member('b', ['t'], [['t', 0]], 3)], new Map([['t', 2]]));
  assert.deepEqual(conflict.get('a')!.map((t) => t.partition), [0]);
  assert.deepEqual(conflict.get('b')!.map((t) => t.partition), [1]);

  // Uneven subscriptions: each partition goes to a subscriber, loads as even as eligibility allows.
  const many = cooperativeStickyAssignor.assign([member('a', ['x', 'y']), member('b', ['x']), member('c', ['y'])], new Map([['x', 4], ['y', 4]]));
  const sizes = [...many.values()].map((l) => l.length);
  assert.equal(sizes.reduce((s, n) => s + n, 0), 8);
  assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `balanced: ${sizes}`);
  for (const tp of many.get('b')!) assert.equal(tp.topic, 'x');
  for (const tp of many.get('c')!) assert.equal(tp.topic, 'y');
});

test('ConsumerProtocol subscription and assignment round trip (version 3)', () => {
  const sub = encodeSubscription({ topics: ['a', 'b'], userData: Buffer.from([0, 0, 0, 7]), owned: [{ topic: 'a', partition: 2 }, { topic: 'a', partition: 0 }], generationId: 7, rackId: 'r1' });
  assert.equal(sub.readInt16BE(0), 3);
  const m = decodeSubscription('m1', null, sub);
  assert.deepEqual([m.topics, m.generationId, m.rackId, m.ownedPartitions], [['a', 'b'], 7, 'r1', [{ topic: 'a', partition: 0 }, { topic: 'a', partition: 2 }]]);
  const asg = encodeAssignment([{ topic: 'b', partition: 1 }, { topic: 'a', partition: 0 }]);
  assert.deepEqual(decodeAssignment(asg).sort((x, y) => x.topic.localeCompare(y.topic)), [{ topic: 'a', partition: 0 }, { topic: 'b', partition: 1 }]);
  assert.deepEqual(decodeAssignment(Buffer.alloc(0)), []);
});
