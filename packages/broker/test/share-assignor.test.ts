// The share-group assignor (KIP-932 simple assignor, as Kafka 4.4): balanced per topic, then sticky.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignShareGroup, type AssignorMember } from '../src/share/assignor.js';

const member = (memberId: string, topics: string[], current: Record<string, number[]> = {}): AssignorMember => ({ memberId, topics, current: new Map(Object.entries(current)) });
const parts = (a: ReturnType<typeof assignShareGroup>, m: string, t = 'T'): number[] => a.get(m)?.get(t) ?? [];

test('fewer members than partitions: each partition has one member, counts differ by at most one', () => {
  const a = assignShareGroup([member('a', ['T']), member('b', ['T'])], new Map([['T', 4]]));
  assert.deepEqual([parts(a, 'a'), parts(a, 'b')], [[0, 1], [2, 3]]);
  const c = assignShareGroup([member('a', ['T']), member('b', ['T']), member('c', ['T'])], new Map([['T', 7]]));
  const all = ['a', 'b', 'c'].flatMap((m) => parts(c, m)).sort((x, y) => x - y);
  assert.deepEqual(all, [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(['a', 'b', 'c'].map((m) => parts(c, m).length), [3, 2, 2]);
});

test('one member gets every partition; more members than partitions share them evenly', () => {
  assert.deepEqual(parts(assignShareGroup([member('a', ['T'])], new Map([['T', 3]])), 'a'), [0, 1, 2]);
  const a = assignShareGroup(['a', 'b', 'c', 'd', 'e'].map((m) => member(m, ['T'])), new Map([['T', 2]]));
  for (const m of ['a', 'b', 'c', 'd', 'e']) assert.equal(parts(a, m).length, 1, m);
  const on0 = ['a', 'b', 'c', 'd', 'e'].filter((m) => parts(a, m)[0] === 0).length;
  assert.deepEqual([on0, 5 - on0].sort(), [2, 3]);
  // Three members on one partition: all share it.
  const one = assignShareGroup(['a', 'b', 'c'].map((m) => member(m, ['T'])), new Map([['T', 1]]));
  for (const m of ['a', 'b', 'c']) assert.deepEqual(parts(one, m), [0]);
});

test('sticky: a joining member takes partitions from the others without moving the rest', () => {
  const a = assignShareGroup([member('a', ['T'], { T: [0, 1, 2, 3] }), member('b', ['T'])], new Map([['T', 4]]));
  assert.deepEqual(parts(a, 'a'), [0, 1]);
  assert.deepEqual(parts(a, 'b'), [2, 3]);
  // b held 2 and 3 and a held 0 and 1; c joins: each of a and b gives up at most one.
  const c = assignShareGroup([member('a', ['T'], { T: [0, 1] }), member('b', ['T'], { T: [2, 3] }), member('c', ['T'])], new Map([['T', 4]]));
  assert.ok(parts(c, 'a').every((p) => p === 0 || p === 1));
  assert.ok(parts(c, 'b').every((p) => p === 2 || p === 3));
  assert.equal(parts(c, 'c').length, 1);
  assert.equal(parts(c, 'a').length + parts(c, 'b').length, 3);
  // A member leaves: the survivors keep theirs and split the freed partitions.
  const d = assignShareGroup([member('a', ['T'], { T: [0, 1] }), member('c', ['T'], { T: [2] })], new Map([['T', 4]]));
  assert.deepEqual([parts(d, 'a'), parts(d, 'c')], [[0, 1], [2, 3]]);
});

test('topics are balanced one by one over the members subscribed to each', () => {
  const a = assignShareGroup([member('a', ['T', 'U']), member('b', ['U'])], new Map([['T', 2], ['U', 2]]));
  assert.deepEqual(parts(a, 'a', 'T'), [0, 1]);
  assert.equal(parts(a, 'a', 'U').length, 1);
  assert.equal(parts(a, 'b', 'U').length, 1);
  assert.notDeepEqual(parts(a, 'a', 'U'), parts(a, 'b', 'U'));
  // An unknown topic (no partitions) and out-of-range held partitions are ignored.
  const b = assignShareGroup([member('a', ['X', 'T'], { T: [5] })], new Map([['T', 2]]));
  assert.deepEqual([...b.get('a')!.keys()], ['T']);
  assert.deepEqual(parts(b, 'a'), [0, 1]);
});
