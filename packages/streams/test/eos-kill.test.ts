// Exactly-once under kill -9: a child process runs the page-view topology with exactly-once and
// is killed (SIGKILL) ten times at random points while processing, then runs to the end. The
// committed output and DLQ equal those of an uninterrupted run (the reference computation):
// every window count once, every late click once.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Admin, Producer } from '@tideline/client';
import { KafkaStreams, type Windowed } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { clicks, OOO, pageViews, reference } from './clicks.js';
import { consumeN, waitFor } from './helpers.js';

useApacheKafka();

const CHILD = fileURLToPath(new URL('./fixtures/eos-app.js', import.meta.url));

function startChild(args: string[]): { child: ChildProcess; processed: () => number; tasks: () => string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let processed = 0;
  let tasks: string[] = [];
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    const m = /processed (\d+) tasks ([\d_,]*)\s*$/.exec(d.toString().trim());
    if (m !== null) {
      processed = Number(m[1]);
      tasks = m[2] === '' ? [] : m[2]!.split(',');
    }
  });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (process.env.STREAMS_TEST_DEBUG !== undefined) process.stderr.write(`[child ${child.pid}] ${d.toString()}`);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== null && code !== 0) process.stderr.write(`eos child exited ${code}: ${err}\n`);
    resolve(code);
  }));
  return { child, processed: () => processed, tasks: () => tasks, exited };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function setup(bootstrap: string, n: number, seed: number): Promise<{ input: string; out: string; app: string; ref: ReturnType<typeof reference> }> {
  const input = uniqueTopic('eos-clicks');
  const out = uniqueTopic('eos-out');
  const app = uniqueTopic('eos');
  const admin = new Admin({ bootstrap });
  await admin.createTopics([{ topic: input, numPartitions: 2, replicationFactor: 1 }, { topic: out, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const data = clicks(n, seed);
  const p = new Producer({ bootstrap });
  for (const part of [0, 1]) {
    const msgs = data.filter((x) => x.partition === part).map((x) => ({ key: x.click.page, value: JSON.stringify(x.click), partition: part, headers: { idx: String(x.index) } }));
    await p.send({ topic: input, messages: msgs });
  }
  await p.close();
  return { input, out, app, ref: reference(data) };
}

async function checkOutput(bootstrap: string, app: string, out: string, ref: ReturnType<typeof reference>): Promise<void> {
  const results = await consumeN(bootstrap, out, [0], ref.counts.size, { readCommitted: true, timeoutMs: 240_000 });
  const late = await consumeN(bootstrap, `${app}-late`, [0, 1], ref.late.length, { readCommitted: true, timeoutMs: 60_000 });
  // Nothing more than the uninterrupted run's records.
  await assert.rejects(consumeN(bootstrap, out, [0], ref.counts.size + 1, { readCommitted: true, timeoutMs: 3000 }), /read \d+ of/);
  const keys = results.map((r) => {
    const w = JSON.parse(r.key!.toString()) as Windowed<string>;
    return `${w.key}@${w.start}`;
  });
  assert.equal(new Set(keys).size, keys.length, 'every window once');
  assert.deepEqual(new Map(results.map((r, i) => [keys[i]!, Number(r.value!.toString())])), ref.counts);
  const idx = late.map((r) => Number(r.headers.find((h) => h.key === 'idx')!.value!.toString())).sort((x, y) => x - y);
  assert.deepEqual(idx, ref.late, 'every late click once');
}

bothBrokers('two instances share the tasks; when one is killed (-9) the other takes its task over, exactly once', { timeout: 300_000 }, async (b) => {
  const { input, out, app, ref } = await setup(b.bootstrap, 3000, 5);
  const child = startChild([b.bootstrap, app, input, out, 'dies']);
  const survivor = new KafkaStreams(pageViews(input, out, 2), { applicationId: app, bootstrap: b.bootstrap, guarantee: 'exactly-once', instanceId: 'survives', maxOutOfOrdernessMs: OOO, sessionTimeoutMs: 10_000 });
  try {
    await waitFor('the child runs a task', () => child.tasks().length > 0, 60_000);
    await survivor.start();
    await waitFor('one task each', () => survivor.assignedTasks().length === 1 && child.tasks().length === 1, 90_000);
    // The child's count covers its current tasks only: when it finished its partition before the
    // survivor joined, the task it keeps may show nothing new. The kill and the takeover are what
    // this test is about, so it goes on either way.
    await waitFor('the child processes its task', () => child.processed() > 0, 20_000)
      .catch(() => console.log('# the child had nothing left to process when it was killed'));
    child.child.kill('SIGKILL');
    await child.exited;
    await waitFor('the survivor runs both tasks', () => survivor.assignedTasks().length === 2, 90_000);
    await checkOutput(b.bootstrap, app, out, ref);
  } finally {
    child.child.kill('SIGKILL');
    await child.exited;
    await survivor.close();
  }
});

bothBrokers('exactly-once: ten kill -9 at random points give the output of an uninterrupted run', { timeout: 600_000 }, async (b) => {
  const { input, out, app, ref } = await setup(b.bootstrap, 3000, 11);
  const args = [b.bootstrap, app, input, out];
  let seed = 3;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let killedWhileProcessing = 0;
  for (let k = 0; k < 10; k++) {
    const c = startChild(args);
    const started = Date.now();
    while (c.processed() === 0 && Date.now() - started < 15_000) await sleep(50);
    if (c.processed() > 0) killedWhileProcessing++;
    await sleep(Math.floor(rand() * 600));
    c.child.kill('SIGKILL');
    await c.exited;
  }
  const last = startChild(args);
  try {
    await checkOutput(b.bootstrap, app, out, ref);
    assert.ok(killedWhileProcessing >= 3, `killed while processing ${killedWhileProcessing} of 10 times`);
  } finally {
    last.child.kill('SIGKILL');
    await last.exited;
  }
});
