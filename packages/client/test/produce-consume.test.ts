// Producer and consumer round trips against Tideline and Apache Kafka: every codec, keys,
// headers, explicit partitions, acks 0/1/all, flush, buffer limits, pause/seek, batch iterator.
import assert from 'node:assert/strict';
import { partitionForKey } from '@tideline/protocol';
import { Admin, Consumer, Producer, type CompressionName } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { consumeN } from './helpers.js';

useApacheKafka();

const CODECS: CompressionName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

bothBrokers('round trip with every compression, keys and headers', {}, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  try {
    for (const compression of CODECS) {
      const topic = uniqueTopic(`rt-${compression}`);
      await admin.createTopics([{ topic, numPartitions: 3, replicationFactor: 1 }]);
      const producer = new Producer({ bootstrap: b.bootstrap, compression, lingerMs: 2 });
      const messages = Array.from({ length: 60 }, (_, i) => ({
        key: `key-${i % 7}`,
        value: `${compression}-value-${i}-${'x'.repeat(i * 3)}`,
        headers: { n: String(i), codec: compression },
      }));
      const md = await producer.send({ topic, messages });
      await producer.close();
      assert.equal(md.length, 60);
      for (let i = 0; i < 60; i++) {
        assert.equal(md[i]!.partition, partitionForKey(Buffer.from(`key-${i % 7}`), 3));
        assert.ok(md[i]!.offset >= 0n);
      }
      const got = await consumeN({ bootstrap: b.bootstrap }, topic, [0, 1, 2], 60);
      const byValue = new Map(got.map((r) => [r.value!.toString(), r]));
      for (let i = 0; i < 60; i++) {
        const r = byValue.get(messages[i]!.value);
        assert.ok(r, `record ${i} (${compression}) read back`);
        assert.equal(r.key!.toString(), messages[i]!.key);
        assert.equal(r.partition, md[i]!.partition);
        assert.equal(r.offset, md[i]!.offset);
        assert.deepEqual(r.headers.map((h) => [h.key, h.value!.toString()]), [['n', String(i)], ['codec', compression]]);
      }
    }
  } finally {
    await admin.close();
  }
});

bothBrokers('acks 0 and 1, explicit partitions, null keys, timestamps, small batches and bounded memory', {}, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('acks');
  await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
  try {
    const p1 = new Producer({ bootstrap: b.bootstrap, acks: 1 });
    const md1 = await p1.send({ topic, messages: [{ value: 'a1', partition: 1, timestamp: 1_700_000_000_000 }, { key: null, value: null, partition: 1 }] });
    assert.deepEqual(md1.map((m) => [m.partition, m.offset]), [[1, 0n], [1, 1n]]);
    assert.equal(md1[0]!.timestamp, 1_700_000_000_000n);
    await p1.close();

    const p0 = new Producer({ bootstrap: b.bootstrap, acks: 0 });
    const md0 = await p0.send({ topic, messages: [{ value: 'z', partition: 0 }] });
    assert.equal(md0[0]!.offset, -1n);
    await p0.close();

    // Tiny batches and a buffer smaller than the total: send() waits for space instead of failing.
    const small = new Producer({ bootstrap: b.bootstrap, batchSize: 200, bufferMemory: 2000, lingerMs: 0 });
    const sends = Array.from({ length: 20 }, (_, i) => small.send({ topic, messages: Array.from({ length: 5 }, (_, j) => ({ value: `s-${i}-${j}`, partition: 0 })) }));
    assert.ok(small.bufferedBytes <= 2000);
    const res = await Promise.all(sends);
    const offsets = res.flat().map((m) => m.offset);
    assert.equal(new Set(offsets).size, 100);
    await small.flush();
    await small.close();

    const all = await consumeN({ bootstrap: b.bootstrap }, topic, [0, 1], 103);
    const p0records = all.filter((r) => r.partition === 0).map((r) => r.value!.toString());
    // Concurrent send() calls interleave while waiting for memory; each call keeps its order.
    assert.deepEqual(p0records.slice(1).sort(), Array.from({ length: 100 }, (_, k) => `s-${Math.floor(k / 5)}-${k % 5}`).sort());
    for (const call of res) for (let j = 1; j < call.length; j++) assert.ok(call[j]!.offset > call[j - 1]!.offset);
    assert.equal(all.find((r) => r.partition === 1 && r.offset === 1n)!.value, null);
  } finally {
    await admin.close();
  }
});

bothBrokers('consumer: seek, pause/resume, batch iterator, latest, custom partitioner', {}, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('seek');
  await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
  const producer = new Producer({ bootstrap: b.bootstrap, partitioner: ({ value }) => (value!.toString().startsWith('one') ? 1 : 0) });
  const consumer = new Consumer({ bootstrap: b.bootstrap, maxWaitMs: 100 });
  try {
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `${i % 2 === 0 ? 'zero' : 'one'}-${i}` })) });
    consumer.assign([{ topic, partition: 0, offset: 2 }, { topic, partition: 1, offset: 'latest' }]);
    const it = consumer.batches();
    const first = await it.next();
    assert.equal(first.done, false);
    assert.deepEqual(first.value!.records.map((r) => r.value!.toString()), ['zero-4', 'zero-6', 'zero-8']);
    assert.equal(first.value!.highWatermark, 5n);

    // Partition 1 started at 'latest': only new records arrive.
    await producer.send({ topic, messages: [{ value: 'one-late' }] });
    const second = await it.next();
    assert.deepEqual([second.value!.partition, second.value!.records.map((r) => r.value!.toString())], [1, ['one-late']]);

    consumer.pause([{ topic, partition: 1 }]);
    consumer.seek({ topic, partition: 0, offset: 'earliest' });
    await producer.send({ topic, messages: [{ value: 'one-paused' }] });
    const third = await it.next();
    assert.equal(third.value!.partition, 0);
    assert.equal(third.value!.records[0]!.value!.toString(), 'zero-0');
    consumer.resume([{ topic, partition: 1 }]);
    const fourth = await it.next();
    assert.deepEqual(fourth.value!.records.map((r) => r.value!.toString()), ['one-paused']);
    assert.equal(consumer.position({ topic, partition: 1 }), 7n);
  } finally {
    await consumer.close();
    await producer.close();
    await admin.close();
  }
});
