// The cost of opt-in application metrics: our producer and consumer with `metrics` off and on,
// against one Tideline broker process, in the same run, alternating (off, on, on, off, ...) so a
// drifting machine load falls on both sides. Reported: records/s and the client process's CPU per
// record (user + system, from process.cpuUsage), median over the repetitions, and on vs off.
// Goal (issue 19): metrics nearly free, at most 3% fewer records/s with them on.
//
//   node bench/app-metrics.bench.mjs              full: 1,000,000 x 100 B per run, 5 repetitions
//   BENCH_QUICK=1 node bench/app-metrics.bench.mjs  CI smoke: 20,000 records, 1 repetition
//   BENCH_RECORDS=200000 BENCH_REPS=3 node bench/app-metrics.bench.mjs
//
// Results: bench/results/app-metrics.json; full mode also bench/results/full/app-metrics.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { Admin, Consumer, Producer } from '@tideline/client';
import { appMetrics } from '@tideline/observability';
import { loadAverage, machineInfo } from './peers/limits.mjs';
import { startTideline } from './peers/servers.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const RECORDS = Number(process.env.BENCH_RECORDS ?? (QUICK ? 20_000 : 1_000_000));
const REPS = Number(process.env.BENCH_REPS ?? (QUICK ? 1 : 5));
const SIZE = 100;
const PARTITIONS = 4;
const CHUNK = Math.floor((65_536 * PARTITIONS) / SIZE); // records per send(): one 64 KiB batch per partition
const WINDOW = 8; // send() calls in flight

const base = mkdtempSync(join(os.tmpdir(), 'tideline-bench-app-metrics-'));
const value = Buffer.alloc(SIZE, 'x');

async function produce(bootstrap, topic, metrics) {
  const p = new Producer({ bootstrap, lingerMs: 5, batchSize: 65_536, ...(metrics ? { metrics } : {}) });
  const messages = Array.from({ length: CHUNK }, () => ({ value }));
  await p.send({ topic, messages: [{ value }] }); // connect and InitProducerId outside the timing
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let sent = 0;
  const inflight = new Set();
  while (sent < RECORDS) {
    const n = Math.min(CHUNK, RECORDS - sent);
    const s = p.send({ topic, messages: n === CHUNK ? messages : messages.slice(0, n) });
    inflight.add(s);
    void s.finally(() => inflight.delete(s));
    sent += n;
    if (inflight.size >= WINDOW) await Promise.race(inflight);
  }
  await Promise.all(inflight);
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await p.close();
  return { recordsPerSec: RECORDS / secs, cpuMicrosPerRecord: (cpu.user + cpu.system) / RECORDS };
}

