// The read side over a real event topic, on Tideline and Apache Kafka: snapshots in a compacted
// topic (a fresh instance loads equal to a full replay), crypto-shredding with the key topic (the
// event and snapshot topics read raw with kcat hold only ciphertext; after forget, every read path
// and a rebuilt read model hold the redacted marker), a PostgreSQL rebuild switched over while a
// reader keeps querying, and projection lag.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Registry } from 'prom-client';
import { Admin, Producer } from '@tideline/client';
import { kcat, toolOrSkip } from '@tideline/interop';
import type { Event } from '@event-driven-io/emmett';
import {
  DEFAULT_LIMITS, EventSubscription, KafkaKeyStore, KafkaSnapshotStore, PersonalDataCodec, PostgresReadModel, REDACTED, SnapshotLoader, SnapshotPolicies,
  decoderWith, getTidelineInMemoryEventStore, jsonSerde, rebuildAndSwitch, recordDecoder, storeTail, streamPositionOf, type PgProjection, type TidelineReadEvent,
} from '../src/index.js';
import { encodeEvents } from '../src/codec.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { PG_URL, bankEvents, dropSchema, uniqueSchema, writeEvents, pgOrSkip } from './read-side-helpers.js';
import { balancesPg } from './projections.js';

useApacheKafka();

type Deposited = Event<'Deposited', { amount: number }>;

bothBrokers('snapshots in a compacted topic: a fresh instance loads the snapshot plus the tail, equal to a full replay', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('bank.snapshots');
  const store = getTidelineInMemoryEventStore();
  for (let i = 0; i < 10; i++) await store.appendToStream('account-1', Array.from({ length: 100 }, (_, j) => ({ type: 'Deposited', data: { amount: i * 100 + j } })));
  const evolve = (s: { total: number }, e: TidelineReadEvent<Deposited>): { total: number } => ({ total: s.total + e.data.amount });
  const opts = { read: storeTail<Deposited>(store), evolve, initialState: () => ({ total: 0 }), versionOf: streamPositionOf, schemaVersion: 1, policy: SnapshotPolicies.everyNEvents(500) };
  const s1 = new KafkaSnapshotStore({ bootstrap: b.bootstrap, topic });
  await s1.start();
  const first = await new SnapshotLoader({ ...opts, store: s1 }).load('account-1');
  assert.equal(first.snapshotTaken, true);
  await s1.close();
  await store.appendToStream('account-1', [{ type: 'Deposited', data: { amount: 7 } }]);
  // A new instance reads the compacted topic.
  const s2 = new KafkaSnapshotStore({ bootstrap: b.bootstrap, topic });
  await s2.start();
  try {
    const r = await new SnapshotLoader({ ...opts, store: s2 }).load('account-1');
    assert.equal(r.fromSnapshot, true);
    assert.equal(r.eventsApplied, 1);
    const full = await store.aggregateStream<{ total: number }, Deposited>('account-1', { initialState: () => ({ total: 0 }), evolve });
    assert.deepEqual(r.state, full.state);
    assert.equal(r.version, 1001n);
  } finally {
    await s2.close();
  }
  const admin = new Admin({ bootstrap: b.bootstrap });
  const [cfg] = await admin.describeConfigs([{ type: 'topic', name: topic, keys: ['cleanup.policy'] }]);
  await admin.close();
  assert.equal(cfg!.configs.find((e) => e.name === 'cleanup.policy')?.value, 'compact');
});

type Registered = Event<'CustomerRegistered', { customerId: string; name: string; email: string; plan: string }>;

