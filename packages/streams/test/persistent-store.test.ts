// Persistent (SQLite) state stores through the TopologyTestDriver: the same results and the same
// changelog as the in-memory stores for key-value, window and session aggregations and tables;
// TTL; files under stateDir with the checkpoint; state larger than the read cache.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { join } from 'node:path';
import { test } from 'node:test';
import { PersistentKeyValueStore, PersistentWindowStore, Serdes, SessionWindows, Stores, StreamsBuilder, TimeWindows, TopologyTestDriver, changelogTopic } from '../src/index.js';

const S = Serdes.string();
const N = Serdes.number();

type Build = (b: StreamsBuilder, persistent: boolean) => void;

/** Runs the same input through the in-memory and the persistent variant; returns both drivers' output and changelog. */
function both(build: Build, feed: (d: TopologyTestDriver) => void, store: string): Array<{ out: Array<[unknown, unknown]>; log: Array<[string, string | null]>; d: TopologyTestDriver }> {
  return [false, true].map((persistent) => {
    const b = new StreamsBuilder();
    build(b, persistent);
    const d = new TopologyTestDriver(b.build(), { applicationId: 'app' });
    feed(d);
    const out = d.rawRecords('out').map((r): [unknown, unknown] => [r.key?.toString(), r.value?.toString()]);
    const log = d.rawRecords(changelogTopic('app', store)).map((r): [string, string | null] => [r.key!.toString('hex'), r.value === null ? null : r.value.toString('hex')]);
    return { out, log, d };
  });
}

test('persistent key-value aggregation: same output, changelog and store contents as in memory', () => {
  const [mem, disk] = both(
    (b, persistent) => b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().count({ name: 'c', persistent }).toStream().to('out'),
    (d) => {
      const input = d.createInputTopic('in', S, S);
      for (let i = 0; i < 500; i++) input.pipe(`k${i % 37}`, 'x', i);
    },
    'c-store',
  );
  assert.deepEqual(disk!.out, mem!.out);
  assert.deepEqual(disk!.log, mem!.log);
  const ms = mem!.d.keyValueStore<string, number>('c-store');
  const ds = disk!.d.keyValueStore<string, number>('c-store');
  assert.ok(ds instanceof PersistentKeyValueStore);
  assert.deepEqual(ds.entries().sort(), ms.entries().sort());
  assert.equal(ds.size, 37);
});

test('persistent window and session stores: same output and changelog as in memory (windows close from the end index)', () => {
  for (const windows of [TimeWindows.tumbling(10), TimeWindows.hopping(20, 5).grace(5), SessionWindows.withGap(10)]) {
    const [mem, disk] = both(
      (b, persistent) => b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().windowedBy(windows).count({ name: 'w', persistent }).to('out'),
      (d) => {
        const input = d.createInputTopic('in', S, S);
        let t = 0;
        for (let i = 0; i < 400; i++) {
          t += (i * 7) % 13;
          input.pipe(`k${i % 5}`, 'x', t);
        }
      },
      'w-store',
    );
    assert.ok(mem!.out.length > 10);
    // Windows closing at the same watermark may come in another key order (both are per-key ordered).
    const sorted = <T>(a: T[]): T[] => a.map((x) => JSON.stringify(x)).sort().map((x) => JSON.parse(x) as T);
    assert.deepEqual(sorted(disk!.out), sorted(mem!.out), windows.kind);
    assert.deepEqual(sorted(disk!.log), sorted(mem!.log), windows.kind);
    assert.ok(disk!.d.windowStore('w-store') instanceof PersistentWindowStore);
    assert.deepEqual(disk!.d.windowStore('w-store').entries().sort((a, b) => a.start - b.start || String(a.key).localeCompare(String(b.key))), mem!.d.windowStore('w-store').entries().sort((a, b) => a.start - b.start || String(a.key).localeCompare(String(b.key))));
  }
});

