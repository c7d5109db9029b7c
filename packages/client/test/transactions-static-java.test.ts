// Kafka's Java client doing consume-transform-produce with exactly-once as a static group member
// (group.instance.id): killed with SIGKILL in the middle and restarted with the same instance id
// (and transactional id). The restarted member takes the old one's place under a new member id,
// and its TxnOffsetCommits (sendOffsetsToTransaction with consumer.groupMetadata()) are accepted:
// no error, and every input record is in the committed output once. Against Tideline and Apache
// Kafka.
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, toolOrSkip } from '@tideline/interop';
import { javaClasspath, spawnTracked } from '@tideline/interop/internal';
import { Admin, Consumer, Producer, type ConsumerRecord } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

const SOURCE = join(repoRoot(), 'packages', 'client', 'test', 'fixtures', 'EosStaticMember.java');
const FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn'];
const N = 1500;

class JavaEosMember {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly exited: Promise<number | null>;
  private out = '';
  private err = '';
  private readonly child: ChildProcess;

  constructor(args: readonly string[]) {
    this.child = spawnTracked('java', [...FLAGS, '-cp', javaClasspath('4'), SOURCE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => {
      this.out += d.toString('utf8');
      let nl: number;
      while ((nl = this.out.indexOf('\n')) >= 0) {
        const line = this.out.slice(0, nl).trim();
        this.out = this.out.slice(nl + 1);
        if (line.startsWith('{')) this.lines.push(JSON.parse(line) as Record<string, unknown>);
      }
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.err = (this.err + d.toString('utf8')).slice(-5000);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  events(name: string): Array<Record<string, unknown>> {
    return this.lines.filter((l) => l.event === name);
  }

  get stderr(): string {
    return this.err;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

async function until(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function readCommitted(bootstrap: string, topic: string, count: number, timeoutMs: number): Promise<ConsumerRecord[]> {
  const consumer = new Consumer({ bootstrap, maxWaitMs: 200, isolationLevel: 'read_committed' });
  consumer.assign([{ topic, partition: 0, offset: 'earliest' }]);
  const out: ConsumerRecord[] = [];
  const timer = setTimeout(() => void consumer.close(), timeoutMs);
  try {
    for await (const r of consumer) {
      out.push(r);
      if (out.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await consumer.close();
  }
  return out;
}

bothBrokers('Java exactly-once static member killed (-9) and restarted with the same group.instance.id: its offsets commit in the transactions and every record is copied once', { timeout: 180_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'java-client-4')) return;
  const input = uniqueTopic('eos-static-in');
  const output = uniqueTopic('eos-static-out');
  const group = uniqueTopic('eos-static');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic: input, numPartitions: 2, replicationFactor: 1 }, { topic: output, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const producer = new Producer({ bootstrap: b.bootstrap });
  await producer.send({ topic: input, messages: Array.from({ length: N }, (_, i) => ({ key: String(i), value: String(i), partition: i % 2 })) });
  await producer.close();

  const args = [b.bootstrap, input, output, group, 'member-1', '4000', '5'];
  const first = new JavaEosMember(args);
  let second: JavaEosMember | undefined;
  try {
    await until('the first member commits five transactions', () => first.events('committed').length >= 5 || first.events('error').length > 0, 90_000);
    assert.deepEqual(first.events('error'), []);
    first.kill();
    await first.exited;
    const before = first.events('committed').reduce((s, e) => s + Number(e.records), 0);
    assert.ok(before < N, `the first member copied ${before} of ${N} before it was killed`);

    second = new JavaEosMember(args);
    const code = await second.exited;
    assert.deepEqual(second.events('error'), [], second.stderr);
    assert.equal(code, 0, second.stderr);
    const commits = second.events('committed');
    assert.ok(commits.length > 0);
    const firstId = first.events('committed')[0]!.memberId;
    assert.notEqual(commits[0]!.memberId, firstId, 'the restarted static member has a new member id');
    console.log(`# [${b.kind}] first member copied ${before} records (${String(firstId)}); the restarted one ${commits.reduce((s, e) => s + Number(e.records), 0)} in ${commits.length} transactions (${String(commits[0]!.memberId)}, generation ${String(commits[0]!.generation)})`);

    const copied = await readCommitted(b.bootstrap, output, N + 1, 10_000);
    const values = copied.map((r) => Number(r.value!.toString())).sort((x, y) => x - y);
    assert.deepEqual(values, Array.from({ length: N }, (_, i) => i), 'every record once');
  } finally {
    first.kill();
    second?.kill();
    await first.exited;
    await second?.exited;
  }
});
