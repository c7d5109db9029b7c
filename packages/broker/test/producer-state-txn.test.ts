// Transactions in the partition's producer state: open transactions and the last stable offset,
// end markers (epoch fencing), the aborted-transactions index, and its rebuild after a restart
// (replay of the log, and the index file for the part of a large log that is not replayed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlBatch, encodeBatch } from '@tideline/protocol';
import { FileAbortedTxnIndexStore, FileProducerSnapshotStore, MemoryPartitionLog } from '@tideline/storage';
import { PartitionProducers, batchIdentityAt } from '../src/producer-state.js';
import { ProducerSnapshots } from '../src/producer-snapshots.js';
import { logConfigOf } from '../src/configs.js';

type State = PartitionProducers;

async function data(s: State, log: MemoryPartitionLog, pid: bigint, epoch: number, seq: number, n: number, transactional: boolean, ts = 1000n): Promise<string> {
  const b = encodeBatch({ transactional, producerId: pid, producerEpoch: epoch, baseSequence: seq, baseTimestamp: ts, records: Array.from({ length: n }, (_, i) => ({ key: null, value: Buffer.from(`${pid}-${seq + i}`) })) });
  const c = s.check([batchIdentityAt(b, 0)], 0, { nextOffset: log.logEndOffset });
  if (c.kind !== 'append') return c.kind === 'error' ? c.error : 'duplicate';
  const p = log.append(b);
  c.apply(p);
  await p;
  return 'ok';
}

async function marker(s: State, log: MemoryPartitionLog, pid: bigint, epoch: number, commit: boolean, ts = 1000n): Promise<string> {
  const c = s.checkMarker(pid, epoch, 0, !commit, 0);
  if (c.kind !== 'append') return c.error;
  const p = log.append(controlBatch({ type: commit ? 'commit' : 'abort', producerId: pid, producerEpoch: epoch, coordinatorEpoch: 0, timestamp: ts }));
  c.apply(p);
  await p;
  return 'ok';
}

const plain = async (log: MemoryPartitionLog): Promise<void> => {
  await log.append(encodeBatch({ baseTimestamp: 1000n, records: [{ key: null, value: Buffer.from('plain') }] }));
};

const aborted = (s: State, from = 0n, to = 1000n): Array<[bigint, bigint, bigint]> => s.abortedIn(from, to).map((a) => [a.producerId, a.firstOffset, a.lastOffset]);

test('open transactions hold the LSO; markers close them, fence older epochs and fill the aborted index', async () => {
  const log = new MemoryPartitionLog({ topic: 't', partition: 0 }, logConfigOf({}));
  const s = new PartitionProducers();
  await plain(log); // 0
  assert.equal(await data(s, log, 1n, 0, 0, 2, true), 'ok'); // 1-2
  assert.equal(await data(s, log, 2n, 0, 0, 1, true), 'ok'); // 3
  assert.equal(s.lastStableOffset(log.highWatermark), 1n);
  assert.equal(await data(s, log, 1n, 0, 2, 1, false), 'INVALID_TXN_STATE', 'non-transactional write inside an open transaction');
  assert.equal(await marker(s, log, 1n, 0, false), 'ok'); // 4
  assert.equal(s.lastStableOffset(log.highWatermark), 3n, 'producer 2 still open');
  assert.equal(await marker(s, log, 2n, 0, true), 'ok'); // 5
  assert.equal(s.lastStableOffset(log.highWatermark), 6n);
  assert.deepEqual(aborted(s), [[1n, 1n, 4n]]);
  assert.deepEqual(aborted(s, 5n), [], 'ranges after the abort marker carry nothing');
  assert.deepEqual(aborted(s, 0n, 1n), [], 'ranges before the first offset carry nothing');
  // A fencing abort with a bumped epoch (timeout, new producer): old epochs are refused afterwards.
  assert.equal(await data(s, log, 2n, 0, 1, 1, true), 'ok'); // 6
  assert.equal(await marker(s, log, 2n, 1, false), 'ok'); // 7
  assert.equal(await data(s, log, 2n, 0, 2, 1, true), 'INVALID_PRODUCER_EPOCH');
  assert.equal(await marker(s, log, 2n, 0, false), 'INVALID_PRODUCER_EPOCH');
  assert.equal(await data(s, log, 2n, 2, 0, 1, true), 'ok', 'the next epoch starts at sequence 0'); // 8
  assert.deepEqual(s.describe().map((d) => [d.producerId, d.producerEpoch, d.currentTxnStartOffset]).sort(), [[1n, 0, -1n], [2n, 2, 8n]]);
  assert.equal(s.lastStableOffset(log.highWatermark), 8n);

  // The same state rebuilt from the log.
  const r = new PartitionProducers();
  const all = await log.read(0n, 1 << 20);
  r.replay(all.records, 0);
  assert.equal(r.lastStableOffset(log.highWatermark), 8n);
  assert.deepEqual(aborted(r), aborted(s));
  assert.deepEqual(r.describe().map((d) => [d.producerId, d.producerEpoch, d.currentTxnStartOffset]).sort(), [[1n, 0, -1n], [2n, 2, 8n]]);
  // And through a snapshot.
  const copy = new PartitionProducers();
  copy.loadSnapshot(JSON.parse(JSON.stringify(s.toSnapshot())), JSON.parse(JSON.stringify(s.abortedSnapshot())));
  assert.equal(copy.lastStableOffset(log.highWatermark), 8n);
  assert.deepEqual(aborted(copy), aborted(s));
  // Retention drops index entries below the log start offset.
  s.truncateHead(5n);
  assert.deepEqual(aborted(s), [[2n, 6n, 7n]]);
});

test('after a crash, a log only partly replayed keeps the older aborted transactions from the index file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-pstate-'));
  try {
    const now = Date.now();
    const log = new MemoryPartitionLog({ topic: 't', partition: 0 }, logConfigOf({}));
    // fullReplayMaxBytes 0: every load without a snapshot replays from the time window only.
    const stores = { producerSnapshots: new FileProducerSnapshotStore(dir), abortedTxns: new FileAbortedTxnIndexStore(dir) };
    const snaps = new ProducerSnapshots(stores, undefined, 0);
    const s = await snaps.load('T', 0, log, now, 3600_000);
    const old = BigInt(now - 7200_000);
    assert.equal(await data(s, log, 1n, 0, 0, 2, true, old), 'ok'); // 0-1, two hours old
    assert.equal(await marker(s, log, 1n, 0, false, old), 'ok'); // 2
    assert.equal(await data(s, log, 2n, 0, 0, 1, true, BigInt(now)), 'ok'); // 3
    assert.equal(await marker(s, log, 2n, 0, false, BigInt(now)), 'ok'); // 4
    const file = join(dir, 'T-0.aborted');
    for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    // Crash: no snapshot. The replay starts at offset 3 (the last hour); offset 2's abort comes from the file.
    const after = await new ProducerSnapshots(stores, undefined, 0).load('T', 0, log, now, 3600_000);
    assert.deepEqual(aborted(after), [[1n, 0n, 2n], [2n, 3n, 4n]]);
    rmSync(file);
    const without = await new ProducerSnapshots(stores, undefined, 0).load('T', 0, log, now, 3600_000);
    assert.deepEqual(aborted(without), [[2n, 3n, 4n]], 'without the file only the replayed part is known');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
