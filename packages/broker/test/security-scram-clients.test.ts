// SCRAM and OAUTHBEARER with real clients: kcat (librdkafka) with SCRAM-SHA-256/512 and unsecured
// OAUTHBEARER, KafkaJS with SCRAM and re-authentication (KIP-368), Apache Kafka's kafka-configs
// creating and describing SCRAM users against Tideline and against Apache Kafka, and bad SASL
// input on the wire. Under CI=true a missing client fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { join } from 'node:path';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { kafkaTools, KAFKA_TOOLS, kcat, startApacheKafka, toolOrSkip } from '@tideline/interop';
import { brokerOptionsFromProperties, parseAddScram, parseProperties, startBroker, type BrokerOptions, type RunningBroker } from '../src/index.js';
import { digest, hmac, saltPassword, scramHash } from '../src/security/scram-credentials.js';
import { WireClient } from './wire-client.js';

const TIMEOUT = 180_000;

function security(extra: Partial<NonNullable<BrokerOptions['security']>['sasl']> = {}): BrokerOptions['security'] {
  return {
    listeners: [
      { name: 'SASL_PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_PLAINTEXT' },
      { name: 'PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'PLAINTEXT' },
    ],
    sasl: {
      enabledMechanisms: ['SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'],
      initialScramUsers: [
        { mechanism: 'SCRAM-SHA-256', name: 'alice', password: 'alice-secret' },
        { mechanism: 'SCRAM-SHA-512', name: 'bob', password: 'bob-secret', iterations: 8192 },
      ],
      oauthbearer: { mode: 'unsecured' },
      ...extra,
    },
  };
}

async function withBroker(sec: BrokerOptions['security'], fn: (b: RunningBroker) => Promise<void>, logger?: BrokerOptions['logger']): Promise<void> {
  const b = await startBroker({ storage: 'memory://', port: 0, security: sec, logger });
  try {
    await fn(b);
  } finally {
    await b.close();
  }
}

const kcatArgs = (bootstrap: string, mechanism: string, user: string, password: string): string[] => [
  '-b', bootstrap, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', `sasl.mechanisms=${mechanism}`,
  '-X', `sasl.username=${user}`, '-X', `sasl.password=${password}`,
];

test('kcat: SCRAM-SHA-256 and SCRAM-SHA-512 produce and consume, wrong password and unknown user refused; unsecured OAUTHBEARER', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(security(), async (b) => {
    const boot = b.listeners['SASL_PLAINTEXT']!.bootstrap;
    const a256 = kcatArgs(boot, 'SCRAM-SHA-256', 'alice', 'alice-secret');
    const p = await kcat([...a256, '-P', '-t', 'scram', '-K:'], { input: 'k1:v1\nk2:v2\n' });
    assert.equal(p.code, 0, p.stderr);
    const b512 = kcatArgs(boot, 'SCRAM-SHA-512', 'bob', 'bob-secret');
    const c = await kcat([...b512, '-C', '-t', 'scram', '-o', 'beginning', '-e', '-f', '%k=%s\n']);
    assert.equal(c.code, 0, c.stderr);
    assert.deepEqual(c.stdout.trim().split('\n'), ['k1=v1', 'k2=v2']);
    for (const args of [
      kcatArgs(boot, 'SCRAM-SHA-256', 'alice', 'wrong'),
      kcatArgs(boot, 'SCRAM-SHA-256', 'nobody', 'alice-secret'),
      kcatArgs(boot, 'SCRAM-SHA-512', 'alice', 'alice-secret'), // alice has no SHA-512 credential
    ]) {
      const bad = await kcat([...args, '-L', '-m', '5'], { timeoutMs: 30_000, allowFailure: true });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /SASL authentication error: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-(256|512)/);
    }
    const oauth = ['-b', boot, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=OAUTHBEARER',
      '-X', 'enable.sasl.oauthbearer.unsecure.jwt=true', '-X', 'sasl.oauthbearer.config=principal=carol'];
    const o = await kcat([...oauth, '-C', '-t', 'scram', '-o', 'beginning', '-e', '-f', '%s\n']);
    assert.equal(o.code, 0, o.stderr);
    assert.deepEqual(o.stdout.trim().split('\n'), ['v1', 'v2']);
  });
});

