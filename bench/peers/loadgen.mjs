// Load generators. Kafka-protocol systems (Tideline, Apache Kafka) get the same ones: Apache
// Kafka's ProducerPerformance / ConsumerPerformance (kafka-tools, JVM flags of Kafka's own perf
// scripts) and kcat (librdkafka). Redis gets redis-benchmark (its own C load generator), NATS the
// official nats.js client with a window of in-flight JetStream publishes.
import { execFileSync } from 'node:child_process';
import { Admin } from '@tideline/client';
import { javaClasspath, spawnTracked, stopChild } from '@tideline/interop/internal';
import { connect as natsConnect, createInbox, StorageType } from 'nats';
import { cpuSince, cpuSnapshot, percentile } from './limits.mjs';
import { KAFKA_TOOL_JVM, respCommand } from './servers.mjs';

const PP = 'org.apache.kafka.tools.ProducerPerformance';
const CP = 'org.apache.kafka.tools.ConsumerPerformance';

/** The producer settings every Kafka-protocol run uses: acks=all, batched. */
export const PRODUCER_PROPS = { acks: 'all', 'linger.ms': 5, 'batch.size': 131072, 'compression.type': 'none' };

/** Flushes dirty pages of every file system so one run's write-back does not land in the next. */
export function syncDisks() {
  try {
    execFileSync('sync', [], { stdio: 'ignore', timeout: 120_000 });
  } catch {
    // best effort
  }
}

function collect(child) {
  const out = [];
  const err = [];
  child.stdout?.on('data', (b) => out.push(b));
  child.stderr?.on('data', (b) => err.push(b));
  const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  return { stdout: () => Buffer.concat(out).toString('utf8'), stderr: () => Buffer.concat(err).toString('utf8'), exited };
}

function tail(s, n = 1500) {
  return s.length > n ? s.slice(-n) : s;
}

export async function createTopic(bootstrap, topic, partitions, configs = {}) {
  const admin = new Admin({ bootstrap, operationTimeoutMs: 120_000, requestTimeoutMs: 180_000 });
  try {
    await admin.createTopics([{ topic, numPartitions: partitions, replicationFactor: 1, configs }]);
  } finally {
    await admin.close();
  }
}

/** Sum of the latest offsets of a topic's partitions (records in it, for a fresh topic). */
export async function endOffsetSum(bootstrap, topic, partitions = 1) {
  const admin = new Admin({ bootstrap });
  try {
    const parts = Array.from({ length: partitions }, (_, partition) => ({ topic, partition, spec: 'latest' }));
    const r = await admin.listOffsets(parts);
    return r.reduce((s, p) => s + Number(p.offset), 0);
  } finally {
    await admin.close();
  }
}

