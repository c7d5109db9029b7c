// Broker configs as Kafka has them: Kafka's own kafka-configs (ConfigCommand) altering and
// describing the BROKER resource (this broker's id and the cluster default) on Tideline and on
// Apache Kafka with the same expectations; durability across a restart and KafkaJS's
// describeConfigs; a properties file's settings reported as STATIC_BROKER_CONFIG; and the log
// cleaner's schedule: a topic made compactable is compacted within log.cleaner.backoff.ms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { brokerMatrix, run, toolOrSkip, type RunResult } from '@tideline/interop';
import { configCommand } from '@tideline/interop/internal';
import { brokerOptionsFromProperties, parseProperties, startBroker, type BrokerOptions, type RunningBroker } from '../src/index.js';
import { ConfigSource } from '../src/configs.js';

const { Kafka, logLevel, ConfigResourceTypes } = kafkajs;
const JAVA_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn'];

const matrix = brokerMatrix({
  tmpPrefix: 'tideline-brokercfg-',
  startTideline: async (dir) => startBroker({ dataDir: dir, port: 0 }),
});
matrix.useApacheKafka();

function kafkaConfigs(bootstrap: string, args: readonly string[], allowFailure = false): Promise<RunResult> {
  const { classpath, main } = configCommand();
  return run('java', [...JAVA_FLAGS, '-cp', classpath, main, '--bootstrap-server', bootstrap, ...args],
    { timeoutMs: 90_000, allowFailure });
}

/** Lines "name=value sensitive=... synonyms={...}" of a ConfigCommand --describe, as name -> "value | synonyms". */
function described(out: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of out.split('\n')) {
    const x = /^\s+([a-z0-9.]+)=(\S*) sensitive=(\S+) synonyms=\{(.*)\}$/.exec(line);
    if (x !== null) m.set(x[1]!, `${x[2]!} | ${x[4]!}`);
  }
  return m;
}

matrix.bothBrokers('kafka-configs --entity-type brokers: per-broker and cluster-default dynamic configs with sources and synonyms', { timeout: 240_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'apache-kafka')) return;
  const dflt = ['--entity-type', 'brokers', '--entity-default'];
  const one = ['--entity-type', 'brokers', '--entity-name', '1'];
  await kafkaConfigs(b.bootstrap, [...dflt, '--alter', '--add-config', 'log.retention.ms=3600000,log.cleaner.backoff.ms=2000,max.connections=1000']);
  await kafkaConfigs(b.bootstrap, [...one, '--alter', '--add-config', 'log.retention.ms=7200000,log.cleaner.min.cleanable.ratio=0.2']);
  try {
    const d = described((await kafkaConfigs(b.bootstrap, [...dflt, '--describe'])).stdout);
    // Apache Kafka's storage format writes min.insync.replicas as a cluster default (for ELR).
    d.delete('min.insync.replicas');
    assert.deepEqual(Object.fromEntries(d), {
      'log.cleaner.backoff.ms': '2000 | DYNAMIC_DEFAULT_BROKER_CONFIG:log.cleaner.backoff.ms=2000',
      'log.retention.ms': '3600000 | DYNAMIC_DEFAULT_BROKER_CONFIG:log.retention.ms=3600000',
      'max.connections': '1000 | DYNAMIC_DEFAULT_BROKER_CONFIG:max.connections=1000',
    });
    const own = described((await kafkaConfigs(b.bootstrap, [...one, '--describe'])).stdout);
    assert.deepEqual(Object.fromEntries(own), {
      'log.cleaner.min.cleanable.ratio': '0.2 | DYNAMIC_BROKER_CONFIG:log.cleaner.min.cleanable.ratio=0.2, DEFAULT_CONFIG:log.cleaner.min.cleanable.ratio=0.5',
      'log.retention.ms': '7200000 | DYNAMIC_BROKER_CONFIG:log.retention.ms=7200000, DYNAMIC_DEFAULT_BROKER_CONFIG:log.retention.ms=3600000, DEFAULT_CONFIG:log.retention.hours=168',
    });
    const all = described((await kafkaConfigs(b.bootstrap, [...one, '--describe', '--all'])).stdout);
    assert.equal(all.get('log.cleaner.backoff.ms'), '2000 | DYNAMIC_DEFAULT_BROKER_CONFIG:log.cleaner.backoff.ms=2000, DEFAULT_CONFIG:log.cleaner.backoff.ms=15000');
    assert.match(all.get('num.partitions') ?? '', /^1 \| STATIC_BROKER_CONFIG:num.partitions=1/);

    // A topic's retention.ms falls back to the broker's dynamic value.
    const topic = matrix.uniqueTopic('bcfg');
    const admin = new Kafka({ clientId: 'bcfg', brokers: [b.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
      const tc = described((await kafkaConfigs(b.bootstrap, ['--entity-type', 'topics', '--entity-name', topic, '--describe', '--all'])).stdout);
      assert.equal(tc.get('retention.ms'),
        '7200000 | DYNAMIC_BROKER_CONFIG:log.retention.ms=7200000, DYNAMIC_DEFAULT_BROKER_CONFIG:log.retention.ms=3600000, DEFAULT_CONFIG:log.retention.hours=168');
      await admin.deleteTopics({ topics: [topic] });
    } finally {
      await admin.disconnect();
    }

    // A startup-only config is refused on both.
    const refused = await kafkaConfigs(b.bootstrap, [...one, '--alter', '--add-config', 'num.partitions=3'], true);
    assert.notEqual(refused.code, 0, refused.stdout);
  } finally {
    await kafkaConfigs(b.bootstrap, [...dflt, '--alter', '--delete-config', 'log.retention.ms,log.cleaner.backoff.ms,max.connections']);
    await kafkaConfigs(b.bootstrap, [...one, '--alter', '--delete-config', 'log.retention.ms,log.cleaner.min.cleanable.ratio']);
  }
  const left = described((await kafkaConfigs(b.bootstrap, [...dflt, '--describe'])).stdout);
  left.delete('min.insync.replicas');
  assert.equal(left.size, 0, 'deleted');
});

