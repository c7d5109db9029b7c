// The systems benchmark's latency workload (1 KiB records, ProducerPerformance acks=all linger.ms=5
// at a fixed rate, kcat tailing for end-to-end) against one system, with an optional probe of the
// Tideline broker (latency-probe.mjs) and a CPU profile. For looking into a tail, not for the table:
//   node bench/peers/latency-tail.mjs [tideline|kafka|kafka-flush] [--rate 3263] [--measure 10]
//        [--rounds 2] [--probe] [--cpu-prof] [--trace-gc] [--bin path/to/tide.mjs]
// Prints one JSON line per round (load average before/after) and, with --probe, where each
// round's Produce requests spent their time in the broker. --trace-gc adds the broker's
// mark-compacts and scavenges per round (without the probe's own garbage); --bin runs another
// build of the CLI bundle (a copy kept from before a change) for an A/B in one sitting.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gcSince } from './gc-trace.mjs';
import { fsyncLatency } from './limits.mjs';
import { createTopic, endToEnd, syncDisks } from './loadgen.mjs';
import { TIDE_BIN, startKafka, startTideline } from './servers.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rate: { type: 'string', default: '3263' }, measure: { type: 'string', default: '10' }, warm: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' }, probe: { type: 'boolean', default: false }, 'cpu-prof': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false }, 'trace-gc': { type: 'boolean', default: false }, bin: { type: 'string' },
  },
});
const system = positionals[0] ?? 'tideline';
if (!['tideline', 'kafka', 'kafka-flush'].includes(system)) throw new Error(`unknown system ${system}`);
if ((values.probe || values['cpu-prof'] || values['trace-gc'] || values.bin) && system !== 'tideline') throw new Error('--probe, --cpu-prof, --trace-gc and --bin are for the Tideline broker');
const dir = mkdtempSync(join(tmpdir(), `tideline-latency-${system}-`));
const probeOut = join(dir, 'probe.json');
const nodeArgs = [];
if (values.probe) {
  process.env.LATENCY_PROBE_OUT = probeOut; // inherited by the broker
  nodeArgs.push(`--import=${new URL('./latency-probe.mjs', import.meta.url).href}`);
}
if (values['trace-gc']) nodeArgs.push('--trace-gc');
if (values['cpu-prof']) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${join(dir, 'cpu-prof')}`);

const q = (xs, p) => {
  const s = xs.map((x) => x[1]).sort((a, b) => a - b);
  return s.length === 0 ? null : s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
};
const dist = (xs) => ({ n: xs.length, p50: q(xs, 50), p99: q(xs, 99), p999: q(xs, 99.9), max: q(xs, 100) });

// Per-thread CPU time and run-queue wait of the broker (Linux /proc/<pid>/task/*/schedstat, ns):
// how long its threads were runnable but not running, which inflates every latency on a busy box.
function schedstat(pid) {
  const total = { cpuMs: 0, runqueueWaitMs: 0, main: { cpuMs: 0, runqueueWaitMs: 0 } };
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const [cpu, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(' ').map(Number);
      total.cpuMs += cpu / 1e6;
      total.runqueueWaitMs += wait / 1e6;
      if (tid === String(pid)) total.main = { cpuMs: cpu / 1e6, runqueueWaitMs: wait / 1e6 };
    }
  } catch {
    // not Linux, or the process is gone
  }
  return total;
}
const diff = (a, b) => ({
  cpuMs: Math.round(b.cpuMs - a.cpuMs), runqueueWaitMs: Math.round(b.runqueueWaitMs - a.runqueueWaitMs),
  mainThread: { cpuMs: Math.round(b.main.cpuMs - a.main.cpuMs), runqueueWaitMs: Math.round(b.main.runqueueWaitMs - a.main.runqueueWaitMs) },
});

// The disk on its own, same directory: 4 KiB write + fdatasync, synchronously in this process.
console.log(JSON.stringify({ disk4KiBFdatasync: fsyncLatency(dir, 1000), load1: +loadavg()[0].toFixed(2) }));
const s = system === 'tideline'
  ? await startTideline({ dir, nodeArgs, bundle: !values['cpu-prof'], bin: values.bin === undefined ? TIDE_BIN : resolve(values.bin) })
  : await startKafka({ dir, flushEveryMessage: system === 'kafka-flush' });
const rounds = [];
try {
  for (let rep = 0; rep < Number(values.rounds); rep++) {
    const topic = `lat-${system}-${rep}`;
    await createTopic(s.bootstrap, topic, 1);
    syncDisks();
    const load = [loadavg()[0]];
    const sched0 = schedstat(s.pid);
    const logFile = join(s.dir, 'broker.log');
    const logFrom = values['trace-gc'] ? readFileSync(logFile, 'utf8').length : 0;
    const r = await endToEnd({ bootstrap: s.bootstrap, topic, recordSize: 1024, rate: Number(values.rate), warm: Number(values.warm), measure: Number(values.measure) });
    load.push(loadavg()[0]);
    const broker = diff(sched0, schedstat(s.pid));
    const gc = values['trace-gc'] ? gcSince(logFile, logFrom) : undefined;
    rounds.push({ system, rep, load1: load.map((l) => +l.toFixed(2)), producer: r.producer, e2e: r.e2e, broker, ...(gc ? { gc } : {}) });
    console.log(JSON.stringify(rounds.at(-1)));
  }
} finally {
  await s.stop();
}
if (values.probe) {
  // Split the probe's series at the pauses between rounds (topic creation, sync, JVM start).
  const p = JSON.parse(readFileSync(probeOut, 'utf8'));
  const produce = p.produce.filter((x) => x[0] > 0);
  const starts = [0];
  for (let i = 1; i < produce.length; i++) if (produce[i][0] - produce[i - 1][0] > 2000) starts.push(i);
  const spans = starts.map((st, i) => produce.slice(st, starts[i + 1] ?? produce.length)).filter((xs) => xs.length > 100);
  spans.forEach((xs, i) => {
    const t0 = xs[0][0];
    const t1 = xs.at(-1)[0] + xs.at(-1)[1];
    const within = (ys) => ys.filter((y) => y[0] >= t0 && y[0] <= t1);
    const gc = within(p.gc);
    const el = p.eventLoop.filter((e) => e[0] >= t0 && e[0] <= t1 + 1000);
    console.log(JSON.stringify({
      round: i, produceResidenceMs: dist(xs), fdatasyncMs: dist(within(p.fsync)), writevMs: dist(within(p.writev)),
      gc: { n: gc.length, totalMs: +gc.reduce((a, g) => a + g[1], 0).toFixed(1), max: q(gc, 100) },
      eventLoopDelayMs: { worstSecondP99: Math.max(...el.map((e) => e[2])), max: Math.max(...el.map((e) => e[3])), medianSecondP50: q(el.map((e) => [0, e[1]]), 50) },
    }));
  });
}
console.log(values.keep || values['cpu-prof'] ? `kept ${dir}` : '');
if (!values.keep && !values['cpu-prof']) rmSync(dir, { recursive: true, force: true });
