// A tailing consumer's end-to-end latency and the fetch wake-up invariant, on `tide broker start`
// (the bundled CLI; its launch to first ack is reported too).
//
// Our producer sends 1 KiB records (acks=all, lingerMs 5) at a fixed rate to a 1-partition topic
// while kcat (librdkafka, fetch.wait.max.ms 500) tails it from the end; end-to-end = arrival in
// this process - CreateTime. After the run the broker's metrics endpoint says how many delayed
// fetches were answered at their max wait although enough data was there
// (`tideline_fetch_purgatory_expired_with_data`: a missed wake-up costs librdkafka 500 ms), and
// /proc says how much CPU the broker used per record.
//
//   node bench/tail.bench.mjs [--rate 24700] [--seconds 10] [--rounds 2] [--cpu-prof] [--bin tide.mjs]
//       --cpu-prof: the broker runs unbundled under --cpu-prof; prints where its time went
//       --bin: another build of the CLI (a copy of packages/cli/dist/bundle), for a B/A/B
// Each round also reports the ack latency of our producer's sends (send() to its promise).
//   BENCH_QUICK=1 node bench/tail.bench.mjs      CI smoke: 2,000 records/s for 3 s, one round
//
// Like every quick bench it fails only on crashes (a broker that does not start, a tool that
// fails), never on numbers.
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Producer } from '@tideline/client';
import { missingReason } from '@tideline/interop';
import { spawnTracked, stopChild } from '@tideline/interop/internal';
import { machine } from './lib.mjs';
import { createTopic } from './peers/loadgen.mjs';
import { summarizeCpuProfile } from './peers/profile.mjs';
import { rssOf, startTideline } from './peers/servers.mjs';
import { cpuSeconds } from './peers/limits.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const { values: opt } = parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' }, rounds: { type: 'string' }, 'cpu-prof': { type: 'boolean', default: false }, bin: { type: 'string' } } });
const RATE = Number(opt.rate ?? (QUICK ? 2000 : 24_700));
const SECONDS = Number(opt.seconds ?? (QUICK ? 3 : 10));
const ROUNDS = Number(opt.rounds ?? (QUICK ? 1 : 2));
const SIZE = 1024;
const log = (m) => console.log(`[tail] ${m}`);

const kcatMissing = missingReason('kcat');
if (kcatMissing !== undefined) {
  if (process.env.CI === 'true') throw new Error(`kcat: ${kcatMissing}`);
  log(`skipped: kcat: ${kcatMissing}`);
  process.exit(0);
}

