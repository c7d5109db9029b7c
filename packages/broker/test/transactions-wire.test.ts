// Transactions over the wire with our own codecs: coordinator error codes per version, KIP-890
// verification, LSO and aborted-transaction lists in Fetch, ListOffsets read_committed,
// transactional offsets and requireStable, timeouts, recovery after a restart, admin APIs.
// Real clients: transactions-kafkajs, transactions-confluent, transactions-java.
import type { Socket } from 'node:net';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, decodeBatches, encodeBatch, type FetchRequestInput } from '@tideline/protocol';
import { batch, withBroker, type WireClient } from './wire-client.js';
import { encodeTxnKey, encodeTxnValue } from '../src/txn/txn-log-format.js';

async function createTopic(c: WireClient, name: string, numPartitions = 1): Promise<void> {
  const r = await c.send(ApiKey.CreateTopics, 7, { topics: [{ name, numPartitions, replicationFactor: -1 }], timeoutMs: 1000 });
  assert.equal(r.topics[0]!.errorCode, ErrorCode.NONE);
}

interface Producer { txnId: string; pid: bigint; epoch: number; seq: Map<string, number> }

async function init(c: WireClient, txnId: string, timeoutMs = 60_000, version = 4): Promise<Producer> {
  for (let i = 0; i < 50; i++) {
    const r = await c.send(ApiKey.InitProducerId, version, { transactionalId: txnId, transactionTimeoutMs: timeoutMs, producerId: -1n, producerEpoch: -1 });
    if (r.errorCode === ErrorCode.CONCURRENT_TRANSACTIONS) continue;
    assert.equal(r.errorCode, ErrorCode.NONE);
    return { txnId, pid: r.producerId, epoch: r.producerEpoch, seq: new Map() };
  }
  throw new Error('InitProducerId kept answering CONCURRENT_TRANSACTIONS');
}

async function addPartitions(c: WireClient, p: Producer, topic: string, partitions: number[], version = 3): Promise<number[]> {
  const r = await c.send(ApiKey.AddPartitionsToTxn, version, {
    v3AndBelowTransactionalId: p.txnId, v3AndBelowProducerId: p.pid, v3AndBelowProducerEpoch: p.epoch,
    v3AndBelowTopics: [{ name: topic, partitions }],
  });
  return r.resultsByTopicV3AndBelow.flatMap((t) => t.resultsByPartition.map((x) => x.partitionErrorCode));
}

async function produceTxn(c: WireClient, p: Producer, topic: string, partition: number, values: string[], version = 9): Promise<{ errorCode: number; baseOffset: bigint }> {
  const key = `${topic}/${partition}`;
  const seq = p.seq.get(key) ?? 0;
  const r = await c.send(ApiKey.Produce, version, {
    transactionalId: p.txnId, acks: -1, timeoutMs: 1000,
    topicData: [{ name: topic, partitionData: [{ index: partition, records: batch(values, { transactional: true, producerId: p.pid, producerEpoch: p.epoch, baseSequence: seq }) }] }],
  });
  const x = r.responses[0]!.partitionResponses[0]!;
  if (x.errorCode === ErrorCode.NONE) p.seq.set(key, seq + values.length);
  return { errorCode: x.errorCode, baseOffset: x.baseOffset };
}

async function endTxn(c: WireClient, p: Producer, committed: boolean, version = 3): Promise<number> {
  return (await c.send(ApiKey.EndTxn, version, { transactionalId: p.txnId, producerId: p.pid, producerEpoch: p.epoch, committed })).errorCode;
}

const base: FetchRequestInput = { maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, sessionId: 0, sessionEpoch: -1 };

async function fetch(c: WireClient, topic: string, partition: number, offset: bigint, readCommitted: boolean) {
  const r = await c.send(ApiKey.Fetch, 12, {
    ...base, isolationLevel: readCommitted ? 1 : 0,
    topics: [{ topic, partitions: [{ partition, fetchOffset: offset, partitionMaxBytes: 1 << 20 }] }],
  });
  const p = r.responses[0]!.partitions[0]!;
  const batches = decodeBatches(p.records ?? Buffer.alloc(0));
  return {
    errorCode: p.errorCode,
    hw: p.highWatermark,
    lso: p.lastStableOffset,
    aborted: p.abortedTransactions,
    batches,
    values: batches.filter((b) => (b.header.attributes & 0x20) === 0).flatMap((b) => b.records.map((x) => x.value!.toString())),
  };
}

/** What a read_committed client keeps: data batches minus those of aborted transactions. */
function committedValues(f: Awaited<ReturnType<typeof fetch>>): string[] {
  const aborted = [...(f.aborted ?? [])].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : 1));
  const active = new Set<bigint>();
  const out: string[] = [];
  for (const b of f.batches) {
    while (aborted.length > 0 && aborted[0]!.firstOffset <= b.header.baseOffset) active.add(aborted.shift()!.producerId);
    if ((b.header.attributes & 0x20) !== 0) {
      if (b.records[0]?.key?.readInt16BE(2) === 0) active.delete(b.header.producerId);
      continue;
    }
    if ((b.header.attributes & 0x10) !== 0 && active.has(b.header.producerId)) continue;
    out.push(...b.records.map((r) => r.value!.toString()));
  }
  return out;
}

