// Consumer groups against Tideline and Apache Kafka: our consumers alone (classic eager range,
// cooperative-sticky, static membership, pattern subscription, KIP-848) and mixed with Java
// client members in the same group (classic range, cooperative-sticky, KIP-848).
import assert from 'node:assert/strict';
import { toolOrSkip } from '@tideline/interop';
import { Admin, Consumer, Producer, type ConsumerOptions, type TopicPartition } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { JavaMember, until } from './java-member.js';

useApacheKafka();

const FAST = { heartbeatIntervalMs: 300, sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 15_000, maxWaitMs: 200, autoCommitIntervalMs: 200 } as const;

/** A consumer subscribed in a group, consuming in the background and recording what happens. */
class Member {
  readonly consumer: Consumer;
  readonly values: string[] = [];
  readonly events: Array<{ event: 'assigned' | 'revoked' | 'lost'; partitions: number[] }> = [];
  private readonly done: Promise<void>;

  constructor(bootstrap: string, groupId: string, topics: readonly string[] | RegExp, opts: Partial<ConsumerOptions> = {}, onRecord?: (value: string) => Promise<void>) {
    const consumer = new Consumer({ bootstrap, groupId, ...FAST, ...opts });
    this.consumer = consumer;
    const ev = (event: 'assigned' | 'revoked' | 'lost') => (tps: TopicPartition[]) => {
      this.events.push({ event, partitions: tps.map((t) => t.partition).sort((a, b) => a - b) });
    };
    consumer.subscribe(topics, { onAssigned: ev('assigned'), onRevoked: ev('revoked'), onLost: ev('lost') });
    this.done = (async () => {
      for await (const r of consumer) {
        this.values.push(r.value!.toString());
        if (onRecord !== undefined) await onRecord(r.value!.toString());
      }
    })();
  }

  owned(): number[] {
    return this.consumer.assignment().map((t) => t.partition).sort((a, b) => a - b);
  }

  revoked(): number[][] {
    return this.events.filter((e) => e.event === 'revoked').map((e) => e.partitions);
  }

  async close(): Promise<void> {
    await this.consumer.close();
    await this.done;
  }
}

