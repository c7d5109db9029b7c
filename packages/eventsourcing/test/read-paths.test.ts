// The read side without a broker, on the core's in-memory store: upcasters on every read path,
// schema validation refusing an append, snapshots equal to a full replay, crypto-shredding on
// every read path (events, snapshots, a rebuilt read model).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import type { Event } from '@event-driven-io/emmett';
import {
  EventSchemaError, InMemoryKeyStore, InMemorySnapshotStore, PersonalDataCodec, REDACTED, ReadSideError, ReadSideErrorCode, SnapshotLoader, SnapshotPolicies,
  Upcasters, composeTransforms, decoderWith, eventRecords, getTidelineInMemoryEventStore, projectionSpec, recordDecoder, runProjection, SqliteReadModel, storeTail, streamPositionOf,
  withReadHooks, type TidelineReadEvent,
} from '../src/index.js';
import Database from 'better-sqlite3';

type Deposited = Event<'Deposited', { amount: number; currency?: string }>;

/** v1 Deposited: { cents }; v2: { amount, currency }. */
function bankUpcasters(): Upcasters {
  return new Upcasters().register('Deposited', 1, (d) => {
    const v1 = d as { cents: number };
    return { amount: v1.cents / 100, currency: 'EUR' };
  });
}

test('an upcast v1 event reads as v2 on readStream, aggregateStream, subscribe and projections', async () => {
  const raw = getTidelineInMemoryEventStore({ partitions: 2 });
  await raw.appendToStream('account-1', [{ type: 'Deposited', data: { cents: 1250 } }], { schemaVersion: 1 });
  await raw.appendToStream('account-1', [{ type: 'Deposited', data: { amount: 3, currency: 'EUR' } }], { schemaVersion: 2 });
  const up = bankUpcasters();
  const store = withReadHooks(raw, { read: up.transform });

  const r = await store.readStream<Deposited>('account-1');
  assert.deepEqual(r.events.map((e) => e.data), [{ amount: 12.5, currency: 'EUR' }, { amount: 3, currency: 'EUR' }]);
  assert.deepEqual(r.events.map((e) => e.metadata.schemaVersion), [2, 2]);

  const agg = await store.aggregateStream<number, Deposited>('account-1', { initialState: () => 0, evolve: (s: number, e: Deposited) => s + e.data.amount });
  assert.equal(agg.state, 15.5);

  const ac = new AbortController();
  const seen: unknown[] = [];
  for await (const b of store.subscribe<Deposited>({ signal: ac.signal })) {
    for (const e of b.events) seen.push(e.data);
    if (seen.length === 2) ac.abort();
  }
  assert.deepEqual(seen, [{ amount: 12.5, currency: 'EUR' }, { amount: 3, currency: 'EUR' }]);

  // Projection path: the Kafka subscription's decoder.
  const db = new Database(':memory:');
  const rm = new SqliteReadModel(db, {
    name: 'balances',
    tables: ['balances'],
    init: (d, t) => d.exec(`CREATE TABLE IF NOT EXISTS ${t.table('balances')} (id TEXT PRIMARY KEY, amount REAL NOT NULL, currency TEXT)`),
    apply: (d, e, t) => {
      const x = e.data as { amount: number; currency: string };
      d.prepare(`INSERT INTO ${t.table('balances')} (id, amount, currency) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET amount = amount + excluded.amount`).run(e.metadata.streamName, x.amount, x.currency);
    },
  });
  await projectionSpec(rm, { decode: decoderWith(recordDecoder(), up.transform) })
    .given([{ streamName: 'account-1', type: 'Deposited', data: { cents: 1250 }, schemaVersion: 1 }])
    .when([{ streamName: 'account-1', type: 'Deposited', data: { amount: 3, currency: 'EUR' }, schemaVersion: 2 }])
    .then(() => assert.deepEqual(db.prepare('SELECT id, amount, currency FROM balances').all(), [{ id: 'account-1', amount: 15.5, currency: 'EUR' }]));
});

