// Where one event's milliseconds go in the streams per-event path (at-least-once, emit on update):
// a diagnostic, not a benchmark. One Tideline broker in its own process; the input producer, the
// streams application and the output reader in this process (one clock), at a low fixed rate so
// the events do not queue behind each other. Each event has a key of its own, so its output is the
// count 1 of a new (key, window). Stages, per event (ms since its input send()):
//
//   input ack      the input producer's send() resolved (produce + fsync + response)
//   fetched        a fetch response of the streams consumer holding it arrived (its records queued)
//   consumed       the streams consumer handed the batch holding it to the runtime (onBatch)
//   output send    the runtime handed its output to the output producer (send())
//   output request the output producer wrote the Produce request holding it (linger ended)
//   output ack     the output producer's send() resolved (broker append + fsync + response)
//   read           the output reader (read_committed) got it
//
// Also the event loop's delay (perf_hooks) over the run, and the CPU seconds of this process and
// of the broker.
//
// --split runs the input producer and the output reader in a worker thread (their own event loop,
// as the benchmark runs them in another process than the job): at 10,000 events/s one event loop
// sending every event on its own and running the job measures its own queueing. Times are then
// taken as performance.timeOrigin + performance.now(), comparable across the threads.
//
//   TIDELINE_CACHE=... node bench/streams-trace.mjs [--rate 200] [--seconds 10] [--linger 5] [--fixed (adaptiveLinger false)] [--eos (read back read_uncommitted)] [--split]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Admin, Consumer, Producer } from '@tideline/client';
import { KafkaStreams } from '@tideline/streams';
import { clickCountTopology } from './peers/streams-app.mjs';
import { cpuSeconds } from './peers/limits.mjs';
import { startTideline } from './peers/servers.mjs';

const { values: opt } = isMainThread
  ? parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' }, linger: { type: 'string' }, fixed: { type: 'boolean', default: false }, eos: { type: 'boolean', default: false }, split: { type: 'boolean', default: false } } })
  : { values: workerData.opt };
const RATE = Number(opt.rate ?? 200);
const SECONDS = Number(opt.seconds ?? 10);
const T0 = 1_767_225_600_000;
const now = () => performance.timeOrigin + performance.now();
const outKey = (m) => JSON.parse(m.key.toString()).key;
/** Records the first time of a stage of an event in `ev` (of known events only, unless `create`). */
const stager = (ev, create) => (k, name, t = now()) => {
  let e = ev.get(k);
  if (e === undefined) {
    if (!create) return;
    ev.set(k, (e = {}));
  }
  if (e[name] === undefined) e[name] = t;
};

/**
 * The input producer (paced: a warm-up of 3 s, then the measured events) and the output reader.
 * `ev` holds the measured events' stage times; resolves once every measured event was read (or 5 s after the last send).
 */
async function drive(bootstrap, ev, stage, afterSend = () => undefined) {
  const reader = new Consumer({ bootstrap, maxWaitMs: 500, isolationLevel: opt.eos ? 'read_uncommitted' : 'read_committed' });
  reader.assign([0, 1, 2, 3].map((partition) => ({ topic: 'out', partition, offset: 'earliest' })));
  const reading = (async () => {
    for await (const r of reader) stage(outKey(r), 'read');
  })();
  const input = new Producer({ bootstrap, lingerMs: 0 });
  const sendEvent = (i, measured) => {
    const key = `u${i}`;
    const t = now();
    if (measured) ev.set(key, { sent: t });
    const value = JSON.stringify({ user: key, page: '/', ts: T0 + i });
    return input.send({ topic: 'in', messages: [{ key, value }] }).then(() => stage(key, 'inputAck'));
  };
  let i = 0;
  const pace = async (count, measured) => {
    const t0 = now();
    for (let k = 0; k < count; k++) {
      const due = t0 + (k * 1000) / RATE;
      while (now() < due) await new Promise((r) => setTimeout(r, 1));
      void sendEvent(i++, measured);
      afterSend();
    }
  };
  await pace(RATE * 3, false);
  await pace(RATE * SECONDS, true);
  const until = now() + 5000;
  while ([...ev.values()].some((e) => e.read === undefined) && now() < until) await new Promise((r) => setTimeout(r, 20));
  await input.close();
  await reader.close();
  await reading.catch(() => undefined);
}

