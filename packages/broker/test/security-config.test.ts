// Unit tests: the properties parser, JAAS parser, ssl.principal.mapping.rules, --add-scram and the
// mapping of Kafka broker properties onto BrokerOptions (errors name the key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  brokerOptionsFromProperties, ConfigError, parseAddScram, parseJaasConfig, parseProperties, SslPrincipalMapper, PrincipalMappingError,
} from '../src/index.js';
import { plainUsersOf } from '../src/security/jaas.js';
import { distinguishedName } from '../src/security/principal-mapper.js';
import { parsePlainMessage, plainMechanism } from '../src/security/plain.js';

test('properties: comments, separators, continuations, escapes, duplicates', () => {
  const p = parseProperties([
    '# comment',
    '  ! another comment',
    'a=1',
    'b : two words ',
    'c\tspaced value',
    'd=line one \\',
    '    continued',
    'e=x\\\\',
    'f=tab\\there\\u0041\\:\\=',
    'key\\ with\\ spaces=v',
    'empty=',
    'a=override',
    'g=\\',
  ].join('\n'));
  assert.equal(p.get('a'), 'override');
  assert.equal(p.get('b'), 'two words ');
  assert.equal(p.get('c'), 'spaced value');
  assert.equal(p.get('d'), 'line one continued');
  assert.equal(p.get('e'), 'x\\');
  assert.equal(p.get('f'), 'tab\thereA:=');
  assert.equal(p.get('key with spaces'), 'v');
  assert.equal(p.get('empty'), '');
  assert.equal(p.get('g'), '');
  assert.equal(p.has('# comment'), false);
  assert.throws(() => parseProperties('x=\\u12'), /malformed/);
});

test('JAAS: PlainLoginModule users, quoting, several modules, syntax errors', () => {
  const e = parseJaasConfig('org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret" user_alice="al\\"ice;=" user_bob=bare;');
  assert.equal(e.length, 1);
  assert.equal(e[0]!.flag, 'required');
  assert.deepEqual(plainUsersOf(e), { admin: 'admin-secret', alice: 'al"ice;=', bob: 'bare' });
  assert.equal(parseJaasConfig('A required; B optional x="1";').length, 2);
  assert.throws(() => parseJaasConfig('A required user_a="x"'), /expected an option or ';'/);
  assert.throws(() => parseJaasConfig('A mandatory;'), /invalid control flag/);
  assert.throws(() => parseJaasConfig('A required user_a="x;'), /unterminated/);
  assert.throws(() => parseJaasConfig('A required user_a;'), /expected '='/);
  assert.throws(() => parseJaasConfig(''), /no login module/);
});

test('ssl.principal.mapping.rules: Kafka\'s documented examples, DEFAULT, case folding, no match, invalid rules', () => {
  const m = SslPrincipalMapper.fromRules('RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/,RULE:^CN=(.*?),OU=(.*?),O=(.*?),L=(.*?),ST=(.*?),C=(.*?)$/$1@$2/L,RULE:^.*[Cc][Nn]=([a-zA-Z0-9.]*).*$/$1/L,DEFAULT');
  assert.equal(m.name('CN=serviceuser,OU=ServiceUsers,O=Unknown,L=Unknown,ST=Unknown,C=Unknown'), 'serviceuser');
  assert.equal(m.name('CN=adminUser,OU=Admin,O=Unknown,L=Unknown,ST=Unknown,C=Unknown'), 'adminuser@admin');
  assert.equal(m.name('CN=kafka1.example.com,O=Acme'), 'kafka1.example.com');
  assert.equal(m.name('OU=NoCommonName'), 'OU=NoCommonName');
  assert.equal(SslPrincipalMapper.fromRules(undefined).name('CN=a,O=b'), 'CN=a,O=b');
  assert.equal(SslPrincipalMapper.fromRules('RULE:^CN=([^,]*).*$/$1/U').name('CN=alice,O=x'), 'ALICE');
  assert.equal(SslPrincipalMapper.fromRules('RULE:^CN=(.*)$/a\\/b$1/').name('CN=c'), 'a/bc');
  assert.equal(SslPrincipalMapper.fromRules(' RULE:^CN=(.*?),.*$/$1/ , DEFAULT ').name('CN=x,O=y'), 'x');
  assert.throws(() => SslPrincipalMapper.fromRules('RULE:^CN=(.*)$/$1/').name('O=x'), PrincipalMappingError);
  for (const bad of ['DEFAULT, DEFAUL', 'RULE:/', 'RULE:^CN=(.*)$/$1', 'RULE:^CN=(.*)$/$1/LU', 'RULE:(/x/', 'KERBEROS']) {
    assert.throws(() => SslPrincipalMapper.fromRules(bad), PrincipalMappingError, bad);
  }
  assert.equal(distinguishedName('C=US\nO=Acme\nOU=Eng\nCN=alice'), 'CN=alice,OU=Eng,O=Acme,C=US');
});

