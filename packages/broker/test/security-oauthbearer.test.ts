import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { BrokerError } from '../src/errors.js';
import { OAuthBearerMechanismServer, parseClientInitial, type OAuthBearerOptions } from '../src/security/oauthbearer.js';
import type { SaslStepResult } from '../src/security/types.js';

const NOW = 1_800_000_000_000;
const now = (): number => NOW;
const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const unsecured = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'none' }): string => `${b64(header)}.${b64(claims)}.`;
const first = (token: string, authz = ''): Buffer => Buffer.from(`n,${authz === '' ? '' : `a=${authz}`},\x01host=localhost\x01auth=Bearer ${token}\x01\x01`, 'latin1');

async function rejected(server: OAuthBearerMechanismServer, msg: Buffer, status = 'invalid_token', reason?: RegExp): Promise<void> {
  const ex = server.start('L');
  const r = await ex.step(msg);
  assert.equal(r.done, false);
  const json = JSON.parse(r.response.toString()) as { status: string };
  assert.equal(json.status, status);
  await assert.rejects(Promise.resolve().then(() => ex.step(Buffer.from([1]))), (e: unknown) => e instanceof BrokerError && e.kafkaError === 'SASL_AUTHENTICATION_FAILED'
    && e.message === r.response.toString() && (reason === undefined || (e.cause instanceof Error && reason.test(e.cause.message))));
}

async function accepted(server: OAuthBearerMechanismServer, msg: Buffer): Promise<SaslStepResult> {
  const r = await server.start('L').step(msg);
  assert.equal(r.done, true, r.response.toString());
  assert.equal(r.response.length, 0);
  return r;
}

async function failsAtOnce(server: OAuthBearerMechanismServer, msg: Buffer): Promise<void> {
  await assert.rejects(Promise.resolve().then(() => server.start('L').step(msg)), (e: unknown) => e instanceof BrokerError && e.kafkaError === 'SASL_AUTHENTICATION_FAILED');
}

test('OAUTHBEARER client initial response parsing (RFC 7628)', () => {
  assert.deepEqual(parseClientInitial('n,,\x01auth=Bearer abc.def.\x01\x01'), { authzid: '', token: 'abc.def.' });
  assert.deepEqual(parseClientInitial('n,a=alice,\x01auth=Bearer x\x01k=v\x01\x01'), { authzid: 'alice', token: 'x' });
  for (const bad of ['', 'n,,', 'n,,\x01\x01', 'y,,\x01auth=Bearer x\x01\x01', 'n,,\x01auth=Basic x\x01\x01', 'n,,\x01auth=Bearer x\x01', 'n,,\x01auth=Bearer x\x01auth=Bearer y\x01\x01', 'n,,\x01=v\x01auth=Bearer x\x01\x01', 'n,b,\x01auth=Bearer x\x01\x01']) {
    assert.equal(parseClientInitial(bad), null, JSON.stringify(bad));
  }
});

