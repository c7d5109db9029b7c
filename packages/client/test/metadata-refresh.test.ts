// Producer metadata refresh on leader and topic changes, against Tideline and Apache Kafka:
// - a NOT_LEADER_OR_FOLLOWER answer (injected: a single broker never moves leaders) makes the
//   producer refresh the topic's metadata and retry the batch, which is then written once;
// - a topic deleted while the producer knows it: sends fail with UNKNOWN_TOPIC_OR_PARTITION,
//   are retried with refreshed metadata, and land in the recreated topic, whose new partition
//   count is used at once (not only after metadataMaxAgeMs).
// (Partitions added to a live topic are picked up by the periodic refresh: producer.test.ts.)
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, Off, decodeResponse, encodeResponse } from '@tideline/protocol';
import { Admin, KafkaError, Producer } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { consumeN, interceptProduce } from './helpers.js';

useApacheKafka();

/** Counts the producer's Metadata refreshes of `topic`. */
function countRefreshes(producer: Producer, topic: string): { count: number } {
  const stats = { count: 0 };
  const cluster = producer.cluster;
  const original = cluster.refreshMetadata.bind(cluster);
  cluster.refreshMetadata = (topics?: readonly string[] | null) => {
    if (topics === null || topics === undefined || topics.includes(topic)) stats.count++;
    return original(topics);
  };
  return stats;
}

/**
 * Answers Produce requests `skip` .. `skip + times - 1` (counting from 0) with `errorCode` for
 * every partition in them, without sending them (by default NOT_LEADER_OR_FOLLOWER, as a broker
 * that has just lost leadership would). Counts the records of the rejected batches.
 */
function rejectProduces(producer: Producer, times: number, opts: { skip?: number; errorCode?: number } = {}): { rejected: number; records: number } {
  const stats = { rejected: 0, records: 0 };
  const skip = opts.skip ?? 0;
  let seen = 0;
  interceptProduce(producer, ({ version, body, send, cb }) => {
    if (seen++ < skip || stats.rejected >= times) {
      send(cb);
      return;
    }
    stats.rejected++;
    const req = body as { topicData: Array<{ name: string; partitionData: Array<{ index: number; records: Buffer }> }> };
    for (const t of req.topicData) for (const p of t.partitionData) stats.records += p.records.readInt32BE(Off.recordsCount);
    const frame = Buffer.concat(encodeResponse(ApiKey.Produce, version, 0, {
      responses: req.topicData.map((t) => ({
        name: t.name,
        partitionResponses: t.partitionData.map((p) => ({ index: p.index, errorCode: opts.errorCode ?? ErrorCode.NOT_LEADER_OR_FOLLOWER, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n })),
      })),
    })).subarray(4);
    setImmediate(() => cb(null, decodeResponse(ApiKey.Produce, version, frame).body));
  });
  return stats;
}

bothBrokers('NOT_LEADER_OR_FOLLOWER: the producer refreshes the topic metadata and retries; every record is written once', { timeout: 90_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('notleader');
  try {
    await admin.createTopics([{ topic, numPartitions: 3, replicationFactor: 1 }]);
    for (const idempotent of [true, false]) {
      const producer = new Producer({ bootstrap: b.bootstrap, idempotent, retryBackoffMs: 20, metadataMaxAgeMs: 600_000, allowAutoTopicCreation: false });
      try {
        await producer.send({ topic, messages: [{ key: 'warm', value: `up-${idempotent}` }] });
        const refreshes = countRefreshes(producer, topic);
        const injected = rejectProduces(producer, 3);
        const mds = await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `${idempotent}-${i}` })) });
        assert.equal(injected.rejected, 3, 'three Produce requests were answered NOT_LEADER_OR_FOLLOWER');
        assert.ok(refreshes.count >= 1, `metadata was refreshed after NOT_LEADER_OR_FOLLOWER (${refreshes.count} refreshes)`);
        assert.equal(mds.length, 30);
      } finally {
        await producer.close();
      }
    }
    const ends = await admin.listOffsets([0, 1, 2].map((partition) => ({ topic, partition, spec: 'latest' as const })));
    const total = Number(ends.reduce((s, e) => s + e.offset, 0n));
    assert.equal(total, 62, 'two warm-up records and 2 x 30 records, none twice');
    const all = await consumeN({ bootstrap: b.bootstrap }, topic, [0, 1, 2], total);
    assert.equal(new Set(all.map((r) => r.value!.toString())).size, 62);
  } finally {
    await admin.close();
  }
});

