// SASL/PLAIN with real clients: kcat (librdkafka) over SASL_PLAINTEXT, produce and consume;
// a wrong password is refused. Under CI=true a missing client fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kcat, python, toolOrSkip } from '@tideline/interop';
import { startBroker, type BrokerOptions, type RunningBroker } from '../src/index.js';

const TIMEOUT = 120_000;

export const PLAIN_USERS = { admin: 'admin-secret', alice: 'alice-secret' };

async function withBroker(security: BrokerOptions['security'], fn: (b: RunningBroker) => Promise<void>): Promise<void> {
  const b = await startBroker({ storage: 'memory://', port: 0, security });
  try {
    await fn(b);
  } finally {
    await b.close();
  }
}

const saslPlaintext: BrokerOptions['security'] = {
  listeners: [
    { name: 'SASL_PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_PLAINTEXT' },
    { name: 'PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'PLAINTEXT' },
  ],
  sasl: { enabledMechanisms: ['PLAIN'], plainUsers: { sasl_plaintext: PLAIN_USERS } },
};

const kcatSasl = (bootstrap: string, user: string, password: string): string[] => [
  '-b', bootstrap, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanism=PLAIN',
  '-X', `sasl.username=${user}`, '-X', `sasl.password=${password}`,
];

test('kcat SASL_PLAINTEXT PLAIN: produce and consume; Metadata advertises the SASL listener; wrong password refused', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(saslPlaintext, async (b) => {
    const sasl = b.listeners['SASL_PLAINTEXT']!;
    assert.equal(b.bootstrap, sasl.bootstrap, 'bootstrap is the first listener');
    const args = kcatSasl(sasl.bootstrap, 'alice', 'alice-secret');
    const p = await kcat([...args, '-P', '-t', 'sp', '-K:'], { input: 'k1:v1\nk2:v2\n' });
    assert.equal(p.code, 0, p.stderr);
    const c = await kcat([...args, '-C', '-t', 'sp', '-o', 'beginning', '-e', '-f', '%k=%s\n']);
    assert.equal(c.code, 0, c.stderr);
    assert.deepEqual(c.stdout.trim().split('\n'), ['k1=v1', 'k2=v2']);
    const meta = await kcat([...args, '-L', '-J']);
    const m = JSON.parse(meta.stdout) as { brokers: Array<{ name: string }> };
    assert.deepEqual(m.brokers.map((x) => x.name), [sasl.bootstrap]);
    // The PLAINTEXT listener advertises its own port.
    const plain = await kcat(['-b', b.listeners['PLAINTEXT']!.bootstrap, '-L', '-J']);
    const pm = JSON.parse(plain.stdout) as { brokers: Array<{ name: string }> };
    assert.deepEqual(pm.brokers.map((x) => x.name), [b.listeners['PLAINTEXT']!.bootstrap]);

    const bad = await kcat([...kcatSasl(sasl.bootstrap, 'alice', 'wrong'), '-L', '-m', '5'], { timeoutMs: 30_000, allowFailure: true });
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /SASL authentication error: Authentication failed: Invalid username or password/);
  });
});

const KAFKA_PYTHON = `
import sys, kafka
from kafka.errors import KafkaError
bootstrap, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
common = dict(bootstrap_servers=bootstrap, security_protocol='SASL_PLAINTEXT', sasl_mechanism='PLAIN',
              sasl_plain_username=user, sasl_plain_password=password, api_version_auto_timeout_ms=10000)
try:
    p = kafka.KafkaProducer(**common)
except KafkaError as e:
    print('ERROR', type(e).__name__, e)
    sys.exit(0)
for i in range(3):
    p.send('py', key=b'k%d' % i, value=b'v%d' % i).get(timeout=20)
p.close()
c = kafka.KafkaConsumer('py', auto_offset_reset='earliest', consumer_timeout_ms=5000, **common)
print('GOT', ','.join('%s=%s' % (m.key.decode(), m.value.decode()) for m in c))
c.close()
`;

test('kafka-python SASL_PLAINTEXT PLAIN (handshake v0 and raw tokens): produce and consume; wrong password refused', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'python-kafka')) return;
  await withBroker(saslPlaintext, async (b) => {
    const ok = await python(KAFKA_PYTHON, [b.bootstrap, 'alice', 'alice-secret']);
    assert.match(ok.stdout, /^GOT k0=v0,k1=v1,k2=v2$/m, ok.stdout + ok.stderr);
    const bad = await python(KAFKA_PYTHON, [b.bootstrap, 'alice', 'wrong'], { allowFailure: true });
    assert.match(bad.stdout + bad.stderr, /Authentication|NoBrokersAvailable/i);
    assert.doesNotMatch(bad.stdout, /GOT/);
  });
});