async function listOffset(c: WireClient, topic: string, readCommitted: boolean): Promise<bigint> {
  const r = await c.send(ApiKey.ListOffsets, 5, {
    replicaId: -1, isolationLevel: readCommitted ? 1 : 0,
    topics: [{ name: topic, partitions: [{ partitionIndex: 0, timestamp: -1n, currentLeaderEpoch: -1 }] }],
  });
  return r.topics[0]!.partitions[0]!.offset;
}

test('commit and abort: LSO holds read_committed fetches and ListOffsets; aborted transactions are listed', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 't');
    const p = await init(c, 'tx-a');
    assert.equal(p.epoch, 0);
    assert.deepEqual(await addPartitions(c, p, 't', [0]), [ErrorCode.NONE]);
    assert.equal((await produceTxn(c, p, 't', 0, ['a1', 'a2'])).errorCode, ErrorCode.NONE);
    // A non-transactional write lands after the open transaction: visible to read_uncommitted only.
    await c.send(ApiKey.Produce, 9, { acks: -1, timeoutMs: 1000, topicData: [{ name: 't', partitionData: [{ index: 0, records: batch(['plain']) }] }] });
    let rc = await fetch(c, 't', 0, 0n, true);
    assert.equal(rc.lso, 0n);
    assert.equal(rc.hw, 3n);
    assert.deepEqual(rc.values, []);
    assert.deepEqual((await fetch(c, 't', 0, 0n, false)).values, ['a1', 'a2', 'plain']);
    assert.equal(await listOffset(c, 't', true), 0n);
    assert.equal(await listOffset(c, 't', false), 3n);

    assert.equal(await endTxn(c, p, true), ErrorCode.NONE);
    assert.equal(await endTxn(c, p, true), ErrorCode.NONE, 'a retried commit answers NONE');
    assert.equal(await endTxn(c, p, false), ErrorCode.INVALID_TXN_STATE);
    rc = await fetch(c, 't', 0, 0n, true);
    assert.equal(rc.lso, 4n, 'marker at offset 3, LSO = HW');
    assert.deepEqual(rc.values, ['a1', 'a2', 'plain']);
    assert.deepEqual(rc.aborted, []);

    // Second transaction, aborted.
    assert.deepEqual(await addPartitions(c, p, 't', [0]), [ErrorCode.NONE]);
    assert.equal((await produceTxn(c, p, 't', 0, ['b1'])).errorCode, ErrorCode.NONE);
    assert.equal((await produceTxn(c, p, 't', 0, ['b2'])).errorCode, ErrorCode.NONE);
    assert.equal(await endTxn(c, p, false), ErrorCode.NONE);
    rc = await fetch(c, 't', 0, 0n, true);
    assert.deepEqual(rc.aborted?.map((a) => [a.producerId, a.firstOffset]), [[p.pid, 4n]]);
    assert.deepEqual(committedValues(rc), ['a1', 'a2', 'plain']);
    assert.equal(rc.lso, 7n);
    assert.equal((await fetch(c, 't', 0, 0n, false)).aborted, null, 'read_uncommitted gets a null list');
    // A fetch starting after the aborted range does not carry it.
    assert.deepEqual((await fetch(c, 't', 0, 7n, true)).aborted, []);
    assert.equal(await endTxn(c, p, false), ErrorCode.NONE, 'a retried abort answers NONE');
    assert.equal(await endTxn(c, p, true), ErrorCode.INVALID_TXN_STATE);
  });
});