const freePort = () => new Promise((res, rej) => {
  const s = createServer().once('error', rej).listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => res(port));
  });
});
const cpuMsOf = (pid) => cpuSeconds(pid) * 1000;
const pct = (xs, p) => (xs.length === 0 ? null : xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]);
const PRODUCES = 'tideline_requests_total{api="Produce"}';
async function metric(url, name) {
  const text = await (await fetch(url)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? null : Number(line.split(' ')[1]);
}

const dir = mkdtempSync(join(tmpdir(), 'tideline-tail-'));
const metricsPort = await freePort();
const metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
const result = { suite: 'tail', mode: QUICK ? 'quick' : 'full', machine: machine(), rate: RATE, seconds: SECONDS, recordSize: SIZE, rounds: [] };
let broker;
try {
  const prof = opt['cpu-prof'] ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', join(dir, 'prof')], bundle: false } : {};
  broker = await startTideline({ dir, args: ['--metrics-listen', `127.0.0.1:${metricsPort}`], ...prof, ...(opt.bin !== undefined ? { bin: resolve(opt.bin) } : {}) });
  result.launchToAckMs = broker.launchToAckMs;
  result.rssAtFirstAckMiB = (rssOf(broker.pid) ?? 0) / 2 ** 20;
  log(`broker pid ${broker.pid}: launch to first ack ${broker.launchToAckMs.toFixed(0)} ms`);
  for (let round = 0; round < ROUNDS; round++) {
    const topic = `tail-${round}`;
    await createTopic(broker.bootstrap, topic, 1);
    const kcat = spawnTracked('kcat', ['-C', '-b', broker.bootstrap, '-t', topic, '-p', '0', '-o', 'end', '-u', '-q', '-f', '%T\n'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lat = [];
    const acks = [];
    let partial = '';
    let measuring = false;
    kcat.stdout.on('data', (b) => {
      const now = Date.now();
      const parts = (partial + b.toString('latin1')).split('\n');
      partial = parts.pop();
      if (measuring) for (const p of parts) lat.push(now - Number(p));
    });
    const producer = new Producer({ bootstrap: broker.bootstrap, lingerMs: 5 });
    const value = Buffer.alloc(SIZE, 120);
    try {
      await new Promise((r) => setTimeout(r, 1500)); // kcat connects and positions itself at the end
      const load1 = loadavg()[0];
      const expiredBefore = await metric(metricsUrl, 'tideline_fetch_purgatory_expired_with_data');
      const producesBefore = await metric(metricsUrl, PRODUCES);
      const cpu0 = cpuMsOf(broker.pid);
      const t0 = performance.now();
      measuring = true;
      let sent = 0;
      // Outstanding sends are counted, not awaited in blocks: waiting for a block of them to be
      // acknowledged and then sending what fell due meanwhile in one burst measured that burst.
      let outstanding = 0;
      let failure = null;
      let drained = () => {};
      const settled = () => {
        if (--outstanding === 0) drained();
      };
      while (performance.now() - t0 < SECONDS * 1000 && failure === null) {
        const due = Math.floor(((performance.now() - t0) / 1000) * RATE);
        for (; sent < due; sent++) {
          const at = performance.now();
          outstanding++;
          producer.send({ topic, messages: [{ value }] }).then(
            () => (acks.push(performance.now() - at), settled()),
            (e) => ((failure ??= e), settled()),
          );
        }
        // Only a broker far behind (seconds of records unacknowledged) holds the sender back.
        while (outstanding > RATE * 2) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setTimeout(r, 1));
      }
      if (outstanding > 0) await new Promise((r) => (drained = r));
      if (failure !== null) throw failure;
      await new Promise((r) => setTimeout(r, 1000)); // the last records reach kcat
      measuring = false;
      const brokerCpuMs = cpuMsOf(broker.pid) - cpu0;
      const expired = (await metric(metricsUrl, 'tideline_fetch_purgatory_expired_with_data')) - expiredBefore;
      const produceRequests = (await metric(metricsUrl, PRODUCES)) - producesBefore;
      lat.sort((a, b) => a - b);
      acks.sort((a, b) => a - b);
      const ms = (x) => (x === null ? null : Math.round(x * 10) / 10);
      const row = {
        round, load1: [load1, loadavg()[0]], sent, received: lat.length,
        e2e: { p50Ms: pct(lat, 50), p99Ms: pct(lat, 99), p999Ms: pct(lat, 99.9), maxMs: lat.at(-1) ?? null, over400Ms: lat.filter((x) => x > 400).length },
        ack: { p50Ms: ms(pct(acks, 50)), p99Ms: ms(pct(acks, 99)), maxMs: ms(acks.at(-1) ?? null) },
        fetchesExpiredWithData: expired, produceRequests, recordsPerProduceRequest: produceRequests > 0 ? Math.round(sent / produceRequests) : null, brokerCpuMs, recordsPerBrokerCpuSecond: brokerCpuMs > 0 ? Math.round((sent * 1000) / brokerCpuMs) : null,
      };
      result.rounds.push(row);
      log(JSON.stringify(row));
    } finally {
      await producer.close();
      await stopChild(kcat, 2000);
    }
  }
} finally {
  await broker?.stop();
  if (opt['cpu-prof'] && broker !== undefined) {
    const file = readdirSync(join(dir, 'prof')).find((f) => f.endsWith('.cpuprofile'));
    if (file !== undefined) {
      result.profile = summarizeCpuProfile(join(dir, 'prof', file), 20);
      log(`profile: busy ${result.profile.busyMs} of ${result.profile.wallMs} ms`);
      for (const a of result.profile.areas.slice(0, 8)) log(`  ${a.name}: ${a.ms} ms (${a.pctOfBusy}%)`);
      for (const f of result.profile.topSelf) log(`  ${f.name}: ${f.ms} ms (${f.pctOfBusy}%)`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
const out = new URL(QUICK ? './results/' : './results/full/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('tail.json', out), JSON.stringify(result, null, 2) + '\n');
