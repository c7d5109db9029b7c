// Where one event's milliseconds go in the streams per-event path (at-least-once, emit on update):
// a diagnostic, not a benchmark. One Tideline broker in its own process; the input producer, the
// streams application and the output reader in this process (one clock), at a low fixed rate so
// the events do not queue behind each other. Each event has a key of its own, so its output is the
// count 1 of a new (key, window). Stages, per event (ms since its input send()):
//
//   input ack      the input producer's send() resolved (produce + fsync + response)
//   consumed       the streams consumer handed the batch holding it to the runtime (onBatch)
//   output send    the runtime handed its output to the output producer (send())
//   output request the output producer wrote the Produce request holding it (linger ended)
//   output ack     the output producer's send() resolved (broker append + fsync + response)
//   read           the output reader (read_committed) got it
//
// Also the event loop's delay (perf_hooks) over the run.
//
//   TIDELINE_CACHE=... node bench/streams-trace.mjs [--rate 200] [--seconds 10] [--linger 5] [--fixed (adaptiveLinger false)] [--eos (read back read_uncommitted)]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Admin, Consumer, Producer } from '@tideline/client';
import { KafkaStreams } from '@tideline/streams';
import { clickCountTopology } from './peers/streams-app.mjs';
import { startTideline } from './peers/servers.mjs';

const { values: opt } = parseArgs({ options: { rate: { type: 'string' }, seconds: { type: 'string' }, linger: { type: 'string' }, fixed: { type: 'boolean', default: false }, eos: { type: 'boolean', default: false } } });
const RATE = Number(opt.rate ?? 200);
const SECONDS = Number(opt.seconds ?? 10);
const T0 = 1_767_225_600_000;
const now = () => performance.now();

const dir = mkdtempSync(join(os.tmpdir(), 'tideline-streams-trace-'));
const broker = await startTideline({ dir: join(dir, 'broker') });
const bootstrap = broker.bootstrap;
const admin = new Admin({ bootstrap });
await admin.createTopics([{ topic: 'in', numPartitions: 4, replicationFactor: 1 }, { topic: 'out', numPartitions: 4, replicationFactor: 1 }]);

/** key -> stage times */
const ev = new Map();
const stage = (k, name, t = now()) => {
  const e = ev.get(k);
  if (e !== undefined && e[name] === undefined) e[name] = t;
};
const app = new KafkaStreams(clickCountTopology('in', 'out', 'update'), {
  applicationId: 'trace', bootstrap, commitIntervalMs: opt.eos ? 200 : 1000, guarantee: opt.eos ? 'exactly-once' : 'at-least-once',
  logger: (level, msg, data) => level !== 'debug' && level !== 'info' && console.error(level, msg, JSON.stringify(data ?? {})), maxOutOfOrdernessMs: 600_000, instanceId: 'trace-1',
  ...(opt.linger !== undefined ? { lingerMs: Number(opt.linger) } : {}),
  ...(opt.fixed ? { adaptiveLinger: false } : {}),
});
// Hooks on the runtime's internals (a diagnostic: private in TypeScript, reachable in JS).
const onBatch = app.onBatch.bind(app);
app.onBatch = async (batch) => {
  const t = now();
  for (const r of batch.records) stage(r.key.toString(), 'consumed', t);
  return onBatch(batch);
};
await app.start();
const outKey = (m) => JSON.parse(m.key.toString()).key;
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
const hookSender = () => {
  if (hooked || producer.sender === null) return;
  hooked = true;
  const sender = producer.sender;
  const sendRequest = sender.sendRequest.bind(sender);
  sender.sendRequest = (leader, batches) => {
    const t = now();
    for (const b of batches) if (b.topic === 'out') for (const r of b.records) stage(outKey(r), 'outputRequest', t);
    return sendRequest(leader, batches);
  };
};

const reader = new Consumer({ bootstrap, maxWaitMs: 500, isolationLevel: opt.eos ? 'read_uncommitted' : 'read_committed' });
reader.assign([0, 1, 2, 3].map((partition) => ({ topic: 'out', partition, offset: 'earliest' })));
const reading = (async () => {
  for await (const r of reader) stage(outKey(r), 'read');
})();

const input = new Producer({ bootstrap, lingerMs: 0 });
const h = monitorEventLoopDelay({ resolution: 1 });
const sendEvent = (i, measured) => {
  const key = `u${i}`;
  const t = now();
  if (measured) ev.set(key, { sent: t });
  const value = JSON.stringify({ user: key, page: '/', ts: T0 + i });
  return input.send({ topic: 'in', messages: [{ key, value }] }).then(() => stage(key, 'inputAck'));
};
// Warm-up: until outputs come back, then 2 s more.
let i = 0;
const pace = async (count, measured) => {
  const t0 = now();
  for (let k = 0; k < count; k++) {
    const due = t0 + (k * 1000) / RATE;
    while (now() < due) await new Promise((r) => setTimeout(r, 1));
    void sendEvent(i++, measured);
    hookSender();
  }
};
await pace(RATE * 3, false);
h.enable();
await pace(RATE * SECONDS, true);
const until = now() + 5000;
while ([...ev.values()].some((e) => e.read === undefined) && now() < until) await new Promise((r) => setTimeout(r, 20));
h.disable();

const names = ['inputAck', 'consumed', 'outputSend', 'outputRequest', 'outputAck', 'read'];
const q = (xs, f) => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))];
console.log(`streams trace: ${RATE} events/s for ${SECONDS} s, ${ev.size} events, load ${os.loadavg().map((x) => x.toFixed(1)).join('/')}`);
console.log('| stage (ms since the input send) | p50 | p90 | p99 |\n| --- | ---: | ---: | ---: |');
for (const n of names) {
  const xs = [...ev.values()].map((e) => e[n] - e.sent).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  console.log(`| ${n} (${xs.length}) | ${q(xs, 0.5).toFixed(2)} | ${q(xs, 0.9).toFixed(2)} | ${q(xs, 0.99).toFixed(2)} |`);
}
const gaps = [['consumed', 'outputSend'], ['outputSend', 'outputRequest'], ['outputRequest', 'outputAck'], ['outputRequest', 'read']];
for (const [a, b] of gaps) {
  const xs = [...ev.values()].map((e) => e[b] - e[a]).filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
  console.log(`| ${a} -> ${b} | ${q(xs, 0.5).toFixed(2)} | ${q(xs, 0.9).toFixed(2)} | ${q(xs, 0.99).toFixed(2)} |`);
}
console.log(`commits ${app.metrics().commits}, processed ${app.metrics().processedTotal}`);
console.log(`event loop delay: p50 ${(h.percentile(50) / 1e6).toFixed(2)} ms, p99 ${(h.percentile(99) / 1e6).toFixed(2)} ms, max ${(h.max / 1e6).toFixed(1)} ms`);

await input.close();
await reader.close();
await reading.catch(() => undefined);
await app.close();
await admin.close();
await broker.stop();
rmSync(dir, { recursive: true, force: true });
