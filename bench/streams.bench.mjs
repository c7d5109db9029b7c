// @tideline/streams against Kafka Streams on the job of the streams issue: N click events, 10,000
// user keys, event times out of order by up to 5 minutes, exactly 1% of the events (every 100th
// from the 1,000th on) placed in an hourly window that closed at least 6 minutes of event time
// earlier, so late for a 10-minute watermark; hourly tumbling count per user, final result per
// window, late events to the DLQ (Kafka Streams drops them and counts them).
//
// One Tideline broker runs in its own process (`tide broker start`). The input is produced once
// (4 partitions, key i -> partition i % 4, so the reference below knows each partition) and read
// by every run with its own application id and output topic, one run at a time, each in its own
// process (Node for ours: bench/peers/streams-app.mjs; a JVM for Kafka Streams:
// bench/peers/streams-job/ClickCount.java, run from source on the Kafka 4.x classpath with the
// JVM's default JIT and G1, 1 GiB heap, one stream thread):
//
//   ours, per-event and micro-batch (trigger 100 ms), at-least-once and exactly-once
//   Kafka Streams 4.3.1, at_least_once and exactly_once_v2 (in-memory window store, suppress)
//
// Commit intervals are the same for both: 1000 ms at-least-once, 200 ms exactly-once. Each run is
// timed inside its process from just before start() until every input record was processed
// (throughput = N / that) and until the group's committed offsets reached the end of the input.
// The output of every run is read back (read_committed) and checked against a reference
// computed here from the generator: every (user, window) closed by the end of the input with its
// count of non-late events, nothing else. Late counts are checked against the 1% made late.
//
// Latency (run first, while the broker holds nothing else): a separate input at a fixed rate
// (default 10,000 events/s for 30 s, after a warm-up of 10 s after the first output, up to
// 30 s), per-event, at-least-once, emit-on-update (Kafka Streams:
// no suppress, record cache off, producer linger.ms 5 as ours), read back in this process: the
// latency of an event is the time from its send() to the arrival of the output carrying its
// count (the c-th non-late event of a (user, window) is the one whose update has count c). A
// first latency run without any job reads the input back the same way: the floor the broker and
// the clients set (every produce is fsynced before it is acked and readable).
//
//   node bench/streams.bench.mjs [--events N] [--latency-seconds S] [--latency-rate R] [--no-java] [--no-latency]
//                                [--ks-threads T] [--driver-events M] [--linger-ab] [--eos-latency] [--fixed-linger]
//                                [--linger MS] [--only TEXT]
//       full mode (default 10,000,000 events, about 10 minutes on 2 cores; bench/results/full/streams.json);
//       --ks-threads: Kafka Streams' num.stream.threads in the throughput runs (default 1: one
//       thread each, as ours); --driver-events: events for the in-process test driver row (default
//       min(N, 1,000,000)); --linger-ab: two more latency runs of ours, with the output
//       producer not lingering (lingerMs 0) and then the default (adaptive linger of 5 ms) again
//       (a B/A/B in one run); --eos-latency: one more latency run
//       of ours with exactly-once (commit interval 200 ms), its output read read_uncommitted (read
//       read_committed, an output is visible only once its transaction commits); --fixed-linger:
//       the throughput runs of ours with adaptiveLinger false (for an A/B of the throughput); --linger:
//       the throughput runs of ours with this lingerMs; --only: only the runs (latency and throughput)
//       whose name contains TEXT
//   Profiles: STREAMS_APP_PROF=DIR writes a --cpu-prof of each streams application process to DIR,
//   BROKER_PROF=DIR one of the broker (run from the unbundled modules); bench/peers/profile.mjs reads them.
//   BENCH_QUICK=1 node bench/streams.bench.mjs
//       CI smoke: 20,000 events, ours only (no Java), a 2 s latency run at 1,000 events/s
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Admin, Consumer, Producer } from '@tideline/client';
import { JAVA_BENCH_FLAGS, missingReason, run, runJavaSource } from '@tideline/interop';
import { Serdes, TopologyTestDriver } from '@tideline/streams';
import { machine } from './lib.mjs';
import { HOUR, WATERMARK_MS, clickCountTopology } from './peers/streams-app.mjs';
import { startTideline } from './peers/servers.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const { values: opt } = parseArgs({
  options: {
    events: { type: 'string' },
    'latency-seconds': { type: 'string' },
    'latency-rate': { type: 'string' },
    'no-java': { type: 'boolean', default: false },
    'no-latency': { type: 'boolean', default: false },
    'linger-ab': { type: 'boolean', default: false },
    'eos-latency': { type: 'boolean', default: false },
    'fixed-linger': { type: 'boolean', default: false },
    linger: { type: 'string' },
    only: { type: 'string' },
    'driver-events': { type: 'string' },
    'ks-threads': { type: 'string' },
  },
});
const N = Number(opt.events ?? (QUICK ? 20_000 : 10_000_000));
const LAT_SECONDS = Number(opt['latency-seconds'] ?? (QUICK ? 2 : 30));
const LAT_RATE = Number(opt['latency-rate'] ?? (QUICK ? 1000 : 10_000));
const DRIVER_N = Math.min(N, Number(opt['driver-events'] ?? 1_000_000));
const JAVA = !QUICK && !opt['no-java'];
const KS_THREADS = Number(opt['ks-threads'] ?? 1);
const PARTITIONS = 4;
const KEYS = 10_000;
const T0 = 1_767_225_600_000; // 2026-01-01T00:00Z, on an hour
const STEP_MS = 36; // event time per event: 100 events per user per hour on average
const OOO_MS = 300_000;
const REPO = new URL('../', import.meta.url).pathname;
const APP = join(REPO, 'bench', 'peers', 'streams-app.mjs');
const JOB = join(REPO, 'bench', 'peers', 'streams-job', 'ClickCount.java');
const RUN_TIMEOUT_S = Math.round(300 + N / 2000); // 10M events: 85 min per run at most

