// Window types through the test driver: tumbling, hopping, session (gap, max duration), grace,
// emit on close vs on every update.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Serdes, SessionWindows, StreamsBuilder, TimeWindows, TopologyTestDriver, type Windowed, type EmitMode } from '../src/index.js';

const S = Serdes.string();
const W = Serdes.windowedJson<string>();
const N = Serdes.number();

function counting(windows: TimeWindows | SessionWindows, emit: EmitMode = 'final', ooo = 0) {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().windowedBy(windows).count({ emit, name: 'counts' }).to('out');
  const d = new TopologyTestDriver(b.build(), { maxOutOfOrdernessMs: ooo });
  return { d, input: d.createInputTopic('in', S, S), out: d.createOutputTopic<Windowed<string>, number>('out', W, N) };
}

const fmt = (rs: Array<{ key: Windowed<string>; value: number }>): string[] => rs.map((r) => `${r.key.key}[${r.key.start},${r.key.end})=${r.value}`);

test('tumbling windows emit one final count per window when the watermark passes the end', () => {
  const { d, input, out } = counting(TimeWindows.tumbling(10));
  input.pipe('a', 'x', 1);
  input.pipe('a', 'x', 5);
  input.pipe('b', 'x', 9);
  assert.deepEqual(out.readRecords(), [], 'nothing before the window closes');
  input.pipe('a', 'x', 10); // watermark 10 = end of [0,10)
  assert.deepEqual(fmt(out.readRecords()), ['a[0,10)=2', 'b[0,10)=1']);
  input.pipe('a', 'x', 25);
  assert.deepEqual(fmt(out.readRecords()), ['a[10,20)=1']);
  assert.equal(d.windowStore('counts-store').size, 1, 'closed windows leave the store');
});

test('hopping windows: a record counts in size/advance windows', () => {
  const { input, out } = counting(TimeWindows.hopping(10, 5));
  input.pipe('a', 'x', 7); // windows [0,10) and [5,15)
  input.pipe('a', 'x', 12); // [5,15) and [10,20)
  input.pipe('a', 'x', 100);
  assert.deepEqual(fmt(out.readRecords()), ['a[0,10)=1', 'a[5,15)=2', 'a[10,20)=1']);
});

test('emit on update sends every change; emit final only the result', () => {
  const { input, out } = counting(TimeWindows.tumbling(10), 'update');
  input.pipe('a', 'x', 1);
  input.pipe('a', 'x', 2);
  input.pipe('a', 'x', 30);
  assert.deepEqual(fmt(out.readRecords()), ['a[0,10)=1', 'a[0,10)=2', 'a[30,40)=1']);
});

test('grace keeps a window open after its end', () => {
  const { d, input, out } = counting(TimeWindows.tumbling(10).grace(5));
  input.pipe('a', 'x', 1);
  input.pipe('a', 'x', 12); // watermark 12 < 10 + 5
  input.pipe('a', 'x', 3); // still accepted
  assert.deepEqual(out.readRecords(), []);
  input.pipe('a', 'x', 15); // watermark 15 closes [0,10)
  assert.deepEqual(fmt(out.readRecords()), ['a[0,10)=2']);
  input.pipe('a', 'x', 4); // late now
  assert.equal(d.lateRecords().length, 1);
});

test('session windows merge events within the gap and close after gap of event time', () => {
  const { input, out } = counting(SessionWindows.withGap(10));
  input.pipe('u', 'x', 0);
  input.pipe('u', 'x', 8);
  input.pipe('u', 'x', 15); // same session [0,15]
  input.pipe('v', 'x', 16);
  input.pipe('u', 'x', 40); // watermark 40 >= 15 + 10 closes u's session; v's [16,16] closes at 26
  assert.deepEqual(fmt(out.readRecords()), ['u[0,15)=3', 'v[16,16)=1']);
  input.pipe('u', 'x', 1000);
  assert.deepEqual(fmt(out.readRecords()), ['u[40,40)=1']);
});

test('session windows: an out-of-order event bridges two sessions into one', () => {
  const { input, out } = counting(SessionWindows.withGap(10), 'final', 100);
  input.pipe('u', 'x', 0);
  input.pipe('u', 'x', 18);
  input.pipe('u', 'x', 9); // within 10 of both: one session [0,18]
  input.pipe('u', 'x', 200); // watermark 100
  assert.deepEqual(fmt(out.readRecords()), ['u[0,18)=3']);
});

test('session windows: the maximum duration force-closes a long session and starts a new one', () => {
  const { input, out } = counting(SessionWindows.withGap(10).maxDuration(20));
  for (const ts of [0, 5, 10, 15, 20, 25, 30]) input.pipe('u', 'x', ts);
  // [0,20] reached 20 ms; 25 starts a new session; the watermark (30) passes 0 + 20 and closes the first.
  assert.deepEqual(fmt(out.readRecords()), ['u[0,20)=5']);
  input.pipe('u', 'x', 100);
  assert.deepEqual(fmt(out.readRecords()), ['u[25,30)=2']);
});

test('aggregate and reduce in windows', () => {
  const b = new StreamsBuilder();
  const g = b.stream('in', { keySerde: S, valueSerde: N }).groupByKey().windowedBy(TimeWindows.tumbling(10));
  g.aggregate(() => [] as number[], (_k, v, a) => [...a, v], { valueSerde: Serdes.json<number[]>(), name: 'lists' }).to('lists');
  g.reduce((a, x) => Math.max(a, x), { name: 'max' }).to('max');
  const d = new TopologyTestDriver(b.build());
  const input = d.createInputTopic('in', S, N);
  input.pipe('k', 3, 1);
  input.pipe('k', 9, 2);
  input.pipe('k', 4, 3);
  input.pipe('k', 0, 10);
  assert.deepEqual(d.createOutputTopic('lists', W, Serdes.json<number[]>()).readKeyValues().map(([, v]) => v), [[3, 9, 4]]);
  assert.deepEqual(d.createOutputTopic('max', W, N).readKeyValues().map(([, v]) => v), [9]);
});
