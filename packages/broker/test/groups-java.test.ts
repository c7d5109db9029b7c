// Consumer groups with the Java client 4.x: a classic group shared with a KafkaJS member, and a
// KIP-848 group (group.protocol=consumer) through a member joining and leaving, with a sampler
// checking that no partition ever has two owners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, PartitionAssigners, type Consumer } from 'kafkajs';
import { runJavaClient, toolOrSkip, kafkaTools, KAFKA_TOOLS, type JavaClientResult } from '@tideline/interop';
import { Reader, readConsumerProtocolAssignment } from '@tideline/protocol';
import { startBroker, type RunningBroker } from '../src/index.js';

const TIMEOUT = 90_000;

async function withBroker(fn: (b: RunningBroker) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-java-'));
  const b = await startBroker({
    dataDir: dir, port: 0,
    groups: { initialRebalanceDelayMs: 300, consumerHeartbeatIntervalMs: 500, consumerSessionTimeoutMs: 10_000 },
  });
  try {
    await fn(b);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function produce(kafka: Kafka, topic: string, from: number, count: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}` })) });
  await producer.disconnect();
}

const values = (r: JavaClientResult): string[] => r.rows.filter((x) => typeof x.value === 'string').map((x) => x.value as string);

const javaConsumer = (b: RunningBroker, topic: string, group: string, timeoutMs: number, props: string[]): Promise<JavaClientResult> =>
  runJavaClient('4', [
    'consume', '--bootstrap', b.bootstrap, '--topic', topic, '--group', group, '--max', '100000', '--timeout-ms', String(timeoutMs),
    ...props.flatMap((p) => ['--prop', p]),
  ], { timeoutMs: timeoutMs + 30_000 });

test('Java 4.x classic consumer and a KafkaJS member share a group (roundrobin on both sides)', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4') || !toolOrSkip(t, 'kafkajs')) return;
  await withBroker(async (b) => {
    const kafka = new Kafka({ clientId: 'mixed', brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'mixed', numPartitions: 6 }], waitForLeaders: true });
    // KafkaJS's round robin under the Java assignor's protocol name, so both agree on one protocol.
    const consumer: Consumer = kafka.consumer({
      groupId: 'mixed-g', sessionTimeout: 6000, heartbeatInterval: 500, maxWaitTimeInMs: 200,
      partitionAssigners: [(cfg) => ({ ...PartitionAssigners.roundRobin(cfg), name: 'roundrobin' })],
    });
    const seen: Array<{ partition: number; value: string }> = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topic: 'mixed', fromBeginning: true });
      await consumer.run({ eachMessage: async ({ partition, message }) => { seen.push({ partition, value: message.value!.toString() }); } });
      await until('KafkaJS alone in the group', () => b.broker.groups.classic('mixed-g')?.state === 'Stable');
      const java = javaConsumer(b, 'mixed', 'mixed-g', 15_000, [
        'partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor',
        'session.timeout.ms=6000', 'heartbeat.interval.ms=500', 'auto.offset.reset=earliest',
      ]);
      await until('two members, stable', () => {
        const g = b.broker.groups.classic('mixed-g');
        return g?.state === 'Stable' && g.members.size === 2;
      });
      const g = b.broker.groups.classic('mixed-g')!;
      assert.equal(g.protocolName, 'roundrobin');
      const owners = new Map<number, string>();
      for (const m of g.members.values()) {
        const a = readConsumerProtocolAssignment(new Reader(m.assignment, 2), Math.min(m.assignment.readInt16BE(0), 3));
        for (const tp of a.assignedPartitions) for (const p of tp.partitions) {
          assert.ok(!owners.has(p), `partition ${p} has two owners`);
          owners.set(p, m.memberId);
        }
      }
      assert.equal(owners.size, 6);
      await produce(kafka, 'mixed', 0, 60);
      const r = await java;
      assert.equal(r.code, 0, r.stderr);
      const javaValues = values(r);
      assert.ok(javaValues.length > 0, 'the Java member consumed its share');
      await until('every record consumed', () => new Set([...javaValues, ...seen.map((s) => s.value)]).size === 60);
      const kjsPartitions = new Set(seen.map((s) => s.partition));
      const javaPartitions = new Set(r.rows.filter((x) => typeof x.partition === 'number').map((x) => x.partition as number));
      for (const p of javaPartitions) assert.ok(!kjsPartitions.has(p), `partition ${p} consumed by both members`);
      // The Java member left on close: KafkaJS is alone again.
      await until('KafkaJS alone again', () => b.broker.groups.classic('mixed-g')?.members.size === 1 && b.broker.groups.classic('mixed-g')?.state === 'Stable');
    } finally {
      await consumer.disconnect().catch(() => {});
      await admin.disconnect();
    }
  });
});

test('Java 4.x group.protocol=consumer (KIP-848): join, assignment, a member joining and leaving, offsets committed; kafka-consumer-groups describes it and --reset-offsets replays it', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4') || !toolOrSkip(t, 'kafka-tools') || !toolOrSkip(t, 'kafkajs')) return;
  await withBroker(async (b) => {
    const kafka = new Kafka({ clientId: 'kip848', brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'k848', numPartitions: 6 }], waitForLeaders: true });
    await produce(kafka, 'k848', 0, 60);
    const props = ['group.protocol=consumer', 'auto.offset.reset=earliest'];
    // Samples ownership while the group reconciles: a partition is never in two members' assignments.
    const violations: string[] = [];
    let maxMembers = 0;
    const sampler = setInterval(() => {
      const g = b.broker.groups.get('k848-g');
      if (g?.type !== 'consumer') return;
      maxMembers = Math.max(maxMembers, g.members.size);
      const owner = new Map<string, string>();
      for (const m of g.members.values()) {
        for (const tp of [m.assigned, m.pendingRevocation]) for (const [topicId, ps] of tp) for (const p of ps) {
          const k = `${topicId}:${p}`;
          if (owner.has(k) && owner.get(k) !== m.memberId) violations.push(k);
          owner.set(k, m.memberId);
        }
      }
    }, 10);
    try {
      const first = javaConsumer(b, 'k848', 'k848-g', 30_000, props);
      await until('the first member owns all six partitions', () => {
        const g = b.broker.groups.get('k848-g');
        return g?.type === 'consumer' && g.members.size === 1 && g.state === 'Stable' && [...g.members.values()][0]!.assigned.get(b.broker.topics.get('k848')!.topicId)?.size === 6;
      }, 40_000);
      const second = javaConsumer(b, 'k848', 'k848-g', 8000, props);
      await until('two members, three partitions each', () => {
        const g = b.broker.groups.get('k848-g');
        return g?.type === 'consumer' && g.members.size === 2 && g.state === 'Stable'
          && [...g.members.values()].every((m) => [...m.assigned.values()].reduce((n, s) => n + s.size, 0) === 3);
      }, 40_000);
      await produce(kafka, 'k848', 60, 60);
      const r2 = await second;
      assert.equal(r2.code, 0, r2.stderr);
      await until('the first member owns all six partitions again', () => {
        const g = b.broker.groups.get('k848-g');
        return g?.type === 'consumer' && g.members.size === 1 && g.state === 'Stable';
      }, 20_000);
      await produce(kafka, 'k848', 120, 60);
      const described = await kafkaTools(KAFKA_TOOLS.consumerGroups, ['--bootstrap-server', b.bootstrap, '--describe', '--group', 'k848-g', '--members']);
      assert.equal(described.code, 0, described.stderr);
      assert.match(described.stdout, /k848-g/);
      const r1 = await first;
      assert.equal(r1.code, 0, r1.stderr);
      const all = new Set([...values(r1), ...values(r2)]);
      assert.equal(all.size, 180, 'every record consumed by one of the members');
      assert.ok(values(r2).length > 0, 'the second member consumed its share');
      assert.deepEqual(violations, [], 'no partition had two owners');
      assert.equal(maxMembers, 2);
      // The group is empty now; its committed offsets cover everything.
      await until('the group is empty', () => b.broker.groups.get('k848-g')?.state === 'Empty', 20_000);
      const offsets = await admin.fetchOffsets({ groupId: 'k848-g', topics: ['k848'] });
      assert.equal(offsets[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0), 180);
      // kafka-consumer-groups --reset-offsets (AlterConsumerGroupOffsets = OffsetCommit without
      // membership) while the group is empty, then a member replays everything.
      const reset = await kafkaTools(KAFKA_TOOLS.consumerGroups, [
        '--bootstrap-server', b.bootstrap, '--reset-offsets', '--group', 'k848-g', '--topic', 'k848', '--to-earliest', '--execute',
      ]);
      assert.equal(reset.code, 0, reset.stderr);
      const afterReset = await admin.fetchOffsets({ groupId: 'k848-g', topics: ['k848'] });
      assert.deepEqual(afterReset[0]!.partitions.map((p) => p.offset), ['0', '0', '0', '0', '0', '0']);
      const replay = await javaConsumer(b, 'k848', 'k848-g', 8000, props);
      assert.equal(new Set(values(replay)).size, 180, 'the replay reads every record again');
    } finally {
      clearInterval(sampler);
      await admin.disconnect();
    }
  });
});