test('fencing: a second InitProducerId bumps the epoch; the old producer gets PRODUCER_FENCED or INVALID_PRODUCER_EPOCH per version', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'f');
    const old = await init(c, 'tx-f');
    assert.deepEqual(await addPartitions(c, old, 'f', [0]), [ErrorCode.NONE]);
    assert.equal((await produceTxn(c, old, 'f', 0, ['zombie'])).errorCode, ErrorCode.NONE);
    // The new producer's init aborts the open transaction (CONCURRENT_TRANSACTIONS, then a retry).
    const r1 = await c.send(ApiKey.InitProducerId, 4, { transactionalId: 'tx-f', transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 });
    assert.equal(r1.errorCode, ErrorCode.CONCURRENT_TRANSACTIONS);
    const fresh = await init(c, 'tx-f');
    assert.equal(fresh.pid, old.pid);
    assert.equal(fresh.epoch, old.epoch + 2, 'one bump to fence, one for the new producer');
    assert.equal(await endTxn(c, old, true, 3), ErrorCode.PRODUCER_FENCED);
    assert.equal(await endTxn(c, old, true, 1), ErrorCode.INVALID_PRODUCER_EPOCH);
    assert.deepEqual(await addPartitions(c, old, 'f', [0], 3), [ErrorCode.PRODUCER_FENCED]);
    assert.deepEqual(await addPartitions(c, old, 'f', [0], 1), [ErrorCode.INVALID_PRODUCER_EPOCH]);
    assert.equal((await produceTxn(c, old, 'f', 0, ['late'])).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    const addOffsets = await c.send(ApiKey.AddOffsetsToTxn, 1, { transactionalId: 'tx-f', producerId: old.pid, producerEpoch: old.epoch, groupId: 'g' });
    assert.equal(addOffsets.errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    // KIP-360: the old producer asking for a bump with its stale epoch is fenced (v3: INVALID_PRODUCER_EPOCH, v4: PRODUCER_FENCED).
    const stale3 = await c.send(ApiKey.InitProducerId, 3, { transactionalId: 'tx-f', transactionTimeoutMs: 60000, producerId: old.pid, producerEpoch: old.epoch });
    assert.equal(stale3.errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    const stale4 = await c.send(ApiKey.InitProducerId, 4, { transactionalId: 'tx-f', transactionTimeoutMs: 60000, producerId: old.pid, producerEpoch: old.epoch });
    assert.equal(stale4.errorCode, ErrorCode.PRODUCER_FENCED);
    // The zombie's data was aborted.
    const rc = await fetch(c, 'f', 0, 0n, true);
    assert.deepEqual(committedValues(rc), []);
    assert.deepEqual(rc.aborted?.map((a) => a.firstOffset), [0n]);
    // Other errors.
    const badTimeout = await c.send(ApiKey.InitProducerId, 4, { transactionalId: 'tx-x', transactionTimeoutMs: 1_000_000_000, producerId: -1n, producerEpoch: -1 });
    assert.equal(badTimeout.errorCode, ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    const half = await c.send(ApiKey.InitProducerId, 4, { transactionalId: 'tx-x', transactionTimeoutMs: 1000, producerId: 5n, producerEpoch: -1 });
    assert.equal(half.errorCode, ErrorCode.INVALID_REQUEST);
    assert.equal(await endTxn(c, { ...fresh, pid: fresh.pid + 1000n }, true), ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    assert.equal(await endTxn(c, fresh, true), ErrorCode.INVALID_TXN_STATE, 'EndTxn on an Empty transaction');
  });
});

test('KIP-890: a transactional produce to a partition not in the transaction is refused; unknown partitions fail the whole add', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'k', 2);
    const p = await init(c, 'tx-k');
    assert.equal((await produceTxn(c, p, 'k', 0, ['x'], 9)).errorCode, ErrorCode.INVALID_TXN_STATE);
    assert.equal((await produceTxn(c, p, 'k', 0, ['x'], 11)).errorCode, ErrorCode.TRANSACTION_ABORTABLE);
    assert.deepEqual(await addPartitions(c, p, 'k', [0]), [ErrorCode.NONE]);
    assert.equal((await produceTxn(c, p, 'k', 1, ['x'], 9)).errorCode, ErrorCode.INVALID_TXN_STATE, 'partition 1 was not added');
    assert.equal((await produceTxn(c, p, 'k', 0, ['x'], 9)).errorCode, ErrorCode.NONE);
    // No transactional id on the request.
    const noId = await c.send(ApiKey.Produce, 9, {
      acks: -1, timeoutMs: 1000,
      topicData: [{ name: 'k', partitionData: [{ index: 0, records: batch(['y'], { transactional: true, producerId: p.pid, producerEpoch: p.epoch, baseSequence: 1 }) }] }],
    });
    assert.equal(noId.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    // A non-transactional batch from a producer with an open transaction.
    const plain = await c.send(ApiKey.Produce, 9, {
      acks: -1, timeoutMs: 1000,
      topicData: [{ name: 'k', partitionData: [{ index: 0, records: batch(['z'], { producerId: p.pid, producerEpoch: p.epoch, baseSequence: 1 }) }] }],
    });
    assert.equal(plain.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.INVALID_TXN_STATE);
    assert.deepEqual(await addPartitions(c, p, 'k', [1, 7]), [ErrorCode.OPERATION_NOT_ATTEMPTED, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    // v4 batched form: verifyOnly and add.
    const v4 = await c.send(ApiKey.AddPartitionsToTxn, 4, {
      transactions: [
        { transactionalId: 'tx-k', producerId: p.pid, producerEpoch: p.epoch, verifyOnly: true, topics: [{ name: 'k', partitions: [0, 1] }] },
        { transactionalId: 'tx-unknown', producerId: 1n, producerEpoch: 0, verifyOnly: false, topics: [{ name: 'k', partitions: [0] }] },
      ],
    });
    assert.deepEqual(v4.resultsByTransaction.map((t) => [t.transactionalId, t.topicResults[0]!.resultsByPartition.map((x) => x.partitionErrorCode)]), [
      ['tx-k', [ErrorCode.NONE, ErrorCode.TRANSACTION_ABORTABLE]],
      ['tx-unknown', [ErrorCode.INVALID_PRODUCER_ID_MAPPING]],
    ]);
    const add = await c.send(ApiKey.AddPartitionsToTxn, 5, {
      transactions: [{ transactionalId: 'tx-k', producerId: p.pid, producerEpoch: p.epoch, verifyOnly: false, topics: [{ name: 'k', partitions: [1] }] }],
    });
    assert.equal(add.resultsByTransaction[0]!.topicResults[0]!.resultsByPartition[0]!.partitionErrorCode, ErrorCode.NONE);
    assert.equal((await produceTxn(c, p, 'k', 1, ['w'], 11)).errorCode, ErrorCode.NONE);
    assert.equal(await endTxn(c, p, true, 4), ErrorCode.NONE);
    assert.deepEqual((await fetch(c, 'k', 1, 0n, true)).values, ['w']);
  });
});