test('PLAIN: message parsing and the exchange', async () => {
  assert.deepEqual(parsePlainMessage(Buffer.from('\0u\0p')), { authzid: '', user: 'u', password: 'p' });
  assert.equal(parsePlainMessage(Buffer.from('u\0p')), null);
  assert.equal(parsePlainMessage(Buffer.from('\0u\0p\0x')), null);
  assert.equal(parsePlainMessage(Buffer.from([0, 0xff, 0, 0x41])), null, 'invalid UTF-8');
  const mech = plainMechanism((l) => (l === 'SASL' ? { alice: 'pw' } : undefined));
  const ok = await mech.start('SASL').step(Buffer.from('alice\0alice\0pw'));
  assert.equal(ok.done, true);
  assert.equal(ok.principal, 'User:alice');
  const fails: Array<[string, string, RegExp]> = [
    ['SASL', '\0alice\0wrong', /Invalid username or password/],
    ['SASL', '\0nobody\0pw', /Invalid username or password/],
    ['OTHER', '\0alice\0pw', /Invalid username or password/],
    ['SASL', 'bob\0alice\0pw', /authorization id/],
    ['SASL', '\0\0pw', /username not specified/],
    ['SASL', 'garbage', /expected 3/],
  ];
  for (const [l, tok, re] of fails) assert.throws(() => mech.start(l).step(Buffer.from(tok)), re, tok);
  assert.throws(() => mech.start('SASL').step(Buffer.alloc(70_000)), /at most/);
  const ex = mech.start('SASL');
  await ex.step(Buffer.from('\0alice\0pw'));
  assert.throws(() => ex.step(Buffer.from('\0alice\0pw')), /single message/);
});

test('--add-scram: Kafka\'s kafka-storage syntax', () => {
  assert.deepEqual(parseAddScram('SCRAM-SHA-256=[name=admin,password=admin-secret]'), { mechanism: 'SCRAM-SHA-256', name: 'admin', password: 'admin-secret' });
  assert.deepEqual(parseAddScram('SCRAM-SHA-512=[name="alice",password="a,b]\\"c",iterations=8192,salt="MWx2NHBkbnc0ZndxN25vdGN4bTB5eTFrN3E="]'), {
    mechanism: 'SCRAM-SHA-512', name: 'alice', password: 'a,b]"c', iterations: 8192, salt: 'MWx2NHBkbnc0ZndxN25vdGN4bTB5eTFrN3E=',
  });
  for (const bad of ['SCRAM-SHA-1=[name=a,password=b]', 'SCRAM-SHA-256=[name=a]', 'SCRAM-SHA-256=[name=a,password=b,iterations=100]',
    'SCRAM-SHA-256=[name=a,password=b,colour=red]', 'SCRAM-SHA-256=name=a', 'SCRAM-SHA-256=[name=a,saltedpassword=x,salt=eA==]']) {
    assert.throws(() => parseAddScram(bad), ConfigError, bad);
  }
});

const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const files: Record<string, string> = { '/k.pem': PEM_CERT + PEM_KEY, '/ca.pem': PEM_CERT, '/etc/jwks.json': '{"keys":[]}' };
const read = (p: string): string => {
  const f = files[p];
  if (f === undefined) throw new Error(`no file ${p}`);
  return f;
};
const map = (text: string) => brokerOptionsFromProperties(parseProperties(text), read);

