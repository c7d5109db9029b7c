// A classic group with @confluentinc/kafka-javascript (librdkafka) and the cooperative-sticky
// assignor: when a second member joins, the first gives up only the partitions that move
// (incremental rebalance, KIP-429), seen through the rebalance callbacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confluentKafka, toolOrSkip, type CkjsConsumer, type CkjsKafka } from '@tideline/interop';
import { startBroker } from '../src/index.js';

const ASSIGN = -175; // ERR__ASSIGN_PARTITIONS
const REVOKE = -174; // ERR__REVOKE_PARTITIONS

interface RebalanceEvent {
  kind: 'assign' | 'revoke';
  partitions: number[];
}

async function until(what: string, cond: () => boolean, timeoutMs = 40_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function owned(events: readonly RebalanceEvent[]): Set<number> {
  const s = new Set<number>();
  for (const e of events) {
    for (const p of e.partitions) {
      if (e.kind === 'assign') s.add(p);
      else s.delete(p);
    }
  }
  return s;
}

function cooperativeConsumer(kafka: CkjsKafka, bootstrap: string, events: RebalanceEvent[]): CkjsConsumer {
  const config = {
    kafkaJS: { groupId: 'coop-g', fromBeginning: true, partitionAssigners: ['cooperative-sticky'], sessionTimeout: 6000, heartbeatInterval: 500 },
    'bootstrap.servers': bootstrap,
    rebalance_cb: (err: { code: number }, assignment: Array<{ partition: number }>) => {
      if (err.code === ASSIGN || err.code === REVOKE) {
        events.push({ kind: err.code === ASSIGN ? 'assign' : 'revoke', partitions: assignment.map((a) => a.partition).sort((a, b) => a - b) });
      }
    },
  };
  return kafka.consumer(config as unknown as Parameters<CkjsKafka['consumer']>[0]);
}

test('@confluentinc/kafka-javascript cooperative-sticky: a joining member takes only the partitions that move', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'confluent-kafka')) return;
  const { KafkaJS } = confluentKafka();
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-ckjs-'));
  const b = await startBroker({ dataDir: dir, port: 0, groups: { initialRebalanceDelayMs: 300 } });
  const kafka = new KafkaJS.Kafka({ kafkaJS: { brokers: [b.bootstrap], logLevel: KafkaJS.logLevel.NOTHING } });
  const consumers: CkjsConsumer[] = [];
  try {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'coop', numPartitions: 6 }] });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'coop', messages: Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
    await producer.disconnect();

    const seen = new Set<string>();
    const eventsA: RebalanceEvent[] = [];
    const eventsB: RebalanceEvent[] = [];
    const a = cooperativeConsumer(kafka, b.bootstrap, eventsA);
    consumers.push(a);
    await a.connect();
    await a.subscribe({ topic: 'coop' });
    await a.run({ eachMessage: async ({ message }) => { seen.add(message.value!.toString()); } });
    await until('A owns all six partitions', () => owned(eventsA).size === 6);
    await until('A consumed everything', () => seen.size === 60);
    assert.equal(b.broker.groups.classic('coop-g')?.protocolName, 'cooperative-sticky');

    const c = cooperativeConsumer(kafka, b.bootstrap, eventsB);
    consumers.push(c);
    await c.connect();
    await c.subscribe({ topic: 'coop' });
    await c.run({ eachMessage: async ({ message }) => { seen.add(message.value!.toString()); } });
    await until('B owns three partitions', () => owned(eventsB).size === 3);
    await until('A owns three partitions', () => owned(eventsA).size === 3);
    const revoked = eventsA.filter((e) => e.kind === 'revoke').flatMap((e) => e.partitions);
    assert.equal(revoked.length, 3, `only the moved partitions are revoked (events: ${JSON.stringify(eventsA)})`);
    assert.deepEqual([...owned(eventsB)].sort(), revoked.sort(), 'B got exactly what A gave up');
    for (const p of owned(eventsA)) assert.ok(!owned(eventsB).has(p), `partition ${p} has two owners`);
    const g = b.broker.groups.classic('coop-g')!;
    assert.equal(g.state, 'Stable');
    assert.equal(g.members.size, 2);
  } finally {
    for (const c of consumers) await c.disconnect().catch(() => {});
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