test('transactional offsets: pending until commit (requireStable: UNSTABLE_OFFSET_COMMIT), dropped on abort; generation checks', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'in');
    const p = await init(c, 'tx-o');
    const commit = (offset: bigint, extra: { generationIdOrMemberEpoch?: number; memberId?: string } = {}, version = 3) => c.send(ApiKey.TxnOffsetCommit, version, {
      transactionalId: 'tx-o', groupId: 'g', producerId: p.pid, producerEpoch: p.epoch, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, ...extra,
      topics: [{ name: 'in', partitions: [{ partitionIndex: 0, committedOffset: offset, committedLeaderEpoch: -1, committedMetadata: null }] }],
    });
    const fetchOffset = async (requireStable: boolean) => {
      const r = await c.send(ApiKey.OffsetFetch, 8, { groups: [{ groupId: 'g', topics: [{ name: 'in', partitionIndexes: [0] }] }], requireStable });
      const x = r.groups[0]!.topics[0]!.partitions[0]!;
      return [x.errorCode, x.committedOffset];
    };
    // Without AddOffsetsToTxn the commit is refused (KIP-890).
    assert.equal((await commit(5n)).topics[0]!.partitions[0]!.errorCode, ErrorCode.INVALID_TXN_STATE);
    assert.equal((await commit(5n, {}, 4)).topics[0]!.partitions[0]!.errorCode, ErrorCode.TRANSACTION_ABORTABLE);
    const add = await c.send(ApiKey.AddOffsetsToTxn, 3, { transactionalId: 'tx-o', producerId: p.pid, producerEpoch: p.epoch, groupId: 'g' });
    assert.equal(add.errorCode, ErrorCode.NONE);
    assert.equal((await commit(5n, { generationIdOrMemberEpoch: 3, memberId: 'm' })).topics[0]!.partitions[0]!.errorCode, ErrorCode.ILLEGAL_GENERATION, 'unknown group with a generation');
    assert.equal((await commit(5n)).topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
    assert.deepEqual(await fetchOffset(true), [ErrorCode.UNSTABLE_OFFSET_COMMIT, -1n]);
    assert.deepEqual(await fetchOffset(false), [ErrorCode.NONE, -1n], 'pending offsets are invisible');
    assert.equal(await endTxn(c, p, true), ErrorCode.NONE);
    assert.deepEqual(await fetchOffset(true), [ErrorCode.NONE, 5n]);
    // Aborted offsets are dropped.
    assert.equal((await c.send(ApiKey.AddOffsetsToTxn, 3, { transactionalId: 'tx-o', producerId: p.pid, producerEpoch: p.epoch, groupId: 'g' })).errorCode, ErrorCode.NONE);
    assert.equal((await commit(9n)).topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
    assert.equal(await endTxn(c, p, false), ErrorCode.NONE);
    assert.deepEqual(await fetchOffset(true), [ErrorCode.NONE, 5n]);
  });
});

