// Share groups (KIP-932) with the Java 4.4 KafkaShareConsumer, against Tideline and Apache Kafka
// 4.4 (the harness's reference broker): three members on one single-partition topic (every record delivered and accepted once),
// REJECT archives, share.delivery.count.limit archives a poison record, and a member killed with
// SIGKILL while holding a batch: its records are delivered again, with delivery count 2, once the
// acquisition lock (share.record.lock.duration.ms = 2 s here) expires.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { brokerMatrix, javaClasspath, repoRoot, runJavaSource, toolOrSkip } from '@tideline/interop/internal';
import { startBroker } from '../src/index.js';

const SOURCE = join(repoRoot(), 'packages', 'broker', 'test', 'fixtures', 'ShareScenarios.java');
const RECORDS = 200;
const HELD = 10;

const matrix = brokerMatrix({
  tmpPrefix: 'tideline-share-java-',
  startTideline: async (dataDir) => {
    const b = await startBroker({ dataDir, port: 0, share: { heartbeatIntervalMs: 1000 } });
    return { bootstrap: b.bootstrap, close: () => b.close() };
  },
  apacheConfig: {
    'group.share.min.record.lock.duration.ms': 1000,
    'group.share.heartbeat.interval.ms': 1000,
    'group.share.min.heartbeat.interval.ms': 1000,
  },
});
matrix.useApacheKafka();

/** Starts the holding member and resolves with the offsets it holds once it says so; then it is SIGKILLed. */
async function holdAndKill(bootstrap: string, topic: string, group: string): Promise<number[]> {
  const child = spawn('java', [
    '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    '-cp', javaClasspath('4.4'), SOURCE, 'hold', bootstrap, topic, group, String(HELD), '2000',
  ], { stdio: ['ignore', 'pipe', 'ignore'] });
  const pid = child.pid!;
  try {
    const held: number[] = [];
    const timer = setTimeout(() => process.kill(pid, 'SIGKILL'), 90_000);
    for await (const line of createInterface({ input: child.stdout! })) {
      const row = JSON.parse(line) as { held?: number; holding?: boolean };
      if (row.held !== undefined) held.push(row.held);
      if (row.holding === true) break;
    }
    clearTimeout(timer);
    return held;
  } finally {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

interface Row { scenario: string; member: number; offset: number; delivery: number; ack: string }

matrix.bothBrokers('Java 4.4 KafkaShareConsumer: members share a partition, REJECT, delivery limit, kill -9 redelivery', { timeout: 300_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'java-client-4.4')) return;
  const prefix = matrix.uniqueTopic('share');
  const held = await holdAndKill(b.bootstrap, `${prefix}-held`, `${prefix}-held-g`);
  assert.ok(held.length > 0, 'the holding member acquired records');
  const r = await runJavaSource(SOURCE, ['all', b.bootstrap, prefix, String(RECORDS), `${prefix}-held`, `${prefix}-held-g`, String(HELD)], { clients: '4.4', timeoutMs: 240_000 });
  const rows = r.rows.filter((x) => typeof x.scenario === 'string') as unknown as Row[];
  const of = (s: string): Row[] => rows.filter((x) => x.scenario === s);

  // Three members: every offset exactly once, first delivery, accepted.
  const members = of('members');
  assert.deepEqual(members.map((x) => x.offset).sort((a, b2) => a - b2), Array.from({ length: RECORDS }, (_, i) => i));
  assert.ok(members.every((x) => x.delivery === 1));

  // REJECT: each of the 20 offsets delivered once (rejected ones never again).
  const reject = of('reject');
  assert.deepEqual(reject.map((x) => x.offset).sort((a, b2) => a - b2), Array.from({ length: 20 }, (_, i) => i));
  assert.deepEqual(reject.filter((x) => x.ack === 'reject').map((x) => x.offset), [0, 5, 10, 15]);

  // Delivery limit 2: the poison record (offset 0) is delivered twice, then archived.
  const poison = of('poison');
  assert.deepEqual(poison.filter((x) => x.offset === 0).map((x) => x.delivery), [1, 2]);
  assert.deepEqual(poison.filter((x) => x.offset !== 0).map((x) => x.offset).sort(), [1, 2, 3, 4]);

  // Killed member: everything it held comes back to the survivor with delivery count 2.
  const after = of('after-kill');
  assert.deepEqual(after.map((x) => x.offset).sort((a, b2) => a - b2), Array.from({ length: HELD }, (_, i) => i));
  for (const x of after) assert.equal(x.delivery, held.includes(x.offset) ? 2 : 1, `offset ${x.offset}`);
});
