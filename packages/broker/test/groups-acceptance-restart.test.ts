// Acceptance: the broker dies by kill -9 while two Java 4.x consumers are in groups — a classic
// static member (group.instance.id) and a KIP-848 member (group.protocol=consumer) — and restarts
// on the same port. Committed offsets and group metadata come back from __consumer_offsets before
// it serves: the classic group is Stable in the same generation with the same static member and
// its assignment, the consumer group has the same member at the same epoch with its partitions.
// The clients notice nothing but a reconnect: no rebalance, no lost partitions, no duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, toolOrSkip } from '@tideline/interop';
import { spawnTracked, watchdog } from '@tideline/interop/internal';
import { JavaMember, produce } from './helpers/groups.js';

// With its only broker gone, a 4.x client "rebootstraps" by default (metadata.recovery.strategy),
// and the classic consumer rejoins because its metadata snapshot went empty meanwhile. That is the
// client's choice, with Apache Kafka too; here it keeps its metadata and just reconnects.
const CLIENT_PROPS = ['metadata.recovery.strategy=none', 'reconnect.backoff.max.ms=500'];
const GROUPS = { initialRebalanceDelayMs: 300, consumerHeartbeatIntervalMs: 500, consumerSessionTimeoutMs: 15_000 };

interface ChildBroker {
  child: ChildProcess;
  restored: Array<Record<string, unknown>>;
  output: () => string;
}

async function startChild(dir: string, port: number): Promise<ChildBroker> {
  const script = fileURLToPath(new URL('./fixtures/group-broker-child.js', import.meta.url));
  const child = spawnTracked(process.execPath, [script, dir, String(port), JSON.stringify(GROUPS)], { stdio: ['ignore', 'pipe', 'pipe'] });
  watchdog(child.pid!);
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const restored = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child broker did not start:\n${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /GROUPS (.*)\nPORT \d+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]!) as Array<Record<string, unknown>>);
      }
    });
    child.once('exit', (code) => reject(new Error(`child broker exited with ${code}:\n${out}`)));
  });
  return { child, restored, output: () => out };
}

async function kill9(c: ChildBroker): Promise<void> {
  if (c.child.exitCode !== null || c.child.signalCode !== null) return;
  const gone = new Promise((r) => c.child.once('exit', r));
  process.kill(c.child.pid!, 'SIGKILL');
  await gone;
}

test('broker kill -9 and restart: committed offsets and group metadata (classic static member, KIP-848 member) survive; the Java consumers carry on without a rebalance', { timeout: 110_000 }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4') || !toolOrSkip(t, 'kafkajs')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-restart-'));
  const port = await freePort();
  let broker = await startChild(dir, port);
  const bootstrap = `127.0.0.1:${port}`;
  const kafka = new Kafka({ clientId: 'restart', brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 200 } });
  let classic: JavaMember | undefined;
  let modern: JavaMember | undefined;
  try {
    let admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'rs-classic', numPartitions: 3 }, { topic: 'rs-848', numPartitions: 3 }], waitForLeaders: true });
    await produce(kafka, 'rs-classic', 0, 30);
    await produce(kafka, 'rs-848', 0, 30);
    await admin.disconnect();
    classic = JavaMember.start('4', {
      bootstrap, topic: 'rs-classic', group: 'rs-classic-g',
      props: ['group.instance.id=static-a', 'session.timeout.ms=15000', 'heartbeat.interval.ms=500', ...CLIENT_PROPS],
      jvmFlags: ['-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients.consumer.internals=info'],
    });
    modern = JavaMember.start('4', {
      bootstrap, topic: 'rs-848', group: 'rs-848-g',
      props: ['group.protocol=consumer', ...CLIENT_PROPS],
      jvmFlags: ['-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients.consumer.internals=info'],
    });
    const committedAll = (m: JavaMember, n: number) => [...m.committed().values()].reduce((a, b) => a + b, 0) === n;
    await classic.until('the classic member consumed and committed 30', (m) => m.records().length === 30 && committedAll(m, 30), 40_000);
    await modern.until('the KIP-848 member consumed and committed 30', (m) => m.records().length === 30 && committedAll(m, 30), 40_000);
    const classicLast = classic.membership().at(-1)!;
    const modernLast = modern.membership().at(-1)!;
    const [classicEvents, modernEvents] = [classic.membership().length, modern.membership().length];

    await kill9(broker);
    const restartedAt = Date.now();
    broker = await startChild(dir, port);
    t.diagnostic(`restarted in ${Date.now() - restartedAt} ms; rebuilt before serving: ${JSON.stringify(broker.restored)}`);

    // Group metadata as the broker rebuilt it, before any client request.
    const rc = broker.restored.find((g) => g.groupId === 'rs-classic-g')!;
    assert.deepEqual([rc.type, rc.state, rc.generation, rc.protocol], ['classic', 'Stable', classicLast.generation, 'range']);
    const rcMembers = rc.members as Array<{ memberId: string; groupInstanceId: string | null; assignmentBytes: number }>;
    assert.deepEqual(rcMembers.map((m) => [m.memberId, m.groupInstanceId]), [[classicLast.memberId, 'static-a']]);
    assert.ok(rcMembers[0]!.assignmentBytes > 0, 'the member\'s assignment is back');
    const rm = broker.restored.find((g) => g.groupId === 'rs-848-g')!;
    assert.deepEqual([rm.type, rm.state], ['consumer', 'Stable']);
    assert.deepEqual(rm.members, [{ memberId: modernLast.memberId, memberEpoch: modernLast.generation, assigned: 3 }]);

    // Committed offsets: everything the members were told was committed.
    admin = kafka.admin();
    await admin.connect();
    for (const [group, topic] of [['rs-classic-g', 'rs-classic'], ['rs-848-g', 'rs-848']] as const) {
      const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
      assert.equal(offsets[0]!.partitions.reduce((n, p) => n + Number(p.offset), 0), 30, `${group}: committed offsets survive`);
    }

    // The consumers reconnect and carry on in their generation / epoch.
    await produce(kafka, 'rs-classic', 30, 30);
    await produce(kafka, 'rs-848', 30, 30);
    await classic.until('the classic member consumed 60', (m) => m.records().length >= 60 && committedAll(m, 60), 40_000);
    await modern.until('the KIP-848 member consumed 60', (m) => m.records().length >= 60 && committedAll(m, 60), 40_000);
    assert.deepEqual(classic.membership().slice(classicEvents), [], `no rebalance for the classic member: ${classic.stderr().split('\n').filter((l) => /oin|ebalanc|enerat|oordinator|etadata|ost/.test(l)).join('\n').slice(-12000)}`);
    assert.deepEqual(modern.membership().slice(modernEvents), [], `no lost or reassigned partitions for the KIP-848 member: ${modern.stderr().split('\n').filter((l) => /oin|ebalanc|poch|oordinator|ost|ence/.test(l)).join('\n').slice(-8000)}`);
    for (const m of [classic, modern]) assert.equal(new Set(m.records().map((r) => r.value)).size, m.records().length, 'no duplicates');
    assert.equal(classic.records().length, 60);
    assert.equal(modern.records().length, 60);
    const described = await admin.describeGroups(['rs-classic-g']);
    assert.deepEqual([described.groups[0]!.state, described.groups[0]!.members.map((m) => m.memberId)], ['Stable', [classicLast.memberId]]);
    await admin.disconnect();
    await classic.stop();
    await modern.stop();
  } finally {
    await classic?.dispose();
    await modern?.dispose();
    await kill9(broker);
    rmSync(dir, { recursive: true, force: true });
  }
});