const WINDOW = /^(\d+) records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency\.$/;
const SUMMARY = /^(\d+) (steady state )?records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency, ([\d.]+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$/;

function ppArgs({ bootstrap, topic, recordSize, numRecords, throughput, warmupRecords, props }) {
  const all = { ...PRODUCER_PROPS, ...props };
  const args = [...KAFKA_TOOL_JVM, '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', javaClasspath('4'), PP,
    '--bootstrap-server', bootstrap, '--topic', topic, '--num-records', String(numRecords), '--record-size', String(recordSize),
    '--throughput', String(throughput), '--reporting-interval', '1000'];
  if (warmupRecords > 0) args.push('--warmup-records', String(warmupRecords));
  args.push('--command-property', ...Object.entries(all).map(([k, v]) => `${k}=${v}`));
  return args;
}

/**
 * Peak produce throughput with ProducerPerformance (--throughput -1): runs until `warm` + `measure`
 * one-second report windows have passed, then stops the tool; throughput is taken over the
 * measured windows only (acked records, the tool's own numbers).
 */
export async function producerPerfPeak({ bootstrap, topic, recordSize, warm, measure, props = {}, hardLimitS = 120, brokerPid }) {
  const child = spawnTracked('java', ppArgs({ bootstrap, topic, recordSize, numRecords: 2_000_000_000, throughput: -1, warmupRecords: 0, props }),
    { stdio: ['ignore', 'pipe', 'pipe'] });
  // CPU used over the measured windows: broker, load generator, whole machine (other work included).
  const pids = { client: child.pid, ...(brokerPid !== undefined ? { broker: brokerPid } : {}) };
  let cpuStart;
  let cpu;
  const io = collect(child);
  const windows = [];
  let buffered = '';
  let done;
  const enough = new Promise((r) => (done = r));
  child.stdout.on('data', (b) => {
    buffered += b.toString('utf8');
    let i;
    while ((i = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, i).trim();
      buffered = buffered.slice(i + 1);
      const m = WINDOW.exec(line);
      if (m) {
        windows.push({ records: Number(m[1]), rate: Number(m[2]), avgLatencyMs: Number(m[4]), maxLatencyMs: Number(m[5]) });
        if (windows.length === warm) cpuStart = cpuSnapshot(pids);
        if (windows.length >= warm + measure) {
          if (cpuStart !== undefined) cpu = cpuSince(cpuStart, cpuSnapshot(pids));
          done();
        }
      }
    }
  });
  const timer = setTimeout(done, hardLimitS * 1000);
  const ended = await Promise.race([enough.then(() => 'enough'), io.exited.then(() => 'exited')]);
  clearTimeout(timer);
  await stopChild(child, 0);
  if (ended === 'exited' && windows.length < warm + measure) {
    throw new Error(`ProducerPerformance exited early (${windows.length} windows):\n${tail(io.stderr())}\n${tail(io.stdout())}`);
  }
  const kept = windows.slice(warm);
  if (kept.length === 0) throw new Error(`ProducerPerformance: no measured window in ${hardLimitS}s:\n${tail(io.stderr())}`);
  const records = kept.reduce((s, w) => s + w.records, 0);
  const secs = kept.reduce((s, w) => s + (w.rate > 0 ? w.records / w.rate : 1), 0);
  const avgLatencyMs = kept.reduce((s, w) => s + w.avgLatencyMs * w.records, 0) / Math.max(1, records);
  const recordsPerSec = records / secs;
  return {
    tool: 'ProducerPerformance', recordSize, recordsPerSec, mbPerSec: (recordsPerSec * recordSize) / 1e6, avgLatencyMs,
    maxLatencyMs: Math.max(...kept.map((w) => w.maxLatencyMs)), measuredSeconds: secs, windows, cpuCores: cpu,
  };
}

/**
 * Produce latency at a fixed rate: ProducerPerformance --throughput `rate` for warm + measure
 * seconds, its steady-state percentiles (records acked after the warm-up records).
 */
export async function producerPerfAtRate({ bootstrap, topic, recordSize, rate, warm, measure, props = {} }) {
  const numRecords = Math.round(rate * (warm + measure));
  const warmupRecords = Math.round(rate * warm);
  const child = spawnTracked('java', ppArgs({ bootstrap, topic, recordSize, numRecords, throughput: Math.round(rate), warmupRecords, props }),
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const io = collect(child);
  const timer = setTimeout(() => void stopChild(child, 0), (warm + measure) * 1000 * 4 + 60_000);
  const { code } = await io.exited;
  clearTimeout(timer);
  const lines = io.stdout().split('\n').map((l) => l.trim());
  const sums = lines.map((l) => SUMMARY.exec(l)).filter((m) => m !== null);
  const steady = sums.find((m) => m[2] !== undefined) ?? sums[sums.length - 1];
  if (code !== 0 || steady === undefined) throw new Error(`ProducerPerformance at ${rate}/s failed (${code}):\n${tail(io.stderr())}\n${tail(io.stdout())}`);
  return {
    tool: 'ProducerPerformance', recordSize, targetRate: Math.round(rate), records: Number(steady[1]), recordsPerSec: Number(steady[3]),
    avgLatencyMs: Number(steady[5]), maxLatencyMs: Number(steady[6]),
    p50Ms: Number(steady[7]), p95Ms: Number(steady[8]), p99Ms: Number(steady[9]), p999Ms: Number(steady[10]),
  };
}

/** Cold consume: ConsumerPerformance from offset 0 in a new group, `records` records. */
export async function consumerPerf({ bootstrap, topic, records, timeoutS = 120 }) {
  const args = [...KAFKA_TOOL_JVM, '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', javaClasspath('4'), CP,
    '--bootstrap-server', bootstrap, '--topic', topic, '--num-records', String(records), '--timeout', '30000',
    '--group', `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`];
  const child = spawnTracked('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const io = collect(child);
  const timer = setTimeout(() => void stopChild(child, 0), timeoutS * 1000);
  const { code } = await io.exited;
  clearTimeout(timer);
  // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
  const row = io.stdout().split('\n').map((l) => l.split(',').map((s) => s.trim())).find((c) => c.length >= 10 && /^\d/.test(c[2]));
  if (code !== 0 || row === undefined) throw new Error(`ConsumerPerformance failed (${code}):\n${tail(io.stderr())}\n${tail(io.stdout())}`);
  const n = Number(row[4]);
  if (n < records) throw new Error(`ConsumerPerformance read ${n} of ${records} records`);
  return {
    // The tool's MB are MiB; totals include the group join (rebalance.time.ms), fetch.* exclude it.
    tool: 'ConsumerPerformance', records: n, mbPerSec: (Number(row[3]) * 1024 * 1024) / 1e6,
    recordsPerSec: Number(row[5]), rebalanceMs: Number(row[6]), fetchMs: Number(row[7]),
    fetchMbPerSec: (Number(row[8]) * 1024 * 1024) / 1e6, fetchRecordsPerSec: Number(row[9]),
  };
}

/** Writes `count` lines of `size` bytes (newline-delimited records) into a child's stdin. */
async function feedLines(stdin, size, count) {
  const per = Math.max(1, Math.floor((1 << 20) / (size + 1)));
  const line = Buffer.alloc(size + 1, 'x'.charCodeAt(0));
  line[size] = 10;
  const chunk = Buffer.alloc(per * (size + 1));
  for (let i = 0; i < per; i++) line.copy(chunk, i * (size + 1));
  let left = count;
  let broken = false;
  stdin.on('error', () => (broken = true));
  while (left > 0 && !broken) {
    const n = Math.min(per, left);
    const ok = stdin.write(n === per ? chunk : chunk.subarray(0, n * (size + 1)));
    left -= n;
    if (!ok) await new Promise((r) => stdin.once('drain', r));
  }
  stdin.end();
}

/** librdkafka producer: kcat -P with acks=all, `count` records of `size` bytes from stdin. */
export async function kcatProduce({ bootstrap, topic, recordSize, count, timeoutS = 180 }) {
  const t0 = performance.now();
  const child = spawnTracked('kcat', ['-P', '-b', bootstrap, '-t', topic, '-p', '0', '-X', 'acks=all', '-X', 'linger.ms=5'],
    { stdio: ['pipe', 'pipe', 'pipe'] });
  const io = collect(child);
  const timer = setTimeout(() => void stopChild(child, 0), timeoutS * 1000);
  await feedLines(child.stdin, recordSize, count);
  const { code } = await io.exited;
  const secs = (performance.now() - t0) / 1000;
  clearTimeout(timer);
  const errText = io.stderr();
  if (code !== 0 || /fail|error/i.test(errText)) throw new Error(`kcat -P failed (${code}):\n${tail(errText)}`);
  const recordsPerSec = count / secs;
  return { tool: 'kcat', recordSize, records: count, seconds: secs, recordsPerSec, mbPerSec: (recordsPerSec * recordSize) / 1e6 };
}

/** librdkafka consumer: kcat -C from the beginning of partition 0, `count` records, then exit. */
export async function kcatConsume({ bootstrap, topic, count, recordSize, timeoutS = 180 }) {
  const t0 = performance.now();
  const child = spawnTracked('kcat', ['-C', '-b', bootstrap, '-t', topic, '-p', '0', '-o', 'beginning', '-c', String(count), '-e', '-q',
    '-f', '%o\n'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  child.stdout.on('data', (b) => {
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
  });
  const errs = [];
  child.stderr.on('data', (b) => errs.push(b));
  const exited = new Promise((r) => child.once('close', (code) => r(code)));
  const timer = setTimeout(() => void stopChild(child, 0), timeoutS * 1000);
  const code = await exited;
  clearTimeout(timer);
  const secs = (performance.now() - t0) / 1000;
  if (code !== 0 || lines < count) throw new Error(`kcat -C read ${lines}/${count} (exit ${code}):\n${tail(Buffer.concat(errs).toString())}`);
  const recordsPerSec = count / secs;
  return { tool: 'kcat', records: count, seconds: secs, recordsPerSec, mbPerSec: (recordsPerSec * recordSize) / 1e6 };
}

/**
 * Hot consume: a kcat consumer tails partition 0 from its end while a kcat producer writes `count`
 * records as fast as it can; the consumer's rate is over first to last record received, and
 * `catchUpMs` is how long after the producer's last delivery report the consumer had everything.
 */
export async function kcatTail({ bootstrap, topic, recordSize, count, timeoutS = 180 }) {
  const consumer = spawnTracked('kcat', ['-C', '-b', bootstrap, '-t', topic, '-p', '0', '-o', 'end', '-c', String(count), '-q', '-f', '%o\n'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let first = 0;
  let last = 0;
  consumer.stdout.on('data', (b) => {
    const now = performance.now();
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
    if (first === 0) first = now;
    last = now;
  });
  const errs = [];
  consumer.stderr.on('data', (b) => errs.push(b));
  const exited = new Promise((r) => consumer.once('close', (code) => r(code)));
  const timer = setTimeout(() => void stopChild(consumer, 0), timeoutS * 1000);
  // kcat resolves "end" once it has its assignment; give it time before the first record.
  await new Promise((r) => setTimeout(r, 1500));
  const produced = await kcatProduce({ bootstrap, topic, recordSize, count, timeoutS });
  const producedAt = performance.now();
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0 || lines < count) throw new Error(`kcat -C (tail) read ${lines}/${count} (exit ${code}):\n${tail(Buffer.concat(errs).toString())}`);
  const secs = (last - first) / 1000;
  const recordsPerSec = count / secs;
  return {
    tool: 'kcat', mode: 'hot', records: count, seconds: secs, recordsPerSec, mbPerSec: (recordsPerSec * recordSize) / 1e6,
    producerRecordsPerSec: produced.recordsPerSec, catchUpMs: Math.max(0, last - producedAt),
  };
}

/**
 * End-to-end latency: a kcat consumer tails the topic printing each record's CreateTime while
 * ProducerPerformance produces at `rate`; latency = arrival time in this process - CreateTime,
 * over records created after the warm-up. Milliseconds (CreateTime has ms resolution).
 */
export async function endToEnd({ bootstrap, topic, recordSize, rate, warm, measure, props = {} }) {
  const consumer = spawnTracked('kcat', ['-C', '-b', bootstrap, '-t', topic, '-p', '0', '-o', 'end', '-u', '-q', '-f', '%T\n'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const lat = [];
  let cutoff = Infinity;
  let partial = '';
  consumer.stdout.on('data', (b) => {
    const now = Date.now();
    const s = partial + b.toString('latin1');
    const parts = s.split('\n');
    partial = parts.pop();
    for (const p of parts) {
      const ts = Number(p);
      if (ts >= cutoff) lat.push(now - ts);
    }
  });
  try {
    // Let the consumer connect and position itself at the end before production starts.
    await new Promise((r) => setTimeout(r, 1500));
    const startedAt = Date.now();
    cutoff = startedAt + (warm + 1) * 1000; // the JVM takes ~1 s to start producing
    const producer = await producerPerfAtRate({ bootstrap, topic, recordSize, rate, warm: warm + 1, measure, props });
    await new Promise((r) => setTimeout(r, 1500));
    lat.sort((a, b) => a - b);
    return {
      producer,
      e2e: { records: lat.length, p50Ms: percentile(lat, 50), p99Ms: percentile(lat, 99), p999Ms: percentile(lat, 99.9), maxMs: lat[lat.length - 1] },
    };
  } finally {
    await stopChild(consumer, 2000);
  }
}

/** Redis Streams: redis-benchmark XADD (50 connections, pipelines of 64) of `recordSize`-byte values. */
export async function redisXadd({ port, recordSize, count, key }) {
  const value = 'x'.repeat(recordSize);
  const child = spawnTracked('redis-benchmark', ['-h', '127.0.0.1', '-p', String(port), '-c', '50', '-P', '64', '-n', String(count), '--csv',
    'XADD', key, '*', 'v', value], { stdio: ['ignore', 'pipe', 'pipe'] });
  const io = collect(child);
  const { code } = await io.exited;
  const row = io.stdout().trim().split('\n').pop()?.match(/"([^"]*)"/g)?.map((s) => s.slice(1, -1));
  if (code !== 0 || row === undefined || row.length < 8) throw new Error(`redis-benchmark failed (${code}):\n${tail(io.stderr())}\n${tail(io.stdout())}`);
  const len = Number((await respCommand(port, ['XLEN', key])).slice(1));
  if (len < count) throw new Error(`redis: XLEN ${key} = ${len}, expected ${count}`);
  const recordsPerSec = Number(row[1]);
  return {
    tool: 'redis-benchmark', recordSize, records: count, recordsPerSec, mbPerSec: (recordsPerSec * recordSize) / 1e6,
    avgLatencyMs: Number(row[2]), p50Ms: Number(row[4]), p99Ms: Number(row[6]), maxLatencyMs: Number(row[7]),
  };
}

/**
 * NATS JetStream: nats.js publishes to a file-backed stream with a reply subject and counts the
 * stream's PubAcks on one subscription, `window` publishes awaiting their ack: the async-publish
 * pattern of `nats bench --js` (js.publish() per message costs the Node client more than the server).
 */
export async function natsPublish({ port, recordSize, warm, measure, stream, window = 1024 }) {
  const nc = await natsConnect({ servers: `127.0.0.1:${port}` });
  try {
    const jsm = await nc.jetstreamManager();
    const subject = `${stream}.data`;
    await jsm.streams.add({ name: stream, subjects: [`${stream}.>`], storage: StorageType.File });
    const payload = new Uint8Array(recordSize).fill(120);
    const inbox = createInbox();
    const decoder = new TextDecoder();
    let inflight = 0;
    let acked = 0;
    let failed;
    let resume;
    nc.subscribe(inbox, {
      callback: (err, msg) => {
        if (err) failed ??= err;
        else if (msg.data.length === 0 || decoder.decode(msg.data).includes('"error"')) failed ??= new Error(`nats: ${decoder.decode(msg.data)}`);
        inflight--;
        acked++;
        if (resume !== undefined && (inflight <= window / 2 || failed !== undefined)) {
          const r = resume;
          resume = undefined;
          r();
        }
      },
    });
    await nc.flush();
    const t0 = performance.now();
    const tMeasure = t0 + warm * 1000;
    const tEnd = tMeasure + measure * 1000;
    let ackedAtMeasure = -1;
    let tm = 0;
    while (failed === undefined) {
      const now = performance.now();
      if (ackedAtMeasure < 0 && now >= tMeasure) {
        ackedAtMeasure = acked;
        tm = now;
      }
      if (now >= tEnd) break;
      while (inflight < window) {
        inflight++;
        nc.publish(subject, payload, { reply: inbox });
      }
      await new Promise((r) => (resume = r));
    }
    const records = acked - ackedAtMeasure;
    const secs = (performance.now() - tm) / 1000;
    const drainUntil = Date.now() + 30_000;
    while (inflight > 0 && failed === undefined && Date.now() < drainUntil) await new Promise((r) => setTimeout(r, 5));
    if (failed !== undefined) throw failed;
    const info = await jsm.streams.info(stream);
    if (info.state.messages < acked) throw new Error(`nats: stream holds ${info.state.messages} < ${acked} acked`);
    const recordsPerSec = records / secs;
    return { tool: `nats.js async publish (window ${window})`, recordSize, records, recordsPerSec, mbPerSec: (recordsPerSec * recordSize) / 1e6 };
  } finally {
    await nc.close();
  }
}
