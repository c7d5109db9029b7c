// Tideline next to Apache Kafka, Redis Streams and NATS JetStream, and next to the machine's own
// limits, all measured in one run on one machine. Every peer is started by this harness on free
// 127.0.0.1 ports with its own data directory and stopped by PID.
//
//   node bench/systems.bench.mjs            full mode (~15 min), writes docs/benchmarks.md's section
//   BENCH_QUICK=1 node bench/systems.bench.mjs   CI smoke (~2-3 min): small counts, fails only on crashes
//
// Results: bench/results/systems.json (every mode), and for the full mode bench/results/full/
// (committed) plus charts in docs/img/bench/ and the generated block of docs/benchmarks.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { isCI, missingReason } from '@tideline/interop';
import { onPath, spawnTracked, stopChild } from '@tideline/interop/internal';
import { bufferCopy, cpuSince, cpuSnapshot, fsyncLatency, loadAverage, loopbackTcp, machineInfo, seqWriteFdatasync } from './peers/limits.mjs';
import {
  consumerPerf, createTopic, endOffsetSum, endToEnd, kcatConsume, kcatProduce, kcatTail, natsPublish, producerPerfPeak, redisXadd, syncDisks,
  PRODUCER_PROPS,
} from './peers/loadgen.mjs';
import { prepareKafka, rssOf, rssSampler, startKafka, startNats, startRedis, startTideline, KAFKA_SERVER_JVM, KAFKA_TOOL_JVM } from './peers/servers.mjs';
import { summarizeCpuProfile } from './peers/profile.mjs';
import { waitAllPartitionsWritable } from './peers/wire.mjs';
import { writeCharts } from './peers/charts.mjs';
import { renderMarkdown, updateDoc } from './peers/report.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const REPO = new URL('../', import.meta.url).pathname;

const CFG = QUICK
  ? {
      mode: 'quick', reps: 1, sizes: [100, 1024], kafkaFlush: false, limitSeconds: 0.5, fsyncOps: 100, coldTrials: { tideline: 1, kafka: 1 },
      settleS: 1, warm: 1, measure: 2, kcatSeconds: 1, kcatCap: { 100: 100_000, 1024: 30_000 }, consumeCap: { 100: 200_000, 1024: 50_000 }, consumeRounds: 1, tailCount: { 100: 100_000, 1024: 20_000 },
      redisCount: { 100: 50_000, 1024: 20_000 }, natsSeconds: 2, partitions: [1, 10], partWarm: 1, partMeasure: 2, latWarm: 1, latMeasure: 2,
      profileMeasure: 2,
    }
  : {
      mode: 'full', reps: 2, sizes: [100, 1024], kafkaFlush: true, limitSeconds: 3, fsyncOps: 1000, coldTrials: { tideline: 5, kafka: 3 },
      settleS: 5, warm: 4, measure: 8, kcatSeconds: 20, kcatCap: { 100: 8_000_000, 1024: 1_500_000 }, consumeCap: { 100: 8_000_000, 1024: 1_500_000 }, consumeRounds: 3, tailCount: { 100: 4_000_000, 1024: 800_000 },
      redisCount: { 100: 1_500_000, 1024: 400_000 }, natsSeconds: 8, partitions: [1, 10, 100, 1000], partWarm: 4, partMeasure: 5,
      latWarm: 2, latMeasure: 10, profileMeasure: 8,
    };