test('KafkaJS SCRAM-SHA-256/512 with re-authentication before connections.max.reauth.ms', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  // Connections the broker closes are logged: none may be closed for an expired session.
  const warnings: string[] = [];
  const logger = { debug() {}, error() {}, info(_o: unknown, msg?: string) { warnings.push(String(msg)); }, warn(_o: unknown, msg?: string) { warnings.push(String(msg)); } } as unknown as BrokerOptions['logger'];
  await withBroker(security({ maxReauthMs: 3000 }), async (b) => {
    const boot = b.listeners['SASL_PLAINTEXT']!.bootstrap;
    // Each SCRAM exchange looks the user up once: counts the (re-)authentications.
    let lookups = 0;
    const scram = b.broker.scram;
    const get = scram.get.bind(scram);
    scram.get = (user, mechanism) => {
      lookups++;
      return get(user, mechanism);
    };
    for (const [mechanism, username, password] of [['scram-sha-256', 'alice', 'alice-secret'], ['scram-sha-512', 'bob', 'bob-secret']] as const) {
      lookups = 0;
      const kafka = new Kafka({ clientId: 'kjs', brokers: [boot], logLevel: logLevel.NOTHING, sasl: { mechanism, username, password } as SASLOptions, reauthenticationThreshold: 2000, retry: { retries: 2 } });
      const producer = kafka.producer({ allowAutoTopicCreation: true });
      await producer.connect();
      try {
        await producer.send({ topic: `kjs-${mechanism}`, messages: [{ value: 'a' }] });
        const before = lookups;
        // Past the 3 s session: KafkaJS re-authenticates (1 s into the session) instead of being closed.
        await new Promise((r) => setTimeout(r, 3500));
        await producer.send({ topic: `kjs-${mechanism}`, messages: [{ value: 'b' }] });
        assert.ok(lookups > before, `re-authenticated (${before} -> ${lookups} SCRAM exchanges)`);
      } finally {
        await producer.disconnect();
      }
      assert.deepEqual(warnings.filter((w) => /expired/.test(w)), [], 're-authenticated on the same connection, not closed for an expired session');
      const bad = new Kafka({ clientId: 'kjs', brokers: [boot], logLevel: logLevel.NOTHING, sasl: { mechanism, username, password: 'wrong' } as SASLOptions, retry: { retries: 0 } });
      const badProducer = bad.producer();
      await assert.rejects(badProducer.connect(), /SASL SCRAM.*authentication failed|Invalid user credentials/i);
    }
    // The capture works: the refused logins were logged as closes.
    assert.ok(warnings.some((w) => /closing connection/.test(w)), warnings.join('\n'));
  }, logger);
});

function saslFrame(token: Buffer): Buffer {
  return token;
}

