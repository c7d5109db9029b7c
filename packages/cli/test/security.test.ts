// `tide acl`, `tide user` and `tide quota` with --command-config against secured brokers, checked
// with Kafka's own kafka-acls (AclCommand) and kafka-configs (ConfigCommand) using the same
// properties file: a third party's view of what tide wrote, and tide's view of what they wrote.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { startBroker } from '@tideline/broker';
import { KAFKA_TOOLS, TEST_USERS, kafkaTools, secureBrokerMatrix, secureTidelineSecurity, toolOrSkip, type SecureListener, type SecureTestBroker } from '@tideline/interop';
import { tide, tideOk } from './tide.js';

const dir = mkdtempSync(join(tmpdir(), 'tide-sec-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Tideline configured as the secured Apache Kafka (interop's secureTidelineSecurity), in this process. */
const { bothBrokers, uniqueName } = secureBrokerMatrix({
  tmpPrefix: 'tide-sec-',
  kinds: ['tideline', 'apache'],
  async startTideline(dataDir, certs) {
    const broker = await startBroker({ dataDir, port: 0, security: secureTidelineSecurity(certs) });
    const at = (name: SecureListener): string => broker.listeners[name]!.bootstrap;
    return { listeners: { SASL_PLAINTEXT: at('SASL_PLAINTEXT'), SASL_SSL: at('SASL_SSL'), SSL: at('SSL') }, close: () => broker.close() };
  },
});

function configs(b: SecureTestBroker): { scram: string; mtls: string } {
  const scram = join(dir, `scram-${b.kind}.properties`);
  writeFileSync(scram, [
    '# Kafka client properties, read by tide and by kafka-acls / kafka-configs',
    'security.protocol=SASL_PLAINTEXT',
    'sasl.mechanism=SCRAM-SHA-256',
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${TEST_USERS.admin}";`,
    '',
  ].join('\n'));
  const mtls = join(dir, `mtls-${b.kind}.properties`);
  writeFileSync(mtls, [
    'security.protocol=SSL',
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${b.certs.caFile}`,
    'ssl.keystore.type=PEM',
    `ssl.keystore.certificate.chain=${b.certs.clientCert.trim().replace(/\n/g, '\\n\\\n')}`,
    `ssl.keystore.key=${b.certs.clientKey.trim().replace(/\n/g, '\\n\\\n')}`,
    '',
  ].join('\n'));
  return { scram, mtls };
}

const json = <T>(s: string): T => JSON.parse(s) as T;

bothBrokers('tide acl create/list/delete (--producer, --consumer, prefixed) agrees with kafka-acls', { timeout: 180_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'kafka-tools')) return;
  const { scram } = configs(b);
  const bs = b.listeners.SASL_PLAINTEXT;
  const topic = uniqueName('orders');
  const g = ['-b', bs, '--command-config', scram];
  await tideOk([...g, 'acl', 'create', '--allow-principal', 'User:alice', '--producer', '--topic', topic, '--idempotent', '--format', 'json']);
  await tideOk([...g, 'acl', 'create', '--allow-principal', 'User:alice', '--consumer', '--topic', topic, '--group', 'g1']);
  await tideOk([...g, 'acl', 'create', '--deny-principal', 'User:mallory', '--operation', 'Read', '--operation', 'describe-configs', '--topic', `${topic}-`, '--resource-pattern-type', 'prefixed']);
  const kafkaList = async (): Promise<string> => (await kafkaTools(KAFKA_TOOLS.acls, ['--bootstrap-server', bs, '--command-config', scram, '--list'])).stdout;
  let listed = '';
  for (let i = 0; i < 10; i++) {
    listed = await kafkaList();
    if ((listed.match(/principal=User:(alice|mallory)/g) ?? []).length >= 9) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // AclCommand's own --producer/--consumer expansion: the same set tide created.
  for (const op of ['WRITE', 'DESCRIBE', 'CREATE', 'READ']) assert.match(listed, new RegExp(`name=${topic}, patternType=LITERAL[\\s\\S]*?principal=User:alice, host=\\*, operation=${op}, permissionType=ALLOW`), op);
  assert.match(listed, /name=kafka-cluster[\s\S]*?principal=User:alice, host=\*, operation=IDEMPOTENT_WRITE/);
  assert.match(listed, /name=g1, patternType=LITERAL[\s\S]*?operation=READ/);
  assert.match(listed, new RegExp(`name=${topic}-, patternType=PREFIXED[\\s\\S]*?principal=User:mallory, host=\\*, operation=DESCRIBE_CONFIGS, permissionType=DENY`));

  const mine = json<Array<{ resourceType: string; operation: string; permission: string; principal: string }>>((await tideOk([...g, 'acl', 'list', '--topic', topic, '--format', 'json'])).stdout);
  assert.deepEqual(mine.map((a) => a.operation).sort(), ['CREATE', 'DESCRIBE', 'READ', 'WRITE']);
  const matching = json<unknown[]>((await tideOk([...g, 'acl', 'list', '--topic', `${topic}-x`, '--resource-pattern-type', 'match', '--format', 'json'])).stdout);
  assert.equal(matching.length, 2, 'the prefixed DENY ACLs apply to a topic under the prefix');
  const table = (await tideOk([...g, 'acl', 'list', '--principal', 'User:mallory'])).stdout;
  assert.match(table, /resource type\s+name\s+pattern\s+principal/i);
  assert.match(table, /TOPIC\s+\S+-\s+PREFIXED\s+User:mallory\s+\*\s+READ\s+DENY/);

  // kafka-acls writes, tide reads; tide deletes, kafka-acls sees it gone.
  await kafkaTools(KAFKA_TOOLS.acls, ['--bootstrap-server', bs, '--command-config', scram, '--add', '--allow-principal', 'User:bob', '--operation', 'Delete', '--group', 'g2']);
  let bob: unknown[] = [];
  for (let i = 0; i < 50 && bob.length === 0; i++) {
    bob = json<unknown[]>((await tideOk([...g, 'acl', 'list', '--group', 'g2', '--format', 'json'])).stdout);
    if (bob.length === 0) await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(bob, [{ resourceType: 'GROUP', resourceName: 'g2', patternType: 'LITERAL', principal: 'User:bob', host: '*', operation: 'DELETE', permission: 'ALLOW' }]);
  const del = json<{ deleted: unknown[] }>((await tideOk([...g, 'acl', 'delete', '--topic', topic, '--group', 'g1', '--group', 'g2', '--cluster', '--format', 'json'])).stdout);
  assert.equal(del.deleted.length, 4 + 1 + 1 + 1, JSON.stringify(del.deleted));
  await tideOk([...g, 'acl', 'delete', '--topic', `${topic}-`, '--resource-pattern-type', 'prefixed']);
  for (let i = 0; i < 10; i++) {
    listed = await kafkaList();
    if (!/User:(alice|mallory|bob)/.test(listed)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.doesNotMatch(listed, /User:(alice|mallory|bob)/);

  // Without credentials the broker refuses; the message says why.
  const r = await tide(['-b', bs, '--timeout', '5000', 'acl', 'list']);
  assert.notEqual(r.code, 0);
});

bothBrokers('tide user create/describe/delete agrees with kafka-configs; the new user logs in; mTLS command config', { timeout: 180_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'kafka-tools')) return;
  const { scram, mtls } = configs(b);
  const bs = b.listeners.SASL_PLAINTEXT;
  const user = uniqueName('carol');
  const g = ['-b', bs, '--command-config', scram];
  await tideOk([...g, 'user', 'create', user, '--password', 'carol-pw', '--mechanism', 'SCRAM-SHA-256', '--mechanism', 'SCRAM-SHA-512', '--iterations', '8192']);
  let described = '';
  for (let i = 0; i < 50; i++) {
    described = (await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bs, '--command-config', scram, '--describe', '--entity-type', 'users', '--entity-name', user])).stdout;
    if (/SCRAM-SHA-512/.test(described)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.match(described, /SCRAM-SHA-256=iterations=8192/);
  assert.match(described, /SCRAM-SHA-512=iterations=8192/);
  // The new user authenticates with tide's own command config.
  const carol = join(dir, `carol-${b.kind}.properties`);
  writeFileSync(carol, `security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${user}" password="carol-pw";\n`);
  await tideOk(['-b', bs, '--command-config', carol, 'cluster', 'info', '--format', 'json']);
  // kafka-configs writes, tide reads and deletes.
  await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bs, '--command-config', scram, '--alter', '--entity-type', 'users', '--entity-name', `${user}-k`, '--add-config', 'SCRAM-SHA-512=[iterations=4096,password=k-pw]']);
  let mine: Array<{ user: string; credentials: unknown[] }> = [];
  for (let i = 0; i < 50 && mine.length === 0; i++) {
    const r = await tide([...g, 'user', 'describe', `${user}-k`, '--format', 'json']);
    if (r.code === 0) mine = json(r.stdout);
    else await new Promise((res) => setTimeout(res, 200));
  }
  assert.deepEqual(mine, [{ user: `${user}-k`, credentials: [{ mechanism: 'SCRAM-SHA-512', iterations: 4096 }] }]);
  await tideOk([...g, 'user', 'delete', user]);
  await tideOk([...g, 'user', 'delete', `${user}-k`, '--mechanism', 'SCRAM-SHA-512']);
  for (let i = 0; i < 50; i++) {
    described = (await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bs, '--command-config', scram, '--describe', '--entity-type', 'users'])).stdout;
    if (!described.includes(user)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(!described.includes(user), described);
  // mTLS: the command config carries the client certificate inline (ssl.keystore.certificate.chain/key).
  const info = json<{ brokers: unknown[] }>((await tideOk(['-b', b.listeners.SSL, '--command-config', mtls, 'cluster', 'info', '--format', 'json'])).stdout);
  assert.ok(info.brokers.length >= 1);
  const wrong = await tide(['-b', bs, '--timeout', '5000', '--command-config', carol, 'cluster', 'info']);
  assert.notEqual(wrong.code, 0);
  assert.match(wrong.stderr, /SASL_AUTHENTICATION_FAILED/);
});