// A new producer has no state on a partition, and a broker then accepts any first sequence
// (Apache Kafka does, since KIP-360). If the first batch failed (NOT_LEADER_OR_FOLLOWER, as on a
// topic created a moment before) while later ones were in flight, those would be written first and
// the first batch rejected with OUT_OF_ORDER_SEQUENCE_NUMBER on every retry until its delivery
// timeout. The producer sends one batch at a time until the partition acknowledged one.
bothBrokers('NOT_LEADER_OR_FOLLOWER on a new producer\'s first batch: later batches do not overtake it; the records land once and in order', { timeout: 90_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('first-batch');
  try {
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
    const producer = new Producer({ bootstrap: b.bootstrap, idempotent: true, batchSize: 1024, lingerMs: 0, maxInFlightPerPartition: 5, retryBackoffMs: 20, deliveryTimeoutMs: 20_000, allowAutoTopicCreation: false });
    try {
      await producer.cluster.topic(topic);
      const injected = rejectProduces(producer, 1);
      const n = 300;
      const mds = await producer.send({ topic, messages: Array.from({ length: n }, (_, i) => ({ value: `${i}`.padStart(60, '.') })) });
      assert.equal(injected.rejected, 1);
      assert.deepEqual(mds.map((m) => Number(m.offset)), Array.from({ length: n }, (_, i) => i), 'offsets follow the order of the records');
      const all = await consumeN({ bootstrap: b.bootstrap }, topic, [0], n);
      assert.deepEqual(all.map((r) => Number(r.value!.toString().replace(/^\.+/, ''))), Array.from({ length: n }, (_, i) => i));
    } finally {
      await producer.close();
    }
  } finally {
    await admin.close();
  }
});

// A batch that fails for good (here a non-retriable INVALID_RECORD in the middle of a pipelined
// send) leaves a gap in the partition's sequences: the broker would answer every later batch with
// OUT_OF_ORDER_SEQUENCE_NUMBER. The producer takes a new epoch and starts the sequences again, so
// the batches behind the failed one and later sends are written, once each.
bothBrokers('a batch that fails for good does not stop the partition: the producer starts its sequences again under a new epoch (idempotent and transactional)', { timeout: 90_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('seq-gap');
  try {
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
    const values = (tag: string, n: number) => Array.from({ length: n }, (_, i) => ({ value: `${tag}-${i}`.padEnd(60, '.') }));

    const producer = new Producer({ bootstrap: b.bootstrap, idempotent: true, batchSize: 1024, lingerMs: 0, retryBackoffMs: 20, deliveryTimeoutMs: 20_000, allowAutoTopicCreation: false });
    let failedRecords: number;
    try {
      await producer.send({ topic, messages: values('warm', 5) });
      const before = producer.identity!;
      const injected = rejectProduces(producer, 1, { skip: 2, errorCode: ErrorCode.INVALID_RECORD });
      await assert.rejects(producer.send({ topic, messages: values('a', 300) }), (e: unknown) => e instanceof KafkaError && e.errorCode === ErrorCode.INVALID_RECORD);
      assert.equal(injected.rejected, 1);
      failedRecords = injected.records;
      await producer.send({ topic, messages: values('b', 50) });
      const after = producer.identity!;
      assert.ok(after.producerId !== before.producerId || after.producerEpoch !== before.producerEpoch, 'a new producer id or epoch');
    } finally {
      await producer.close();
    }

    const txp = new Producer({ bootstrap: b.bootstrap, transactionalId: uniqueTopic('seq-gap-tx'), batchSize: 1024, lingerMs: 0, retryBackoffMs: 20, deliveryTimeoutMs: 20_000, allowAutoTopicCreation: false });
    try {
      await txp.beginTransaction();
      await txp.send({ topic, messages: values('t0', 5) });
      await txp.commitTransaction();
      const before = txp.identity!;
      await txp.beginTransaction();
      rejectProduces(txp, 1, { skip: 2, errorCode: ErrorCode.INVALID_RECORD });
      await assert.rejects(txp.send({ topic, messages: values('t1', 300) }));
      await assert.rejects(txp.commitTransaction());
      await txp.abortTransaction();
      assert.equal(txp.identity!.producerId, before.producerId);
      assert.ok(txp.identity!.producerEpoch > before.producerEpoch, 'a new epoch after the abort');
      await txp.beginTransaction();
      await txp.send({ topic, messages: values('t2', 50) });
      await txp.commitTransaction();
    } finally {
      await txp.close();
    }

    const committed = await consumeN({ bootstrap: b.bootstrap, isolationLevel: 'read_committed' }, topic, [0], 5 + 300 - failedRecords + 50 + 5 + 50);
    const got = committed.map((r) => r.value!.toString().replace(/\.+$/, ''));
    assert.equal(new Set(got).size, got.length, 'no record twice');
    const count = (tag: string) => got.filter((v) => v.startsWith(`${tag}-`)).length;
    assert.deepEqual([count('warm'), count('a'), count('b'), count('t0'), count('t1'), count('t2')], [5, 300 - failedRecords, 50, 5, 0, 50]);
  } finally {
    await admin.close();
  }
});

