// What the broker's metrics cost (issue: observability).
// 1. Produce throughput with metrics off and on, in the same run, interleaved: an in-process
//    broker (file storage) and our producer (acks=all, 100 B values, 4 partitions); "on" serves
//    /metrics and is scraped every second during the run, as a Prometheus at a 1 s interval would.
//    Records/s and records per CPU-second of the whole process (broker + producer) are reported.
// 2. Scrape time of a broker with 1,000 partitions (10 topics x 100) and 100 groups, each group
//    committed on every partition of one topic behind the high watermark (10,000 group partitions
//    with lag in offsets, seconds and status): GET /metrics wall time, first scrape (reads the
//    first unconsumed record of each group partition) and steady state (cached).
//
//   node bench/metrics.bench.mjs                 full mode (docs/benchmarks.md; bench/results/full/metrics.json)
//   BENCH_QUICK=1 node bench/metrics.bench.mjs   CI smoke: small counts
//   BENCH_ONLY=produce|scrape                     one half only (results not written)
//   BENCH_RECORDS=N                               records per produce run (full mode: 3,000,000)
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Producer } from '@tideline/client';
import { ErrorCode } from '@tideline/protocol';
import { machine } from './lib.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
// Full mode: runs of a few seconds each (400,000 records took 0.4 s on a quiet machine: too short to
// resolve 3%); BENCH_RECORDS overrides.
const N = Number(process.env.BENCH_RECORDS ?? (QUICK ? 20_000 : 3_000_000));
const REPS = QUICK ? 1 : 9;
const TOPICS = QUICK ? 2 : 10;
const PARTITIONS_PER_TOPIC = 100;
const GROUPS = QUICK ? 10 : 100;
const SCRAPES = QUICK ? 5 : 30;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
};

async function produceRun(metricsOn, rep) {
  const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-metrics-'));
  const broker = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent', ...(metricsOn ? { metricsListen: '127.0.0.1:0' } : {}) });
  const admin = new Admin({ bootstrap: broker.bootstrap });
  const topic = `produce-${rep}`;
  await admin.createTopics([{ topic, numPartitions: 4, replicationFactor: 1 }]);
  await admin.close();
  let scrapes = 0;
  let scraper = null;
  if (metricsOn) {
    scraper = setInterval(() => {
      fetch(broker.metrics.url).then((r) => r.text()).then(() => scrapes++, () => {});
    }, 1000);
  }
  const p = new Producer({ bootstrap: broker.bootstrap, acks: 'all', lingerMs: 5 });
  const value = 'x'.repeat(100);
  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  const inFlight = [];
  for (let i = 0; i < N; i += 500) {
    inFlight.push(p.send({ topic, messages: Array.from({ length: Math.min(500, N - i) }, (_, j) => ({ key: `k${(i + j) % 1000}`, value })) }));
    if (inFlight.length >= 16) await inFlight.shift();
  }
  await Promise.all(inFlight);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  if (scraper !== null) clearInterval(scraper);
  let produceRequests = null;
  if (metricsOn) {
    const m = /^tideline_requests_total\{api="Produce"\} (\d+)$/m.exec(await broker.metrics.scrape());
    produceRequests = m === null ? null : Number(m[1]);
  }
  await p.close();
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
  const row = { metrics: metricsOn ? 'on' : 'off', rep, records: N, seconds: secs, recordsPerSec: N / secs, cpuSeconds: cpuSecs, recordsPerCpuSec: N / cpuSecs, scrapes, produceRequests };
  console.log(`produce, metrics ${row.metrics}: ${N} records in ${secs.toFixed(2)} s, ${row.recordsPerSec.toFixed(0)} records/s, ${row.recordsPerCpuSec.toFixed(0)} records/CPU-s${metricsOn ? `, ${scrapes} scrapes` : ''}`);
  return row;
}