test('restart: an open transaction survives (LSO held) and times out; committed offsets and aborted index are rebuilt', async () => {
  await withBroker(async (t) => {
    let c = t.client;
    await createTopic(c, 'r');
    const done = await init(c, 'tx-done');
    assert.deepEqual(await addPartitions(c, done, 'r', [0]), [ErrorCode.NONE]);
    assert.equal((await produceTxn(c, done, 'r', 0, ['gone'])).errorCode, ErrorCode.NONE);
    assert.equal(await endTxn(c, done, false), ErrorCode.NONE);
    const open = await init(c, 'tx-open', 1000);
    assert.deepEqual(await addPartitions(c, open, 'r', [0]), [ErrorCode.NONE]);
    assert.equal((await produceTxn(c, open, 'r', 0, ['maybe'])).errorCode, ErrorCode.NONE);
    assert.equal((await c.send(ApiKey.AddOffsetsToTxn, 3, { transactionalId: 'tx-open', producerId: open.pid, producerEpoch: open.epoch, groupId: 'g' })).errorCode, ErrorCode.NONE);
    await t.restart();
    c = t.client;
    let rc = await fetch(c, 'r', 0, 0n, true);
    assert.equal(rc.lso, 2n, 'the open transaction starts at offset 2 (0: aborted data, 1: its marker)');
    assert.deepEqual(committedValues(rc), []);
    assert.deepEqual(rc.aborted?.map((a) => a.firstOffset), [0n]);
    const d = await c.send(ApiKey.DescribeTransactions, 0, { transactionalIds: ['tx-open', 'tx-done', 'nope'] });
    assert.deepEqual(d.transactionStates.map((s) => [s.transactionalId, s.errorCode, s.transactionState]), [
      ['tx-open', ErrorCode.NONE, 'Ongoing'], ['tx-done', ErrorCode.NONE, 'CompleteAbort'], ['nope', ErrorCode.TRANSACTIONAL_ID_NOT_FOUND, ''],
    ]);
    assert.deepEqual(d.transactionStates[0]!.topics.map((x) => [x.topic, x.partitions]).sort(), [['__consumer_offsets', [0]], ['r', [0]]]);
    // The timeout (1 s, checked every 100 ms here) aborts it with a fencing epoch.
    const deadline = Date.now() + 10_000;
    for (;;) {
      rc = await fetch(c, 'r', 0, 0n, true);
      if (rc.lso === rc.hw || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(rc.lso, 4n);
    assert.deepEqual(committedValues(rc), []);
    assert.equal((await produceTxn(c, open, 'r', 0, ['late'])).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    const list = await c.send(ApiKey.ListTransactions, 1, { stateFilters: ['CompleteAbort', 'Bogus'], producerIdFilters: [], durationFilter: -1n });
    assert.deepEqual(list.transactionStates.map((s) => s.transactionalId).sort(), ['tx-done', 'tx-open']);
    assert.deepEqual(list.unknownStateFilters, ['Bogus']);
    // v2 (KIP-1152): the whole id must match the pattern; a pattern that does not compile is refused.
    const byPattern = async (transactionalIdPattern: string | null) =>
      c.send(ApiKey.ListTransactions, 2, { stateFilters: [], producerIdFilters: [], durationFilter: -1n, transactionalIdPattern });
    assert.deepEqual((await byPattern('tx-d.*')).transactionStates.map((s) => s.transactionalId), ['tx-done']);
    assert.deepEqual((await byPattern('tx-d')).transactionStates, [], 'a partial match is not enough');
    assert.deepEqual((await byPattern('')).transactionStates.map((s) => s.transactionalId).sort(), ['tx-done', 'tx-open']);
    assert.equal((await byPattern('tx-(')).errorCode, ErrorCode.INVALID_REGULAR_EXPRESSION);
    const prod = await c.send(ApiKey.DescribeProducers, 0, { topics: [{ name: 'r', partitionIndexes: [0, 3] }] });
    const [p0, p3] = prod.topics[0]!.partitions;
    assert.deepEqual(p0!.activeProducers.map((x) => [x.producerId, x.currentTxnStartOffset]).sort(), [[done.pid, -1n], [open.pid, -1n]].sort());
    assert.equal(p0!.activeProducers.find((x) => x.producerId === open.pid)!.producerEpoch, open.epoch + 1);
    assert.equal(p3!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  }, { transactions: { abortTimedOutIntervalMs: 100 } });
});

test('restart completes transactions left in PrepareCommit / PrepareAbort (crash before the markers)', async () => {
  await withBroker(async (t) => {
    let c = t.client;
    await createTopic(c, 'pc');
    const commit = await init(c, 'tx-pc');
    const abort = await init(c, 'tx-pa');
    for (const p of [commit, abort]) {
      assert.deepEqual(await addPartitions(c, p, 'pc', [0]), [ErrorCode.NONE]);
      assert.equal((await produceTxn(c, p, 'pc', 0, [`${p.txnId}-1`, `${p.txnId}-2`])).errorCode, ErrorCode.NONE);
    }
    assert.equal((await c.send(ApiKey.AddOffsetsToTxn, 3, { transactionalId: 'tx-pc', producerId: commit.pid, producerEpoch: commit.epoch, groupId: 'g' })).errorCode, ErrorCode.NONE);
    const toc = await c.send(ApiKey.TxnOffsetCommit, 3, {
      transactionalId: 'tx-pc', groupId: 'g', producerId: commit.pid, producerEpoch: commit.epoch, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
      topics: [{ name: 'pc', partitions: [{ partitionIndex: 0, committedOffset: 3n, committedLeaderEpoch: -1, committedMetadata: null }] }],
    });
    assert.equal(toc.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
    // The coordinator decided (Prepare* durable) and the broker died before any marker.
    const state = t.broker.broker.topics.partition('__transaction_state', 0)!;
    const now = Date.now();
    const prepare = (p: Producer, st: 'PrepareCommit' | 'PrepareAbort', partitions: Array<{ topic: string; partition: number }>) => ({
      key: encodeTxnKey(p.txnId),
      value: encodeTxnValue({ producerId: p.pid, producerEpoch: p.epoch, timeoutMs: 60_000, state: st, partitions, lastUpdateMs: now, startMs: now }),
    });
    await state.log.append(encodeBatch({ records: [
      prepare(commit, 'PrepareCommit', [{ topic: 'pc', partition: 0 }, { topic: '__consumer_offsets', partition: 0 }]),
      prepare(abort, 'PrepareAbort', [{ topic: 'pc', partition: 0 }]),
    ] }), { durable: true });
    assert.equal((await fetch(c, 'pc', 0, 0n, true)).lso, 0n);
    await t.restart();
    c = t.client;
    const rc = await fetch(c, 'pc', 0, 0n, true);
    assert.equal(rc.lso, rc.hw, 'both transactions resolved at start');
    assert.deepEqual(committedValues(rc), ['tx-pc-1', 'tx-pc-2']);
    const d = await c.send(ApiKey.DescribeTransactions, 0, { transactionalIds: ['tx-pc', 'tx-pa'] });
    assert.deepEqual(d.transactionStates.map((x) => x.transactionState), ['CompleteCommit', 'CompleteAbort']);
    const off = await c.send(ApiKey.OffsetFetch, 8, { groups: [{ groupId: 'g', topics: [{ name: 'pc', partitionIndexes: [0] }] }], requireStable: true });
    assert.deepEqual([off.groups[0]!.topics[0]!.partitions[0]!.errorCode, off.groups[0]!.topics[0]!.partitions[0]!.committedOffset], [ErrorCode.NONE, 3n]);
  });
});

// Found by the reliability suite (corrupt-transactions.test.ts): after recovery cut a corrupt
// __transaction_state tail, InitProducerId bumped from the stale epoch and every Produce of the id
// answered INVALID_PRODUCER_EPOCH, since the data partitions had seen higher epochs.
test('regression (torn __transaction_state): an id whose state is older than the data partitions gets an epoch above theirs, and its open transaction is aborted', async () => {
  await withBroker(async (t) => {
    let c = t.client;
    await createTopic(c, 'st');
    let a = await init(c, 'tx-stale');
    for (let i = 0; i < 3; i++) {
      if (i > 0) a = await init(c, 'tx-stale');
      assert.deepEqual(await addPartitions(c, a, 'st', [0]), [ErrorCode.NONE]);
      assert.equal((await produceTxn(c, a, 'st', 0, [`a${i}`])).errorCode, ErrorCode.NONE);
      assert.equal(await endTxn(c, a, true), ErrorCode.NONE);
    }
    assert.equal(a.epoch, 2);
    let b = await init(c, 'tx-stale-open');
    b = await init(c, 'tx-stale-open');
    assert.deepEqual(await addPartitions(c, b, 'st', [0]), [ErrorCode.NONE]);
    assert.equal((await produceTxn(c, b, 'st', 0, ['open-b'])).errorCode, ErrorCode.NONE);
    // What a cut state log leaves: both ids back at their first, completed state of epoch 0.
    const state = t.broker.broker.topics.partition('__transaction_state', 0)!;
    const now = Date.now();
    const stale = (p: Producer) => ({
      key: encodeTxnKey(p.txnId),
      value: encodeTxnValue({ producerId: p.pid, producerEpoch: 0, timeoutMs: 60_000, state: 'CompleteCommit', partitions: [], lastUpdateMs: now, startMs: -1 }),
    });
    await state.log.append(encodeBatch({ records: [stale(a), stale(b)] }), { durable: true });
    await t.restart();
    c = t.client;
    const a2 = await init(c, 'tx-stale');
    assert.equal(a2.pid, a.pid);
    assert.ok(a2.epoch > a.epoch, `epoch ${a2.epoch} after the partitions saw ${a.epoch}`);
    assert.deepEqual(await addPartitions(c, a2, 'st', [0]), [ErrorCode.NONE]);
    assert.equal((await produceTxn(c, a2, 'st', 0, ['a-after'])).errorCode, ErrorCode.NONE);
    assert.equal(await endTxn(c, a2, true), ErrorCode.NONE);
    const b2 = await init(c, 'tx-stale-open');
    assert.ok(b2.epoch > b.epoch + 1, `epoch ${b2.epoch}: the open transaction of epoch ${b.epoch} was fenced and aborted first`);
    const deadline = Date.now() + 10_000;
    let rc = await fetch(c, 'st', 0, 0n, true);
    while (rc.lso !== rc.hw && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      rc = await fetch(c, 'st', 0, 0n, true);
    }
    assert.equal(rc.lso, rc.hw, 'no transaction left open');
    assert.deepEqual(committedValues(rc), ['a0', 'a1', 'a2', 'a-after']);
  });
});

test('a parked read_committed fetch waits for the LSO, not the high watermark, and wakes when the commit marker lands', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'rcw');
    const { WireClient } = await import('./wire-client.js');
    const other = await WireClient.connect(broker.port);
    try {
      const p = await init(other, 'tx-rcw');
      assert.deepEqual(await addPartitions(other, p, 'rcw', [0]), [ErrorCode.NONE]);
      assert.equal((await produceTxn(other, p, 'rcw', 0, ['t1'])).errorCode, ErrorCode.NONE);
      const t0 = Date.now();
      const pending = c.send(ApiKey.Fetch, 12, {
        ...base, maxWaitMs: 20_000, minBytes: 1, isolationLevel: 1,
        topics: [{ topic: 'rcw', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }],
      });
      let answered = false;
      void pending.then(() => (answered = true), () => {});
      const pg = broker.broker.fetchWaiters;
      while (pg.delayed === 0) await new Promise((r) => setTimeout(r, 10));
      // The high watermark moves (a plain write after the open transaction); the LSO does not.
      await other.send(ApiKey.Produce, 9, { acks: -1, timeoutMs: 1000, topicData: [{ name: 'rcw', partitionData: [{ index: 0, records: batch(['plain']) }] }] });
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(answered, false, 'nothing at or above the LSO is returned, so the fetch still waits');
      assert.equal(pg.delayed, 1);
      assert.equal(await endTxn(other, p, true), ErrorCode.NONE);
      const r = await pending;
      assert.ok(Date.now() - t0 < 10_000, `woken after ${Date.now() - t0} ms`);
      const part0 = r.responses[0]!.partitions[0]!;
      assert.equal(part0.lastStableOffset, 3n, 'marker at offset 2, LSO = HW');
      assert.deepEqual(decodeBatches(part0.records ?? Buffer.alloc(0)).filter((b) => (b.header.attributes & 0x20) === 0).flatMap((b) => b.records.map((x) => x.value!.toString())), ['t1', 'plain']);
    } finally {
      other.close();
    }
  });
});

test('transaction version 2: pipelined Produce requests keep their order while one adds a partition to the transaction', async () => {
  // A client with several requests in flight on one connection: the first names a partition new to
  // the transaction (the broker awaits its addition) and the second only partitions already in it.
  // Kafka handles one request per connection at a time; appends must follow the request order, or
  // the second request's batch overtakes the first's and fails OUT_OF_ORDER_SEQUENCE_NUMBER.
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'pipe-a');
    await createTopic(c, 'pipe-b');
    const p = await init(c, 'tx-pipe', 60_000, 6);
    assert.equal((await produceTxn(c, p, 'pipe-a', 0, ['a0'], 12)).errorCode, ErrorCode.NONE);
    const txnBatch = (values: string[], baseSequence: number) => batch(values, { transactional: true, producerId: p.pid, producerEpoch: p.epoch, baseSequence });
    const produce = (topicData: Array<{ name: string; partitionData: Array<{ index: number; records: Buffer }> }>) =>
      c.send(ApiKey.Produce, 12, { transactionalId: p.txnId, acks: -1, timeoutMs: 1000, topicData });
    // Both frames in one write, so that the broker reads them together (as from a busy client).
    const sock = (c as unknown as { sock: Socket }).sock;
    sock.cork();
    const both = Promise.all([
      produce([{ name: 'pipe-b', partitionData: [{ index: 0, records: txnBatch(['b0'], 0) }] }, { name: 'pipe-a', partitionData: [{ index: 0, records: txnBatch(['a1', 'a2'], 1) }] }]),
      produce([{ name: 'pipe-a', partitionData: [{ index: 0, records: txnBatch(['a3'], 3) }] }]),
    ]);
    sock.uncork();
    const [first, second] = await both;
    const codes = (r: typeof first) => r.responses.flatMap((t) => t.partitionResponses.map((x) => `${t.name}:${x.errorCode}${x.errorMessage ? ` ${x.errorMessage}` : ''}`));
    assert.deepEqual(codes(first), ['pipe-b:0', 'pipe-a:0']);
    assert.deepEqual(codes(second), ['pipe-a:0']);
    assert.equal(second.responses[0]!.partitionResponses[0]!.baseOffset, first.responses[1]!.partitionResponses[0]!.baseOffset + 2n);
    assert.equal((await c.send(ApiKey.EndTxn, 5, { transactionalId: p.txnId, producerId: p.pid, producerEpoch: p.epoch, committed: true })).errorCode, ErrorCode.NONE);
    assert.deepEqual(committedValues(await fetch(c, 'pipe-a', 0, 0n, true)), ['a0', 'a1', 'a2', 'a3']);
  });
});