test('persistent table and TTL: entries expire after ttlMs (lazily on read and on ticks), logged as tombstones', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().count({ name: 'ttl', ttlMs: 1000, persistent: true }).toStream().to('out');
  b.table('t', { keySerde: S, valueSerde: S, storeName: 'tab', persistent: true });
  const d = new TopologyTestDriver(b.build(), { applicationId: 'app' });
  const input = d.createInputTopic('in', S, S);
  input.pipe('a', 'x', 1);
  d.advanceWallClock(600);
  input.pipe('b', 'x', 2);
  d.advanceWallClock(400);
  assert.deepEqual(d.keyValueStore<string, number>('ttl-store').entries(), [['b', 1]]);
  input.pipe('a', 'x', 3);
  assert.deepEqual(d.createOutputTopic('out', S, N).readKeyValues(), [['a', 1], ['b', 1], ['a', 1]]);
  assert.deepEqual(d.rawRecords(changelogTopic('app', 'ttl-store')).filter((r) => r.value === null).map((r) => r.key!.toString()), ['a']);
  const t = d.createInputTopic('t', S, S);
  t.pipe('x', '1', 1);
  t.pipe('y', '2', 1);
  t.pipe('x', null as unknown as string, 2);
  assert.deepEqual(d.keyValueStore<string, string>('tab').entries(), [['y', '2']]);
  // Lazy expiry on get.
  const kv = new PersistentKeyValueStore('x', S, N, { path: ':memory:', ttlMs: 10 });
  let now = 0;
  kv.attach(() => undefined, () => now);
  kv.put('k', 1);
  now = 9;
  assert.equal(kv.get('k'), 1);
  now = 10;
  assert.equal(kv.get('k'), undefined);
  kv.close();
});

test('files live at <stateDir>/<applicationId>/<taskId>/<store>.db; the checkpoint and the data survive a reopen; state larger than the cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-pstore-'));
  try {
    const b = new StreamsBuilder();
    b.addStateStore(Stores.keyValue('side', S, N, { persistent: true }));
    b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().count({ name: 'c', persistent: true }).toStream().to('out');
    const d = new TopologyTestDriver(b.build(), { applicationId: 'app', stateDir: dir });
    d.createInputTopic('in', S, S).pipe('a', 'x', 1);
    assert.ok(existsSync(join(dir, 'app', '0_0', 'c-store.db')));
    const path = join(dir, 'app', 'x_0', 'big.db');
    const log: Array<[Buffer, Buffer | null]> = [];
    const s = new PersistentKeyValueStore('big', S, N, { path, cacheEntries: 1000 });
    s.attach((_n, k, v) => log.push([k, v]), () => 0);
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      s.put(`k${i}`, i);
      if (i % 5000 === 4999) s.flush();
    }
    for (let i = 0; i < n; i += 2) s.put(`k${i}`, (s.get(`k${i}`) ?? 0) + 1);
    s.delete('k1');
    assert.equal(s.get('k0'), 1);
    assert.equal(s.get('k1'), undefined);
    s.flush();
    assert.equal(log.length, n + n / 2 + 1);
    assert.equal(s.size, n - 1);
    s.writeCheckpoint(123n);
    s.close();
    assert.ok(existsSync(path));
    const again = new PersistentKeyValueStore('big', S, N, { path, cacheEntries: 1000 });
    assert.equal(again.checkpoint(), 123n);
    assert.equal(again.size, n - 1);
    assert.equal(again.get('k4'), 5);
    assert.equal(again.get('k7'), 7);
    again.wipe();
    assert.equal(again.checkpoint(), null);
    assert.equal(again.size, 0);
    // A full restore from the changelog rebuilds the same contents.
    for (const [k, v] of log) again.restore(k, v, 0);
    assert.equal(again.size, n - 1);
    assert.equal(again.get('k4'), 5);
    again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('state larger than the cache: 200,000 keys keep only the cache in memory (heap bounded after GC)', () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-pstore-big-'));
  try {
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    const s = new PersistentKeyValueStore('big', S, N, { path: join(dir, 'big.db'), cacheEntries: 5000 });
    let records = 0;
    s.attach(() => records++, () => 0);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      s.put(`key-${i}`, i);
      if (i % 10_000 === 9999) s.flush(); // as commits do
    }
    for (let i = 0; i < 20_000; i++) {
      const k = `key-${(i * 7919) % n}`;
      s.put(k, (s.get(k) ?? 0) + 1);
    }
    s.flush();
    assert.equal(records, n + 20_000);
    assert.equal(s.size, n);
    assert.equal(s.get('key-7919'), 7920);
    gc();
    const heap = (process.memoryUsage().heapUsed - heap0) / 1e6;
    const rss = (process.memoryUsage().rss - rss0) / 1e6;
    // In memory, the same 200,000 entries retain about 40 MB of heap.
    assert.ok(heap < 15, `heap retained ${heap.toFixed(1)} MB`);
    assert.ok(rss < 250, `rss grew ${rss.toFixed(1)} MB`);
    s.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
