// Joins: stream-stream (windowed), stream-table (inner and left), table-table; co-partitioning.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JoinWindows, Serdes, StreamsBuilder, StreamsError, TopologyTestDriver } from '../src/index.js';

const S = Serdes.string();

test('stream-stream join matches records within the join window, both orders, and routes late records', () => {
  const b = new StreamsBuilder();
  const clicks = b.stream('clicks', { keySerde: S, valueSerde: S });
  const views = b.stream('views', { keySerde: S, valueSerde: S });
  clicks.join(views, (c, v) => `${c}+${v}`, JoinWindows.of(10), { name: 'cv' }).to('joined', { valueSerde: S });
  const d = new TopologyTestDriver(b.build());
  const c = d.createInputTopic('clicks', S, S);
  const v = d.createInputTopic('views', S, S);
  const out = d.createOutputTopic('joined', S, S);
  c.pipe('u1', 'c1', 100);
  v.pipe('u1', 'v1', 105); // within 10
  v.pipe('u1', 'v2', 111); // 11 from c1: no
  v.pipe('u2', 'v3', 100); // other key
  c.pipe('u1', 'c2', 115); // joins v1 (10) and v2 (4)
  assert.deepEqual(out.readRecords().map((r) => `${r.key}:${r.value}@${r.timestamp}`), ['u1:c1+v1@105', 'u1:c2+v1@115', 'u1:c2+v2@115']);
  // Watermark is min over both topics: 111 (views) -> a click at 90 is late (90 + 10 <= 111).
  c.pipe('u1', 'c-late', 90);
  assert.equal(d.lateRecords().length, 1);
  assert.equal(d.lateRecords()[0]!.headerMap['tide.dlq.late.window.end.ms'], '100');
});

test('stream-table join (inner and left) uses the table value current at the time of the record', () => {
  const b = new StreamsBuilder();
  const users = b.table('users', { keySerde: S, valueSerde: S });
  const orders = b.stream('orders', { keySerde: S, valueSerde: S });
  orders.join(users, (o, u) => `${o} by ${u}`).to('inner', { valueSerde: S });
  orders.leftJoin(users, (o, u) => `${o} by ${u ?? '?'}`).to('left', { valueSerde: S });
  const d = new TopologyTestDriver(b.build());
  const u = d.createInputTopic('users', S, S);
  const o = d.createInputTopic('orders', S, S);
  o.pipe('1', 'o1', 1);
  u.pipe('1', 'alice', 2);
  o.pipe('1', 'o2', 3);
  u.pipe('1', 'alicia', 4);
  o.pipe('1', 'o3', 5);
  d.createInputTopic('users', S, Serdes.bytes()).pipe('1', null as unknown as Buffer, 6); // tombstone
  o.pipe('1', 'o4', 7);
  assert.deepEqual(d.createOutputTopic('inner', S, S).readKeyValues().map(([, v]) => v), ['o2 by alice', 'o3 by alicia']);
  assert.deepEqual(d.createOutputTopic('left', S, S).readKeyValues().map(([, v]) => v), ['o1 by ?', 'o2 by alice', 'o3 by alicia', 'o4 by ?']);
});

test('table-table join emits on updates of either side', () => {
  const b = new StreamsBuilder();
  const names = b.table('names', { keySerde: S, valueSerde: S });
  const emails = b.table('emails', { keySerde: S, valueSerde: S });
  names.join(emails, (n, e) => `${n} <${e}>`).to('inner', { valueSerde: S });
  names.leftJoin(emails, (n, e) => `${n} <${e ?? '-'}>`).to('left', { valueSerde: S });
  const d = new TopologyTestDriver(b.build());
  d.createInputTopic('names', S, S).pipe('1', 'Ann', 1);
  d.createInputTopic('emails', S, S).pipe('1', 'ann@x', 2);
  d.createInputTopic('names', S, S).pipe('1', 'Anne', 3);
  d.createInputTopic('emails', S, S).pipe('2', 'bob@x', 4);
  assert.deepEqual(d.createOutputTopic('inner', S, S).readKeyValues(), [['1', 'Ann <ann@x>'], ['1', 'Anne <ann@x>']]);
  assert.deepEqual(d.createOutputTopic('left', S, S).readKeyValues(), [['1', 'Ann <->'], ['1', 'Ann <ann@x>'], ['1', 'Anne <ann@x>']]);
});

test('joined topics must be co-partitioned', () => {
  const b = new StreamsBuilder();
  b.stream('a', { keySerde: S, valueSerde: S }).join(b.table('t', { keySerde: S, valueSerde: S }), (x, y) => x + y).to('o', { valueSerde: S });
  assert.throws(() => new TopologyTestDriver(b.build(), { partitions: { a: 3, t: 2 } }), (e: unknown) => e instanceof StreamsError && e.code === 'COPARTITIONING');
  assert.doesNotThrow(() => new TopologyTestDriver(b.build(), { partitions: { a: 3, t: 3 } }));
});