const base = process.env.BENCH_DIR ?? mkdtempSync(join(os.tmpdir(), 'tideline-bench-'));
mkdirSync(base, { recursive: true });
const started = Date.now();
const log = (...a) => console.log(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s]`, ...a);

const results = {
  suite: 'systems',
  mode: CFG.mode,
  date: new Date().toISOString(),
  command: QUICK ? 'npm run bench -- systems (quick)' : 'npm run bench -- --full systems',
  config: { ...CFG, producerProps: PRODUCER_PROPS, kafkaServerJvm: KAFKA_SERVER_JVM, kafkaToolJvm: KAFKA_TOOL_JVM, dataDir: process.env.BENCH_DIR === undefined ? '$TMPDIR/tideline-bench-*' : 'BENCH_DIR' },
  machine: { ...machineInfo(base), disk: { ...machineInfo(base).disk, dir: undefined } },
  load: { before: loadAverage() },
  skipped: [],
  errors: [],
  limits: {},
  floors: {},
  coldStart: [],
  rss: [],
  produce: [],
  peers: [],
  kcatProduce: [],
  consume: [],
  hotConsume: [],
  latency: [],
  partitions: [],
  profiles: [],
};

/** Runs one step; a failure is recorded (and fails the run at the end) but later steps still run. */
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

/** A tool that is missing fails the run under CI and is skipped (with the reason) elsewhere. */
function available(label, reason) {
  if (reason === undefined) return true;
  if (isCI()) {
    results.errors.push({ step: `tool ${label}`, error: reason });
    log(`MISSING (CI): ${label}: ${reason}`);
  } else {
    results.skipped.push({ what: label, reason });
    log(`skipped ${label}: ${reason}`);
  }
  return false;
}

const haveKafka = available('Apache Kafka', missingReason('apache-kafka'));
const haveTools = available('kafka-tools', missingReason('kafka-tools'));
const haveKcat = available('kcat', missingReason('kcat'));
const haveRedis = available('redis-server + redis-benchmark', onPath('redis-server') && onPath('redis-benchmark') ? undefined : 'redis-server or redis-benchmark not on PATH (bash .ci/provision.sh)');
const haveNats = available('nats-server', onPath('nats-server') ? undefined : 'nats-server not on PATH (bash .ci/provision.sh)');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
let dirSeq = 0;
const freshDir = (name) => join(base, `${name}-${++dirSeq}`);

function timeProcess(cmd, args, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    execFileSync(cmd, args, { stdio: 'ignore' });
    out.push(performance.now() - t);
  }
  return median(out);
}

// ---------------------------------------------------------------------------------------------
log(`mode ${CFG.mode}, data under ${base}, load ${JSON.stringify(results.load.before)}`);

// The machine's limits are measured at the start and again at the end of the run; the tables use
// the mean of the two (the load of a shared machine drifts), and show both.
results.limitsRuns = [];
async function measureLimits(when) {
  await step(`machine limits (${when})`, async () => {
    syncDisks();
    const l = { when };
    l.seqWrite1MiB = seqWriteFdatasync(base, 1 << 20, CFG.limitSeconds);
    l.seqWrite64KiB = seqWriteFdatasync(base, 64 << 10, CFG.limitSeconds * 0.7);
    l.fsync4KiB = fsyncLatency(base, CFG.fsyncOps);
    l.loopbackTcp = await loopbackTcp(CFG.limitSeconds);
    l.bufferCopy = bufferCopy(CFG.limitSeconds / 3);
    results.limitsRuns.push(l);
    results.limits = meanOf(results.limitsRuns);
    log('limits', JSON.stringify(l));
  });
}
function meanOf(objs) {
  const out = {};
  for (const k of Object.keys(objs[0])) {
    const vs = objs.map((o) => o[k]);
    if (typeof vs[0] === 'number') out[k] = vs.reduce((a, b) => a + b, 0) / vs.length;
    else if (vs[0] !== null && typeof vs[0] === 'object') out[k] = meanOf(vs);
    else out[k] = vs[0];
  }
  return out;
}
await measureLimits('start');

await step('process floors', async () => {
  results.floors.nodeStartExitMs = timeProcess(process.execPath, ['-e', '0'], 5);
  // RSS of a Node process that has loaded nothing: the floor under any Node server's idle RSS.
  const idle = spawnTracked(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 500));
  results.floors.nodeIdleRssBytes = rssOf(idle.pid);
  await stopChild(idle, 2000);
  if (haveKafka) results.floors.javaVersionMs = timeProcess('java', ['-Xshare:auto', '-version'], 3);
});

// Cold start: launch to first acked produce, fresh data directory each time.
const coldOrder = [];
for (let i = 0; i < Math.max(CFG.coldTrials.tideline, CFG.coldTrials.kafka); i++) {
  if (i < CFG.coldTrials.tideline) coldOrder.push('tideline');
  if (haveKafka && i < CFG.coldTrials.kafka) coldOrder.push('kafka');
}
for (const [i, sys] of coldOrder.entries()) {
  await step(`cold start ${sys} #${i}`, async () => {
    const dir = freshDir(`cold-${sys}`);
    const s = sys === 'tideline' ? await startTideline({ dir }) : await startKafka({ dir, prepared: await prepareKafka({ dir }) });
    const idleRss = rssOf(s.pid);
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
    results.coldStart.push({ system: sys, launchToAckMs: s.launchToAckMs, launchToListenMs: s.launchToListenMs, rssAtFirstAckBytes: idleRss,
      startAttempts: s.startAttempts });
  });
}
await step('cold start profile tideline', async () => {
  const dir = freshDir('cold-profile');
  const profDir = join(dir, 'prof');
  const s = await startTideline({ dir, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-interval', '100'] });
  await s.stop();
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error('no .cpuprofile written');
  results.coldStartProfile = { launchToAckMs: s.launchToAckMs, launchToListenMs: s.launchToListenMs, ...summarizeCpuProfile(join(profDir, file), 12) };
  rmSync(dir, { recursive: true, force: true });
});

// Long-running instances, one per configuration, for every throughput/latency workload.
const kafkaLike = [];
const servers = [];
await step('start tideline', async () => {
  const s = await startTideline({ dir: freshDir('tideline') });
  kafkaLike.push({ id: 'tideline', label: 'Tideline', s });
});
if (haveKafka) {
  await step('start kafka (defaults)', async () => {
    const s = await startKafka({ dir: freshDir('kafka') });
    kafkaLike.push({ id: 'kafka', label: 'Kafka', s });
  });
  if (CFG.kafkaFlush) {
    await step('start kafka (flush every message)', async () => {
      const s = await startKafka({ dir: freshDir('kafka-flush'), name: 'kafka-flush', flushEveryMessage: true });
      kafkaLike.push({ id: 'kafka-flush', label: 'Kafka flush=1', s });
    });
  }
}
if (haveRedis) {
  for (const fsync of ['everysec', 'always']) {
    await step(`start redis ${fsync}`, async () => {
      servers.push({ id: `redis-${fsync}`, label: `Redis AOF ${fsync}`, s: await startRedis({ dir: freshDir(`redis-${fsync}`), fsync }) });
    });
  }
}
if (haveNats) {
  await step('start nats', async () => {
    servers.push({ id: 'nats', label: 'NATS JetStream', s: await startNats({ dir: freshDir('nats') }) });
  });
}
const everything = [...kafkaLike, ...servers];

await step('idle RSS', async () => {
  await new Promise((r) => setTimeout(r, CFG.settleS * 1000));
  for (const x of everything) results.rss.push({ system: x.id, label: x.label, idleBytes: rssOf(x.s.pid) });
});
const rssEntry = (id) => results.rss.find((r) => r.system === id);

// Produce throughput. Kafka-protocol systems: ProducerPerformance with the same settings; Redis
// Streams and NATS JetStream: durable publish of the same record sizes. Every system runs in each
// of CFG.reps rounds, the second round in reverse order, so that a drift of the machine's load
// during the run does not favour whoever runs first; the tables show the mean of the rounds.
const ppTopic = new Map();
const produceRuns = [];
async function produceOnce(x, size, rep) {
  await step(`produce ${size} B ${x.id} (round ${rep + 1})`, async () => {
    syncDisks();
    const sampler = rssSampler(x.s.pid);
    let r;
    if (x.s.kind === 'tideline' || x.s.kind === 'kafka') {
      const topic = `pp-${size}-${x.id}-${rep}`;
      await createTopic(x.s.bootstrap, topic, 1);
      syncDisks();
      r = await producerPerfPeak({ bootstrap: x.s.bootstrap, topic, recordSize: size, warm: CFG.warm, measure: CFG.measure, brokerPid: x.s.pid });
      if (!ppTopic.has(`${size}/${x.id}`)) ppTopic.set(`${size}/${x.id}`, topic);
      r = { ...r, windows: undefined, windowRates: r.windows.map((w) => w.rate) };
    } else {
      const pids = { broker: x.s.pid, ...(x.s.kind === 'nats' ? { client: process.pid } : {}) };
      const c0 = cpuSnapshot(pids);
      r = x.s.kind === 'redis'
        ? await redisXadd({ port: x.s.port, recordSize: size, count: CFG.redisCount[size], key: `bench-${size}-${rep}` })
        : await natsPublish({ port: x.s.port, recordSize: size, warm: 1, measure: CFG.natsSeconds, stream: `BENCH${size}R${rep}` });
      r.cpuCores = cpuSince(c0, cpuSnapshot(pids));
    }
    const { maxBytes } = sampler.stop();
    const e = rssEntry(x.id);
    if (e) e.underLoadBytes = Math.max(e.underLoadBytes ?? 0, maxBytes);
    produceRuns.push({ system: x.id, label: x.label, kind: x.s.kind, rep, ...r, rssMaxBytes: maxBytes });
    log(`  ${x.id} ${size} B: ${r.recordsPerSec.toFixed(0)} rec/s, ${r.mbPerSec.toFixed(1)} MB/s, cpu ${JSON.stringify(r.cpuCores)}`);
  });
}
const producers = everything.filter((x) => (x.s.kind !== 'tideline' && x.s.kind !== 'kafka') || haveTools);
for (let rep = 0; rep < CFG.reps; rep++) {
  const order = rep % 2 === 0 ? producers : [...producers].reverse();
  for (const size of CFG.sizes) for (const x of order) await produceOnce(x, size, rep);
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const size of CFG.sizes) {
  for (const x of producers) {
    const runs = produceRuns.filter((p) => p.system === x.id && p.recordSize === size);
    if (runs.length === 0) continue;
    const cpuKeys = [...new Set(runs.flatMap((p) => Object.keys(p.cpuCores ?? {})))];
    const agg = {
      ...runs[0], rep: undefined, rounds: runs.length, roundRecordsPerSec: runs.map((p) => Math.round(p.recordsPerSec)),
      recordsPerSec: mean(runs.map((p) => p.recordsPerSec)), mbPerSec: mean(runs.map((p) => p.mbPerSec)),
      avgLatencyMs: runs[0].avgLatencyMs === undefined ? undefined : mean(runs.map((p) => p.avgLatencyMs)),
      cpuCores: Object.fromEntries(cpuKeys.map((k) => [k, +mean(runs.map((p) => p.cpuCores?.[k] ?? 0)).toFixed(2)])),
      rssMaxBytes: Math.max(...runs.map((p) => p.rssMaxBytes)),
    };
    (x.s.kind === 'tideline' || x.s.kind === 'kafka' ? results.produce : results.peers).push(agg);
  }
}
results.produceRuns = produceRuns;

// librdkafka producer (kcat), the same record count for every system.
const kcatTopic = new Map();
if (haveKcat) {
  for (const size of CFG.sizes) {
    const rates = results.produce.filter((p) => p.recordSize === size).map((p) => p.recordsPerSec);
    const count = Math.max(1000, Math.min(CFG.kcatCap[size], Math.round((rates.length ? Math.min(...rates) : 10_000) * CFG.kcatSeconds)));
    for (const x of kafkaLike) {
      await step(`kcat produce ${size} B ${x.id}`, async () => {
        const topic = `kcat-${size}-${x.id}`;
        await createTopic(x.s.bootstrap, topic, 1);
        syncDisks();
        const c0 = cpuSnapshot({ broker: x.s.pid });
        const r = await kcatProduce({ bootstrap: x.s.bootstrap, topic, recordSize: size, count });
        r.cpuCores = cpuSince(c0, cpuSnapshot({ broker: x.s.pid }));
        const n = await endOffsetSum(x.s.bootstrap, topic);
        if (n < count) throw new Error(`kcat produced ${count} but the log holds ${n}`);
        results.kcatProduce.push({ system: x.id, label: x.label, ...r });
        kcatTopic.set(`${size}/${x.id}`, topic);
        log(`  ${x.id} ${size} B: ${r.recordsPerSec.toFixed(0)} rec/s`);
      });
    }
  }
}

// Cold consume from offset 0, the same record count everywhere: the kcat topics (same count by
// construction) when every system has one, else the ProducerPerformance topics. Single reads swing
// with the machine, so CFG.consumeRounds rounds, the systems alternating (reversed every other
// round); the table gives the median read and the records per broker CPU-second over all rounds.
const consumeRuns = [];
const consumeOnce = async (x, size, tool, topic, count, rep) => {
  await step(`consume ${size} B ${x.id} (${tool}, round ${rep + 1})`, async () => {
    if (tool === 'ConsumerPerformance') syncDisks();
    const c0 = cpuSnapshot({ broker: x.s.pid });
    const r = tool === 'ConsumerPerformance'
      ? await consumerPerf({ bootstrap: x.s.bootstrap, topic, records: count })
      : await kcatConsume({ bootstrap: x.s.bootstrap, topic, count, recordSize: size });
    const c1 = cpuSnapshot({ broker: x.s.pid });
    const brokerCpuS = (c1.pids.broker - c0.pids.broker);
    consumeRuns.push({ system: x.id, label: x.label, recordSize: size, rep, ...r, brokerCpuS, cpuCores: cpuSince(c0, c1) });
    log(`  ${x.id} ${size} B ${tool}: ${(tool === 'kcat' ? r.mbPerSec : r.fetchMbPerSec).toFixed(1)} MB/s, broker ${brokerCpuS.toFixed(2)} CPU-s`);
  });
};
for (const size of CFG.sizes) {
  const have = kafkaLike.filter((x) => ppTopic.has(`${size}/${x.id}`) || kcatTopic.has(`${size}/${x.id}`));
  if (have.length === 0) continue;
  const source = have.every((x) => kcatTopic.has(`${size}/${x.id}`)) ? kcatTopic : ppTopic;
  const counts = [];
  for (const x of have) counts.push(await endOffsetSum(x.s.bootstrap, source.get(`${size}/${x.id}`)).catch(() => 0));
  const count = Math.min(CFG.consumeCap[size], ...counts);
  const tools = [...(haveTools ? ['ConsumerPerformance'] : []), ...(haveKcat ? ['kcat'] : [])];
  for (let rep = 0; rep < CFG.consumeRounds; rep++) {
    for (const tool of tools) {
      for (const x of rep % 2 === 0 ? have : [...have].reverse()) await consumeOnce(x, size, tool, source.get(`${size}/${x.id}`), count, rep);
    }
  }
  for (const tool of tools) {
    for (const x of have) {
      const runs = consumeRuns.filter((c) => c.system === x.id && c.recordSize === size && c.tool === tool);
      if (runs.length === 0) continue;
      const rate = (c) => (tool === 'kcat' ? c.mbPerSec : c.fetchMbPerSec);
      const mid = [...runs].sort((a, b) => rate(a) - rate(b))[Math.floor((runs.length - 1) / 2)];
      const cpuS = runs.reduce((a, c) => a + c.brokerCpuS, 0);
      results.consume.push({
        ...mid, rep: undefined, rounds: runs.length, roundMbPerSec: runs.map((c) => +rate(c).toFixed(1)),
        recordsPerBrokerCpuS: cpuS > 0 ? runs.reduce((a, c) => a + c.records, 0) / cpuS : undefined,
      });
    }
  }
}
results.consumeRuns = consumeRuns;

// Hot consume: kcat tails each system's topic while a kcat producer writes into it at full speed.
if (haveKcat) {
  for (const size of CFG.sizes) {
    const count = CFG.tailCount[size];
    for (let rep = 0; rep < CFG.consumeRounds; rep++) {
      for (const x of rep % 2 === 0 ? kafkaLike : [...kafkaLike].reverse()) {
        await step(`hot consume ${size} B ${x.id} (round ${rep + 1})`, async () => {
          const topic = `hot-${size}-${x.id}-${rep}`;
          await createTopic(x.s.bootstrap, topic, 1);
          syncDisks();
          const c0 = cpuSnapshot({ broker: x.s.pid });
          const r = await kcatTail({ bootstrap: x.s.bootstrap, topic, recordSize: size, count });
          const c1 = cpuSnapshot({ broker: x.s.pid });
          results.hotConsume.push({ system: x.id, label: x.label, recordSize: size, rep, ...r, brokerCpuS: c1.pids.broker - c0.pids.broker });
          log(`  ${x.id} ${size} B tail: ${r.mbPerSec.toFixed(1)} MB/s (producer ${((r.producerRecordsPerSec * size) / 1e6).toFixed(1)} MB/s), caught up ${r.catchUpMs.toFixed(0)} ms after`);
        });
      }
    }
  }
}

// Produce and end-to-end latency at 50% load: half the lowest 1 KiB peak (mean of the rounds) of
// the Kafka-protocol systems, so that no system is saturated; the same offered load for all.
if (haveTools && haveKcat) {
  const peaks = results.produce.filter((p) => p.recordSize === 1024);
  if (peaks.length > 0) {
    const low = peaks.reduce((a, b) => (b.recordsPerSec < a.recordsPerSec ? b : a));
    const rate = Math.max(100, Math.round(low.recordsPerSec * 0.5));
    results.latencyRate = { recordsPerSec: rate, recordSize: 1024, basis: low.label, basisRecordsPerSec: low.recordsPerSec };
    // Tails are what a busy machine disturbs most: CFG.reps rounds, the second in reverse order.
    const latRuns = [];
    for (let rep = 0; rep < CFG.reps; rep++) {
      for (const x of rep % 2 === 0 ? kafkaLike : [...kafkaLike].reverse()) {
        await step(`latency ${x.id} @ ${rate}/s (round ${rep + 1})`, async () => {
          const topic = `lat-${x.id}-${rep}`;
          await createTopic(x.s.bootstrap, topic, 1);
          syncDisks();
          const r = await endToEnd({ bootstrap: x.s.bootstrap, topic, recordSize: 1024, rate, warm: CFG.latWarm, measure: CFG.latMeasure });
          latRuns.push({ system: x.id, rep, ...r });
          log(`  ${x.id}: produce p99 ${r.producer.p99Ms} ms, e2e p99 ${r.e2e.p99Ms} ms`);
        });
      }
    }
    const avg = (xs) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    for (const x of kafkaLike) {
      const runs = latRuns.filter((l) => l.system === x.id);
      if (runs.length === 0) continue;
      const pick = (part) => ({
        p50Ms: avg(runs.map((l) => l[part].p50Ms)), p99Ms: avg(runs.map((l) => l[part].p99Ms)), p999Ms: avg(runs.map((l) => l[part].p999Ms)),
      });
      results.latency.push({
        system: x.id, label: x.label, rate, rounds: runs.length,
        producer: { ...runs[0].producer, ...pick('producer'), recordsPerSec: avg(runs.map((l) => l.producer.recordsPerSec)) },
        e2e: { ...runs[0].e2e, ...pick('e2e'), records: avg(runs.map((l) => l.e2e.records)) },
        roundP99: runs.map((l) => ({ ack: l.producer.p99Ms, e2e: l.e2e.p99Ms })),
      });
    }
    results.latencyRuns = latRuns;
  }
}

// Throughput versus partition count (1 KiB records).
if (haveTools) {
  for (const parts of CFG.partitions) {
    for (const x of kafkaLike) {
      await step(`partitions ${parts} ${x.id}`, async () => {
        const topic = `parts-${parts}-${x.id}`;
        const t = performance.now();
        await createTopic(x.s.bootstrap, topic, parts);
        const createMs = performance.now() - t;
        // Measure the steady state: every partition's log must exist before the load starts.
        const readyMs = createMs + (await waitAllPartitionsWritable(x.s.port, topic, parts));
        syncDisks();
        const r = await producerPerfPeak({ bootstrap: x.s.bootstrap, topic, recordSize: 1024, warm: CFG.partWarm, measure: CFG.partMeasure, brokerPid: x.s.pid });
        results.partitions.push({ system: x.id, label: x.label, partitions: parts, createTopicMs: createMs, writableMs: readyMs, ...r,
          windows: undefined, windowRates: r.windows.map((w) => w.rate) });
        log(`  ${x.id} ${parts} partitions: ${r.mbPerSec.toFixed(1)} MB/s`);
      });
    }
  }
}

await step('RSS after load', async () => {
  await new Promise((r) => setTimeout(r, CFG.settleS * 1000));
  for (const x of everything) {
    const e = rssEntry(x.id);
    if (e) e.afterLoadBytes = rssOf(x.s.pid);
  }
});

for (const x of everything) await step(`stop ${x.id}`, () => x.s.stop());

// Where Tideline's time goes under the produce load: a broker run with --cpu-prof.
if (haveTools) {
  for (const size of QUICK ? [100] : CFG.sizes) {
    await step(`cpu profile tideline ${size} B`, async () => {
      const dir = freshDir('profile');
      const profDir = join(dir, 'prof');
      const tSpawn = performance.now();
      // Unbundled, so that the profile attributes time to each package (the bundle is one file).
      const s = await startTideline({ dir, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir], bundle: false });
      try {
        await createTopic(s.bootstrap, 'prof', 1);
        syncDisks();
        const tLoad = performance.now();
        const r = await producerPerfPeak({ bootstrap: s.bootstrap, topic: 'prof', recordSize: size, warm: 1, measure: CFG.profileMeasure, brokerPid: s.pid });
        const tEnd = performance.now();
        await s.stop();
        const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
        if (file === undefined) throw new Error('no .cpuprofile written');
        // Only the samples under load: from ~2 s after the tool's launch (JVM start + warm-up window).
        const window = { fromMs: tLoad - tSpawn + 2000, toMs: tEnd - tSpawn };
        const summary = summarizeCpuProfile(join(profDir, file), 15, window);
        results.profiles.push({ system: 'tideline', recordSize: size, recordsPerSec: r.recordsPerSec, mbPerSec: r.mbPerSec, cpuCores: r.cpuCores, ...summary });
        // The raw profile (open it in Chrome DevTools) stays next to the results, uncommitted.
        copyFileSync(join(profDir, file), join(REPO, 'bench', 'results', `tideline-produce-${size}.cpuprofile`));
      } finally {
        await s.stop();
      }
    });
  }
}

await measureLimits('end');
results.load.after = loadAverage();
results.durationS = Math.round((Date.now() - started) / 1000);
if (process.env.BENCH_DIR === undefined) rmSync(base, { recursive: true, force: true });

const outDir = join(REPO, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'systems.json'), JSON.stringify(results, null, 2) + '\n');
await step('charts', async () => {
  const imgDir = QUICK ? join(outDir, 'img') : join(REPO, 'docs', 'img', 'bench');
  const charts = await writeCharts(results, imgDir);
  results.charts = Object.fromEntries(Object.entries(charts).map(([k, f]) => [k, relative(REPO, f)]));
});
writeFileSync(join(outDir, 'systems.json'), JSON.stringify(results, null, 2) + '\n');
// Every mode renders the report next to the JSON; the full mode also updates docs/benchmarks.md.
await step('bench/results/systems.md', () => writeFileSync(join(outDir, 'systems.md'), renderMarkdown(results, join(outDir, 'systems.md'), REPO)));
if (!QUICK) {
  mkdirSync(join(outDir, 'full'), { recursive: true });
  writeFileSync(join(outDir, 'full', 'systems.json'), JSON.stringify(results, null, 2) + '\n');
  await step('docs/benchmarks.md', () => updateDoc(results, join(REPO, 'docs', 'benchmarks.md'), REPO));
}
log(`done in ${results.durationS}s; load ${JSON.stringify(results.load.after)}; ${results.errors.length} error(s)`);
if (results.errors.length > 0) {
  for (const e of results.errors) console.error(`error in ${e.step}: ${e.error.split('\n')[0]}`);
  process.exit(1);
}
process.exit(0);
