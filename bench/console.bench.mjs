// The web console: time to first render of the overview and of the topic list with 10,000 topics
// in headless Chromium (goal ≤ 1 s), the server-side filter scan over 1,000,000 records (goal
// ≥ 200,000 records scanned per second) next to a plain @tideline/client Consumer reading the same
// records (the floor the scan stands on), and the console's idle CPU and memory. The console runs
// as its own process (`tide console start`) so its CPU and memory are its own.
//
//   node bench/console.bench.mjs                 full mode (docs/benchmarks.md; bench/results/full/console.json)
//   BENCH_QUICK=1 node bench/console.bench.mjs   CI smoke: small counts
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Consumer, Producer } from '@tideline/client';
import { CHROMIUM, freePort } from '@tideline/interop';
import { machine } from './lib.mjs';
import { cpuSeconds } from './peers/limits.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const RECORDS = QUICK ? 100_000 : 1_000_000;
const TOPICS = QUICK ? 1_000 : 10_000;
const PARTITIONS = 4;
const IDLE_MS = QUICK ? 3_000 : 10_000;
const RENDERS = QUICK ? 2 : 5;
const root = new URL('../', import.meta.url).pathname;

const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-console-'));
const broker = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
const bootstrap = broker.bootstrap;
const admin = new Admin({ bootstrap });

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? null : Number(m[1]) / 1024;
}

async function seed() {
  await admin.createTopics([{ topic: 'scan', numPartitions: PARTITIONS, replicationFactor: 1 }]);
  const p = new Producer({ bootstrap, lingerMs: 5 });
  for (let i = 0; i < RECORDS; i += 10_000) {
    await p.send({ topic: 'scan', messages: Array.from({ length: 10_000 }, (_v, j) => ({ key: `k${i + j}`, value: JSON.stringify({ n: i + j, customer: { id: `c-${(i + j) % 1000}` }, pad: 'x'.repeat(40) }) })) });
  }
  await p.close();
  for (let i = 0; i < TOPICS; i += 500) {
    await admin.createTopics(Array.from({ length: Math.min(500, TOPICS - i) }, (_v, j) => ({ topic: `t-${String(i + j).padStart(5, '0')}`, numPartitions: 1, replicationFactor: 1 })), { waitForLeaders: false });
  }
}

