// Poison pills: a child process that kills itself on one record is restarted by the test; after
// 3 crashes on that offset the record is dead-lettered with class `poison` and the rest of the
// partition is processed. Also the marker logic on its own, with an in-memory store.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Admin, Producer } from '@tideline/client';
import { MemoryInflightStore, decodeEnvelope, readToEnd } from '../src/index.js';
import { PartitionGuard } from '../src/poison.js';
import { bothBrokers, consumeN, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

const WORKER = fileURLToPath(new URL('./worker.js', import.meta.url));

test('markers: a crash in a range, then twice on one offset, makes it poison', async () => {
  const store = new MemoryInflightStore();
  const load = async (): Promise<PartitionGuard> => new PartitionGuard(store, 'k', 3, (await store.load(['k'])).get('k') ?? null);
  let g = await load();
  assert.equal(g.careful, false);
  await g.beginRange(0n, 9n);
  // crash somewhere in 0..9
  g = await load();
  assert.equal(g.careful, true);
  assert.deepEqual(await g.beforeRecord(3n, 9n), { poison: false });
  assert.deepEqual(await g.beforeRecord(4n, 9n), { poison: false });
  assert.deepEqual(store.markers.get('k'), { state: 'record', offset: '4', crashes: 1 });
  g = await load(); // second crash on 4
  assert.deepEqual(await g.beforeRecord(4n, 9n), { poison: false });
  g = await load(); // third crash on 4
  assert.deepEqual(await g.beforeRecord(3n, 9n), { poison: false });
  assert.deepEqual(await g.beforeRecord(4n, 9n), { poison: true, crashes: 3 });
  // past the suspect offset: back to one marker per batch
  assert.deepEqual(await g.beforeRecord(5n, 9n), { poison: false });
  assert.equal(g.careful, false);
  assert.deepEqual(store.markers.get('k'), { state: 'range', from: '5', to: '9' });
  await g.clean();
  assert.equal((await load()).careful, false);
});

function runWorker(cfg: object, maxMs: number): { exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; stop(): void } {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(cfg)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), maxMs);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 2) process.stderr.write(`worker failed: ${err}\n`);
      resolve({ code, signal });
    });
  });
  return { exit, stop: () => child.kill('SIGTERM') };
}

for (const crash of ['kill', 'exit'] as const) {
  bothBrokers(`a record that crashes the process (${crash}) is isolated after 3 crashes; the rest of its partition is processed`, { timeout: 240_000 }, async (b) => {
    const topic = uniqueTopic('poison');
    const out = uniqueTopic('poison-out');
    const admin = new Admin({ bootstrap: b.bootstrap });
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }, { topic: out, numPartitions: 1, replicationFactor: 1 }]);
    const p = new Producer({ bootstrap: b.bootstrap });
    await p.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
    await p.close();
    const cfg = { bootstrap: b.bootstrap, topic, group: uniqueTopic('g'), out, poisonKey: 'k4', crash };
    let crashes = 0;
    let runs = 0;
    try {
      for (;;) {
        assert.ok(runs < 6, `still crashing after ${runs} runs`);
        runs++;
        const w = runWorker(cfg, 60_000);
        // Done once the DLQ holds the poison record and everything else reached the output.
        const poll = setInterval(() => {
          void (async () => {
            // Everything committed: the DLQ and output records were acked before.
            const c = await admin.listGroupOffsets(cfg.group, [{ topic, partition: 0 }]).catch(() => []);
            if (c[0]?.offset === 10n) w.stop();
          })();
        }, 200);
        const r = await w.exit;
        clearInterval(poll);
        if (r.code === 0) break;
        if (crash === 'kill') assert.equal(r.signal, 'SIGKILL');
        else assert.equal(r.code, 3);
        crashes++;
      }
      assert.equal(crashes, 3);
      const dlq = await consumeN(b.bootstrap, `${topic}.dlq`, 1, 1);
      assert.equal(dlq[0]!.key!.toString(), 'k4');
      const e = decodeEnvelope(dlq[0]!.headers)!;
      assert.equal(e.errorClass, 'poison');
      assert.equal(e.errorName, 'PoisonPill');
      assert.equal(e.originalOffset, 4n);
      assert.equal(e.attempt, 3);
      const keys = new Set<string>();
      await readToEnd({ bootstrap: b.bootstrap }, [out], (r) => void keys.add(r.key!.toString()));
      assert.deepEqual([...keys].sort(), ['k0', 'k1', 'k2', 'k3', 'k5', 'k6', 'k7', 'k8', 'k9']);
    } finally {
      await admin.close();
    }
  });
}
