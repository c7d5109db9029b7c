// The console's filter scan with registry decoding: what decoding every record through the
// registry's deserializer costs next to the plain JSON scan, and what merely having a registry
// configured costs a topic whose values are not in the wire format (the per-record magic-byte
// check). One Tideline broker and our registry in this process; the console in its own process
// (`tide console start --registry`), so its CPU (from /proc/PID/stat) is its own. The three scans
// are interleaved, ROUNDS times, in one run.
//
//   node bench/console-registry.bench.mjs                full mode (docs/benchmarks.md)
//   BENCH_QUICK=1 node bench/console-registry.bench.mjs  smoke: small counts
//   CONSOLE_CPU_PROF=DIR ...                             also write the console's CPU profile to DIR
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Producer } from '@tideline/client';
import { RegistryClient, Serializer, startRegistry } from '@tideline/registry';
import { freePort } from '@tideline/interop';
import { machine } from './lib.mjs';
import { cpuSeconds } from './peers/limits.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const RECORDS = QUICK ? 50_000 : 500_000;
const ROUNDS = QUICK ? 1 : 3;
const PARTITIONS = 4;
const root = new URL('../', import.meta.url).pathname;
const SCHEMA = { type: 'record', name: 'Order', namespace: 'bench', fields: [{ name: 'n', type: 'long' }, { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'id', type: 'string' }] } }, { name: 'pad', type: 'string' }] };

const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-console-registry-'));
const broker = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
const bootstrap = broker.bootstrap;
const admin = new Admin({ bootstrap });
const registry = await startRegistry({ cluster: { bootstrap }, port: 0, leaderElection: false, topicReplicationFactor: 1 });

const value = (i) => ({ n: i, customer: { id: `c-${i % 1000}` }, pad: 'x'.repeat(40) });

async function seed() {
  await admin.createTopics([{ topic: 'json', numPartitions: PARTITIONS, replicationFactor: 1 }, { topic: 'avro', numPartitions: PARTITIONS, replicationFactor: 1 }]);
  const ser = new Serializer({ client: new RegistryClient({ url: registry.url }), type: 'AVRO', schema: SCHEMA });
  const p = new Producer({ bootstrap, lingerMs: 5 });
  for (let i = 0; i < RECORDS; i += 10_000) {
    const n = Math.min(10_000, RECORDS - i);
    await p.send({ topic: 'json', messages: Array.from({ length: n }, (_v, j) => ({ key: `k${i + j}`, value: JSON.stringify(value(i + j)) })) });
    const avro = [];
    for (let j = 0; j < n; j++) avro.push({ key: `k${i + j}`, value: await ser.serialize('avro', value(i + j)) });
    await p.send({ topic: 'avro', messages: avro });
  }
  await p.close();
}

function startConsoleProcess(port) {
  const prof = process.env.CONSOLE_CPU_PROF === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', process.env.CONSOLE_CPU_PROF];
  const proc = spawn(process.execPath, [...prof, join(root, 'packages/cli/bin/tide.js'), 'console', 'start', '--bootstrap', bootstrap, '--listen', `127.0.0.1:${port}`, '--registry', registry.url], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /Tideline console on (\S+)/.exec(out);
      if (m !== null) resolve({ proc, url: m[1] });
    });
    proc.once('exit', (c) => reject(new Error(`console exited ${c}: ${out}`)));
  });
}

async function scan(url, pid, topic, decode) {
  // One customer in 1,000: the matches prove the values were decoded (Avro bytes are not JSON).
  const filter = 'value.customer.id == "c-7"';
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  const res = await fetch(new URL(`/api/topics/${topic}/scan?filter=${encodeURIComponent(filter)}&scanLimit=${RECORDS}&maxResults=10000&decode=${decode}`, url));
  const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
  const secs = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(pid) - cpu0;
  const done = lines.at(-1);
  if (done.type !== 'done' || done.scanned !== RECORDS || done.matched !== RECORDS / 1000) throw new Error(`scan of ${topic} (decode=${decode}) ended early or missed matches: ${JSON.stringify(done)}`);
  return { seconds: secs, recordsPerSec: done.scanned / secs, consoleCpuSeconds: cpu, recordsPerConsoleCpuSec: done.scanned / Math.max(cpu, 0.01) };
}

let consoleProc = null;
try {
  const seedT0 = Date.now();
  await seed();
  console.log(`seeded ${RECORDS} JSON and ${RECORDS} Avro records in ${((Date.now() - seedT0) / 1000).toFixed(1)} s`);
  const c = await startConsoleProcess(await freePort());
  consoleProc = c.proc;
  const cases = [
    ['JSON values, decode=none', 'json', 'none'],
    ['JSON values, decode=auto (registry configured, values not framed)', 'json', 'auto'],
    ['Avro values, decode=auto (every value decoded through the registry)', 'avro', 'auto'],
  ];
  await scan(c.url, c.proc.pid, 'json', 'none'); // warm-up (connections, JIT)
  const runs = Object.fromEntries(cases.map(([name]) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) for (const [name, topic, decode] of cases) runs[name].push(await scan(c.url, c.proc.pid, topic, decode));
  const load = os.loadavg();
  const median = (xs, k) => xs.map((x) => x[k]).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\nconsole registry scan (${JSON.stringify(machine())}, load ${load.map((x) => x.toFixed(2)).join(' ')})`);
  console.log(`| scan of ${RECORDS} records, \`value.customer.id == "c-7"\` (median of ${ROUNDS}, interleaved) | records/s | records per console CPU-s |\n| --- | ---: | ---: |`);
  for (const [name] of cases) console.log(`| ${name} | ${Math.round(median(runs[name], 'recordsPerSec'))} | ${Math.round(median(runs[name], 'recordsPerConsoleCpuSec'))} |`);
  const outDir = new URL(QUICK ? './results/' : './results/full/', import.meta.url);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(new URL('console-registry.json', outDir), JSON.stringify({ suite: 'console-registry', quick: QUICK, machine: machine(), loadAverage: load, records: RECORDS, rounds: ROUNDS, runs }, null, 2) + '\n');
} finally {
  if (consoleProc !== null && consoleProc.exitCode === null) consoleProc.kill('SIGTERM');
  await registry.close();
  await admin.close();
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
}