if (!Number.isInteger(N) || N < 2000) throw new Error('--events must be an integer >= 2000');
if (JAVA && missingReason('java-client-4') !== undefined) throw new Error(`Kafka Streams runs need the Java 4.x client jars: ${missingReason('java-client-4')} (or pass --no-java)`);

// ---- the generator: event i is a pure function of i ----
function mix(i, salt) {
  let h = Math.imul(i ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ (i >>> 7), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}
const isLate = (i) => i >= 1000 && i % 100 === 50;
function event(i) {
  const k = mix(i, 1) % KEYS;
  const base = T0 + i * STEP_MS;
  // Late: in a window that ended at least 16 minutes before `base`; every partition has seen an
  // event within a few seconds of `base` minus at most 5 minutes, so its watermark is past that end.
  const ts = isLate(i) ? Math.floor((base - 16 * 60_000) / HOUR) * HOUR - 1 - (mix(i, 3) % 600_000) : base - (mix(i, 3) % (OOO_MS + 1));
  return { k, partition: k % PARTITIONS, key: `user-${k}`, ts, value: `{"user":"user-${k}","page":"/p/${mix(i, 2) % 100}","ts":${ts}}` };
}
const windowKey = (user, start) => `${user}|${start}`;

/** Every (user, window) closed at the end of n events, with its count; the number of late events. */
function reference(n) {
  const counts = new Map();
  const maxTs = new Array(PARTITIONS).fill(-Infinity);
  let late = 0;
  for (let i = 0; i < n; i++) {
    const e = event(i);
    if (e.ts > maxTs[e.partition]) maxTs[e.partition] = e.ts;
    if (isLate(i)) {
      late++;
      continue;
    }
    const start = Math.floor(e.ts / HOUR) * HOUR;
    const wk = windowKey(e.key, start);
    counts.set(wk, (counts.get(wk) ?? 0) + 1);
  }
  const closed = new Map();
  let open = 0;
  for (const [wk, c] of counts) {
    const [user, start] = wk.split('|');
    const p = Number(user.slice(5)) % PARTITIONS;
    if (Number(start) + HOUR + WATERMARK_MS <= maxTs[p]) closed.set(wk, c);
    else open += c;
  }
  return { n, closed, late, open };
}

async function produce(bootstrap, topic, n) {
  const p = new Producer({ bootstrap, lingerMs: 5, batchSize: 256 * 1024 });
  const CHUNK = 5000;
  const inflight = [];
  for (let i = 0; i < n; i += CHUNK) {
    const messages = [];
    for (let j = i; j < Math.min(n, i + CHUNK); j++) {
      const e = event(j);
      messages.push({ key: e.key, value: e.value, partition: e.partition });
    }
    inflight.push(p.send({ topic, messages }));
    if (inflight.length >= 4) await inflight.shift();
  }
  await Promise.all(inflight);
  await p.close();
}

/** Reads `topic` from the start to its current end (read_committed) and calls `onRecord` for each record. */
async function readAll(bootstrap, admin, topic, onRecord) {
  const [desc] = await admin.describeTopics([topic]);
  const parts = desc.partitions.map((x) => x.partition);
  const ends = await admin.listOffsets(parts.map((partition) => ({ topic, partition, spec: 'latest' })), { isolationLevel: 'read_committed' });
  if (ends.every((e) => e.offset === 0n)) return;
  const c = new Consumer({ bootstrap, maxWaitMs: 100, isolationLevel: 'read_committed' });
  c.assign(parts.map((partition) => ({ topic, partition, offset: 'earliest' })));
  const done = () => ends.every((e) => (c.position({ topic, partition: e.partition }) ?? -1n) >= e.offset);
  const timer = setInterval(() => {
    if (done()) void c.close();
  }, 100);
  const deadline = setTimeout(() => void c.close(), 600_000);
  try {
    for await (const r of c) {
      onRecord(r);
      if (done()) break;
    }
  } finally {
    clearInterval(timer);
    clearTimeout(deadline);
    await c.close();
  }
  if (!done()) throw new Error(`could not read ${topic} to its end`);
}

/** Compares a run's output topic with the reference. */
async function verify(bootstrap, admin, topic, ref, late) {
  const got = new Map();
  let records = 0;
  await readAll(bootstrap, admin, topic, (r) => {
    records++;
    const w = JSON.parse(r.key.toString('utf8'));
    got.set(windowKey(w.key, w.start), Number(r.value.toString('utf8')));
  });
  let wrong = 0;
  let missing = 0;
  let extra = 0;
  const examples = [];
  for (const [wk, c] of ref.closed) {
    const g = got.get(wk);
    if (g === undefined) missing++;
    else if (g !== c) {
      wrong++;
      if (examples.length < 3) examples.push(`${wk}: ${g} (expected ${c})`);
    }
  }
  for (const wk of got.keys()) if (!ref.closed.has(wk)) extra++;
  // Every event is counted once: in a closed window's result, as late, or in a window still open
  // (micro-batch mode accepts some of the 1% into old windows, which then close too).
  let sum = 0;
  for (const c of got.values()) sum += c;
  const unaccounted = ref.n - sum - late - ref.open;
  return { outputRecords: records, windows: got.size, expectedWindows: ref.closed.size, wrongCounts: wrong, missingWindows: missing, extraWindows: extra, unaccounted, examples };
}

const results = [];
const latency = [];
const notes = [];
const started = Date.now();
const log = (s) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)}s] ${s}`);

// ---- the engine alone, in this process (the test driver reads one partition) ----
{
  const d = new TopologyTestDriver(clickCountTopology('clicks', 'out'), { maxOutOfOrdernessMs: WATERMARK_MS });
  const input = d.createInputTopic('clicks', Serdes.string(), Serdes.json());
  const evs = Array.from({ length: DRIVER_N }, (_, i) => event(i));
  const t = process.hrtime.bigint();
  for (const e of evs) input.pipe(e.key, JSON.parse(e.value), e.ts);
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  results.push({ name: 'TopologyTestDriver (engine only, 1 partition, in-process)', system: 'tideline', records: DRIVER_N, processedSeconds: secs, eventsPerSec: DRIVER_N / secs, late: d.metrics().reduce((s, x) => s + x.lateRecords, 0) });
  log(`driver: ${(DRIVER_N / secs).toFixed(0)} events/s`);
}

const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-streams-'));
let broker;
let admin;
try {
  broker = await startTideline({ dir: join(dir, 'broker'), ...(process.env.BROKER_PROF ? { bundle: false, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.BROKER_PROF}`] } : {}) });
  const bootstrap = broker.bootstrap;
  admin = new Admin({ bootstrap });
  log(`broker pid ${broker.pid} on ${bootstrap}`);
  // ---- end-to-end latency at a fixed rate, first: on a broker that holds nothing else yet ----
  if (!opt['no-latency']) {
    const lruns = [
      { name: 'broker only: the input read back (no job; the floor)', system: 'none' },
      { name: 'ours per-event, at-least-once, emit on update', system: 'tideline' },
    ];
    // B/A/B in the same run: the output producer lingering up to 5 ms while a request is out (lingerMs 5, adaptive: the default before per-event stopped lingering), then the default again.
    if (opt['linger-ab']) lruns.push({ name: 'ours per-event, at-least-once, emit on update, no linger (lingerMs 0)', system: 'tideline', lingerMs: 0 }, { ...lruns[1] });
    if (opt['eos-latency']) lruns.push({ name: 'ours per-event, exactly-once, emit on update, read_uncommitted', system: 'tideline', guarantee: 'exactly-once', readUncommitted: true });
    if (JAVA) lruns.push({ name: 'Kafka Streams 4.3.1, at_least_once, no suppress, cache off', system: 'kafka-streams' });
    for (const r of lruns.filter((x) => opt.only === undefined || x.name.includes(opt.only))) latency.push(await latencyRun(bootstrap, r, 100 + latency.length, dir));
  }
  await admin.createTopics([{ topic: 'clicks', numPartitions: PARTITIONS, replicationFactor: 1 }]);
  let t = performance.now();
  await produce(bootstrap, 'clicks', N);
  const produceSecs = (performance.now() - t) / 1000;
  log(`produced ${N} events in ${produceSecs.toFixed(1)} s`);
  t = performance.now();
  const ref = reference(N);
  log(`reference: ${ref.closed.size} closed windows, ${ref.late} late events (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  const runs = [
    { name: 'ours per-event, at-least-once', system: 'tideline', guarantee: 'at-least-once', mode: { type: 'per-event' } },
    { name: 'ours per-event, exactly-once', system: 'tideline', guarantee: 'exactly-once', mode: { type: 'per-event' } },
    { name: 'ours micro-batch 100 ms, at-least-once', system: 'tideline', guarantee: 'at-least-once', mode: { type: 'micro-batch', triggerMs: 100 } },
    { name: 'ours micro-batch 100 ms, exactly-once', system: 'tideline', guarantee: 'exactly-once', mode: { type: 'micro-batch', triggerMs: 100 } },
  ];
  if (JAVA) {
    runs.push({ name: `Kafka Streams 4.3.1, at_least_once${KS_THREADS > 1 ? `, ${KS_THREADS} threads` : ''}`, system: 'kafka-streams', guarantee: 'at_least_once' });
    runs.push({ name: `Kafka Streams 4.3.1, exactly_once_v2${KS_THREADS > 1 ? `, ${KS_THREADS} threads` : ''}`, system: 'kafka-streams', guarantee: 'exactly_once_v2' });
  } else notes.push('Kafka Streams runs skipped (quick mode or --no-java)');
  if (opt.only !== undefined) {
    const kept = runs.filter((r) => r.name.includes(opt.only));
    notes.push(`runs limited to those named with '${opt.only}' (${kept.length} of ${runs.length})`);
    runs.splice(0, runs.length, ...kept);
  }

  let n = 0;
  for (const r of runs) {
    n++;
    const app = `bench-streams-${n}`;
    const output = `counts-${n}`;
    await admin.createTopics([{ topic: output, numPartitions: PARTITIONS, replicationFactor: 1 }]);
    const eos = r.guarantee.startsWith('exactly');
    const commitIntervalMs = eos ? 200 : 1000;
    log(`run ${r.name} ...`);
    let summary;
    let failure;
    try {
      if (r.system === 'tideline') {
        const cfg = { bootstrap, applicationId: app, input: 'clicks', output, records: N, guarantee: r.guarantee, commitIntervalMs, mode: r.mode, emit: 'final', timeoutSec: RUN_TIMEOUT_S, ...(opt['fixed-linger'] ? { adaptiveLinger: false } : {}), ...(opt.linger !== undefined ? { lingerMs: Number(opt.linger) } : {}) };
        const res = await run(process.execPath, [APP, JSON.stringify(cfg)], { timeoutMs: (RUN_TIMEOUT_S + 60) * 1000, allowFailure: true });
        summary = res.stdout.split('\n').filter((l) => l.includes('"event":"done"')).map((l) => JSON.parse(l))[0];
        if (res.code !== 0) failure = `exit ${res.code}: ${res.stderr.slice(-500)}`;
        if (process.env.STREAMS_APP_LOG && res.stderr) log(`  application log:\n${res.stderr.slice(-20_000)}`);
      } else {
        const stateDir = join(dir, `ks-${n}`);
        const args = [`bootstrap=${bootstrap}`, `app=${app}`, 'input=clicks', `output=${output}`, `records=${N}`, `guarantee=${r.guarantee}`,
          `commitMs=${commitIntervalMs}`, 'emit=final', `stateDir=${stateDir}`, `timeoutSec=${RUN_TIMEOUT_S}`, `threads=${KS_THREADS}`];
        const res = await runJavaSource(JOB, args, { jvmFlags: JAVA_BENCH_FLAGS, timeoutMs: (RUN_TIMEOUT_S + 90) * 1000, allowFailure: true });
        const done = res.rows.find((x) => x.event === 'done');
        summary = done && { ...done, late: done.dropped };
        if (res.code !== 0) failure = `exit ${res.code}: ${res.stderr.slice(-500)}`;
      }
    } catch (e) {
      failure = e.message;
    }
    if (summary === undefined || summary.processedMs < 0) {
      results.push({ name: r.name, system: r.system, records: N, failed: failure ?? 'no summary', summary });
      log(`  FAILED: ${failure}`);
      continue;
    }
    if (r.system === 'tideline') {
      // Ours: the late records in the dead-letter topic as a read_committed consumer sees them (the
      // tasks' own counters restart when an exactly-once abort rebuilds them).
      let lateRecords = 0;
      await readAll(bootstrap, admin, `${app}-late`, () => void lateRecords++);
      summary.late = lateRecords;
    }
    const check = await verify(bootstrap, admin, output, ref, summary.late);
    const row = {
      name: r.name, system: r.system, guarantee: r.guarantee, mode: r.mode?.type ?? 'per-event', commitIntervalMs, records: N,
      processedSeconds: summary.processedMs / 1000, committedSeconds: summary.committedMs / 1000, eventsPerSec: N / (summary.processedMs / 1000), eventsPerCpuSecond: summary.cpuSeconds > 0 ? N / summary.cpuSeconds : undefined,
      late: summary.late, expectedLate: ref.late, ...check, failed: failure,
    };
    results.push(row);
    log(`  ${row.eventsPerSec.toFixed(0)} events/s (${row.eventsPerCpuSecond?.toFixed(0) ?? '-'} per CPU-second of the job), processed in ${row.processedSeconds.toFixed(1)} s, committed at ${row.committedSeconds.toFixed(1)} s, late ${row.late}/${ref.late}, windows ${check.windows}/${check.expectedWindows}, wrong ${check.wrongCounts}, missing ${check.missingWindows}, extra ${check.extraWindows}, unaccounted ${check.unaccounted}${failure ? `, ${failure}` : ''}`);
  }

} finally {
  await admin?.close();
  await broker?.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** One rate-limited latency run (see the header). */
async function latencyRun(bootstrap, r, n, dir) {
  const input = `lat-clicks-${n}`;
  const output = `lat-counts-${n}`;
  const app = `bench-latency-${n}`;
  await admin.createTopics([{ topic: input, numPartitions: PARTITIONS, replicationFactor: 1 }, { topic: output, numPartitions: PARTITIONS, replicationFactor: 1 }]);
  const measured = LAT_RATE * LAT_SECONDS;
  const maxWarm = LAT_RATE * 30;
  log(`latency ${r.name}: ${LAT_RATE}/s for ${LAT_SECONDS} s ...`);
  // The job is started on a known total; warm-up events not used are sent after the measured ones
  // (not timed) so that it can finish.
  const total = measured + maxWarm;
  let child;
  if (r.system === 'tideline') {
    const eos = r.guarantee === 'exactly-once';
    const cfg = { bootstrap, applicationId: app, input, output, records: total, guarantee: r.guarantee ?? 'at-least-once', commitIntervalMs: eos ? 200 : 1000, mode: { type: 'per-event' }, emit: 'update', timeoutSec: 600, ...(r.lingerMs !== undefined ? { lingerMs: r.lingerMs } : {}), ...(r.adaptiveLinger !== undefined ? { adaptiveLinger: r.adaptiveLinger } : {}) };
    child = run(process.execPath, [...(process.env.STREAMS_APP_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.STREAMS_APP_PROF}`] : []), APP, JSON.stringify(cfg)], { timeoutMs: 700_000, allowFailure: true });
  } else if (r.system === 'kafka-streams') {
    const args = [`bootstrap=${bootstrap}`, `app=${app}`, `input=${input}`, `output=${output}`, `records=${total}`, 'guarantee=at_least_once',
      'commitMs=1000', 'emit=update', 'lingerMs=5', `stateDir=${join(dir, `ks-${n}`)}`, 'timeoutSec=600'];
    child = runJavaSource(JOB, args, { jvmFlags: JAVA_BENCH_FLAGS, timeoutMs: 700_000, allowFailure: true });
  }
  const brokerOnly = child === undefined; // the floor: the input itself read back, no job
  const sent = new Map(); // (user, window) -> send times of its non-late events, in order; NaN = warm-up
  const sentAt = Array.from({ length: PARTITIONS }, () => []); // broker only: send time per partition and offset
  const lat = [];
  const latAt = []; // send times, for the latency over time
  let firstOutput = false;
  let firstOutputAt = Infinity;
  const consumer = new Consumer({ bootstrap, maxWaitMs: 20, isolationLevel: r.readUncommitted === true ? 'read_uncommitted' : 'read_committed' });
  consumer.assign(Array.from({ length: PARTITIONS }, (_, partition) => ({ topic: brokerOnly ? input : output, partition, offset: 'earliest' })));
  const reading = (async () => {
    for await (const rec of consumer) {
      const now = performance.now();
      if (!firstOutput) firstOutputAt = now;
      firstOutput = true;
      if (brokerOnly) {
        const t = sentAt[rec.partition][Number(rec.offset)];
        if (t !== undefined && !Number.isNaN(t)) {
          lat.push(now - t);
          latAt.push(t);
        }
        continue;
      }
      const w = JSON.parse(rec.key.toString('utf8'));
      const c = Number(rec.value.toString('utf8'));
      const times = sent.get(windowKey(w.key, w.start));
      const t = times?.[c - 1];
      if (t !== undefined && !Number.isNaN(t)) {
        lat.push(now - t);
        latAt.push(t);
        times[c - 1] = NaN; // first appearance only
      }
    }
  })();
  const p = new Producer({ bootstrap, lingerMs: 0 });
  let i = 0;
  const sendOne = (warm) => {
    const e = event(i);
    sentAt[e.partition].push(warm ? NaN : performance.now());
    if (!isLate(i) && !brokerOnly) {
      const wk = windowKey(e.key, Math.floor(e.ts / HOUR) * HOUR);
      let times = sent.get(wk);
      if (times === undefined) sent.set(wk, (times = []));
      times.push(warm ? NaN : performance.now());
    }
    i++;
    return p.send({ topic: input, messages: [{ key: e.key, value: e.value, partition: e.partition }] });
  };
  const paced = async (count, warm, until) => {
    const t0 = performance.now();
    const pending = [];
    let k = 0;
    while (k < count && !(until?.() ?? false)) {
      const due = Math.min(count, Math.floor(((performance.now() - t0) / 1000) * LAT_RATE) + 1);
      while (k < due) {
        pending.push(sendOne(warm));
        k++;
      }
      if (pending.length > 1000) await Promise.all(pending.splice(0));
      await new Promise((res) => setTimeout(res, 1));
    }
    await Promise.all(pending);
    return { count: k, seconds: (performance.now() - t0) / 1000 };
  };
  let result;
  try {
    // Warm-up: until the first output, then 10 s more (JIT) so that the backlog of the start-up is gone.
    const warm = await paced(maxWarm, true, () => performance.now() > firstOutputAt + (QUICK ? 1000 : 10_000));
    const m = await paced(measured, false);
    // Wait for the outputs of the measured events (at most 60 s) before sending the rest: sending
    // them blocks this process, which would delay reading the last outputs.
    const expected = brokerOnly ? m.count : [...Array(m.count).keys()].filter((j) => !isLate(warm.count + j)).length;
    const waitUntil = performance.now() + 60_000;
    while (lat.length < expected && performance.now() < waitUntil) await new Promise((res) => setTimeout(res, 50));
    // The rest, unpaced, so the job reaches its total and stops.
    const rest = [];
    while (i < total && !brokerOnly) rest.push(sendOne(true));
    await Promise.all(rest);
    await p.close();
    const res = brokerOnly ? { code: 0, stdout: '', rows: [] } : await child;
    if (process.env.STREAMS_APP_LOG && res.stderr) log(`  application log:\n${res.stderr.slice(-20_000)}`);
    const done = res.rows?.find((x) => x.event === 'done') ?? res.stdout.split('\n').filter((l) => l.includes('"event":"done"')).map((l) => JSON.parse(l))[0];
    // Latency per 5 s of send time: shows start-up effects and stalls.
    const t0 = Math.min(...latAt.slice(0, 1000));
    const buckets = [];
    for (let j = 0; j < lat.length; j++) {
      const b = Math.floor((latAt[j] - t0) / 5000);
      (buckets[b] ??= []).push(lat[j]);
    }
    const over5s = buckets.map((xs, b) => {
      xs.sort((a, c) => a - c);
      return { fromS: b * 5, n: xs.length, p50Ms: xs[Math.floor(xs.length / 2)], p99Ms: xs[Math.floor(xs.length * 0.99)], maxMs: xs.at(-1) };
    }).filter(Boolean);
    lat.sort((a, b) => a - b);
    const q = (f) => (lat.length === 0 ? NaN : lat[Math.min(lat.length - 1, Math.floor(f * lat.length))]);
    result = { name: r.name, system: r.system, rate: LAT_RATE, seconds: LAT_SECONDS, achievedRate: m.count / m.seconds, warmupEvents: warm.count, measuredEvents: m.count, outputsMatched: lat.length, outputsExpected: expected, p50Ms: q(0.5), p99Ms: q(0.99), p999Ms: q(0.999), maxMs: lat.at(-1), jobExit: res.code, jobLate: done?.late ?? done?.dropped, over5s };
    log(`  p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, max ${result.maxMs?.toFixed(1)} ms, ${lat.length}/${expected} outputs matched, achieved ${result.achievedRate.toFixed(0)}/s`);
    log(`  per 5 s: ${over5s.map((x) => `${x.fromS}s p99 ${x.p99Ms.toFixed(0)} max ${x.maxMs.toFixed(0)}`).join(', ')}`);
  } finally {
    await consumer.close();
    await reading.catch(() => undefined);
  }
  return result;
}

