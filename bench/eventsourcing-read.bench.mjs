// The read side of @tideline/eventsourcing: aggregate load time of one 10,000-event stream through
// the Kafka store (owner + store on an in-process Tideline broker, or TIDE_BROKERS) without and
// with a snapshot (KafkaSnapshotStore: latest snapshot + the tail read through the stream index),
// the same loads on Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql) on the
// local PostgreSQL, and projection throughput into PostgreSQL (EventSubscription +
// PostgresReadModel: each batch and its checkpoint in one transaction).
//
//   node bench/eventsourcing-read.bench.mjs                 full mode (bench/results/full/eventsourcing-read.json)
//   BENCH_QUICK=1 node bench/eventsourcing-read.bench.mjs   smoke: small counts
// PostgreSQL: TIDELINE_PG_URL (default postgres://postgres@127.0.0.1:5432/test); everything is
// created in a fresh schema and dropped at the end.
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startBroker } from '@tideline/broker';
import { Admin, Producer } from '@tideline/client';
import {
  EventStoreOwner, EventSubscription, KafkaEventStore, KafkaSnapshotStore, PostgresReadModel, SnapshotLoader, createStoreTopics, storeTail, streamPositionOf,
  DEFAULT_LIMITS, jsonSerde,
} from '@tideline/eventsourcing';
import { machine } from './lib.mjs';

