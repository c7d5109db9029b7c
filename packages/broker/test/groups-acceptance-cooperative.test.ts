// Acceptance: incremental cooperative rebalancing (KIP-429) with the Java 4.x client's
// CooperativeStickyAssignor and librdkafka's cooperative-sticky in ONE classic group (both use the
// protocol name "cooperative-sticky"). When a member joins, existing members give up only the
// partitions that move (the revoked set is a strict subset of what they own, never everything);
// when a member leaves, nobody revokes anything and its partitions are only added elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confluentKafka, toolOrSkip, type CkjsConsumer, type CkjsKafka } from '@tideline/interop';
import { startBroker } from '../src/index.js';
import { JavaMember, classicAssignment, until } from './helpers/groups.js';

const TOPIC = 'coop6';
const GROUP = 'coop-acceptance';
const ASSIGN = -175; // librdkafka ERR__ASSIGN_PARTITIONS
const REVOKE = -174; // librdkafka ERR__REVOKE_PARTITIONS
const JAVA_PROPS = ['partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor',
  'session.timeout.ms=6000', 'heartbeat.interval.ms=500', 'max.poll.interval.ms=20000'];

interface RdkEvent {
  kind: 'assign' | 'revoke';
  partitions: number[];
}

function ownedFrom(events: readonly RdkEvent[]): Set<number> {
  const s = new Set<number>();
  for (const e of events) {
    for (const p of e.partitions) {
      if (e.kind === 'assign') s.add(p);
      else s.delete(p);
    }
  }
  return s;
}

const sorted = (s: Iterable<number>): number[] => [...s].sort((x, y) => x - y);

