// Cold consume, one minute instead of the systems suite: kcat writes N records into a
// one-partition topic of each broker, then ConsumerPerformance (and with --kcat, kcat) reads it
// from offset 0, round after round with the order of the brokers reversed each round. Per read:
// the tool's MB/s and the broker's CPU (user + system from /proc), as MB read per broker
// CPU-second, and per thread (event loop, others) the run time and the wake-ups. --capture puts
// the capture proxy of @tideline/interop in front of each broker (which advertises the proxy's
// port) and summarises the Java consumer's Fetch requests and the
// responses: sizes asked for, bytes, batches, records and cut batches per response, sessions.
// Tideline runs its unbundled modules so that --cpu-prof names our files.
//
// --variant NAME:VAR=VALUE[,VAR=VALUE] adds a Tideline broker `tideline:NAME` started with those
// environment variables (for a B/A/B of a temporary switch in one sitting; repeatable).
//
//   node bench/peers/consume-probe.mjs [--records 300000] [--size 1024] [--rounds 3]
//     [--systems tideline,kafka] [--variant NAME:VAR=1] [--kcat] [--cpu-prof] [--capture]
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, startCaptureProxy } from '@tideline/interop';
import { spawnTracked, stopChild } from '@tideline/interop/internal';
import { ApiKey, decodeRequest, decodeResponse } from '@tideline/protocol';
import { consumerPerf, createTopic, endOffsetSum, kcatConsume, kcatProduce } from './loadgen.mjs';
import { summarizeCpuProfile } from './profile.mjs';
import { TIDE_BIN, prepareKafka, startKafka, startTideline } from './servers.mjs';
import { waitFirstAckedProduce } from './wire.mjs';
import { cpuTimes } from './limits.mjs';

const { values: a } = parseArgs({ options: {
  records: { type: 'string', default: '300000' }, size: { type: 'string', default: '1024' }, rounds: { type: 'string', default: '3' },
  systems: { type: 'string', default: 'tideline,kafka' }, kcat: { type: 'boolean', default: false },
  'cpu-prof': { type: 'boolean', default: false }, capture: { type: 'boolean', default: false },
  variant: { type: 'string', multiple: true, default: [] },
} });
/** Extra Tideline brokers by name: their environment. */
const variants = new Map(a.variant.map((v) => {
  const [name, vars] = v.split(/:(.*)/s);
  return [`tideline:${name}`, Object.fromEntries(vars.split(',').map((kv) => kv.split(/=(.*)/s).slice(0, 2)))];
}));
const N = Number(a.records);
const size = Number(a.size);
const dir = mkdtempSync(join(tmpdir(), 'consume-probe-'));

/**
 * Per thread of a process: run time (ns, exact, where /proc/PID/stat counts 10 ms ticks) and
 * voluntary context switches (each one a sleep: a wake-up followed). `main` is the thread whose id
 * is the pid (Node's event loop); `other` sums the rest (libuv's pool, V8's workers; for Kafka, all).
 */
function threads(pid) {
  const t = { mainMs: 0, otherMs: 0, mainWakeups: 0, otherWakeups: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const ms = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
      const wakeups = Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8'))?.[1] ?? 0);
      const k = tid === String(pid) ? 'main' : 'other';
      t[`${k}Ms`] += ms;
      t[`${k}Wakeups`] += wakeups;
    } catch {
      // The thread exited between the listing and the read.
    }
  }
  return t;
}

async function measured(pid, fn) {
  const load = +loadavg()[0].toFixed(1);
  const c0 = cpuTimes(pid);
  const t0 = threads(pid);
  const r = await fn();
  const c1 = cpuTimes(pid);
  const t1 = threads(pid);
  const user = c1.user - c0.user;
  const sys = c1.system - c0.system;
  const d = Object.fromEntries(Object.keys(t1).map((k) => [k, Math.round(t1[k] - t0[k])]));
  return { load, ...r, brokerUserS: +user.toFixed(2), brokerSysS: +sys.toFixed(2), mbPerBrokerCpuS: Math.round((N * size) / 1e6 / (user + sys)), brokerThreads: d };
}