const fmt = (x, d = 0) => (x === undefined || x === null || Number.isNaN(x) ? '-' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
const m = machine();
console.log(`\nstreams (${JSON.stringify(m)}), ${N} events (${PARTITIONS} partitions, ${KEYS} keys); the input was produced once`);
console.log('| run | events/s | processed (s) | committed (s) | late (expected) | windows (expected) | wrong / missing / extra | unaccounted |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  if (r.failed && r.eventsPerSec === undefined) console.log(`| ${r.name} | failed: ${r.failed.replace(/\n/g, ' ').slice(0, 200)} | | | | | | |`);
  else console.log(`| ${r.name} | ${fmt(r.eventsPerSec)} | ${fmt(r.processedSeconds, 2)} | ${fmt(r.committedSeconds, 2)} | ${fmt(r.late)}${r.expectedLate !== undefined ? ` (${fmt(r.expectedLate)})` : ''} | ${r.windows !== undefined ? `${fmt(r.windows)} (${fmt(r.expectedWindows)})` : '-'} | ${r.windows !== undefined ? `${r.wrongCounts} / ${r.missingWindows} / ${r.extraWindows}` : '-'} | ${r.unaccounted ?? '-'} |`);
}
if (latency.length > 0) {
  console.log(`\nend-to-end latency, ${LAT_RATE} events/s for ${LAT_SECONDS} s, send() to the output carrying the event's count`);
  console.log('| run | achieved events/s | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | outputs matched |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const l of latency) console.log(`| ${l.name} | ${fmt(l.achievedRate)} | ${fmt(l.p50Ms, 2)} | ${fmt(l.p99Ms, 2)} | ${fmt(l.p999Ms, 2)} | ${fmt(l.maxMs, 1)} | ${fmt(l.outputsMatched)} / ${fmt(l.outputsExpected)} |`);
}
for (const s of notes) console.log(`note: ${s}`);
const out = new URL(QUICK ? './results/' : './results/full/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('streams.json', out), JSON.stringify({ suite: 'streams', machine: m, args: process.argv.slice(2), events: N, partitions: PARTITIONS, keys: KEYS, ksThreads: KS_THREADS, latencyRate: LAT_RATE, latencySeconds: LAT_SECONDS, totalSeconds: (Date.now() - started) / 1000, results, latency, notes }, null, 2) + '\n');
const failed = results.filter((r) => r.failed).length + latency.filter((l) => l === undefined).length;
if (failed > 0) process.exitCode = 1;
