// Producer against Tideline and Apache Kafka next to real clients: keyed partitioning equal to the
// Java client's (same keys produced by both land in the same partitions), idempotent retries
// without duplicates (Produce responses dropped after the broker wrote the batch), and records
// exchanged with kcat both ways in every codec.
import assert from 'node:assert/strict';
import { kcat, runJavaClient, toolOrSkip } from '@tideline/interop';
import { Admin, ClientError, ClientErrorCode, Producer, type CompressionName } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { consumeN, interceptProduce } from './helpers.js';

useApacheKafka();

const CODECS: CompressionName[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

bothBrokers('keyed records land where the Java producer puts the same keys', { timeout: 180_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'java-client-4', 'kcat')) return;
  const admin = new Admin({ bootstrap: b.bootstrap });
  const ours = uniqueTopic('keys-ours');
  const theirs = uniqueTopic('keys-java');
  const N = 7;
  const keys = Array.from({ length: 300 }, (_, i) => `user-${i}-${'k'.repeat(i % 13)}-é`);
  try {
    await admin.createTopics([{ topic: ours, numPartitions: N, replicationFactor: 1 }, { topic: theirs, numPartitions: N, replicationFactor: 1 }]);
    const producer = new Producer({ bootstrap: b.bootstrap });
    const md = await producer.send({ topic: ours, messages: keys.map((k) => ({ key: k, value: k })) });
    await producer.close();

    // The Java client's partitioner for each key, and the Java producer writing the same keys.
    const java = await runJavaClient('4', ['partition', String(N), ...keys], { env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    const javaPartition = new Map(java.rows.map((r) => [r.key as string, r.partition as number]));
    const input = keys.map((k) => `${k}\t${k}`).join('\n') + '\n';
    await runJavaClient('4', ['produce', '--bootstrap', b.bootstrap, '--topic', theirs, '--stdin'], { input, env: { ...process.env, LC_ALL: 'C.UTF-8' } });

    keys.forEach((k, i) => assert.equal(md[i]!.partition, javaPartition.get(k), `partition of ${k}`));
    // Read both topics back per partition with kcat.
    for (const topic of [ours, theirs]) {
      for (let p = 0; p < N; p++) {
        const out = await kcat(['-b', b.bootstrap, '-C', '-t', topic, '-p', String(p), '-o', 'beginning', '-e', '-q', '-f', '%k\n'], { timeoutMs: 30_000 });
        for (const k of out.stdout.split('\n').filter((x) => x !== '')) assert.equal(javaPartition.get(k), p, `${topic}: ${k} in partition ${p}`);
      }
    }
  } finally {
    await admin.close();
  }
});

/**
 * Makes every `every`-th Produce request look lost: the broker's answer arrives, is thrown away and
 * the connection is dropped, so the producer retries a batch the broker already wrote.
 */
function dropProduceResponses(producer: Producer, every: number, max: number): { dropped: number } {
  const stats = { dropped: 0 };
  let n = 0;
  interceptProduce(producer, ({ conn, send, cb }) => {
    if (stats.dropped >= max || ++n % every !== 0) {
      send(cb);
      return;
    }
    send((err, res) => {
      if (err !== null) {
        cb(err, res);
        return;
      }
      stats.dropped++;
      conn.destroySocket();
      cb(new ClientError(ClientErrorCode.CONNECTION_ERROR, 'test: Produce response dropped', { retriable: true }));
    });
  });
  return stats;
}

bothBrokers('idempotent retries after lost responses write every record once (and without idempotence they do not)', { timeout: 180_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  try {
    for (const idempotent of [true, false]) {
      const topic = uniqueTopic(`idem-${idempotent}`);
      await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
      const producer = new Producer({ bootstrap: b.bootstrap, idempotent, batchSize: 600, lingerMs: 1, retryBackoffMs: 20 });
      const stats = dropProduceResponses(producer, 2, 4);
      const sends = [];
      for (let i = 0; i < 20; i++) sends.push(producer.send({ topic, messages: Array.from({ length: 20 }, (_, j) => ({ key: `k${j % 5}`, value: `v-${i}-${j}` })) }));
      const md = (await Promise.all(sends)).flat();
      await producer.close();
      assert.ok(stats.dropped >= 3, `responses were dropped (${stats.dropped})`);
      const ends = await admin.listOffsets([0, 1].map((partition) => ({ topic, partition, spec: 'latest' as const })));
      const total = Number(ends.reduce((sum, e) => sum + e.offset, 0n));
      const all = await consumeN({ bootstrap: b.bootstrap }, topic, [0, 1], total);
      assert.equal(new Set(all.map((r) => r.value!.toString())).size, 400, 'every record written');
      if (!idempotent) {
        assert.ok(total > 400, `the retried batches were written twice (${total} records)`);
        continue;
      }
      assert.equal(total, 400, 'no duplicates: the log holds exactly the 400 records');
      // Each record's reported partition and offset is where it is.
      const byValue = new Map(all.map((r) => [r.value!.toString(), r]));
      md.forEach((m, i) => {
        const v = `v-${Math.floor(i / 20)}-${i % 20}`;
        const r = byValue.get(v)!;
        assert.equal(`${r.partition}/${r.offset}`, `${m.partition}/${m.offset}`, `offset reported for ${v}`);
      });
    }
  } finally {
    await admin.close();
  }
});

bothBrokers('records produced by kcat are read by our consumer and ours by kcat, in every codec', { timeout: 180_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const admin = new Admin({ bootstrap: b.bootstrap });
  try {
    for (const compression of CODECS) {
      // Ours -> kcat (JSON envelope: key, payload, headers, partition, offset).
      const topic = uniqueTopic(`kc-${compression}`);
      await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
      const producer = new Producer({ bootstrap: b.bootstrap, compression });
      const sent = Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, value: `${compression} value ${i} ${'z'.repeat(i * 5)}`, headers: { h: `x${i}` } }));
      await producer.send({ topic, messages: sent });
      await producer.close();
      const out = await kcat(['-b', b.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-J'], { timeoutMs: 30_000 });
      const rows = out.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { key: string; payload: string; offset: number; headers?: string[] });
      assert.deepEqual(rows.map((r) => [r.offset, r.key, r.payload, r.headers]), sent.map((m, i) => [i, m.key, m.value, ['h', m.headers.h]]), `kcat reads ${compression}`);

      // kcat -> ours.
      const topic2 = uniqueTopic(`kp-${compression}`);
      await admin.createTopics([{ topic: topic2, numPartitions: 1, replicationFactor: 1 }]);
      const lines = Array.from({ length: 25 }, (_, i) => `key${i}:${compression} from kcat ${i} ${'y'.repeat(i * 3)}`);
      await kcat(['-b', b.bootstrap, '-P', '-t', topic2, '-p', '0', '-K:', '-z', compression, '-X', 'acks=all', '-H', 'origin=kcat'], { input: lines.join('\n') + '\n', timeoutMs: 30_000 });
      const got = await consumeN({ bootstrap: b.bootstrap }, topic2, [0], 25);
      assert.deepEqual(got.map((r) => `${r.key!.toString()}:${r.value!.toString()}`), lines, `we read kcat's ${compression}`);
      assert.deepEqual(got[0]!.headers.map((h) => [h.key, h.value!.toString()]), [['origin', 'kcat']]);
    }
  } finally {
    await admin.close();
  }
});