/** A Tideline broker that advertises `advertisedPort` (the capture proxy's). */
async function tidelineBehind(sub, advertisedPort, env = {}) {
  const port = await freePort();
  mkdirSync(sub, { recursive: true });
  const cfg = join(sub, 'server.properties');
  writeFileSync(cfg, `listeners=PLAINTEXT://127.0.0.1:${port}\nadvertised.listeners=PLAINTEXT://127.0.0.1:${advertisedPort}\n`);
  const child = spawnTracked(process.execPath, [TIDE_BIN, 'broker', 'start', '--data-dir', join(sub, 'data'), '--config', cfg, '--log-level', 'warn'],
    { stdio: 'ignore', env: { ...process.env, TIDE_NO_BUNDLE: '1', ...env } });
  await waitFirstAckedProduce(port, '_bench_ready', { isAlive: () => child.exitCode === null });
  let stopped;
  return { pid: child.pid, port, stop: () => (stopped ??= stopChild(child, 5000)) };
}

/** Per-response summary of the captured Fetch exchanges. */
function summarizeFetches(proxy) {
  const rows = [];
  let asked;
  let lastResponseAt;
  for (const e of proxy.exchanges()) {
    if (e.request.apiKey !== ApiKey.Fetch || e.response === undefined) continue;
    // At the proxy: request in -> whole response out (the broker's time per fetch, with loopback),
    // and the last response out -> this request in (the consumer's time between fetches).
    const brokerMs = e.response.at - e.request.at;
    const clientGapMs = lastResponseAt === undefined ? undefined : e.request.at - lastResponseAt;
    lastResponseAt = e.response.at;
    const req = decodeRequest(e.request.bytes).body;
    const res = decodeResponse(ApiKey.Fetch, e.request.apiVersion, e.response.bytes).body;
    asked ??= { version: e.request.apiVersion, maxWaitMs: req.maxWaitMs, minBytes: req.minBytes, maxBytes: req.maxBytes, isolationLevel: req.isolationLevel,
      partitionMaxBytes: req.topics[0]?.partitions[0]?.partitionMaxBytes };
    let bytes = 0, batches = 0, cut = 0, records = 0;
    for (const p of res.responses.flatMap((t) => t.partitions)) {
      const buf = p.records ?? Buffer.alloc(0);
      bytes += buf.length;
      for (let pos = 0; pos + 61 <= buf.length;) {
        const len = buf.readInt32BE(pos + 8) + 12;
        if (pos + len > buf.length) { cut++; break; }
        batches++;
        records += buf.readInt32BE(pos + 57);
        pos += len;
      }
    }
    rows.push({ connection: e.request.connection, epoch: req.sessionEpoch, session: res.sessionId, partitionsAsked: req.topics.reduce((s, t) => s + t.partitions.length, 0), bytes, batches, cut, records, brokerMs, clientGapMs });
  }
  const data = rows.filter((r) => r.bytes > 0);
  const mean = (k) => Math.round(data.reduce((s, r) => s + r[k], 0) / Math.max(1, data.length));
  const sorted = data.map((r) => r.bytes).sort((x, y) => x - y);
  const quantiles = (xs) => {
    const v = xs.filter((x) => x !== undefined).sort((x, y) => x - y);
    return [0.1, 0.5, 0.9].map((q) => +(v[Math.floor(q * v.length)] ?? NaN).toFixed(2));
  };
  return {
    asked, fetches: rows.length, withData: data.length, connections: new Set(rows.map((r) => r.connection)).size,
    sessions: new Set(rows.map((r) => r.session)).size, lastEpoch: rows.at(-1)?.epoch, partitionsAsked: [...new Set(rows.map((r) => r.partitionsAsked))],
    meanBytes: mean('bytes'), bytesP10P50P90: [0.1, 0.5, 0.9].map((q) => sorted[Math.floor(q * sorted.length)]),
    meanBatches: +(data.reduce((s, r) => s + r.batches, 0) / Math.max(1, data.length)).toFixed(2), responsesEndingInCutBatch: data.filter((r) => r.cut > 0).length, meanRecords: mean('records'),
    brokerMsP10P50P90: quantiles(data.map((r) => r.brokerMs)), clientGapMsP10P50P90: quantiles(data.map((r) => r.clientGapMs)),
  };
}