bothBrokers('crypto-shredding: raw topics hold ciphertext; after forget every read path and a rebuilt read model are redacted', { timeout: 180_000 }, async (b, t) => {
  if (!(await pgOrSkip(t))) return;
  if (!toolOrSkip(t, 'kcat')) return;
  const events = uniqueTopic('crm.events');
  const keysTopic = uniqueTopic('crm.keys');
  const snapsTopic = uniqueTopic('crm.snapshots');
  const schema = uniqueSchema('es_shred');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic: events, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const keys = new KafkaKeyStore({ bootstrap: b.bootstrap, topic: keysTopic, masterKey: Buffer.alloc(32, 7) });
  await keys.start();
  const pii = new PersonalDataCodec(keys).personal('CustomerRegistered', { subject: 'customerId', fields: ['name', 'email'] });
  const people = [
    { customerId: 'c1', name: 'Ada Lovelace', email: 'ada@example.com', plan: 'gold' },
    { customerId: 'c2', name: 'Alan Turing', email: 'alan@example.com', plan: 'basic' },
  ];
  // The write path: encrypt, then the record format, as the store's owner writes it.
  const p = new Producer({ bootstrap: b.bootstrap });
  for (const person of people) {
    const data = await pii.encrypt('CustomerRegistered', person);
    const [enc] = encodeEvents(`customer-${person.customerId}`, [{ type: 'CustomerRegistered', data }], [randomUUID()], 1n, undefined, jsonSerde, DEFAULT_LIMITS);
    await p.send({ topic: events, messages: [{ key: enc!.key, value: enc!.value, headers: enc!.headers }] });
  }
  await p.close();
  // Snapshots sealed the same way.
  const snaps = new KafkaSnapshotStore({ bootstrap: b.bootstrap, topic: snapsTopic, codec: { encode: (s) => pii.sealState(s, [{ path: 'name', subject: (s as { id: string }).id }, { path: 'email', subject: (s as { id: string }).id }]), decode: (j) => pii.decrypt(j) } });
  await snaps.start();
  await snaps.save({ streamId: 'customer-c1', version: 1n, schemaVersion: 1, state: { id: 'c1', name: 'Ada Lovelace', email: 'ada@example.com' }, takenAt: Date.now() });
  assert.deepEqual((await snaps.load('customer-c1'))!.state, { id: 'c1', name: 'Ada Lovelace', email: 'ada@example.com' });

  const raw = async (topic: string): Promise<string> => (await kcat(['-b', b.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k %s\n'], { timeoutMs: 60_000 })).stdout;
  for (const topic of [events, snapsTopic, keysTopic]) {
    const text = await raw(topic);
    assert.ok(text.length > 0, `kcat read ${topic}`);
    assert.doesNotMatch(text, /Ada|Lovelace|ada@example|Turing|alan@example/, `${topic} read raw holds no personal data`);
  }
  assert.match(await raw(events), /"plan":"gold"/, 'non-personal fields stay readable');

  const projection = (version: number): PgProjection => ({
    name: 'customers',
    version,
    tables: ['customers'],
    init: async (c, tb) => void (await c.query(`CREATE TABLE IF NOT EXISTS ${tb.table('customers')} (id text PRIMARY KEY, name text, email text, plan text)`)),
    apply: async (c, e, tb) => {
      const x = e.data as Registered['data'];
      await c.query(`INSERT INTO ${tb.table('customers')} VALUES ($1, $2, $3, $4)`, [x.customerId, x.name, x.email, x.plan]);
    },
  });
  const pool = new pg.Pool({ connectionString: PG_URL, max: 3 });
  const decode = decoderWith(recordDecoder(), pii.transform);
  try {
    const v1 = new PostgresReadModel({ pool, schema, projection: projection(1) });
    await v1.init();
    const sub1 = new EventSubscription({ bootstrap: b.bootstrap, topic: events, target: v1, decode });
    await sub1.start();
    await sub1.caughtUp(60_000);
    await sub1.stop();
    assert.deepEqual((await pool.query(`SELECT name FROM "${schema}".customers ORDER BY id`)).rows, [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }]);

    await pii.forget('c1');
    await keys.close();
    // A fresh key store (another process, after a restart) sees the tombstone.
    const keys2 = new KafkaKeyStore({ bootstrap: b.bootstrap, topic: keysTopic, masterKey: Buffer.alloc(32, 7) });
    await keys2.start();
    try {
      const pii2 = new PersonalDataCodec(keys2);
      assert.equal(await keys2.get('c1'), null);
      assert.notEqual(await keys2.get('c2'), null);
      // Projections rebuild with the fields redacted, and switch over.
      const sub2 = await rebuildAndSwitch({ bootstrap: b.bootstrap, topic: events, next: new PostgresReadModel({ pool, schema, projection: projection(2) }), decode: decoderWith(recordDecoder(), pii2.transform) });
      await sub2.stop();
      assert.deepEqual((await pool.query(`SELECT id, name, email, plan FROM "${schema}".customers ORDER BY id`)).rows, [
        { id: 'c1', name: REDACTED, email: REDACTED, plan: 'gold' },
        { id: 'c2', name: 'Alan Turing', email: 'alan@example.com', plan: 'basic' },
      ]);
      // Snapshots: redacted.
      const snaps2 = new KafkaSnapshotStore({ bootstrap: b.bootstrap, topic: snapsTopic, codec: { encode: (s) => s, decode: (j) => pii2.decrypt(j) } });
      await snaps2.start();
      assert.deepEqual((await snaps2.load('customer-c1'))!.state, { id: 'c1', name: REDACTED, email: REDACTED });
      await snaps2.close();
      // The subscription's read path, decoding the topic again: redacted.
      const seen: unknown[] = [];
      const probe = new EventSubscription({ bootstrap: b.bootstrap, topic: events, decode: decoderWith(recordDecoder(), pii2.transform), target: { checkpoints: async () => new Map(), handle: async (x) => void seen.push(...x.events.map((e) => e.data)) } });
      await probe.start();
      await probe.caughtUp(60_000);
      await probe.stop();
      assert.deepEqual(seen, [
        { customerId: 'c1', name: REDACTED, email: REDACTED, plan: 'gold' },
        { customerId: 'c2', name: 'Alan Turing', email: 'alan@example.com', plan: 'basic' },
      ]);
    } finally {
      await keys2.close();
    }
  } finally {
    await snaps.close();
    await pool.end();
    await dropSchema(schema);
  }
});

bothBrokers('projections: lag in events and seconds; rebuild into v2 and switch over while readers keep querying', { timeout: 180_000 }, async (b, t) => {
  if (!(await pgOrSkip(t))) return;
  const topic = uniqueTopic('bank.events.rebuild');
  const schema = uniqueSchema('es_rebuild');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
  await admin.close();
  const events = bankEvents(600, 10);
  const written = await writeEvents(b.bootstrap, topic, events);
  const pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
  try {
    const v1 = new PostgresReadModel({ pool, schema, projection: balancesPg(0, 1) });
    await v1.init();
    const sub = new EventSubscription({ bootstrap: b.bootstrap, topic, target: v1 });
    await sub.start();
    await sub.caughtUp(60_000, written);
    assert.deepEqual((await sub.lag()).events, 0);
    const total = async (): Promise<number> => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".applied`)).rows[0]!.n);
    assert.equal(await total(), 600);
    await sub.stop();
    // While stopped, more events arrive: the lag shows them.
    const more = bankEvents(100, 10, new Map(Array.from({ length: 10 }, (_, i) => [`account-${i}`, 60n])));
    const writtenMore = await writeEvents(b.bootstrap, topic, more);
    const registry = new Registry();
    const lagging = new EventSubscription({ bootstrap: b.bootstrap, topic, name: 'balances', registry, target: { checkpoints: (tp) => v1.checkpoints(tp), handle: () => new Promise(() => undefined) } });
    await lagging.start();
    // The lag is measured against the last stable offset, which reaches the last transaction once
    // its markers are written (on Apache Kafka, after the commit returned): wait for it, bounded.
    let lag = await lagging.lag();
    for (const until = Date.now() + 30_000; lag.events < 100 && Date.now() < until; lag = await lagging.lag()) await new Promise((r) => setTimeout(r, 100));
    assert.ok(lag.events >= 100, `lag ${lag.events} events`);
    assert.ok(lag.seconds >= 0);
    const text = await registry.metrics();
    const scraped = [...text.matchAll(/^tideline_projection_lag_events\{projection="balances",partition="\d+"\} (\d+)$/gm)].reduce((a, m) => a + Number(m[1]), 0);
    assert.ok(scraped >= 100, `scraped lag ${scraped}`);
    assert.match(text, /^tideline_projection_lag_seconds\{projection="balances"/m);
    void lagging.stop();

    // A reader queries the view all along the rebuild; it never fails and never sees fewer rows.
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".balances`);
        assert.equal(Number(r.rows[0]!.n), 10);
        reads++;
      }
    })();
    const v2sub = await rebuildAndSwitch({ bootstrap: b.bootstrap, topic, next: new PostgresReadModel({ pool, schema, projection: balancesPg(0, 2) }), past: [...written, ...writtenMore] });
    await v2sub.stop();
    reading = false;
    await reader;
    assert.ok(reads > 0);
    assert.equal(await v1.liveVersion(), 2);
    assert.equal(await total(), 700, 'v2 holds every event once');
    await v1.dropVersion(1);
    await assert.rejects(v1.dropVersion(2), /live/);
  } finally {
    await pool.end();
    await dropSchema(schema);
  }
});

