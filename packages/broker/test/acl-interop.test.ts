// ACLs with third-party tools. Apache Kafka's own AclCommand adds, lists and removes ACLs (the
// --producer/--consumer conveniences, prefixed and wildcard patterns, DENY) against Tideline and
// against Apache Kafka 4.x with StandardAuthorizer, and the listings must match. kcat and KafkaJS
// act as a restricted principal: refused with TOPIC_AUTHORIZATION_FAILED / GROUP_AUTHORIZATION_FAILED,
// then served once granted. Tideline's principals are SASL PLAIN users; Kafka's PLAINTEXT principal
// is User:ANONYMOUS, made a super user there so that AclCommand may administer it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaTools, kcat, startApacheKafka, toolOrSkip } from '@tideline/interop';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { startBroker, type RunningBroker } from '../src/index.js';
import { WireClient } from './wire-client.js';
import { aclBrokerOptions } from './helpers/acl.js';
import { AclOperation, AclPermissionType, PatternType, ResourceType } from '../src/security/acl.js';

const ACL_COMMAND = 'org.apache.kafka.tools.AclCommand';

async function withTideline(fn: (b: RunningBroker, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-acl-interop-'));
  const b = await startBroker({ dataDir: dir, port: 0, ...aclBrokerOptions(['erin', 'frank']) });
  try {
    await fn(b, dir);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** AclCommand's listing as a sorted set of "resource | entry" lines (Kafka's order within a resource is a set's). */
function listing(stdout: string): string[] {
  const out: string[] = [];
  let resource = '';
  for (const line of stdout.split('\n')) {
    const r = /ResourcePattern\(([^)]*)\)/.exec(line);
    if (r !== null) resource = r[1]!;
    const e = /\((principal=[^)]*)\)/.exec(line);
    if (e !== null && r === null) out.push(`${resource} | ${e[1]}`);
  }
  return out.sort();
}

const STEPS: ReadonlyArray<{ name: string; args: string[]; list?: boolean }> = [
  { name: 'producer', args: ['--add', '--allow-principal', 'User:alice', '--producer', '--topic', 'orders'] },
  { name: 'consumer', args: ['--add', '--allow-principal', 'User:bob', '--consumer', '--topic', 'orders', '--group', 'billing'] },
  { name: 'prefixed', args: ['--add', '--allow-principal', 'User:carol', '--operation', 'Read', '--operation', 'Describe', '--topic', 'team-a.', '--resource-pattern-type', 'prefixed'] },
  { name: 'deny wildcard', args: ['--add', '--deny-principal', 'User:mallory', '--operation', 'All', '--topic', '*'] },
  { name: 'transactional producer', args: ['--add', '--allow-principal', 'User:dave', '--producer', '--topic', 'payments', '--transactional-id', 'pay-', '--resource-pattern-type', 'prefixed'] },
  { name: 'list all', args: ['--list'], list: true },
  { name: 'list match', args: ['--list', '--topic', 'team-a.x', '--resource-pattern-type', 'match'], list: true },
  { name: 'list principal', args: ['--list', '--principal', 'User:bob'], list: true },
  { name: 'remove consumer', args: ['--remove', '--force', '--allow-principal', 'User:bob', '--consumer', '--topic', 'orders', '--group', 'billing'] },
  { name: 'remove prefixed', args: ['--remove', '--force', '--topic', 'team-a.', '--resource-pattern-type', 'prefixed'] },
  { name: 'list after removal', args: ['--list'], list: true },
];

async function runSteps(bootstrap: string, commandConfig: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const s of STEPS) {
    const r = await kafkaTools(ACL_COMMAND, ['--bootstrap-server', bootstrap, '--command-config', commandConfig, ...s.args], { timeoutMs: 90_000 });
    assert.equal(r.code, 0, `AclCommand ${s.name} against ${bootstrap}: ${r.stderr}\n${r.stdout}`);
    if (s.list === true) out.set(s.name, listing(r.stdout));
  }
  return out;
}

