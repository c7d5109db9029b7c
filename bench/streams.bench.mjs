// @tideline/streams throughput: N clicks (4 partitions, JSON values, event times up to 600 ms out
// of order) through the page-view topology (tumbling 1 s windows, 200 ms out-of-orderness,
// 100 ms grace, late clicks to the DLQ): in the TopologyTestDriver (the engine alone), and with
// KafkaStreams against an in-process Tideline broker in each guarantee and processing mode
// (timed from start() until every input record is processed; each record also writes a
// changelog record).
//
//   node bench/streams.bench.mjs                 full mode (the numbers in docs/streams.md; bench/results/full/streams.json)
//   BENCH_QUICK=1 node bench/streams.bench.mjs   CI smoke: small counts
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Producer } from '@tideline/client';
import { KafkaStreams, Serdes, StreamsBuilder, TimeWindows, TopologyTestDriver } from '@tideline/streams';
import { machine } from './lib.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const N = QUICK ? 4000 : 100_000;
const PARTITIONS = 4;
const PAGES = 50;

function topology(input, output) {
  const b = new StreamsBuilder();
  b.stream(input, { keySerde: Serdes.string(), valueSerde: Serdes.json(), timestampExtractor: (r) => r.value.ts })
    .groupByKey()
    .windowedBy(TimeWindows.tumbling(1000).grace(100))
    .count({ name: 'page-views' })
    .to(output);
  return b.build();
}

let seed = 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const clicks = Array.from({ length: N }, (_, i) => {
  const page = `page-${Math.floor(rand() * PAGES)}`;
  return { page, ts: 1_000_000 + Math.max(0, i * 2 - Math.floor(rand() * 600)) };
});

const results = [];

{
  const d = new TopologyTestDriver(topology('clicks', 'out'), { maxOutOfOrdernessMs: 200 });
  const input = d.createInputTopic('clicks', Serdes.string(), Serdes.json());
  const t = process.hrtime.bigint();
  for (const c of clicks) input.pipe(c.page, c, c.ts);
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  results.push({ name: 'TopologyTestDriver (engine only)', records: N, seconds: secs, recordsPerSec: N / secs, late: d.lateRecords().length });
}

const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-streams-'));
const broker = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
const bootstrap = broker.bootstrap;
const admin = new Admin({ bootstrap });
let run = 0;

async function kafka(name, config) {
  const input = `clicks-${++run}`;
  const output = `views-${run}`;
  await admin.createTopics([{ topic: input, numPartitions: PARTITIONS, replicationFactor: 1 }, { topic: output, numPartitions: 1, replicationFactor: 1 }]);
  const p = new Producer({ bootstrap, lingerMs: 5 });
  for (let i = 0; i < N; i += 2000) await p.send({ topic: input, messages: clicks.slice(i, i + 2000).map((c) => ({ key: c.page, value: JSON.stringify(c) })) });
  await p.close();
  const streams = new KafkaStreams(topology(input, output), { applicationId: `bench-${run}`, bootstrap, maxOutOfOrdernessMs: 200, ...config });
  const t = process.hrtime.bigint();
  await streams.start();
  const processed = () => streams.metrics().tasks.reduce((s, x) => s + x.processed, 0);
  while (processed() < N) await new Promise((r) => setTimeout(r, 20));
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  const late = streams.metrics().tasks.reduce((s, x) => s + x.lateRecords, 0);
  await streams.close();
  results.push({ name, records: N, seconds: secs, recordsPerSec: N / secs, late });
}

try {
  await kafka('KafkaStreams at-least-once, per-event', {});
  await kafka('KafkaStreams at-least-once, micro-batch 100 ms', { mode: { type: 'micro-batch', triggerMs: 100 } });
  await kafka('KafkaStreams exactly-once, per-event (commit 200 ms)', { guarantee: 'exactly-once' });
  await kafka('KafkaStreams exactly-once, micro-batch 100 ms', { guarantee: 'exactly-once', mode: { type: 'micro-batch', triggerMs: 100 } });
} finally {
  await admin.close();
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\nstreams (${JSON.stringify(machine())}), ${N} clicks, ${PARTITIONS} partitions`);
console.log('| run | records/s | seconds | late records |\n| --- | ---: | ---: | ---: |');
for (const r of results) console.log(`| ${r.name} | ${r.recordsPerSec.toFixed(0)} | ${r.seconds.toFixed(2)} | ${r.late} |`);
const out = new URL(QUICK ? './results/' : './results/full/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('streams.json', out), JSON.stringify({ suite: 'streams', machine: machine(), results }, null, 2) + '\n');
