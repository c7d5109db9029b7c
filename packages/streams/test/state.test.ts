// State: changelog records for every change, restore from them, TTL (logged as tombstones), and
// the processor API with keyed state and event-time / wall-clock timers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InMemoryKeyValueStore, InMemoryWindowStore, Serdes, Stores, StreamsBuilder, TimeWindows, TopologyTestDriver, changelogTopic, type KeyValueStore, type ProcessorContext } from '../src/index.js';

const S = Serdes.string();
const N = Serdes.number();

test('aggregations write a compacted changelog that restores an equal store', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().count({ name: 'totals' }).toStream().to('out');
  const d = new TopologyTestDriver(b.build(), { applicationId: 'app' });
  const input = d.createInputTopic('in', S, S);
  for (const k of ['a', 'b', 'a', 'c', 'a']) input.pipe(k, 'x', 1);
  assert.deepEqual(d.createOutputTopic('out', S, N).readKeyValues(), [['a', 1], ['b', 1], ['a', 2], ['c', 1], ['a', 3]]);
  const log = d.rawRecords(changelogTopic('app', 'totals-store'));
  assert.equal(log.length, 5);
  const restored = new InMemoryKeyValueStore('totals-store', S, N);
  for (const r of log) restored.restore(r.key!, r.value, r.timestamp);
  assert.deepEqual(restored.entries().sort(), [['a', 3], ['b', 1], ['c', 1]]);
  assert.deepEqual(d.keyValueStore<string, number>('totals-store').entries().sort(), restored.entries().sort());
});

test('window store changelog keys carry the window; closed windows are deleted with tombstones', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().windowedBy(TimeWindows.tumbling(10)).count({ name: 'w' }).to('out');
  const d = new TopologyTestDriver(b.build(), { applicationId: 'app' });
  const input = d.createInputTopic('in', S, S);
  input.pipe('a', 'x', 3);
  input.pipe('a', 'x', 12);
  const log = d.rawRecords(changelogTopic('app', 'w-store'));
  const restored = new InMemoryWindowStore('w-store', S, N);
  for (const r of log) restored.restore(r.key!, r.value, r.timestamp);
  assert.deepEqual(restored.entries(), [{ key: 'a', start: 10, end: 20, value: 1 }]);
  assert.equal(log.filter((r) => r.value === null).length, 1, 'the closed window [0,10) was deleted');
});

test('state TTL: entries not updated for ttlMs of wall-clock time expire (and the changelog says so)', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().count({ name: 'ttl', ttlMs: 1000 }).toStream().to('out');
  const d = new TopologyTestDriver(b.build(), { applicationId: 'app' });
  const input = d.createInputTopic('in', S, S);
  input.pipe('a', 'x', 1);
  d.advanceWallClock(600);
  input.pipe('b', 'x', 2);
  d.advanceWallClock(400); // a is 1000 ms old: expired; b 400 ms
  const store = d.keyValueStore<string, number>('ttl-store');
  assert.deepEqual(store.entries(), [['b', 1]]);
  input.pipe('a', 'x', 3);
  assert.deepEqual(d.createOutputTopic('out', S, N).readKeyValues(), [['a', 1], ['b', 1], ['a', 1]], 'a counts from zero again');
  const tombstones = d.rawRecords(changelogTopic('app', 'ttl-store')).filter((r) => r.value === null);
  assert.deepEqual(tombstones.map((r) => r.key!.toString()), ['a']);
  // Reads expire lazily too.
  const kv = new InMemoryKeyValueStore('x', S, N, { ttlMs: 10 });
  let now = 0;
  kv.attach(() => undefined, () => now);
  kv.put('k', 1);
  now = 9;
  assert.equal(kv.get('k'), 1);
  now = 10;
  assert.equal(kv.get('k'), undefined);
});

test('processor API: keyed state and event-time and wall-clock timers', () => {
  const b = new StreamsBuilder();
  b.addStateStore(Stores.keyValue('last-seen', S, N));
  // Emits "<key> quiet" 100 ms of event time after a key's last event, and a wall-clock heartbeat.
  b.stream('in', { keySerde: S, valueSerde: S })
    .process<string, string>(() => {
      let ctx!: ProcessorContext<string, string, string>;
      let store!: KeyValueStore<string, number>;
      return {
        init(c) {
          ctx = c;
          store = c.keyValueStore<string, number>('last-seen');
          ctx.registerTimer('wall', 5000, 'heartbeat');
        },
        process(r) {
          const prev = store.get(r.key);
          if (prev !== undefined) ctx.cancelTimer('event', prev + 100, r.key);
          store.put(r.key, r.timestamp);
          ctx.registerTimer('event', r.timestamp + 100, r.key);
        },
        onTimer(t) {
          if (t.kind === 'wall') ctx.forward({ key: t.key, value: `wall@${ctx.wallClock()}`, timestamp: t.time, headers: [] });
          else ctx.forward({ key: t.key, value: `quiet since ${store.get(t.key)}`, timestamp: t.time, headers: [] });
        },
      };
    }, ['last-seen'], { keySerde: S, valueSerde: S })
    .to('out');
  const d = new TopologyTestDriver(b.build());
  const input = d.createInputTopic('in', S, S);
  const out = d.createOutputTopic('out', S, S);
  input.pipe('a', 'x', 0);
  input.pipe('b', 'x', 50);
  input.pipe('a', 'x', 80); // moves a's timer to 180
  input.pipe('c', 'x', 160); // watermark 160: b (150) fires
  assert.deepEqual(out.readKeyValues(), [['b', 'quiet since 50']]);
  input.pipe('c', 'x', 300);
  assert.deepEqual(out.readKeyValues(), [['a', 'quiet since 80']], "c's timer moved to 400");
  d.advanceWallClock(5000);
  assert.deepEqual(out.readKeyValues(), [['heartbeat', 'wall@5000']]);
});
