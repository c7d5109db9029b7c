// Our TypeScript client next to KafkaJS and @confluentinc/kafka-javascript (librdkafka), all
// against the same Tideline broker in one run. The broker is a child process (`tide broker start`)
// and every client workload runs in a fresh child process of its own (bench/peers/client-worker.mjs),
// one at a time, so no two of them share an event loop, a heap or a CPU at the same moment.
//
//   node bench/client.bench.mjs                     full mode: 1M x 100 B and 1M x 1 KiB per client
//   BENCH_QUICK=1 node bench/client.bench.mjs       CI smoke: small counts, fails only on crashes
//   BENCH_SIZES=1024 BENCH_CLIENTS=tideline,kafkajs BENCH_OPS=consume node bench/client.bench.mjs
//                                                   one workload only (a filtered run writes
//                                                   bench/results/client.json, never full/ or the doc;
//                                                   our client still produces the topic consumed)
//
// Results: bench/results/client.json (every mode); full mode also bench/results/full/client.json
// (committed) and the generated block of docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { isCI, missingReason } from '@tideline/interop';
import { Admin } from '@tideline/client';
import { machineInfo, loadAverage } from './peers/limits.mjs';
import { startTideline } from './peers/servers.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const REPO = new URL('../', import.meta.url).pathname;
const WORKER = new URL('./peers/client-worker.mjs', import.meta.url).pathname;

const CFG = {
  mode: QUICK ? 'quick' : 'full',
  counts: QUICK ? { 100: 20_000, 1024: 5_000 } : { 100: 1_000_000, 1024: 1_000_000 },
  reps: QUICK ? 1 : 2,
  // Consuming is short and its rate swings most on a shared machine: more runs per repetition.
  consumeRuns: QUICK ? 1 : 3,
  partitions: 4,
  lingerMs: 5,
  batchBytes: 65_536,
  // Records per send() call: what fills one batchBytes batch on every partition, so KafkaJS
  // (which sends each call as one Produce request, round-robining null keys) gets batches of the
  // same size as the clients that batch internally. The same calls go to every client.
  chunk: { 100: Math.floor((65_536 * 4) / 100), 1024: Math.floor((65_536 * 4) / 1024) },
  window: 8,
  latency: { size: 100, rate: QUICK ? 200 : 1000, seconds: QUICK ? 1 : 10 },
  workerTimeoutMs: QUICK ? 120_000 : 600_000,
};

// Each client at its own default for idempotence (ours: on; KafkaJS and librdkafka: off), and the
// other setting as extra rows, so both "as shipped" and "equal settings" ratios can be read.
// KafkaJS with idempotence takes its sequence numbers per send() call and must not have two calls
// on a partition in flight, so it is only run at its default.
const CLIENTS = [
  { id: 'tideline', client: 'tideline', label: 'Tideline client', idempotent: true },
  { id: 'tideline-noidem', client: 'tideline', label: 'Tideline client, idempotence off', idempotent: false },
  { id: 'kafkajs', client: 'kafkajs', label: 'KafkaJS 2.2.4', idempotent: false },
  { id: 'ckjs', client: 'ckjs', label: '@confluentinc/kafka-javascript (librdkafka)', idempotent: false },
  { id: 'ckjs-idem', client: 'ckjs', label: '@confluentinc/kafka-javascript (librdkafka), idempotence on', idempotent: true },
];

const started = Date.now();
const log = (...a) => console.log(`[bench client +${((Date.now() - started) / 1000).toFixed(0)}s]`, ...a);
const base = mkdtempSync(join(os.tmpdir(), 'tideline-bench-client-'));

const results = {
  suite: 'client', mode: CFG.mode, date: new Date().toISOString(),
  command: QUICK ? 'npm run bench -- client (quick)' : 'npm run bench -- --full client',
  config: CFG, clients: CLIENTS, machine: (({ disk: _disk, ...rest }) => rest)(machineInfo(base)), load: { before: loadAverage() },
  versions: {}, skipped: [], errors: [], produce: [], consume: [], latency: [],
};