const systems = [];
async function stopAll() {
  for (const x of systems.splice(0)) {
    await x.proxy?.stop();
    await x.s.stop();
  }
}
try {
  for (const id of [...a.systems.split(','), ...variants.keys()]) {
    const sub = join(dir, id.replace(':', '-'));
    let s;
    let proxy;
    if (a.capture) {
      const proxyPort = await freePort();
      if (id === 'kafka') {
        const p = await prepareKafka({ dir: sub, config: { 'advertised.listeners': `PLAINTEXT://127.0.0.1:${proxyPort}` } });
        s = await startKafka({ dir: sub, prepared: p });
        s.brokerPort = p.port;
      } else {
        s = await tidelineBehind(sub, proxyPort, variants.get(id) ?? {});
        s.brokerPort = s.port;
      }
      proxy = await startCaptureProxy({ target: `127.0.0.1:${s.brokerPort}`, port: proxyPort });
      s.bootstrap = proxy.address;
    } else if (id === 'kafka') {
      s = await startKafka({ dir: sub });
    } else {
      s = await startTideline({ dir: sub, bundle: false, env: variants.get(id) ?? {}, nodeArgs: a['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof', id.replace(':', '-'))}`] : [] });
    }
    const x = { id, s, proxy, topic: `probe-${size}` };
    systems.push(x);
    await createTopic(s.bootstrap, x.topic, 1);
    await kcatProduce({ bootstrap: s.bootstrap, topic: x.topic, recordSize: size, count: N });
    console.log(`${id}: ${await endOffsetSum(s.bootstrap, x.topic)} records of ${size} B (broker pid ${s.pid})`);
  }
  const windows = [];
  for (let r = 0; r < Number(a.rounds); r++) {
    for (const x of r % 2 === 0 ? systems : [...systems].reverse()) {
      x.proxy?.frames.splice(0);
      const from = Number(process.hrtime.bigint() / 1000n) / 1000;
      const cp = await measured(x.s.pid, async () => {
        const c = await consumerPerf({ bootstrap: x.s.bootstrap, topic: x.topic, records: N });
        return { fetchMbPerSec: Math.round(c.fetchMbPerSec), fetchMs: c.fetchMs, rebalanceMs: c.rebalanceMs };
      });
      windows.push({ name: `${x.id} ConsumerPerformance round ${r + 1}`, from, to: Number(process.hrtime.bigint() / 1000n) / 1000 });
      console.log(JSON.stringify({ system: x.id, tool: 'ConsumerPerformance', round: r + 1, ...cp }));
      if (x.proxy !== undefined) console.log(JSON.stringify({ system: x.id, fetches: summarizeFetches(x.proxy) }));
      if (a.kcat) {
        const k = await measured(x.s.pid, async () => ({ mbPerSec: Math.round((await kcatConsume({ bootstrap: x.s.bootstrap, topic: x.topic, count: N, recordSize: size })).mbPerSec) }));
        console.log(JSON.stringify({ system: x.id, tool: 'kcat', round: r + 1, ...k }));
      }
    }
  }
  await stopAll(); // the profile is written when the broker exits
  if (a['cpu-prof']) {
    for (const sys of readdirSync(join(dir, 'prof'))) for (const f of readdirSync(join(dir, 'prof', sys))) {
      const file = join(dir, 'prof', sys, f);
      const start = JSON.parse(readFileSync(file, 'utf8')).startTime / 1000; // µs of the monotonic clock, as process.hrtime
      for (const w of windows.filter((w) => w.name.startsWith(`${sys.replace('-', ':')} `))) {
        const p = summarizeCpuProfile(file, 20, { fromMs: w.from - start, toMs: w.to - start });
        console.log(`profile, ${w.name}: busy ${p.busyMs} of ${p.wallMs} ms`);
        for (const row of p.topSelf) console.log(`  ${String(row.ms).padStart(6)} ms ${String(row.pctOfBusy).padStart(5)}%  ${row.name}`);
      }
    }
  }
} finally {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}
