// Watermark edges: exactly on the window boundary, out-of-orderness, an idle partition, all
// partitions idle, wall-clock advance, per-partition metrics, micro-batch mode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Serdes, StreamsBuilder, TimeWindows, TopologyTestDriver, WatermarkTracker, type TestDriverOptions, type Windowed } from '../src/index.js';

const S = Serdes.string();
const W = Serdes.windowedJson<string>();
const N = Serdes.number();

function hourly(opts: TestDriverOptions) {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().windowedBy(TimeWindows.tumbling(100)).count().to('out');
  const d = new TopologyTestDriver(b.build(), opts);
  return { d, input: d.createInputTopic('in', S, S), out: d.createOutputTopic<Windowed<string>, number>('out', W, N) };
}

test('a window closes exactly when the watermark equals its end; a record exactly on the watermark is on time', () => {
  const { d, input, out } = hourly({ maxOutOfOrdernessMs: 10 });
  input.pipe('a', 'x', 50);
  input.pipe('a', 'x', 109); // watermark 99: [0,100) still open
  assert.equal(d.watermark('in'), 99);
  assert.deepEqual(out.readRecords(), []);
  input.pipe('a', 'x', 99); // on time (99 >= watermark 99 and its window is open)
  input.pipe('a', 'x', 110); // watermark 100 == end of [0,100): closes
  assert.deepEqual(out.readKeyValues().map(([k, v]) => `${k.start}=${v}`), ['0=2']);
  input.pipe('a', 'x', 99); // its window is closed: late
  assert.equal(d.lateRecords().length, 1);
  input.pipe('a', 'x', 100); // exactly on the watermark, window [100,200) open: on time
  assert.equal(d.lateRecords().length, 1);
});

test('out-of-order records within maxOutOfOrderness are counted', () => {
  const { d, input, out } = hourly({ maxOutOfOrdernessMs: 50 });
  for (const ts of [10, 120, 90, 60, 140, 99]) input.pipe('a', 'x', ts);
  assert.deepEqual(out.readRecords(), []);
  input.pipe('a', 'x', 150); // watermark 100
  assert.deepEqual(out.readKeyValues().map(([k, v]) => `${k.start}=${v}`), ['0=4']);
  assert.equal(d.lateRecords().length, 0);
});

test('one task per input partition, each with its own watermark, visible as metrics', () => {
  const { d, input, out } = hourly({ partitions: { in: 2, out: 1 }, idleTimeoutMs: 1000 });
  input.pipe('a', 'x', 10, { partition: 0 });
  input.pipe('a', 'x', 250, { partition: 0 });
  assert.deepEqual(out.readKeyValues().map(([k, v]) => `${k.start}=${v}`), ['0=1']);
  assert.equal(d.metrics().length, 2, 'one task per input partition');
  const m = d.metrics().find((t) => t.taskId === '0_0')!;
  assert.deepEqual(m.partitions.map((p) => [p.topic, p.partition, p.maxEventTime, p.watermark]), [['in', 0, 250, 250]]);
});

function joined(opts: TestDriverOptions) {
  // Two topics in one sub-topology (a merge): the task reads partition 0 of both.
  const b = new StreamsBuilder();
  const x = b.stream('x', { keySerde: S, valueSerde: S });
  const y = b.stream('y', { keySerde: S, valueSerde: S });
  x.merge(y).groupByKey().windowedBy(TimeWindows.tumbling(100)).count().to('out');
  const d = new TopologyTestDriver(b.build(), opts);
  return { d, x: d.createInputTopic('x', S, S), y: d.createInputTopic('y', S, S), out: d.createOutputTopic<Windowed<string>, number>('out', W, N) };
}