const ckjsMissing = missingReason('confluent-kafka');
if (ckjsMissing !== undefined) {
  if (isCI()) results.errors.push({ step: 'tool confluent-kafka', error: ckjsMissing });
  else results.skipped.push({ what: '@confluentinc/kafka-javascript', reason: ckjsMissing });
  log(`confluent-kafka missing: ${ckjsMissing}`);
}
const listEnv = (name) => (process.env[name] ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
const FILTER = { sizes: listEnv('BENCH_SIZES').map(Number), clients: listEnv('BENCH_CLIENTS'), ops: listEnv('BENCH_OPS') };
const FILTERED = FILTER.sizes.length + FILTER.clients.length + FILTER.ops.length > 0;
const wantOp = (op) => FILTER.ops.length === 0 || FILTER.ops.includes(op);
results.filter = FILTERED ? FILTER : undefined;
const clients = CLIENTS.filter((c) => (c.client !== 'ckjs' || ckjsMissing === undefined)
  && (FILTER.clients.length === 0 || FILTER.clients.includes(c.id) || FILTER.clients.includes(c.client)));

function runWorker(job) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), CFG.workerTimeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      let r;
      try {
        r = JSON.parse(line);
      } catch {
        reject(new Error(`worker ${job.client} ${job.op} exited ${code ?? signal} without a result: ${err.slice(-2000)}`));
        return;
      }
      if (r.ok) resolve(r);
      else reject(new Error(`worker ${job.client} ${job.op}: ${r.error}`));
    });
  });
}

