// One client workload in its own process (so clients never share an event loop, a heap or a JIT
// with each other or with the broker): `node client-worker.mjs '<json job>'` prints one JSON line.
//
// Job: { client: 'tideline'|'kafkajs'|'ckjs', op: 'produce'|'latency'|'consume', bootstrap, topic,
//        count, size, partitions, idempotent, lingerMs, batchBytes, chunk, window, rate, seconds }
//
// produce: `count` records of `size` bytes (null keys, no compression, acks=all), handed to the
//   client as send({ messages: chunk }) calls (after one untimed warm-up record) with at most `window` calls outstanding; reports the
//   wall time from the first send to the last acknowledgement and the per-call ack latency.
// latency: one record per send() at a fixed `rate` for `seconds`; reports each record's time from
//   send() to its acknowledgement (p50/p99/max).
// consume: reads `count` records from the beginning of every partition; reports the rate from the
//   first batch delivered to the last (that first batch's records not counted), and the start-up
//   time before the first batch (group join for KafkaJS and librdkafka, which need a group).
import { randomBytes } from 'node:crypto';

const job = JSON.parse(process.argv[2]);
const payload = randomBytes(job.size);

function pct(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
function latencyStats(ms) {
  const s = Float64Array.from(ms).sort();
  return { n: s.length, p50Ms: pct(s, 50), p99Ms: pct(s, 99), maxMs: s.length ? s[s.length - 1] : NaN };
}

// --- client adapters: connect(), send(messages) -> Promise, close() ----------------------------
async function producerFor(job) {
  if (job.client === 'tideline') {
    const { Producer } = await import('@tideline/client');
    const p = new Producer({ bootstrap: job.bootstrap, acks: 'all', idempotent: job.idempotent, lingerMs: job.lingerMs, batchSize: job.batchBytes,
      bufferMemory: 256 << 20 });
    return { send: (messages) => p.send({ topic: job.topic, messages }), close: () => p.close() };
  }
  if (job.client === 'kafkajs') {
    const { Kafka, logLevel } = await import('kafkajs');
    const kafka = new Kafka({ brokers: [job.bootstrap], clientId: 'bench-kafkajs', logLevel: logLevel.NOTHING });
    const p = kafka.producer({ idempotent: job.idempotent, allowAutoTopicCreation: false });
    await p.connect();
    return { send: (messages) => p.send({ topic: job.topic, acks: -1, messages }), close: () => p.disconnect() };
  }
  if (job.client === 'ckjs') {
    const { confluentKafka } = await import('@tideline/interop');
    const ck = confluentKafka();
    const kafka = new ck.KafkaJS.Kafka({ kafkaJS: { brokers: [job.bootstrap], clientId: 'bench-ckjs', logLevel: ck.KafkaJS.logLevel.NOTHING } });
    const p = kafka.producer({ kafkaJS: { acks: -1, idempotent: job.idempotent }, 'linger.ms': job.lingerMs, 'batch.size': job.batchBytes,
      'queue.buffering.max.kbytes': 262144, 'queue.buffering.max.messages': 2_000_000 });
    await p.connect();
    return { send: (messages) => p.send({ topic: job.topic, messages }), close: () => p.disconnect() };
  }
  throw new Error(`unknown client ${job.client}`);
}

async function produce() {
  const p = await producerFor(job);
  const chunk = Array.from({ length: job.chunk }, () => ({ value: payload }));
  // One record first, outside the clock: connections, metadata and the producer id are set up
  // before timing starts for every client (ours connects lazily on the first send).
  await p.send([{ value: payload }]);
  const callMs = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let sent = 0;
  let inFlight = 0;
  let failure = null;
  let wake = null;
  while (sent < job.count && failure === null) {
    const n = Math.min(job.chunk, job.count - sent);
    const messages = n === job.chunk ? chunk : chunk.slice(0, n);
    sent += n;
    inFlight++;
    const ts = performance.now();
    p.send(messages).then(
      () => callMs.push(performance.now() - ts),
      (e) => (failure ??= e),
    ).finally(() => {
      inFlight--;
      wake?.();
    });
    while (inFlight >= job.window && failure === null) await new Promise((r) => (wake = r));
  }
  while (inFlight > 0) await new Promise((r) => (wake = r));
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await p.close();
  if (failure !== null) throw failure;
  return { records: job.count, secs, recordsPerSec: job.count / secs, mbPerSec: (job.count * job.size) / secs / 1e6,
    cpuSecs: (cpu.user + cpu.system) / 1e6, perCall: latencyStats(callMs), maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

async function latency() {
  const p = await producerFor(job);
  // Warm-up: connections, metadata, producer id, JIT.
  for (let i = 0; i < 50; i++) await p.send([{ value: payload }]);
  const ms = [];
  const total = Math.round(job.rate * job.seconds);
  const pending = [];
  let failure = null;
  const t0 = performance.now();
  for (let i = 0; i < total && failure === null; i++) {
    const due = t0 + (i * 1000) / job.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const ts = performance.now();
    pending.push(p.send([{ value: payload }]).then(() => ms.push(performance.now() - ts), (e) => (failure ??= e)));
  }
  await Promise.all(pending);
  const achieved = total / ((performance.now() - t0) / 1000);
  await p.close();
  if (failure !== null) throw failure;
  return { rate: job.rate, achievedRate: achieved, ...latencyStats(ms) };
}

async function consume() {
  const t0 = performance.now();
  let first = 0;
  let got = 0;
  let cpu0 = null;
  let firstBatch = 0;
  // The clock starts when the first batch is delivered, so that batch's records are not counted.
  const seen = (n) => {
    if (got === 0) {
      first = performance.now();
      firstBatch = n;
      cpu0 = process.cpuUsage();
    }
    got += n;
  };
  const finish = () => {
    const end = performance.now();
    const cpu = process.cpuUsage(cpu0 ?? undefined);
    const secs = (end - first) / 1000;
    const timed = got - firstBatch;
    return { records: got, timedRecords: timed, secs, startupSecs: (first - t0) / 1000, recordsPerSec: timed / secs, mbPerSec: (timed * job.size) / secs / 1e6,
      cpuSecs: (cpu.user + cpu.system) / 1e6 };
  };
  if (job.client === 'tideline') {
    const { Consumer } = await import('@tideline/client');
    const c = new Consumer({ bootstrap: job.bootstrap });
    c.assign(Array.from({ length: job.partitions }, (_, partition) => ({ topic: job.topic, partition, offset: 'earliest' })));
    for await (const b of c.batches()) {
      seen(b.records.length);
      if (got >= job.count) break;
    }
    const r = finish();
    await c.close();
    return r;
  }
  let done;
  const all = new Promise((r) => (done = r));
  const onBatch = async ({ batch }) => {
    seen(batch.messages.length);
    if (got >= job.count) done();
  };
  if (job.client === 'kafkajs') {
    const { Kafka, logLevel } = await import('kafkajs');
    const kafka = new Kafka({ brokers: [job.bootstrap], clientId: 'bench-kafkajs', logLevel: logLevel.NOTHING });
    const c = kafka.consumer({ groupId: `bench-kafkajs-${process.pid}-${Date.now()}` });
    await c.connect();
    await c.subscribe({ topics: [job.topic], fromBeginning: true });
    await c.run({ autoCommit: false, eachBatch: onBatch });
    await all;
    const r = finish();
    await c.disconnect();
    return r;
  }
  if (job.client === 'ckjs') {
    const { confluentKafka } = await import('@tideline/interop');
    const ck = confluentKafka();
    const kafka = new ck.KafkaJS.Kafka({ kafkaJS: { brokers: [job.bootstrap], clientId: 'bench-ckjs', logLevel: ck.KafkaJS.logLevel.NOTHING } });
    const c = kafka.consumer({ kafkaJS: { groupId: `bench-ckjs-${process.pid}-${Date.now()}`, fromBeginning: true, autoCommit: false },
      'js.consumer.max.batch.size': -1 });
    await c.connect();
    await c.subscribe({ topics: [job.topic] });
    await c.run({ eachBatch: onBatch });
    await all;
    const r = finish();
    await c.disconnect();
    return r;
  }
  throw new Error(`unknown client ${job.client}`);
}

const ops = { produce, latency, consume };
try {
  const r = await ops[job.op]();
  process.stdout.write(JSON.stringify({ ok: true, ...r }) + '\n');
  process.exit(0);
} catch (e) {
  process.stdout.write(JSON.stringify({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) }) + '\n');
  process.exit(1);
}
