import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkHistory, type AnomalyKind, type HistoryEvent, type History, type SendEvent, type StoredRecord } from '../src/checker.js';

const ok = (producer: string, seq: number, value: string, offset: number, extra: Partial<SendEvent> = {}): SendEvent =>
  ({ type: 'send', producer, seq, idempotent: true, topic: 't', value, outcome: { kind: 'ok', partition: 0, offset: BigInt(offset) }, ...extra });
const stored = (...values: Array<string | [number, string]>): StoredRecord[] =>
  values.map((v, i) => (typeof v === 'string'
    ? { topic: 't', partition: 0, offset: BigInt(i), value: v }
    : { topic: 't', partition: 0, offset: BigInt(v[0]), value: v[1] }));
const poll = (consumer: string, offset: number, value: string, readCommitted = false): HistoryEvent =>
  ({ type: 'poll', consumer, topic: 't', partition: 0, offset: BigInt(offset), value, readCommitted });
const commit = (offset: number, reset = false): HistoryEvent => ({ type: 'commit', group: 'g', topic: 't', partition: 0, offset: BigInt(offset), reset });

const kinds = (h: History): AnomalyKind[] => checkHistory(h).anomalies.map((a) => a.kind).sort();

test('a clean history has no anomalies', () => {
  const r = checkHistory({
    events: [ok('p', 0, 'a', 0), ok('p', 1, 'b', 1), { type: 'send', producer: 'q', seq: 0, idempotent: false, topic: 't', value: 'c', outcome: { kind: 'unknown' } },
      poll('c1', 0, 'a'), poll('c1', 1, 'b'), commit(1), commit(2), poll('c2', 1, 'b')],
    final: stored('a', 'b'),
  });
  assert.deepEqual(r.anomalies, []);
  assert.deepEqual(r.stats, { sends: 3, acked: 2, polls: 3, commits: 2, stored: 2 });
});

test('lost acknowledged write (missing, or another record at its offset)', () => {
  assert.deepEqual(kinds({ events: [ok('p', 0, 'a', 0), ok('p', 1, 'b', 1)], final: stored('a') }), ['lost-write']);
  assert.deepEqual(kinds({ events: [ok('p', 0, 'a', 0), ok('q', 0, 'b', 0, { idempotent: false })], final: stored('b') }),
    ['lost-write', 'offset-conflict']);
});

test('a record a consumer read and that later vanished is a lost write', () => {
  const s: SendEvent = { ...ok('p', 0, 'a', 0), outcome: { kind: 'unknown' } };
  assert.deepEqual(kinds({ events: [s, poll('c', 0, 'a')], final: [] }), ['lost-write']);
});

test('a record at two offsets (acked at one, stored at another)', () => {
  assert.deepEqual(kinds({ events: [ok('p', 0, 'a', 3, { idempotent: false })], final: stored('x', 'y', 'z', [5, 'a']) }).filter((k) => k !== 'phantom-read'),
    ['lost-write', 'record-at-two-offsets']);
  // Read at one offset by a consumer, stored at another.
  const send: SendEvent = { ...ok('p', 0, 'a', 0), outcome: { kind: 'error', error: 'timeout' } };
  assert.deepEqual(kinds({ events: [send, ok('q', 0, 'b', 0), poll('c', 1, 'a')], final: stored('b', [2, 'a']) }), ['record-at-two-offsets']);
});

test('duplicates: allowed for a plain producer, an anomaly for an idempotent one', () => {
  const plain: SendEvent = { ...ok('p', 0, 'a', 1), idempotent: false };
  assert.deepEqual(kinds({ events: [plain], final: stored('a', 'a') }), []);
  assert.deepEqual(kinds({ events: [ok('p', 0, 'a', 1)], final: stored('a', 'a') }), ['idempotent-duplicate']);
});

test('per-partition order: an idempotent producer stored out of send order; a consumer going backwards', () => {
  const e1 = { ...ok('p', 0, 'a', 1), outcome: { kind: 'unknown' } } as SendEvent;
  const e2 = { ...ok('p', 1, 'b', 0), outcome: { kind: 'unknown' } } as SendEvent;
  assert.deepEqual(kinds({ events: [e1, e2], final: stored('b', 'a') }), ['producer-order']);
  assert.deepEqual(kinds({ events: [ok('p', 0, 'a', 0), ok('p', 1, 'b', 1), poll('c', 1, 'b'), poll('c', 0, 'a')], final: stored('a', 'b') }), ['poll-order']);
  // A new consumer session may re-read.
  assert.deepEqual(kinds({ events: [ok('p', 0, 'a', 0), ok('p', 1, 'b', 1), poll('c', 1, 'b'), poll('c#2', 0, 'a')], final: stored('a', 'b') }), []);
});

test('phantom read: a record nobody sent', () => {
  assert.deepEqual(kinds({ events: [poll('c', 0, 'ghost')], final: stored('ghost') }), ['phantom-read', 'phantom-read']);
});

test('committed offsets going backwards, or past the end of the log', () => {
  const events = [ok('p', 0, 'a', 0), ok('p', 1, 'b', 1)];
  assert.deepEqual(kinds({ events: [...events, commit(2), commit(1)], final: stored('a', 'b') }), ['commit-backwards']);
  assert.deepEqual(kinds({ events: [...events, commit(2), commit(0, true)], final: stored('a', 'b') }), []);
  assert.deepEqual(kinds({ events: [...events, commit(3)], final: stored('a', 'b') }), ['commit-beyond-log']);
});

test('transactions: aborted read (read_committed) and torn committed transaction', () => {
  const aborted = ok('p', 0, 'a', 0, { txn: { id: 'tx1', outcome: 'abort' } });
  assert.deepEqual(kinds({ events: [aborted, poll('c', 0, 'a', true)], final: stored('a') }), ['aborted-read']);
  assert.deepEqual(kinds({ events: [aborted, poll('c', 0, 'a', false)], final: stored('a') }), []);
  const t1: SendEvent = { ...ok('p', 0, 'a', 0, { txn: { id: 'tx2', outcome: 'commit' } }), outcome: { kind: 'unknown' } };
  const t2: SendEvent = { ...ok('p', 1, 'b', 1, { txn: { id: 'tx2', outcome: 'commit' } }), outcome: { kind: 'unknown' } };
  assert.deepEqual(kinds({ events: [t1, t2], final: stored('a') }), ['torn-transaction']);
  assert.deepEqual(kinds({ events: [t1, t2], final: stored('a', 'b') }), []);
});
