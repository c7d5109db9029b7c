// Kafka client properties → client settings, offline: the properties syntax, sasl.jaas.config,
// PEM trust and key stores, endpoint identification, OAUTHBEARER unsecured options, and the
// unknown-key rule (security keys fail, others warn).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientSettingsFromProperties, parseJaasConfig, parseProperties } from '../src/client-config.js';
import { CliError } from '../src/errors.js';

test('parseProperties reads Java properties syntax', () => {
  const p = parseProperties('# c\n! c\na=1\nb : two\nc three\n  d = x\\\n    y\ne=a\\=b\\u0041\\\\\n');
  assert.deepEqual([...p], [['a', '1'], ['b', 'two'], ['c', 'three'], ['d', 'xy'], ['e', 'a=bA\\']]);
});

test('parseJaasConfig reads the module and quoted or bare options', () => {
  const j = parseJaasConfig('org.apache.kafka.common.security.scram.ScramLoginModule required username="al ice" password="p\\"w" tokenauth=true;');
  assert.equal(j.module, 'org.apache.kafka.common.security.scram.ScramLoginModule');
  assert.deepEqual([...j.options], [['username', 'al ice'], ['password', 'p"w'], ['tokenauth', 'true']]);
  assert.throws(() => parseJaasConfig('nonsense'), CliError);
});

test('client settings: SASL_SSL with SCRAM, PEM truststore file, keystore file, no host check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-cc-'));
  try {
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n');
    writeFileSync(join(dir, 'ks.pem'), '-----BEGIN PRIVATE KEY-----\nK\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nC\n-----END CERTIFICATE-----\n');
    const warnings: string[] = [];
    const s = clientSettingsFromProperties(new Map([
      ['security.protocol', 'SASL_SSL'], ['sasl.mechanism', 'SCRAM-SHA-512'],
      ['sasl.jaas.config', 'org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="secret";'],
      ['ssl.truststore.type', 'PEM'], ['ssl.truststore.location', 'ca.pem'], ['ssl.keystore.type', 'PEM'], ['ssl.keystore.location', join(dir, 'ks.pem')],
      ['ssl.endpoint.identification.algorithm', ''], ['client.id', 'cc'], ['linger.ms', '5'],
    ]), dir, (m) => warnings.push(m));
    assert.equal(s.clientId, 'cc');
    assert.deepEqual(s.security?.sasl, { mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'secret' });
    assert.match(String(s.security?.tls?.ca), /CA/);
    assert.match(String(s.security?.tls?.key), /BEGIN PRIVATE KEY/);
    assert.match(String(s.security?.tls?.cert), /BEGIN CERTIFICATE-----\nC/);
    assert.equal(s.security?.tls?.checkHostname, false);
    assert.deepEqual(warnings, ['client properties: ignoring linger.ms (not a setting tide uses)']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('client settings: refusals name the key', () => {
  const bad: Array<[Array<[string, string]>, RegExp]> = [
    [[['security.protocol', 'SASL_PLAINTEXT']], /sasl.jaas.config/],
    [[['security.protocol', 'SASL_PLAINTEXT'], ['sasl.mechanism', 'GSSAPI'], ['sasl.jaas.config', 'x.Krb5LoginModule required;']], /GSSAPI is not supported/],
    [[['security.protocol', 'SASL_PLAINTEXT'], ['sasl.mechanism', 'PLAIN'], ['sasl.jaas.config', 'x.ScramLoginModule required username="a" password="b";']], /PlainLoginModule/],
    [[['security.protocol', 'SSL'], ['ssl.truststore.type', 'JKS']], /only PEM/],
    [[['security.protocol', 'TLS']], /security.protocol/],
    [[['ssl.keymanager.algorithm', 'x']], /ssl.keymanager.algorithm is not supported/],
  ];
  for (const [props, re] of bad) assert.throws(() => clientSettingsFromProperties(new Map(props), '.', () => undefined), (e: unknown) => e instanceof CliError && re.test(e.message), re.source);
});

test('client settings: OAUTHBEARER unsecured login options make an alg:none token with extensions', async () => {
  const s = clientSettingsFromProperties(new Map([
    ['security.protocol', 'SASL_PLAINTEXT'], ['sasl.mechanism', 'OAUTHBEARER'],
    ['sasl.jaas.config', 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="alice" unsecuredLoginListClaim_scope=",read,write" unsecuredLoginExtension_traceId="42";'],
  ]), '.', () => undefined);
  const sasl = s.security?.sasl;
  assert.ok(sasl !== undefined && sasl.mechanism === 'OAUTHBEARER');
  const tok = await sasl.token();
  const payload = JSON.parse(Buffer.from(tok.value.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  assert.equal(payload['sub'], 'alice');
  assert.deepEqual(payload['scope'], ['read', 'write']);
  assert.deepEqual(tok.extensions, { traceId: '42' });
});