test('upcasters: a missing step and a version from the future are typed errors', async () => {
  const up = new Upcasters().register('A', 1, (d) => d).register('A', 3, (d) => d);
  const raw = getTidelineInMemoryEventStore();
  await raw.appendToStream('s-1', [{ type: 'A', data: { x: 1 } }], { schemaVersion: 1 });
  await raw.appendToStream('s-2', [{ type: 'A', data: { x: 1 } }], { schemaVersion: 9 });
  const store = withReadHooks(raw, { read: up.transform });
  await assert.rejects(store.readStream('s-1'), (e: unknown) => e instanceof ReadSideError && e.code === ReadSideErrorCode.UpcasterMissing);
  await assert.rejects(store.readStream('s-2'), (e: unknown) => e instanceof ReadSideError && e.code === ReadSideErrorCode.SchemaVersionFromTheFuture);
});

test('an event failing its schema is refused with EventSchemaError and nothing is written', async () => {
  const up = bankUpcasters().validator('Deposited', 2, (d) => {
    const x = d as { amount?: unknown; currency?: unknown };
    const problems: string[] = [];
    if (typeof x.amount !== 'number' || !(x.amount > 0)) problems.push('amount must be a positive number');
    if (typeof x.currency !== 'string') problems.push('currency must be a string');
    return problems;
  });
  const raw = getTidelineInMemoryEventStore();
  const store = withReadHooks(raw, { read: up.transform, write: (e) => (up.validate(e.type, e.data), e) });
  await assert.rejects(
    store.appendToStream('account-9', [{ type: 'Deposited', data: { amount: 5, currency: 'EUR' } }, { type: 'Deposited', data: { amount: -1 } }]),
    (e: unknown) => e instanceof EventSchemaError && e.code === ReadSideErrorCode.EventSchemaViolation && e.problems.length === 2,
  );
  assert.equal(await raw.streamExists('account-9'), false, 'nothing of the append was written');
  await store.appendToStream('account-9', [{ type: 'Deposited', data: { amount: 5, currency: 'EUR' } }], { schemaVersion: 2 });
  assert.equal(await raw.streamExists('account-9'), true);
});

test('snapshots: loads equal a full replay; a snapshot of another schema version is ignored', async () => {
  const raw = getTidelineInMemoryEventStore();
  const up = bankUpcasters();
  const store = withReadHooks(raw, { read: up.transform });
  for (let i = 0; i < 50; i++) {
    await raw.appendToStream('account-7', Array.from({ length: 20 }, (_, j) => ({ type: 'Deposited', data: { cents: i * 20 + j } })), { schemaVersion: 1 });
  }
  const evolve = (s: { total: number; n: number }, e: TidelineReadEvent<Deposited>): { total: number; n: number } => ({ total: s.total + e.data.amount, n: s.n + 1 });
  const full = await store.aggregateStream<{ total: number; n: number }, Deposited>('account-7', { initialState: () => ({ total: 0, n: 0 }), evolve });
  const snaps = new InMemorySnapshotStore();
  const loader = new SnapshotLoader({ store: snaps, read: storeTail<Deposited>(store), evolve, initialState: () => ({ total: 0, n: 0 }), versionOf: streamPositionOf, schemaVersion: 1, policy: SnapshotPolicies.everyNEvents(100) });
  const first = await loader.load('account-7');
  assert.deepEqual(first.state, full.state);
  assert.equal(first.fromSnapshot, false);
  assert.equal(first.snapshotTaken, true);
  await raw.appendToStream('account-7', [{ type: 'Deposited', data: { cents: 100 } }], { schemaVersion: 1 });
  const second = await loader.load('account-7');
  assert.equal(second.fromSnapshot, true);
  assert.equal(second.eventsApplied, 1, 'only the tail was read');
  const full2 = await store.aggregateStream<{ total: number; n: number }, Deposited>('account-7', { initialState: () => ({ total: 0, n: 0 }), evolve });
  assert.deepEqual(second.state, full2.state);
  assert.equal(second.version, 1001n);
  // A loader at state schema version 2 ignores the v1 snapshot and folds from the start.
  const v2 = new SnapshotLoader({ store: snaps, read: storeTail<Deposited>(store), evolve, initialState: () => ({ total: 0, n: 0 }), versionOf: streamPositionOf, schemaVersion: 2 });
  const third = await v2.load('account-7');
  assert.equal(third.snapshotStale, true);
  assert.equal(third.fromSnapshot, false);
  assert.equal(third.eventsApplied, 1001);
  assert.deepEqual(third.state, full2.state);
  // slowerThan: a load under the threshold leaves nothing.
  assert.equal(SnapshotPolicies.slowerThan(1e9)({ eventsApplied: 5, eventsSinceSnapshot: 5, loadMs: 3, version: 5n }), false);
  assert.equal(SnapshotPolicies.slowerThan(1)({ eventsApplied: 5, eventsSinceSnapshot: 5, loadMs: 3, version: 5n }), true);
});

