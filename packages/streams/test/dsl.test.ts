// Stateless operators, grouping with repartitioning, table aggregations and topology checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STREAMS_ERROR_CODES, Serdes, StreamsBuilder, StreamsError, TopologyTestDriver } from '../src/index.js';
import { TidelineError } from '@tideline/protocol';

const S = Serdes.string();
const N = Serdes.number();

test('map, filter, flatMap, flatMapValues, mapValues, branch, merge, peek', () => {
  const b = new StreamsBuilder();
  const seen: string[] = [];
  const words = b.stream('lines', { keySerde: S, valueSerde: S })
    .flatMapValues((v) => v.split(' '), S)
    .filter((_k, w) => w.length > 0)
    .peek((_k, w) => seen.push(w));
  const [short, long] = words.branch((_k, w) => w.length <= 3, () => true);
  short!.mapValues((w) => w.toUpperCase(), S).to('short');
  long!.map((k, w) => [w, `${k}:${w.length}`] as [string, string], { keySerde: S, valueSerde: S }).to('long');
  short!.merge(long!).flatMap((k, w) => [[k, w], [k, w]] as Array<[string, string]>, { keySerde: S, valueSerde: S }).to('twice');
  const d = new TopologyTestDriver(b.build());
  d.createInputTopic('lines', S, S).pipe('l1', 'the quick  fox', 1);
  assert.deepEqual(seen, ['the', 'quick', 'fox']);
  assert.deepEqual(d.createOutputTopic('short', S, S).readKeyValues(), [['l1', 'THE'], ['l1', 'FOX']]);
  assert.deepEqual(d.createOutputTopic('long', S, S).readKeyValues(), [['quick', 'l1:5']]);
  assert.equal(d.createOutputTopic('twice', S, S).readRecords().length, 6);
});

test('groupBy repartitions by the new key: counts per word across input partitions', () => {
  const b = new StreamsBuilder();
  b.stream('lines', { keySerde: S, valueSerde: S })
    .flatMapValues((v) => v.split(' '), S)
    .groupBy((_k, w) => w, { keySerde: S })
    .count({ name: 'words' })
    .toStream()
    .to('counts');
  const topology = b.build();
  assert.deepEqual(topology.repartitionTopics.length, 1);
  assert.match(topology.describe(), /Sub-topology 1: sources .*repartition/);
  const d = new TopologyTestDriver(topology, { applicationId: 'wc', partitions: { lines: 3, counts: 1 } });
  const input = d.createInputTopic('lines', S, S);
  input.pipe('1', 'a b', 1, { partition: 0 });
  input.pipe('2', 'b c', 2, { partition: 1 });
  input.pipe('3', 'a b', 3, { partition: 2 });
  const last = new Map(d.createOutputTopic('counts', S, N).readKeyValues());
  assert.deepEqual([...last].sort(), [['a', 2], ['b', 3], ['c', 1]]);
  assert.equal(d.rawRecords(`wc-${topology.repartitionTopics[0]!}`).length, 6);
  assert.match(topology.repartitionTopics[0]!, /^rekey-\d+-repartition$/);
  assert.equal(d.metrics().length, 6, '3 tasks per sub-topology');
});

test('reduce and aggregate tables', () => {
  const b = new StreamsBuilder();
  const g = b.stream('in', { keySerde: S, valueSerde: N }).groupByKey();
  g.reduce((a, x) => a + x, { name: 'sum' }).toStream().to('sum');
  g.aggregate(() => ({ n: 0, max: -Infinity }), (_k, v, a) => ({ n: a.n + 1, max: Math.max(a.max, v) }), { valueSerde: Serdes.json<{ n: number; max: number }>(), name: 'stats' }).toStream().to('stats');
  const d = new TopologyTestDriver(b.build());
  const input = d.createInputTopic('in', S, N);
  input.pipe('k', 2, 1);
  input.pipe('k', 5, 2);
  assert.deepEqual(d.createOutputTopic('sum', S, N).readKeyValues(), [['k', 2], ['k', 7]]);
  assert.deepEqual(d.createOutputTopic('stats', S, Serdes.json<{ n: number; max: number }>()).readKeyValues().at(-1), ['k', { n: 2, max: 5 }]);
});

test('topology errors: no sources, missing serde, duplicate store', () => {
  assert.throws(() => new StreamsBuilder().build(), (e: unknown) => e instanceof StreamsError && e.code === 'INVALID_TOPOLOGY');
  const b = new StreamsBuilder();
  const s = b.stream('in', { keySerde: S, valueSerde: S }).mapValues((v) => v.length);
  assert.throws(() => s.to('out'), (e: unknown) => e instanceof StreamsError && e.code === 'MISSING_SERDE');
  assert.throws(() => b.table('t', { keySerde: S, valueSerde: S, storeName: 'x' }) && b.table('u', { keySerde: S, valueSerde: S, storeName: 'x' }), (e: unknown) => e instanceof StreamsError && e.code === 'INVALID_TOPOLOGY');
});

test('timestamp extractor sets event time; outputs carry it', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: Serdes.json<{ at: number }>(), timestampExtractor: (r) => r.value.at }).to('out');
  const d = new TopologyTestDriver(b.build());
  d.createInputTopic('in', S, Serdes.json<{ at: number }>()).pipe('k', { at: 12345 }, 1);
  assert.equal(d.createOutputTopic('out', S, Serdes.json<{ at: number }>()).readRecords()[0]!.timestamp, 12345);
});

test('every StreamsError code is documented in docs/streams.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../../docs/streams.md', import.meta.url)), 'utf8');
  for (const code of STREAMS_ERROR_CODES) assert.match(doc, new RegExp(`\\| \`${code}\` \\|`), code);
});

test('StreamsError is a TidelineError with a stable code and a cause', () => {
  const cause = new Error('boom');
  const e = new StreamsError('PROCESSING', 'stopped', { cause });
  assert.ok(e instanceof TidelineError && e instanceof Error);
  assert.equal(e.code, 'PROCESSING');
  assert.equal(e.name, 'StreamsError');
  assert.equal(e.cause, cause);
});
