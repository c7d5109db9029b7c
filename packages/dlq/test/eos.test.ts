// Exactly once: a child process running a DeadLetterConsumer with exactlyOnce is killed with
// SIGKILL at random points and restarted; a read_committed reader then finds every input record
// exactly once, either in the output topic or in the DLQ: dead-letter writes, outputs and offset
// commits are atomic.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Admin, Producer } from '@tideline/client';
import { decodeEnvelope, readToEnd } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

function startWorker(cfg: object): { exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; kill(sig: NodeJS.Signals): void } {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(cfg)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (code !== 0 && signal === null) process.stderr.write(`worker exited ${code}: ${err}\n`);
      resolve({ code, signal });
    });
  });
  return { exit, kill: (sig) => void child.kill(sig) };
}

bothBrokers('exactly once: DLQ writes, outputs and offsets stay atomic across kill -9 at random points', { timeout: 480_000 }, async (b, t) => {
  const topic = uniqueTopic('eos-in');
  const out = uniqueTopic('eos-out');
  const group = uniqueTopic('eos-g');
  const N = 300;
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }, { topic: out, numPartitions: 2, replicationFactor: 1 }]);
  const p = new Producer({ bootstrap: b.bootstrap });
  await p.send({ topic, messages: Array.from({ length: N }, (_, i) => ({ key: `k${String(i).padStart(3, '0')}`, value: `v${i}` })) });
  await p.close();
  const cfg = { bootstrap: b.bootstrap, topic, group, out, deadDigit: '7', transactionalId: `${group}-txn`, delayMs: 15, noPoison: true };
  const committedAll = async (): Promise<boolean> => {
    const c = await admin.listGroupOffsets(group, [{ topic, partition: 0 }, { topic, partition: 1 }]).catch(() => []);
    const ends = await admin.listOffsets([{ topic, partition: 0, spec: 'latest' }, { topic, partition: 1, spec: 'latest' }]);
    return ends.every((e) => c.find((x) => x.partition === e.partition)?.offset === e.offset);
  };
  try {
    let kills = 0;
    for (let round = 0; round < 8 && !(await committedAll()); round++) {
      const w = startWorker(cfg);
      const after = 1000 + Math.floor(Math.random() * 2000);
      const timer = setTimeout(() => w.kill('SIGKILL'), after);
      const r = await w.exit;
      clearTimeout(timer);
      if (r.signal === 'SIGKILL') kills++;
    }
    assert.ok(kills >= 1, 'at least one kill landed');
    t.diagnostic(`${kills} kills before the last run`);
    // The last run finishes the input and leaves cleanly.
    const w = startWorker(cfg);
    const end = Date.now() + 120_000;
    while (!(await committedAll())) {
      assert.ok(Date.now() < end, 'the input was not fully committed in time');
      await new Promise((res) => setTimeout(res, 200));
    }
    w.kill('SIGTERM');
    await w.exit;

    const outKeys: string[] = [];
    await readToEnd({ bootstrap: b.bootstrap }, [out], (r) => void outKeys.push(r.key!.toString()), { isolationLevel: 'read_committed' });
    const dlqKeys: string[] = [];
    await readToEnd({ bootstrap: b.bootstrap }, [`${topic}.dlq`], (r) => {
      dlqKeys.push(r.key!.toString());
      assert.equal(decodeEnvelope(r.headers)?.errorClass, 'permanent');
    }, { isolationLevel: 'read_committed' });
    const expectDead = Array.from({ length: N }, (_, i) => `k${String(i).padStart(3, '0')}`).filter((k) => k.endsWith('7'));
    const expectOut = Array.from({ length: N }, (_, i) => `k${String(i).padStart(3, '0')}`).filter((k) => !k.endsWith('7'));
    assert.deepEqual(dlqKeys.sort(), expectDead, 'each dead letter exactly once');
    assert.deepEqual(outKeys.sort(), expectOut, 'each output exactly once');
  } finally {
    await admin.close();
  }
});
