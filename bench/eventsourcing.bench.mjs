// Event store appends and loads, side by side in one run: @tideline/eventsourcing's Kafka store
// (4 partitions; `tide broker start` as a child process, whose acks=all appends are fsynced before
// the ack; one owner in a child process of its own; the writers in this process) and
// Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql) on the local PostgreSQL
// (127.0.0.1:5432, database `test`, synchronous_commit on: fsynced at commit), in a schema of its
// own that is dropped at the end. Equal durability: both acknowledge after an fsync.
//
//   node bench/eventsourcing.bench.mjs                 full mode (docs/benchmarks.md; bench/results/eventsourcing.json)
//   BENCH_QUICK=1 node bench/eventsourcing.bench.mjs   CI smoke: small counts
//
// Scenarios, each with expected-version checks:
//   hot stream   one writer appends N events one by one to one stream (expected = the last version)
//   many streams C concurrent writers append one event each to S distinct new streams (expected: no stream)
//   load         aggregateStream of a stream of L events
// Tideline runs three ways: routed (the owner is another process: request and reply records),
// direct (the writers' process is the owner: no request or reply records) and native (the broker
// checks the expected version inside Produce: no owner, one produce per append); then a floor row
// (the same records produced with no check at all).
// Without PostgreSQL (PG_URL unreachable) only the Tideline rows are printed.
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Admin, Producer } from '@tideline/client';
import { EventStoreOwner, KafkaEventStore, createStoreTopics } from '@tideline/eventsourcing';
import { machine } from './lib.mjs';
import { startTideline } from './peers/servers.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const HOT = Number(process.env.ES_HOT ?? (QUICK ? 200 : 2000));
const STREAMS = Number(process.env.ES_STREAMS ?? (QUICK ? 2000 : 100_000));
const WRITERS = Number(process.env.ES_WRITERS ?? 64);
const LOAD = Number(process.env.ES_LOAD ?? (QUICK ? 1000 : 10_000));
const PG_URL = process.env.PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
const event = (i) => ({ type: 'Deposited', data: { amount: i, note: 'bench event payload of about a hundred bytes ........' } });

async function hot(store, stream) {
  const lat = [];
  let v = 0n;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < HOT; i++) {
    const t = performance.now();
    const r = await store.appendToStream(stream, [event(i)], { expectedStreamVersion: v === 0n ? 'STREAM_DOES_NOT_EXIST' : v });
    lat.push(performance.now() - t);
    v = r.nextExpectedStreamVersion;
  }
  return summarize('hot stream', HOT, t0, cpu0, lat);
}

async function many(store, prefix) {
  const lat = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: WRITERS }, async () => {
    for (;;) {
      const i = next++;
      if (i >= STREAMS) return;
      const t = performance.now();
      await store.appendToStream(`${prefix}-${i}`, [event(i)], { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' });
      lat.push(performance.now() - t);
    }
  }));
  return summarize(`${STREAMS} streams, ${WRITERS} writers`, STREAMS, t0, cpu0, lat);
}

async function load(store, stream) {
  for (let i = 0; i < LOAD; i += 500) await store.appendToStream(stream, Array.from({ length: Math.min(500, LOAD - i) }, (_, j) => event(i + j)));
  const lat = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const r = await store.aggregateStream(stream, { initialState: () => 0, evolve: (s, e) => s + e.data.amount });
    lat.push(performance.now() - t);
    if (r.currentStreamVersion !== BigInt(LOAD)) throw new Error(`loaded version ${r.currentStreamVersion}`);
  }
  lat.sort((a, b) => a - b);
  return { scenario: `load ${LOAD} events`, medianMs: lat[2] };
}

function summarize(scenario, n, t0, cpu0, lat) {
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  lat.sort((a, b) => a - b);
  return { scenario, appends: n, perSec: n / secs, p50Ms: pct(lat, 0.5), p99Ms: pct(lat, 0.99), appendsPerCpuSec: n / cpuSecs };
}

/** The owner in a child process; resolves once it serves a partition. */
async function startOwner(bootstrap, name) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./peers/es-owner.mjs', import.meta.url)), bootstrap, name], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('the owner did not start in 60 s')), 60_000);
    child.stdout.on('data', (d) => {
      if (String(d).includes('owning')) {
        clearTimeout(t);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`the owner exited with ${code}`)));
  });
  return { stop: () => new Promise((resolve) => { child.on('exit', resolve); child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 10_000).unref(); }) };
}

