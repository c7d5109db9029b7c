import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { FileLogManager, StorageError, nodeFileIo, type FileIo } from '../../src/index.js';
import { GroupCommit } from '../../src/internal.js';
import { logConfig, makeBatch, makeBatches, parseRecords, tempDir } from '../helpers.js';

const tp = { topic: 'd', partition: 0 };

function countingIo(): FileIo & { fsyncs: number; writes: number; failNext: number; failSyncs: boolean } {
  const io = {
    fsyncs: 0,
    writes: 0,
    failNext: 0,
    failSyncs: false,
    async writev(fh: Parameters<FileIo['writev']>[0], bufs: Buffer[], pos: number): Promise<void> {
      io.writes++;
      if (io.failNext > 0) {
        io.failNext--;
        // Like a real ENOSPC: part of the data reaches the file before the error.
        await fh.write(bufs[0]!.subarray(0, Math.min(20, bufs[0]!.length)), 0, undefined, pos);
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      return nodeFileIo.writev(fh, bufs, pos);
    },
    async datasync(fh: Parameters<FileIo['datasync']>[0]): Promise<void> {
      io.fsyncs++;
      if (io.failSyncs) throw Object.assign(new Error('I/O error'), { code: 'EIO' });
      return nodeFileIo.datasync(fh);
    },
  };
  return io;
}

test('group commit: many concurrent durable appends share few fsyncs', async (t) => {
  const io = countingIo();
  const mgr = await FileLogManager.open({ dataDir: tempDir(t), maintenanceIntervalMs: 0, io });
  const log = await mgr.open(tp, logConfig());
  const base = io.fsyncs;
  const n = 500;
  const results = await Promise.all(Array.from({ length: n }, (_, i) => log.append(makeBatch([{ value: `v${i}` }]), { durable: true })));
  const fsyncs = io.fsyncs - base;
  assert.deepEqual(results.map((r) => r.baseOffset).sort((a, b) => Number(a - b)), Array.from({ length: n }, (_, i) => BigInt(i)));
  assert.ok(fsyncs <= 10, `fsyncs: ${fsyncs}`);
  assert.ok(io.writes - 0 < n / 5, `writes: ${io.writes}`);
  assert.equal(log.highWatermark, BigInt(n));
  await mgr.close();
});

test('GroupCommit with one round in flight: callers during it share exactly one more', async () => {
  let running = 0;
  let maxRunning = 0;
  let calls = 0;
  const gc = new GroupCommit(async () => {
    calls++;
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
  }, 1);
  const first = gc.sync();
  const rest = Array.from({ length: 50 }, () => gc.sync());
  await Promise.all([first, ...rest]);
  assert.equal(calls, 2);
  assert.equal(maxRunning, 1);
  await gc.sync();
  assert.equal(calls, 3);
});

/** A round the test finishes by hand: `done()` / `fail()` settle the fsync it stands for. */
interface ManualRound { previous: Promise<void> | null; done: () => void; fail: (e: Error) => void }
function manualRounds(): { rounds: ManualRound[]; syncOnce: (previous: Promise<void> | null) => Promise<void> } {
  const rounds: ManualRound[] = [];
  return {
    rounds,
    syncOnce: (previous) => new Promise<void>((resolve, reject) => {
      rounds.push({ previous, done: resolve, fail: reject });
    }),
  };
}
const settled = (p: Promise<unknown>): { state: 'pending' | 'resolved' | 'rejected' } => {
  const s: { state: 'pending' | 'resolved' | 'rejected' } = { state: 'pending' };
  p.then(() => { s.state = 'resolved'; }, () => { s.state = 'rejected'; });
  return s;
};
const ticks = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise<void>((r) => setImmediate(r));
};

test('GroupCommit: a second round starts while one is in flight; later callers share a third', async () => {
  const m = manualRounds();
  const gc = new GroupCommit(m.syncOnce);
  const a = gc.sync();
  const b = gc.sync();
  assert.equal(m.rounds.length, 2, 'the second caller does not wait for the first round');
  assert.equal(m.rounds[0]!.previous, null);
  assert.ok(m.rounds[1]!.previous !== null, 'the second round is given the first');
  const rest = Array.from({ length: 20 }, () => gc.sync());
  assert.ok(rest.every((p) => p === rest[0]), 'callers beyond two rounds in flight share one');
  assert.equal(m.rounds.length, 2);
  m.rounds[0]!.done();
  await a;
  await ticks();
  assert.equal(m.rounds.length, 3, 'the shared round starts when the oldest settles');
  m.rounds[1]!.done();
  m.rounds[2]!.done();
  await Promise.all([b, ...rest]);
  await gc.idle();
});

test('GroupCommit: rounds settle in the order they started; a failed round fails the ones after it', async () => {
  const m = manualRounds();
  const gc = new GroupCommit(m.syncOnce);
  const a = settled(gc.sync());
  const b = settled(gc.sync());
  m.rounds[1]!.done();
  await ticks();
  assert.equal(b.state, 'pending', 'a later fsync returning first does not settle its round');
  m.rounds[0]!.done();
  await ticks();
  assert.deepEqual([a.state, b.state], ['resolved', 'resolved']);

  const c = settled(gc.sync());
  const d = settled(gc.sync());
  m.rounds[3]!.done();
  m.rounds[2]!.fail(new Error('EIO'));
  await ticks();
  assert.deepEqual([c.state, d.state], ['rejected', 'rejected']);
  await gc.idle();
});

test('GroupCommit: maxInFlight must be a positive integer', () => {
  assert.throws(() => new GroupCommit(async () => {}, 0), RangeError);
});