// Emmett's PostgreSQL store is a dev dependency of the eventsourcing package (not hoisted).
const { getPostgreSQLEventStore } = await import(new URL('../packages/eventsourcing/node_modules/@event-driven-io/emmett-postgresql/dist/index.js', import.meta.url).href);

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const STREAM_LENGTHS = QUICK ? [2000] : [10_000, 50_000];
const REPS = QUICK ? 3 : 9;
const PROJ_EVENTS = QUICK ? 5000 : 50_000;
const PG_URL = process.env.TIDELINE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_es_read_${process.pid}`;
const load0 = os.loadavg();
const cpu0 = process.cpuUsage();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p = (n) => Math.round(n * 100) / 100;
async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return { ms: performance.now() - t, r };
}

let dir = null;
let broker = null;
let bootstrap = process.env.TIDE_BROKERS;
if (bootstrap === undefined) {
  dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-es-read-'));
  broker = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
  bootstrap = broker.bootstrap;
}
const admin = new Admin({ bootstrap });
const pgAdmin = new pg.Client({ connectionString: PG_URL });
await pgAdmin.connect();
await pgAdmin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
const results = [];

const evolve = (s, e) => (e.type === 'Deposited' ? s + e.data.amount : s - e.data.amount);
const eventsFor = (from, n) => Array.from({ length: n }, (_, i) => ({ type: (from + i) % 3 === 2 ? 'Withdrawn' : 'Deposited', data: { amount: 1 + ((from + i) % 17) } }));

try {
  // ---- loads without and with a snapshot: Tideline's Kafka store and Emmett's PostgreSQL store --
  const name = `bench-es-${Date.now()}`;
  await createStoreTopics(admin, name, { partitions: 4, replyPartitions: 2 });
  const owner = new EventStoreOwner({ bootstrap, name, sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1000 });
  owner.start();
  const store = new KafkaEventStore({ bootstrap, name });
  const snaps = new KafkaSnapshotStore({ bootstrap, topic: `${name}.snapshots` });
  await snaps.start();
  const emmettUrl = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const emmett = getPostgreSQLEventStore(emmettUrl);
  for (const STREAM_EVENTS of STREAM_LENGTHS) {
    const streamId = `account-bench-${STREAM_EVENTS}`;
    for (let v = 0; v < STREAM_EVENTS; v += 100) await store.appendToStream(streamId, eventsFor(v, 100), { expectedVersion: v });
    const full = [];
    let expected = null;
    for (let i = 0; i < REPS; i++) {
      const { ms, r } = await timed(() => store.aggregateStream(streamId, { initialState: () => 0, evolve }));
      full.push(ms);
      expected = r.state;
    }
    const loader = new SnapshotLoader({ store: snaps, read: storeTail(store), evolve, initialState: () => 0, versionOf: streamPositionOf, schemaVersion: 1 });
    await loader.snapshot(streamId);
    const withSnap = [];
    for (let i = 0; i < REPS; i++) {
      const { ms, r } = await timed(() => loader.load(streamId));
      if (r.state !== expected || !r.fromSnapshot) throw new Error(`snapshot load differs: ${r.state} vs ${expected}`);
      withSnap.push(ms);
    }
    await store.appendToStream(streamId, eventsFor(STREAM_EVENTS, 10), { expectedVersion: STREAM_EVENTS });
    const withTail = [];
    // A load right after the append must see it (read-your-writes through the store's index);
    // loads that did not are counted, not hidden.
    let staleTailLoads = 0;
    for (let i = 0; i < REPS; i++) {
      const { ms, r } = await timed(() => loader.load(streamId));
      if (!r.fromSnapshot) throw new Error('the snapshot was not used');
      if (r.eventsApplied !== 10) staleTailLoads++;
      withTail.push(ms);
    }
    results.push({ name: `tideline kafka store: load ${STREAM_EVENTS}-event stream, full replay`, medianMs: p(median(full)), minMs: p(Math.min(...full)) });
    results.push({ name: `tideline kafka store: load ${STREAM_EVENTS}-event stream with snapshot (tail 0)`, medianMs: p(median(withSnap)), minMs: p(Math.min(...withSnap)) });
    results.push({ name: `tideline kafka store: load ${STREAM_EVENTS}-event stream with snapshot (tail 10)`, medianMs: p(median(withTail)), minMs: p(Math.min(...withTail)), staleTailLoads });

    for (let v = 0; v < STREAM_EVENTS; v += 100) await emmett.appendToStream(streamId, eventsFor(v, 100), { expectedStreamVersion: BigInt(v) });
    const emFull = [];
    for (let i = 0; i < REPS; i++) {
      const { ms, r } = await timed(() => emmett.aggregateStream(streamId, { initialState: () => 0, evolve }));
      if (r.state !== expected) throw new Error(`emmett load differs: ${r.state} vs ${expected}`);
      emFull.push(ms);
    }
    results.push({ name: `emmett-postgresql: load ${STREAM_EVENTS}-event stream, full replay`, medianMs: p(median(emFull)), minMs: p(Math.min(...emFull)) });
  }
  await emmett.close();
  await snaps.close();
  await store.close();
  await owner.close();

  // ---- Projection throughput into PostgreSQL -----------------------------------------------------
  const topic = `bench-es-proj-${Date.now()}`;
  await admin.createTopics([{ topic, numPartitions: 4, replicationFactor: 1 }]);
  const prod = new Producer({ bootstrap, transactionalId: `bench-es-${randomUUID()}`, lingerMs: 5 });
  await prod.initTransactions();
  const { encodeEvents } = await import('../packages/eventsourcing/dist/src/codec.js');
  const versions = new Map();
  for (let i = 0; i < PROJ_EVENTS; i += 500) {
    await prod.beginTransaction();
    const messages = [];
    for (let j = i; j < Math.min(PROJ_EVENTS, i + 500); j++) {
      const s = `account-${j % 1000}`;
      const v = (versions.get(s) ?? 0n) + 1n;
      versions.set(s, v);
      const [enc] = encodeEvents(s, eventsFor(j, 1), [randomUUID()], v, undefined, jsonSerde, DEFAULT_LIMITS);
      messages.push({ key: enc.key, value: enc.value, headers: enc.headers });
    }
    await prod.send({ topic, messages });
    await prod.commitTransaction();
  }
  await prod.close();
  const pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
  const signed = (e) => (e.type === 'Deposited' ? e.data.amount : -e.data.amount);
  const variants = [
    ['one upsert per event', false],
    ['one multi-row upsert per batch (applyBatch)', true],
  ];
  for (const [label, batched] of variants) {
    const table = batched ? 'balances_batched' : 'balances';
    const projection = {
      name: table,
      tables: [table],
      init: async (c, t) => void (await c.query(`CREATE TABLE IF NOT EXISTS ${t.table(table)} (account text PRIMARY KEY, balance bigint NOT NULL)`)),
      apply: async (c, e, t) => {
        await c.query(`INSERT INTO ${t.table(table)} VALUES ($1, $2) ON CONFLICT (account) DO UPDATE SET balance = ${t.table(table)}.balance + EXCLUDED.balance`, [e.metadata.streamName, signed(e)]);
      },
    };
    if (batched) {
      projection.applyBatch = async (c, events, t) => {
        const sums = new Map();
        for (const e of events) sums.set(e.metadata.streamName, (sums.get(e.metadata.streamName) ?? 0) + signed(e));
        const tb = t.table(table);
        await c.query(`INSERT INTO ${tb} SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT (account) DO UPDATE SET balance = ${tb}.balance + EXCLUDED.balance`, [[...sums.keys()], [...sums.values()]]);
      };
    }
    const rm = new PostgresReadModel({ pool, schema, projection });
    await rm.init();
    const sub = new EventSubscription({ bootstrap, topic, target: rm });
    const cpuP = process.cpuUsage();
    const { ms: projMs } = await timed(async () => {
      await sub.start();
      await sub.caughtUp(600_000);
    });
    const cpuUsed = process.cpuUsage(cpuP);
    await sub.stop();
    const cpuS = (cpuUsed.user + cpuUsed.system) / 1e6;
    results.push({ name: `projection into PostgreSQL (${PROJ_EVENTS} events, 4 partitions, ${label})`, eventsPerSec: Math.round(PROJ_EVENTS / (projMs / 1000)), seconds: p(projMs / 1000), projectorCpuS: p(cpuS), eventsPerCpuS: Math.round(PROJ_EVENTS / cpuS) });
  }
  const check = await pool.query(`SELECT (SELECT sum(balance) FROM "${schema}".balances) = (SELECT sum(balance) FROM "${schema}".balances_batched) AS same`);
  if (check.rows[0].same !== true) throw new Error('the two projections disagree');
  await pool.end();
} finally {
  await pgAdmin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
  await pgAdmin.end();
  await admin.close();
  if (broker !== null) await broker.close();
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
}

const cpu = process.cpuUsage(cpu0);
const out = { suite: 'eventsourcing-read', machine: machine(), loadavgBefore: load0.map(p), loadavgAfter: os.loadavg().map(p), processCpuS: p((cpu.user + cpu.system) / 1e6), quick: QUICK, results };
console.log(JSON.stringify(out, null, 2));
const dirOut = new URL(QUICK ? './results/' : './results/full/', import.meta.url);
mkdirSync(dirOut, { recursive: true });
writeFileSync(new URL('eventsourcing-read.json', dirOut), JSON.stringify(out, null, 2) + '\n');
