// Acceptance: KafkaJS, @confluentinc/kafka-javascript (librdkafka) and the Java 4.x client as
// members of ONE classic group over a 6-partition topic, all with a round-robin assignor (KafkaJS's
// under the name "roundrobin", librdkafka's "roundrobin", Java's RoundRobinAssignor, whose protocol
// name is "roundrobin"). Checked: every stable generation gives each partition to exactly one
// member; each client's own view of its partitions matches the broker's; every record is consumed;
// commits are honoured (the Java member's partitions resume at its last commit when it leaves, the
// final committed offsets equal the high watermarks, and a new member after everyone left reads
// only what came later).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, PartitionAssigners, type Consumer } from 'kafkajs';
import { confluentKafka, toolOrSkip, type CkjsConsumer, type CkjsKafka } from '@tideline/interop';
import { startBroker } from '../src/index.js';
import { consumerLag } from '../src/groups/lag.js';
import { GenerationRecorder, JavaMember, classicAssignment, produce, until } from './helpers/groups.js';

const TOPIC = 'mixed6';
const GROUP = 'mixed-acceptance';
const ASSIGN = -175; // librdkafka ERR__ASSIGN_PARTITIONS
const REVOKE = -174; // librdkafka ERR__REVOKE_PARTITIONS

interface Consumed {
  who: 'kafkajs' | 'librdkafka';
  partition: number;
  offset: number;
  value: string;
  at: number;
}