test('broker properties: a full multi-listener file maps onto BrokerOptions', () => {
  const { options, warnings } = map(`
process.roles=broker,controller
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:9092,SASL_PLAINTEXT://:9093,SECURE://127.0.0.1:9094,MTLS://127.0.0.1:9095,CONTROLLER://:9096
advertised.listeners=SASL_PLAINTEXT://kafka.example.com:19093
listener.security.protocol.map=SECURE:SASL_SSL,MTLS:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256
listener.name.secure.sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
    username="admin" password="admin-secret" user_admin="admin-secret" user_alice="alice-secret";
listener.name.secure.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_bob="bob-secret";
super.users=User:admin;User:CN=broker
allow.everyone.if.no.acl.found=false
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
ssl.keystore.type=PEM
ssl.keystore.location=/k.pem
ssl.key.password=pw
ssl.truststore.type=PEM
ssl.truststore.location=/ca.pem
ssl.client.auth=required
ssl.principal.mapping.rules=RULE:^CN=(.*?),.*$/$1/L,DEFAULT
connections.max.reauth.ms=60000
node.id=3
log.dirs=/var/tide
num.partitions=4
auto.create.topics.enable=false
`);
  assert.equal(warnings.length, 3, warnings.join("; "));
  assert.equal(options.nodeId, 3);
  assert.equal(options.dataDir, '/var/tide');
  assert.equal(options.defaultPartitions, 4);
  assert.equal(options.autoCreateTopics, false);
  const s = options.security!;
  assert.deepEqual(s.listeners, [
    { name: 'PLAINTEXT', host: '127.0.0.1', port: 9092, securityProtocol: 'PLAINTEXT' },
    { name: 'SASL_PLAINTEXT', host: '0.0.0.0', port: 9093, securityProtocol: 'SASL_PLAINTEXT', advertisedHost: 'kafka.example.com', advertisedPort: 19093 },
    { name: 'SECURE', host: '127.0.0.1', port: 9094, securityProtocol: 'SASL_SSL' },
    { name: 'MTLS', host: '127.0.0.1', port: 9095, securityProtocol: 'SSL' },
  ]);
  assert.deepEqual(s.sasl, {
    enabledMechanisms: ['PLAIN', 'SCRAM-SHA-256'],
    listenerMechanisms: { secure: ['PLAIN'] },
    plainUsers: { sasl_plaintext: { admin: 'admin-secret', alice: 'alice-secret' }, secure: { bob: 'bob-secret' } },
    maxReauthMs: 60000,
  });
  assert.deepEqual(s.tls, {
    certChain: PEM_CERT, privateKey: PEM_KEY, clientAuth: 'required', keyPassword: 'pw', trustedCerts: PEM_CERT,
    principalMappingRules: 'RULE:^CN=(.*?),.*$/$1/L,DEFAULT',
  });
  assert.deepEqual(s.acls, { enabled: true, superUsers: ['User:admin', 'User:CN=broker'], allowEveryoneIfNoAclFound: false });
});

test('broker properties: OAUTHBEARER settings (unsecured and JWKS)', () => {
  const base = 'listeners=SASL_PLAINTEXT://127.0.0.1:0\nsasl.enabled.mechanisms=OAUTHBEARER\n';
  const u = map(base + 'listener.name.sasl_plaintext.oauthbearer.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredValidatorPrincipalClaimName="client" unsecuredValidatorRequiredScope="read write" unsecuredValidatorAllowableClockSkewMs="5000";');
  assert.deepEqual(u.options.security!.sasl!.oauthbearer, { mode: 'unsecured', principalClaim: 'client', requiredScopes: ['read', 'write'], allowableClockSkewMs: 5000 });
  const j = map(base + 'listener.name.sasl_plaintext.oauthbearer.sasl.server.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler\nsasl.oauthbearer.jwks.endpoint.url=file:///etc/jwks.json\nsasl.oauthbearer.expected.audience=a,b\nsasl.oauthbearer.expected.issuer=iss\nsasl.oauthbearer.clock.skew.seconds=30\n');
  assert.deepEqual(j.options.security!.sasl!.oauthbearer, { mode: 'jwks', jwksSource: 'file:///etc/jwks.json', jwks: '{"keys":[]}', principalClaim: 'sub', allowableClockSkewMs: 30000, expectedAudience: ['a', 'b'], expectedIssuer: 'iss' });
  // An http(s) key set is left to the broker to fetch.
  const h = map(base + 'sasl.oauthbearer.jwks.endpoint.url=https://idp.example/jwks\n');
  assert.equal(h.options.security!.sasl!.oauthbearer!.jwks, undefined);
});

