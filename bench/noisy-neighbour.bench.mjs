// Noisy neighbour: does a client quota protect a modest tenant from a greedy one on the same
// broker? One Tideline broker (`tide broker start`, a child process) for the whole run; each tenant
// is a child process of its own with our client (bench/peers/noisy-worker.mjs):
//   tenant B (client.id tenant-b): one 1 KiB record per send() at 1,000 records/s, acks=all, and
//     each record's time from send() to its acknowledgement;
//   tenant A (client.id tenant-a): 1 KiB records, 64 per send(), 8 sends outstanding, acks=all,
//     as fast as the broker takes them.
// Four phases: B alone; B with A unquota'd; B with A under producer_byte_rate 10 MB/s (set with
// AlterClientQuotas); the same at 2 MB/s (A as client.id tenant-a2, so the quota starts on a fresh
// sensor). A starts before B is measured: 3 s unquota'd, and 12 s quota'd, since Kafka's
// quota windows (11 x 1 s) let a new client send 10 s of its quota at once before throttling it.
// Reports B's p50/p99/p99.9, A's rate, and the broker's CPU per phase; goal: B's p99 with A
// quota'd within 1.5x of B alone.
//
//   BENCH_QUICK=1 node bench/noisy-neighbour.bench.mjs   (1 s phases; part of `npm run bench`)
//   npm run bench -- --full noisy                         (20 s phases; the numbers in docs/benchmarks.md)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { ApiKey, ErrorCode, FrameDecoder, decodeResponse, encodeRequest } from '@tideline/protocol';
import { Admin } from '@tideline/client';
import { cpuSeconds, loadAverage, machineInfo } from './peers/limits.mjs';
import { startTideline } from './peers/servers.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const WORKER = new URL('./peers/noisy-worker.mjs', import.meta.url).pathname;
const CFG = {
  mode: QUICK ? 'quick' : 'full',
  seconds: QUICK ? 1 : 20,
  warmupUnquotaed: QUICK ? 0.5 : 3,
  warmupQuotaed: QUICK ? 0.5 : 12,
  size: 1024,
  steadyRate: QUICK ? 200 : 1000,
  floodChunk: 64,
  floodWindow: 8,
  quotaBytesPerSec: 10_000_000,
  // A second, tighter quota, on another client id (a new sensor, so its own 12 s warm-up).
  lowQuotaBytesPerSec: 2_000_000,
};

const started = Date.now();
const log = (...a) => console.log(`[bench noisy +${((Date.now() - started) / 1000).toFixed(0)}s]`, ...a);
const base = mkdtempSync(join(os.tmpdir(), 'tideline-bench-noisy-'));
const results = {
  suite: 'noisy-neighbour', mode: CFG.mode, date: new Date().toISOString(),
  command: QUICK ? 'node bench/noisy-neighbour.bench.mjs (BENCH_QUICK=1)' : 'npm run bench -- --full noisy',
  config: CFG, machine: (({ disk: _disk, ...rest }) => rest)(machineInfo(base)), load: { before: loadAverage() }, phases: [],
};

function runWorker(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), (job.seconds + 120) * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        const r = JSON.parse(out.trim().split('\n').pop() ?? '');
        if (r.ok) resolve({ ...r, pid: child.pid });
        else reject(new Error(`${job.role}: ${r.error}`));
      } catch {
        reject(new Error(`${job.role} exited ${code ?? signal}: ${err.slice(-2000)}`));
      }
    });
  });
}

