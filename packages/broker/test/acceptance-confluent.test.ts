// Acceptance: @confluentinc/kafka-javascript (librdkafka underneath, through its KafkaJS-compatible
// API) against Tideline: admin (create with configs, list, metadata, offsets, delete records,
// delete topics), an acks=all producer with keys and headers, and a consumer started at explicit
// offsets (its KafkaJS API has no assign(): it needs a group and subscribe(); seek() before the
// assignment is applied when the partitions arrive).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confluentKafka, toolOrSkip, type CkjsEachMessagePayload } from '@tideline/interop';
import { startBroker } from '../src/index.js';

test('confluent-kafka-javascript: admin, acks=all producer with keys and headers, consumer from explicit offsets', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'confluent-kafka')) return;
  const ck = confluentKafka();
  const dir = mkdtempSync(join(tmpdir(), 'tideline-ckjs-'));
  const b = await startBroker({ dataDir: dir, port: 0, autoCreateTopics: false });
  const kafka = new ck.KafkaJS.Kafka({ kafkaJS: { brokers: [b.bootstrap], clientId: 'acceptance-ckjs', logLevel: ck.KafkaJS.logLevel.NOTHING } });
  const admin = kafka.admin();
  const producer = kafka.producer({ kafkaJS: { acks: -1 }, 'linger.ms': 5 });
  const consumer = kafka.consumer({
    kafkaJS: { groupId: 'acceptance-ckjs', fromBeginning: true, autoCommit: false },
    'topic.metadata.refresh.interval.ms': 1000,
  });
  try {
    await admin.connect();
    const created = await admin.createTopics({
      topics: [
        { topic: 'ck', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] },
        { topic: 'ck-doomed', numPartitions: 1 },
      ],
    });
    assert.equal(created, true);
    assert.equal(b.broker.topics.get('ck')?.configs['retention.ms'], '3600000', 'configEntries reached the broker');
    assert.deepEqual((await admin.listTopics()).filter((n) => n.startsWith('ck')).sort(), ['ck', 'ck-doomed']);
    const md = await admin.fetchTopicMetadata({ topics: ['ck'] });
    assert.deepEqual(md[0]!.partitions.map((p) => [p.partitionId, p.leader, p.replicas, p.isr]).sort(), [[0, 1, [1], [1]], [1, 1, [1], [1]]]);
    await assert.rejects(admin.createTopics({ topics: [{ topic: 'ck', numPartitions: 2 }] }).then((ok) => {
      if (!ok) throw new Error('already exists (false)');
    }), 'a second create of the same topic is refused');

    await producer.connect();
    const messages = Array.from({ length: 20 }, (_, i) => ({
      key: `k${i}`, value: `v${i}`, partition: i % 2, headers: { n: String(i), kind: 'acceptance' },
    }));
    const acks = await producer.send({ topic: 'ck', messages });
    // KafkaJS semantics: one entry per partition with the base offset of what was sent there.
    assert.deepEqual(acks.map((a) => [a.partition, a.errorCode, a.baseOffset ?? a.offset]).sort(), [[0, 0, '0'], [1, 0, '0']]);
    const offsets = await admin.fetchTopicOffsets('ck');
    assert.deepEqual(offsets.map((o) => [o.partition, o.low, o.high]).sort(), [[0, '0', '10'], [1, '0', '10']]);

    // Explicit start offsets: partition 0 from 4, partition 1 from 7.
    const start = new Map([[0, 4], [1, 7]]);
    const seen: CkjsEachMessagePayload[] = [];
    let done!: () => void;
    const all = new Promise<void>((r) => (done = r));
    await consumer.connect();
    await consumer.subscribe({ topics: ['ck'] });
    await consumer.run({
      eachMessage: async (m) => {
        seen.push(m);
        if (seen.length >= 6 + 3) done();
      },
    });
    for (const [partition, offset] of start) consumer.seek({ topic: 'ck', partition, offset: String(offset) });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([all, new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`consumed only ${seen.length}`)), 30_000)))])
      .finally(() => clearTimeout(timer));
    await new Promise((r) => setTimeout(r, 300)); // nothing beyond the expected records arrives
    const got = seen.map((m) => ({
      p: m.partition, o: Number(m.message.offset), k: m.message.key?.toString(), v: m.message.value?.toString(),
      h: Object.fromEntries(Object.entries(m.message.headers ?? {}).map(([k, v]) => [k, String(v)])),
    })).sort((x, y) => x.p - y.p || x.o - y.o);
    const want = [0, 1].flatMap((p) => Array.from({ length: 10 - start.get(p)! }, (_, j) => {
      const o = start.get(p)! + j;
      const i = o * 2 + p;
      return { p, o, k: `k${i}`, v: `v${i}`, h: { n: String(i), kind: 'acceptance' } };
    }));
    assert.deepEqual(got, want);

    // DeleteRecords, then the low offset moves; DeleteTopics removes the other topic.
    await admin.deleteTopicRecords({ topic: 'ck', partitions: [{ partition: 0, offset: '3' }] });
    const after = await admin.fetchTopicOffsets('ck');
    assert.deepEqual(after.map((o) => [o.partition, o.low]).sort(), [[0, '3'], [1, '0']]);
    await admin.deleteTopics({ topics: ['ck-doomed'] });
    assert.ok(!(await admin.listTopics()).includes('ck-doomed'));
    assert.equal(b.broker.topics.get('ck-doomed'), undefined);
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