test('broker properties: unknown and contradictory settings fail naming the key', () => {
  const cases: Array<[string, string]> = [
    ['log.retention.bytez=1', 'log.retention.bytez'],
    ['log.retention.bytes=x', 'log.retention.bytes'],
    ['listeners=SASL_PLAINTEXT://127.0.0.1:1', 'sasl.enabled.mechanisms'],
    ['listeners=SASL_PLAINTEXT://127.0.0.1:1\nsasl.enabled.mechanisms=GSSAPI', 'sasl.enabled.mechanisms'],
    ['listeners=SASL_PLAINTEXT://127.0.0.1:1\nsasl.enabled.mechanisms=PLAIN', 'listener.name.sasl_plaintext.plain.sasl.jaas.config'],
    ['listeners=SASL_PLAINTEXT://127.0.0.1:1\nsasl.enabled.mechanisms=PLAIN\nlistener.name.sasl_plaintext.plain.sasl.jaas.config=X required user_a="b";', 'listener.name.sasl_plaintext.plain.sasl.jaas.config'],
    ['listeners=SSL://127.0.0.1:1', 'ssl.keystore.location'],
    ['listeners=A://127.0.0.1:1', 'listener.security.protocol.map'],
    ['listeners=A://127.0.0.1:1\nlistener.security.protocol.map=A:SSL2', 'listener.security.protocol.map'],
    ['listeners=PLAINTEXT://127.0.0.1:1\nlistener.security.protocol.map=PLAINTEXT:PLAINTEXT,B:SSL', 'listener.security.protocol.map'],
    ['listeners=PLAINTEXT://127.0.0.1:1\nadvertised.listeners=OTHER://h:1', 'advertised.listeners'],
    ['listeners=PLAINTEXT://127.0.0.1:1,PLAINTEXT://127.0.0.1:2', 'listeners'],
    ['listeners=PLAINTEXT://127.0.0.1:1,SSL://127.0.0.1:1', 'listeners'],
    ['listeners=nonsense', 'listeners'],
    ['listeners=PLAINTEXT://127.0.0.1:1\nlistener.name.other.plain.sasl.jaas.config=x', 'listener.name.other'],
    ['listener.name.x.ssl.keystore.location=/k.pem', 'listener.name.x.ssl.keystore.location'],
    ['ssl.keystore.type=JKS\nssl.keystore.location=/k.pem', 'ssl.keystore.type'],
    ['ssl.keystore.location=/k.pem\nssl.keystore.key=x', 'ssl.keystore.location'],
    ['ssl.keystore.location=/ca.pem', 'ssl.keystore.location'],
    ['ssl.keystore.location=/k.pem\nssl.client.auth=always', 'ssl.client.auth'],
    ['ssl.keystore.location=/k.pem\nssl.client.auth=required', 'ssl.truststore.location'],
    ['ssl.keystore.location=/k.pem\nssl.principal.mapping.rules=RULE:x', 'ssl.principal.mapping.rules'],
    ['connections.max.reauth.ms=-1', 'connections.max.reauth.ms'],
    ['node.id=abc', 'node.id'],
    ['node.id=1\nbroker.id=2', 'broker.id'],
    ['log.dirs=/a,/b', 'log.dirs'],
    ['auto.create.topics.enable=yes', 'auto.create.topics.enable'],
    ['super.users=alice', 'super.users'],
  ];
  for (const [text, key] of cases) {
    assert.throws(() => map(text), (err: unknown) => err instanceof ConfigError && err.key === key && err.message.startsWith(`${key}: `), `${text} → ${key}`);
  }
  // The file's missing PEM file surfaces the reader's error.
  assert.throws(() => map('ssl.keystore.location=/missing.pem'), /no file \/missing.pem/);
});
