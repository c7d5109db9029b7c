// Consumer groups with KafkaJS (classic protocol): partitions owned by exactly one member per
// generation, every record consumed, commits honoured across consumer restarts, broker restarts
// and an offsets reset (replay).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { toolOrSkip } from '@tideline/interop';
import { Reader, readConsumerProtocolAssignment } from '@tideline/protocol';
import { startBroker, type RunningBroker, type BrokerOptions } from '../src/index.js';
import { consumerLag } from '../src/groups/lag.js';

const TIMEOUT = 90_000;
const GROUPS = { initialRebalanceDelayMs: 300 };

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const start = (dir: string, extra: Partial<BrokerOptions> = {}): Promise<RunningBroker> =>
  startBroker({ dataDir: dir, port: 0, groups: GROUPS, ...extra });

const kafkaFor = (b: RunningBroker, clientId: string): Kafka =>
  new Kafka({ clientId, brokers: [b.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 100 } });

async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The classic group's assignment per member, decoded from what the leader sent in SyncGroup. */
function assignments(b: RunningBroker, groupId: string): { generation: number; state: string; byMember: Map<string, string[]> } {
  const g = b.broker.groups.classic(groupId);
  assert.ok(g, `group ${groupId} exists`);
  const byMember = new Map<string, string[]>();
  for (const m of g.members.values()) {
    const parts: string[] = [];
    if (m.assignment.length >= 2) {
      const a = readConsumerProtocolAssignment(new Reader(m.assignment, 2), Math.min(m.assignment.readInt16BE(0), 3));
      for (const tp of a.assignedPartitions) for (const p of tp.partitions) parts.push(`${tp.topic}:${p}`);
    }
    byMember.set(m.memberId, parts.sort());
  }
  return { generation: g.generationId, state: g.state, byMember };
}

function assertExclusive(a: ReturnType<typeof assignments>, topic: string, partitions: number): void {
  const all = [...a.byMember.values()].flat();
  assert.equal(new Set(all).size, all.length, `generation ${a.generation}: a partition has two owners: ${JSON.stringify([...a.byMember])}`);
  assert.deepEqual(all.sort(), Array.from({ length: partitions }, (_, i) => `${topic}:${i}`).sort(), `generation ${a.generation} covers every partition`);
  for (const ps of a.byMember.values()) assert.ok(ps.length > 0, 'every member owns something');
}

