import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileProducerIdBlockStore } from '@tideline/storage';
import { PartitionProducers, BATCHES_TO_RETAIN, type BatchIdentity } from '../src/producer-state.js';
import { ProducerIdAllocator } from '../src/producer-ids.js';

const id = (pid: bigint, epoch: number, seq: number, n = 1): BatchIdentity =>
  ({ producerId: pid, producerEpoch: epoch, baseSequence: seq, lastOffsetDelta: n - 1, maxTimestamp: 1n, attributes: 0 });

function append(s: PartitionProducers, b: BatchIdentity, baseOffset = -1n): string {
  const c = s.check([b], 0);
  if (c.kind === 'append') {
    c.apply(Promise.resolve({ baseOffset, logAppendTime: -1n }));
    return 'append';
  }
  return c.kind === 'error' ? c.error : `duplicate@${c.batch.firstOffset}`;
}

test('sequence rules: wrap-around, the last 5 batches are duplicates, older ones are out of order', async () => {
  const s = new PartitionProducers();
  assert.equal(append(s, id(1n, 0, 0x7fffffff - 1, 2), 0n), 'append');
  assert.equal(append(s, id(1n, 0, 0, 1), 2n), 'append', 'sequence wraps to 0 after int32 max');
  for (let i = 1; i <= BATCHES_TO_RETAIN; i++) assert.equal(append(s, id(1n, 0, i), BigInt(2 + i)), 'append');
  await new Promise((r) => setImmediate(r));
  assert.equal(append(s, id(1n, 0, BATCHES_TO_RETAIN)), `duplicate@${2 + BATCHES_TO_RETAIN}`);
  assert.equal(append(s, id(1n, 0, 1)), 'duplicate@3');
  assert.equal(append(s, id(1n, 0, 0)), 'OUT_OF_ORDER_SEQUENCE_NUMBER', 'sixth-newest batch is forgotten');
  assert.equal(append(s, id(-1n, -1, -1), 99n), 'append', 'non-idempotent batches pass');
  assert.equal(append(s, id(2n, 0, -1), 99n), 'INVALID_RECORD', 'idempotent batch without a sequence');
});

test('a failed append forgets the producer instead of keeping unwritten sequences', async () => {
  const s = new PartitionProducers();
  const c = s.check([id(7n, 0, 0)], 0);
  assert.equal(c.kind, 'append');
  if (c.kind !== 'append') return;
  const failed = Promise.reject(new Error('disk'));
  failed.catch(() => {});
  c.apply(failed);
  await new Promise((r) => setImmediate(r));
  assert.equal(s.size, 0);
});

test('snapshot round trip and producer id allocation never reuse ids across reopen', async () => {
  const s = new PartitionProducers();
  append(s, id(3n, 2, 0, 4), 10n);
  await new Promise((r) => setImmediate(r));
  const copy = new PartitionProducers();
  copy.loadSnapshot(JSON.parse(JSON.stringify(s.toSnapshot())));
  assert.equal(append(copy, id(3n, 2, 0, 4)), 'duplicate@10');
  assert.equal(append(copy, id(3n, 1, 4)), 'INVALID_PRODUCER_EPOCH');

  const dir = mkdtempSync(join(tmpdir(), 'tideline-pid-'));
  try {
    const file = join(dir, 'producer-ids');
    const a = await ProducerIdAllocator.open(new FileProducerIdBlockStore(file), 10);
    const first = await Promise.all([0, 1, 2].map(() => a.allocate()));
    assert.deepEqual(first, [0n, 1n, 2n]);
    const b = await ProducerIdAllocator.open(new FileProducerIdBlockStore(file), 10);
    assert.equal(await b.allocate(), 10n, 'a reopened allocator starts after the reserved block');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the producer-id block is reserved at open: no id before it is durable; a failed reservation is tried again', async () => {
  const writes: bigint[] = [];
  const pending: Array<(ok: boolean) => void> = [];
  let durable: bigint | null = 20n;
  const store = {
    readBlockEnd: () => Promise.resolve(durable),
    reserveBlock: (end: bigint) => {
      writes.push(end);
      return new Promise<void>((resolve, reject) => pending.push((ok) => {
        if (!ok) return reject(new Error('disk full'));
        durable = end;
        resolve();
      }));
    },
  };
  const a = await ProducerIdAllocator.open(store, 10);
  assert.deepEqual(writes, [30n], 'the block is asked for before any InitProducerId');
  let got: bigint | undefined;
  const first = a.allocate().then((id) => (got = id));
  await new Promise((r) => setImmediate(r));
  assert.equal(got, undefined, 'no id while its block is not durable');
  pending.shift()!(false);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual([writes, got], [[30n, 30n], undefined], 'the failed reservation is written again by the allocation');
  pending.shift()!(true);
  assert.equal(await first, 20n);
  assert.deepEqual(await Promise.all([a.allocate(), a.allocate()]), [21n, 22n]);
  assert.equal(durable, 30n);
  await a.settled();
  assert.equal(pending.length, 0);
});