test('transaction version 2: Produce v12 adds partitions, EndTxn v5 bumps the epoch (markers carry it), retries get the current epoch, an empty abort bumps', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'tv2', 2);
    const p = await init(c, 'tx-tv2', 60_000, 6);
    assert.equal(p.epoch, 0);
    const end5 = (committed: boolean, epoch = p.epoch) => c.send(ApiKey.EndTxn, 5, { transactionalId: p.txnId, producerId: p.pid, producerEpoch: epoch, committed });
    // Produce v11 (transaction version 1) still needs AddPartitionsToTxn; v12 adds the partition itself.
    assert.equal((await produceTxn(c, p, 'tv2', 0, ['v11'], 11)).errorCode, ErrorCode.TRANSACTION_ABORTABLE);
    assert.equal((await produceTxn(c, p, 'tv2', 0, ['a'], 12)).errorCode, ErrorCode.NONE);
    assert.equal((await produceTxn(c, p, 'tv2', 1, ['b'], 12)).errorCode, ErrorCode.NONE);
    const d = await c.send(ApiKey.DescribeTransactions, 0, { transactionalIds: ['tx-tv2'] });
    assert.deepEqual(d.transactionStates[0]!.topics.map((t) => [t.topic, [...t.partitions].sort()]), [['tv2', [0, 1]]]);
    const r = await end5(true);
    assert.equal(r.errorCode, ErrorCode.NONE);
    assert.equal(r.producerId, p.pid);
    assert.equal(r.producerEpoch, 1, 'the next transaction runs with epoch + 1');
    // The commit markers carry the bumped epoch.
    const f = await fetch(c, 'tv2', 0, 0n, true);
    const marker = f.batches.find((x) => (x.header.attributes & 0x20) !== 0)!;
    assert.equal(marker.header.producerEpoch, 1);
    assert.deepEqual(committedValues(f), ['a']);
    // The answer was lost: the retry with the old epoch gets the current one.
    const retry = await end5(true, 0);
    assert.deepEqual([retry.errorCode, retry.producerEpoch], [ErrorCode.NONE, 1]);
    assert.equal((await end5(false, 0)).errorCode, ErrorCode.INVALID_TXN_STATE, 'a retry of the other outcome');
    // A late write of the finished transaction (old epoch) is refused.
    const stale: Producer = { ...p, seq: new Map([['tv2/0', 1]]) };
    assert.equal((await produceTxn(c, stale, 'tv2', 0, ['late'], 12)).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    // The next transaction: epoch 1, sequences from 0.
    p.epoch = 1;
    p.seq.clear();
    assert.equal((await produceTxn(c, p, 'tv2', 0, ['c'], 12)).errorCode, ErrorCode.NONE);
    const ab = await end5(false);
    assert.deepEqual([ab.errorCode, ab.producerEpoch], [ErrorCode.NONE, 2]);
    // An abort with nothing open bumps the epoch too; a commit with nothing open is INVALID_TXN_STATE.
    p.epoch = 2;
    const empty = await end5(false);
    assert.deepEqual([empty.errorCode, empty.producerEpoch], [ErrorCode.NONE, 3]);
    p.epoch = 3;
    assert.equal((await end5(true)).errorCode, ErrorCode.INVALID_TXN_STATE);
    assert.equal((await end5(true, 7)).errorCode, ErrorCode.PRODUCER_FENCED, 'an epoch from the future');
    // TV1 EndTxn keeps the epoch and answers no producer id.
    assert.equal((await produceTxn(c, p, 'tv2', 1, ['d'], 12)).errorCode, ErrorCode.NONE);
    const v4 = await c.send(ApiKey.EndTxn, 4, { transactionalId: p.txnId, producerId: p.pid, producerEpoch: p.epoch, committed: true });
    assert.deepEqual([v4.errorCode, (await c.send(ApiKey.DescribeTransactions, 0, { transactionalIds: ['tx-tv2'] })).transactionStates[0]!.producerEpoch], [ErrorCode.NONE, 3]);
    // TxnOffsetCommit v6 names topics by id (and, v5+, adds the offsets partition itself).
    const md = await c.send(ApiKey.Metadata, 12, { topics: [{ name: 'tv2', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    const tv2Id = md.topics[0]!.topicId;
    const toc = (topicId: string) => c.send(ApiKey.TxnOffsetCommit, 6, {
      transactionalId: p.txnId, groupId: 'g-tv2', producerId: p.pid, producerEpoch: p.epoch, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
      topics: [{ topicId, partitions: [{ partitionIndex: 0, committedOffset: 3n, committedLeaderEpoch: -1, committedMetadata: null }] }],
    });
    assert.equal((await toc('AAAAAAAAAAAAAAAAAAAAAQ')).topics[0]!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
    const ok6 = await toc(tv2Id);
    assert.deepEqual([ok6.topics[0]!.topicId, ok6.topics[0]!.partitions[0]!.errorCode], [tv2Id, ErrorCode.NONE]);
    // InitProducerId v6 refuses two-phase commit.
    const tpc = await c.send(ApiKey.InitProducerId, 6, { transactionalId: 'tx-2pc', transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1, enable2Pc: true });
    assert.equal(tpc.errorCode, ErrorCode.INVALID_REQUEST);
  });
});