async function withTideline(opts: Omit<BrokerOptions, 'dataDir' | 'port'>, fn: (b: RunningBroker, restart: () => Promise<RunningBroker>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-brokercfg-'));
  let b = await startBroker({ ...opts, dataDir: dir, port: 0 });
  try {
    await fn(b, async () => {
      await b.close();
      b = await startBroker({ ...opts, dataDir: dir, port: 0 });
      return b;
    });
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('dynamic broker configs survive a restart; static ones from the properties names; KafkaJS describeConfigs', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withTideline({ configs: { 'num.partitions': '3', 'log.retention.hours': '24', 'group.initial.rebalance.delay.ms': '0' } }, async (first, restart) => {
    const admin1 = new Kafka({ clientId: 'bcfg', brokers: [first.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin1.connect();
    await admin1.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '1', configEntries: [{ name: 'log.retention.ms', value: '60000' }] }] });
    await admin1.disconnect();
    assert.equal(first.broker.config.defaultPartitions, 3);
    assert.equal(first.broker.groups.config.initialRebalanceDelayMs, 0);

    const b = await restart();
    const admin = new Kafka({ clientId: 'bcfg', brokers: [b.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const r = await admin.describeConfigs({ includeSynonyms: true, resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }] });
      const byName = new Map(r.resources[0]!.configEntries.map((e) => [e.configName, e]));
      assert.equal(byName.get('log.retention.ms')?.configValue, '60000');
      assert.equal(byName.get('log.retention.ms')?.configSource, ConfigSource.DYNAMIC_BROKER_CONFIG);
      assert.equal(byName.get('log.retention.hours')?.configValue, '24');
      assert.equal(byName.get('log.retention.hours')?.configSource, ConfigSource.STATIC_BROKER_CONFIG);
      assert.equal(byName.get('num.partitions')?.configValue, '3');
      assert.equal(byName.get('group.initial.rebalance.delay.ms')?.configSource, ConfigSource.STATIC_BROKER_CONFIG);
      await admin.createTopics({ topics: [{ topic: 'after-restart' }] });
      assert.equal(b.broker.topics.config('after-restart')?.retentionMs, 60_000, 'the log applies the dynamic default');
      assert.equal(b.broker.topics.get('after-restart')?.partitions, 3);
    } finally {
      await admin.disconnect();
    }
  });
});

test('a topic made compactable is compacted within log.cleaner.backoff.ms (KafkaJS)', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withTideline({}, async (b) => {
    const kafka = new Kafka({ clientId: 'bcfg-compact', brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    const producer = kafka.producer();
    await admin.connect();
    await producer.connect();
    try {
      await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '1', configEntries: [{ name: 'log.cleaner.backoff.ms', value: '200' }] }] });
      // Segments roll every 50 ms of record time, so earlier records land in sealed (cleanable) segments.
      await admin.createTopics({ topics: [{ topic: 'compactable', configEntries: [{ name: 'segment.ms', value: '50' }] }] });
      for (let round = 0; round < 4; round++) {
        await producer.send({ topic: 'compactable', messages: ['a', 'b', 'c'].map((k) => ({ key: k, value: `${k}${round}` })) });
        await sleep(60);
      }
      await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'compactable', configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.ms', value: '50' }] }] });
      // One more write seals the last segment of the rounds above.
      await producer.send({ topic: 'compactable', messages: [{ key: 'z', value: 'last' }] });
      // Bounded wait: the cleaner runs every 200 ms; give it many backoffs on a loaded machine.
      let values: string[] = [];
      for (let i = 0; i < 100; i++) {
        values = await readAll(kafka, 'compactable');
        if (values.length === 4) break;
        await sleep(200);
      }
      assert.deepEqual(values, ['a3', 'b3', 'c3', 'last']);
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
  });
});

