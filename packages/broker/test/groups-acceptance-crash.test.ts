// Acceptance: a consumer process dies by kill -9 in the middle of consumption. A Java 4.x member
// (committing every second, so it dies with processed but uncommitted records), a KafkaJS member
// and a librdkafka member share a classic group over six partitions while a producer keeps
// writing. After the session timeout the broker expires the dead member, its partitions move to
// the survivors, and they resume from its last committed offset: records it processed after that
// commit are read again (duplicates, allowed: at-least-once), nothing is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, PartitionAssigners, type Consumer } from 'kafkajs';
import { confluentKafka, toolOrSkip, type CkjsConsumer, type CkjsKafka } from '@tideline/interop';
import { startBroker } from '../src/index.js';
import { GenerationRecorder, JavaMember, classicAssignment, sleep, until } from './helpers/groups.js';

const TOPIC = 'crash6';
const GROUP = 'crash-acceptance';
const TOTAL = 2400;
const SESSION_MS = 6000;

interface Consumed {
  who: 'kafkajs' | 'librdkafka';
  partition: number;
  offset: number;
  value: string;
  at: number;
}

test('kill -9 of a Java group member: survivors take its partitions after the session timeout and resume from its last commit', { timeout: 110_000 }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs') || !toolOrSkip(t, 'confluent-kafka') || !toolOrSkip(t, 'java-client-4')) return;
  const { KafkaJS } = confluentKafka();
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-crash-'));
  const b = await startBroker({ dataDir: dir, port: 0, groups: { initialRebalanceDelayMs: 300 } });
  const kafka = new Kafka({ clientId: 'crash-kjs', brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
  const ckjs: CkjsKafka = new KafkaJS.Kafka({ kafkaJS: { brokers: [b.bootstrap], logLevel: KafkaJS.logLevel.NOTHING } });
  const recorder = new GenerationRecorder(b, GROUP, TOPIC);
  const consumed: Consumed[] = [];
  let kjs: Consumer | undefined;
  let rdk: CkjsConsumer | undefined;
  let victim: JavaMember | undefined;
  const admin = kafka.admin();
  const producer = kafka.producer();
  let producing: Promise<void> | undefined;
  try {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6 }], waitForLeaders: true });
    await producer.connect();

    kjs = kafka.consumer({
      groupId: GROUP, sessionTimeout: SESSION_MS, heartbeatInterval: 500, rebalanceTimeout: 20_000, maxWaitTimeInMs: 200,
      partitionAssigners: [(cfg) => ({ ...PartitionAssigners.roundRobin(cfg), name: 'roundrobin' })],
    });
    await kjs.connect();
    await kjs.subscribe({ topic: TOPIC, fromBeginning: true });
    await kjs.run({
      autoCommitInterval: 200,
      eachMessage: async ({ partition, message }) => {
        consumed.push({ who: 'kafkajs', partition, offset: Number(message.offset), value: message.value!.toString(), at: Date.now() });
      },
    });
    rdk = ckjs.consumer({
      kafkaJS: { groupId: GROUP, fromBeginning: true, partitionAssigners: ['roundrobin'], sessionTimeout: SESSION_MS, heartbeatInterval: 500, autoCommitInterval: 200 },
      'max.poll.interval.ms': 20_000,
    } as unknown as Parameters<CkjsKafka['consumer']>[0]);
    await rdk.connect();
    await rdk.subscribe({ topic: TOPIC });
    await rdk.run({
      eachMessage: async ({ partition, message }) => {
        consumed.push({ who: 'librdkafka', partition, offset: Number(message.offset), value: message.value!.toString(), at: Date.now() });
      },
    });
    victim = JavaMember.start('4', {
      bootstrap: b.bootstrap, topic: TOPIC, group: GROUP, commitIntervalMs: 1000,
      props: ['partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor',
        `session.timeout.ms=${SESSION_MS}`, 'heartbeat.interval.ms=500', 'max.poll.interval.ms=20000', 'max.poll.records=50'],
    });
    const stableWith = (n: number) => () => {
      const s = classicAssignment(b, GROUP, TOPIC);
      return s?.state === 'Stable' && s.byMember.size === n && [...s.byMember.values()].every((ps) => ps.length === 6 / n);
    };
    await until('three members own two partitions each', stableWith(3), 40_000);
    await victim.until('the Java member owns two partitions', (m) => m.owned().size === 2);

    // A steady producer: 20 records every 50 ms, ~6 s in all, spanning the crash and the rebalance.
    producing = (async () => {
      for (let i = 0; i < TOTAL; i += 20) {
        await producer.send({ topic: TOPIC, acks: -1, messages: Array.from({ length: 20 }, (_, j) => ({ key: `k${i + j}`, value: `v${i + j}` })) });
        await sleep(50);
      }
    })();

    // Kill it between two commits, with some processed records not committed yet.
    const uncommitted = (m: JavaMember) => {
      const c = m.committed();
      return m.records().filter((r) => r.offset >= (c.get(r.partition) ?? 0)).length;
    };
    await victim.until('the Java member processed 150 records, committed, and has 10 uncommitted',
      (m) => m.records().length >= 150 && m.committed().size === 2 && uncommitted(m) >= 10, 40_000);
    const victimPartitions = [...victim.owned()].sort();
    const genAtKill = classicAssignment(b, GROUP, TOPIC)!.generation;
    await victim.kill9();
    const killedAt = Date.now();
    const victimRecords = victim.records();
    // Nobody else owns its partitions until the session expires: these are its last commits.
    const committedAtKill = new Map<number, number>();
    for (const p of (await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] }))[0]!.partitions) {
      if (victimPartitions.includes(p.partition)) committedAtKill.set(p.partition, Number(p.offset));
    }
    assert.equal(classicAssignment(b, GROUP, TOPIC)!.byMember.size, 3, 'the dead member is still in the group');

    await until('two survivors own three partitions each', () => stableWith(2)() && classicAssignment(b, GROUP, TOPIC)!.generation > genAtKill, 40_000);
    const movedAfterMs = Date.now() - killedAt;
    assert.ok(movedAfterMs >= SESSION_MS - 1500, `partitions moved after the session timeout (${movedAfterMs} ms)`);
    await producing;
    const distinct = () => new Set([...consumed.map((c) => c.value), ...victimRecords.map((r) => r.value)]);
    await until(`all ${TOTAL} records consumed`, () => distinct().size === TOTAL, 40_000, () => `${distinct().size} distinct`);

    // The survivors resumed each of the victim's partitions at its last committed offset.
    for (const p of victimPartitions) {
      const commit = committedAtKill.get(p);
      assert.ok(commit !== undefined && commit >= 0, `the victim committed partition ${p}`);
      const after = consumed.filter((c) => c.partition === p && c.at >= killedAt).sort((x, y) => x.offset - y.offset);
      assert.ok(after.length > 0, `partition ${p} read by a survivor`);
      assert.equal(after[0]!.offset, commit, `partition ${p} resumes at the victim's last commit`);
    }
    // Every record the victim processed after its last commit is read again by a survivor (those
    // are its duplicates); what it committed is not. Survivors may add duplicates of their own when
    // the eager rebalance moves partitions between them (commits are periodic). Losses: none.
    const all = [...consumed.map((c) => c.value), ...victimRecords.map((r) => r.value)];
    const survivorValues = new Set(consumed.filter((c) => c.at >= killedAt).map((c) => c.value));
    const victimUncommitted = victimRecords.filter((r) => r.offset >= committedAtKill.get(r.partition)!);
    const victimCommitted = victimRecords.filter((r) => r.offset < committedAtKill.get(r.partition)!);
    for (const r of victimUncommitted) assert.ok(survivorValues.has(r.value), `${r.value} (uncommitted by the victim) read again`);
    for (const r of victimCommitted) assert.ok(!survivorValues.has(r.value), `${r.value} (committed by the victim) not read again`);
    const duplicates = all.length - new Set(all).size;
    const losses = TOTAL - distinct().size;
    t.diagnostic(`records=${TOTAL} consumed=${all.length} distinct=${new Set(all).size} duplicates=${duplicates} `
      + `(victim's uncommitted re-read=${victimUncommitted.length}) losses=${losses} victim processed=${victimRecords.length} `
      + `partitions=${victimPartitions.join(',')} committed at kill=${JSON.stringify([...committedAtKill])} moved after ${movedAfterMs} ms`);
    assert.equal(losses, 0);
    recorder.stop();
    recorder.assertExclusiveAndComplete(6);
  } finally {
    recorder.stop();
    await producing?.catch(() => {});
    await victim?.dispose();
    await kjs?.disconnect().catch(() => {});
    await rdk?.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
