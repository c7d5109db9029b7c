// Persistent state stores against Tideline and Apache Kafka (input written with KafkaJS): a clean
// close writes checkpoints, so a restart restores only the changelog's tail (the restore counter),
// while an instance without local state restores the whole changelog; a child process killed with
// -9 restarts, wipes its database (no checkpoint) and rebuilds it from the changelog, and the
// exactly-once output holds every count once; under at-least-once commits write checkpoints, so
// after a kill -9 only the changelog's tail is restored.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Admin, Consumer } from '@tideline/client';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaStreams, Serdes, StreamsBuilder, changelogTopic } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { consumeN, waitFor } from './helpers.js';

useApacheKafka();

const CHILD = fileURLToPath(new URL('./fixtures/persistent-app.js', import.meta.url));
const KEYS = 8;

function counter(input: string, out: string) {
  const S = Serdes.string();
  const b = new StreamsBuilder();
  b.stream(input, { keySerde: S, valueSerde: S }).groupByKey().count({ name: 'totals', persistent: true }).toStream().to(out);
  return b.build();
}

async function produce(bootstrap: string, topic: string, n: number, from = 0): Promise<void> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const p = kafka.producer();
  await p.connect();
  const msgs = Array.from({ length: n }, (_, i) => ({ key: `k${(from + i) % KEYS}`, value: `v${from + i}` }));
  for (let i = 0; i < msgs.length; i += 500) await p.send({ topic, messages: msgs.slice(i, i + 500) });
  await p.disconnect();
}

