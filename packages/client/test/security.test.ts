// Our client over secured listeners, against Apache Kafka (and Tideline once its broker side is
// merged, see secure-brokers.ts): Producer/Consumer/Admin over SASL_PLAINTEXT with PLAIN,
// SCRAM-SHA-256 and SCRAM-SHA-512, over SASL_SSL and over SSL with a client certificate (mTLS);
// authentication failures are non-retriable KafkaErrors with the broker's message; KIP-368
// re-authentication on the same connection; the Admin ACL, SCRAM-credential and quota APIs.
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { TEST_REAUTH_MS, TEST_USERS, type SecureTestBroker } from '@tideline/interop';
import { Admin, ClientError, Connection, KafkaError, Producer, type SecurityOptions } from '../src/internal.js';
import { bothSecureBrokers, uniqueName } from './secure-brokers.js';
import { consumeN } from './helpers.js';

/**
 * Apache Kafka applies ACL, SCRAM and quota changes through its metadata log, so a describe right
 * after an alter may not see them yet: polls until `done` (bounded), returning the last answer.
 */
async function eventually<T>(fn: () => Promise<T>, done: (v: T) => boolean, attempts = 50): Promise<T> {
  let v = await fn();
  for (let i = 1; i < attempts && !done(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await fn();
  }
  return v;
}

type Mech = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';
const sasl = (mechanism: Mech, username: string = 'admin', password: string = TEST_USERS.admin): SecurityOptions => ({
  protocol: 'SASL_PLAINTEXT', sasl: { mechanism, username, password },
});
const mtls = (b: SecureTestBroker): SecurityOptions['tls'] => ({ ca: b.certs.caCert, cert: b.certs.clientCert, key: b.certs.clientKey });

async function roundTrip(bootstrap: string, security: SecurityOptions, topic: string): Promise<void> {
  const admin = new Admin({ bootstrap, security });
  try {
    await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
    const producer = new Producer({ bootstrap, security });
    try {
      const md = await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
      assert.equal(md.length, 10);
    } finally {
      await producer.close();
    }
    const got = await consumeN({ bootstrap, security }, topic, [0, 1], 10);
    assert.deepEqual(got.map((r) => r.value!.toString()).sort(), Array.from({ length: 10 }, (_, i) => `v${i}`).sort());
    assert.ok((await admin.listTopics()).includes(topic));
  } finally {
    await admin.close();
  }
}

bothSecureBrokers('Producer, Consumer and Admin over SASL_PLAINTEXT with PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512', {}, async (b) => {
  for (const m of ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
    await roundTrip(b.listeners.SASL_PLAINTEXT, sasl(m), uniqueName(`sasl-${m.toLowerCase()}`));
  }
});

bothSecureBrokers('Producer, Consumer and Admin over SASL_SSL (SCRAM-SHA-512) and over SSL with a client certificate', {}, async (b) => {
  await roundTrip(b.listeners.SASL_SSL, { protocol: 'SASL_SSL', tls: mtls(b), sasl: { mechanism: 'SCRAM-SHA-512', username: 'admin', password: TEST_USERS.admin } }, uniqueName('sasl-ssl'));
  await roundTrip(b.listeners.SSL, { protocol: 'SSL', tls: mtls(b) }, uniqueName('mtls'));
  // The certificate names 127.0.0.1 and localhost: both host checks pass; an untrusted CA fails, not retried.
  const [, port] = b.listeners.SSL.split(':');
  const conn = await Connection.connect({ host: 'localhost', port: Number(port), security: { protocol: 'SSL', tls: mtls(b) } });
  conn.close();
  await assert.rejects(
    Connection.connect({ host: '127.0.0.1', port: Number(port), security: { protocol: 'SSL', tls: { cert: b.certs.clientCert, key: b.certs.clientKey } } }),
    (e: unknown) => e instanceof ClientError && e.code === 'TLS_HANDSHAKE_FAILED' && !e.retriable,
  );
});

bothSecureBrokers('authentication failures are non-retriable KafkaErrors with the broker message', {}, async (b) => {
  for (const m of ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
    const admin = new Admin({ bootstrap: b.listeners.SASL_PLAINTEXT, security: sasl(m, 'admin', 'wrong'), retries: 3 });
    try {
      await assert.rejects(admin.listTopics(), (e: unknown) => e instanceof KafkaError && e.errorCode === ErrorCode.SASL_AUTHENTICATION_FAILED && !e.retriable && e.message.length > 'SASL_AUTHENTICATION_FAILED'.length, m);
    } finally {
      await admin.close();
    }
  }
  const [host, port] = b.listeners.SASL_PLAINTEXT.split(':') as [string, string];
  await assert.rejects(
    Connection.connect({ host, port: Number(port), security: { protocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'OAUTHBEARER', token: () => ({ value: 'x' }) } } }),
    (e: unknown) => e instanceof KafkaError && e.errorCode === ErrorCode.UNSUPPORTED_SASL_MECHANISM && /SCRAM-SHA-256/.test(e.message),
  );
});

