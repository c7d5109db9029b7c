import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommitWindow, evaluatePartitionLag, groupLagStatus, lagStatusCode, type CommitSample } from '../src/index.js';

/** Commits at 60 s intervals from t=0: [offset, lag] pairs. */
function commits(...pairs: Array<[number, number]>): CommitSample[] {
  return pairs.map(([offset, lag], i) => ({ offset: BigInt(offset), lag: BigInt(lag), timestampMs: i * 60_000 }));
}
const justAfter = (w: readonly CommitSample[]): number => w[w.length - 1]!.timestampMs + 1000;

test('lag status: Burrow rules, each in its order', () => {
  // Rule 1: lag zero somewhere in the window, or now: OK whatever else.
  assert.equal(evaluatePartitionLag(commits([10, 5], [10, 0], [9, 3]), 3n, 200_000), 'OK');
  assert.equal(evaluatePartitionLag(commits([10, 5], [10, 5]), 0n, 10_000_000), 'OK');
  // Rule 2: an offset went backwards.
  const rewind = commits([100, 5], [120, 5], [50, 80]);
  assert.equal(evaluatePartitionLag(rewind, 80n, justAfter(rewind)), 'REWIND');
  // Rule 3: no commit for longer than the window spans.
  const stopped = commits([100, 5], [120, 6], [140, 7]);
  assert.equal(evaluatePartitionLag(stopped, 7n, 120_000 + 120_001), 'STOP');
  assert.equal(evaluatePartitionLag(stopped, 7n, 120_000 + 119_999), 'WARN');
  // Rule 4: committing the same offset while behind.
  const stalled = commits([100, 5], [100, 9], [100, 12]);
  assert.equal(evaluatePartitionLag(stalled, 12n, justAfter(stalled)), 'STALL');
  // Rule 5: moving, but the lag never goes down.
  const slow = commits([100, 5], [110, 6], [120, 6], [130, 9]);
  assert.equal(evaluatePartitionLag(slow, 9n, justAfter(slow)), 'WARN');
  // Moving and catching up somewhere: OK.
  const fine = commits([100, 5], [110, 8], [120, 3], [130, 4]);
  assert.equal(evaluatePartitionLag(fine, 4n, justAfter(fine)), 'OK');
  // Nothing known: OK.
  assert.equal(evaluatePartitionLag([], 100n, 0), 'OK');
});

test('lag status: a group takes its worst partition; codes are the documented ones', () => {
  assert.equal(groupLagStatus(['OK', 'WARN', 'STALL']), 'STALL');
  assert.equal(groupLagStatus([]), 'OK');
  assert.deepEqual(['OK', 'WARN', 'STALL', 'STOP', 'REWIND'].map((s) => lagStatusCode(s as 'OK')), [0, 1, 2, 3, 4]);
});

test('lag status: the window keeps the newest commits and ignores a commit seen twice', () => {
  const w = new CommitWindow(3);
  for (const c of commits([1, 9], [2, 9], [3, 9], [4, 9])) w.add(c);
  w.add({ offset: 4n, lag: 9n, timestampMs: 180_000 });
  assert.deepEqual(w.samples.map((c) => c.offset), [2n, 3n, 4n]);
  assert.equal(w.evaluate(9n, 180_500), 'WARN');
  assert.throws(() => new CommitWindow(1), RangeError);
});
