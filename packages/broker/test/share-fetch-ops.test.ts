// acquireRecords against a scripted log: regression tests for acquisitions that race with other
// members' fetches and acknowledgements (the awaits of log.read are where they interleave).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeBatch } from '@tideline/protocol';
import type { Broker } from '../src/broker-state.js';
import type { ShareGroup } from '../src/share/coordinator.js';
import { acquireRecords } from '../src/share/fetch-ops.js';
import { AckType, SharePartition } from '../src/share/share-partition.js';
import type { PartitionHandle } from '../src/topics.js';

const batch = (base: bigint, n: number): Buffer => encodeBatch({ baseOffset: base, records: Array.from({ length: n }, () => ({ key: null, value: Buffer.from('x') })) });
const LOG = [batch(0n, 5), batch(5n, 5)];

function fixture(sp: SharePartition, beforeRead: (call: number) => void) {
  let calls = 0;
  const h = {
    key: 'T:0',
    log: {
      highWatermark: 10n, logStartOffset: 0n,
      async read(from: bigint) {
        beforeRead(++calls);
        await Promise.resolve();
        // Whole batches from the one holding `from`, as the log returns them.
        return { records: Buffer.concat(LOG.filter((b) => b.readBigInt64BE(0) + BigInt(b.readInt32BE(23)) >= from)), highWatermark: 10n, logStartOffset: 0n };
      },
    },
    producers: { lastStableOffset: (hw: bigint) => hw, abortedIn: () => [] },
  } as unknown as PartitionHandle;
  const b = { shares: { partition: () => sp, readCommitted: () => false }, now: () => 0 } as unknown as Broker;
  return { b, h, g: { groupId: 'g' } as ShareGroup };
}

test('regression: a read that starts past the share-partition end (lock cap hit, then freed) archives nothing it did not read', async () => {
  const sp = new SharePartition(0n, { lockDurationMs: 30_000, deliveryCountLimit: 5, maxRecordLocks: 3 });
  // While b's first read is in flight, member a acquires 0..2: the cap of 3 locks is reached, so b
  // stops after the batch 0..4; before b's second read (from 5, past the end 3), a accepts 0..2.
  const { b, h, g } = fixture(sp, (call) => {
    if (call === 1) sp.acquire('a', 0n, 4n, 3, 0);
    if (call === 2) assert.equal(sp.acknowledge('a', 0n, 2n, [AckType.ACCEPT], 0), null);
  });
  const got = await acquireRecords(b, g, h, 'b', 5, 1 << 20, true);
  // Offsets 3 and 4 were never handed out: they must be b's now (or still available), never archived.
  assert.deepEqual(got.ranges, [{ firstOffset: 3n, lastOffset: 5n, deliveryCount: 1 }]);
  assert.equal(sp.startOffset, 3n);
  assert.deepEqual(sp.takeArchived(), []);
});

test('MaxBytes: later batches are handed out only when they fit whole; the first one goes out even when larger', async () => {
  const limits = { lockDurationMs: 30_000, deliveryCountLimit: 5, maxRecordLocks: 100 };
  const size = LOG[0]!.length;
  // One batch and a half: the second batch does not fit, so only the first goes out (Kafka's
  // log read stops before a batch that does not fit).
  let sp = new SharePartition(0n, limits);
  let f = fixture(sp, () => undefined);
  let got = await acquireRecords(f.b, f.g, f.h, 'm', 100, size + (size >> 1), true);
  assert.deepEqual(got.ranges, [{ firstOffset: 0n, lastOffset: 4n, deliveryCount: 1 }]);
  assert.equal(got.records?.length, size);
  // Smaller than one batch, as the response's first batch: the batch goes out anyway.
  sp = new SharePartition(0n, limits);
  f = fixture(sp, () => undefined);
  got = await acquireRecords(f.b, f.g, f.h, 'm', 100, 1, true);
  assert.equal(got.count, 5);
  // The same limit when the response already holds another partition's batch: nothing.
  sp = new SharePartition(0n, limits);
  f = fixture(sp, () => undefined);
  got = await acquireRecords(f.b, f.g, f.h, 'm', 100, 1, false);
  assert.equal(got.count, 0);
  assert.equal(sp.acquired, 0, 'nothing is left acquired');
  // Both batches fit exactly.
  sp = new SharePartition(0n, limits);
  f = fixture(sp, () => undefined);
  got = await acquireRecords(f.b, f.g, f.h, 'm', 100, 2 * size, true);
  assert.equal(got.count, 10);
});

test('MaxBytes: a batch held by another member does not use up the limit', async () => {
  const sp = new SharePartition(0n, { lockDurationMs: 30_000, deliveryCountLimit: 5, maxRecordLocks: 100 });
  sp.acquire('other', 0n, 4n, 5, 0);
  const f = fixture(sp, () => undefined);
  const got = await acquireRecords(f.b, f.g, f.h, 'm', 100, LOG[1]!.length, false);
  assert.deepEqual(got.ranges, [{ firstOffset: 5n, lastOffset: 9n, deliveryCount: 1 }]);
});