test('cooperative-sticky across the Java client and librdkafka: only moved partitions are revoked', { timeout: 110_000 }, async (t) => {
  if (!toolOrSkip(t, 'confluent-kafka') || !toolOrSkip(t, 'java-client-4')) return;
  const { KafkaJS } = confluentKafka();
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-coop-'));
  const b = await startBroker({ dataDir: dir, port: 0, groups: { initialRebalanceDelayMs: 300 } });
  const ckjs: CkjsKafka = new KafkaJS.Kafka({ kafkaJS: { brokers: [b.bootstrap], logLevel: KafkaJS.logLevel.NOTHING } });
  let a: JavaMember | undefined;
  let c: JavaMember | undefined;
  let rdk: CkjsConsumer | undefined;
  const seen: string[] = [];
  try {
    const admin = ckjs.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6 }] });
    await admin.disconnect();
    const producer = ckjs.producer();
    await producer.connect();
    const produce = (from: number, n: number) => producer.send({ topic: TOPIC, messages: Array.from({ length: n }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}` })) });
    await produce(0, 60);

    // 1. Java member A alone: all six partitions.
    a = JavaMember.start('4', { bootstrap: b.bootstrap, topic: TOPIC, group: GROUP, props: JAVA_PROPS });
    await a.until('A owns all six partitions', (m) => m.owned().size === 6);
    assert.equal(classicAssignment(b, GROUP, TOPIC)?.protocol, 'cooperative-sticky');
    const aEventsBefore = a.membership().length;

    // 2. librdkafka member B joins: A gives up exactly the partitions B receives.
    const bEvents: RdkEvent[] = [];
    rdk = ckjs.consumer({
      kafkaJS: { groupId: GROUP, fromBeginning: true, partitionAssigners: ['cooperative-sticky'], sessionTimeout: 6000, heartbeatInterval: 500 },
      rebalance_cb: (err: { code: number }, assignment: Array<{ partition: number }>) => {
        if (err.code === ASSIGN || err.code === REVOKE) bEvents.push({ kind: err.code === ASSIGN ? 'assign' : 'revoke', partitions: sorted(assignment.map((x) => x.partition)) });
      },
    } as unknown as Parameters<CkjsKafka['consumer']>[0]);
    await rdk.connect();
    await rdk.subscribe({ topic: TOPIC });
    await rdk.run({ eachMessage: async ({ message }) => { seen.push(message.value!.toString()); } });
    await until('B owns three partitions', () => ownedFrom(bEvents).size === 3, 40_000, () => JSON.stringify(bEvents));
    await a.until('A owns three partitions', (m) => m.owned().size === 3);
    const aRevoked1 = a.membership().slice(aEventsBefore).filter((e) => e.event === 'revoked').flatMap((e) => e.partitions);
    assert.deepEqual(sorted(aRevoked1), sorted(ownedFrom(bEvents)), 'A revoked exactly what B received');
    assert.ok(aRevoked1.length === 3, `A revoked a strict subset of its six partitions: ${JSON.stringify(aRevoked1)}`);
    assert.ok(a.membership().slice(aEventsBefore).every((e) => e.event !== 'lost'));
    const aKept = sorted(a.owned());
    assert.ok(bEvents.every((e) => e.kind === 'assign'), 'B never had anything revoked');

    // 3. Java member C joins: A and B each give up one partition, kept partitions stay put.
    const aMark = a.membership().length;
    const bMark = bEvents.length;
    const bOwnedBefore = sorted(ownedFrom(bEvents));
    c = JavaMember.start('4', { bootstrap: b.bootstrap, topic: TOPIC, group: GROUP, props: JAVA_PROPS });
    await c.until('C owns two partitions', (m) => m.owned().size === 2, 40_000);
    await a.until('A owns two partitions', (m) => m.owned().size === 2);
    await until('B owns two partitions', () => ownedFrom(bEvents).size === 2, 20_000);
    const aRevoked2 = a.membership().slice(aMark).filter((e) => e.event === 'revoked').flatMap((e) => e.partitions);
    const bRevoked2 = bEvents.slice(bMark).filter((e) => e.kind === 'revoke').flatMap((e) => e.partitions);
    assert.equal(aRevoked2.length, 1, `A revoked one of its three: ${JSON.stringify(aRevoked2)}`);
    assert.equal(bRevoked2.length, 1, `B revoked one of its three: ${JSON.stringify(bRevoked2)}`);
    assert.ok(aKept.filter((p) => !aRevoked2.includes(p)).every((p) => a!.owned().has(p)), 'A keeps the rest without a revoke');
    assert.ok(bOwnedBefore.filter((p) => !bRevoked2.includes(p)).every((p) => ownedFrom(bEvents).has(p)), 'B keeps the rest without a revoke');
    assert.deepEqual(sorted(c.owned()), sorted([...aRevoked2, ...bRevoked2]), 'C received exactly what A and B gave up');
    const views = [sorted(a.owned()), sorted(ownedFrom(bEvents)), sorted(c.owned())];
    assert.deepEqual(views.flat().sort(), [0, 1, 2, 3, 4, 5], `one owner per partition: ${JSON.stringify(views)}`);
    const s = classicAssignment(b, GROUP, TOPIC)!;
    assert.deepEqual(views.map((v) => JSON.stringify(v)).sort(), [...s.byMember.values()].map((v) => JSON.stringify(v)).sort(), 'clients agree with the broker');

    // 4. C leaves: its partitions are added to A and B; nobody revokes anything.
    const aMark3 = a.membership().length;
    const bMark3 = bEvents.length;
    await produce(60, 60);
    await c.stop();
    await until('A and B own three partitions each', () => a!.owned().size === 3 && ownedFrom(bEvents).size === 3, 40_000);
    assert.deepEqual(a.membership().slice(aMark3).filter((e) => e.event === 'revoked' && e.partitions.length > 0), [], 'A revoked nothing');
    assert.deepEqual(bEvents.slice(bMark3).filter((e) => e.kind === 'revoke'), [], 'B revoked nothing');
    const all = () => new Set([...seen, ...a!.records().map((r) => r.value), ...c!.records().map((r) => r.value)]);
    await until('all 120 records consumed', () => all().size === 120, 30_000);
    const total = seen.length + a.records().length + c.records().length;
    t.diagnostic(`A revoked ${JSON.stringify(aRevoked1)} when B joined, A ${JSON.stringify(aRevoked2)} and B ${JSON.stringify(bRevoked2)} when C joined; `
      + `records=120 consumed=${total} duplicates=${total - all().size}`);
    await producer.disconnect();
  } finally {
    await c?.dispose();
    await a?.dispose();
    await rdk?.disconnect().catch(() => {});
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