type Registered = Event<'CustomerRegistered', { customerId: string; name: string; email: string; plan: string }>;

test('crypto-shredding: after forget no read path returns the personal fields', async () => {
  const keys = new InMemoryKeyStore();
  const pii = new PersonalDataCodec(keys).personal('CustomerRegistered', { subject: 'customerId', fields: ['name', 'email'] });
  const raw = getTidelineInMemoryEventStore({ partitions: 1 });
  const store = withReadHooks(raw, { read: composeTransforms(pii.transform), write: async (e) => ({ ...e, data: await pii.encrypt(e.type, e.data) }) });
  await store.appendToStream('customer-c1', [{ type: 'CustomerRegistered', data: { customerId: 'c1', name: 'Ada Lovelace', email: 'ada@example.com', plan: 'gold' } }]);
  await store.appendToStream('customer-c2', [{ type: 'CustomerRegistered', data: { customerId: 'c2', name: 'Alan Turing', email: 'alan@example.com', plan: 'basic' } }]);

  // What is stored: ciphertext only.
  const stored = await raw.readStream('customer-c1');
  assert.doesNotMatch(JSON.stringify(stored.events[0]!.data), /Ada|ada@example/);
  assert.equal((stored.events[0]!.data as Record<string, unknown>)['plan'], 'gold');
  // Read through the hooks: clear.
  const before = await store.readStream<Registered>('customer-c1');
  assert.equal(before.events[0]!.data.email, 'ada@example.com');

  // A snapshot with the personal fields sealed.
  const snaps = new InMemorySnapshotStore();
  const st = await store.aggregateStream<{ name: string; email: string }, Registered>('customer-c1', { initialState: () => ({ name: '', email: '' }), evolve: (_s: unknown, e: Registered) => ({ name: e.data.name, email: e.data.email }) });
  await snaps.save({ streamId: 'customer-c1', version: 1n, schemaVersion: 1, state: await pii.sealState(st.state, [{ path: 'name', subject: 'c1' }, { path: 'email', subject: 'c1' }]), takenAt: Date.now() });
  assert.doesNotMatch(JSON.stringify((await snaps.load('customer-c1'))!.state), /Ada|ada@/);

  await pii.forget('c1');

  const after = await store.readStream<Registered>('customer-c1');
  assert.deepEqual(after.events[0]!.data, { customerId: 'c1', name: REDACTED, email: REDACTED, plan: 'gold' });
  assert.equal((await store.readStream<Registered>('customer-c2')).events[0]!.data.name, 'Alan Turing', 'other subjects are untouched');
  assert.deepEqual(await pii.decrypt((await snaps.load('customer-c1'))!.state), { name: REDACTED, email: REDACTED });
  await assert.rejects(pii.encrypt('CustomerRegistered', { customerId: 'c1', name: 'again', email: 'x', plan: 'p' }), ReadSideError, 'a forgotten subject takes no new personal data');

  // A read model rebuilt after the forget holds the redacted marker.
  const db = new Database(':memory:');
  const rm = new SqliteReadModel(db, {
    name: 'customers',
    version: 2,
    tables: ['customers'],
    init: (d, t) => d.exec(`CREATE TABLE IF NOT EXISTS ${t.table('customers')} (id TEXT PRIMARY KEY, name TEXT, email TEXT, plan TEXT)`),
    apply: (d, e, t) => {
      const x = e.data as Registered['data'];
      d.prepare(`INSERT INTO ${t.table('customers')} VALUES (?, ?, ?, ?)`).run(x.customerId, x.name, x.email, x.plan);
    },
  });
  rm.init();
  const ac = new AbortController();
  await runProjection(store, rm, { source: 'customers.events', signal: ac.signal, onBatch: () => ac.abort() });
  assert.deepEqual(db.prepare('SELECT * FROM customers ORDER BY id').all(), [
    { id: 'c1', name: REDACTED, email: REDACTED, plan: 'gold' },
    { id: 'c2', name: 'Alan Turing', email: 'alan@example.com', plan: 'basic' },
  ]);
});