/** AlterClientQuotas on a raw connection (one request, v1). */
function alterClientQuota(port, clientId, key, value) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const frames = new FrameDecoder();
    sock.once('error', reject);
    sock.on('connect', () => {
      for (const b of encodeRequest(ApiKey.AlterClientQuotas, 1, 1, 'bench', {
        validateOnly: false,
        entries: [{ entity: [{ entityType: 'client-id', entityName: clientId }], ops: value === null ? [{ key, value: 0, remove: true }] : [{ key, value, remove: false }] }],
      })) sock.write(b);
    });
    sock.on('data', (d) => {
      frames.push(d);
      const f = frames.next();
      if (f === undefined) return;
      sock.destroy();
      const r = decodeResponse(ApiKey.AlterClientQuotas, 1, f).body;
      const e = r.entries[0];
      if (e.errorCode !== ErrorCode.NONE) reject(new Error(`AlterClientQuotas: ${e.errorMessage}`));
      else resolve();
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const broker = await startTideline({ dir: join(base, 'tideline') });
try {
  const admin = new Admin({ bootstrap: broker.bootstrap });
  await admin.createTopics([{ topic: 'tenant-a', numPartitions: 4, replicationFactor: 1 }, { topic: 'tenant-b', numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const steadyJob = { role: 'steady', bootstrap: broker.bootstrap, topic: 'tenant-b', clientId: 'tenant-b', size: CFG.size, seconds: CFG.seconds, rate: CFG.steadyRate };
  const floodJob = (seconds, clientId) => ({ role: 'flood', bootstrap: broker.bootstrap, topic: 'tenant-a', clientId, size: CFG.size, seconds, chunk: CFG.floodChunk, window: CFG.floodWindow });

  async function phase(name, warmupS, floodClientId) {
    const withFlood = floodClientId !== null;
    const loadBefore = loadAverage();
    const flood = withFlood ? runWorker(floodJob(warmupS + CFG.seconds + 1, floodClientId)) : null;
    if (withFlood) await sleep(warmupS * 1000);
    const cpu0 = cpuSeconds(broker.pid);
    const t0 = performance.now();
    const b = await runWorker(steadyJob);
    const brokerCpuS = cpuSeconds(broker.pid) - cpu0;
    const wallS = (performance.now() - t0) / 1000;
    const a = flood === null ? null : await flood;
    const row = {
      name, b, a, brokerCpuS, wallS, brokerCpuPct: (100 * brokerCpuS) / wallS,
      loadBefore: loadBefore.load1, loadAfter: loadAverage().load1,
    };
    results.phases.push(row);
    log(`${name}: B p50 ${b.p50Ms.toFixed(2)} p99 ${b.p99Ms.toFixed(2)} ms (${b.rate.toFixed(0)}/s)${a ? `, A ${a.mbPerSec.toFixed(1)} MB/s` : ''}, broker CPU ${row.brokerCpuPct.toFixed(0)}%`);
  }

  await phase('B alone', 0, null);
  await phase('B + A unquota\'d', CFG.warmupUnquotaed, 'tenant-a');
  await alterClientQuota(broker.port, 'tenant-a', 'producer_byte_rate', CFG.quotaBytesPerSec);
  await phase(`B + A quota'd (${CFG.quotaBytesPerSec / 1e6} MB/s)`, CFG.warmupQuotaed, 'tenant-a');
  await alterClientQuota(broker.port, 'tenant-a2', 'producer_byte_rate', CFG.lowQuotaBytesPerSec);
  await phase(`B + A quota'd (${CFG.lowQuotaBytesPerSec / 1e6} MB/s)`, CFG.warmupQuotaed, 'tenant-a2');
} finally {
  await broker.stop();
  results.load.after = loadAverage();
  rmSync(base, { recursive: true, force: true });
}

const alone = results.phases[0].b.p99Ms;
const quotaed = results.phases[2].b.p99Ms;
const low = results.phases[3].b.p99Ms;
results.goal = { bP99AloneMs: alone, bP99WithAQuotaedMs: quotaed, ratio: quotaed / alone, met: quotaed <= 1.5 * alone, lowQuotaRatio: low / alone };
console.log(`\nnoisy-neighbour (${CFG.mode}; ${results.machine.cores} CPUs, load ${results.load.before.load1} -> ${results.load.after.load1})`);
console.log('| phase | B p50 ms | B p99 ms | B p99.9 ms | B max ms | B rate/s | A MB/s | broker CPU % of a core | A MB per broker CPU s | load (1 min) before / after |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const p of results.phases) {
  const perCpu = p.a === null ? '-' : (p.a.mbPerSec * p.wallS / p.brokerCpuS).toFixed(1);
  console.log(`| ${p.name} | ${p.b.p50Ms.toFixed(2)} | ${p.b.p99Ms.toFixed(2)} | ${p.b.p999Ms.toFixed(2)} | ${p.b.maxMs.toFixed(1)} | ${p.b.rate.toFixed(0)} | ${p.a === null ? '-' : p.a.mbPerSec.toFixed(1)} | ${p.brokerCpuPct.toFixed(0)} | ${perCpu} | ${p.loadBefore} / ${p.loadAfter} |`);
}
console.log(`goal: B's p99 with A quota'd (10 MB/s) within 1.5x of B alone: ${results.goal.ratio.toFixed(2)}x, ${results.goal.met ? 'met' : 'NOT met'}; at 2 MB/s: ${results.goal.lowQuotaRatio.toFixed(2)}x`);
const dir = new URL(`./results/${QUICK ? '' : 'full/'}`, import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('noisy-neighbour.json', dir), JSON.stringify(results, null, 2) + '\n');