test('Apache Kafka AclCommand: the same script gives the same listings on Tideline and on Apache Kafka', { timeout: 600_000 }, async (t) => {
  if (!toolOrSkip(t, 'java', 'apache-kafka')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-aclcmd-'));
  const cfg = join(dir, 'admin.properties');
  writeFileSync(cfg, [
    'security.protocol=SASL_PLAINTEXT', 'sasl.mechanism=PLAIN',
    'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin";', '',
  ].join('\n'));
  const kafkaCfg = join(dir, 'kafka.properties');
  writeFileSync(kafkaCfg, 'client.id=acl-command\n');
  try {
    let ours = new Map<string, string[]>();
    await withTideline(async (b) => {
      ours = await runSteps(b.bootstrap, cfg);
    });
    const kafka = await startApacheKafka({
      config: { 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'super.users': 'User:ANONYMOUS' },
    });
    let theirs = new Map<string, string[]>();
    try {
      theirs = await runSteps(kafka.bootstrap, kafkaCfg);
    } finally {
      await kafka.stop();
    }
    for (const [name, lines] of theirs) {
      assert.ok(lines.length > 0 || name === 'list principal', `${name}: Kafka listed nothing`);
      assert.deepEqual(ours.get(name), lines, `listing "${name}" differs`);
    }
    t.diagnostic(`AclCommand listings compared: ${[...theirs].map(([n, l]) => `${n}=${l.length}`).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function grant(port: number, principal: string, acls: Array<[number, string, number]>): Promise<void> {
  const admin = await WireClient.connectPlain(port, 'admin', 'admin');
  try {
    const r = await admin.send(ApiKey.CreateAcls, 3, {
      creations: acls.map(([resourceType, resourceName, operation]) => ({
        resourceType, resourceName, resourcePatternType: PatternType.LITERAL, principal, host: '*', operation, permissionType: AclPermissionType.ALLOW,
      })),
    });
    for (const x of r.results) assert.equal(x.errorCode, ErrorCode.NONE);
  } finally {
    admin.close();
  }
}

const SASL_ERIN = ['-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanisms=PLAIN', '-X', 'sasl.username=erin', '-X', 'sasl.password=erin'];

test('kcat as a restricted principal: Topic authorization failed, then served once granted', { timeout: 120_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withTideline(async (b) => {
    const admin = await WireClient.connectPlain(b.port, 'admin', 'admin');
    await admin.send(ApiKey.CreateTopics, 7, { timeoutMs: 5000, topics: [{ name: 'orders', numPartitions: 1, replicationFactor: 1 }] });
    admin.close();
    const produce = () => kcat(['-b', b.bootstrap, ...SASL_ERIN, '-P', '-t', 'orders', '-p', '0'], { input: 'hello\n', timeoutMs: 20_000, allowFailure: true });
    const refused = await produce();
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /authoriz/i, refused.stderr);
    assert.equal(b.broker.topics.partition('orders', 0)!.log.logEndOffset, 0n, 'nothing written');
    await grant(b.port, 'User:erin', [[ResourceType.TOPIC, 'orders', AclOperation.WRITE]]);
    const ok = await produce();
    assert.equal(ok.code, 0, ok.stderr);
    const read = () => kcat(['-b', b.bootstrap, ...SASL_ERIN, '-C', '-t', 'orders', '-p', '0', '-o', 'beginning', '-e', '-q'], { timeoutMs: 20_000, allowFailure: true });
    const noRead = await read();
    assert.match(`${noRead.stderr}${noRead.stdout}`, /authoriz/i);
    await grant(b.port, 'User:erin', [[ResourceType.TOPIC, 'orders', AclOperation.READ]]);
    const r = await read();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim(), 'hello');
  });
});

test('KafkaJS consumer group: GROUP_AUTHORIZATION_FAILED without READ on the group, consumes once granted', { timeout: 120_000 }, async () => {
  await withTideline(async (b) => {
    await grant(b.port, 'User:frank', [[ResourceType.TOPIC, 'events', AclOperation.WRITE], [ResourceType.TOPIC, 'events', AclOperation.READ], [ResourceType.CLUSTER, 'kafka-cluster', AclOperation.CREATE]]);
    // KafkaJS reports the broker's error code in its connection log and then crashes the consumer.
    const errors: string[] = [];
    const logCreator = () => ({ log }: { log: { message?: string; error?: string } }) => {
      if (log.error !== undefined) errors.push(log.error);
    };
    const kafka = new Kafka({ clientId: 'frank', brokers: [b.bootstrap], sasl: { mechanism: 'plain', username: 'frank', password: 'frank' }, logLevel: logLevel.ERROR, logCreator, retry: { retries: 1, initialRetryTime: 50 } });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'events', messages: [{ value: 'e1' }] });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: 'frank-group', retry: { retries: 0 } });
    await consumer.connect();
    try {
      const crashed = new Promise<void>((resolve) => consumer.on(consumer.events.CRASH, () => resolve()));
      await consumer.subscribe({ topic: 'events', fromBeginning: true });
      await consumer.run({ eachMessage: async () => {} });
      await crashed;
      assert.ok(errors.some((e) => /Group authorization failed/.test(e)), errors.join('\n'));
    } finally {
      await consumer.disconnect().catch(() => {});
    }
    await grant(b.port, 'User:frank', [[ResourceType.GROUP, 'frank-group', AclOperation.READ]]);
    const c2 = kafka.consumer({ groupId: 'frank-group' });
    await c2.connect();
    try {
      await c2.subscribe({ topic: 'events', fromBeginning: true });
      const got = await new Promise<string>((resolve) => {
        void c2.run({ eachMessage: async ({ message }) => resolve(message.value!.toString()) });
      });
      assert.equal(got, 'e1');
    } finally {
      await c2.disconnect();
    }
  });
});
