// Share groups ("queues on a log", KIP-932): consume throughput of 1, 3 and 10 members on ONE
// partition, each record acknowledged individually, next to Apache Kafka 4.4's share groups and a
// RabbitMQ quorum queue with manual acks, in the same run, interleaved.
//   node bench/share-groups.bench.mjs            full: 20,000 records of 100 B per run, 2 reps
//   BENCH_QUICK=1 node bench/share-groups.bench.mjs   5,000 records, 1 rep
// Workload per run: the records are written first (not timed), then M members start; the clock
// runs from the first record delivered until every record is accepted (joining a new group is
// reported apart: "first record after", from the subscribe; Kafka 4.4 takes ~5 s to hand out the
// first records of a new share group). 1% of first deliveries are given back (Kafka share groups:
// RELEASE; RabbitMQ: basic.nack with requeue) and must be delivered again: the redelivery rate is
// (deliveries - records) / records. Kafka-side members are Tideline's ShareConsumer (the same client
// on both brokers, max 500 records a poll); RabbitMQ members use amqplib with prefetch 500, one
// connection each. CPU: the broker process's user+system time (from /proc) plus this process's
// (the members), per record: records per CPU-second.
// RabbitMQ is the machine's instance at 127.0.0.1:5672 (guest/guest); its queues are deleted after use.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import amqp from 'amqplib';
import { Admin, Producer, ShareConsumer } from '@tideline/client';
import { missingReason } from '@tideline/interop';
import { machine } from './lib.mjs';
import { prepareKafka, startKafka, startTideline } from './peers/servers.mjs';
import { cpuSeconds } from './peers/limits.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined;
const RECORDS = QUICK ? 5000 : 20_000;
const REPS = QUICK ? 1 : 2;
const SIZE = 100;
const MEMBERS = [1, 3, 10];
const GIVE_BACK = 0.01;
const AMQP_URL = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const selfCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const value = Buffer.alloc(SIZE, 120);
let seq = 0;

/** Deterministic 1% give-back: by offset/index, so every system gives back the same records. */
const giveBack = (i) => i % Math.round(1 / GIVE_BACK) === 7;