test('mixed classic group: KafkaJS + librdkafka + Java 4.x over six partitions', { timeout: 110_000 }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs') || !toolOrSkip(t, 'confluent-kafka') || !toolOrSkip(t, 'java-client-4')) return;
  const { KafkaJS } = confluentKafka();
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-mixed-'));
  const b = await startBroker({ dataDir: dir, port: 0, groups: { initialRebalanceDelayMs: 300 } });
  const kafka = new Kafka({ clientId: 'mixed-kjs', brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
  const ckjs: CkjsKafka = new KafkaJS.Kafka({ kafkaJS: { brokers: [b.bootstrap], logLevel: KafkaJS.logLevel.NOTHING } });
  const recorder = new GenerationRecorder(b, GROUP, TOPIC);
  const consumed: Consumed[] = [];
  let kjs: Consumer | undefined;
  let late: Consumer | undefined;
  let rdk: CkjsConsumer | undefined;
  let java: JavaMember | undefined;
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 6 }], waitForLeaders: true });
    await produce(kafka, TOPIC, 0, 120);

    // 1. KafkaJS alone.
    let kjsAssignment: number[] = [];
    kjs = kafka.consumer({
      groupId: GROUP, sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 20_000, maxWaitTimeInMs: 200,
      partitionAssigners: [(cfg) => ({ ...PartitionAssigners.roundRobin(cfg), name: 'roundrobin' })],
    });
    kjs.on(kjs.events.GROUP_JOIN, (e) => { kjsAssignment = [...(e.payload.memberAssignment[TOPIC] ?? [])].sort((x, y) => x - y); });
    await kjs.connect();
    await kjs.subscribe({ topic: TOPIC, fromBeginning: true });
    await kjs.run({
      autoCommitInterval: 200,
      eachMessage: async ({ partition, message }) => {
        consumed.push({ who: 'kafkajs', partition, offset: Number(message.offset), value: message.value!.toString(), at: Date.now() });
      },
    });
    const stableWith = (n: number) => () => {
      const s = classicAssignment(b, GROUP, TOPIC);
      return s?.state === 'Stable' && s.byMember.size === n && [...s.byMember.values()].every((ps) => ps.length === 6 / n);
    };
    await until('KafkaJS alone owns six partitions', stableWith(1));

    // 2. librdkafka joins.
    const rdkOwned = new Set<number>();
    rdk = ckjs.consumer({
      kafkaJS: { groupId: GROUP, fromBeginning: true, partitionAssigners: ['roundrobin'], sessionTimeout: 6000, heartbeatInterval: 500, autoCommitInterval: 200 },
      'max.poll.interval.ms': 20_000,
      rebalance_cb: (err: { code: number }, assignment: Array<{ partition: number }>) => {
        for (const a of assignment) {
          if (err.code === ASSIGN) rdkOwned.add(a.partition);
          else if (err.code === REVOKE) rdkOwned.delete(a.partition);
        }
      },
    } as unknown as Parameters<CkjsKafka['consumer']>[0]);
    await rdk.connect();
    await rdk.subscribe({ topic: TOPIC });
    await rdk.run({
      eachMessage: async ({ partition, message }) => {
        consumed.push({ who: 'librdkafka', partition, offset: Number(message.offset), value: message.value!.toString(), at: Date.now() });
      },
    });
    await until('KafkaJS and librdkafka own three partitions each', stableWith(2));

    // 3. The Java client joins.
    java = JavaMember.start('4', {
      bootstrap: b.bootstrap, topic: TOPIC, group: GROUP,
      props: ['partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor',
        'session.timeout.ms=6000', 'heartbeat.interval.ms=500', 'max.poll.interval.ms=20000'],
    });
    await until('three members own two partitions each', stableWith(3), 40_000);
    assert.equal(classicAssignment(b, GROUP, TOPIC)!.protocol, 'roundrobin');
    await produce(kafka, TOPIC, 120, 120);
    const javaValues = () => java!.records().map((r) => r.value);
    const distinct = () => new Set([...consumed.map((c) => c.value), ...javaValues()]);
    await until('240 records consumed', () => distinct().size === 240, 40_000);

    // Each client's own view equals the broker's, and the three views partition 0..5.
    const s3 = classicAssignment(b, GROUP, TOPIC)!;
    await java.until('Java sees its assignment', (m) => m.owned().size === 2);
    const javaId = java.membership().at(-1)!.memberId;
    assert.deepEqual([...java.owned()].sort(), s3.byMember.get(javaId), 'Java agrees with the broker');
    assert.equal(java.membership().at(-1)!.generation, s3.generation, 'Java is in the broker\'s generation');
    await until('the other clients see their assignment', () => kjsAssignment.length === 2 && rdkOwned.size === 2);
    const views = [kjsAssignment, [...rdkOwned].sort(), [...java.owned()].sort()];
    assert.deepEqual(views.flat().sort(), [0, 1, 2, 3, 4, 5], `client views are disjoint and complete: ${JSON.stringify(views)}`);
    assert.deepEqual(views.map((v) => JSON.stringify(v)).sort(), [...s3.byMember.values()].map((v) => JSON.stringify(v)).sort());

    // 4. The Java member leaves cleanly (commits, LeaveGroup): its partitions resume at its commits.
    const javaPartitions = [...java.owned()];
    const genBefore = s3.generation;
    const leftAt = Date.now();
    await java.stop();
    assert.ok(java.events('closed').length === 1, java.stderr());
    // Java commits what it processed (in onPartitionsRevoked and on close); a partition it owned
    // without receiving records has no commit of its own and is not checked here.
    const javaCommits = java.committed();
    await until('two members again in a later generation', () => stableWith(2)() && classicAssignment(b, GROUP, TOPIC)!.generation > genBefore, 40_000);
    await produce(kafka, TOPIC, 240, 60);
    await until('300 records consumed', () => distinct().size === 300, 40_000);
    const offsets = await admin.fetchTopicOffsets(TOPIC);
    let resumed = 0;
    for (const p of javaPartitions) {
      const commit = javaCommits.get(p);
      const high = Number(offsets.find((o) => o.partition === p)!.high);
      if (commit === undefined || high <= commit) continue;
      const firstAfter = consumed.filter((c) => c.partition === p && c.at >= leftAt).sort((x, y) => x.offset - y.offset)[0];
      assert.ok(firstAfter !== undefined, `partition ${p} read after the Java member left`);
      assert.equal(firstAfter.offset, commit, `partition ${p} resumes at the Java member's commit`);
      resumed++;
    }
    assert.ok(resumed > 0, `a partition of the Java member was resumed from its commit: ${JSON.stringify(java.lines.filter((l) => l.event !== undefined))}`);
    const javaSet = new Set(javaValues());
    assert.deepEqual(consumed.filter((c) => c.at >= leftAt && javaSet.has(c.value)), [], 'nothing the Java member processed and committed is read again');

    // 5. Everything committed; everyone leaves; a late member reads only newer records.
    await until('committed offsets reach the high watermarks', () => {
      const lag = consumerLag(b.broker.groups, b.broker.topics, GROUP);
      return lag.length === 6 && lag.every((p) => p.lag === 0n);
    }, 30_000);
    await kjs.disconnect();
    kjs = undefined;
    await rdk.disconnect();
    rdk = undefined;
    await until('the group is empty', () => b.broker.groups.classic(GROUP)?.state === 'Empty', 20_000);
    const committed = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
    assert.equal(committed[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0), 300, 'commits cover every record');
    await produce(kafka, TOPIC, 300, 12);
    late = kafka.consumer({ groupId: GROUP, sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 200 });
    await late.connect();
    await late.subscribe({ topic: TOPIC, fromBeginning: true });
    const lateValues: string[] = [];
    await late.run({ eachMessage: async ({ message }) => { lateValues.push(message.value!.toString()); } });
    await until('the late member reads the 12 new records', () => lateValues.length >= 12, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(lateValues.map((v) => Number(v.slice(1))).sort((x, y) => x - y), Array.from({ length: 12 }, (_, i) => 300 + i));

    recorder.stop();
    recorder.assertExclusiveAndComplete(6);
    const all = [...consumed.map((c) => c.value), ...javaValues()];
    const duplicates = all.length - new Set(all).size;
    const byClient = { kafkajs: 0, librdkafka: 0, java: javaValues().length };
    for (const c of consumed) byClient[c.who]++;
    t.diagnostic(`records=300 consumed=${all.length} distinct=${new Set(all).size} duplicates=${duplicates} losses=${300 - new Set(all).size} `
      + `by client ${JSON.stringify(byClient)} stable generations=${[...recorder.generations.keys()].join(',')}`);
    assert.ok(byClient.kafkajs > 0 && byClient.librdkafka > 0 && byClient.java > 0, 'every client consumed');
  } finally {
    recorder.stop();
    await java?.dispose();
    await kjs?.disconnect().catch(() => {});
    await late?.disconnect().catch(() => {});
    await rdk?.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
