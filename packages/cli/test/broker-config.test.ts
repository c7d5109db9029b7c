// `tide broker start --config FILE`: a Kafka-style properties file with named listeners, PLAIN users
// and PEM paths relative to the file; flags win over the file; unknown and contradictory settings
// fail at start naming the key; kcat authenticates against the started broker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kcat, toolOrSkip } from '@tideline/interop';
import { brokerStartOptions } from '../src/internal.js';
import { tide, TIDE_BIN } from './tide.js';

const CONFIG = `# a Kafka server.properties
listeners=SASL_PLAINTEXT://127.0.0.1:0,PLAINTEXT://127.0.0.1:0
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,PLAINTEXT:PLAINTEXT
sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
    user_admin="admin-secret" \\
    user_alice="alice-secret";
log.dirs=data
num.partitions=2
`;
/** ACL settings (kept out of the file the kcat test runs: with the authorizer on, alice would need ACLs). */
const ACLS = 'super.users=User:admin\nauthorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer\n';

test('brokerStartOptions: the file, relative paths, flags winning, --add-scram, contradictions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-conf-'));
  try {
    const file = join(dir, 'server.properties');
    writeFileSync(file, CONFIG + ACLS);
    const o = brokerStartOptions({ config: file, logLevel: 'warn', addScram: ['SCRAM-SHA-256=[name=admin,password=admin-secret]'] });
    assert.equal(o.dataDir, join(dir, 'data'));
    assert.equal(o.defaultPartitions, 2);
    assert.deepEqual(o.security?.listeners?.map((l) => [l.name, l.securityProtocol]), [['SASL_PLAINTEXT', 'SASL_PLAINTEXT'], ['PLAINTEXT', 'PLAINTEXT']]);
    assert.deepEqual(o.security?.sasl?.plainUsers, { sasl_plaintext: { admin: 'admin-secret', alice: 'alice-secret' } });
    assert.deepEqual(o.security?.sasl?.initialScramUsers, [{ mechanism: 'SCRAM-SHA-256', name: 'admin', password: 'admin-secret' }]);
    assert.deepEqual(o.security?.acls, { enabled: true, superUsers: ['User:admin'], allowEveryoneIfNoAclFound: false });
    assert.equal(brokerStartOptions({ config: file, dataDir: '/elsewhere', autoCreateTopics: false, logLevel: 'warn' }).dataDir, '/elsewhere');
    assert.equal(brokerStartOptions({ config: file, autoCreateTopics: false, logLevel: 'warn' }).autoCreateTopics, false);
    assert.throws(() => brokerStartOptions({ config: file, listen: '127.0.0.1:9092', logLevel: 'warn' }), /--listen contradicts listeners/);
    assert.throws(() => brokerStartOptions({ logLevel: 'warn' }), /a data directory is needed/);
    assert.throws(() => brokerStartOptions({ dataDir: dir, addScram: ['SCRAM-SHA-1=[name=a,password=b]'], logLevel: 'warn' }), /--add-scram/);
    const plain = brokerStartOptions({ dataDir: dir, logLevel: 'warn' });
    assert.deepEqual([plain.host, plain.port, plain.security], ['127.0.0.1', 9092, undefined]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tide broker start --config: unknown or contradictory settings fail naming the key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-conf-'));
  try {
    const cases: Array<[string, RegExp]> = [
      ['log.dirs=d\nlog.cleaner.threadz=2\n', /log\.cleaner\.threadz: unknown or unsupported setting/],
      ['log.dirs=d\nlog.cleaner.backoff.ms=soon\n', /log\.cleaner\.backoff\.ms: .*Not a number/],
      ['log.dirs=d\nlisteners=SASL_SSL://127.0.0.1:0\nsasl.enabled.mechanisms=PLAIN\nlistener.name.sasl_ssl.plain.sasl.jaas.config=a.PlainLoginModule required user_a="b";\n', /ssl\.keystore\.location: /],
      ['log.dirs=d\nssl.keystore.location=missing.pem\n', /ssl\.keystore\.location: cannot read missing\.pem/],
    ];
    for (const [text, re] of cases) {
      const file = join(dir, 'bad.properties');
      writeFileSync(file, text);
      const r = await tide(['broker', 'start', '--config', file]);
      assert.notEqual(r.code, 0);
      assert.match(r.stderr, re);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tide broker start --config: named listeners, kcat authenticates with PLAIN', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tide-conf-'));
  const file = join(dir, 'server.properties');
  writeFileSync(file, CONFIG);
  const child = spawn(process.execPath, [TIDE_BIN, 'broker', 'start', '--config', file, '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const listeners = await new Promise<Record<string, string>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('broker did not start in 20 s')), 20_000);
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (!out.includes('bootstrap.servers=')) return;
        clearTimeout(timer);
        resolve(Object.fromEntries([...out.matchAll(/listener (\S+) \(\S+\) on (\S+)/g)].map((m) => [m[1]!, m[2]!])));
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    assert.deepEqual(Object.keys(listeners), ['SASL_PLAINTEXT', 'PLAINTEXT']);
    const sasl = ['-b', listeners['SASL_PLAINTEXT']!, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanism=PLAIN', '-X', 'sasl.username=alice', '-X', 'sasl.password=alice-secret'];
    const p = await kcat([...sasl, '-P', '-t', 'cfg'], { input: 'hello\n' });
    assert.equal(p.code, 0, p.stderr);
    const c = await kcat([...sasl, '-C', '-t', 'cfg', '-o', 'beginning', '-e']);
    assert.equal(c.stdout.trim(), 'hello');
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
