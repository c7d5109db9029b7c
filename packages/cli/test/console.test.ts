// `tide dev` starts the web console next to the broker and prints its URL; `tide console start`
// serves it for a given cluster. Both run as real child processes, stopped by PID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { freePort } from '@tideline/interop';
import { TIDE_BIN } from './tide.js';

function startTide(args: string[], cwd: string): { proc: ChildProcess; waitFor(re: RegExp): Promise<RegExpExecArray>; stop(): Promise<void> } {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: cwd };
  delete env.TIDE_BROKERS;
  const proc = spawn(process.execPath, [TIDE_BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  return {
    proc,
    waitFor: (re) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${re} within 30 s; output: ${out}`)), 30_000);
      const check = (): void => {
        const m = re.exec(out);
        if (m !== null) {
          clearTimeout(timer);
          resolve(m);
        }
      };
      proc.stdout!.on('data', check);
      proc.once('exit', (code) => reject(new Error(`tide exited ${code}: ${out}`)));
      check();
    }),
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

test('tide dev prints the console URL and the console answers; --no-console leaves it out', { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-dev-console-'));
  const [kafkaPort, consolePort] = [await freePort(), await freePort()];
  const t = startTide(['dev', '--listen', `127.0.0.1:${kafkaPort}`, '--console-listen', `127.0.0.1:${consolePort}`,
    '--metrics-listen', '127.0.0.1:0', '--registry-listen', '127.0.0.1:0', '--log-level', 'warn'], dir);
  try {
    const m = await t.waitFor(/Tideline console on (http:\/\/\S+)/);
    assert.equal(m[1], `http://127.0.0.1:${consolePort}/`);
    const health = await fetch(new URL('/api/health', m[1]));
    assert.equal(health.status, 200);
    // The console started by tide dev knows the registry and the metrics endpoint started with it.
    const overview = (await (await fetch(new URL('/api/overview', m[1]))).json()) as { registryUrl: string | null; metricsUrl: string | null };
    assert.match(overview.registryUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(overview.metricsUrl ?? '', /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const page = await fetch(new URL('/topics', m[1]));
    assert.match(await page.text(), /<div id="app">/);
  } finally {
    await t.stop();
  }
  const t2 = startTide(['dev', '--listen', `127.0.0.1:${kafkaPort}`, '--no-console', '--metrics-listen', '127.0.0.1:0', '--no-registry', '--log-level', 'warn'], dir);
  try {
    const m = await t2.waitFor(/bootstrap\.servers=\S+/);
    assert.ok(m);
    assert.equal(await fetch(new URL(`http://127.0.0.1:${consolePort}/api/health`)).then(() => 'up', () => 'down'), 'down');
  } finally {
    await t2.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tide console start --bootstrap serves the console for a cluster; bad flags are refused', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-console-'));
  const b = await startBroker({ dataDir: join(dir, 'data'), port: 0 });
  const port = await freePort();
  const t = startTide(['console', 'start', '--bootstrap', b.bootstrap, '--listen', `127.0.0.1:${port}`, '--metrics', 'http://127.0.0.1:1/metrics'], dir);
  try {
    const m = await t.waitFor(/Tideline console on (http:\/\/\S+)/);
    const o = (await (await fetch(new URL('/api/overview', m[1]))).json()) as { brokers: unknown[]; metricsUrl: string };
    assert.equal(o.brokers.length, 1);
    assert.equal(o.metricsUrl, 'http://127.0.0.1:1/metrics');
    const metrics = await fetch(new URL('/api/metrics', m[1]));
    assert.equal(metrics.status, 502, 'an unreachable metrics endpoint is a 502 with a message, not a crash');
  } finally {
    await t.stop();
    await b.close();
  }
  const bad = startTide(['console', 'start', '--bootstrap', b.bootstrap, '--listen', 'nonsense'], dir);
  await assert.rejects(bad.waitFor(/never/), /exited 1: .*--listen must be HOST:PORT/s);
  const badUrl = startTide(['console', 'start', '--bootstrap', b.bootstrap, '--listen', '127.0.0.1:0', '--registry', 'ftp://x'], dir);
  await assert.rejects(badUrl.waitFor(/never/), /--registry must be an http\(s\) URL/);
  rmSync(dir, { recursive: true, force: true });
});