bothBrokers('send() to a topic that appears a moment later retries until its metadata is there; more partitions are picked up', { timeout: 60_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('late');
  const producer = new Producer({ bootstrap: b.bootstrap, allowAutoTopicCreation: false, retryBackoffMs: 50, metadataMaxAgeMs: 300 });
  try {
    const sent = producer.send({ topic, messages: [{ key: 'a', value: 'early' }] });
    await new Promise((r) => setTimeout(r, 400));
    await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
    const [md] = await sent;
    assert.equal(md!.offset, 0n);

    // After createPartitions, the periodic metadata refresh (metadataMaxAgeMs) spreads keys over the new partitions too.
    await admin.createPartitions([{ topic, count: 6 }]);
    await new Promise((r) => setTimeout(r, 400));
    await producer.send({ topic, messages: [{ value: 'starts the refresh' }] });
    await new Promise((r) => setTimeout(r, 300));
    const keys = Array.from({ length: 60 }, (_, i) => `key-${i}`);
    const mds = await producer.send({ topic, messages: keys.map((k) => ({ key: k, value: k })) });
    assert.ok(mds.some((m) => m.partition >= 2), 'keys land in the new partitions');
  } finally {
    await producer.close();
    await admin.close();
  }
});

bothBrokers('adaptiveLinger: an idle partition sends at once; records that come while its batch is in flight go together when the response comes', { timeout: 120_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('adaptive-linger');
  try {
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
    // A linger far beyond the test's timeout: only the adaptive rule lets these sends through.
    const producer = new Producer({ bootstrap: b.bootstrap, lingerMs: 3_600_000, adaptiveLinger: true });
    const requests: number[] = []; // records per Produce request
    let held: (() => void) | null = null;
    let hold = false;
    interceptProduce(producer, ({ body, send, cb }) => {
      const batch = (body as { topicData: Array<{ partitionData: Array<{ records: Buffer }> }> }).topicData[0]!.partitionData[0]!.records;
      requests.push(batch.readInt32BE(57)); // the record batch's record count
      const holdThis = hold;
      hold = false;
      send((err, res) => {
        if (holdThis) held = () => cb(err, res);
        else cb(err, res);
      });
    });
    await producer.send({ topic, messages: [{ value: 'first' }] });
    hold = true;
    const a = producer.send({ topic, messages: [{ value: 'a' }] });
    while (held === null) await new Promise((r) => setImmediate(r));
    // Its response is held: these two wait for it (the partition has a batch in flight), in one batch.
    const bc = [producer.send({ topic, messages: [{ value: 'b' }] })];
    await new Promise((r) => setImmediate(r));
    bc.push(producer.send({ topic, messages: [{ value: 'c' }] }));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    assert.deepEqual(requests, [1, 1], 'b and c wait while a is in flight');
    (held as () => void)();
    await a;
    const md = (await Promise.all(bc)).flat();
    assert.deepEqual(requests, [1, 1, 2], 'b and c went in one request after the response');
    assert.deepEqual(md.map((m) => m.offset), [2n, 3n]);
    await producer.close();
  } finally {
    await admin.close();
  }
});