bothBrokers('tide quota set/describe/remove agrees with kafka-configs', { timeout: 180_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'kafka-tools')) return;
  const { scram } = configs(b);
  const bs = b.listeners.SASL_PLAINTEXT;
  const user = uniqueName('tenant');
  const g = ['-b', bs, '--command-config', scram];
  await tideOk([...g, 'quota', 'set', '--user', user, '--producer-byte-rate', '1048576', '--consumer-byte-rate', '2097152']);
  await tideOk([...g, 'quota', 'set', '--user', user, '--client-id', 'app', '--request-percentage', '25']);
  await tideOk([...g, 'quota', 'set', '--client-id-default', '--producer-byte-rate', '4194304']);
  let described = '';
  for (let i = 0; i < 50; i++) {
    described = (await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bs, '--command-config', scram, '--describe', '--entity-type', 'users', '--entity-name', user])).stdout;
    if (/consumer_byte_rate/.test(described)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.match(described, /producer_byte_rate=1048576(\.0)?/);
  assert.match(described, /consumer_byte_rate=2097152(\.0)?/);
  const both = (await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bs, '--command-config', scram, '--describe', '--entity-type', 'users', '--entity-name', user, '--entity-type', 'clients', '--entity-name', 'app'])).stdout;
  assert.match(both, /request_percentage=25(\.0)?/);
  const dflt = (await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bs, '--command-config', scram, '--describe', '--entity-type', 'clients', '--entity-default'])).stdout;
  assert.match(dflt, /producer_byte_rate=4194304(\.0)?/);
  // kafka-configs writes; tide describes it.
  await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bs, '--command-config', scram, '--alter', '--entity-type', 'users', '--entity-name', user, '--add-config', 'controller_mutation_rate=10']);
  let mine: Array<{ entity: Record<string, string | null>; values: Record<string, number> }> = [];
  for (let i = 0; i < 50; i++) {
    mine = json((await tideOk([...g, 'quota', 'describe', '--user', user, '--format', 'json'])).stdout);
    if (mine[0]?.values['controller_mutation_rate'] !== undefined) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.deepEqual(mine, [{ entity: { user }, values: { producer_byte_rate: 1048576, consumer_byte_rate: 2097152, controller_mutation_rate: 10 } }]);
  assert.match((await tideOk([...g, 'quota', 'describe', '--user', user, '--client-id', 'app'])).stdout, /user=\S+,client-id=app\s+request_percentage\s+25/);
  await tideOk([...g, 'quota', 'remove', '--user', user, '--consumer-byte-rate']);
  await tideOk([...g, 'quota', 'remove', '--user', user]);
  await tideOk([...g, 'quota', 'remove', '--user', user, '--client-id', 'app']);
  await tideOk([...g, 'quota', 'remove', '--client-id-default', '--producer-byte-rate']);
  for (let i = 0; i < 50; i++) {
    described = (await kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', bs, '--command-config', scram, '--describe', '--entity-type', 'users', '--entity-name', user])).stdout;
    if (!/byte_rate|mutation/.test(described)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.doesNotMatch(described, /byte_rate|mutation/);
});