async function consume(bootstrap, topic, metrics) {
  const c = new Consumer({ bootstrap, maxWaitMs: 100, ...(metrics ? { metrics } : {}) });
  c.assign(Array.from({ length: PARTITIONS }, (_, partition) => ({ topic, partition, offset: 'earliest' })));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  const want = RECORDS + 1;
  for await (const b of c.batches()) {
    n += b.records.length;
    if (n >= want) break;
  }
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await c.close();
  return { recordsPerSec: n / secs, cpuMicrosPerRecord: (cpu.user + cpu.system) / n };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = {
  suite: 'app-metrics', mode: QUICK ? 'quick' : 'full', date: new Date().toISOString(),
  command: 'node bench/app-metrics.bench.mjs', config: { records: RECORDS, reps: REPS, size: SIZE, partitions: PARTITIONS, chunk: CHUNK, window: WINDOW },
  machine: (({ disk: _disk, ...rest }) => rest)(machineInfo(base)), load: { before: loadAverage() }, runs: [], summary: {},
};

const broker = await startTideline({ dir: join(base, 'broker') });
try {
  const admin = new Admin({ bootstrap: broker.bootstrap });
  const registry = new Registry();
  const metrics = appMetrics(registry);
  // Warm-up (JIT, connections, the broker's first segments): one pair of runs, not recorded.
  for (const side of ['off', 'on']) {
    const topic = `app-metrics-warmup-${side}`;
    await admin.createTopics([{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }]);
    await produce(broker.bootstrap, topic, side === 'on' ? metrics : undefined);
    await consume(broker.bootstrap, topic, side === 'on' ? metrics : undefined);
    await admin.deleteTopics([topic]);
  }
  for (let rep = 0; rep < REPS; rep++) {
    const order = rep % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
    for (const side of order) {
      const topic = `app-metrics-${rep}-${side}`;
      await admin.createTopics([{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }]);
      const m = side === 'on' ? metrics : undefined;
      const p = await produce(broker.bootstrap, topic, m);
      const c = await consume(broker.bootstrap, topic, m);
      results.runs.push({ rep, side, produce: p, consume: c });
      console.log(`rep ${rep} metrics ${side}: produce ${p.recordsPerSec.toFixed(0)} rec/s (${p.cpuMicrosPerRecord.toFixed(2)} µs CPU/rec), consume ${c.recordsPerSec.toFixed(0)} rec/s (${c.cpuMicrosPerRecord.toFixed(2)} µs CPU/rec)`);
      await admin.deleteTopics([topic]);
    }
  }
  await admin.close();
} finally {
  await broker.stop();
  rmSync(base, { recursive: true, force: true });
}
results.load.after = loadAverage();

for (const op of ['produce', 'consume']) {
  const side = (s) => results.runs.filter((r) => r.side === s).map((r) => r[op]);
  const off = { recordsPerSec: median(side('off').map((x) => x.recordsPerSec)), cpuMicrosPerRecord: median(side('off').map((x) => x.cpuMicrosPerRecord)) };
  const on = { recordsPerSec: median(side('on').map((x) => x.recordsPerSec)), cpuMicrosPerRecord: median(side('on').map((x) => x.cpuMicrosPerRecord)) };
  results.summary[op] = { off, on, rateChangePct: ((on.recordsPerSec - off.recordsPerSec) / off.recordsPerSec) * 100, cpuChangePct: ((on.cpuMicrosPerRecord - off.cpuMicrosPerRecord) / off.cpuMicrosPerRecord) * 100 };
}

// The hooks alone, in this process without I/O: what metrics add per producer batch (batchSent at
// the first send, delivered at the acknowledgement) and per consumer batch, against the CPU a
// batch of the off runs cost. Steadier under load than the end-to-end difference.
{
  const m = appMetrics(new Registry());
  const pm = m.producer({ clientId: 'hook-cost' });
  const cm = m.consumer({ clientId: 'hook-cost', groupId: 'g' }, () => []);
  const perBatch = Math.floor(65_536 / (SIZE + 10));
  const time = (fn) => {
    for (let i = 0; i < 100_000; i++) fn();
    const t0 = process.cpuUsage();
    for (let i = 0; i < 1_000_000; i++) fn();
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1_000_000;
  };
  const producerHook = time(() => { pm.batchSent(65_000, perBatch, 0.004); pm.delivered('t', perBatch, 65_000); });
  const consumerHook = time(() => { cm.fetchLatency(0.002); cm.consumed('t', perBatch, 65_000); });
  results.hooks = {
    recordsPerBatch: perBatch,
    producerMicrosPerBatch: producerHook,
    consumerMicrosPerBatch: consumerHook,
    producerShareOfBatchCpuPct: (producerHook / (results.summary.produce.off.cpuMicrosPerRecord * perBatch)) * 100,
    consumerShareOfBatchCpuPct: (consumerHook / (results.summary.consume.off.cpuMicrosPerRecord * perBatch)) * 100,
  };
  console.log(`hooks: producer ${producerHook.toFixed(2)} µs per batch of ${perBatch} records (${results.hooks.producerShareOfBatchCpuPct.toFixed(2)}% of a batch's CPU with metrics off), consumer ${consumerHook.toFixed(2)} µs per batch (${results.hooks.consumerShareOfBatchCpuPct.toFixed(2)}%)`);
}

console.log(`\napp-metrics: ${RECORDS} x ${SIZE} B, ${REPS} repetition(s), medians; load ${results.load.before.load1} -> ${results.load.after.load1}`);
console.log('| client | metrics off rec/s | metrics on rec/s | change | CPU µs/rec off | on | change |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [op, s] of Object.entries(results.summary)) {
  console.log(`| ${op} | ${s.off.recordsPerSec.toFixed(0)} | ${s.on.recordsPerSec.toFixed(0)} | ${s.rateChangePct.toFixed(1)}% | ${s.off.cpuMicrosPerRecord.toFixed(2)} | ${s.on.cpuMicrosPerRecord.toFixed(2)} | ${s.cpuChangePct.toFixed(1)}% |`);
}
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('app-metrics.json', dir), JSON.stringify(results, null, 2) + '\n');
if (!QUICK && process.env.BENCH_RECORDS === undefined && process.env.BENCH_REPS === undefined) {
  mkdirSync(new URL('./results/full/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./results/full/app-metrics.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
}
