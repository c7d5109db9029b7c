// The client side of the SASL mechanisms, offline: SCRAM-SHA-256 against the RFC 7677 test vector
// (a fixed client nonce), a server signature that does not match, malformed server messages,
// iteration bounds; the OAUTHBEARER client-first message (RFC 7628) and PLAIN's token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScramClient, oauthBearerInitial, scramCredential, unsecuredJwt, ClientError } from '../src/internal.js';

const CLIENT_NONCE = 'rOprNGfwEbeRWgbNEkqO';
const SERVER_FIRST = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';
const CLIENT_FINAL = 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=';
const SERVER_FINAL = 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=';

test('SCRAM-SHA-256 client reproduces the RFC 7677 exchange and verifies the server signature', async () => {
  const c = new ScramClient('SCRAM-SHA-256', 'user', 'pencil', CLIENT_NONCE);
  assert.equal((await c.start()).toString(), 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO');
  assert.equal(c.next(Buffer.from(SERVER_FIRST))!.toString(), CLIENT_FINAL);
  assert.equal(c.next(Buffer.from(SERVER_FINAL)), null);
  assert.equal(c.complete, true);
});

test('SCRAM client refuses a wrong server signature, a foreign nonce, bad iterations and garbage', async () => {
  const wrongSig = new ScramClient('SCRAM-SHA-256', 'user', 'pencil', CLIENT_NONCE);
  await wrongSig.start();
  wrongSig.next(Buffer.from(SERVER_FIRST));
  assert.throws(() => wrongSig.next(Buffer.from('v=' + Buffer.alloc(32, 1).toString('base64'))), (e: unknown) => e instanceof ClientError && e.code === 'AUTHENTICATION_FAILED' && /server signature/.test(e.message));
  const cases: Array<[string, RegExp]> = [
    ['r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096', /nonce/],
    [`r=${CLIENT_NONCE},s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096`, /nonce/],
    [`r=${CLIENT_NONCE}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=1000`, /iteration/],
    [`r=${CLIENT_NONCE}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=99999999`, /iteration/],
    [`r=${CLIENT_NONCE}x,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=-5`, /iteration/],
    [`r=${CLIENT_NONCE}x,i=4096`, /lacks/],
    ['\u0000\u0001garbage', /malformed/],
    ['e=unknown-user', /unknown-user/],
  ];
  for (const [msg, re] of cases) {
    const c = new ScramClient('SCRAM-SHA-256', 'user', 'pencil', CLIENT_NONCE);
    await c.start();
    assert.throws(() => c.next(Buffer.from(msg)), (e: unknown) => e instanceof ClientError && re.test(e.message), msg);
  }
  const early = new ScramClient('SCRAM-SHA-512', 'user', 'pencil');
  assert.throws(() => early.next(Buffer.from(SERVER_FINAL)), /unexpected/);
});

test('SCRAM user names escape = and , (RFC 5802 saslname)', async () => {
  const c = new ScramClient('SCRAM-SHA-512', 'a=b,c', 'p', 'N');
  assert.equal((await c.start()).toString(), 'n,,n=a=3Db=2Cc,r=N');
});

test('scramCredential: Hi() as the RFC vector, iterations bounded', () => {
  const cred = scramCredential('SCRAM-SHA-256', 'pencil', 4096, Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64'));
  assert.equal(cred.saltedPassword.length, 32);
  assert.equal(scramCredential('SCRAM-SHA-512', 'x').saltedPassword.length, 64);
  assert.throws(() => scramCredential('SCRAM-SHA-256', 'x', 100), /iterations/);
});

test('OAUTHBEARER client-first message and the unsecured JWS', () => {
  const tok = unsecuredJwt({ principal: 'alice', scope: ['a', 'b'], lifetimeMs: 60_000 });
  const [h, p, sig] = tok.split('.');
  assert.deepEqual(JSON.parse(Buffer.from(h!, 'base64url').toString()), { alg: 'none' });
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
  assert.equal(claims['sub'], 'alice');
  assert.equal(claims['scope'], 'a b');
  assert.equal(sig, '');
  assert.equal(oauthBearerInitial({ value: 'T', extensions: { traceId: '1' } }).toString(), 'n,,\u0001auth=Bearer T\u0001traceId=1\u0001\u0001');
  assert.throws(() => oauthBearerInitial({ value: 'T', extensions: { auth: 'x' } }), /not allowed/);
});