async function step(name, fn) {
  const t = Date.now();
  try {
    const r = await fn();
    log(`${name}: ok (${((Date.now() - t) / 1000).toFixed(1)}s)`);
    return r;
  } catch (e) {
    log(`${name}: FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    results.errors.push({ step: name, error: e instanceof Error ? e.message.slice(0, 2000) : String(e) });
    return undefined;
  }
}

function versionOf(pkgJson) {
  try {
    return JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  } catch {
    return undefined;
  }
}
results.versions.kafkajs = versionOf(join(REPO, 'node_modules', 'kafkajs', 'package.json'));
if (ckjsMissing === undefined) {
  const { confluentKafka, nativePrefix } = await import('@tideline/interop').then(async (m) => ({ ...m, ...(await import('@tideline/interop/internal')) }));
  results.versions.librdkafka = confluentKafka().librdkafkaVersion;
  if (typeof nativePrefix === 'function') results.versions.ckjs = versionOf(join(nativePrefix(), 'node_modules', '@confluentinc', 'kafka-javascript', 'package.json'));
}

log(`mode ${CFG.mode}; clients ${clients.map((c) => c.id).join(', ')}`);
const broker = await startTideline({ dir: join(base, 'tideline') });
const admin = new Admin({ bootstrap: broker.bootstrap });
let topicSeq = 0;
async function freshTopic(prefix) {
  const topic = `${prefix}-${++topicSeq}`;
  await admin.createTopics([{ topic, numPartitions: CFG.partitions, replicationFactor: 1 }]);
  return topic;
}

try {
  for (const size of [100, 1024]) {
    if (FILTER.sizes.length > 0 && !FILTER.sizes.includes(size)) continue;
    const count = CFG.counts[size];
    for (let rep = 0; rep < CFG.reps; rep++) {
      // Rotate the order between repetitions so no client always runs first (or last) on a warming machine.
      const order = rep % 2 === 0 ? clients : [...clients].reverse();
      for (const c of order) {
        // The consume runs read the topic our client wrote: it is produced even when filtered out.
        if (!(wantOp('produce') || c.id === 'tideline')) continue;
        await step(`produce ${c.id} ${size} B x ${count} (rep ${rep + 1})`, async () => {
          const topic = await freshTopic(`p-${c.id}-${size}`);
          const r = await runWorker({ client: c.client, op: 'produce', bootstrap: broker.bootstrap, topic, count, size, partitions: CFG.partitions,
            idempotent: c.idempotent, lingerMs: CFG.lingerMs, batchBytes: CFG.batchBytes, chunk: CFG.chunk[size], window: CFG.window });
          const ends = await admin.listOffsets(Array.from({ length: CFG.partitions }, (_, partition) => ({ topic, partition, spec: 'latest' })));
          const written = Number(ends.reduce((s, e) => s + e.offset, 0n));
          if (written !== count + 1) throw new Error(`${c.id} wrote ${written} records, expected ${count + 1} (one warm-up record)`);
          results.produce.push({ id: c.id, size, rep, topic, ...r });
          log(`  ${c.id} ${size} B: ${r.recordsPerSec.toFixed(0)} rec/s, ${r.mbPerSec.toFixed(1)} MB/s, cpu ${r.cpuSecs.toFixed(1)} s in ${r.secs.toFixed(1)} s`);
        });
      }
      // Every consumer reads the same topic (written by our client), so the log layout is the same.
      const source = results.produce.find((p) => p.size === size && p.rep === rep && p.id === 'tideline') ?? results.produce.find((p) => p.size === size);
      if (source === undefined) continue;
      const consumers = [...new Map(order.map((c) => [c.client, c])).values()];
      for (let run = 0; run < (wantOp('consume') ? CFG.consumeRuns : 0); run++) for (const c of run % 2 === 0 ? consumers : [...consumers].reverse()) {
        await step(`consume ${c.client} ${size} B x ${count} (rep ${rep + 1}.${run + 1})`, async () => {
          const r = await runWorker({ client: c.client, op: 'consume', bootstrap: broker.bootstrap, topic: source.topic, count: count + 1, size, partitions: CFG.partitions });
          results.consume.push({ id: c.client, size, rep, ...r });
          log(`  ${c.client} ${size} B: ${r.recordsPerSec.toFixed(0)} rec/s, ${r.mbPerSec.toFixed(1)} MB/s (start-up ${r.startupSecs.toFixed(1)} s)`);
        });
      }
      // Up to 5 GB per repetition: drop this repetition's topics before the next.
      await step(`delete topics of ${size} B rep ${rep + 1}`, () => admin.deleteTopics(results.produce.filter((p) => p.size === size && p.rep === rep).map((p) => p.topic)));
    }
  }
  for (const c of wantOp('latency') ? clients : []) {
    await step(`latency ${c.id} ${CFG.latency.rate}/s`, async () => {
      const topic = await freshTopic(`lat-${c.id}`);
      const r = await runWorker({ client: c.client, op: 'latency', bootstrap: broker.bootstrap, topic, size: CFG.latency.size, partitions: CFG.partitions,
        idempotent: c.idempotent, lingerMs: CFG.lingerMs, batchBytes: CFG.batchBytes, rate: CFG.latency.rate, seconds: CFG.latency.seconds });
      results.latency.push({ id: c.id, ...r });
      log(`  ${c.id}: p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms at ${r.achievedRate.toFixed(0)}/s`);
    });
  }
} finally {
  await admin.close().catch(() => undefined);
  await broker.stop();
  rmSync(base, { recursive: true, force: true });
}
results.load.after = loadAverage();
results.durationSecs = (Date.now() - started) / 1000;

// ---------------------------------------------------------------------------------------------
const best = (rows, id, size) => {
  const xs = rows.filter((r) => r.id === id && r.size === size);
  return xs.length === 0 ? undefined : xs.reduce((a, b) => (b.recordsPerSec > a.recordsPerSec ? b : a));
};
results.summary = [];
for (const size of [100, 1024]) {
  const row = { size };
  for (const kind of ['produce', 'consume']) {
    const ours = best(results[kind], 'tideline', size)?.recordsPerSec;
    const kjs = best(results[kind], 'kafkajs', size)?.recordsPerSec;
    const ck = best(results[kind], 'ckjs', size)?.recordsPerSec;
    row[kind] = { vsKafkajs: ours / kjs, vsLibrdkafka: ours / ck };
    if (kind === 'produce') {
      row[kind].equalIdempotenceVsLibrdkafka = ours / best(results[kind], 'ckjs-idem', size)?.recordsPerSec;
      row[kind].equalNoIdempotenceVsKafkajs = best(results[kind], 'tideline-noidem', size)?.recordsPerSec / kjs;
    }
  }
  results.summary.push(row);
}

const f0 = (x) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: 0 }));
const f1 = (x) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(1));
const f2 = (x) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(2));
const labelOf = (id) => CLIENTS.find((c) => c.id === id || c.client === id)?.label ?? id;

export function renderMarkdown(r) {
  const L = [];
  const m = r.machine;
  const ld = (x) => (x === undefined ? '?' : `${x.load1}/${x.load5}/${x.load15}`);
  L.push(`Run ${r.date.slice(0, 16).replace('T', ' ')} UTC, \`${r.command}\`, ${r.durationSecs.toFixed(0)} s. Machine: ${m.cores} CPUs (\`nproc\`; ${m.cpuModel}),`
    + ` ${m.memGiB} GiB, ${m.kernel}, Node ${m.node}; load average (1/5/15 min) before ${ld(r.load.before)}, after ${ld(r.load.after)}.`);
  L.push(`Versions: KafkaJS ${r.versions.kafkajs ?? '?'}, @confluentinc/kafka-javascript ${r.versions.ckjs ?? '?'} on librdkafka ${r.versions.librdkafka ?? '?'}.`);
  L.push('');
  L.push(`Settings: one topic of ${r.config.partitions} partitions per run, null keys, no compression, acks=all, linger ${r.config.lingerMs} ms and batch size`
    + ` ${r.config.batchBytes} B for our client and librdkafka (\`linger.ms\`, \`batch.size\`); KafkaJS has neither and sends each call as one request.`
    + ` Records are handed over as send() calls of ${r.config.chunk[100]} (100 B) / ${r.config.chunk[1024]} (1 KiB) records, at most ${r.config.window} calls outstanding, the same for every client.`
    + ` Best of ${r.config.reps} runs per row for produce, of ${r.config.reps * (r.config.consumeRuns ?? 1)} for consume.`);
  L.push('');
  L.push('### Produce (1M records, wall time from the first send to the last acknowledgement)');
  L.push('');
  L.push('| client | idempotence | 100 B rec/s | 100 B MB/s | 1 KiB rec/s | 1 KiB MB/s | client CPU s (100 B / 1 KiB) |');
  L.push('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const c of r.clients) {
    const a = best(r.produce, c.id, 100);
    const b = best(r.produce, c.id, 1024);
    if (a === undefined && b === undefined) continue;
    L.push(`| ${c.label.replace(/, idempotence (on|off)$/, '')} | ${c.idempotent ? 'on' : 'off'} | ${f0(a?.recordsPerSec)} | ${f1(a?.mbPerSec)} | ${f0(b?.recordsPerSec)} | ${f1(b?.mbPerSec)} | ${f1(a?.cpuSecs)} / ${f1(b?.cpuSecs)} |`);
  }
  L.push('');
  L.push('### Consume (the same topic, written by our client; from the first batch delivered to the last, the first batch not counted)');
  L.push('');
  L.push('| client | 100 B rec/s | 100 B MB/s | 1 KiB rec/s | 1 KiB MB/s | start-up s (group join etc.) |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const id of ['tideline', 'kafkajs', 'ckjs']) {
    const a = best(r.consume, id, 100);
    const b = best(r.consume, id, 1024);
    if (a === undefined && b === undefined) continue;
    L.push(`| ${labelOf(id).replace(/, idempotence (on|off)$/, '')} | ${f0(a?.recordsPerSec)} | ${f1(a?.mbPerSec)} | ${f0(b?.recordsPerSec)} | ${f1(b?.mbPerSec)} | ${f1(a?.startupSecs)} / ${f1(b?.startupSecs)} |`);
  }
  L.push('');
  L.push('### Ratios of our client (goals: >= 2x KafkaJS, >= 0.7x the librdkafka binding)');
  L.push('');
  L.push('| records | produce vs KafkaJS (defaults) | produce vs librdkafka (defaults) | produce vs librdkafka, both idempotent | produce vs KafkaJS, both non-idempotent | consume vs KafkaJS | consume vs librdkafka |');
  L.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const s of r.summary) {
    L.push(`| ${s.size === 100 ? '100 B' : '1 KiB'} | ${f2(s.produce.vsKafkajs)}x | ${f2(s.produce.vsLibrdkafka)}x | ${f2(s.produce.equalIdempotenceVsLibrdkafka)}x | ${f2(s.produce.equalNoIdempotenceVsKafkajs)}x | ${f2(s.consume.vsKafkajs)}x | ${f2(s.consume.vsLibrdkafka)}x |`);
  }
  L.push('');
  L.push(`### Produce latency (one ${r.config.latency.size} B record per send() at a fixed ${r.config.latency.rate}/s for ${r.config.latency.seconds} s, well below every client's peak; send() to acknowledgement)`);
  L.push('');
  L.push('| client | idempotence | p50 ms | p99 ms | max ms | achieved rate/s |');
  L.push('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const x of r.latency) {
    const c = r.clients.find((y) => y.id === x.id);
    L.push(`| ${c.label.replace(/, idempotence (on|off)$/, '')} | ${c.idempotent ? 'on' : 'off'} | ${f2(x.p50Ms)} | ${f2(x.p99Ms)} | ${f1(x.maxMs)} | ${f0(x.achievedRate)} |`);
  }
  L.push('');
  L.push('Per-call latency in the pipelined 1M runs (one send() of a whole chunk to its acknowledgement, with up to'
    + ` ${r.config.window} calls queued in front of it), p50 / p99 ms:`);
  L.push('');
  L.push('| client | idempotence | 100 B | 1 KiB |');
  L.push('| --- | --- | ---: | ---: |');
  for (const c of r.clients) {
    const a = best(r.produce, c.id, 100);
    const b = best(r.produce, c.id, 1024);
    if (a === undefined && b === undefined) continue;
    L.push(`| ${c.label.replace(/, idempotence (on|off)$/, '')} | ${c.idempotent ? 'on' : 'off'} | ${f1(a?.perCall.p50Ms)} / ${f1(a?.perCall.p99Ms)} | ${f1(b?.perCall.p50Ms)} / ${f1(b?.perCall.p99Ms)} |`);
  }
  if (r.errors.length > 0 || r.skipped.length > 0) {
    L.push('');
    for (const e of r.errors) L.push(`- error in ${e.step}: ${e.error.split('\n')[0]}`);
    for (const s of r.skipped) L.push(`- skipped ${s.what}: ${s.reason}`);
  }
  return L.join('\n');
}

const BEGIN = '<!-- BEGIN client: generated by `npm run bench -- --full client` from bench/results/full/client.json; edit bench/client.bench.mjs, not this block -->';
const END = '<!-- END client -->';
function updateDoc(r, file) {
  const block = `${BEGIN}\n${renderMarkdown(r)}\n${END}`;
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  const next = a >= 0 && b > a ? doc.slice(0, a) + block + doc.slice(b + END.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}

const dir = join(REPO, 'bench', 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'client.json'), JSON.stringify(results, null, 2) + '\n');
console.log('\n' + renderMarkdown(results) + '\n');
if (!QUICK && !FILTERED && results.errors.length === 0) {
  mkdirSync(join(dir, 'full'), { recursive: true });
  copyFileSync(join(dir, 'client.json'), join(dir, 'full', 'client.json'));
  const doc = join(REPO, 'docs', 'benchmarks.md');
  if (existsSync(doc)) updateDoc(results, doc);
  log('wrote bench/results/full/client.json and docs/benchmarks.md');
}
if (results.errors.length > 0) {
  log(`${results.errors.length} step(s) failed`);
  process.exit(1);
}