bothBrokers('projections in a consumer group: members join and leave mid-run, the read model still applies every event once', { timeout: 240_000 }, async (b, t) => {
  if (!(await pgOrSkip(t))) return;
  const topic = uniqueTopic('bank.events.group');
  const schema = uniqueSchema('es_group');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic, numPartitions: 4, replicationFactor: 1 }]);
  await admin.close();
  const versions = new Map<string, bigint>();
  const first = bankEvents(800, 20, versions);
  const second = bankEvents(800, 20, versions);
  await writeEvents(b.bootstrap, topic, first);
  const pool = new pg.Pool({ connectionString: PG_URL, max: 6 });
  const groupId = uniqueTopic('es-proj-group');
  const member = async (): Promise<EventSubscription> => {
    const rm = new PostgresReadModel({ pool, schema, projection: balancesPg(1) });
    await rm.init();
    const s = new EventSubscription({ bootstrap: b.bootstrap, topic, target: rm, groupId, name: 'balances' });
    await s.start();
    return s;
  };
  const count = async (): Promise<number> => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".applied`).catch(() => ({ rows: [{ n: '0' }] }))).rows[0]!.n);
  try {
    const a = await member();
    await new Promise((r) => setTimeout(r, 1500));
    const b2 = await member();
    await writeEvents(b.bootstrap, topic, second);
    await new Promise((r) => setTimeout(r, 1500));
    await a.stop(); // its partitions move to b2
    const end = Date.now() + 120_000;
    while ((await count()) < 1600) {
      assert.ok(Date.now() < end, `caught up only ${await count()} of 1600`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 500));
    await b2.stop();
    const dups = await pool.query(`SELECT event_id FROM "${schema}".applied GROUP BY event_id HAVING count(*) > 1`);
    assert.equal(dups.rowCount, 0, 'no event applied twice');
    assert.equal(await count(), 1600);
    const fold = new Map<string, number>();
    for (const e of [...first, ...second]) fold.set(e.stream, (fold.get(e.stream) ?? 0) + (e.type === 'Withdrawn' ? -e.amount : e.amount));
    const rows = await pool.query<{ account: string; balance: string }>(`SELECT account, balance FROM "${schema}".balances`);
    assert.deepEqual(new Map(rows.rows.map((r) => [r.account, Number(r.balance)])), fold);
  } finally {
    await pool.end();
    await dropSchema(schema);
  }
});
