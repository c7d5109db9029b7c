// The Java client against SASL listeners: Apache Kafka's console producer and consumer with a
// --producer.config / --consumer.config file over SASL_SSL PLAIN, on a broker configured from a
// Kafka properties file; and the Java client re-authenticating by itself (KIP-368) when the broker
// sets connections.max.reauth.ms, while a connection that does not re-authenticate is closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { ApiKey, ErrorCode, FrameDecoder, encodeRequest } from '@tideline/protocol';
import { kafkaTools, kcat, makeTestCertificates, runJavaClient, toolOrSkip } from '@tideline/interop';
import net from 'node:net';
import { brokerOptionsFromProperties, parseProperties, startBroker } from '../src/index.js';

const TIMEOUT = 180_000;

test('Java console producer/consumer with a client config file over SASL_SSL PLAIN; broker from a properties file', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafka-tools')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-java-sasl-'));
  try {
    const certs = makeTestCertificates(dir);
    const server = `
listeners=SASL_SSL://127.0.0.1:0
listener.security.protocol.map=SASL_SSL:SASL_SSL
sasl.enabled.mechanisms=PLAIN
listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
  user_alice="alice-secret";
ssl.keystore.type=PEM
ssl.keystore.location=${certs.server.keystoreFile}
ssl.truststore.type=PEM
ssl.truststore.location=${certs.caFile}
`;
    const { options } = brokerOptionsFromProperties(parseProperties(server), (p) => readFileSync(p, 'utf8'));
    const b = await startBroker({ ...options, storage: 'memory://' });
    try {
      const clientConfig = join(dir, 'client.properties');
      writeFileSync(clientConfig, [
        'security.protocol=SASL_SSL',
        'sasl.mechanism=PLAIN',
        'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";',
        'ssl.truststore.type=PEM',
        `ssl.truststore.location=${certs.caFile}`,
      ].join('\n') + '\n');
      const p = await kafkaTools('org.apache.kafka.tools.ConsoleProducer', ['--bootstrap-server', b.bootstrap, '--topic', 'java-sasl', '--command-config', clientConfig], { input: 'one\ntwo\nthree\n' });
      assert.equal(p.code, 0, p.stderr);
      const c = await kafkaTools('org.apache.kafka.tools.consumer.ConsoleConsumer', [
        '--bootstrap-server', b.bootstrap, '--topic', 'java-sasl', '--from-beginning', '--max-messages', '3', '--timeout-ms', '30000', '--command-config', clientConfig,
      ]);
      assert.deepEqual(c.stdout.trim().split('\n'), ['one', 'two', 'three']);
    } finally {
      await b.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('KIP-368: the Java client re-authenticates by itself within connections.max.reauth.ms; a client that does not is closed past the lifetime', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4') || !toolOrSkip(t, 'kcat')) return;
  const events: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      for (const l of chunk.toString().split('\n')) if (l.trim() !== '') events.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  const b = await startBroker({
    storage: 'memory://',
    logger: pino({ level: 'debug' }, sink),
    security: {
      listeners: [{ name: 'SASL_PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_PLAINTEXT' }],
      sasl: { enabledMechanisms: ['PLAIN'], plainUsers: { SASL_PLAINTEXT: { alice: 'alice-secret' } }, maxReauthMs: 3000 },
    },
  });
  try {
    const k = await kcat(['-b', b.bootstrap, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanism=PLAIN', '-X', 'sasl.username=alice',
      '-X', 'sasl.password=alice-secret', '-P', '-t', 'reauth'], { input: 'a\nb\nc\n' });
    assert.equal(k.code, 0, k.stderr);
    // A group consumer polling for 10 s: several lifetimes of 3 s.
    const r = await runJavaClient('4', ['consume', '--bootstrap', b.bootstrap, '--topic', 'reauth', '--group', 'reauth-g', '--timeout-ms', '10000',
      '--prop', 'security.protocol=SASL_PLAINTEXT', '--prop', 'sasl.mechanism=PLAIN',
      '--prop', 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.rows.filter((x) => 'value' in x).map((x) => x['value']), ['a', 'b', 'c']);
    assert.deepEqual(r.rows.at(-1), { consumed: 3 });
    const reauths = events.filter((e) => e['msg'] === 'SASL re-authentication succeeded');
    assert.ok(reauths.length >= 2, `the Java client re-authenticated (${reauths.length} times)`);
    // Not asserted: that no Java connection ever outlived its session. The client re-authenticates at
    // 85-95% of the lifetime; on a loaded machine a request can arrive later, and then this broker
    // (like Kafka) closes the connection and the client reconnects.
    const expiredBefore = events.filter((e) => String(e['msg']).includes('expired')).length;

    // A client that authenticates and does not re-authenticate is closed on its first request past the lifetime.
    const sock = net.connect(b.port, '127.0.0.1');
    const frames = new FrameDecoder();
    const got: Buffer[] = [];
    sock.on('data', (d: Buffer) => {
      frames.push(d);
      for (let f = frames.next(); f !== undefined; f = frames.next()) got.push(f);
    });
    const closed = new Promise<void>((res) => sock.on('close', () => res()));
    await new Promise<void>((res) => sock.once('connect', () => res()));
    for (const buf of encodeRequest(ApiKey.SaslHandshake, 1, 1, 'x', { mechanism: 'PLAIN' })) sock.write(buf);
    for (const buf of encodeRequest(ApiKey.SaslAuthenticate, 2, 2, 'x', { authBytes: Buffer.from('\0alice\0alice-secret') })) sock.write(buf);
    while (got.length < 2) await new Promise((res) => setTimeout(res, 20));
    assert.equal(got[1]!.readInt16BE(5), ErrorCode.NONE); // correlation id, tagged fields byte, then the error code
    await new Promise((res) => setTimeout(res, 3300));
    for (const buf of encodeRequest(ApiKey.Metadata, 12, 3, 'x', { topics: null })) sock.write(buf);
    await closed;
    assert.equal(got.length, 2, 'no Metadata answer past the session lifetime');
    assert.equal(events.filter((e) => String(e['msg']).includes('expired')).length, expiredBefore + 1);
  } finally {
    await b.close();
  }
});
