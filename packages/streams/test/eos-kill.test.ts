// Exactly-once under kill -9: a child process runs the page-view topology with exactly-once and
// is killed (SIGKILL) ten times at random points while processing, then runs to the end. The
// committed output and DLQ equal those of an uninterrupted run (the reference computation):
// every window count once, every late click once.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Admin, Producer } from '@tideline/client';
import type { Windowed } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { clicks, reference } from './clicks.js';
import { consumeN } from './helpers.js';

useApacheKafka();

const CHILD = fileURLToPath(new URL('./fixtures/eos-app.js', import.meta.url));

function startChild(args: string[]): { child: ChildProcess; processed: () => number; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let processed = 0;
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    const m = /processed (\d+)\s*$/.exec(d.toString().trim());
    if (m !== null) processed = Number(m[1]);
  });
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== null && code !== 0) process.stderr.write(`eos child exited ${code}: ${err}\n`);
    resolve(code);
  }));
  return { child, processed: () => processed, exited };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

bothBrokers('exactly-once: ten kill -9 at random points give the output of an uninterrupted run', { timeout: 600_000 }, async (b) => {
  const input = uniqueTopic('eos-clicks');
  const out = uniqueTopic('eos-out');
  const app = uniqueTopic('eos');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic: input, numPartitions: 2, replicationFactor: 1 }, { topic: out, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const data = clicks(3000, 11);
  const ref = reference(data);
  const p = new Producer({ bootstrap: b.bootstrap });
  for (const part of [0, 1]) {
    const msgs = data.filter((x) => x.partition === part).map((x) => ({ key: x.click.page, value: JSON.stringify(x.click), partition: part, headers: { idx: String(x.index) } }));
    await p.send({ topic: input, messages: msgs });
  }
  await p.close();

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
    const results = await consumeN(b.bootstrap, out, [0], ref.counts.size, { readCommitted: true, timeoutMs: 240_000 });
    const late = await consumeN(b.bootstrap, `${app}-late`, [0, 1], ref.late.length, { readCommitted: true, timeoutMs: 60_000 });
    // Nothing more than the uninterrupted run's records.
    await assert.rejects(consumeN(b.bootstrap, out, [0], ref.counts.size + 1, { readCommitted: true, timeoutMs: 3000 }), /read \d+ of/);
    const keys = results.map((r) => {
      const w = JSON.parse(r.key!.toString()) as Windowed<string>;
      return `${w.key}@${w.start}`;
    });
    assert.equal(new Set(keys).size, keys.length, 'every window once');
    assert.deepEqual(new Map(results.map((r, i) => [keys[i]!, Number(r.value!.toString())])), ref.counts);
    const idx = late.map((r) => Number(r.headers.find((h) => h.key === 'idx')!.value!.toString())).sort((x, y) => x - y);
    assert.deepEqual(idx, ref.late, 'every late click once');
    assert.ok(killedWhileProcessing >= 5, `killed while processing ${killedWhileProcessing} of 10 times`);
  } finally {
    last.child.kill('SIGKILL');
    await last.exited;
  }
});
