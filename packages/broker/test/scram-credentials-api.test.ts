import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { saltPassword } from '../src/security/scram-credentials.js';
import { withBroker } from './wire-client.js';

const salt = Buffer.from('0123456789abcdef');
const upsert = (name: string, mechanism: number, iterations = 4096, password = 'pw') => ({
  name, mechanism, iterations, salt,
  saltedPassword: saltPassword(mechanism === 2 ? 'SCRAM-SHA-512' : 'SCRAM-SHA-256', password, salt, Math.max(1, Math.min(iterations, 20000))),
});

test('Describe/AlterUserScramCredentials: Kafka semantics and error codes, durable across a restart', async () => {
  await withBroker(async (t) => {
    const alter = (body: Parameters<typeof t.client.send<typeof ApiKey.AlterUserScramCredentials>>[2]) => t.client.send(ApiKey.AlterUserScramCredentials, 0, body);
    const describe = (users: string[] | null) => t.client.send(ApiKey.DescribeUserScramCredentials, 0, { users: users === null ? null : users.map((name) => ({ name })) });

    assert.deepEqual((await describe(null)).results, []);
    const r1 = await alter({
      upsertions: [upsert('alice', 1), upsert('bob', 2, 8192), upsert('', 1), upsert('carol', 0), upsert('dave', 1, 4095), upsert('erin', 1, 16385), upsert('frank', 3)],
    });
    const byUser = Object.fromEntries(r1.results.map((r) => [r.user, [r.errorCode, r.errorMessage]]));
    assert.deepEqual(byUser, {
      alice: [ErrorCode.NONE, null],
      bob: [ErrorCode.NONE, null],
      '': [ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Username must not be empty'],
      carol: [ErrorCode.UNSUPPORTED_SASL_MECHANISM, 'Unknown SCRAM mechanism'],
      dave: [ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Too few iterations'],
      erin: [ErrorCode.UNACCEPTABLE_CREDENTIAL, 'Too many iterations'],
      frank: [ErrorCode.UNSUPPORTED_SASL_MECHANISM, 'Unknown SCRAM mechanism'],
    });
    // A user twice in one request (deletion + upsertion, or two upsertions): DUPLICATE_RESOURCE, nothing applied for it.
    const r2 = await alter({ deletions: [{ name: 'alice', mechanism: 1 }, { name: 'nobody', mechanism: 1 }], upsertions: [upsert('alice', 2), upsert('gina', 1), upsert('gina', 2)] });
    assert.deepEqual(Object.fromEntries(r2.results.map((r) => [r.user, r.errorCode])), {
      alice: ErrorCode.DUPLICATE_RESOURCE, gina: ErrorCode.DUPLICATE_RESOURCE, nobody: ErrorCode.RESOURCE_NOT_FOUND,
    });
    const all = await describe([]);
    assert.equal(all.errorCode, ErrorCode.NONE);
    assert.deepEqual(all.results.map((r) => [r.user, r.errorCode, r.credentialInfos.map((c) => [c.mechanism, c.iterations])]), [
      ['alice', ErrorCode.NONE, [[1, 4096]]],
      ['bob', ErrorCode.NONE, [[2, 8192]]],
    ]);
    const some = await describe(['bob', 'zed', 'alice', 'alice']);
    assert.deepEqual(some.results.map((r) => [r.user, r.errorCode, r.errorMessage]), [
      ['bob', ErrorCode.NONE, null],
      ['zed', ErrorCode.RESOURCE_NOT_FOUND, 'Attempt to describe a user credential that does not exist: zed'],
      ['alice', ErrorCode.DUPLICATE_RESOURCE, 'Cannot describe SCRAM credentials for the same user twice in a single request: alice'],
    ]);
    await t.restart();
    assert.deepEqual((await describe(null)).results.map((r) => r.user), ['alice', 'bob']);
    const r3 = await alter({ deletions: [{ name: 'alice', mechanism: 1 }, { name: 'bob', mechanism: 1 }] });
    assert.deepEqual(Object.fromEntries(r3.results.map((r) => [r.user, r.errorCode])), { alice: ErrorCode.NONE, bob: ErrorCode.RESOURCE_NOT_FOUND });
    assert.deepEqual((await describe(['alice'])).results[0]!.errorCode, ErrorCode.RESOURCE_NOT_FOUND);
  });
});

test('initial SCRAM users are created at start and kept on a restart', async () => {
  await withBroker(async (t) => {
    const d = await t.client.send(ApiKey.DescribeUserScramCredentials, 0, { users: null });
    assert.deepEqual(d.results.map((r) => [r.user, r.credentialInfos.map((c) => [c.mechanism, c.iterations])]), [['admin', [[1, 4096], [2, 8192]]]]);
    const before = t.broker.broker.scram.get('admin', 'SCRAM-SHA-256');
    await t.restart();
    assert.deepEqual(t.broker.broker.scram.get('admin', 'SCRAM-SHA-256'), before);
  }, {
    security: {
      sasl: {
        enabledMechanisms: ['SCRAM-SHA-256'],
        initialScramUsers: [
          { mechanism: 'SCRAM-SHA-256', name: 'admin', password: 'admin-secret' },
          { mechanism: 'SCRAM-SHA-512', name: 'admin', password: 'admin-secret', iterations: 8192 },
        ],
      },
    },
  });
});
