// Sign-in and the security API against Tideline with SASL and ACLs on: sessions as HttpOnly,
// SameSite=Strict cookies, CSRF refusal, a restricted user refused what the ACLs refuse (the Kafka
// error name in the answer), ACLs with the producer/consumer conveniences, SCRAM users, quotas,
// sign-out and idle expiry. (The browser test runs sign-in and ACLs on Apache Kafka too.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, uniqueTopic, waitFor } from './brokers.js';
import { secureMatrix, signIn, TEST_USERS, withSignInConsole } from './secure.js';
import { startConsole } from '../src/index.js';

const { bothBrokers } = secureMatrix(['tideline']);

interface ApiErr { error: { code: string; message: string; kafkaError?: string } }

bothBrokers('sign-in: cookie flags, CSRF token, ACL refusals as Kafka error names, ACLs/SCRAM/quotas API, sign-out', { timeout: 90_000 }, async (b) => {
  await withSignInConsole(b.listeners.SASL_PLAINTEXT, async (c) => {
    // Nothing without a session but the public routes.
    const anon = await call<ApiErr>(c, 'GET', '/api/topics');
    assert.equal(anon.status, 401);
    assert.equal(anon.body.error.code, 'SIGN_IN_REQUIRED');
    assert.deepEqual((await call(c, 'GET', '/api/session')).body, { signIn: true, mechanism: 'SCRAM-SHA-256', user: null, csrfToken: null });

    const wrong = await call<ApiErr>(c, 'POST', '/api/session', { username: 'alice', password: 'not-her-password' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'SIGN_IN_FAILED');
    assert.equal(wrong.body.error.kafkaError, 'SASL_AUTHENTICATION_FAILED');
    assert.equal(wrong.headers.get('set-cookie'), null);
    assert.ok(!JSON.stringify(wrong.body).includes('not-her-password'));
    assert.equal((await call(c, 'POST', '/api/session', { username: 'alice' })).status, 400);
    // Five failures in a row for one user: the next attempt is refused without asking the broker.
    for (let i = 0; i < 5; i++) assert.equal((await call(c, 'POST', '/api/session', { username: 'mallory', password: `guess-${i}` })).status, 401);
    const locked = await call<ApiErr>(c, 'POST', '/api/session', { username: 'mallory', password: 'guess-5' });
    assert.equal(locked.status, 429);
    assert.equal(locked.body.error.code, 'TOO_MANY_ATTEMPTS');

    const admin = await signIn(c, 'admin', TEST_USERS.admin);
    assert.equal(admin.user, 'User:admin');
    const flags = admin.setCookie.split(';').map((s) => s.trim());
    assert.ok(flags.includes('HttpOnly') && flags.includes('SameSite=Strict') && flags.includes('Path=/'), admin.setCookie);
    assert.ok(!flags.some((f) => /^(Max-Age|Expires)=/i.test(f)), 'a browser-session cookie');
    assert.equal(admin.cookie.split('=')[0], `tideline_session_${c.port}`, 'named by port: two consoles on one host keep their own sessions');
    assert.match(admin.cookie, /^tideline_session_\d+=[A-Za-z0-9_-]{43}$/);
    assert.ok(!admin.setCookie.includes(TEST_USERS.admin));
    assert.equal((await call(c, 'GET', '/api/session', undefined, { cookie: admin.cookie })).body.csrfToken, admin.csrf);

    // CSRF: a state-changing call with the cookie but without the session's token is refused.
    const topic = uniqueTopic('sec-orders');
    const body = { name: topic, partitions: 1, replicationFactor: 1 };
    for (const headers of [{ cookie: admin.cookie } as Record<string, string>, { cookie: admin.cookie, 'x-csrf-token': 'x'.repeat(admin.csrf.length) }, { cookie: admin.cookie, 'x-csrf-token': '' }]) {
      const r = await call<ApiErr>(c, 'POST', '/api/topics', body, headers);
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'CSRF_TOKEN_INVALID');
    }
    assert.equal((await call(c, 'POST', '/api/topics', body, { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: 'http://evil.example' })).status, 403);
    assert.equal((await admin.call('POST', '/api/topics', body)).status, 200);

    // alice has no ACLs: she sees no topics and is refused with the Kafka error's name.
    const alice = await signIn(c, 'alice', TEST_USERS.alice);
    assert.notEqual(alice.cookie, admin.cookie);
    assert.notEqual(alice.csrf, admin.csrf);
    const hers = await alice.call<{ topics: Array<{ name: string }> }>('GET', '/api/topics');
    assert.equal(hers.status, 200);
    assert.ok(!hers.body.topics.some((t) => t.name === topic), 'alice cannot see the topic');
    const refused = await alice.call<ApiErr>('POST', `/api/topics/${topic}/messages`, { value: 'hi' });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'FORBIDDEN');
    assert.equal(refused.body.error.kafkaError, 'TOPIC_AUTHORIZATION_FAILED');
    assert.equal((await alice.call('GET', '/api/overview')).status, 200, 'the overview works for a user without ACLs');
    assert.equal((await alice.call('GET', '/api/groups')).status, 200);
    const noAcls = await alice.call<ApiErr>('GET', '/api/acls');
    assert.equal(noAcls.status, 403);
    assert.equal(noAcls.body.error.kafkaError, 'CLUSTER_AUTHORIZATION_FAILED');

    // The operations pages run as the session's user too: alice's Dead letters list holds only the
    // dead-letter topics she may describe; one she may describe but not read is refused by name;
    // stream apps and lag status answer with what she may see; sizes need DESCRIBE on the cluster.
    const dlq = `${topic}.dlq`;
    type DlqList = { topics: Array<{ name: string }> };
    assert.equal((await admin.call('POST', '/api/topics', { name: dlq, partitions: 1, replicationFactor: 1 })).status, 200);
    assert.equal((await admin.call('POST', `/api/topics/${dlq}/messages`, { value: 'no envelope' })).status, 200);
    assert.ok((await admin.call<DlqList>('GET', '/api/dlq')).body.topics.some((t) => t.name === dlq), 'the admin sees the DLQ');
    const aliceDlqs = await alice.call<DlqList>('GET', '/api/dlq');
    assert.equal(aliceDlqs.status, 200);
    assert.ok(!aliceDlqs.body.topics.some((t) => t.name === dlq), 'alice cannot see the DLQ');
    assert.equal((await alice.call<ApiErr>('POST', `/api/dlq/${dlq}/replay`, { all: true })).body.error.code, 'UNKNOWN_TOPIC');
    assert.equal((await admin.call('POST', '/api/acls', { principal: 'User:alice', resourceType: 'TOPIC', resourceName: dlq, operations: ['DESCRIBE'] })).status, 200);
    await waitFor('alice sees the DLQ', async () => (await alice.call<DlqList>('GET', '/api/dlq')).body.topics.some((t) => t.name === dlq), 10_000);
    const unreadable = await alice.call<ApiErr>('POST', `/api/dlq/${dlq}/replay`, { all: true });
    assert.equal(unreadable.status, 403, JSON.stringify(unreadable.body));
    assert.equal(unreadable.body.error.kafkaError, 'TOPIC_AUTHORIZATION_FAILED');
    for (const path of ['/api/streams', '/api/lag-status?trouble=true']) assert.equal((await alice.call('GET', path)).status, 200, path);
    const sizes = await alice.call<ApiErr>('GET', '/api/log-dirs');
    assert.equal(sizes.status, 403, 'DescribeLogDirs needs DESCRIBE on the cluster: the topic list shows no sizes for her');
    assert.equal(sizes.body.error.kafkaError, 'CLUSTER_AUTHORIZATION_FAILED');

    // ACLs: the producer and consumer conveniences, list with filters, delete one binding.
    const group = uniqueTopic('sec-group');
    const made = await admin.call<{ created: unknown[] }>('POST', '/api/acls', { principal: 'User:alice', producer: true, consumer: true, topic, group });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    assert.equal(made.body.created.length, 5); // WRITE, DESCRIBE, CREATE, READ on the topic (DESCRIBE once), READ on the group
    const listed = await admin.call<{ acls: Array<{ resourceType: string; resourceName: string; operation: string; principal: string }> }>('GET', `/api/acls?principal=User:alice&resourceType=topic&resourceName=${topic}`);
    assert.deepEqual(listed.body.acls.map((a) => a.operation).sort(), ['CREATE', 'DESCRIBE', 'READ', 'WRITE']);
    assert.equal((await alice.call('POST', `/api/topics/${topic}/messages`, { value: 'hi' })).status, 200);
    await waitFor('alice sees the topic', async () => (await alice.call<{ topics: Array<{ name: string }> }>('GET', '/api/topics')).body.topics.some((t) => t.name === topic), 10_000);
    const del = await admin.call<{ deleted: unknown[] }>('DELETE', '/api/acls', { resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', principal: 'User:alice', host: '*', operation: 'WRITE', permission: 'ALLOW' });
    assert.equal(del.body.deleted.length, 1);
    assert.equal((await alice.call<ApiErr>('POST', `/api/topics/${topic}/messages`, { value: 'again' })).body.error.kafkaError, 'TOPIC_AUTHORIZATION_FAILED');
    assert.equal((await admin.call('POST', '/api/acls', { principal: 'alice', resourceType: 'TOPIC', resourceName: topic, operations: ['READ'] })).status, 400);
    assert.equal((await admin.call('POST', '/api/acls', { principal: 'User:alice', resourceType: 'TOPIC', resourceName: topic, operations: ['FLY'] })).status, 400);
    assert.equal((await admin.call('DELETE', '/api/acls', { resourceType: 'TOPIC', resourceName: topic, principal: 'User:alice', host: '*' })).status, 400);

    // SCRAM users: create, list (no secrets), sign in as the new user, delete.
    const bob = uniqueTopic('bob');
    assert.equal((await admin.call('PUT', `/api/scram-users/${bob}`, { mechanism: 'SCRAM-SHA-256', password: 'bob-secret-1' })).status, 200);
    const users = await admin.call<{ users: Array<{ user: string; credentials: Array<{ mechanism: string; iterations: number }> }> }>('GET', '/api/scram-users');
    assert.deepEqual(users.body.users.find((u) => u.user === bob)?.credentials.map((x) => x.mechanism), ['SCRAM-SHA-256']);
    assert.ok(!JSON.stringify(users.body).includes('bob-secret-1'));
    const asBob = await signIn(c, bob, 'bob-secret-1');
    assert.equal(asBob.user, `User:${bob}`);
    assert.equal((await admin.call('DELETE', `/api/scram-users/${bob}`, { mechanism: 'SCRAM-SHA-256' })).status, 200);
    assert.equal((await call<ApiErr>(c, 'POST', '/api/session', { username: bob, password: 'bob-secret-1' })).status, 401);

    // Quotas: set, list, remove.
    assert.equal((await admin.call('POST', '/api/quotas', { entity: { user: 'alice' }, values: { producer_byte_rate: 1048576 } })).status, 200);
    const q = await admin.call<{ quotas: Array<{ entity: Record<string, string>; values: Record<string, number> }> }>('GET', '/api/quotas?user=alice');
    assert.equal(q.body.quotas[0]?.values.producer_byte_rate, 1048576);
    assert.equal((await admin.call('POST', '/api/quotas', { entity: { user: 'alice' }, values: { producer_byte_rate: null } })).status, 200);
    assert.deepEqual((await admin.call<{ quotas: unknown[] }>('GET', '/api/quotas?user=alice')).body.quotas, []);
    assert.equal((await admin.call('POST', '/api/quotas', { entity: { tenant: 'x' }, values: { producer_byte_rate: 1 } })).status, 400);
    assert.equal((await alice.call<ApiErr>('POST', '/api/quotas', { entity: { user: 'alice' }, values: { producer_byte_rate: 1e9 } })).body.error.code, 'FORBIDDEN');

    // Sign-out needs the token, ends the session and clears the cookie.
    assert.equal((await call(c, 'DELETE', '/api/session', {}, { cookie: alice.cookie })).status, 403);
    const out = await alice.call('DELETE', '/api/session', {});
    assert.equal(out.status, 200);
    assert.match(out.headers.get('set-cookie') ?? '', /Max-Age=0/);
    assert.equal((await alice.call<ApiErr>('GET', '/api/topics')).body.error.code, 'SIGN_IN_REQUIRED');
    assert.equal((await admin.call('GET', '/api/topics')).status, 200, 'other sessions live on');
  });

  // Idle sessions end.
  await withSignInConsole(b.listeners.SASL_PLAINTEXT, async (c) => {
    const s = await signIn(c, 'alice', TEST_USERS.alice);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal((await s.call<ApiErr>('GET', '/api/health')).body.error.code, 'SIGN_IN_REQUIRED');
  }, { mechanism: 'PLAIN', idleTimeoutMs: 150 });
});

test('sign-in needs a SASL protocol and a PLAIN or SCRAM mechanism; without it the session routes say so', async () => {
  await assert.rejects(startConsole({ cluster: { bootstrap: '127.0.0.1:1' }, port: 0, signIn: true }), /SASL listener/);
  await assert.rejects(startConsole({ cluster: { bootstrap: '127.0.0.1:1', security: { protocol: 'SASL_PLAINTEXT' } }, port: 0, signIn: true }), /sasl.mechanism/);
  const c = await startConsole({ cluster: { bootstrap: '127.0.0.1:1' }, port: 0 });
  try {
    assert.deepEqual((await call(c, 'GET', '/api/session')).body, { signIn: false, mechanism: null, user: null, csrfToken: null });
    assert.equal((await call(c, 'POST', '/api/session', { username: 'a', password: 'b' })).status, 400);
  } finally {
    await c.close();
  }
});