async function kafkaLikeRun(sys, members) {
  const topic = `share-${members}-${++seq}`;
  const group = `${topic}-g`;
  const cluster = { bootstrap: sys.s.bootstrap, clientId: 'share-bench' };
  const admin = new Admin(cluster);
  await admin.createTopics([{ topic, numPartitions: 1 }]);
  await admin.incrementalAlterConfigs([{ type: 'group', name: group, ops: [{ op: 'set', name: 'share.auto.offset.reset', value: 'earliest' }] }]);
  await admin.close();
  const p = new Producer({ ...cluster, lingerMs: 5 });
  for (let i = 0; i < RECORDS; i += 1000) await p.send({ topic, messages: Array.from({ length: Math.min(1000, RECORDS - i) }, () => ({ value })) });
  await p.close();
  const consumers = Array.from({ length: members }, () => new ShareConsumer({ ...cluster, groupId: group, acknowledgementMode: 'explicit', maxRecords: 500, maxWaitMs: 200 }));
  let accepted = 0;
  let deliveries = 0;
  const tJoin = performance.now();
  let first = null;
  const deadline = Date.now() + 120_000;
  await Promise.all(consumers.map(async (c) => {
    await c.subscribe([topic]);
    while (accepted < RECORDS && Date.now() < deadline) {
      for (const r of await c.poll()) {
        first ??= { t: performance.now(), broker: cpuSeconds(sys.s.pid), self: selfCpu() };
        deliveries++;
        if (r.deliveryCount === 1 && giveBack(Number(r.offset))) c.acknowledge(r, 'release');
        else {
          c.acknowledge(r, 'accept');
          accepted++;
        }
      }
      await c.commit();
    }
  }));
  const secs = (performance.now() - first.t) / 1000;
  const cpu = cpuSeconds(sys.s.pid) - first.broker + selfCpu() - first.self;
  const firstMs = first.t - tJoin;
  await Promise.all(consumers.map((c) => c.close()));
  if (accepted < RECORDS) {
    const a = new Admin(cluster);
    const state = await a.describeShareGroupOffsets(group).catch((e) => String(e));
    await a.close();
    throw new Error(`${sys.label}: ${accepted} of ${RECORDS} accepted (${deliveries} deliveries) before the deadline; group state ${JSON.stringify(state, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
  }
  return { secs, cpu, deliveries, firstMs };
}

function rabbitPid() {
  try {
    return Number(execFileSync('pgrep', ['-o', 'beam.smp']).toString().trim());
  } catch {
    return null;
  }
}

async function rabbitRun(members) {
  const queue = `tide-share-bench-${process.pid}-${++seq}`;
  const pub = await amqp.connect(AMQP_URL);
  const ch = await pub.createConfirmChannel();
  await ch.assertQueue(queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  for (let i = 0; i < RECORDS; i++) {
    ch.sendToQueue(queue, value, { persistent: true, headers: { i } });
    if (i % 1000 === 999) await ch.waitForConfirms();
  }
  await ch.waitForConfirms();
  let result;
  try {
    const pid = rabbitPid();
    let first = null;
    let accepted = 0;
    let deliveries = 0;
    let finish;
    const done = new Promise((r) => (finish = r));
    const tJoin = performance.now();
    const conns = [];
    for (let m = 0; m < members; m++) {
      const conn = await amqp.connect(AMQP_URL);
      conns.push(conn);
      const c = await conn.createChannel();
      await c.prefetch(500);
      await c.consume(queue, (msg) => {
        if (msg === null) return;
        first ??= { t: performance.now(), broker: pid === null ? 0 : cpuSeconds(pid), self: selfCpu() };
        deliveries++;
        // A quorum queue counts deliveries in x-delivery-count (absent on the first).
        const firstDelivery = msg.properties.headers?.['x-delivery-count'] === undefined && !msg.fields.redelivered;
        if (firstDelivery && giveBack(Number(msg.properties.headers?.i))) c.nack(msg, false, true);
        else {
          c.ack(msg);
          if (++accepted === RECORDS) finish();
        }
      }, { noAck: false });
    }
    await done;
    const secs = (performance.now() - first.t) / 1000;
    const cpu = (pid === null ? 0 : cpuSeconds(pid) - first.broker) + selfCpu() - first.self;
    const firstMs = first.t - tJoin;
    for (const c of conns) await c.close();
    result = { secs, cpu, deliveries, firstMs, cpuUnknown: pid === null };
  } finally {
    // Never leave a queue behind in the machine's RabbitMQ.
    await ch.deleteQueue(queue).catch(() => undefined);
    await pub.close().catch(() => undefined);
  }
  return result;
}

const base = mkdtempSync(join(os.tmpdir(), 'tideline-share-bench-'));
const systems = [];
systems.push({ id: 'tideline', label: 'Tideline', s: await startTideline({ dir: join(base, 'tideline') }) });
if (missingReason('apache-kafka') === undefined) {
  const dir = join(base, 'kafka');
  systems.push({ id: 'kafka', label: 'Kafka 4.4', s: await startKafka({ dir, prepared: await prepareKafka({ dir }) }) });
} else console.error(`skipping Apache Kafka: ${missingReason('apache-kafka')}`);
let haveRabbit = true;
try {
  await (await amqp.connect(AMQP_URL)).close();
} catch (e) {
  haveRabbit = false;
  console.error(`skipping RabbitMQ: ${e.message}`);
}
if (haveRabbit) systems.push({ id: 'rabbitmq', label: 'RabbitMQ quorum queue' });

const rows = [];
try {
  for (let rep = 0; rep < REPS; rep++) {
    for (const members of MEMBERS) {
      const order = rep % 2 === 0 ? systems : [...systems].reverse();
      for (const sys of order) {
        const r = sys.id === 'rabbitmq' ? await rabbitRun(members) : await kafkaLikeRun(sys, members);
        const row = { system: sys.label, members, rep, records: RECORDS, recordsPerSec: RECORDS / r.secs, redeliveryRate: (r.deliveries - RECORDS) / RECORDS, recordsPerCpuSec: r.cpu > 0 ? RECORDS / r.cpu : null, cpuSecs: r.cpu, firstRecordMs: r.firstMs };
        rows.push(row);
        console.error(`${sys.label} ${members} members rep ${rep}: ${row.recordsPerSec.toFixed(0)} rec/s, redelivery ${(row.redeliveryRate * 100).toFixed(2)}%, ${row.recordsPerCpuSec?.toFixed(0)} rec/CPU-s, first record after ${row.firstRecordMs.toFixed(0)} ms`);
      }
    }
  }
} finally {
  for (const sys of systems) await sys.s?.stop();
}

const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`\nshare groups, ${RECORDS} records of ${SIZE} B per run, ${REPS} rep(s), median of reps; load average at the end: ${load}; ${JSON.stringify(machine())}`);
console.log('| system | members | records/s | records per CPU-second | redelivery rate (1% given back) | first record after (ms) |\n| --- | ---: | ---: | ---: | ---: | ---: |');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const members of MEMBERS) {
  for (const sys of systems) {
    const rs = rows.filter((r) => r.system === sys.label && r.members === members);
    if (rs.length === 0) continue;
    const cpu = rs.every((r) => r.recordsPerCpuSec !== null) ? median(rs.map((r) => r.recordsPerCpuSec)).toFixed(0) : 'n/a';
    console.log(`| ${sys.label} | ${members} | ${median(rs.map((r) => r.recordsPerSec)).toFixed(0)} | ${cpu} | ${(median(rs.map((r) => r.redeliveryRate)) * 100).toFixed(2)}% | ${median(rs.map((r) => r.firstRecordMs)).toFixed(0)} |`);
  }
}
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('share-groups.json', dir), JSON.stringify({ suite: 'share-groups', machine: machine(), load, records: RECORDS, size: SIZE, rows }, null, 2) + '\n');
