// Transaction version 2 (KIP-890 part 2) against Tideline and Apache Kafka 4.4: Kafka's Java 4.4
// transactional producer and ours both use it (no AddPartitionsToTxn, Produce v12, EndTxn v5), so
// each transaction ends with an epoch bump: after N transactions DescribeTransactions shows epoch N
// on both brokers, and read_committed readers see only the committed transactions.
import assert from 'node:assert/strict';
import { runJavaClient, toolOrSkip } from '@tideline/interop';
import { ApiKey } from '@tideline/protocol';
import { Admin, Producer } from '../src/index.js';
import { Connection } from '../src/internal.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { consumeN } from './helpers.js';

useApacheKafka();

async function describeTxn(bootstrap: string, transactionalId: string): Promise<{ state: string; producerEpoch: number; producerId: bigint }> {
  const [host, port] = bootstrap.split(':') as [string, string];
  const conn = await Connection.connect({ host, port: Number(port), clientId: 'tv2-test' });
  try {
    const res = await conn.request(ApiKey.DescribeTransactions, { transactionalIds: [transactionalId] });
    const s = res.transactionStates[0]!;
    return { state: s.transactionState, producerEpoch: s.producerEpoch, producerId: s.producerId };
  } finally {
    conn.close();
  }
}

bothBrokers('Java 4.4 transactional producer with transaction version 2: one epoch bump per transaction, aborted records invisible', { timeout: 120_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'java-client-4.4')) return;
  const topic = uniqueTopic('tv2-java');
  const txnId = uniqueTopic('tv2-java-id');
  const admin = new Admin({ bootstrap: b.bootstrap });
  try {
    await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
  } finally {
    await admin.close();
  }
  const p = await runJavaClient('4.4', ['txn-produce', '--bootstrap', b.bootstrap, '--topic', topic, '--transactional-id', txnId, '--transactions', '4', '--per-txn', '5', '--abort-every', '2']);
  assert.equal(p.code, 0, p.stderr);
  const outcomes = p.rows.filter((r) => 'outcome' in r) as Array<{ txn: number; outcome: string }>;
  assert.equal(outcomes.length, 4);
  const committed = new Set(outcomes.filter((o) => o.outcome === 'commit').map((o) => o.txn));
  assert.equal(committed.size, 2);
  const acks = p.rows.filter((r) => 'offset' in r) as Array<{ txn: number; value: string }>;
  const expected = acks.filter((a) => committed.has(a.txn)).map((a) => a.value).sort();
  assert.equal(expected.length, 10);
  // InitProducerId gives epoch 0; each of the 4 EndTxn v5 bumps it.
  const d = await describeTxn(b.bootstrap, txnId);
  assert.equal(d.producerEpoch, 4, `epoch after 4 transactions (${b.kind})`);
  assert.equal(d.state, 'CompleteAbort');
  const seen = await consumeN({ bootstrap: b.bootstrap, isolationLevel: 'read_committed' }, topic, [0, 1], 10);
  assert.deepEqual(seen.map((r) => r.value!.toString()).sort(), expected);
});

bothBrokers('our transactional producer with transaction version 2: epochs bump per transaction, sequences restart, offsets commit without AddOffsetsToTxn', { timeout: 60_000 }, async (b) => {
  const topic = uniqueTopic('tv2-ours');
  const txnId = uniqueTopic('tv2-ours-id');
  const admin = new Admin({ bootstrap: b.bootstrap });
  const producer = new Producer({ bootstrap: b.bootstrap, transactionalId: txnId });
  try {
    await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
    await producer.initTransactions();
    for (let i = 0; i < 3; i++) {
      await producer.beginTransaction();
      await producer.send({ topic, messages: [0, 1, 2, 3].map((j) => ({ key: `k${j}`, value: `t${i}-${j}`, partition: j % 2 })) });
      if (i === 1) await producer.sendOffsetsToTransaction([{ topic, partition: 0, offset: 1n }], uniqueTopic('tv2-group'));
      if (i === 2) await producer.abortTransaction();
      else await producer.commitTransaction();
    }
    const d = await describeTxn(b.bootstrap, txnId);
    assert.equal(d.producerEpoch, 3, `one bump per transaction (${b.kind})`);
    const seen = await consumeN({ bootstrap: b.bootstrap, isolationLevel: 'read_committed' }, topic, [0, 1], 8);
    assert.deepEqual(seen.map((r) => r.value!.toString()).sort(), ['t0-0', 't0-1', 't0-2', 't0-3', 't1-0', 't1-1', 't1-2', 't1-3']);
  } finally {
    await producer.close();
    await admin.close();
  }
});