test('bad input on the read side: a failing handler rolls its batch back, a record that is not an event is a typed error', async () => {
  const db = new Database(':memory:');
  const rm = new SqliteReadModel(db, {
    name: 'strict',
    tables: ['totals'],
    init: (d, t) => d.exec(`CREATE TABLE IF NOT EXISTS ${t.table('totals')} (id TEXT PRIMARY KEY, n INTEGER NOT NULL)`),
    apply: (d, e, t) => {
      if ((e.data as { n: number }).n < 0) throw new Error('negative');
      d.prepare(`INSERT INTO ${t.table('totals')} (id, n) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET n = n + excluded.n`).run(e.metadata.streamName, (e.data as { n: number }).n);
    },
  });
  rm.init();
  const records = eventRecords([
    { streamName: 's-1', type: 'Added', data: { n: 1 } },
    { streamName: 's-1', type: 'Added', data: { n: 2 } },
    { streamName: 's-1', type: 'Added', data: { n: -1 } },
  ]);
  const decode = recordDecoder();
  const events = await Promise.all(records.map((r) => decode(r)));
  await rm.handle({ topic: 't', partition: 0, events: events.slice(0, 1), nextOffset: 1n });
  await assert.rejects(rm.handle({ topic: 't', partition: 0, events: events.slice(1), nextOffset: 3n }), (e: unknown) => e instanceof ReadSideError && e.code === ReadSideErrorCode.ProjectionFailed);
  assert.deepEqual(db.prepare('SELECT id, n FROM totals').all(), [{ id: 's-1', n: 1 }], 'the failed batch left nothing');
  assert.deepEqual(await rm.checkpoints('t'), new Map([[0, 1n]]), 'the checkpoint did not move');
  // A record without the format's headers.
  assert.throws(() => decode({ partition: 0, offset: 9n, timestamp: 0n, key: Buffer.from('k'), value: Buffer.from('{}'), headers: [] }), (e: unknown) => e instanceof ReadSideError && e.code === ReadSideErrorCode.MalformedEventRecord);
});

test('every read-side error code is documented in docs/eventsourcing.md, and nothing else is', () => {
  const doc = readFileSync(new URL('../../../../docs/eventsourcing.md', import.meta.url), 'utf8');
  const section = doc.slice(doc.indexOf('## Read-side errors'), doc.indexOf('\n## ', doc.indexOf('## Read-side errors') + 5));
  const documented = new Set([...section.matchAll(/`([A-Z_]{6,})`/g)].map((m) => m[1]!));
  assert.deepEqual([...documented].sort(), Object.values(ReadSideErrorCode).sort());
});
