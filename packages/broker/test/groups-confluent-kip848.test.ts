// librdkafka's KIP-848 mode (group.protocol=consumer, through @confluentinc/kafka-javascript on the
// librdkafka the harness builds): members join a consumer group driven by ConsumerGroupHeartbeat,
// the broker's server-side assignor splits the partitions, a second member takes only what moves,
// and a clean leave hands its partitions back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confluentKafka, toolOrSkip, type CkjsConsumer, type CkjsKafka } from '@tideline/interop';
import { startBroker } from '../src/index.js';

const ASSIGN = -175; // ERR__ASSIGN_PARTITIONS
const REVOKE = -174; // ERR__REVOKE_PARTITIONS
const GROUP = 'kip848-ckjs';

async function until(what: string, cond: () => boolean, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The partitions a member owns, from its rebalance callbacks (incremental in KIP-848 mode). */
class Ownership {
  readonly owned = new Set<number>();
  revoked: number[] = [];
  onRebalance = (err: { code: number }, assignment: Array<{ partition: number }>): void => {
    const ps = assignment.map((a) => a.partition);
    if (err.code === ASSIGN) for (const p of ps) this.owned.add(p);
    if (err.code === REVOKE) {
      for (const p of ps) this.owned.delete(p);
      this.revoked.push(...ps);
    }
  };
}

function kip848Consumer(kafka: CkjsKafka, bootstrap: string, own: Ownership): CkjsConsumer {
  const config = {
    kafkaJS: { groupId: GROUP, fromBeginning: true },
    'bootstrap.servers': bootstrap,
    'group.protocol': 'consumer',
    rebalance_cb: own.onRebalance,
  };
  return kafka.consumer(config as unknown as Parameters<CkjsKafka['consumer']>[0]);
}

test('librdkafka KIP-848 consumer group (group.protocol=consumer): server-side assignment, incremental handover, clean leave', { timeout: 150_000 }, async (t) => {
  if (!toolOrSkip(t, 'confluent-kafka')) return;
  const { KafkaJS, librdkafkaVersion } = confluentKafka();
  t.diagnostic(`librdkafka ${librdkafkaVersion}`);
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-ckjs848-'));
  const b = await startBroker({ dataDir: dir, port: 0 });
  const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: [b.bootstrap], logLevel: KafkaJS.logLevel.NOTHING } });
  const consumers: CkjsConsumer[] = [];
  try {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'k848', numPartitions: 6 }] });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    const produce = async (from: number, n: number): Promise<void> => {
      await producer.send({ topic: 'k848', messages: Array.from({ length: n }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}` })) });
    };
    await produce(0, 60);

    const seen = new Map<string, number>();
    const byPartitionA = new Set<number>();
    const byPartitionB = new Set<number>();
    const a = new Ownership();
    const bOwn = new Ownership();
    const ca = kip848Consumer(kafka, b.bootstrap, a);
    consumers.push(ca);
    await ca.connect();
    await ca.subscribe({ topic: 'k848' });
    await ca.run({ eachMessage: async ({ partition, message }) => {
      byPartitionA.add(partition);
      const v = message.value!.toString();
      seen.set(v, (seen.get(v) ?? 0) + 1);
    } });
    await until('A owns all six partitions', () => a.owned.size === 6);
    await until('A consumed the first 60 records', () => seen.size === 60);
    const g = b.broker.groups.get(GROUP);
    assert.equal(g?.type, 'consumer', 'a KIP-848 group on the broker, not a classic one');

    const cb = kip848Consumer(kafka, b.bootstrap, bOwn);
    consumers.push(cb);
    await cb.connect();
    await cb.subscribe({ topic: 'k848' });
    await cb.run({ eachMessage: async ({ partition, message }) => {
      byPartitionB.add(partition);
      const v = message.value!.toString();
      seen.set(v, (seen.get(v) ?? 0) + 1);
    } });
    await until('the partitions are split 3/3', () => a.owned.size === 3 && bOwn.owned.size === 3);
    for (const p of a.owned) assert.ok(!bOwn.owned.has(p), `partition ${p} has two owners`);
    assert.deepEqual([...a.revoked].sort(), [...bOwn.owned].sort(), 'A gave up exactly the partitions B got, and nothing else');
    assert.equal(g?.type === 'consumer' ? g.members.size : -1, 2);

    await produce(60, 60);
    await until('every record of the second round consumed', () => seen.size === 120);
    for (const p of byPartitionB) assert.ok(bOwn.owned.has(p), `B read partition ${p}, which it does not own`);

    // B leaves cleanly (member epoch -1): A gets all six partitions back and reads what follows.
    await cb.disconnect();
    consumers.splice(consumers.indexOf(cb), 1);
    await until('A owns all six partitions again', () => a.owned.size === 6);
    await produce(120, 60);
    await until('A consumed the third round', () => seen.size === 180);
    const dupes = [...seen].filter(([, n]) => n > 1).length;
    t.diagnostic(`180 records, ${dupes} delivered twice (at-least-once across the handovers)`);
    await producer.disconnect();
  } finally {
    for (const c of consumers) await c.disconnect().catch(() => {});
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