async function topics(bootstrap: string): Promise<{ input: string; out: string; app: string }> {
  const input = uniqueTopic('ps-in');
  const out = uniqueTopic('ps-out');
  const admin = new Admin({ bootstrap });
  await admin.createTopics([{ topic: input, numPartitions: 2, replicationFactor: 1 }, { topic: out, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  return { input, out, app: uniqueTopic('ps') };
}

/** The committed output: per key, the counts in order. */
async function counts(bootstrap: string, out: string, n: number): Promise<Map<string, number[]>> {
  const rs = await consumeN(bootstrap, out, [0], n, { readCommitted: true, timeoutMs: 120_000 });
  const m = new Map<string, number[]>();
  for (const r of rs) {
    const k = r.key!.toString();
    m.set(k, [...(m.get(k) ?? []), Number(r.value!.toString())]);
  }
  return m;
}

/**
 * The input as written: records per key. The expected counts come from what is in the topic, so
 * a record the (non-idempotent) input writer duplicated on a retry is expected to be counted
 * twice; such duplicates are reported, they are not the application's doing.
 */
async function inputCounts(bootstrap: string, input: string, partitions: number): Promise<{ perKey: Map<string, number>; total: number }> {
  const admin = new Admin({ bootstrap });
  const ends = await admin.listOffsets(Array.from({ length: partitions }, (_, partition) => ({ topic: input, partition, spec: 'latest' as const })));
  await admin.close();
  const total = ends.reduce((s, e) => s + Number(e.offset), 0);
  const rs = await consumeN(bootstrap, input, Array.from({ length: partitions }, (_, p) => p), total, { timeoutMs: 60_000 });
  const perKey = new Map<string, number>();
  const values = new Set<string>();
  for (const r of rs) {
    const v = r.value!.toString();
    if (values.has(v)) process.stdout.write(`# input record ${v} is in ${input} twice (written again by the input producer)\n`);
    values.add(v);
    perKey.set(r.key!.toString(), (perKey.get(r.key!.toString()) ?? 0) + 1);
  }
  return { perKey, total };
}

/** Every key's committed counts are 1..n exactly once, n being its records in the input. */
async function assertCountedOnce(bootstrap: string, input: string, out: string, partitions: number): Promise<void> {
  const { perKey, total } = await inputCounts(bootstrap, input, partitions);
  const got = await counts(bootstrap, out, total);
  for (const [k, n] of perKey) assert.deepEqual(got.get(k), Array.from({ length: n }, (_, i) => i + 1), k);
}

const restored = (s: KafkaStreams): number => s.metrics().tasks.reduce((n, t) => n + t.restored, 0);

bothBrokers('a cleanly closed app restores its persistent store from the checkpoint (the tail only); without local state, from the whole changelog', { timeout: 240_000 }, async (b) => {
  const { input, out, app } = await topics(b.bootstrap);
  const dir = mkdtempSync(join(tmpdir(), 'tideline-ps-'));
  const cfg = { applicationId: app, bootstrap: b.bootstrap, guarantee: 'exactly-once' as const, stateDir: dir };
  try {
    await produce(b.bootstrap, input, 400);
    const first = new KafkaStreams(counter(input, out), cfg);
    await first.start();
    await counts(b.bootstrap, out, 400);
    await first.close();
    assert.ok(existsSync(join(dir, app, '0_0', 'totals-store.db')) && existsSync(join(dir, app, '0_1', 'totals-store.db')));

    await produce(b.bootstrap, input, 80, 400);
    const second = new KafkaStreams(counter(input, out), cfg);
    await second.start();
    let fromCheckpoint: number;
    try {
      await waitFor('both tasks', () => second.assignedTasks().length === 2);
      fromCheckpoint = restored(second);
      await assertCountedOnce(b.bootstrap, input, out, 2);
    } finally {
      await second.close();
    }
    // Control: an instance with an empty state directory restores every changelog record.
    const third = new KafkaStreams(counter(input, out), { ...cfg, stateDir: join(dir, 'fresh') });
    await third.start();
    try {
      await waitFor('both tasks', () => third.assignedTasks().length === 2);
      const full = restored(third);
      assert.ok(full >= KEYS, `full restore read ${full}`);
      assert.ok(fromCheckpoint < full, `restored from the checkpoint ${fromCheckpoint}, whole changelog ${full}`);
      process.stdout.write(`# ${b.kind}: restored ${fromCheckpoint} records from the checkpoints, ${full} without local state\n`);
    } finally {
      await third.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

bothBrokers('persistent stores move between two instances sharing a state directory (revoke writes the checkpoint, the new owner restores the tail)', { timeout: 240_000 }, async (b) => {
  const input = uniqueTopic('ps-share-in');
  const out = uniqueTopic('ps-share-out');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic: input, numPartitions: 4, replicationFactor: 1 }, { topic: out, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const dir = mkdtempSync(join(tmpdir(), 'tideline-ps-share-'));
  const cfg = { applicationId: uniqueTopic('ps-share'), bootstrap: b.bootstrap, guarantee: 'exactly-once' as const, stateDir: dir };
  const a = new KafkaStreams(counter(input, out), { ...cfg, instanceId: 'a' });
  const c = new KafkaStreams(counter(input, out), { ...cfg, instanceId: 'c' });
  try {
    await a.start();
    await waitFor('a runs every task', () => a.assignedTasks().length === 4);
    await produce(b.bootstrap, input, 160);
    await counts(b.bootstrap, out, 160);
    await c.start();
    await waitFor('the tasks are shared 2/2', () => a.assignedTasks().length === 2 && c.assignedTasks().length === 2, 90_000);
    // c's tasks were revoked from a cleanly: c restored them from a's checkpoints (0 records; at
    // most the last transaction's, one per key, if the last stable offset lagged its markers).
    assert.ok(restored(c) <= KEYS, `restored ${restored(c)}`);
    await produce(b.bootstrap, input, 80, 160);
    await counts(b.bootstrap, out, 240);
    await c.close();
    await waitFor('a runs every task again', () => a.assignedTasks().length === 4, 90_000);
    await produce(b.bootstrap, input, 80, 240);
    await assertCountedOnce(b.bootstrap, input, out, 4);
  } finally {
    await c.close();
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Child {
  child: ChildProcess;
  processed: () => number;
  restored: () => number;
  commits: () => number;
  /** Tasks running (each restored before it is counted). */
  tasks: () => number;
  exited: Promise<number | null>;
}

function startChild(args: string[]): Child {
  const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let processed = 0;
  let restoredN = 0;
  let commits = 0;
  let tasks = 0;
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) {
      const m = /^processed (\d+) restored (\d+) commits (\d+) tasks (\d+)$/.exec(line.trim());
      if (m !== null) {
        processed = Number(m[1]);
        restoredN = Number(m[2]);
        commits = Number(m[3]);
        tasks = Number(m[4]);
      }
    }
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== null && code !== 0) process.stderr.write(`persistent child exited ${code}: ${err}\n`);
    resolve(code);
  }));
  return { child, processed: () => processed, restored: () => restoredN, commits: () => commits, tasks: () => tasks, exited };
}

/**
 * Produces `n` records, runs the child until `killWhen`, kills it with -9, calls `afterKill`, and
 * restarts it for `check`; then the restarted child must exit cleanly on SIGTERM. The child's
 * state directory is removed at the end and a child still running is killed.
 */
async function killAndRestart(
  b: { bootstrap: string },
  opts: { n: number; guarantee: 'exactly-once' | 'at-least-once'; killWhen: (c: Child) => boolean },
  afterKill: (ctx: { app: string; dir: string }) => Promise<void>,
  check: (ctx: { input: string; out: string; child: Child }) => Promise<void>,
): Promise<void> {
  const { input, out, app } = await topics(b.bootstrap);
  const dir = mkdtempSync(join(tmpdir(), 'tideline-ps-kill-'));
  const args = [b.bootstrap, app, input, out, dir, opts.guarantee];
  let c: Child | null = null;
  try {
    await produce(b.bootstrap, input, opts.n);
    c = startChild(args);
    await waitFor('the child got far enough to be killed', () => opts.killWhen(c!), 120_000);
    c.child.kill('SIGKILL');
    await c.exited;
    await afterKill({ app, dir });
    c = startChild(args);
    await check({ input, out, child: c });
    c.child.kill('SIGTERM');
    assert.equal(await c.exited, 0);
    c = null;
  } finally {
    if (c !== null) {
      c.child.kill('SIGKILL');
      await c.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

bothBrokers('killed with -9, an app with a persistent store rebuilds it from the changelog; the exactly-once output holds every count once', { timeout: 300_000 }, async (b) => {
  await killAndRestart(b, {
    n: 1600,
    guarantee: 'exactly-once',
    // Killed after some state was committed (so the restart has a changelog to rebuild from), mid-processing.
    killWhen: (c) => c.commits() >= 2 && c.processed() >= 300,
  }, async ({ app, dir }) => {
    assert.ok(existsSync(join(dir, app, '0_0', 'totals-store.db')) || existsSync(join(dir, app, '0_1', 'totals-store.db')));
  }, async ({ input, out, child }) => {
    await assertCountedOnce(b.bootstrap, input, out, 2);
    // No checkpoint after a kill: the restart restored the changelog from the beginning.
    await waitFor('the restore count reported', () => child.restored() > 0, 30_000);
  });
});

/** At-least-once output: reads until every key's count reached its total; returns each key's counts seen. */
async function countsUpTo(bootstrap: string, out: string, totals: Map<string, number>, timeoutMs: number): Promise<Map<string, number[]>> {
  const consumer = new Consumer({ bootstrap, maxWaitMs: 200 });
  consumer.assign([{ topic: out, partition: 0, offset: 'earliest' }]);
  const seen = new Map<string, number[]>();
  const timer = setTimeout(() => void consumer.close(), timeoutMs);
  const done = (): boolean => [...totals].every(([k, n]) => Math.max(0, ...(seen.get(k) ?? [])) >= n);
  try {
    for await (const r of consumer) {
      const k = r.key!.toString();
      seen.set(k, [...(seen.get(k) ?? []), Number(r.value!.toString())]);
      if (done()) break;
    }
  } finally {
    clearTimeout(timer);
    await consumer.close();
  }
  if (!done()) throw new Error(`the counts did not reach their totals within ${timeoutMs} ms`);
  return seen;
}

bothBrokers('at-least-once: commits write checkpoints, so after kill -9 a restart restores only the changelog written since the last one; every count reaches its total', { timeout: 300_000 }, async (b) => {
  let changelog = 0;
  await killAndRestart(b, {
    n: 3200,
    guarantee: 'at-least-once',
    // Killed once several commits (each with its checkpoints) are behind it, most likely mid-processing.
    killWhen: (c) => c.commits() >= 3 && c.processed() >= 600,
  }, async ({ app }) => {
    const admin = new Admin({ bootstrap: b.bootstrap });
    const ends = await admin.listOffsets([0, 1].map((partition) => ({ topic: changelogTopic(app, 'totals-store'), partition, spec: 'latest' as const })));
    await admin.close();
    changelog = ends.reduce((s, e) => s + Number(e.offset), 0);
  }, async ({ input, out, child }) => {
    // A task is counted once its stores are restored.
    await waitFor('the restarted child runs both tasks', () => child.tasks() === 2, 60_000);
    const restoredN = child.restored();
    const { perKey } = await inputCounts(b.bootstrap, input, 2);
    const got = await countsUpTo(b.bootstrap, out, perKey, 120_000);
    for (const [k, total] of perKey) {
      const counts = got.get(k)!;
      // At least once: every count from 1 to the total was emitted (some maybe twice).
      for (let i = 1; i <= total; i++) assert.ok(counts.includes(i), `${k}: count ${i} emitted`);
    }
    // Each flush writes at most one changelog record per key: the tail after the last checkpoint
    // is at most one flush (the kill may fall between a flush and its checkpoint).
    assert.ok(restoredN <= KEYS && restoredN < changelog, `restored ${restoredN} of ${changelog} changelog records`);
    process.stdout.write(`# ${b.kind}: after kill -9 restored ${restoredN} of ${changelog} changelog records\n`);
  });
});