/** Every value of partition 0 from the start, read with a fresh KafkaJS consumer (no group). */
async function readAll(kafka: InstanceType<typeof Kafka>, topic: string): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: `read-${Date.now()}-${Math.random()}` });
  await consumer.connect();
  const values: string[] = [];
  try {
    const admin = kafka.admin();
    await admin.connect();
    const [hw] = await admin.fetchTopicOffsets(topic);
    await admin.disconnect();
    const end = BigInt(hw!.high);
    await consumer.subscribe({ topic, fromBeginning: true });
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => (resolveDone = r));
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.push(message.value?.toString() ?? '');
        if (BigInt(message.offset) + 1n >= end) resolveDone();
      },
    });
    await Promise.race([done, sleep(15_000)]);
  } finally {
    await consumer.disconnect();
  }
  return values;
}

test('a properties file: Kafka broker configs checked and passed on as static configs; no-effect names warned', () => {
  const props = parseProperties([
    'num.partitions=4', 'log.retention.hours=24', 'log.cleaner.backoff.ms=1000', 'group.initial.rebalance.delay.ms=0',
    'transaction.max.timeout.ms=60000', 'offsets.retention.minutes=60', 'num.io.threads=8', 'log.dirs=/data',
  ].join('\n'));
  const r = brokerOptionsFromProperties(props, () => '');
  assert.equal(r.options.defaultPartitions, 4);
  assert.deepEqual(r.options.configs, {
    'num.partitions': '4', 'log.retention.hours': '24', 'log.cleaner.backoff.ms': '1000', 'group.initial.rebalance.delay.ms': '0',
    'transaction.max.timeout.ms': '60000', 'offsets.retention.minutes': '60', 'num.io.threads': '8', 'log.dirs': '/data',
  });
  assert.ok(r.warnings.some((w) => w.startsWith('num.io.threads')));
  assert.throws(() => brokerOptionsFromProperties(parseProperties('log.cleaner.backoff.ms=soon'), () => ''), /log\.cleaner\.backoff\.ms/);
  assert.throws(() => brokerOptionsFromProperties(parseProperties('log.retention.hourz=1'), () => ''), /log\.retention\.hourz/);
});