/**
 * FileIo whose fdatasyncs, once `hold` is set, do the real fdatasync and then wait until the test
 * releases (or fails) them one by one.
 */
function heldSyncIo(): FileIo & { hold: boolean; held: Array<{ release: () => void; fail: () => void }> } {
  const io = {
    hold: false,
    held: [] as Array<{ release: () => void; fail: () => void }>,
    writev: nodeFileIo.writev,
    async datasync(fh: Parameters<FileIo['datasync']>[0]): Promise<void> {
      if (!io.hold) return nodeFileIo.datasync(fh);
      await nodeFileIo.datasync(fh);
      // Held only once the real fdatasync is done: a call the test sees in `held` settles on release.
      return new Promise<void>((resolve, reject) => {
        io.held.push({ release: resolve, fail: () => reject(Object.assign(new Error('I/O error'), { code: 'EIO' })) });
      });
    },
  };
  return io;
}
const until = async (cond: () => boolean): Promise<void> => {
  while (!cond()) await new Promise<void>((r) => setImmediate(r));
};

/** Two durable appends whose fdatasyncs are both held in flight (the second started while the first ran). */
async function twoRoundsHeld(t: TestContext) {
  const io = heldSyncIo();
  const mgr = await FileLogManager.open({ dataDir: tempDir(t), maintenanceIntervalMs: 0, io });
  const log = await mgr.open(tp, logConfig());
  io.hold = true;
  const first = settled(log.append(makeBatches(2), { durable: true }));
  await until(() => io.held.length === 1);
  const second = settled(log.append(makeBatches(3), { durable: true }));
  await until(() => io.held.length === 2);
  return { io, mgr, log, first, second };
}

test('acks=all: an append during an fsync starts its own; its ack and the HW wait for the earlier one', async (t) => {
  const { io, mgr, log, first, second } = await twoRoundsHeld(t);
  io.held[1]!.release();
  await ticks();
  assert.equal(second.state, 'pending', 'not acknowledged before the earlier fsync completes');
  assert.equal(log.highWatermark, 0n);
  io.held[0]!.release();
  await until(() => second.state !== 'pending');
  assert.deepEqual([first.state, second.state], ['resolved', 'resolved']);
  assert.equal(log.highWatermark, 5n);
  io.hold = false;
  await mgr.close();
});

test('acks=all: when an fsync fails, the append whose fsync ran after it fails too', async (t) => {
  const { io, mgr, log, first, second } = await twoRoundsHeld(t);
  io.held[1]!.release();
  io.held[0]!.fail();
  await until(() => second.state !== 'pending' && first.state !== 'pending');
  assert.deepEqual([first.state, second.state], ['rejected', 'rejected']);
  assert.equal(log.highWatermark, 0n);
  io.hold = false;
  await assert.rejects(log.append(makeBatches(1)), (e: unknown) => e instanceof StorageError);
  await mgr.close();
});

test('acks=1 appends resolve after the write; the high watermark follows the next fsync', async (t) => {
  const io = countingIo();
  const mgr = await FileLogManager.open({ dataDir: tempDir(t), maintenanceIntervalMs: 0, io });
  const log = await mgr.open(tp, logConfig({ flushMs: 60_000 }));
  await log.append(makeBatches(3));
  assert.equal(log.logEndOffset, 3n);
  assert.equal(log.highWatermark, 0n, 'not yet durable, not yet visible');
  assert.equal((await log.read(0n, 1000)).records.length, 0);
  assert.equal(parseRecords((await log.read(0n, 1000, { maxOffset: log.logEndOffset })).records).length, 3);
  await log.append(makeBatches(1), { durable: true });
  assert.equal(log.highWatermark, 4n);
  await mgr.close();
});

test('ENOSPC: the append fails with a storage error, the log stays readable and later appends work', async (t) => {
  const io = countingIo();
  const dir = tempDir(t);
  let mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0, io });
  let log = await mgr.open(tp, logConfig());
  await log.append(makeBatches(5), { durable: true });
  io.failNext = 1;
  await assert.rejects(log.append(makeBatches(2), { durable: true }), (e: unknown) => {
    assert.ok(e instanceof StorageError);
    assert.equal(e.kafkaError, 'KAFKA_STORAGE_ERROR');
    assert.match(e.message, /ENOSPC/);
    return true;
  });
  assert.equal(log.logEndOffset, 5n);
  assert.equal(parseRecords((await log.read(0n, 1 << 20)).records).length, 5);
  const r = await log.append(makeBatches(1), { durable: true });
  assert.equal(r.baseOffset, 5n);
  await mgr.close();
  mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0 });
  log = await mgr.open(tp, logConfig());
  assert.equal(log.recovery.truncated, null);
  assert.deepEqual(parseRecords((await log.read(0n, 1 << 20)).records).map((x) => x.offset), [0n, 1n, 2n, 3n, 4n, 5n]);
  await mgr.close();
});

test('a failed fsync takes the log offline with a storage error', async (t) => {
  const io = countingIo();
  const mgr = await FileLogManager.open({ dataDir: tempDir(t), maintenanceIntervalMs: 0, io });
  const log = await mgr.open(tp, logConfig());
  io.failSyncs = true;
  await assert.rejects(log.append(makeBatches(1), { durable: true }), (e: unknown) => e instanceof StorageError && e.kafkaError === 'KAFKA_STORAGE_ERROR');
  await assert.rejects(log.append(makeBatches(1)), (e: unknown) => e instanceof StorageError);
  await mgr.close();
});
