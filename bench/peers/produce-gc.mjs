// What producing costs the broker in garbage collection: `tide broker start --trace-gc`, then
// records of 1 KiB produced with acks=all, and per run the broker's mark-compacts, scavenges, the
// longest mark-compact pause, broker CPU per record and (with our producer) the ack latency.
//
//   node bench/peers/produce-gc.mjs [--mode kcat|rate] [--records 200000] [--rate 31000]
//        [--runs 1] [--bin path/to/tide.mjs] [--cpu-prof]
//   --mode kcat: kcat -P (acks=all, linger.ms 5) as fast as it goes, `--records` records
//   --mode rate: our Producer (lingerMs 5, acks=all) at `--rate` records/s until `--records` are sent
//   --mode perf: Kafka's ProducerPerformance (acks=all, linger.ms 5, batch.size 128 KiB: the systems
//          bench's latency workload) at `--rate` records/s, 2 s of warm-up then `--records` records;
//          ack percentiles are the tool's own (after the warm-up), GC counts cover the whole run
//   --bin: another build of the CLI (e.g. a copy of packages/cli/dist/bundle kept from before a
//          change), for an A/B in the same sitting; --cpu-prof runs the unbundled modules
// Prints one JSON line per run. Not part of the bench suite: a probe for a GC question.
import { readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Producer } from '@tideline/client';
import { gcSince } from './gc-trace.mjs';
import { createTopic, kcatProduce, producerPerfAtRate } from './loadgen.mjs';
import { summarizeCpuProfile } from './profile.mjs';
import { TIDE_BIN, startTideline } from './servers.mjs';
import { cpuSeconds } from './limits.mjs';

const { values: opt } = parseArgs({
  options: {
    mode: { type: 'string', default: 'kcat' }, records: { type: 'string', default: '200000' }, rate: { type: 'string', default: '31000' },
    runs: { type: 'string', default: '1' }, bin: { type: 'string' }, 'cpu-prof': { type: 'boolean', default: false },
  },
});
const RECORDS = Number(opt.records);
const SIZE = 1024;

const cpuMsOf = (pid) => cpuSeconds(pid) * 1000;
const pct = (xs, p) => (xs.length === 0 ? null : xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]);

async function produceAtRate(bootstrap, topic) {
  const producer = new Producer({ bootstrap, lingerMs: 5 });
  const value = Buffer.alloc(SIZE, 120);
  const acks = [];
  try {
    await producer.send({ topic, messages: [{ value }] }); // connections and metadata, untimed
    const rate = Number(opt.rate);
    const t0 = performance.now();
    let sent = 0;
    const pending = new Set();
    while (sent < RECORDS) {
      // The records due since the last tick go in one send() call (one call per record cannot
      // keep 31,000/s on this machine); each record's ack latency is its call's.
      const n = Math.min(RECORDS, Math.floor(((performance.now() - t0) / 1000) * rate)) - sent;
      if (n > 0) {
        const at = performance.now();
        const p = producer.send({ topic, messages: Array.from({ length: n }, () => ({ value })) }).then(() => {
          const ms = performance.now() - at;
          for (let i = 0; i < n; i++) acks.push(ms);
          pending.delete(p);
        });
        pending.add(p);
        sent += n;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    await Promise.all(pending);
    acks.sort((a, b) => a - b);
    const r = (x) => Math.round(x * 10) / 10;
    return { seconds: (performance.now() - t0) / 1000, ack: { p50Ms: r(pct(acks, 50)), p99Ms: r(pct(acks, 99)), maxMs: r(acks.at(-1)) } };
  } finally {
    await producer.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'tideline-produce-gc-'));
const nodeArgs = ['--trace-gc', ...(process.env.GC_FLAGS ? process.env.GC_FLAGS.split(' ') : []), ...(opt['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', join(dir, 'prof')] : [])];
const broker = await startTideline({ dir, nodeArgs, bin: opt.bin === undefined ? TIDE_BIN : resolve(opt.bin), bundle: !opt['cpu-prof'] });
try {
  for (let run = 0; run < Number(opt.runs); run++) {
    const topic = `gc-${run}`;
    await createTopic(broker.bootstrap, topic, 1);
    await new Promise((r) => setTimeout(r, 500));
    const logFile = join(broker.dir, 'broker.log');
    const from = readFileSync(logFile, 'utf8').length;
    const load = loadavg()[0];
    const cpu0 = cpuMsOf(broker.pid);
    const t0 = performance.now();
    let res;
    let produced = RECORDS;
    if (opt.mode === 'rate') res = await produceAtRate(broker.bootstrap, topic);
    else if (opt.mode === 'perf') {
      const rate = Number(opt.rate);
      const pp = await producerPerfAtRate({ bootstrap: broker.bootstrap, topic, recordSize: SIZE, rate, warm: 2, measure: RECORDS / rate });
      produced = Math.round(rate * (2 + RECORDS / rate));
      res = { seconds: (performance.now() - t0) / 1000, ack: { p50Ms: pp.p50Ms, p99Ms: pp.p99Ms, maxMs: pp.maxLatencyMs }, achievedRate: pp.recordsPerSec };
    } else res = await kcatProduce({ bootstrap: broker.bootstrap, topic, recordSize: SIZE, count: RECORDS });
    const cpuMs = cpuMsOf(broker.pid) - cpu0;
    await new Promise((r) => setTimeout(r, 300)); // the last trace lines reach the log
    const row = {
      mode: opt.mode, bin: opt.bin ?? 'worktree', run, load1: [load, loadavg()[0]].map((x) => Math.round(x * 10) / 10), records: produced,
      seconds: Math.round(res.seconds * 10) / 10, brokerCpuMs: cpuMs, recordsPerBrokerCpuSecond: cpuMs > 0 ? Math.round((produced * 1000) / cpuMs) : null,
      ...(res.achievedRate !== undefined ? { achievedRate: Math.round(res.achievedRate) } : {}),
      ...(res.ack !== undefined ? { ack: res.ack } : {}), gc: gcSince(logFile, from),
    };
    console.log(JSON.stringify(row));
  }
} finally {
  await broker.stop();
  if (opt['cpu-prof']) {
    const file = readdirSync(join(dir, 'prof')).find((f) => f.endsWith('.cpuprofile'));
    if (file !== undefined) {
      const p = summarizeCpuProfile(join(dir, 'prof', file), 25);
      console.log(`profile: busy ${p.busyMs} of ${p.wallMs} ms`);
      for (const a of p.areas.slice(0, 10)) console.log(`  ${a.name}: ${a.ms} ms (${a.pctOfBusy}%)`);
      for (const f of p.topSelf) console.log(`  ${f.name}: ${f.ms} ms (${f.pctOfBusy}%)`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
