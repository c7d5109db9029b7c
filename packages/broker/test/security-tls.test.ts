// TLS listeners with real clients: kcat over SASL_SSL with PLAIN, kcat with mTLS (SSL,
// ssl.client.auth=required) whose principal is the certificate's DN mapped by
// ssl.principal.mapping.rules, and garbage TLS bytes (the socket closes, the broker serves on).
// Certificates are made with openssl in a temp dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { kcat, makeTestCertificates, toolOrSkip, type TestCertificates } from '@tideline/interop';
import { startBroker, type BrokerOptions, type RunningBroker } from '../src/index.js';

const TIMEOUT = 120_000;

/** A logger whose JSON lines the test can read (the principal of an mTLS client is logged). */
function capturingLogger(): { logger: NonNullable<BrokerOptions['logger']>; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString().split('\n')) if (l.trim() !== '') lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

async function withCerts(fn: (c: TestCertificates, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-tls-'));
  try {
    await fn(makeTestCertificates(dir), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function withBroker(opts: Omit<BrokerOptions, 'storage'>, fn: (b: RunningBroker) => Promise<void>): Promise<void> {
  const b = await startBroker({ storage: 'memory://', port: 0, ...opts });
  try {
    await fn(b);
  } finally {
    await b.close();
  }
}

test('kcat SASL_SSL PLAIN: produce and consume over TLS; an untrusted client CA fails the handshake', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withCerts(async (c) => {
    await withBroker({
      security: {
        listeners: [{ name: 'SASL_SSL', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_SSL' }],
        tls: { certChain: c.server.cert, privateKey: c.server.key, clientAuth: 'none' },
        sasl: { enabledMechanisms: ['PLAIN'], plainUsers: { SASL_SSL: { alice: 'alice-secret' } } },
      },
    }, async (b) => {
      const args = ['-b', b.bootstrap, '-X', 'security.protocol=SASL_SSL', '-X', `ssl.ca.location=${c.caFile}`,
        '-X', 'sasl.mechanism=PLAIN', '-X', 'sasl.username=alice', '-X', 'sasl.password=alice-secret'];
      const p = await kcat([...args, '-P', '-t', 'tls', '-K:'], { input: 'a:1\nb:2\n' });
      assert.equal(p.code, 0, p.stderr);
      const r = await kcat([...args, '-C', '-t', 'tls', '-o', 'beginning', '-e', '-f', '%k=%s\n']);
      assert.deepEqual(r.stdout.trim().split('\n'), ['a=1', 'b=2']);
      // Without the CA, the client refuses the server's certificate.
      const bad = await kcat(['-b', b.bootstrap, '-X', 'security.protocol=SASL_SSL', '-X', 'sasl.mechanism=PLAIN',
        '-X', 'sasl.username=alice', '-X', 'sasl.password=alice-secret', '-L', '-m', '5'], { allowFailure: true });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /certificate verify failed|SSL handshake failed/i);
    });
  });
});

test('kcat mTLS (SSL, ssl.client.auth=required): the principal is the DN mapped by ssl.principal.mapping.rules; no certificate, no connection', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withCerts(async (c) => {
    const alice = c.client('alice', '/C=US/O=Tide/OU=Orders/CN=Alice');
    const { logger, lines } = capturingLogger();
    await withBroker({
      logger,
      security: {
        listeners: [{ name: 'MTLS', host: '127.0.0.1', port: 0, securityProtocol: 'SSL' }],
        tls: {
          certChain: c.server.cert, privateKey: c.server.key, clientAuth: 'required', trustedCerts: c.ca,
          principalMappingRules: 'RULE:^CN=([^,]*),OU=([^,]*),.*$/$1@$2/L,DEFAULT',
        },
      },
    }, async (b) => {
      const args = ['-b', b.bootstrap, '-X', 'security.protocol=SSL', '-X', `ssl.ca.location=${c.caFile}`,
        '-X', `ssl.certificate.location=${alice.certFile}`, '-X', `ssl.key.location=${alice.keyFile}`];
      const p = await kcat([...args, '-P', '-t', 'mtls'], { input: 'x\ny\n' });
      assert.equal(p.code, 0, p.stderr);
      const r = await kcat([...args, '-C', '-t', 'mtls', '-o', 'beginning', '-e']);
      assert.deepEqual(r.stdout.trim().split('\n'), ['x', 'y']);
      const auth = lines.filter((l) => l['msg'] === 'TLS client authenticated');
      assert.ok(auth.length > 0);
      assert.equal(auth[0]!['dn'], 'CN=Alice,OU=Orders,O=Tide,C=US');
      assert.deepEqual(new Set(auth.map((l) => l['principal'])), new Set(['User:alice@orders']));

      const none = await kcat(['-b', b.bootstrap, '-X', 'security.protocol=SSL', '-X', `ssl.ca.location=${c.caFile}`, '-L', '-m', '5'], { allowFailure: true });
      assert.notEqual(none.code, 0, 'a client without a certificate is refused');
    });
  });
});

test('garbage on a TLS listener: the socket closes and the broker keeps serving', { timeout: TIMEOUT }, async () => {
  await withCerts(async (c) => {
    await withBroker({
      security: {
        listeners: [
          { name: 'SSL', host: '127.0.0.1', port: 0, securityProtocol: 'SSL' },
          { name: 'PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'PLAINTEXT' },
        ],
        tls: { certChain: c.server.cert, privateKey: c.server.key, clientAuth: 'none' },
      },
    }, async (b) => {
      const port = b.listeners['SSL']!.port;
      const inputs = [
        Buffer.from('GET / HTTP/1.1\r\n\r\n'),
        Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff, ...Buffer.alloc(64, 0x41)]), // a handshake record claiming 64 KiB, then junk
        Buffer.from([0x17, 0x03, 0x03, 0x00, 0x10, ...Buffer.alloc(16, 1)]), // application data before any handshake
        Buffer.from([0, 0, 0, 20, 0, 18, 0, 3, 0, 0, 0, 1, 0, 0]), // a Kafka request in the clear
      ];
      for (const bytes of inputs) {
        const closed = await new Promise<boolean>((resolve) => {
          const s = net.connect(port, '127.0.0.1', () => s.write(bytes));
          const timer = setTimeout(() => {
            s.destroy();
            resolve(false);
          }, 10_000);
          s.on('error', () => {});
          s.on('close', () => {
            clearTimeout(timer);
            resolve(true);
          });
          s.on('data', () => {});
        });
        assert.equal(closed, true, `the broker closes the socket after ${bytes.subarray(0, 8).toString('hex')}`);
      }
      // Both listeners still serve.
      const { Kafka, logLevel } = await import('kafkajs');
      const admin = new Kafka({ brokers: [b.listeners['PLAINTEXT']!.bootstrap], logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      assert.ok(Array.isArray(await admin.listTopics()));
      await admin.disconnect();
      const tlsAdmin = new Kafka({ brokers: [b.bootstrap], ssl: { ca: [c.ca] }, logLevel: logLevel.NOTHING }).admin();
      await tlsAdmin.connect();
      assert.ok(Array.isArray(await tlsAdmin.listTopics()));
      await tlsAdmin.disconnect();
    });
  });
});
