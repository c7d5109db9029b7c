// The purgatory's contract with fake delayed operations: one completion, a check right after
// parking, serialised checks, expiry, cancel without a leak, and afterAppend's wake-ups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Purgatory, type DelayedOperation } from '../src/purgatory.js';
import type { PartitionHandle } from '../src/topics.js';

/** Completes with `value` once `ready` is set; counts its checks and lets a test hold one open. */
class FakeOp implements DelayedOperation<string> {
  ready: string | undefined;
  checks = 0;
  running = 0;
  maxRunning = 0;
  gate: Promise<void> | undefined;
  /** When set, the answers of successive checks (then `ready`). */
  answers: Array<string | undefined> = [];
  constructor(readonly keys: string[], readonly delayMs = 30_000, private readonly expired = 'expired') {}
  async tryComplete(): Promise<string | undefined> {
    this.checks++;
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    try {
      await this.gate;
      return this.answers.length > 0 ? this.answers.shift() : this.ready;
    } finally {
      this.running--;
    }
  }
  async onExpiration(): Promise<string> {
    return this.expired;
  }
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test('a wake-up on any of its keys completes an operation exactly once; the purgatory is then empty', async () => {
  const pg = new Purgatory();
  const op = new FakeOp(['a', 'b', 'b']);
  const parked = pg.park(op);
  assert.equal(pg.size, 2);
  assert.equal(pg.delayed, 1);
  await tick();
  assert.equal(op.checks, 1, 'one check right after parking');
  op.ready = 'done';
  pg.checkAndComplete('b');
  pg.checkAndComplete('a');
  assert.equal(await parked, 'done');
  assert.equal(pg.size, 0);
  assert.equal(pg.delayed, 0);
  const checks = op.checks;
  pg.checkAndComplete('a');
  await tick();
  assert.equal(op.checks, checks, 'a completed operation is not checked again');
});

test('the check after parking catches a change that came before the parking (nothing else would wake it)', async () => {
  const pg = new Purgatory();
  const op = new FakeOp(['k']);
  op.ready = 'already';
  assert.equal(await pg.park(op), 'already');
  assert.equal(pg.delayed, 0);
});

test('checks never overlap: wake-ups during a check run one more check after it', async () => {
  const pg = new Purgatory();
  const op = new FakeOp(['k']);
  let open!: () => void;
  op.gate = new Promise((r) => (open = r));
  const parked = pg.park(op);
  for (let i = 0; i < 5; i++) pg.checkAndComplete('k');
  op.answers = [undefined, 'late'];
  open();
  assert.equal(await parked, 'late');
  assert.equal(op.maxRunning, 1);
  assert.equal(op.checks, 2, 'the first check, then one for all the wake-ups during it');
});

test('expiry answers with onExpiration; cancel answers undefined; both leave nothing behind', async () => {
  const pg = new Purgatory();
  assert.equal(await pg.park(new FakeOp(['e'], 20)), 'expired');
  const ac = new AbortController();
  const op = new FakeOp(['c', 'd']);
  const parked = pg.park(op, ac.signal);
  assert.equal(pg.delayed, 1);
  ac.abort();
  assert.equal(await parked, undefined);
  assert.equal(pg.size, 0);
  assert.equal(pg.delayed, 0);
  op.ready = 'too late';
  pg.checkAndComplete('c');
  assert.equal(await pg.park(new FakeOp(['x']), ac.signal), undefined, 'an aborted signal parks nothing');
  assert.equal(pg.delayed, 0);
});

test('afterAppend: visible records check at once; invisible ones ask for a flush (whose advance wakes); nothing parked, nothing done', async () => {
  const pg = new Purgatory();
  let flushes = 0;
  const log = { highWatermark: 5n, flush: async () => void flushes++ };
  const p = { key: 'p', log } as unknown as PartitionHandle;
  pg.afterAppend(p, 7n);
  assert.equal(flushes, 0, 'no waiter: no flush');
  const op = new FakeOp(['p']);
  const parked = pg.park(op);
  await tick();
  pg.afterAppend(p, 7n);
  assert.equal(flushes, 1);
  log.highWatermark = 8n;
  op.ready = 'seen';
  pg.afterAppend(p, 7n);
  assert.equal(await parked, 'seen');
  assert.equal(flushes, 1);
});
