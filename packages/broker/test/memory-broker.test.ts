// An in-memory broker (storage 'memory://') keeps logs, topics, producer state, producer-id
// blocks and the cluster id in memory: it writes nothing under its data dir. Tests run as root,
// which ignores permission bits, so the read-only dir is also checked to be still empty, and a
// missing dir not to be created.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { toolOrSkip } from '@tideline/interop';
import { ErrorCode } from '@tideline/protocol';
import { startBroker, type RunningBroker } from '../src/index.js';

const TIMEOUT = 90_000;

const kafkaFor = (b: RunningBroker): Kafka =>
  new Kafka({ clientId: 'memory', brokers: [b.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 100 } });

async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const listing = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String).sort();

test('memory:// broker with a read-only data dir: topics, idempotent and transactional produce, read_committed fetch, group commit; no file written', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  const root = mkdtempSync(join(tmpdir(), 'tideline-memory-'));
  const readOnly = join(root, 'read-only');
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o555);
  t.after(() => {
    chmodSync(readOnly, 0o755);
    rmSync(root, { recursive: true, force: true });
  });
  const before = listing(root);

  const b = await startBroker({ dataDir: readOnly, storage: 'memory://', port: 0, groups: { initialRebalanceDelayMs: 0 } });
  const kafka = kafkaFor(b);
  const admin = kafka.admin();
  const idem = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const tx = kafka.producer({ transactionalId: 'memory-tx', idempotent: true, maxInFlightRequests: 1 });
  const consumer = kafka.consumer({ groupId: 'memory-group', maxWaitTimeInMs: 200 });
  try {
    await Promise.all([admin.connect(), idem.connect(), tx.connect()]);
    assert.equal(await admin.createTopics({ topics: [{ topic: 'mem', numPartitions: 2 }] }), true);
    const cluster = await admin.describeCluster();
    assert.match(cluster.clusterId, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(cluster.clusterId, b.broker.config.clusterId);
    assert.equal(b.broker.config.dataDir, readOnly, 'DescribeLogDirs and log.dirs report the data dir');

    await idem.send({ topic: 'mem', acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ value: `idem-${i}`, partition: i % 2 })) });
    let txn = await tx.transaction();
    await txn.send({ topic: 'mem', messages: Array.from({ length: 4 }, (_, i) => ({ value: `committed-${i}`, partition: i % 2 })) });
    await txn.commit();
    txn = await tx.transaction();
    await txn.send({ topic: 'mem', messages: Array.from({ length: 3 }, (_, i) => ({ value: `aborted-${i}`, partition: i % 2 })) });
    await txn.abort();

    const got: Array<{ partition: number; offset: bigint; value: string }> = [];
    await consumer.connect();
    await consumer.subscribe({ topic: 'mem', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ partition, message }) => void got.push({ partition, offset: BigInt(message.offset), value: message.value!.toString() }) });
    await until('14 committed records', () => got.length >= 14);
    await new Promise((r) => setTimeout(r, 300)); // nothing more may arrive
    await consumer.stop();
    const want = [...Array.from({ length: 10 }, (_, i) => `idem-${i}`), ...Array.from({ length: 4 }, (_, i) => `committed-${i}`)];
    assert.deepEqual(got.map((r) => r.value).sort(), want.sort(), 'read_committed: every committed record, no aborted one');

    const committed = (await admin.fetchOffsets({ groupId: 'memory-group', topics: ['mem'] }))[0]!.partitions;
    for (const p of [0, 1]) {
      const last = got.filter((r) => r.partition === p).reduce((m, r) => (r.offset > m ? r.offset : m), -1n);
      const c = committed.find((x) => x.partition === p);
      assert.ok(c !== undefined && BigInt(c.offset) > last, `partition ${p}: group offset ${c?.offset} past the last record read (${last})`);
    }
  } finally {
    await consumer.disconnect().catch(() => {});
    await Promise.all([admin.disconnect(), idem.disconnect(), tx.disconnect()]);
    await b.close();
  }
  assert.deepEqual(listing(readOnly), [], 'nothing written under the data dir');

  // A data dir that does not exist is not created; without one the storage URL is what is reported.
  const missing = join(root, 'missing');
  const m = await startBroker({ dataDir: missing, storage: 'memory://', port: 0 });
  const p = kafkaFor(m).producer({ idempotent: true, maxInFlightRequests: 1 });
  try {
    await p.connect();
    const acks = await p.send({ topic: 'auto', acks: -1, messages: [{ value: 'x' }] });
    assert.equal(acks[0]!.errorCode, ErrorCode.NONE);
  } finally {
    await p.disconnect();
    await m.close();
  }
  assert.equal(existsSync(missing), false, 'a missing data dir is not created');
  const bare = await startBroker({ storage: 'memory://', port: 0 });
  assert.equal(bare.broker.config.dataDir, 'memory://');
  await bare.close();
  assert.deepEqual(listing(root), before, 'nothing else appeared next to it');
});

test('startBroker without a dataDir needs a storage URL', async () => {
  await assert.rejects(startBroker({ port: 0 }), TypeError);
});