bothSecureBrokers('re-authenticates on the same connection before the session lifetime ends (KIP-368)', { timeout: 60_000 }, async (b) => {
  const [host, port] = b.listeners.SASL_PLAINTEXT.split(':') as [string, string];
  for (const m of ['PLAIN', 'SCRAM-SHA-256'] as const) {
    const conn = await Connection.connect({ host, port: Number(port), security: sasl(m) });
    try {
      assert.equal(conn.authentications, 1);
      assert.ok(conn.sessionLifetimeMs > 0 && conn.sessionLifetimeMs <= TEST_REAUTH_MS, `lifetime ${conn.sessionLifetimeMs}`);
      // Keep requests flowing past two lifetimes: each must succeed (the broker closes a connection used past its session).
      const deadline = Date.now() + 2.5 * TEST_REAUTH_MS + 10_000;
      while (conn.authentications < 3 && Date.now() < deadline) {
        const res = await conn.request(ApiKey.Metadata, { topics: [] });
        assert.ok(res.brokers.length >= 1);
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(conn.authentications >= 3, `re-authenticated ${conn.authentications - 1} times`);
      assert.equal(conn.closed, false);
      assert.ok((await conn.request(ApiKey.Metadata, { topics: [] })).brokers.length >= 1);
    } finally {
      conn.close();
    }
  }
});

bothSecureBrokers('Admin: ACLs decide what alice may do; SCRAM users created with a client-side salted password log in', {}, async (b) => {
  const bootstrap = b.listeners.SASL_PLAINTEXT;
  const admin = new Admin({ bootstrap, security: sasl('SCRAM-SHA-256') });
  const topic = uniqueName('acl');
  const bob = uniqueName('bob');
  try {
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
    // Without ACLs: the idempotent producer's InitProducerId is refused (no IDEMPOTENT_WRITE, no WRITE
    // on any topic); a non-idempotent one gets to Produce and is refused there.
    const alice = new Producer({ bootstrap, security: sasl('PLAIN', 'alice', TEST_USERS.alice), retries: 1 });
    try {
      await assert.rejects(alice.send({ topic, messages: [{ value: 'no' }] }), (e: unknown) => e instanceof KafkaError && e.errorCode === ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    } finally {
      await alice.close();
    }
    const aliceNoIdem = new Producer({ bootstrap, security: sasl('PLAIN', 'alice', TEST_USERS.alice), retries: 1, idempotent: false, acks: 1 });
    try {
      await assert.rejects(aliceNoIdem.send({ topic, messages: [{ value: 'no' }] }), (e: unknown) => e instanceof KafkaError && e.errorCode === ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    } finally {
      await aliceNoIdem.close();
    }
    const binding = { resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', principal: 'User:alice', host: '*', operation: 'WRITE', permission: 'ALLOW' } as const;
    await admin.createAcls([binding, { ...binding, operation: 'DESCRIBE' }]);
    const listed = await eventually(() => admin.describeAcls({ resourceType: 'TOPIC', resourceName: topic }), (l) => l.length === 2);
    assert.deepEqual(listed.map((a) => a.operation).sort(), ['DESCRIBE', 'WRITE']);
    const matched = await admin.describeAcls({ resourceType: 'TOPIC', resourceName: topic, patternType: 'MATCH', principal: 'User:alice' });
    assert.equal(matched.length, 2);
    const alice2 = new Producer({ bootstrap, security: sasl('PLAIN', 'alice', TEST_USERS.alice) });
    try {
      const md = await alice2.send({ topic, messages: [{ value: 'yes' }] });
      assert.equal(md.length, 1);
    } finally {
      await alice2.close();
    }
    const deleted = await admin.deleteAcls([{ resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL' }]);
    assert.equal(deleted.length, 2);
    await eventually(() => admin.describeAcls({ resourceType: 'TOPIC', resourceName: topic }), (l) => l.length === 0);

    // Kafka refuses two alterations of one user in a request (DUPLICATE_RESOURCE): one call each.
    await admin.alterUserScramCredentials([{ op: 'upsert', user: bob, mechanism: 'SCRAM-SHA-256', password: 'bob-pw', iterations: 8192 }]);
    await admin.alterUserScramCredentials([{ op: 'upsert', user: bob, mechanism: 'SCRAM-SHA-512', password: 'bob-pw' }]);
    const described = await eventually(() => admin.describeUserScramCredentials([bob]).catch(() => []), (d) => d.length === 1 && d[0]!.credentials.length === 2);
    // Apache Kafka lists a user's mechanisms in no fixed order (4.4 gave SHA-512 first): compare sorted.
    const sorted = described.map((d) => ({ ...d, credentials: [...d.credentials].sort((a, b) => (a.mechanism < b.mechanism ? -1 : 1)) }));
    assert.deepEqual(sorted, [{ user: bob, credentials: [{ mechanism: 'SCRAM-SHA-256', iterations: 8192 }, { mechanism: 'SCRAM-SHA-512', iterations: 4096 }] }]);
    // SCRAM metadata propagates asynchronously in KRaft: retry the login briefly.
    const [host, port] = bootstrap.split(':') as [string, string];
    let loggedIn = false;
    for (let i = 0; i < 50 && !loggedIn; i++) {
      try {
        (await Connection.connect({ host, port: Number(port), security: sasl('SCRAM-SHA-256', bob, 'bob-pw') })).close();
        loggedIn = true;
      } catch (e) {
        if (!(e instanceof KafkaError)) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    assert.ok(loggedIn, 'bob logs in with SCRAM-SHA-256');
    await assert.rejects(Connection.connect({ host, port: Number(port), security: sasl('SCRAM-SHA-512', bob, 'other') }), (e: unknown) => e instanceof KafkaError && e.errorCode === ErrorCode.SASL_AUTHENTICATION_FAILED);
    await admin.alterUserScramCredentials([{ op: 'delete', user: bob, mechanism: 'SCRAM-SHA-256' }]);
    await admin.alterUserScramCredentials([{ op: 'delete', user: bob, mechanism: 'SCRAM-SHA-512' }]);
    const gone = await eventually(() => admin.describeUserScramCredentials([bob]).then(() => null, (e: unknown) => e), (e) => e !== null);
    assert.ok(gone instanceof KafkaError && gone.errorCode === ErrorCode.RESOURCE_NOT_FOUND, String(gone));
  } finally {
    await admin.close();
  }
});

bothSecureBrokers('Admin: client quotas set, described (exact, default, any) and removed', {}, async (b) => {
  const admin = new Admin({ bootstrap: b.listeners.SASL_PLAINTEXT, security: sasl('SCRAM-SHA-512') });
  const user = uniqueName('quser');
  try {
    await admin.alterClientQuotas([
      { entity: { user }, ops: { producer_byte_rate: 1_048_576, consumer_byte_rate: 2_097_152 } },
      { entity: { user, 'client-id': 'app' }, ops: { request_percentage: 50 } },
      { entity: { 'client-id': null }, ops: { producer_byte_rate: 4_194_304 } },
    ]);
    const exact = await eventually(() => admin.describeClientQuotas([{ entityType: 'user', match: { exact: user } }], { strict: true }), (l) => l.length === 1 && Object.keys(l[0]!.values).length === 2);
    assert.deepEqual(exact, [{ entity: { user }, values: { producer_byte_rate: 1_048_576, consumer_byte_rate: 2_097_152 } }]);
    const any = await eventually(() => admin.describeClientQuotas([{ entityType: 'user', match: { exact: user } }]), (l) => l.length === 2);
    assert.equal(any.length, 2);
    const defaults = await eventually(() => admin.describeClientQuotas([{ entityType: 'client-id', match: 'default' }], { strict: true }), (l) => l.length === 1);
    assert.deepEqual(defaults, [{ entity: { 'client-id': null }, values: { producer_byte_rate: 4_194_304 } }]);
    await admin.alterClientQuotas([{ entity: { user }, ops: { consumer_byte_rate: null } }]);
    const after = await eventually(() => admin.describeClientQuotas([{ entityType: 'user', match: { exact: user } }], { strict: true }), (l) => l.length === 1 && Object.keys(l[0]!.values).length === 1);
    assert.deepEqual(after[0]!.values, { producer_byte_rate: 1_048_576 });
    await admin.alterClientQuotas([
      { entity: { user }, ops: { producer_byte_rate: null } },
      { entity: { user, 'client-id': 'app' }, ops: { request_percentage: null } },
      { entity: { 'client-id': null }, ops: { producer_byte_rate: null } },
    ]);
    await eventually(() => admin.describeClientQuotas([{ entityType: 'user', match: { exact: user } }]), (l) => l.length === 0);
  } finally {
    await admin.close();
  }
});
