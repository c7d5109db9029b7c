// `tide broker start`, launch to first acked produce, bundled (dist/bundle) with its V8 code cache,
// bundled without it (TIDE_NO_CODE_CACHE=1) and unbundled (TIDE_NO_BUNDLE=1) interleaved in one
// run (after one start that writes the code cache if there is none), plus the broker's CPU time up
// to the first ack (user + system from /proc: what a loaded machine distorts least) and its RSS
// then. In-process startBroker() to first ack after import is measured in a fresh Node process per
// trial, with its CPU time (user + system of the whole process, the disk's threads included).
//   node bench/peers/start-time.mjs [--trials 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { rssOf, startTideline } from './servers.mjs';
import { cpuSeconds } from './limits.mjs';

const { values } = parseArgs({ options: { trials: { type: 'string', default: '5' } } });
const trials = Number(values.trials);
const cpuMsOf = (pid) => cpuSeconds(pid) * 1000;
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(tmpdir(), 'tideline-start-'));
const rows = { bundle: [], bundleNoCodeCache: [], modules: [] };
const ENV = { bundle: {}, bundleNoCodeCache: { TIDE_NO_CODE_CACHE: '1' }, modules: { TIDE_NO_BUNDLE: '1' } };
const setEnv = (variant) => {
  for (const k of ['TIDE_NO_BUNDLE', 'TIDE_NO_CODE_CACHE']) delete process.env[k];
  Object.assign(process.env, ENV[variant]);
};
console.log(JSON.stringify({ load1Before: loadavg()[0] }));
try {
  setEnv('bundle');
  await (await startTideline({ dir: join(dir, 'warm-up') })).stop();
  for (let i = 0; i < trials; i++) {
    for (const variant of Object.keys(rows)) {
      setEnv(variant);
      const s = await startTideline({ dir: join(dir, `${variant}-${i}`) });
      rows[variant].push({ launchToAckMs: s.launchToAckMs, launchToListenMs: s.launchToListenMs, cpuMs: cpuMsOf(s.pid), rssMiB: (rssOf(s.pid) ?? 0) / 2 ** 20 });
      await s.stop();
    }
  }
  setEnv('bundle');
  // In-process: import @tideline/broker, then startBroker() (memory storage and a file data dir) to the first ack.
  const inproc = [];
  const script = `
    const t0 = performance.now();
    const { startBroker } = await import('@tideline/broker');
    const { Producer } = await import('@tideline/client');
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const b = await startBroker({ dataDir: process.argv[1], port: 0, host: '127.0.0.1', logLevel: 'silent' });
    const p = new Producer({ bootstrap: '127.0.0.1:' + b.port, lingerMs: 0 });
    await p.send({ topic: 't', messages: [{ value: 'x' }] });
    const t2 = performance.now();
    const c2 = process.cpuUsage(c1);
    console.log(JSON.stringify({ importMs: t1 - t0, startToAckMs: t2 - t1, startToAckCpuMs: (c2.user + c2.system) / 1000 }));
    await p.close(); await b.close();`;
  for (let i = 0; i < trials; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, join(dir, `inproc-${i}`)], { cwd: new URL('../../packages/cli/', import.meta.url).pathname, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    inproc.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const sum = (xs) => Object.fromEntries(Object.keys(xs[0]).map((k) => [k, +med(xs.map((x) => x[k])).toFixed(1)]));
  console.log(JSON.stringify({ load1After: loadavg()[0], trials, bundle: sum(rows.bundle), bundleNoCodeCache: sum(rows.bundleNoCodeCache), modules: sum(rows.modules), inProcess: sum(inproc) }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