async function scrapeBench() {
  const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-metrics-scrape-'));
  const broker = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent', metricsListen: '127.0.0.1:0' });
  const admin = new Admin({ bootstrap: broker.bootstrap });
  const producer = new Producer({ bootstrap: broker.bootstrap, acks: 'all', lingerMs: 5 });
  try {
    const topics = Array.from({ length: TOPICS }, (_, i) => `t${i}`);
    await admin.createTopics(topics.map((topic) => ({ topic, numPartitions: PARTITIONS_PER_TOPIC, replicationFactor: 1 })));
    // Three records in every partition.
    for (const topic of topics) {
      const sends = [];
      for (let partition = 0; partition < PARTITIONS_PER_TOPIC; partition++) {
        sends.push(producer.send({ topic, messages: [0, 1, 2].map((i) => ({ partition, value: `v${i}` })) }));
      }
      await Promise.all(sends);
    }
    // Each group committed offset 1 on every partition of one topic: 2 records behind everywhere.
    for (let g = 0; g < GROUPS; g++) {
      await admin.resetGroupOffsets(`group-${g}`, { to: { offset: 1n }, topics: [topics[g % TOPICS]], execute: true });
    }
    const url = broker.metrics.url;
    const once = async () => {
      const t0 = process.hrtime.bigint();
      const body = await (await fetch(url)).text();
      return { ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes: body.length, lines: body.split('\n').length };
    };
    const first = await once();
    // Warm: a loaded machine may not read every group partition's first unconsumed record within
    // the first scrape's 1 s budget; later scrapes read the rest. Steady state starts once a
    // scrape's size stops changing.
    let warmups = 0;
    for (let prev = first.lines, cur = (await once()).lines; cur !== prev && warmups < 30; warmups++) {
      prev = cur;
      cur = (await once()).lines;
    }
    const steady = [];
    for (let i = 0; i < SCRAPES; i++) steady.push(await once());
    const ms = steady.map((s) => s.ms);
    // The broker's side alone: rendering in-process (no HTTP, no client), wall and CPU time.
    const renderMs = [];
    const c0 = process.cpuUsage();
    for (let i = 0; i < SCRAPES; i++) {
      const t0 = process.hrtime.bigint();
      await broker.metrics.scrape();
      renderMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const cpu = process.cpuUsage(c0);
    const renderCpuMs = (cpu.user + cpu.system) / 1000 / SCRAPES;
    const row = {
      partitions: TOPICS * PARTITIONS_PER_TOPIC, groups: GROUPS, groupPartitions: GROUPS * PARTITIONS_PER_TOPIC,
      firstScrapeMs: first.ms, medianMs: median(ms), p95Ms: pct(ms, 95), maxMs: Math.max(...ms), bytes: first.bytes, lines: first.lines, scrapes: SCRAPES,
      renderMedianMs: median(renderMs), renderP95Ms: pct(renderMs, 95), renderCpuMs, warmupScrapes: warmups + 1, steadyLines: steady[steady.length - 1].lines,
    };
    console.log(`scrape: ${row.partitions} partitions, ${row.groups} groups (${row.groupPartitions} group partitions): first ${row.firstScrapeMs.toFixed(1)} ms (${row.warmupScrapes} more to warm), median ${row.medianMs.toFixed(1)} ms, p95 ${row.p95Ms.toFixed(1)} ms, max ${row.maxMs.toFixed(1)} ms; ${(row.bytes / 1e6).toFixed(1)} MB, ${row.steadyLines} lines; rendering alone: median ${row.renderMedianMs.toFixed(1)} ms, p95 ${row.renderP95Ms.toFixed(1)} ms, ${row.renderCpuMs.toFixed(1)} ms CPU`);
    return row;
  } finally {
    await producer.close();
    await admin.close();
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ONLY = process.env.BENCH_ONLY;
if (ONLY === 'scrape') {
  await scrapeBench();
  process.exit(0);
}
/**
 * The data path's hooks alone, per Produce request: what a request with metrics on does more
 * than one with metrics off (time the request, count it, walk its answer for error codes, count
 * the topic's bytes and records), in a tight loop on a broker with metrics.
 */
async function hookCost() {
  const broker = await startBroker({ storage: 'memory://', port: 0, logLevel: 'silent', metrics: true });
  const m = broker.broker.metrics;
  const answer = { responses: [{ name: 'produce', partitionResponses: [{ index: 0, errorCode: ErrorCode.NONE, baseOffset: 0n, logAppendTimeMs: -1n, logStartOffset: 0n, errorMessage: null }] }], throttleTimeMs: 0 };
  const one = () => {
    const t = { apiKey: 0, receivedAt: performance.now(), startedAt: performance.now(), localDoneAt: 0 };
    m.produced('produce', 50_000, 500);
    t.localDoneAt = performance.now();
    m.requestAnswered(t, answer);
    m.responseSent(t);
  };
  for (let i = 0; i < 50_000; i++) one();
  const n = QUICK ? 100_000 : 1_000_000;
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) one();
  const c = process.cpuUsage(c0);
  await broker.close();
  const nsPerRequest = ((c.user + c.system) * 1000) / n;
  console.log(`hooks per Produce request: ${nsPerRequest.toFixed(0)} ns CPU`);
  return nsPerRequest;
}

const hookNs = await hookCost();
const runs = [];
// A warm-up pair (not counted), then pairs interleaved so that drift in the machine's load hits
// both sides alike; the comparison is the median of each pair's ratio.
await produceRun(false, -1);
await produceRun(true, -1);
for (let rep = 0; rep < REPS; rep++) {
  const order = rep % 2 === 0 ? [false, true] : [true, false];
  for (const on of order) runs.push(await produceRun(on, rep));
}
const side = (m) => {
  const rows = runs.filter((r) => r.metrics === m);
  return { metrics: m, reps: rows.length, recordsPerSec: median(rows.map((r) => r.recordsPerSec)), recordsPerCpuSec: median(rows.map((r) => r.recordsPerCpuSec)) };
};
const off = side('off');
const on = side('on');
const pairs = Array.from({ length: REPS }, (_, rep) => {
  const a = runs.find((r) => r.rep === rep && r.metrics === 'off');
  const b = runs.find((r) => r.rep === rep && r.metrics === 'on');
  return { rate: b.recordsPerSec / a.recordsPerSec, cpu: b.recordsPerCpuSec / a.recordsPerCpuSec };
});
const requests = median(runs.filter((r) => r.produceRequests !== null).map((r) => r.produceRequests));
// CPU per Produce request with metrics off (broker and producer together), against the hooks' cost.
const cpuNsPerRequestOff = (N / off.recordsPerCpuSec) * 1e9 / requests;
const produce = {
  off, on,
  throughputDiffPct: (1 - median(pairs.map((p) => p.rate))) * 100,
  cpuDiffPct: (1 - median(pairs.map((p) => p.cpu))) * 100,
  produceRequestsPerRun: requests,
  hookNsPerRequest: hookNs,
  cpuNsPerRequestOff,
  hookSharePct: (hookNs / cpuNsPerRequestOff) * 100,
};
const scrape = ONLY === 'produce' ? null : await scrapeBench();
console.log(`\n| produce, 100 B records, acks=all (median of ${REPS}) | records/s | records per CPU-second |\n| --- | ---: | ---: |`);
console.log(`| metrics off | ${off.recordsPerSec.toFixed(0)} | ${off.recordsPerCpuSec.toFixed(0)} |`);
console.log(`| metrics on, scraped every second | ${on.recordsPerSec.toFixed(0)} | ${on.recordsPerCpuSec.toFixed(0)} |`);
console.log(`| cost of metrics, median of the ${REPS} pairs' ratios (goal <= 3%) | ${produce.throughputDiffPct.toFixed(1)}% | ${produce.cpuDiffPct.toFixed(1)}% |`);
console.log(`\nhooks: ${produce.hookNsPerRequest.toFixed(0)} ns CPU per Produce request, against ${(produce.cpuNsPerRequestOff / 1000).toFixed(0)} µs CPU per request (${N / requests} records) with metrics off: ${produce.hookSharePct.toFixed(2)}%`);
if (scrape !== null) {
  console.log(`\n| scrape of ${scrape.partitions} partitions, ${scrape.groups} groups (${scrape.groupPartitions} group partitions) | first | median (goal <= 50 ms) | p95 | CPU per scrape |\n| --- | ---: | ---: | ---: | ---: |`);
  console.log(`| GET /metrics (client in the same process), ${(scrape.bytes / 1e6).toFixed(1)} MB, ${scrape.steadyLines} lines | ${scrape.firstScrapeMs.toFixed(1)} ms | ${scrape.medianMs.toFixed(1)} ms | ${scrape.p95Ms.toFixed(1)} ms | |`);
  console.log(`| rendering alone (in-process scrape()) | | ${scrape.renderMedianMs.toFixed(1)} ms | ${scrape.renderP95Ms.toFixed(1)} ms | ${scrape.renderCpuMs.toFixed(1)} ms |`);
}
if (ONLY !== undefined) process.exit(0);
const out = new URL('./results/', import.meta.url);
mkdirSync(out, { recursive: true });
const doc = JSON.stringify({ suite: 'metrics', mode: QUICK ? 'quick' : 'full', machine: machine(), load: os.loadavg(), produce, scrape, runs }, null, 2) + '\n';
writeFileSync(new URL('metrics.json', out), doc);
if (!QUICK) {
  mkdirSync(new URL('full/', out), { recursive: true });
  writeFileSync(new URL('full/metrics.json', out), doc);
}