async function runTideline() {
  const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-es-'));
  const broker = await startTideline({ dir: join(dir, 'tideline') });
  const admin = new Admin({ bootstrap: broker.bootstrap });
  await createStoreTopics(admin, 'bench', { partitions: 4 });
  try {
    // Routed: the owner is another process; appends travel as request and reply records.
    const owner = await startOwner(broker.bootstrap, 'bench');
    const store = new KafkaEventStore({ bootstrap: broker.bootstrap, name: 'bench' });
    let routed;
    try {
      await store.appendToStream('warmup-1', [event(0)]);
      routed = [await hot(store, 'hot-1'), await many(store, 'acct'), await load(store, 'long-1')];
    } finally {
      await store.close();
      await owner.stop();
    }
    // Direct: the writers' process owns the partitions (an application instance that is also the
    // owner); the same checks and transaction, no request or reply records.
    await createStoreTopics(admin, 'bench-direct', { partitions: 4 });
    const local = new EventStoreOwner({ bootstrap: broker.bootstrap, name: 'bench-direct', sessionTimeoutMs: 10_000 });
    local.start();
    const deadline = Date.now() + 60_000;
    while (local.owned().length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const dstore = new KafkaEventStore({ bootstrap: broker.bootstrap, name: 'bench-direct', owner: local });
    let direct;
    try {
      await dstore.appendToStream('warmup-1', [event(0)]);
      direct = [await hot(dstore, 'hot-1'), await many(dstore, 'acct')];
    } finally {
      await dstore.close();
      await local.close();
    }
    // Native: the broker checks the expected version inside Produce (tideline.conditional.append);
    // no owner, one produce per append; the index is read from the event topic.
    await createStoreTopics(admin, 'bench-native', { partitions: 4, conditionalAppend: true });
    const nstore = new KafkaEventStore({ bootstrap: broker.bootstrap, name: 'bench-native', conditionalAppend: true, appendProducers: WRITERS });
    let native;
    try {
      await nstore.appendToStream('warmup-1', [event(0)]);
      native = [await hot(nstore, 'hot-1'), await many(nstore, 'acct'), await load(nstore, 'long-1')];
    } finally {
      await nstore.close();
    }
    // The floor of a broker-side conditional append: one idempotent acks=all produce per append of
    // a record shaped like an event (same value and headers), with NO version check. What a
    // Tideline-native conditional append would cost at least (its check is a map lookup in the
    // broker); not a store (no index, no event-id window).
    await admin.createTopics([{ topic: 'bench-floor', numPartitions: 4, replicationFactor: 1 }], { waitForLeaders: true });
    const producer = new Producer({ bootstrap: broker.bootstrap, lingerMs: 0, acks: 'all', idempotent: true });
    const floorStore = {
      async appendToStream(stream, events, opts) {
        const v = typeof opts.expectedStreamVersion === 'bigint' ? opts.expectedStreamVersion : 0n;
        await producer.send({ topic: 'bench-floor', messages: events.map((e, i) => ({ key: stream, value: Buffer.from(JSON.stringify(e.data)), headers: { 'es-type': e.type, 'es-id': `${stream}-${v + BigInt(i) + 1n}`, 'es-version': String(v + BigInt(i) + 1n), 'es-schema': '1', 'content-type': 'application/json' } })) });
        return { nextExpectedStreamVersion: v + BigInt(events.length) };
      },
    };
    try {
      await floorStore.appendToStream('warmup-1', [event(0)], {});
      return { routed, direct, native, floor: [await hot(floorStore, 'hot-1'), await many(floorStore, 'acct')] };
    } finally {
      await producer.close();
    }
  } finally {
    await admin.close();
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres() {
  const pgMod = await import(new URL('../packages/eventsourcing/node_modules/pg/lib/index.js', import.meta.url).href).catch(() => import('pg'));
  const pg = pgMod.default ?? pgMod;
  const schema = `bench_es_${process.pid}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (e) {
    console.log(`PostgreSQL not reachable at ${PG_URL} (${e.message}): Tideline rows only`);
    return null;
  }
  const { rows } = await admin.query("select current_setting('synchronous_commit') as sc, current_setting('fsync') as fs");
  await admin.query(`create schema ${schema}`);
  const { getPostgreSQLEventStore } = await import(new URL('../packages/eventsourcing/node_modules/@event-driven-io/emmett-postgresql/dist/index.js', import.meta.url).href);
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true } });
  try {
    await store.appendToStream('warmup-1', [event(0)]);
    const check = await admin.query(`select count(*)::int as n from ${schema}.emt_messages`).catch(() => ({ rows: [{ n: -1 }] }));
    if (check.rows[0].n < 1) throw new Error(`Emmett's tables are not in schema ${schema}`);
    return { settings: rows[0], results: [await hot(store, 'hot-1'), await many(store, 'acct'), await load(store, 'long-1')] };
  } finally {
    await store.close?.();
    await admin.query(`drop schema ${schema} cascade`).catch(() => undefined);
    await admin.end();
  }
}

const tideline = await runTideline();
const postgres = await runPostgres();
const rows = [];
const fmt = (x, d = 0) => (x === undefined ? '' : x.toFixed(d));
console.log(`\neventsourcing (${JSON.stringify(machine())}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
console.log('| scenario | store | appends/s | p50 ms | p99 ms | appends per CPU-second | load median ms |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (let i = 0; i < tideline.routed.length; i++) {
  for (const [storeName, r] of [['Tideline, routed to an owner process', tideline.routed[i]], ['Tideline, direct (writers own the partitions)', tideline.direct[i]], ['Tideline, native conditional append (broker checks the version)', tideline.native[i]], ['floor: plain acks=all produce, no check, not a store', tideline.floor[i]], ['Emmett PostgreSQL', postgres?.results[i]]]) {
    if (r === undefined) continue;
    rows.push({ store: storeName, ...r });
    console.log(`| ${r.scenario} | ${storeName} | ${fmt(r.perSec)} | ${fmt(r.p50Ms, 2)} | ${fmt(r.p99Ms, 2)} | ${fmt(r.appendsPerCpuSec)} | ${fmt(r.medianMs, 1)} |`);
  }
}
if (postgres !== null) console.log(`PostgreSQL synchronous_commit=${postgres.settings.sc} fsync=${postgres.settings.fs}; CPU-seconds are this process's: the writers (and, direct, the owner); the broker, the routed owner and PostgreSQL run in processes of their own.`);
const dir = new URL('./results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('eventsourcing.json', dir), JSON.stringify({ suite: 'eventsourcing', mode: QUICK ? 'quick' : process.env.ES_STREAMS !== undefined || process.env.ES_HOT !== undefined ? 'scaled' : 'full', machine: machine(), load: os.loadavg(), params: { HOT, STREAMS, WRITERS, LOAD }, results: rows }, null, 2) + '\n');
