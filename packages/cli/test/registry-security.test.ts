// tide registry start against a secured cluster (SASL/SCRAM over --command-config, and mTLS), with
// basic auth and subject ACLs from --auth-file; tide schema with --registry-auth.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { startBroker } from '@tideline/broker';
import { TEST_USERS, secureBrokerMatrix, secureTidelineSecurity, type SecureListener } from '@tideline/interop';
import { TIDE_BIN, tide, tideOk } from './tide.js';

const dir = mkdtempSync(join(tmpdir(), 'tide-reg-sec-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const { bothBrokers, uniqueName } = secureBrokerMatrix({
  tmpPrefix: 'tide-reg-sec-',
  kinds: ['tideline', 'apache'],
  async startTideline(dataDir, certs) {
    const broker = await startBroker({ dataDir, port: 0, security: secureTidelineSecurity(certs) });
    const at = (name: SecureListener): string => broker.listeners[name]!.bootstrap;
    return { listeners: { SASL_PLAINTEXT: at('SASL_PLAINTEXT'), SASL_SSL: at('SASL_SSL'), SSL: at('SSL') }, close: () => broker.close() };
  },
});

bothBrokers('tide registry start over SASL/SCRAM with --auth-file; tide schema --registry-auth', { timeout: 180_000 }, async (b) => {
  const scram = join(dir, `scram-${b.kind}.properties`);
  writeFileSync(scram, [
    'security.protocol=SASL_PLAINTEXT',
    'sasl.mechanism=SCRAM-SHA-256',
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${TEST_USERS.admin}";`,
    '',
  ].join('\n'));
  const authFile = join(dir, `auth-${b.kind}.json`);
  writeFileSync(authFile, JSON.stringify({
    users: { ops: 'ops-pw', app: 'app-pw' },
    superUsers: ['User:ops'],
    acls: [{ principal: 'User:app', subject: 'app-', patternType: 'prefixed', operation: 'write' }],
  }));
  const schemaFile = join(dir, 'r.avsc');
  writeFileSync(schemaFile, JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'string' }] }));
  const topic = uniqueName('_schemas');
  const child = spawn(process.execPath, [TIDE_BIN, 'registry', 'start', '--bootstrap', b.listeners.SASL_PLAINTEXT, '--command-config', scram,
    '--listen', '127.0.0.1:0', '--topic', topic, '--group-id', `${topic}-g`, '--auth-file', authFile], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: dir } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tide registry start did not start in 60 s: ${stderr}`)), 60_000);
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Schema registry listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${stderr}`)));
    });
    const noAuth = await tide(['schema', '--registry', url, 'list']);
    assert.equal(noAuth.code, 1);
    assert.match(noAuth.stderr, /Unauthorized \(error 40101\)/);
    const reg = await tideOk(['schema', '--registry', url, '--registry-auth', 'app:app-pw', 'register', 'app-value', '--schema', schemaFile, '--format', 'json']);
    assert.equal((JSON.parse(reg.stdout) as { id: number }).id, 1);
    const other = await tide(['schema', '--registry', url, '--registry-auth', 'app:app-pw', 'register', 'billing-value', '--schema', schemaFile]);
    assert.match(other.stderr, /not authorized.*error 40301/);
    const listed = await tideOk(['schema', '--registry', url, 'list', '--format', 'json'], { env: { TIDE_REGISTRY_AUTH: 'ops:ops-pw' } });
    assert.deepEqual(JSON.parse(listed.stdout), ['app-value']);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