async function plainRead() {
  const c = new Consumer({ bootstrap, autoCommit: false, maxWaitMs: 100, maxPartitionBytes: 8 << 20 });
  c.assign(Array.from({ length: PARTITIONS }, (_v, partition) => ({ topic: 'scan', partition, offset: 'earliest' })));
  let n = 0;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for await (const b of c.batches()) {
    n += b.records.length;
    if (n >= RECORDS) break;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  await c.close();
  return { records: n, seconds: secs, recordsPerSec: n / secs, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function startConsoleProcess(port) {
  const proc = spawn(process.execPath, [join(root, 'packages/cli/bin/tide.js'), 'console', 'start', '--bootstrap', bootstrap, '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /Tideline console on (\S+)/.exec(out);
      if (m !== null) resolve({ proc, url: m[1] });
    });
    proc.once('exit', (c) => reject(new Error(`console exited ${c}: ${out}`)));
  });
}

async function scan(url, filter) {
  const res = await fetch(new URL(`/api/topics/scan/scan?filter=${encodeURIComponent(filter)}&scanLimit=${RECORDS}`, url));
  const text = await res.text();
  const lines = text.trim().split('\n').map((l) => JSON.parse(l));
  return { done: lines.at(-1), progressLines: lines.filter((l) => l.type === 'progress').length };
}

async function renders(url) {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} missing` };
  const { launchBrowser, newPage, screenshot } = await import('../packages/console/dist/test/browser.js');
  const tb = await launchBrowser();
  const out = { overviewMs: [], topicsMs: [] };
  try {
    for (let i = 0; i < RENDERS; i++) {
      const page = await newPage(tb);
      let t0 = performance.now();
      await page.goto(url);
      await page.getByTestId('overview-cards').waitFor();
      out.overviewMs.push(performance.now() - t0);
      if (i === 0) await screenshot(page, 'bench-overview');
      t0 = performance.now();
      await page.goto(new URL('/topics', url).href);
      await page.locator('[data-testid=topic-count]').filter({ hasText: new RegExp(`${(TOPICS + 1).toLocaleString("en-US")} of`) }).waitFor({ timeout: 60_000 });
      await page.getByRole('link', { name: 't-00000', exact: true }).waitFor();
      out.topicsMs.push(performance.now() - t0);
      out.topicRowsInDom = await page.locator('.vbody [role=row]').count();
      if (i === 0) await screenshot(page, 'bench-topics');
      await page.context().close();
    }
  } finally {
    await tb.close();
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { ...out, overviewMedianMs: median(out.overviewMs), topicsMedianMs: median(out.topicsMs) };
}

let consoleProc = null;
try {
  const seedT0 = Date.now();
  await seed();
  console.log(`seeded ${RECORDS} records and ${TOPICS} topics in ${((Date.now() - seedT0) / 1000).toFixed(1)} s`);
  const plain = await plainRead();
  const c = await startConsoleProcess(await freePort());
  consoleProc = c.proc;
  const pid = c.proc.pid;
  // Idle: nothing asks anything.
  await new Promise((r) => setTimeout(r, 1000));
  const idle0 = cpuSeconds(pid);
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const idle = { cpuPercent: ((cpuSeconds(pid) - idle0) / (IDLE_MS / 1000)) * 100, rssMiB: rssMiB(pid) };
  // Scans: a byte match (fast path) and a JSON path (parses every value).
  const results = {};
  for (const [name, filter] of [['bytes', 'value contains "never-there"'], ['json', 'value.customer.id == "nobody"']]) {
    const cpu0 = cpuSeconds(pid);
    const t0 = performance.now();
    const r = await scan(c.url, filter);
    const secs = (performance.now() - t0) / 1000;
    const cpu = cpuSeconds(pid) - cpu0;
    results[name] = { filter, scanned: r.done.scanned, reason: r.done.reason, seconds: secs, recordsPerSec: r.done.scanned / secs, consoleCpuSeconds: cpu, recordsPerConsoleCpuSec: r.done.scanned / Math.max(cpu, 0.01), progressLines: r.progressLines };
  }
  const afterScanRss = rssMiB(pid);
  const render = await renders(c.url);
  const load = os.loadavg();
  const summary = { suite: 'console', quick: QUICK, machine: machine(), loadAverage: load, records: RECORDS, topics: TOPICS, plainConsumer: plain, scan: results, idle, afterScanRssMiB: afterScanRss, render };
  console.log(`\nconsole (${JSON.stringify(machine())}, load ${load.map((x) => x.toFixed(2)).join(' ')})`);
  console.log('| measure | value | goal |\n| --- | ---: | --- |');
  console.log(`| overview first render (median of ${RENDERS}) | ${render.overviewMedianMs?.toFixed(0) ?? '-'} ms | ≤ 1000 ms |`);
  console.log(`| topic list with ${TOPICS} topics, first render (median) | ${render.topicsMedianMs?.toFixed(0) ?? '-'} ms (${render.topicRowsInDom} rows in the DOM) | ≤ 1000 ms |`);
  for (const [k, r] of Object.entries(results)) console.log(`| scan ${k} (${r.filter}) over ${r.scanned} records | ${Math.round(r.recordsPerSec)} records/s; ${Math.round(r.recordsPerConsoleCpuSec)} per console CPU-s | ≥ 200,000 records/s |`);
  console.log(`| plain Consumer, same records, in-process | ${Math.round(plain.recordsPerSec)} records/s; ${Math.round(plain.records / Math.max(plain.cpuSeconds, 0.01))} per CPU-s | (floor) |`);
  console.log(`| console idle CPU over ${IDLE_MS / 1000} s | ${idle.cpuPercent.toFixed(2)} % | |`);
  console.log(`| console RSS idle / after the scans | ${idle.rssMiB?.toFixed(0)} MiB / ${afterScanRss?.toFixed(0)} MiB | |`);
  const outDir = new URL(QUICK ? './results/' : './results/full/', import.meta.url);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(new URL('console.json', outDir), JSON.stringify(summary, null, 2) + '\n');
  if (process.env.CONSOLE_DOCS_SCREENSHOTS) {
    const art = join(root, 'packages/console/test-artifacts');
    for (const f of ['bench-topics']) if (existsSync(join(art, `${f}.png`))) copyFileSync(join(art, `${f}.png`), join(root, 'docs/img/console', `topics-10000.png`));
  }
} finally {
  if (consoleProc !== null && consoleProc.exitCode === null) consoleProc.kill('SIGTERM');
  await admin.close();
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
}
