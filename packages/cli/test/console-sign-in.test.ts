// `tide console start --sign-in --command-config FILE`: the config names the SASL protocol and
// mechanism (no credentials); users sign in with their own. A real child process, stopped by PID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { freePort, makeTestCerts, secureTidelineSecurity, TEST_USERS } from '@tideline/interop';
import { TIDE_BIN } from './tide.js';

function run(args: string[], cwd: string): { waitFor(re: RegExp): Promise<RegExpExecArray>; stop(): Promise<void> } {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: cwd };
  delete env.TIDE_BROKERS;
  const proc = spawn(process.execPath, [TIDE_BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const checks = new Set<() => void>();
  const onData = (d: string): void => {
    out += d;
    for (const c of checks) c();
  };
  proc.stdout.setEncoding('utf8').on('data', onData);
  proc.stderr.setEncoding('utf8').on('data', onData);
  return {
    waitFor: (re) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${re} within 30 s; output: ${out}`)), 30_000);
      const check = (): void => {
        const m = re.exec(out);
        if (m !== null) {
          clearTimeout(timer);
          checks.delete(check);
          resolve(m);
        }
      };
      checks.add(check);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`tide exited ${code}: ${out}`));
      });
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

test('tide console start --sign-in: the mechanism comes from --command-config, users sign in with their own credentials', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-console-signin-'));
  const certs = makeTestCerts();
  const b = await startBroker({ dataDir: join(dir, 'data'), port: 0, security: secureTidelineSecurity(certs) });
  const config = join(dir, 'client.properties');
  writeFileSync(config, 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n');
  const port = await freePort();
  const t = run(['console', 'start', '--bootstrap', b.listeners.SASL_PLAINTEXT!.bootstrap, '--command-config', config, '--sign-in', '--listen', `127.0.0.1:${port}`], dir);
  try {
    const m = await t.waitFor(/Tideline console on (http:\/\/\S+) \(sign-in: SCRAM-SHA-512\)/);
    assert.equal((await fetch(new URL('/api/topics', m[1]))).status, 401);
    const res = await fetch(new URL('/api/session', m[1]), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'alice', password: TEST_USERS.alice }) });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { user: string }).user, 'User:alice');
  } finally {
    await t.stop();
    await b.close();
    certs.remove();
  }
  const noConfig = run(['console', 'start', '--bootstrap', '127.0.0.1:1', '--sign-in', '--listen', '127.0.0.1:0'], dir);
  await assert.rejects(noConfig.waitFor(/never/), /exited 1: .*--sign-in needs --command-config/s);
  writeFileSync(config, 'security.protocol=PLAINTEXT\n');
  const plain = run(['console', 'start', '--bootstrap', '127.0.0.1:1', '--command-config', config, '--sign-in', '--listen', '127.0.0.1:0'], dir);
  await assert.rejects(plain.waitFor(/never/), /exited 1: .*--sign-in needs sasl.mechanism/s);
  rmSync(dir, { recursive: true, force: true });
});