test('OAUTHBEARER unsecured: principal, exp/iat with clock skew, scopes, authzid, the error then \\x01', async () => {
  const opts: OAuthBearerOptions = { mode: 'unsecured', now };
  const s = new OAuthBearerMechanismServer(opts);
  const exp = NOW / 1000 + 3600;
  const ok = await accepted(s, first(unsecured({ sub: 'alice', exp, iat: NOW / 1000 })));
  assert.equal(ok.principal, 'User:alice');
  assert.equal(ok.credentialLifetimeMs, 3_600_000);
  assert.equal((await accepted(s, first(unsecured({ sub: 'alice', exp }), 'alice'))).principal, 'User:alice');
  await failsAtOnce(s, first(unsecured({ sub: 'alice', exp }), 'bob'));
  await rejected(s, first(unsecured({ sub: 'alice', exp: NOW / 1000 - 1 })), 'invalid_token', /expired/);
  await rejected(s, first(unsecured({ sub: 'alice' })), 'invalid_token', /exp/);
  await rejected(s, first(unsecured({ exp })), 'invalid_token', /principal/);
  await rejected(s, first(unsecured({ sub: 'alice', exp, iat: NOW / 1000 + 10 })), 'invalid_token', /future/);
  await rejected(s, first(unsecured({ sub: 'alice', exp }, { alg: 'HS256' })), 'invalid_token', /alg/);
  await rejected(s, first(`${b64({ alg: 'none' })}.${b64({ sub: 'a', exp })}.c2ln`), 'invalid_token', /signature/);
  await rejected(s, first('garbage'));
  await rejected(s, first('a.b.'));
  await failsAtOnce(s, Buffer.from('garbage'));
  await failsAtOnce(s, Buffer.alloc(70_000, 0x41));
  // The client must acknowledge the error with \x01; anything else fails too.
  {
    const ex = s.start('L');
    await ex.step(first('garbage'));
    await assert.rejects(Promise.resolve().then(() => ex.step(first(unsecured({ sub: 'alice', exp })))), (e: unknown) => e instanceof BrokerError && e.cause instanceof Error && /did not acknowledge/.test(e.cause.message));
  }
  // Clock skew, another principal claim, required scopes (string or array).
  const skewed = new OAuthBearerMechanismServer({ mode: 'unsecured', now, allowableClockSkewMs: 5000, principalClaim: 'user', requiredScopes: ['read', 'write'] });
  assert.equal((await accepted(skewed, first(unsecured({ user: 'carol', exp: NOW / 1000 - 2, iat: NOW / 1000 - 100, scope: 'read write x' })))).principal, 'User:carol');
  assert.equal((await accepted(skewed, first(unsecured({ user: 'carol', exp, iat: NOW / 1000 + 2, scope: 'read write' })))).principal, 'User:carol');
  await rejected(skewed, first(unsecured({ user: 'carol', exp: NOW / 1000 - 6, scope: 'read write' })), 'invalid_token', /expired/);
  await rejected(skewed, first(unsecured({ user: 'carol', exp, iat: exp, scope: 'read write' })), 'invalid_token', /future|not after/);
  assert.equal((await accepted(skewed, first(unsecured({ user: 'carol', exp, scope: ['write', 'read'] })))).principal, 'User:carol');
  await rejected(skewed, first(unsecured({ user: 'carol', exp, scope: 'read' })), 'insufficient_scope', /write/);
  await rejected(skewed, first(unsecured({ sub: 'carol', exp, scope: 'read write' })), 'invalid_token', /user claim/);
});

test('OAUTHBEARER jwks: RS256 tokens verified with keys from a JWKS text and from an http URL, issuer and audience', async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const jwks = JSON.stringify({ keys: [jwk] });
  const sign = (claims: Record<string, unknown>, key = privateKey, kid = 'k1'): Promise<string> =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
  const exp = NOW / 1000 + 600;
  let fetches = 0;
  const srv = http.createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/jwks.json`;
    for (const source of [{ jwks, jwksSource: 'jwks.json' }, { jwksSource: url }]) {
      const s = new OAuthBearerMechanismServer({ mode: 'jwks', now, ...source, expectedIssuer: 'https://issuer.test', expectedAudience: ['kafka'] });
      const good = { sub: 'svc-orders', exp, iss: 'https://issuer.test', aud: 'kafka' };
      const r = await accepted(s, first(await sign(good)));
      assert.equal(r.principal, 'User:svc-orders');
      assert.equal(r.credentialLifetimeMs, 600_000);
      await accepted(s, first(await sign(good)));
      await rejected(s, first(await sign(good, other.privateKey)));
      await rejected(s, first(await sign({ ...good, iss: 'https://evil.test' })));
      await rejected(s, first(await sign({ ...good, aud: 'other' })));
      await rejected(s, first(await sign({ ...good, exp: NOW / 1000 - 60 })));
      await rejected(s, first(unsecured(good)));
      await rejected(s, first(await sign(good, privateKey, 'unknown-kid')));
    }
    // Keys are cached: the URL was fetched once, plus at most one refetch for the unknown kid.
    assert.ok(fetches >= 1 && fetches <= 2, `fetches ${fetches}`);
  } finally {
    await new Promise((r) => srv.close(r));
  }
  assert.throws(() => new OAuthBearerMechanismServer({ mode: 'jwks', jwksSource: '/etc/jwks.json' }), /http\(s\) JWKS URL/);
  assert.throws(() => new OAuthBearerMechanismServer({ mode: 'jwks', jwks: '{' }), /not JSON/);
});