async function produce(bootstrap: string, topic: string, from: number, count: number): Promise<void> {
  const p = new Producer({ bootstrap });
  try {
    await p.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}` })) });
  } finally {
    await p.close();
  }
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const values = (from: number, count: number): string[] => range(count).map((i) => `v${from + i}`).sort();

function assertSplit(owned: number[][], partitions: number): void {
  const all = owned.flat().sort((a, b) => a - b);
  assert.deepEqual(all, range(partitions), `every partition owned exactly once: ${JSON.stringify(owned)}`);
  for (const o of owned) assert.ok(o.length > 0, `each member owns something: ${JSON.stringify(owned)}`);
}

for (const assignor of ['range', 'cooperative-sticky'] as const) {
  bothBrokers(`classic group of our consumers (${assignor}): split, handover on close, commits resume`, { timeout: 120_000 }, async (b) => {
    const admin = new Admin({ bootstrap: b.bootstrap });
    const topic = uniqueTopic(`grp-${assignor}`);
    const groupId = uniqueTopic('g');
    await admin.createTopics([{ topic, numPartitions: 4, replicationFactor: 1 }]);
    const members: Member[] = [];
    try {
      await produce(b.bootstrap, topic, 0, 40);
      const m1 = new Member(b.bootstrap, groupId, [topic], { assignors: [assignor] });
      members.push(m1);
      await until('m1 owns every partition', () => m1.owned().length === 4);
      const m2 = new Member(b.bootstrap, groupId, [topic], { assignors: [assignor] });
      members.push(m2);
      await until('two members share the partitions', () => m1.owned().length === 2 && m2.owned().length === 2, 40_000, () => JSON.stringify([m1.events, m2.events]));
      assertSplit([m1.owned(), m2.owned()], 4);
      if (assignor === 'cooperative-sticky') {
        // Only what moved to m2 was revoked from m1; what it kept never was.
        const kept = m1.owned();
        for (const r of m1.revoked()) for (const p of r) assert.ok(!kept.includes(p), `m1 revoked ${p} which it kept`);
        assert.deepEqual(m1.revoked().flat().sort(), m2.owned());
      } else {
        assert.deepEqual(m1.revoked()[0], range(4), 'eager: everything revoked before rejoining');
      }
      await produce(b.bootstrap, topic, 40, 40);
      await until('all 80 records consumed', () => new Set([...m1.values, ...m2.values]).size === 80, 40_000);

      await m1.close();
      await until('m2 takes over', () => m2.owned().length === 4, 40_000);
      await produce(b.bootstrap, topic, 80, 20);
      await until('m2 reads the new records', () => new Set([...m1.values, ...m2.values]).size === 100, 40_000);
      await m2.close();
      members.length = 0;

      // Everything was committed (auto commit on revoke and close): a new member starts at the end.
      const committed = await admin.listGroupOffsets(groupId);
      assert.equal(committed.reduce((s, c) => s + c.offset, 0n), 100n, committed.map((c) => `${c.partition}:${c.offset}`).join(' '));
      const lag = await admin.groupLag(groupId);
      assert.deepEqual(lag.map((l) => l.lag), [0n, 0n, 0n, 0n]);
      await produce(b.bootstrap, topic, 100, 10);
      const m3 = new Member(b.bootstrap, groupId, [topic], { assignors: [assignor] });
      members.push(m3);
      await until('m3 reads only the 10 new records', () => m3.values.length >= 10, 40_000);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual([...m3.values].sort(), values(100, 10));
    } finally {
      for (const m of members) await m.close().catch(() => undefined);
      await admin.close();
    }
  });
}

bothBrokers('static members come back to their partitions without a rebalance; manual commits; pattern subscription', { timeout: 120_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const prefix = uniqueTopic('pat');
  const topic = `${prefix}-a`;
  const groupId = uniqueTopic('g-static');
  await admin.createTopics([{ topic, numPartitions: 4, replicationFactor: 1 }]);
  const members: Member[] = [];
  try {
    const s1 = new Member(b.bootstrap, groupId, [topic], { groupInstanceId: 'one', assignors: ['range'] });
    members.push(s1);
    await until('s1 owns all', () => s1.owned().length === 4);
    const s2 = new Member(b.bootstrap, groupId, [topic], { groupInstanceId: 'two', assignors: ['range'] });
    members.push(s2);
    await until('s1 and s2 split', () => s1.owned().length === 2 && s2.owned().length === 2, 40_000);
    const before = s2.owned();
    const s2Revocations = s2.revoked().length;
    const [desc] = await admin.describeGroups([groupId]);
    assert.deepEqual(desc!.members.map((m) => m.groupInstanceId).sort(), ['one', 'two']);

    // s1 closes (static: no LeaveGroup) and a new process with the same instance id returns.
    await s1.close();
    members.shift();
    const s1b = new Member(b.bootstrap, groupId, [topic], { groupInstanceId: 'one', assignors: ['range'] });
    members.push(s1b);
    await until('s1 is back', () => s1b.owned().length === 2, 40_000);
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(s2.owned(), before, 's2 kept its partitions');
    assert.equal(s2.revoked().length, s2Revocations, `s2 saw no rebalance: ${JSON.stringify(s2.events)}`);
    for (const m of members) await m.close();
    members.length = 0;

    // Manual commits of processed records only, and a pattern subscription picking up a new topic.
    await produce(b.bootstrap, topic, 0, 20);
    const c = new Consumer({ bootstrap: b.bootstrap, groupId: `${groupId}-manual`, autoCommit: false, ...FAST, metadataMaxAgeMs: 500, assignors: ['cooperative-sticky'] });
    c.subscribe(new RegExp(`^${prefix}-`));
    const seen: string[] = [];
    let added = false;
    for await (const r of c) {
      seen.push(r.value!.toString());
      if (seen.length === 10) await c.commit();
      if (seen.length === 20 && !added) {
        added = true;
        await admin.createTopics([{ topic: `${prefix}-b`, numPartitions: 1, replicationFactor: 1 }]);
        await produce(b.bootstrap, `${prefix}-b`, 100, 5);
      }
      if (seen.length === 25) break;
    }
    const committedEarly = await c.committed(range(4).map((partition) => ({ topic, partition })));
    // The commit at the 10th record covered the 9 records before it (the 10th was in hand).
    assert.equal(committedEarly.reduce((s, x) => s + (x.offset < 0n ? 0n : x.offset), 0n), 9n);
    await c.close();
    assert.deepEqual(seen.slice(20).sort(), values(100, 5), 'records of the topic created later');
  } finally {
    for (const m of members) await m.close().catch(() => undefined);
    await admin.close();
  }
});

bothBrokers('KIP-848 group (group protocol consumer) of our consumers', { timeout: 120_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('kip848');
  const groupId = uniqueTopic('g848');
  await admin.createTopics([{ topic, numPartitions: 4, replicationFactor: 1 }]);
  const members: Member[] = [];
  try {
    await produce(b.bootstrap, topic, 0, 40);
    const m1 = new Member(b.bootstrap, groupId, [topic], { groupProtocol: 'consumer' });
    members.push(m1);
    await until('m1 owns all', () => m1.owned().length === 4);
    const m2 = new Member(b.bootstrap, groupId, [topic], { groupProtocol: 'consumer' });
    members.push(m2);
    await until('m1 and m2 split', () => m1.owned().length === 2 && m2.owned().length === 2, 60_000);
    assertSplit([m1.owned(), m2.owned()], 4);
    const [desc] = await admin.describeGroups([groupId]);
    assert.equal(desc!.type, 'consumer');
    assert.equal(desc!.members.length, 2);
    await until('all 40 consumed', () => new Set([...m1.values, ...m2.values]).size === 40, 40_000);
    await m2.close();
    members.pop();
    await until('m1 takes over', () => m1.owned().length === 4, 60_000);
    await m1.close();
    members.pop();
    const committed = await admin.listGroupOffsets(groupId);
    assert.equal(committed.reduce((s, c) => s + c.offset, 0n), 40n);
  } finally {
    for (const m of members) await m.close().catch(() => undefined);
    await admin.close();
  }
});

bothBrokers('heartbeats go on while a record takes longer than the session timeout; close leaves at once', { timeout: 120_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('slow');
  const groupId = uniqueTopic('g-slow');
  await admin.createTopics([{ topic, numPartitions: 4, replicationFactor: 1 }]);
  const members: Member[] = [];
  try {
    await produce(b.bootstrap, topic, 0, 8);
    let slowStarted = false;
    let slowDone = false;
    // The first record takes 9 s to process, beyond the 6 s session timeout.
    const slow = new Member(b.bootstrap, groupId, [topic], { sessionTimeoutMs: 6000, assignors: ['range'] }, async () => {
      if (slowStarted) return;
      slowStarted = true;
      await new Promise((r) => setTimeout(r, 9000));
      slowDone = true;
    });
    members.push(slow);
    await until('the slow member is in its long record', () => slow.values.length === 1, 30_000);
    // A second member joins while the first is busy: the rebalance completes around the busy record.
    const other = new Member(b.bootstrap, groupId, [topic], { sessionTimeoutMs: 30_000, assignors: ['range'] });
    members.push(other);
    await until('split while the slow member is busy', () => slow.owned().length === 2 && other.owned().length === 2, 30_000);
    await until('the long record is done', () => slowDone, 30_000);
    assert.equal(slow.events.filter((e) => e.event === 'lost').length, 0, `never lost its membership: ${JSON.stringify(slow.events)}`);
    assert.equal(slow.owned().length, 2);
    // Closing sends LeaveGroup: the other member takes over long before its 30 s session would expire.
    const t0 = Date.now();
    await other.close();
    members.pop();
    await until('the slow member takes over', () => slow.owned().length === 4, 20_000);
    assert.ok(Date.now() - t0 < 15_000, `handover after ${Date.now() - t0} ms`);
  } finally {
    for (const m of members) await m.close().catch(() => undefined);
    await admin.close();
  }
});

for (const protocol of ['classic', 'consumer'] as const) {
  bothBrokers(`a record held beyond maxPollIntervalMs: the member leaves (partitions lost to the other) and rejoins when it asks again (${protocol})`, { timeout: 120_000 }, async (b) => {
    const admin = new Admin({ bootstrap: b.bootstrap });
    const topic = uniqueTopic(`poll-${protocol}`);
    const groupId = uniqueTopic('g-poll');
    await admin.createTopics([{ topic, numPartitions: 4, replicationFactor: 1 }]);
    const members: Member[] = [];
    try {
      await produce(b.bootstrap, topic, 0, 8);
      const steady = new Member(b.bootstrap, groupId, [topic], { groupProtocol: protocol, assignors: ['range'] });
      members.push(steady);
      await until('steady owns all', () => steady.owned().length === 4, 30_000);
      let release: (() => void) | null = null;
      let stuck = false;
      const stuckMember = new Member(b.bootstrap, groupId, [topic], { groupProtocol: protocol, assignors: ['range'], maxPollIntervalMs: 1500 }, async () => {
        if (stuck) return;
        stuck = true;
        await new Promise<void>((r) => (release = r));
      });
      members.push(stuckMember);
      // Records produced once both members own partitions: the steady member may have read (and
      // committed) everything produced before the second one joined.
      await until('both members own partitions', () => stuckMember.owned().length === 2 && steady.owned().length === 2, 60_000);
      await produce(b.bootstrap, topic, 8, 24);
      await until('the second member got partitions and holds a record', () => stuck && stuckMember.values.length > 0, 60_000);
      await until('it left: the steady member owns everything again', () => steady.owned().length === 4 && stuckMember.owned().length === 0, 60_000, () => JSON.stringify(stuckMember.events));
      assert.ok(stuckMember.events.some((e) => e.event === 'lost'), `its partitions were lost: ${JSON.stringify(stuckMember.events)}`);
      release!();
      await until('it rejoined after asking for more', () => stuckMember.owned().length === 2 && steady.owned().length === 2, 60_000, () => JSON.stringify(stuckMember.events));
    } finally {
      for (const m of members) await m.close().catch(() => undefined);
      await admin.close();
    }
  });
}

// ---- mixed with the Java client ----------------------------------------------------------------

const JAVA_PROPS = {
  range: ['partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor', 'heartbeat.interval.ms=300', 'session.timeout.ms=10000'],
  'cooperative-sticky': ['partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor', 'heartbeat.interval.ms=300', 'session.timeout.ms=10000'],
  consumer: ['group.protocol=consumer'],
} as const;

for (const mode of ['range', 'cooperative-sticky', 'consumer'] as const) {
  bothBrokers(`group shared with a Java member (${mode === 'consumer' ? 'KIP-848' : `classic ${mode}`})`, { timeout: 180_000 }, async (b, t) => {
    if (!toolOrSkip(t, 'java-client-4')) return;
    const admin = new Admin({ bootstrap: b.bootstrap });
    const topic = uniqueTopic(`mix-${mode}`);
    const groupId = uniqueTopic(`gmix-${mode}`);
    await admin.createTopics([{ topic, numPartitions: 6, replicationFactor: 1 }]);
    const opts: Partial<ConsumerOptions> = mode === 'consumer' ? { groupProtocol: 'consumer' } : { assignors: [mode] };
    const members: Member[] = [];
    let java: JavaMember | null = null;
    try {
      await produce(b.bootstrap, topic, 0, 60);
      // Ours first (the classic leader: our assignor assigns to the Java member).
      const ours = new Member(b.bootstrap, groupId, [topic], opts);
      members.push(ours);
      await until('ours owns all', () => ours.owned().length === 6);
      java = JavaMember.start({ bootstrap: b.bootstrap, topic, group: groupId, props: JAVA_PROPS[mode] });
      await java.until('the Java member gets partitions', (j) => j.owned().size === 3 && ours.owned().length === 3, 90_000);
      assertSplit([ours.owned(), [...java.owned()]], 6);
      if (mode === 'cooperative-sticky') {
        assert.deepEqual(ours.revoked().flat().sort(), [...java.owned()].sort(), 'only the moved partitions were revoked');
      }
      await produce(b.bootstrap, topic, 60, 60);
      await until('120 records consumed between them', () => new Set([...ours.values, ...java!.values()]).size === 120, 60_000);

      // Ours leaves; the Java member (now the leader) takes everything; ours comes back and the
      // Java assignor gives it a share.
      await ours.close();
      members.pop();
      await java.until('Java owns all', (j) => j.owned().size === 6, 60_000);
      const back = new Member(b.bootstrap, groupId, [topic], opts);
      members.push(back);
      await until('split again with the Java member leading', () => back.owned().length === 3 && java!.owned().size === 3, 90_000, () => JSON.stringify(back.events));
      assertSplit([back.owned(), [...java.owned()]], 6);
      await produce(b.bootstrap, topic, 120, 30);
      await until('150 records consumed', () => new Set([...ours.values, ...back.values, ...java!.values()]).size === 150, 60_000);
      await java.stop();
      java = null;
      await until('ours owns all again', () => back.owned().length === 6, 60_000);
    } finally {
      for (const m of members) await m.close().catch(() => undefined);
      await java?.dispose();
      await admin.close();
    }
  });
}