async function createWhenDeleted(admin: Admin, topic: string, numPartitions: number): Promise<void> {
  // Apache Kafka deletes topics asynchronously: the name stays taken for a moment.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await admin.createTopics([{ topic, numPartitions, replicationFactor: 1 }]);
      return;
    } catch (e) {
      if (!(e instanceof KafkaError && e.code === 'TOPIC_ALREADY_EXISTS') || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

bothBrokers('a topic deleted and recreated while producing: sends retry with refreshed metadata and use the new topic and its partitions', { timeout: 120_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('recreated');
  // metadataMaxAgeMs is long: only the error-driven refresh can find the new topic's partitions.
  const producer = new Producer({ bootstrap: b.bootstrap, retryBackoffMs: 50, metadataMaxAgeMs: 600_000, allowAutoTopicCreation: false });
  try {
    await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
    const before = await producer.send({ topic, messages: Array.from({ length: 20 }, (_, i) => ({ key: `old-${i}`, value: `old-${i}` })) });
    assert.ok(before.every((m) => m.partition < 2));
    const oldId = producer.cluster.topics.get(topic)!.topicId;

    await admin.deleteTopics([topic]);
    const refreshes = countRefreshes(producer, topic);
    // Sent while the topic is gone: retried (UNKNOWN_TOPIC_OR_PARTITION, then no metadata) until it is back.
    const during = producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `mid-${i}`, value: `mid-${i}` })) });
    await new Promise((r) => setTimeout(r, 1500));
    await createWhenDeleted(admin, topic, 5);
    const mid = await during;
    assert.equal(mid.length, 10);
    assert.ok(refreshes.count >= 1, `metadata refreshed (${refreshes.count})`);
    const info = producer.cluster.topics.get(topic)!;
    assert.notEqual(info.topicId, oldId, 'the producer knows the new topic id');
    assert.equal(info.partitions.length, 5, 'and its five partitions');

    // Keyed records now spread over all five partitions, without waiting for metadataMaxAgeMs.
    const after = await producer.send({ topic, messages: Array.from({ length: 50 }, (_, i) => ({ key: `new-${i}`, value: `new-${i}` })) });
    assert.ok(after.some((m) => m.partition >= 2), 'keys land in partitions 2-4 of the new topic');

    // The new topic holds exactly the records sent while it was gone and after: once each.
    const ends = await admin.listOffsets([0, 1, 2, 3, 4].map((partition) => ({ topic, partition, spec: 'latest' as const })));
    const total = Number(ends.reduce((s, e) => s + e.offset, 0n));
    assert.equal(total, 60);
    const all = await consumeN({ bootstrap: b.bootstrap }, topic, [0, 1, 2, 3, 4], total);
    assert.deepEqual(all.map((r) => r.value!.toString()).sort(), [...Array.from({ length: 10 }, (_, i) => `mid-${i}`), ...Array.from({ length: 50 }, (_, i) => `new-${i}`)].sort());
  } finally {
    await producer.close();
    await admin.close();
  }
});
