// The read side over the core's Kafka store (owner + store on both brokers): an upcast v1 event
// reads as v2 through readStream, aggregateStream, snapshot loading, the store's subscribe and a
// projection's own subscription of the event topic; an event failing its schema is refused with
// nothing written.
import assert from 'node:assert/strict';
import pg from 'pg';
import type { Event } from '@event-driven-io/emmett';
import {
  EventSchemaError, EventStoreOwner, EventSubscription, KafkaEventStore, KafkaSnapshotStore, PostgresReadModel, SnapshotLoader, SnapshotPolicies, Upcasters,
  decoderWith, recordDecoder, runProjection, storeTail, streamPositionOf, withReadHooks, type TidelineReadEvent, type PgProjection,
} from '../src/index.js';
import { bothBrokers, makeStore, uniqueTopic, useApacheKafka } from './brokers.js';
import { PG_URL, dropSchema, uniqueSchema, pgOrSkip } from './read-side-helpers.js';

useApacheKafka();

type Deposited = Event<'Deposited', { amount: number; currency: string }>;

function upcasters(): Upcasters {
  return new Upcasters()
    .register('Deposited', 1, (d) => ({ amount: (d as { cents: number }).cents / 100, currency: 'EUR' }))
    .validator('Deposited', 2, (d) => {
      const x = d as { amount?: unknown; currency?: unknown };
      return [...(typeof x.amount === 'number' && x.amount > 0 ? [] : ['amount must be a positive number']), ...(typeof x.currency === 'string' ? [] : ['currency is required'])];
    });
}

const projection: PgProjection = {
  name: 'deposits',
  tables: ['deposits'],
  init: async (c, t) => void (await c.query(`CREATE TABLE IF NOT EXISTS ${t.table('deposits')} (account text PRIMARY KEY, total numeric NOT NULL, currencies text NOT NULL)`)),
  apply: async (c, e, t) => {
    const d = e.data as Deposited['data'];
    await c.query(`INSERT INTO ${t.table('deposits')} VALUES ($1, $2, $3) ON CONFLICT (account) DO UPDATE SET total = ${t.table('deposits')}.total + EXCLUDED.total, currencies = EXCLUDED.currencies`, [e.metadata.streamName, d.amount, d.currency]);
  },
};

bothBrokers('over the Kafka store: an upcast v1 event reads as v2 on every read path; a schema failure writes nothing', { timeout: 240_000 }, async (b, t) => {
  if (!(await pgOrSkip(t))) return;
  const name = await makeStore(b.bootstrap, 'es-read', 2);
  const owner = new EventStoreOwner({ bootstrap: b.bootstrap, name, sessionTimeoutMs: 6000, heartbeatIntervalMs: 500 });
  owner.start();
  const raw = new KafkaEventStore({ bootstrap: b.bootstrap, name });
  const up = upcasters();
  const store = withReadHooks(raw, { read: up.transform, write: (e) => (up.validate(e.type, e.data), e) });
  const schema = uniqueSchema('es_store_read');
  const pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
  const snaps = new KafkaSnapshotStore({ bootstrap: b.bootstrap, topic: uniqueTopic('es-read.snapshots') });
  try {
    // Old deployment's events (v1), then new ones (v2) through the hooks.
    for (let i = 0; i < 5; i++) await raw.appendToStream('account-1', [{ type: 'Deposited', data: { cents: 100 * (i + 1) } }], { schemaVersion: 1 });
    await store.appendToStream('account-1', [{ type: 'Deposited', data: { amount: 0.5, currency: 'EUR' } }], { schemaVersion: 2 });
    const expectData = [1, 2, 3, 4, 5, 0.5].map((amount) => ({ amount, currency: 'EUR' }));

    const r = await store.readStream<Deposited>('account-1');
    assert.deepEqual(r.events.map((e) => e.data), expectData, 'readStream');
    const evolve = (s: number, e: TidelineReadEvent<Deposited>): number => s + e.data.amount;
    const agg = await store.aggregateStream<number, Deposited>('account-1', { initialState: () => 0, evolve });
    assert.equal(agg.state, 15.5, 'aggregateStream');

    await snaps.start();
    const loader = new SnapshotLoader({ store: snaps, read: storeTail<Deposited>(store), evolve, initialState: () => 0, versionOf: streamPositionOf, schemaVersion: 1, policy: SnapshotPolicies.everyNEvents(3) });
    assert.equal((await loader.load('account-1')).state, 15.5);
    const lastAppend = await store.appendToStream('account-1', [{ type: 'Deposited', data: { amount: 2, currency: 'EUR' } }], { schemaVersion: 2 });
    const second = await loader.load('account-1');
    assert.equal(second.fromSnapshot, true);
    assert.equal(second.eventsApplied, 1);
    assert.equal(second.state, (await store.aggregateStream<number, Deposited>('account-1', { initialState: () => 0, evolve })).state, 'snapshot + tail = full replay');

    // The store's subscribe, through the hooks.
    const viaSubscribe: unknown[] = [];
    const ac = new AbortController();
    for await (const batch of store.subscribe<Deposited>({ signal: ac.signal })) {
      for (const e of batch.events) viaSubscribe.push(e.data);
      if (viaSubscribe.length >= 7) ac.abort();
    }
    assert.deepEqual(viaSubscribe, [...expectData, { amount: 2, currency: 'EUR' }], 'subscribe');

    // A projection on its own subscription of the event topic, and one over the store's subscribe.
    const rm = new PostgresReadModel({ pool, schema, projection });
    await rm.init();
    const sub = new EventSubscription({ bootstrap: b.bootstrap, topic: raw.topics.events, target: rm, decode: decoderWith(recordDecoder(), up.transform) });
    await sub.start();
    await sub.caughtUp(60_000, [lastAppend.lastEventGlobalPosition]);
    await sub.stop();
    assert.deepEqual((await pool.query(`SELECT account, total::float8 AS total, currencies FROM "${schema}".deposits`)).rows, [{ account: 'account-1', total: 17.5, currencies: 'EUR' }], 'projection');
    const rm2 = new PostgresReadModel({ pool, schema, projection: { ...projection, version: 2 } });
    await rm2.init();
    const ac2 = new AbortController();
    let seen = 0;
    await runProjection(store, rm2, { source: raw.topics.events, signal: ac2.signal, onBatch: (x) => ((seen += x.events.length) >= 7 ? ac2.abort() : undefined) });
    await rm2.switchOver();
    assert.deepEqual((await pool.query(`SELECT total::float8 AS total FROM "${schema}".deposits`)).rows, [{ total: 17.5 }], 'projection over the store subscription');

    // Bad input: the whole append is refused, nothing written.
    await assert.rejects(store.appendToStream('account-1', [{ type: 'Deposited', data: { amount: 1, currency: 'EUR' } }, { type: 'Deposited', data: { amount: -1 } }], { schemaVersion: 2 }), EventSchemaError);
    assert.equal((await raw.readStream('account-1')).currentStreamVersion, 7n);
  } finally {
    await snaps.close();
    await raw.close();
    await owner.close();
    await pool.end();
    await dropSchema(schema);
  }
});
