// Cost of poison-pill tracking in @tideline/dlq: a DeadLetterConsumer with a no-op handler reads
// N records (4 partitions, 100 B values) from an in-process Tideline broker, with crash tracking
// off, on (markers in the compacted topic: one awaited write per fetched batch per partition),
// and in careful mode (as after a crash: one awaited marker per record until past the suspect
// range; here the whole input is suspect, the worst case).
//
//   node bench/dlq.bench.mjs                 full mode (the numbers in docs/dlq.md; bench/results/full/dlq.json)
//   BENCH_QUICK=1 node bench/dlq.bench.mjs   CI smoke: small counts
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Producer } from '@tideline/client';
import { DeadLetterConsumer, KafkaInflightStore, markerKey } from '@tideline/dlq';
import { machine } from './lib.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const N = QUICK ? 4000 : 300_000;
const CAREFUL_N = QUICK ? 400 : 5000;
const REPS = QUICK ? 1 : 3;

/** Counts marker writes. */
class CountingStore extends KafkaInflightStore {
  puts = 0;
  put(key, marker) {
    this.puts++;
    return super.put(key, marker);
  }
}
const PARTITIONS = 4;

const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-dlq-'));
const broker = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
const bootstrap = broker.bootstrap;
const admin = new Admin({ bootstrap });

async function seed(topic, n) {
  await admin.createTopics([{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }]);
  const p = new Producer({ bootstrap, lingerMs: 5 });
  const value = 'x'.repeat(100);
  for (let i = 0; i < n; i += 1000) {
    await p.send({ topic, messages: Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({ key: `k${i + j}`, value })) });
  }
  await p.close();
}

let seq = 0;
async function run(name, n, tracking, prepare) {
  const topic = `bench-${name}-${++seq}`;
  const group = `g-${name}-${seq}`;
  const store = tracking ? new CountingStore({ bootstrap }, 'tide.dlq.inflight') : null;
  const poison = store === null ? false : { store };
  await seed(topic, n);
  if (prepare !== undefined) await prepare(topic, group);
  let count = 0;
  let done;
  const finished = new Promise((r) => (done = r));
  const c = new DeadLetterConsumer({
    bootstrap, groupId: group, topics: [topic], poison, consumer: { maxWaitMs: 50 },
    handler: () => {
      if (++count === n) done();
    },
  });
  const start = process.hrtime.bigint();
  const running = c.run();
  await finished;
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  await c.close();
  await running;
  const row = { name, records: n, seconds: secs, recordsPerSec: n / secs, usPerRecord: (secs * 1e6) / n, markerWrites: store?.puts ?? 0 };
  console.log(`${name}: ${n} records in ${secs.toFixed(2)} s, ${row.recordsPerSec.toFixed(0)} records/s, ${row.usPerRecord.toFixed(1)} µs/record, ${row.markerWrites} marker writes`);
  return row;
}

const runs = [];
// Careful mode: range markers covering every record, as if the previous owner had crashed.
const suspectAll = async (topic, group) => {
  const store = new KafkaInflightStore({ bootstrap }, 'tide.dlq.inflight');
  for (let p = 0; p < PARTITIONS; p++) await store.put(markerKey(group, topic, p), { state: 'range', from: '0', to: String(CAREFUL_N) });
  await store.close();
};
try {
  // Interleaved repetitions; the median of each is reported.
  for (let rep = 0; rep < REPS; rep++) {
    runs.push(await run('tracking-off', N, false));
    runs.push(await run('tracking-on', N, true));
    runs.push(await run('careful-off', CAREFUL_N, false));
    runs.push(await run('careful', CAREFUL_N, true, suspectAll));
  }
} finally {
  await admin.close();
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
}
const median = (name) => {
  const list = runs.filter((r) => r.name === name).sort((a, b) => a.recordsPerSec - b.recordsPerSec);
  return list[Math.floor(list.length / 2)];
};
const results = ['tracking-off', 'tracking-on', 'careful-off', 'careful'].map(median);
const base = { 'tracking-off': results[0], 'tracking-on': results[0], 'careful-off': results[2], careful: results[2] };
console.log(`\n| run (median of ${REPS}) | records | records/s | µs/record | marker writes | vs tracking off |\n| --- | ---: | ---: | ---: | ---: | ---: |`);
for (const r of results) console.log(`| ${r.name} | ${r.records} | ${r.recordsPerSec.toFixed(0)} | ${r.usPerRecord.toFixed(1)} | ${r.markerWrites} | ${(r.recordsPerSec / base[r.name].recordsPerSec).toFixed(2)}x |`);
const out = new URL('./results/', import.meta.url);
mkdirSync(out, { recursive: true });
const doc = JSON.stringify({ suite: 'dlq', mode: QUICK ? 'quick' : 'full', machine: machine(), load: os.loadavg(), results, runs }, null, 2) + '\n';
writeFileSync(new URL('dlq.json', out), doc);
if (!QUICK) {
  // Full-mode results are committed (docs/dlq.md quotes them).
  mkdirSync(new URL('full/', out), { recursive: true });
  writeFileSync(new URL('full/dlq.json', out), doc);
}