if (!isMainThread) {
  const ev = new Map();
  await drive(workerData.bootstrap, ev, stager(ev, false));
  parentPort.postMessage([...ev]);
  process.exit(0);
}

const dir = mkdtempSync(join(os.tmpdir(), 'tideline-streams-trace-'));
const metricsPort = 20_000 + Math.floor(Math.random() * 20_000);
const broker = await startTideline({ dir: join(dir, 'broker'), args: ['--metrics-listen', `127.0.0.1:${metricsPort}`] });
/** The broker's counters that explain the stages: requests by API, fsync rounds and their time, fetches that waited out maxWaitMs with data there. */
const brokerCounters = async () => {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const m = new Map();
  for (const line of text.split('\n')) {
    const x = /^(tideline_requests_total\{api="(?:Produce|Fetch|OffsetCommit)"\}|tideline_log_flush_duration_seconds_(?:sum|count)|tideline_fetch_purgatory_expired_with_data|tideline_request_total_time_seconds_(?:sum|count)\{api="(?:Produce|Fetch)"\}) (\S+)$/.exec(line);
    if (x !== null) m.set(x[1], Number(x[2]));
  }
  return m;
};
const bootstrap = broker.bootstrap;
const admin = new Admin({ bootstrap });
await admin.createTopics([{ topic: 'in', numPartitions: 4, replicationFactor: 1 }, { topic: 'out', numPartitions: 4, replicationFactor: 1 }]);

/** key -> stage times (with --split: the job's stages of every event, merged with the worker's at the end) */
const ev = new Map();
const stage = stager(ev, opt.split);
const app = new KafkaStreams(clickCountTopology('in', 'out', 'update'), {
  applicationId: 'trace', bootstrap, commitIntervalMs: opt.eos ? 200 : 1000, guarantee: opt.eos ? 'exactly-once' : 'at-least-once',
  logger: (level, msg, data) => level !== 'debug' && level !== 'info' && console.error(level, msg, JSON.stringify(data ?? {})), maxOutOfOrdernessMs: 600_000, instanceId: 'trace-1',
  ...(opt.linger !== undefined ? { lingerMs: Number(opt.linger) } : {}),
  ...(opt.fixed ? { adaptiveLinger: false } : {}),
});
// Hooks on the runtime's internals (a diagnostic: private in TypeScript, reachable in JS).
const onBatch = app.onBatch.bind(app);
const fetchedAt = new Map(); // partition -> [from offset, next offset, arrival time] of its recent fetch responses
const hookBuffer = () => {
  const buf = app.consumer.buffer;
  const push = buf.push.bind(buf);
  buf.push = (s, b, next, raw, count) => {
    let l = fetchedAt.get(b.partition);
    if (l === undefined) fetchedAt.set(b.partition, (l = []));
    l.push([raw.from, next, now()]);
    if (l.length > 200) l.splice(0, 100);
    return push(s, b, next, raw, count);
  };
};
app.onBatch = async (batch) => {
  const t = now();
  const l = fetchedAt.get(batch.partition) ?? [];
  for (const r of batch.records) {
    const k = r.key.toString();
    stage(k, 'consumed', t);
    const f = l.find((x) => r.offset >= x[0] && r.offset < x[1]);
    if (f) stage(k, 'fetched', f[2]);
  }
  return onBatch(batch);
};
await app.start();
hookBuffer();
const producer = app.producer;
const send = producer.send.bind(producer);
producer.send = (record) => {
  const t = now();
  const keys = record.topic === 'out' ? record.messages.map(outKey) : [];
  for (const k of keys) stage(k, 'outputSend', t);
  const p = send(record);
  p.then(() => {
    const ta = now();
    for (const k of keys) stage(k, 'outputAck', ta);
  }, () => undefined);
  return p;
};
let hooked = false;
let requests = 0;
const hookSender = () => {
  if (hooked || producer.sender === null) return;
  hooked = true;
  const sender = producer.sender;
  const sendRequest = sender.sendRequest.bind(sender);
  sender.sendRequest = (leader, batches) => {
    const t = now();
    requests++;
    for (const b of batches) if (b.topic === 'out') for (const r of b.records) stage(outKey(r), 'outputRequest', t);
    return sendRequest(leader, batches);
  };
};

