// Late data: to the DLQ topic by default (original record kept, the dlq envelope headers added),
// or dropped (counted), or handed to a callback.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reaggregate, DLQ_ERROR_CLASS, DLQ_ERROR_NAME, DLQ_LATE_BY_MS, DLQ_LATE_WATERMARK_MS, DLQ_LATE_WINDOW_END_MS, DLQ_LATE_WINDOW_START_MS, DLQ_ORIGINAL_OFFSET, DLQ_ORIGINAL_PARTITION, DLQ_ORIGINAL_TIMESTAMP, DLQ_ORIGINAL_TOPIC, Serdes, StreamsBuilder, TimeWindows, TopologyTestDriver, type LateRecord, type TestDriverOptions } from '../src/index.js';

const S = Serdes.string();

function clicks(opts: TestDriverOptions) {
  const b = new StreamsBuilder();
  b.stream('clicks', { keySerde: S, valueSerde: Serdes.json<{ page: string; ts: number }>(), timestampExtractor: (r) => r.value.ts })
    .groupByKey()
    .windowedBy(TimeWindows.tumbling(1000).grace(100))
    .count({ name: 'hourly' })
    .to('counts');
  const d = new TopologyTestDriver(b.build(), { applicationId: 'pv', maxOutOfOrdernessMs: 200, ...opts });
  return { d, input: d.createInputTopic('clicks', S, Serdes.json<{ page: string; ts: number }>()) };
}

test('a late record goes to <app>-late with the original key, value, headers, timestamp and why', () => {
  const { d, input } = clicks({});
  input.pipe('home', { page: 'home', ts: 500 }, 500);
  input.pipe('home', { page: 'home', ts: 1400 }, 1400); // watermark 1200 >= 1000 + 100: [0,1000) closed
  input.pipe('home', { page: 'home', ts: 999 }, 7, { headers: [{ key: 'trace', value: Buffer.from('t-1') }] });
  const late = d.lateRecords();
  assert.equal(late.length, 1);
  const r = late[0]!;
  assert.equal(r.topic, 'pv-late');
  assert.equal(r.key!.toString(), 'home');
  assert.deepEqual(JSON.parse(r.value!.toString()), { page: 'home', ts: 999 });
  assert.equal(r.timestamp, 7, 'the original record timestamp');
  assert.equal(r.headerMap.trace, 't-1');
  assert.equal(r.headerMap[DLQ_ORIGINAL_TOPIC], 'clicks');
  assert.equal(r.headerMap[DLQ_ORIGINAL_PARTITION], '0');
  assert.equal(r.headerMap[DLQ_ORIGINAL_OFFSET], '2');
  assert.equal(r.headerMap[DLQ_ORIGINAL_TIMESTAMP], '7');
  assert.equal(r.headerMap[DLQ_ERROR_CLASS], 'late');
  assert.equal(r.headerMap[DLQ_ERROR_NAME], 'LateRecord');
  assert.equal(r.headerMap[DLQ_LATE_WATERMARK_MS], '1200');
  assert.equal(r.headerMap[DLQ_LATE_WINDOW_START_MS], '0');
  assert.equal(r.headerMap[DLQ_LATE_WINDOW_END_MS], '1000');
  assert.equal(r.headerMap[DLQ_LATE_BY_MS], '201');
  assert.equal(d.metrics()[0]!.lateRecords, 1);
});

test("lateData: 'drop' counts and drops; a callback receives the record", () => {
  const dropped = clicks({ lateData: 'drop' });
  dropped.input.pipe('k', { page: 'k', ts: 1500 }, 0);
  dropped.input.pipe('k', { page: 'k', ts: 10 }, 0);
  assert.equal(dropped.d.lateRecords().length, 0);
  assert.equal(dropped.d.metrics()[0]!.lateDropped, 1);

  const seen: LateRecord[] = [];
  const cb = clicks({ lateData: (r) => seen.push(r) });
  cb.input.pipe('k', { page: 'k', ts: 1500 }, 0);
  cb.input.pipe('k', { page: 'k', ts: 10 }, 0);
  assert.equal(cb.d.lateRecords().length, 0);
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.timestamp, 10);
  assert.equal(seen[0]!.watermark, 1300);
  assert.equal(seen[0]!.lateByMs, 1290);
  assert.equal(seen[0]!.source.offset, 1n);
});

test('a known late fraction: window results equal a reference computation over on-time records, the DLQ holds exactly the late ones', () => {
  const { d, input } = clicks({ lateTopic: 'late-clicks' });
  const out = d.createOutputTopic('counts', Serdes.windowedJson<string>(), Serdes.number());
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let maxTs = 0;
  const expected = new Map<string, number>();
  const expectedLate: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const page = `p${Math.floor(rand() * 3)}`;
    const ts = Math.max(0, i * 10 - Math.floor(rand() * 600)); // up to 600 ms out of order
    const wm = maxTs - 200;
    const end = Math.floor(ts / 1000) * 1000 + 1000;
    if (end + 100 <= wm) expectedLate.push(i);
    else expected.set(`${page}@${end - 1000}`, (expected.get(`${page}@${end - 1000}`) ?? 0) + 1);
    maxTs = Math.max(maxTs, ts);
    input.pipe(page, { page, ts }, i);
  }
  input.pipe('flush', { page: 'flush', ts: 10_000_000 }, 0);
  const got = new Map(out.readKeyValues().filter(([k]) => k.key !== 'flush').map(([k, v]) => [`${k.key}@${k.start}`, v]));
  assert.deepEqual(got, expected);
  assert.ok(expectedLate.length > 50 && expectedLate.length < 1000, `late fraction ${expectedLate.length}/2000`);
  assert.deepEqual(d.lateRecords().map((r) => r.timestamp), expectedLate);
  assert.ok(d.lateRecords().every((r) => r.topic === 'late-clicks'));
});

test('batch correction: reaggregate() recomputes exactly the windows named by the DLQ, with the late records counted', () => {
  const { d, input } = clicks({});
  const out = d.createOutputTopic('counts', Serdes.windowedJson<string>(), Serdes.number());
  input.pipe('home', { page: 'home', ts: 100 }, 0);
  input.pipe('home', { page: 'home', ts: 200 }, 0);
  input.pipe('cart', { page: 'cart', ts: 300 }, 0);
  input.pipe('home', { page: 'home', ts: 1500 }, 0); // watermark 1300: [0,1000) closed
  input.pipe('home', { page: 'home', ts: 900 }, 0); // late
  input.pipe('home', { page: 'home', ts: 950 }, 0); // late
  input.pipe('home', { page: 'home', ts: 1600 }, 0);
  assert.deepEqual(out.readKeyValues().map(([k, v]) => `${k.key}@${k.start}=${v}`), ['home@0=2', 'cart@0=1']);
  const corrected = reaggregate(d.rawRecords('clicks'), d.lateRecords(), {
    windows: TimeWindows.tumbling(1000),
    keySerde: S,
    valueSerde: Serdes.json<{ page: string; ts: number }>(),
    timestampExtractor: (r) => r.value.ts,
    init: () => 0,
    add: (_k, _v, n) => n + 1,
  });
  assert.deepEqual(corrected, [{ key: { key: 'home', start: 0, end: 1000 }, value: 4 }]);
});
