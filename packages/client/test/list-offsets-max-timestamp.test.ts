// ListOffsets MAX_TIMESTAMP (OffsetSpec.maxTimestamp(), `kafka-get-offsets --time -3`): the largest
// timestamp and the offset of the FIRST record that has it. Apache Kafka's answer is the reference
// (KAFKA-16310); Apache Kafka's own GetOffsetShell and our Admin ask both brokers.
// Regression: Tideline answered the last offset of the batch holding the maximum (offset 4 for a
// batch with timestamps 1 s, 3 s, 2 s, 2 s, 1 s, where Apache Kafka answers offset 1).
import assert from 'node:assert/strict';
import { KAFKA_TOOLS, kafkaTools } from '@tideline/interop';
import { Admin, Producer, type CompressionName } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

/** GetOffsetShell's answer for partition 0 of `topic`. */
async function getOffsetShell(bootstrap: string, topic: string): Promise<bigint> {
  const r = await kafkaTools(KAFKA_TOOLS.getOffsets, ['--bootstrap-server', bootstrap, '--topic', topic, '--time', '-3']);
  assert.equal(r.code, 0, r.stderr);
  const line = r.stdout.trim().split('\n').find((l) => l.startsWith(`${topic}:0:`));
  assert.ok(line !== undefined, r.stdout);
  return BigInt(line.split(':')[2]!);
}

bothBrokers('ListOffsets max timestamp: the first record with the largest timestamp, per codec, with ties and across segments', { timeout: 180_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const codecs: CompressionName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
  const producers = codecs.map((compression) => new Producer({ bootstrap: b.bootstrap, compression, lingerMs: 50 }));
  const topics = codecs.map((c) => uniqueTopic(`maxts-${c}`));
  const segmented = uniqueTopic('maxts-segments');
  // Old timestamps: no retention, or the log would be deleted as expired.
  const configs = { 'retention.ms': '-1' };
  try {
    await admin.createTopics([
      ...topics.map((topic) => ({ topic, numPartitions: 1, configs })),
      { topic: segmented, numPartitions: 1, configs: { ...configs, 'segment.bytes': String(1024 * 1024) } },
    ]);
    const expected = new Map<string, { offset: bigint; timestamp: bigint }>();
    for (const [i, topic] of topics.entries()) {
      const p = producers[i]!;
      // One send: one batch, offsets 0-4.
      await p.send({ topic, messages: [1000, 3000, 2000, 2000, 1000].map((ts, k) => ({ key: `k${k}`, value: `v${k}`, partition: 0, timestamp: ts })) });
      // A later batch ties the maximum: the first record keeps it.
      await p.send({ topic, messages: [3000, 500].map((ts) => ({ value: 'tie', partition: 0, timestamp: ts })) });
      expected.set(topic, { offset: 1n, timestamp: 3000n });
    }
    // Several segments (1 MiB each): the maximum sits inside the middle, tied again near the end.
    const p = producers[0]!;
    const filler = 'x'.repeat(1024);
    await p.send({ topic: segmented, messages: Array.from({ length: 1200 }, (_, i) => ({ value: filler, partition: 0, timestamp: 100 + i })) });
    const [, atMax] = await p.send({ topic: segmented, messages: [4000, 9000, 9000, 10].map((ts) => ({ value: 'peak', partition: 0, timestamp: ts })) });
    await p.send({ topic: segmented, messages: Array.from({ length: 1200 }, (_, i) => ({ value: filler, partition: 0, timestamp: i % 100 === 99 ? 9000 : 200 + i })) });
    expected.set(segmented, { offset: atMax!.offset, timestamp: 9000n });

    for (const [topic, want] of expected) {
      const [ours] = await admin.listOffsets([{ topic, partition: 0, spec: 'max-timestamp' }]);
      assert.deepEqual({ offset: ours!.offset, timestamp: ours!.timestamp }, want, `${topic}: Admin.listOffsets`);
      assert.equal(await getOffsetShell(b.bootstrap, topic), want.offset, `${topic}: GetOffsetShell --time -3`);
    }
  } finally {
    for (const p of producers) await p.close();
    await admin.deleteTopics([...topics, segmented]).catch(() => undefined);
    await admin.close();
  }
});

bothBrokers('ListOffsets by timestamp under read_committed stops at the last stable offset', { timeout: 120_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('ts-lso');
  const txn = new Producer({ bootstrap: b.bootstrap, transactionalId: uniqueTopic('ts-lso-txn') });
  try {
    await admin.createTopics([{ topic, numPartitions: 1, configs: { 'retention.ms': '-1' } }]);
    const plain = new Producer({ bootstrap: b.bootstrap });
    await plain.send({ topic, messages: [{ value: 'before', partition: 0, timestamp: 1000 }] });
    await plain.close();
    await txn.initTransactions();
    await txn.beginTransaction();
    await txn.send({ topic, messages: [{ value: 'open', partition: 0, timestamp: 5000 }] });
    await txn.flush();
    const ask = async (spec: 'max-timestamp' | number, isolationLevel: 'read_committed' | 'read_uncommitted'): Promise<bigint> =>
      (await admin.listOffsets([{ topic, partition: 0, spec }], { isolationLevel }))[0]!.offset;
    assert.equal(await ask(4000, 'read_uncommitted'), 1n);
    assert.equal(await ask(4000, 'read_committed'), -1n, 'the open transaction lies at or above the LSO');
    assert.equal(await ask('max-timestamp', 'read_committed'), -1n);
    assert.equal(await ask(500, 'read_committed'), 0n);
    await txn.commitTransaction();
    let committed = await ask(4000, 'read_committed');
    // The LSO moves once the commit marker is written (Apache Kafka: asynchronously after EndTxn).
    for (let i = 0; i < 50 && committed === -1n; i++) {
      await new Promise((r) => setTimeout(r, 100));
      committed = await ask(4000, 'read_committed');
    }
    assert.equal(committed, 1n);
  } finally {
    await txn.close();
    await admin.deleteTopics([topic]).catch(() => undefined);
    await admin.close();
  }
});