test('a re-keyed stream is repartitioned before a join', () => {
  const b = new StreamsBuilder();
  const users = b.table('users', { keySerde: S, valueSerde: S });
  b.stream('orders', { keySerde: S, valueSerde: Serdes.json<{ user: string; item: string }>() })
    .selectKey((_k, v) => v.user, S)
    .join(users, (o, u) => `${u} bought ${o.item}`)
    .to('out', { valueSerde: S });
  const topology = b.build();
  assert.equal(topology.subtopologies().length, 2);
  const d = new TopologyTestDriver(topology, { partitions: { orders: 2, users: 2, out: 1 } });
  const users2 = d.createInputTopic('users', S, S);
  users2.pipe('alice', 'Alice', 1);
  users2.pipe('bob', 'Bob', 1);
  const o = d.createInputTopic('orders', S, Serdes.json<{ user: string; item: string }>());
  o.pipe('o1', { user: 'bob', item: 'pen' }, 2, { partition: 0 });
  o.pipe('o2', { user: 'alice', item: 'cup' }, 3, { partition: 1 });
  assert.deepEqual(d.createOutputTopic('out', S, S).readKeyValues().sort(), [['alice', 'Alice bought cup'], ['bob', 'Bob bought pen']]);
});

test('stream-stream left join: unmatched left records come out with null once nothing can match them', () => {
  const b = new StreamsBuilder();
  const orders = b.stream('orders', { keySerde: S, valueSerde: S });
  const payments = b.stream('payments', { keySerde: S, valueSerde: S });
  orders.leftJoin(payments, (o, p) => `${o}:${p ?? 'unpaid'}`, JoinWindows.of(10)).to('out', { valueSerde: S });
  const d = new TopologyTestDriver(b.build());
  const o = d.createInputTopic('orders', S, S);
  const p = d.createInputTopic('payments', S, S);
  const out = d.createOutputTopic('out', S, S);
  o.pipe('a', 'o1', 100);
  o.pipe('b', 'o2', 100);
  p.pipe('a', 'p1', 105);
  assert.deepEqual(out.readKeyValues(), [['a', 'o1:p1']]);
  o.pipe('x', 'tick', 119);
  p.pipe('x', 'tick', 119); // watermark 119 < 100 + 2·10: b could still be paid
  assert.deepEqual(out.readKeyValues(), [['x', 'tick:tick']]);
  o.pipe('x', 'tick', 120);
  p.pipe('x', 'tick2', 120); // watermark 120: o2 can no longer match
  assert.deepEqual(out.readKeyValues().filter(([k]) => k !== 'x'), [['b', 'o2:unpaid']]);
});

test('table deletions: a source tombstone leaves derived tables and removes joined results', () => {
  const b = new StreamsBuilder();
  const names = b.table('names', { keySerde: S, valueSerde: S });
  const emails = b.table('emails', { keySerde: S, valueSerde: S });
  names.mapValues((n) => n.toUpperCase(), { valueSerde: S, name: 'upper' });
  names.join(emails, (n, e) => `${n} <${e}>`).to('inner', { valueSerde: S });
  names.leftJoin(emails, (n, e) => `${n} <${e ?? '-'}>`).to('left', { valueSerde: S });
  const d = new TopologyTestDriver(b.build());
  const n = d.createInputTopic('names', S, S);
  const e = d.createInputTopic('emails', S, S);
  n.pipe('1', 'ann', 1);
  e.pipe('1', 'ann@x', 2);
  e.pipe('1', null as unknown as string, 3); // the email is deleted
  n.pipe('1', null as unknown as string, 4); // then the name
  n.pipe('2', null as unknown as string, 5); // a tombstone for a key never seen: nothing
  const raw = (topic: string) => d.rawRecords(topic).map((r) => [r.key!.toString(), r.value === null ? null : r.value.toString()]);
  assert.deepEqual(raw('inner'), [['1', 'ann <ann@x>'], ['1', null]]);
  assert.deepEqual(raw('left'), [['1', 'ann <->'], ['1', 'ann <ann@x>'], ['1', 'ann <->'], ['1', null]]);
  assert.deepEqual(d.keyValueStore<string, string>('upper-store').entries(), [], 'the derived table lost the key too');
});

test('derived tables: filter and mapValues are materialized and join like any table', () => {
  const b = new StreamsBuilder();
  const prices = b.table('prices', { keySerde: S, valueSerde: Serdes.number() });
  const cheap = prices.filter((_k, p) => p < 10).mapValues((p) => `$${p}`, { valueSerde: S, name: 'cheap-labels' });
  b.stream('views', { keySerde: S, valueSerde: S }).join(cheap, (v, label) => `${v} ${label}`).to('out', { valueSerde: S });
  const d = new TopologyTestDriver(b.build());
  const p = d.createInputTopic('prices', S, Serdes.number());
  const v = d.createInputTopic('views', S, S);
  p.pipe('pen', 2, 1);
  p.pipe('lamp', 30, 2);
  v.pipe('pen', 'view', 3);
  v.pipe('lamp', 'view', 4);
  p.pipe('pen', 12, 5); // no longer cheap: leaves the derived table
  v.pipe('pen', 'view', 6);
  assert.deepEqual(d.createOutputTopic('out', S, S).readKeyValues(), [['pen', 'view $2']]);
  assert.deepEqual(d.keyValueStore<string, string>('cheap-labels-store').entries(), []);
});
