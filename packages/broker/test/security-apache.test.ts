// The same broker security properties and the same kcat client settings against Tideline and
// against Apache Kafka: SASL_PLAINTEXT with PLAIN (users from listener.name.<l>.plain.sasl.jaas.config)
// and SSL with ssl.client.auth=required (PEM keystore and truststore, ssl.principal.mapping.rules).
// Both accept the right credentials and certificate and refuse a wrong password and a client
// without a certificate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kcat, makeTestCertificates, startApacheKafka, toolOrSkip } from '@tideline/interop';
import { brokerOptionsFromProperties, parseProperties, startBroker } from '../src/index.js';

const TIMEOUT = 240_000;

test('identical kcat SASL PLAIN and mTLS client settings work on Tideline and Apache Kafka configured with the same properties', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat') || !toolOrSkip(t, 'apache-kafka')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-sec-apache-'));
  try {
    const certs = makeTestCertificates(dir);
    const client = certs.client('client', '/C=US/O=Tide/OU=Orders/CN=Alice');
    // Security settings shared by both brokers (listeners and ports differ).
    const shared: Record<string, string> = {
      'sasl.enabled.mechanisms': 'PLAIN',
      'listener.name.sasl_plaintext.plain.sasl.jaas.config':
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret" user_alice="alice-secret";',
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': certs.server.keystoreFile,
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': certs.caFile,
      'ssl.client.auth': 'required',
      'ssl.principal.mapping.rules': 'RULE:^CN=([^,]*),OU=([^,]*),.*$/$1@$2/L,DEFAULT',
      'connections.max.reauth.ms': '60000',
    };
    const tidelineProps = parseProperties([
      'listeners=SASL_PLAINTEXT://127.0.0.1:0,SSL://127.0.0.1:0',
      ...Object.entries(shared).map(([k, v]) => `${k}=${v}`),
    ].join('\n'));
    const { options } = brokerOptionsFromProperties(tidelineProps, (p) => readFileSync(p, 'utf8'));
    const tide = await startBroker({ ...options, storage: 'memory://' });
    const kafka = await startApacheKafka({
      extraListeners: [{ name: 'SASL_PLAINTEXT', securityProtocol: 'SASL_PLAINTEXT' }, { name: 'SSL', securityProtocol: 'SSL' }],
      config: shared,
    }).catch(async (e: unknown) => {
      await tide.close();
      throw e;
    });
    try {
      const targets = [
        { name: 'tideline', sasl: tide.listeners['SASL_PLAINTEXT']!.bootstrap, ssl: tide.listeners['SSL']!.bootstrap },
        { name: 'apache', sasl: `127.0.0.1:${kafka.listeners['SASL_PLAINTEXT']}`, ssl: `127.0.0.1:${kafka.listeners['SSL']}` },
      ];
      for (const b of targets) {
        const plain = (password: string): string[] => ['-b', b.sasl, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanism=PLAIN',
          '-X', 'sasl.username=alice', '-X', `sasl.password=${password}`];
        const mtls = ['-b', b.ssl, '-X', 'security.protocol=SSL', '-X', `ssl.ca.location=${certs.caFile}`,
          '-X', `ssl.certificate.location=${client.certFile}`, '-X', `ssl.key.location=${client.keyFile}`];
        const p = await kcat([...plain('alice-secret'), '-P', '-t', 'same', '-K:'], { input: 'k1:over-sasl\n' });
        assert.equal(p.code, 0, `${b.name}: ${p.stderr}`);
        const q = await kcat([...mtls, '-P', '-t', 'same', '-K:'], { input: 'k2:over-mtls\n' });
        assert.equal(q.code, 0, `${b.name}: ${q.stderr}`);
        for (const args of [plain('alice-secret'), mtls]) {
          const c = await kcat([...args, '-C', '-t', 'same', '-o', 'beginning', '-c', '2', '-f', '%k=%s\n'], { timeoutMs: 60_000 });
          assert.deepEqual(c.stdout.trim().split('\n'), ['k1=over-sasl', 'k2=over-mtls'], `${b.name} ${args[4]}`);
        }
        const wrong = await kcat([...plain('wrong'), '-L', '-m', '5'], { allowFailure: true });
        assert.notEqual(wrong.code, 0, b.name);
        assert.match(wrong.stderr, /SASL authentication error: Authentication failed/, b.name);
        const noCert = await kcat(['-b', b.ssl, '-X', 'security.protocol=SSL', '-X', `ssl.ca.location=${certs.caFile}`, '-L', '-m', '5'], { allowFailure: true });
        assert.notEqual(noCert.code, 0, `${b.name}: a client without a certificate is refused`);
      }
    } finally {
      await kafka.stop();
      await tide.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