test('a partition without data holds the watermark back until idleTimeout, then stops holding it', () => {
  const { d, x, out } = joined({ idleTimeoutMs: 5000 });
  x.pipe('a', 'v', 10);
  x.pipe('a', 'v', 300);
  assert.equal(d.watermark('x'), Number.NEGATIVE_INFINITY, 'y has no data: held back');
  assert.deepEqual(out.readRecords(), []);
  d.advanceWallClock(4999);
  assert.deepEqual(out.readRecords(), []);
  d.advanceWallClock(1);
  // y idle; x was also quiet for 5000 ms -> all idle: watermark = max = 300.
  assert.equal(d.watermark('x'), 300);
  assert.deepEqual(out.readKeyValues().map(([k, v]) => `${k.start}=${v}`), ['0=1']);
  const parts = d.metrics()[0]!.partitions;
  assert.deepEqual(parts.map((p) => [p.topic, p.idle]), [['x', true], ['y', true]]);
});

test('the slow partition holds the watermark (min over partitions) while both are active', () => {
  const { d, x, y, out } = joined({ idleTimeoutMs: 5000 });
  x.pipe('a', 'v', 10);
  y.pipe('b', 'v', 20);
  x.pipe('a', 'v', 500);
  assert.equal(d.watermark('x'), 20, 'min(500, 20)');
  assert.deepEqual(out.readRecords(), []);
  d.advanceWallClock(3000);
  x.pipe('a', 'v', 510); // x active, y quiet for 3000 < 5000
  assert.equal(d.watermark('x'), 20);
  d.advanceWallClock(2000); // y idle now (5000), x quiet 2000: only x counts
  assert.equal(d.watermark('x'), 510);
  assert.deepEqual(out.readKeyValues().map(([k, v]) => `${k.key}@${k.start}=${v}`), ['a@0=1', 'b@0=1']);
  y.pipe('b', 'v', 600); // y is back: it counts again (the watermark never goes back)
  assert.equal(d.watermark('x'), 510);
});

test('wall-clock advance closes windows when no data arrives', () => {
  const { d, input, out } = hourly({ wallClockAdvanceMs: 1000 });
  input.pipe('a', 'x', 30);
  d.advanceWallClock(1000);
  assert.deepEqual(out.readRecords(), []);
  d.advanceWallClock(69); // 69 ms beyond the quiet period: watermark 30 + 69 = 99
  assert.deepEqual(out.readRecords(), []);
  d.advanceWallClock(1); // 100
  assert.deepEqual(out.readKeyValues().map(([k, v]) => `${k.start}=${v}`), ['0=1']);
  input.pipe('a', 'x', 50);
  assert.equal(d.lateRecords().length, 1, 'a record behind the advanced watermark is late');
});

test('micro-batch mode: records wait for the trigger; the watermark moves once per batch', () => {
  const { d, input, out } = hourly({ mode: { type: 'micro-batch', triggerMs: 100 } });
  input.pipe('a', 'x', 10);
  input.pipe('a', 'x', 150);
  input.pipe('a', 'x', 20); // per-event this would be late; in the batch the watermark has not moved yet
  assert.deepEqual(out.readRecords(), []);
  d.advanceWallClock(100);
  assert.deepEqual(out.readKeyValues().map(([k, v]) => `${k.start}=${v}`), ['0=2']);
  assert.equal(d.lateRecords().length, 0);
  input.pipe('a', 'x', 30);
  d.advanceWallClock(100);
  assert.equal(d.lateRecords().length, 1);
});

test('WatermarkTracker: -Infinity before data, monotonic, restore from max event time', () => {
  const t = new WatermarkTracker([{ topic: 't', partition: 0 }], { maxOutOfOrdernessMs: 5 }, 0);
  assert.equal(t.update(0), Number.NEGATIVE_INFINITY);
  t.observe('t', 0, 100, 1);
  assert.equal(t.update(1), 95);
  t.observe('t', 0, 50, 2);
  assert.equal(t.update(2), 95);
  const r = new WatermarkTracker([{ topic: 't', partition: 0 }], { maxOutOfOrdernessMs: 5 }, 0);
  r.restore('t', 0, 100);
  assert.equal(r.update(0), 95);
});
