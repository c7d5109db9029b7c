// Transactions against Tideline and Apache Kafka: consume-transform-produce with
// sendOffsetsToTransaction, an aborted transaction, read_committed consumers (ours and the Java
// client's) seeing only committed records, and a second producer with the same transactional id
// fencing the first.
import assert from 'node:assert/strict';
import { runJavaClient, toolOrSkip } from '@tideline/interop';
import { Admin, ClientError, Consumer, KafkaError, Producer } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { consumeN } from './helpers.js';

useApacheKafka();

bothBrokers('consume-transform-produce with sendOffsetsToTransaction; aborted records stay invisible to read_committed', { timeout: 120_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'java-client-4')) return;
  const admin = new Admin({ bootstrap: b.bootstrap });
  const input = uniqueTopic('txn-in');
  const output = uniqueTopic('txn-out');
  const groupId = uniqueTopic('txn-group');
  await admin.createTopics([{ topic: input, numPartitions: 2, replicationFactor: 1 }, { topic: output, numPartitions: 3, replicationFactor: 1 }]);
  const seed = new Producer({ bootstrap: b.bootstrap });
  await seed.send({ topic: input, messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `in-${i}` })) });
  await seed.close();

  const producer = new Producer({ bootstrap: b.bootstrap, transactionalId: uniqueTopic('txn-id') });
  const consumer = new Consumer({ bootstrap: b.bootstrap, groupId, autoCommit: false, heartbeatIntervalMs: 300, maxWaitMs: 200, assignors: ['cooperative-sticky'] });
  try {
    await producer.initTransactions();
    consumer.subscribe([input]);
    let txnNo = 0;
    let processed = 0;
    let aborted = 0;
    const it = consumer.batches();
    while (processed < 30) {
      const { value: batch, done } = await it.next();
      assert.equal(done, false);
      const abort = txnNo === 1;
      await producer.beginTransaction();
      await producer.send({ topic: output, messages: batch!.records.map((r) => ({ key: r.key, value: `${abort ? 'ABORTED' : 'out'}-${r.value!.toString()}` })) });
      const last = batch!.records[batch!.records.length - 1]!;
      await producer.sendOffsetsToTransaction([{ topic: batch!.topic, partition: batch!.partition, offset: last.offset + 1n }], consumer.groupMetadata());
      if (abort) {
        await producer.abortTransaction();
        aborted += batch!.records.length;
        // Re-read the batch: its offsets were not committed either.
        consumer.seek({ topic: batch!.topic, partition: batch!.partition, offset: batch!.records[0]!.offset });
      } else {
        await producer.commitTransaction();
        processed += batch!.records.length;
      }
      txnNo++;
    }
    assert.ok(txnNo >= 3, 'at least one aborted and two committed transactions');

    // read_committed: exactly the 30 transformed records, none aborted; read_uncommitted sees the aborted ones too.
    const committed = await consumeN({ bootstrap: b.bootstrap, isolationLevel: 'read_committed' }, output, [0, 1, 2], 30);
    assert.deepEqual(committed.map((r) => r.value!.toString()).sort(), Array.from({ length: 30 }, (_, i) => `out-in-${i}`).sort());
    const everything = await consumeN({ bootstrap: b.bootstrap }, output, [0, 1, 2], 30 + aborted);
    assert.equal(everything.filter((r) => r.value!.toString().startsWith('ABORTED-')).length, aborted, 'read_uncommitted sees the aborted records');

    // The Java client reading with read_committed agrees.
    const java = await runJavaClient('4', ['consume', '--bootstrap', b.bootstrap, '--topic', output, '--max', '30', '--timeout-ms', '20000', '--prop', 'isolation.level=read_committed']);
    const javaValues = java.rows.filter((r) => typeof r.value === 'string').map((r) => r.value as string);
    assert.deepEqual(javaValues.sort(), Array.from({ length: 30 }, (_, i) => `out-in-${i}`).sort());

    // The group's offsets were committed by the transactions.
    const offsets = await admin.listGroupOffsets(groupId);
    assert.equal(offsets.reduce((s, o) => s + o.offset, 0n), 30n);
  } finally {
    await consumer.close();
    await producer.close();
    await admin.close();
  }
});

bothBrokers('a second producer with the same transactional id fences the first; sends outside a transaction are refused', { timeout: 120_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('txn-fence');
  const txnId = uniqueTopic('fence-id');
  await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
  const first = new Producer({ bootstrap: b.bootstrap, transactionalId: txnId });
  const second = new Producer({ bootstrap: b.bootstrap, transactionalId: txnId });
  try {
    await first.beginTransaction();
    await first.send({ topic, messages: [{ value: 'first-open' }] });
    // The second instance takes over: the first one's open transaction is aborted.
    await second.initTransactions();
    await assert.rejects(async () => {
      await first.send({ topic, messages: [{ value: 'zombie' }] });
      await first.commitTransaction();
    }, (e: unknown) => (e instanceof KafkaError && (e.code === 'PRODUCER_FENCED' || e.code === 'INVALID_PRODUCER_EPOCH')) || (e instanceof ClientError && /PRODUCER_FENCED|INVALID_PRODUCER_EPOCH/.test(String((e.cause as Error | undefined)?.message ?? e.message))));
    await assert.rejects(first.beginTransaction(), ClientError, 'a fenced producer can only be closed');

    await second.beginTransaction();
    await second.send({ topic, messages: [{ value: 'second' }] });
    await second.commitTransaction();
    // Sending outside a transaction is refused.
    await assert.rejects(second.send({ topic, messages: [{ value: 'outside' }] }), (e: unknown) => e instanceof ClientError && e.code === 'INVALID_STATE');

    const got = await consumeN({ bootstrap: b.bootstrap, isolationLevel: 'read_committed' }, topic, [0], 1);
    assert.deepEqual(got.map((r) => r.value!.toString()), ['second']);
  } finally {
    await first.close().catch(() => undefined);
    await second.close();
    await admin.close();
  }
});