test('bad SCRAM input on the wire: wrong nonce, replayed client-final, garbage: SASL_AUTHENTICATION_FAILED, then the connection closes', { timeout: 60_000 }, async () => {
  await withBroker(security(), async (b) => {
    const port = b.listeners['SASL_PLAINTEXT']!.port;
    const mech = 'SCRAM-SHA-256';
    const h = scramHash(mech);
    async function exchange(mutate: (final: string) => string, replay?: Buffer): Promise<{ first: string; final: string; result: { errorCode: number; errorMessage: string | null }; closed: boolean; c: WireClient }> {
      const c = await WireClient.connect(port);
      const hs = await c.send(ApiKey.SaslHandshake, 1, { mechanism: mech });
      assert.equal(hs.errorCode, ErrorCode.NONE);
      const bare = `n=alice,r=${randomBytes(16).toString('base64')}`;
      const sf = (await c.send(ApiKey.SaslAuthenticate, 2, { authBytes: saslFrame(Buffer.from(`n,,${bare}`)) })).authBytes.toString();
      const attrs = Object.fromEntries(sf.split(',').map((a) => [a[0], a.slice(2)]));
      const salted = saltPassword(mech, 'alice-secret', Buffer.from(attrs.s!, 'base64'), Number(attrs.i));
      const clientKey = hmac(h, salted, 'Client Key');
      const withoutProof = `c=biws,r=${attrs.r}`;
      const sig = hmac(h, digest(h, clientKey), `${bare},${sf},${withoutProof}`);
      const final = `${withoutProof},p=${Buffer.from(clientKey.map((x, i) => x ^ sig[i]!)).toString('base64')}`;
      const r = await c.send(ApiKey.SaslAuthenticate, 2, { authBytes: replay ?? Buffer.from(mutate(final)) });
      const closed = await Promise.race([c.closed.then(() => true), new Promise<boolean>((res) => setTimeout(() => res(false), 2000))]);
      return { first: bare, final, result: r, closed, c };
    }
    const good = await exchange((f) => f);
    assert.equal(good.result.errorCode, ErrorCode.NONE);
    assert.equal(good.closed, false);
    good.c.close();
    // The same client-final sent on another connection (another server nonce).
    const replay = await exchange((f) => f, Buffer.from(good.final));
    assert.equal(replay.result.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
    assert.equal(replay.result.errorMessage, 'Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256');
    assert.equal(replay.closed, true);
    const badNonce = await exchange((f) => f.replace(/,r=([^,]+)/, ',r=$1x'));
    assert.equal(badNonce.result.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
    assert.equal(badNonce.closed, true);
    const garbage = await exchange(() => '\u0000garbage');
    assert.equal(garbage.result.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
    assert.equal(garbage.closed, true);
  });
});

async function configs(bootstrap: string, args: string[]): Promise<string> {
  const r = await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bootstrap, ...args], { allowFailure: true });
  // The outcome: exit code, what was printed, and the Kafka exception named on failure.
  const cause = /Caused by: (\S+: .*)/.exec(r.stderr)?.[1] ?? '';
  return `${r.code}|${r.stdout.trim()}|${cause}`;
}

/** kcat's outcome: exit code, output, and the SASL error it reports (without timings). */
async function kcatOutcome(args: string[], input?: string): Promise<string> {
  const r = await kcat(args, { timeoutMs: 30_000, allowFailure: true, ...(input === undefined ? {} : { input }) });
  const sasl = /SASL authentication error: (.*?) \(after/.exec(r.stderr)?.[1] ?? '';
  return `${r.code === 0 ? 0 : 'failed'}|${r.stdout.trim()}|${sasl}`;
}

/** The same SCRAM / OAUTHBEARER logins and kafka-configs steps, run against either broker. */
async function probe(plaintext: string, sasl: string): Promise<{ logins: string[]; configs: string[] }> {
  const logins: string[] = [];
  const a256 = kcatArgs(sasl, 'SCRAM-SHA-256', 'alice', 'alice-secret');
  logins.push(await kcatOutcome([...a256, '-P', '-t', 'probe', '-K:'], 'k1:v1\n'));
  logins.push(await kcatOutcome([...kcatArgs(sasl, 'SCRAM-SHA-512', 'bob', 'bob-secret'), '-C', '-t', 'probe', '-o', 'beginning', '-e', '-f', '%k=%s\n']));
  logins.push(await kcatOutcome([...kcatArgs(sasl, 'SCRAM-SHA-256', 'alice', 'wrong'), '-L', '-m', '5']));
  logins.push(await kcatOutcome([...kcatArgs(sasl, 'SCRAM-SHA-256', 'nobody', 'alice-secret'), '-L', '-m', '5']));
  logins.push(await kcatOutcome([...kcatArgs(sasl, 'SCRAM-SHA-512', 'alice', 'alice-secret'), '-L', '-m', '5']));
  logins.push(await kcatOutcome(['-b', sasl, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=OAUTHBEARER',
    '-X', 'enable.sasl.oauthbearer.unsecure.jwt=true', '-X', 'sasl.oauthbearer.config=principal=carol', '-C', '-t', 'probe', '-o', 'beginning', '-e', '-f', '%s\n']));
  const users = (name: string): string[] => ['--entity-type', 'users', '--entity-name', name];
  const out: string[] = [];
  // Both mechanisms of one user in one command: one AlterUserScramCredentials request.
  out.push(await configs(plaintext, ['--alter', '--add-config', 'SCRAM-SHA-256=[iterations=8192,password=erin-secret],SCRAM-SHA-512=[password=erin-secret]', ...users('erin')]));
  out.push(await configs(plaintext, ['--alter', '--add-config', 'SCRAM-SHA-256=[iterations=8192,password=dave-secret]', ...users('dave')]));
  out.push(await configs(plaintext, ['--alter', '--add-config', 'SCRAM-SHA-512=[password=dave-secret]', ...users('dave')]));
  out.push(await configs(plaintext, ['--describe', ...users('dave')]));
  out.push(await configs(plaintext, ['--alter', '--add-config', 'SCRAM-SHA-256=[iterations=1000,password=x]', ...users('frank')]));
  out.push(await configs(plaintext, ['--alter', '--delete-config', 'SCRAM-SHA-512', ...users('dave')]));
  out.push(await configs(plaintext, ['--alter', '--delete-config', 'SCRAM-SHA-512', ...users('dave')]));
  out.push(await configs(plaintext, ['--describe', ...users('dave')]));
  out.push(await configs(plaintext, ['--describe', ...users('nobody')]));
  // The user made by kafka-configs logs in; the deleted mechanism does not.
  // (Metadata names the broker's ports: only the exit code and SASL error are compared.)
  logins.push((await kcatOutcome([...kcatArgs(sasl, 'SCRAM-SHA-256', 'dave', 'dave-secret'), '-L', '-m', '10'])).replace(/\|[^|]*\|/, '|-|'));
  logins.push(await kcatOutcome([...kcatArgs(sasl, 'SCRAM-SHA-512', 'dave', 'dave-secret'), '-L', '-m', '5']));
  return { logins, configs: out };
}

const SCRAM_JAAS = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';

test('SCRAM and OAUTHBEARER logins (kcat) and SCRAM users (kafka-configs): the same outcomes on Tideline and on Apache Kafka configured the same', { timeout: 300_000 }, async (t) => {
  if (!toolOrSkip(t, 'apache-kafka', 'kcat')) return;
  const apache = await startApacheKafka({
    listeners: { SASL_PLAINTEXT: 'SASL_PLAINTEXT' },
    addScram: ['SCRAM-SHA-256=[name=alice,password=alice-secret]', 'SCRAM-SHA-512=[name=bob,password=bob-secret,iterations=8192]'],
    config: {
      'sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER',
      'listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config': SCRAM_JAAS,
      'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': SCRAM_JAAS,
      'listener.name.sasl_plaintext.oauthbearer.sasl.jaas.config': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;',
    },
  });
  let reference: { logins: string[]; configs: string[] };
  try {
    reference = await probe(apache.bootstrap, `127.0.0.1:${apache.listenerPorts['SASL_PLAINTEXT']!}`);
  } catch (e) {
    throw new Error(`${String(e)}\n${apache.logTail()}`);
  } finally {
    await apache.stop();
  }
  let tideline: { logins: string[]; configs: string[] } = { logins: [], configs: [] };
  let described: Array<[string, number[][]]> = [];
  await withBroker(security(), async (b) => {
    tideline = await probe(b.listeners['PLAINTEXT']!.bootstrap, b.listeners['SASL_PLAINTEXT']!.bootstrap);
    const c = await WireClient.connect(b.listeners['PLAINTEXT']!.port);
    try {
      const d = await c.send(ApiKey.DescribeUserScramCredentials, 0, { users: [{ name: 'dave' }] });
      described = d.results.map((r) => [r.user, r.credentialInfos.map((x) => [x.mechanism, x.iterations])]);
    } finally {
      c.close();
    }
  });
  assert.deepEqual(tideline.logins, reference.logins);
  assert.equal(reference.logins[0], '0||');
  assert.equal(reference.logins[1], '0|k1=v1|');
  assert.match(reference.logins[2]!, /^failed\|\|Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256$/);
  assert.equal(reference.logins[5], '0|v1|');
  // Apache lists a user's mechanisms in no fixed order: compare them sorted.
  const norm = (line: string): string => line.replace(/are (.*)\|/, (_m, list: string) => `are ${list.split(', ').sort().join(', ')}|`);
  // kafka-configs --describe --entity-type users sends DescribeUserScramCredentials and DescribeClientQuotas.
  assert.deepEqual(tideline.configs.map(norm), reference.configs.map(norm));
  assert.match(norm(reference.configs[3]!), /SCRAM credential configs for user-principal 'dave' are SCRAM-SHA-256=iterations=8192, SCRAM-SHA-512=iterations=4096/);
  assert.deepEqual(described, [['dave', [[1, 8192]]]]);
});

test('Java console producer (SCRAM-SHA-512) and consumer (unsecured OAUTHBEARER) with --command-config, broker from a properties file and --add-scram', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafka-tools')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-java-scram-'));
  try {
    const server = `
listeners=SASL_PLAINTEXT://127.0.0.1:0
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512,OAUTHBEARER
listener.name.sasl_plaintext.oauthbearer.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;
`;
    const { options } = brokerOptionsFromProperties(parseProperties(server), (p) => readFileSync(p, 'utf8'));
    const sasl = options.security!.sasl!;
    const b = await startBroker({
      ...options,
      storage: 'memory://',
      security: { ...options.security, sasl: { ...sasl, initialScramUsers: [parseAddScram('SCRAM-SHA-512=[name=alice,password=alice-secret,iterations=8192]')] } },
    });
    try {
      const scramConfig = join(dir, 'scram.properties');
      writeFileSync(scramConfig, [
        'security.protocol=SASL_PLAINTEXT',
        'sasl.mechanism=SCRAM-SHA-512',
        'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="alice-secret";',
      ].join('\n') + '\n');
      const oauthConfig = join(dir, 'oauth.properties');
      writeFileSync(oauthConfig, [
        'security.protocol=SASL_PLAINTEXT',
        'sasl.mechanism=OAUTHBEARER',
        'sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="carol";',
      ].join('\n') + '\n');
      const p = await kafkaTools('org.apache.kafka.tools.ConsoleProducer', ['--bootstrap-server', b.bootstrap, '--topic', 'java-scram', '--command-config', scramConfig], { input: 'one\ntwo\n' });
      assert.equal(p.code, 0, p.stderr);
      const c = await kafkaTools('org.apache.kafka.tools.consumer.ConsoleConsumer', [
        '--bootstrap-server', b.bootstrap, '--topic', 'java-scram', '--from-beginning', '--max-messages', '2', '--timeout-ms', '30000', '--command-config', oauthConfig,
      ]);
      assert.deepEqual(c.stdout.trim().split('\n'), ['one', 'two']);
      writeFileSync(scramConfig, readFileSync(scramConfig, 'utf8').replace('alice-secret', 'wrong'));
      const bad = await kafkaTools('org.apache.kafka.tools.consumer.ConsoleConsumer', [
        '--bootstrap-server', b.bootstrap, '--topic', 'java-scram', '--from-beginning', '--max-messages', '1', '--timeout-ms', '10000', '--command-config', scramConfig,
      ], { allowFailure: true });
      // The console consumer reports the failure (its exit code is 0 either way) and reads nothing.
      assert.match(bad.stderr, /Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512/);
      assert.equal(bad.stdout.trim(), '');
    } finally {
      await b.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('OAUTHBEARER jwks mode with KafkaJS: RS256 tokens checked against a JWKS served over http on 127.0.0.1; the token exp bounds the session', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  const srv = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const sign = (claims: Record<string, unknown>, expInSec: number, key = privateKey): Promise<string> =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().setExpirationTime(Math.floor(Date.now() / 1000) + expInSec).sign(key);
  try {
    const jwksSource = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/jwks`;
    await withBroker(security({ enabledMechanisms: ['OAUTHBEARER'], maxReauthMs: 60_000, oauthbearer: { mode: 'jwks', jwksSource, expectedIssuer: 'https://idp.test', expectedAudience: ['kafka'] } }), async (b) => {
      const boot = b.listeners['SASL_PLAINTEXT']!.bootstrap;
      const claims = { sub: 'svc-orders', iss: 'https://idp.test', aud: 'kafka' };
      const kafka = new Kafka({ clientId: 'kjs-oauth', brokers: [boot], logLevel: logLevel.NOTHING, retry: { retries: 1 },
        sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: await sign(claims, 600) }) } });
      const producer = kafka.producer({ allowAutoTopicCreation: true });
      await producer.connect();
      try {
        const [ack] = await producer.send({ topic: 'oauth-jwks', messages: [{ value: 'x' }] });
        assert.equal(ack!.errorCode, ErrorCode.NONE);
      } finally {
        await producer.disconnect();
      }
      for (const token of [await sign({ ...claims, aud: 'other' }, 600), await sign(claims, 600, (await generateKeyPair('RS256')).privateKey), 'not-a-jwt']) {
        const bad = new Kafka({ clientId: 'kjs-oauth', brokers: [boot], logLevel: logLevel.NOTHING, retry: { retries: 0 },
          sasl: { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value: token }) } });
        // KafkaJS takes the broker's JSON error answer for success and sends no \x01 (so Apache Kafka
        // would leave it unauthenticated just the same): its first real request is refused.
        const p = bad.producer();
        await assert.rejects((async () => {
          await p.connect();
          await p.send({ topic: 'oauth-jwks', messages: [{ value: 'refused' }] });
        })());
        await p.disconnect().catch(() => {});
      }
      assert.equal(b.broker.topics.partitionLog('oauth-jwks', 0)?.logEndOffset, 1n, 'nothing written without a valid token');
      // On the wire: SaslAuthenticate v2 answers the smaller of connections.max.reauth.ms and the token's remaining life.
      const c = await WireClient.connect(b.listeners['SASL_PLAINTEXT']!.port);
      try {
        assert.equal((await c.send(ApiKey.SaslHandshake, 1, { mechanism: 'OAUTHBEARER' })).errorCode, ErrorCode.NONE);
        const r = await c.send(ApiKey.SaslAuthenticate, 2, { authBytes: Buffer.from(`n,,\x01auth=Bearer ${await sign(claims, 20)}\x01\x01`) });
        assert.equal(r.errorCode, ErrorCode.NONE, r.errorMessage ?? '');
        assert.ok(r.sessionLifetimeMs > 0n && r.sessionLifetimeMs <= 20_000n, String(r.sessionLifetimeMs));
      } finally {
        c.close();
      }
    });
  } finally {
    await new Promise((r) => srv.close(r));
  }
});