const h = monitorEventLoopDelay({ resolution: 1 });
h.enable();
const elu0 = performance.eventLoopUtilization();
const cpu0 = process.cpuUsage();
const brokerCpu0 = cpuSeconds(broker.pid);
const counters0 = await brokerCounters();
if (opt.split) {
  const hooking = setInterval(() => (hookSender(), hooked && clearInterval(hooking)), 1);
  const worker = new Worker(new URL(import.meta.url), { workerData: { bootstrap, opt } });
  const measured = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const jobStages = new Map(ev);
  ev.clear();
  for (const [k, e] of measured) ev.set(k, { ...jobStages.get(k), ...e });
} else {
  await drive(bootstrap, ev, stage, hookSender);
}
h.disable();
const cpu = process.cpuUsage(cpu0);
const elu = performance.eventLoopUtilization(elu0);
const brokerCpu = cpuSeconds(broker.pid) - brokerCpu0;
const counters = await brokerCounters();
const names = ['inputAck', 'fetched', 'consumed', 'outputSend', 'outputRequest', 'outputAck', 'read'];
const q = (xs, f) => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))];
console.log(`streams trace: ${RATE} events/s for ${SECONDS} s, ${ev.size} events, load ${os.loadavg().map((x) => x.toFixed(1)).join('/')}`);
console.log('| stage (ms since the input send) | p50 | p90 | p99 |\n| --- | ---: | ---: | ---: |');
for (const n of names) {
  const xs = [...ev.values()].map((e) => e[n] - e.sent).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  console.log(`| ${n} (${xs.length}) | ${q(xs, 0.5).toFixed(2)} | ${q(xs, 0.9).toFixed(2)} | ${q(xs, 0.99).toFixed(2)} |`);
}
const gaps = [['inputAck', 'fetched'], ['fetched', 'consumed'], ['consumed', 'outputSend'], ['outputSend', 'outputRequest'], ['outputRequest', 'outputAck'], ['outputRequest', 'read']];
for (const [a, b] of gaps) {
  const xs = [...ev.values()].map((e) => e[b] - e[a]).filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
  console.log(`| ${a} -> ${b} | ${q(xs, 0.5).toFixed(2)} | ${q(xs, 0.9).toFixed(2)} | ${q(xs, 0.99).toFixed(2)} |`);
}
console.log(`commits ${app.metrics().commits}, processed ${app.metrics().processedTotal}, output producer requests ${requests}`);
console.log(`event loop delay: p50 ${(h.percentile(50) / 1e6).toFixed(2)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(2)} ms, max ${(h.max / 1e6).toFixed(1)} ms`);
console.log(`broker, during the run: ${[...counters].map(([k, v]) => `${k} ${+(v - (counters0.get(k) ?? 0)).toFixed(3)}`).join(', ')}`);
console.log(`CPU seconds: this process ${((cpu.user + cpu.system) / 1e6).toFixed(2)}, broker ${brokerCpu.toFixed(2)}; the job's event loop busy ${(elu.active / 1000).toFixed(2)} s (${(elu.utilization * 100).toFixed(0)}%)`);

await app.close();
await admin.close();
await broker.stop();
rmSync(dir, { recursive: true, force: true });