async function produce(kafka: Kafka, topic: string, from: number, count: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}` })) });
  await producer.disconnect();
}

interface Member {
  consumer: Consumer;
  seen: string[];
}

async function member(kafka: Kafka, groupId: string, topic: string, sink: string[]): Promise<Member> {
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 10_000, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen: string[] = [];
  await consumer.run({
    autoCommitInterval: 200,
    eachMessage: async ({ message }) => {
      const v = message.value!.toString();
      seen.push(v);
      sink.push(v);
    },
  });
  return { consumer, seen };
}

test('KafkaJS: three members over six partitions, exclusive ownership per generation, all records, commits survive a member restart', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withDir(async (dir) => {
    const b = await start(dir);
    const members: Member[] = [];
    try {
      const kafka = kafkaFor(b, 'groups-test');
      const admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 6 }], waitForLeaders: true });
      await produce(kafka, 'orders', 0, 60);

      const consumed: string[] = [];
      for (let i = 0; i < 3; i++) members.push(await member(kafka, 'g1', 'orders', consumed));
      await until('a stable generation with three members', () => {
        const g = b.broker.groups.classic('g1');
        return g?.state === 'Stable' && g.members.size === 3;
      });
      assertExclusive(assignments(b, 'g1'), 'orders', 6);
      await until('60 records', () => new Set(consumed).size === 60);

      // One member leaves: the other two take over its partitions in the next generation.
      const gen = assignments(b, 'g1').generation;
      await members.pop()!.consumer.disconnect();
      await until('a stable generation with two members', () => {
        const g = b.broker.groups.classic('g1');
        return g?.state === 'Stable' && g.members.size === 2 && g.generationId > gen;
      });
      assertExclusive(assignments(b, 'g1'), 'orders', 6);
      await produce(kafka, 'orders', 60, 30);
      await until('90 records', () => new Set(consumed).size === 90);
      assert.equal(consumed.filter((v) => Number(v.slice(1)) >= 60).length, 30, 'records after the rebalance are consumed once');

      // Commits are honoured: once everything is committed and the group is empty, a new member
      // resumes after the committed offsets.
      await until('offsets committed', () => consumerLag(b.broker.groups, b.broker.topics, 'g1').reduce((n, p) => n + Number(p.lag), 0) === 0
        && consumerLag(b.broker.groups, b.broker.topics, 'g1').length === 6);
      for (const m of members.splice(0)) await m.consumer.disconnect();
      await until('the group is empty', () => b.broker.groups.classic('g1')?.state === 'Empty');
      const offsets = await admin.fetchOffsets({ groupId: 'g1', topics: ['orders'] });
      assert.equal(offsets[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0), 90);
      const described = await admin.describeGroups(['g1']);
      assert.equal(described.groups[0]!.state, 'Empty');
      assert.ok((await admin.listGroups()).groups.some((g) => g.groupId === 'g1' && g.protocolType === 'consumer'));

      await produce(kafka, 'orders', 90, 6);
      const after: string[] = [];
      members.push(await member(kafka, 'g1', 'orders', after));
      await until('6 new records', () => after.length >= 6);
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(after.map((v) => Number(v.slice(1))).sort((x, y) => x - y), [90, 91, 92, 93, 94, 95]);
      await admin.disconnect();
    } finally {
      for (const m of members) await m.consumer.disconnect().catch(() => {});
      await b.close();
    }
  });
});

test('KafkaJS: committed offsets survive a broker restart; an offsets reset while the group is empty replays from the start', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withDir(async (dir) => {
    let b = await start(dir);
    let m: Member | undefined;
    try {
      let kafka = kafkaFor(b, 'restart-test');
      let admin = kafka.admin();
      await admin.connect();
      await admin.createTopics({ topics: [{ topic: 'events', numPartitions: 3 }], waitForLeaders: true });
      await produce(kafka, 'events', 0, 30);
      const seen: string[] = [];
      m = await member(kafka, 'g2', 'events', seen);
      await until('30 records', () => seen.length >= 30);
      await until('offsets committed', () => consumerLag(b.broker.groups, b.broker.topics, 'g2').filter((p) => p.lag === 0n).length === 3);
      await m.consumer.disconnect();
      m = undefined;
      await admin.disconnect();

      await b.close();
      b = await start(dir);
      kafka = kafkaFor(b, 'restart-test');
      admin = kafka.admin();
      await admin.connect();
      const offsets = await admin.fetchOffsets({ groupId: 'g2', topics: ['events'] });
      assert.equal(offsets[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0), 30, 'offsets rebuilt from __consumer_offsets');
      assert.ok((await admin.listGroups()).groups.some((g) => g.groupId === 'g2'), 'the group is known after the restart');

      // A consumer after the restart only sees new records.
      await produce(kafka, 'events', 30, 3);
      const resumed: string[] = [];
      m = await member(kafka, 'g2', 'events', resumed);
      await until('3 new records', () => resumed.length >= 3);
      await until('offsets committed', () => consumerLag(b.broker.groups, b.broker.topics, 'g2').filter((p) => p.lag === 0n).length === 3);
      await m.consumer.disconnect();
      m = undefined;
      assert.deepEqual(resumed.sort(), ['v30', 'v31', 'v32']);

      // Replay: commit the earliest offsets while the group is empty (OffsetCommit without
      // membership, as kafka-consumer-groups --reset-offsets does), then consume everything again.
      await until('the group is empty', () => b.broker.groups.classic('g2')?.state === 'Empty');
      const earliest = await admin.fetchTopicOffsets('events');
      await admin.setOffsets({ groupId: 'g2', topic: 'events', partitions: earliest.map((p) => ({ partition: p.partition, offset: p.low })) });
      const reset = await admin.fetchOffsets({ groupId: 'g2', topics: ['events'] });
      assert.deepEqual(reset[0]!.partitions.map((p) => p.offset), ['0', '0', '0']);
      const replay: string[] = [];
      m = await member(kafka, 'g2', 'events', replay);
      await until('33 replayed records', () => replay.length >= 33);
      assert.equal(new Set(replay).size, 33);
      await admin.disconnect();
    } finally {
      await m?.consumer.disconnect().catch(() => {});
      await b.close();
    }
  });
});
