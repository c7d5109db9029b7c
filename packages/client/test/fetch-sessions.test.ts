// Incremental fetch sessions (KIP-227) as the consumer uses them, against Tideline and Apache
// Kafka: the first Fetch asks for a session (epoch 0, every partition), the broker answers with a
// session id, later Fetches carry that id with epochs 1, 2, 3... and only the partitions whose
// fetch offset changed; with fetchSessions: false every Fetch is full and sessionless.
import assert from 'node:assert/strict';
import { ApiKey, type ApiTypes } from '@tideline/protocol';
import { Admin, Consumer, Producer } from '../src/index.js';
import type { Connection } from '../src/internal.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { onEachConnection } from './helpers.js';

useApacheKafka();

interface SeenFetch {
  sessionId: number;
  sessionEpoch: number;
  partitions: number;
  responseSessionId: number;
}

/** Records every Fetch the consumer sends (session id, epoch, partition count) and the session id answered. */
function watchFetches(consumer: Consumer): SeenFetch[] {
  const seen: SeenFetch[] = [];
  onEachConnection(consumer, (conn) => {
    const request = conn.request.bind(conn) as Connection['request'];
    conn.request = (async (apiKey: number, body: unknown, opts?: { version?: number; timeoutMs?: number }) => {
      const res = await (request as (k: number, b: unknown, o?: unknown) => Promise<unknown>)(apiKey, body, opts);
      if (apiKey === ApiKey.Fetch) {
        const req = body as ApiTypes[1]['requestInput'];
        seen.push({
          sessionId: req.sessionId ?? 0, sessionEpoch: req.sessionEpoch ?? -1,
          partitions: (req.topics ?? []).reduce((n, t) => n + (t.partitions?.length ?? 0), 0),
          responseSessionId: (res as ApiTypes[1]['response']).sessionId,
        });
      }
      return res;
    }) as Connection['request'];
  });
  return seen;
}

async function readAll(consumer: Consumer, topic: string, partitions: number, count: number): Promise<number> {
  consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, offset: 'earliest' as const })));
  let got = 0;
  const timer = setTimeout(() => void consumer.close(), 30_000);
  try {
    for await (const b of consumer.batches()) {
      got += b.records.length;
      if (got >= count) break;
    }
  } finally {
    clearTimeout(timer);
  }
  return got;
}

bothBrokers('fetch sessions: a session id from the first Fetch, increasing epochs, incremental requests; none when disabled', { timeout: 90_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('sessions');
  try {
    await admin.createTopics([{ topic, numPartitions: 6, replicationFactor: 1 }]);
    const producer = new Producer({ bootstrap: b.bootstrap });
    // Partition 0 gets many small fetches' worth (maxPartitionBytes is small below); the others a record each.
    await producer.send({ topic, messages: Array.from({ length: 400 }, (_, i) => ({ value: `p0-${i}-${'x'.repeat(200)}`, partition: 0 })) });
    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ value: `other-${i}`, partition: i + 1 })) });
    await producer.close();

    const withSessions = new Consumer({ bootstrap: b.bootstrap, maxPartitionBytes: 8 * 1024, maxWaitMs: 100 });
    const seen = watchFetches(withSessions);
    try {
      assert.equal(await readAll(withSessions, topic, 6, 405), 405);
    } finally {
      await withSessions.close();
    }
    assert.ok(seen.length >= 4, `several fetches (${seen.length})`);
    const [first, ...rest] = seen;
    assert.deepEqual([first!.sessionId, first!.sessionEpoch, first!.partitions], [0, 0, 6], 'the first Fetch is full and asks for a session');
    const id = first!.responseSessionId;
    assert.notEqual(id, 0, 'the broker opened a session');
    rest.forEach((f, i) => {
      assert.equal(f.sessionId, id, `fetch ${i + 1} uses the session`);
      assert.equal(f.sessionEpoch, i + 1, `fetch ${i + 1} has epoch ${i + 1}`);
    });
    assert.ok(rest.some((f) => f.partitions < 6), `incremental fetches leave out unchanged partitions (${rest.map((f) => f.partitions).join(',')})`);

    const without = new Consumer({ bootstrap: b.bootstrap, fetchSessions: false, maxPartitionBytes: 8 * 1024, maxWaitMs: 100 });
    const plain = watchFetches(without);
    try {
      assert.equal(await readAll(without, topic, 6, 405), 405);
    } finally {
      await without.close();
    }
    assert.ok(plain.every((f) => f.sessionId === 0 && f.sessionEpoch === -1 && f.partitions === 6), 'sessionless full fetches');
  } finally {
    await admin.close();
  }
});
