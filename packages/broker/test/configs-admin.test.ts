// DescribeConfigs / AlterConfigs / IncrementalAlterConfigs / DescribeLogDirs over the wire with our
// own codecs (every version), then KafkaJS's admin client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import kafkajs from 'kafkajs';
import { toolOrSkip } from '@tideline/interop';
import { withBroker, batch, type WireClient } from './wire-client.js';
import { ConfigSource } from '../src/configs.js';

const { Kafka, logLevel, ConfigResourceTypes } = kafkajs;
const TOPIC = 2;
const BROKER = 4;
const BROKER_LOGGER = 8;
const SET = 0;
const DELETE = 1;
const APPEND = 2;
const SUBTRACT = 3;

async function createTopic(c: WireClient, name: string, configs: Array<{ name: string; value: string }> = [], numPartitions = 1): Promise<void> {
  const r = await c.send(ApiKey.CreateTopics, 7, { topics: [{ name, numPartitions, replicationFactor: 1, configs }], timeoutMs: 1000 });
  assert.equal(r.topics[0]!.errorCode, ErrorCode.NONE, r.topics[0]!.errorMessage ?? '');
}

async function topicConfigs(c: WireClient, name: string, keys: string[] | null = null): Promise<Map<string, { value: string | null; source: number }>> {
  const r = await c.send(ApiKey.DescribeConfigs, 4, { resources: [{ resourceType: TOPIC, resourceName: name, configurationKeys: keys }] });
  assert.equal(r.results[0]!.errorCode, ErrorCode.NONE, r.results[0]!.errorMessage ?? '');
  return new Map(r.results[0]!.configs.map((e) => [e.name, { value: e.value, source: e.configSource }]));
}

test('DescribeConfigs: topic values, sources, synonyms, docs, types at every version', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'cfg', [{ name: 'retention.ms', value: '1234' }, { name: 'cleanup.policy', value: 'compact' }]);
    const r4 = await c.send(ApiKey.DescribeConfigs, 4, {
      resources: [{ resourceType: TOPIC, resourceName: 'cfg', configurationKeys: null }], includeSynonyms: true, includeDocumentation: true,
    });
    const all = new Map(r4.results[0]!.configs.map((e) => [e.name, e]));
    assert.ok(all.size >= 22);
    const ret = all.get('retention.ms')!;
    assert.equal(ret.value, '1234');
    assert.equal(ret.configSource, ConfigSource.DYNAMIC_TOPIC_CONFIG);
    assert.equal(ret.configType, 5); // LONG
    assert.equal(ret.readOnly, false);
    assert.deepEqual(ret.synonyms.map((s) => `${s.name}=${s.value}@${s.source}`), ['retention.ms=1234@1', 'log.retention.hours=168@5']);
    assert.ok((ret.documentation ?? '').length > 10);
    const seg = all.get('segment.bytes')!;
    assert.equal(seg.value, '1073741824');
    assert.equal(seg.configSource, ConfigSource.DEFAULT_CONFIG);
    assert.equal(all.get('cleanup.policy')!.configType, 7); // LIST
    assert.equal(all.get('min.cleanable.dirty.ratio')!.configType, 6); // DOUBLE

    for (const v of [0, 1, 2, 3]) {
      const r = await c.send(ApiKey.DescribeConfigs, v, {
        resources: [{ resourceType: TOPIC, resourceName: 'cfg', configurationKeys: ['retention.ms', 'segment.ms', 'no.such.config'] }],
        includeSynonyms: false,
      });
      const es = r.results[0]!.configs;
      assert.deepEqual(es.map((e) => e.name), ['retention.ms', 'segment.ms'], `v${v}`);
      if (v === 0) assert.deepEqual(es.map((e) => e.isDefault), [false, true]);
      else assert.deepEqual(es.map((e) => e.configSource), [1, 5]);
      assert.ok(es.every((e) => e.synonyms.length === 0));
    }
  });
});

test('DescribeConfigs: errors per resource, broker and broker-logger resources', async () => {
  await withBroker(async ({ client: c, broker }) => {
    const r = await c.send(ApiKey.DescribeConfigs, 4, {
      resources: [
        { resourceType: TOPIC, resourceName: 'missing', configurationKeys: null },
        { resourceType: TOPIC, resourceName: '', configurationKeys: null },
        { resourceType: TOPIC, resourceName: 'bad name', configurationKeys: null },
        { resourceType: BROKER, resourceName: String(broker.broker.config.nodeId), configurationKeys: null },
        { resourceType: BROKER, resourceName: '42', configurationKeys: null },
        { resourceType: BROKER, resourceName: '', configurationKeys: null },
        { resourceType: BROKER_LOGGER, resourceName: '1', configurationKeys: null },
        { resourceType: 32, resourceName: 'g', configurationKeys: null },
        { resourceType: 16, resourceName: 'm', configurationKeys: null },
      ],
      includeSynonyms: true,
    });
    assert.deepEqual(r.results.map((x) => x.errorCode), [
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.NONE,
      ErrorCode.INVALID_REQUEST, ErrorCode.NONE, ErrorCode.NONE, ErrorCode.NONE, ErrorCode.INVALID_REQUEST,
    ]);
    // GROUP resources: the share group configs, defaults until set.
    const groupCfg = new Map(r.results[7]!.configs.map((e) => [e.name, e]));
    assert.equal(groupCfg.get('share.auto.offset.reset')!.value, 'latest');
    assert.equal(groupCfg.get('share.auto.offset.reset')!.configSource, ConfigSource.DEFAULT_CONFIG);
    const brokerCfg = new Map(r.results[3]!.configs.map((e) => [e.name, e]));
    assert.equal(brokerCfg.get('num.partitions')!.value, '1');
    assert.equal(brokerCfg.get('num.partitions')!.configSource, ConfigSource.STATIC_BROKER_CONFIG);
    assert.equal(brokerCfg.get('log.retention.hours')!.value, '168');
    assert.equal(brokerCfg.get('log.dirs')!.value, broker.broker.config.dataDir);
    assert.equal(brokerCfg.get('num.partitions')!.readOnly, true, 'startup-only');
    assert.equal(brokerCfg.get('log.retention.hours')!.readOnly, false, 'dynamic, as in Kafka');
    assert.equal(brokerCfg.get('ssl.keystore.password')!.isSensitive, true);
    assert.equal(brokerCfg.get('ssl.keystore.password')!.value, null);
    assert.equal(r.results[5]!.configs.length, 0);
    assert.equal(r.results[6]!.configs.length, 0);
  });
});

test('AlterConfigs replaces the whole override set; validateOnly and errors', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    await createTopic(c, 'alt', [{ name: 'retention.ms', value: '1234' }]);
    const alter = (resources: Array<{ resourceType: number; resourceName: string; configs: Array<{ name: string; value: string | null }> }>, validateOnly = false, v = 2) =>
      c.send(ApiKey.AlterConfigs, v, { resources, validateOnly }).then((r) => r.responses.map((x) => x.errorCode));

    assert.deepEqual(await alter([{ resourceType: TOPIC, resourceName: 'alt', configs: [{ name: 'cleanup.policy', value: 'compact,delete' }] }], false, 0), [ErrorCode.NONE]);
    const cfg = await topicConfigs(c, 'alt');
    assert.deepEqual(cfg.get('cleanup.policy'), { value: 'compact,delete', source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
    assert.deepEqual(cfg.get('retention.ms'), { value: '604800000', source: ConfigSource.DEFAULT_CONFIG }, 'not listed: back to the default');

    assert.deepEqual(await alter([{ resourceType: TOPIC, resourceName: 'alt', configs: [{ name: 'segment.ms', value: '5000' }] }], true), [ErrorCode.NONE]);
    assert.equal((await topicConfigs(c, 'alt')).get('segment.ms')!.source, ConfigSource.DEFAULT_CONFIG, 'validateOnly changes nothing');

    assert.deepEqual(await alter([
      { resourceType: TOPIC, resourceName: 'alt', configs: [{ name: 'retention.ms', value: 'abc' }] },
      { resourceType: TOPIC, resourceName: 'missing', configs: [] },
      { resourceType: TOPIC, resourceName: 'alt2', configs: [] },
      { resourceType: BROKER, resourceName: '1', configs: [{ name: 'log.retention.hours', value: '1' }] },
      { resourceType: BROKER, resourceName: '1', configs: [] },
      { resourceType: BROKER_LOGGER, resourceName: '1', configs: [] },
    ]), [ErrorCode.INVALID_CONFIG, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_REQUEST]);
    assert.deepEqual(await alter([{ resourceType: BROKER, resourceName: '1', configs: [] }]), [ErrorCode.NONE]);
    assert.deepEqual(await alter([{ resourceType: TOPIC, resourceName: 'alt', configs: [{ name: 'bogus', value: '1' }] }], false, 1), [ErrorCode.INVALID_CONFIG]);
    assert.deepEqual(await alter([{ resourceType: TOPIC, resourceName: 'alt', configs: [{ name: 'retention.ms', value: null }] }]), [ErrorCode.INVALID_REQUEST]);
    assert.equal((await topicConfigs(c, 'alt')).get('cleanup.policy')!.value, 'compact,delete', 'failed alters change nothing');

    await t.restart();
    assert.equal((await topicConfigs(t.client, 'alt')).get('cleanup.policy')!.value, 'compact,delete', 'overrides survive a restart');
  });
});

test('IncrementalAlterConfigs: SET, DELETE, APPEND, SUBTRACT; validateOnly; errors', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'inc');
    type Op = { name: string; configOperation: number; value: string | null };
    const inc = (configs: Op[], validateOnly = false, resourceType = TOPIC, resourceName = 'inc', v = 1) =>
      c.send(ApiKey.IncrementalAlterConfigs, v, { resources: [{ resourceType, resourceName, configs }], validateOnly }).then((r) => r.responses[0]!);

    assert.equal((await inc([{ name: 'retention.ms', configOperation: SET, value: '1000' }], false, TOPIC, 'inc', 0)).errorCode, ErrorCode.NONE);
    assert.equal((await inc([{ name: 'cleanup.policy', configOperation: APPEND, value: 'compact' }])).errorCode, ErrorCode.NONE);
    let cfg = await topicConfigs(c, 'inc');
    assert.equal(cfg.get('retention.ms')!.value, '1000', 'SET keeps other overrides');
    assert.equal(cfg.get('cleanup.policy')!.value, 'delete,compact', 'APPEND starts from the default');

    assert.equal((await inc([{ name: 'cleanup.policy', configOperation: SUBTRACT, value: 'delete' }, { name: 'retention.ms', configOperation: DELETE, value: null }])).errorCode, ErrorCode.NONE);
    cfg = await topicConfigs(c, 'inc');
    assert.deepEqual(cfg.get('cleanup.policy'), { value: 'compact', source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
    assert.deepEqual(cfg.get('retention.ms'), { value: '604800000', source: ConfigSource.DEFAULT_CONFIG });

    assert.equal((await inc([{ name: 'segment.ms', configOperation: SET, value: '10' }], true)).errorCode, ErrorCode.NONE);
    assert.equal((await topicConfigs(c, 'inc')).get('segment.ms')!.source, ConfigSource.DEFAULT_CONFIG);

    const r = await inc([{ name: 'retention.ms', configOperation: APPEND, value: '5' }]);
    assert.equal(r.errorCode, ErrorCode.INVALID_CONFIG);
    assert.match(r.errorMessage ?? '', /not LIST/);
    assert.equal((await inc([{ name: 'cleanup.policy', configOperation: SUBTRACT, value: 'compact' }])).errorCode, ErrorCode.INVALID_CONFIG, 'empty policy');
    assert.equal((await inc([{ name: 'cleanup.policy', configOperation: SET, value: 'archive' }])).errorCode, ErrorCode.INVALID_CONFIG);
    assert.equal((await inc([{ name: 'a', configOperation: SET, value: '1' }, { name: 'a', configOperation: SET, value: '2' }])).errorCode, ErrorCode.INVALID_REQUEST);
    assert.equal((await inc([{ name: 'retention.ms', configOperation: SET, value: null }])).errorCode, ErrorCode.INVALID_REQUEST);
    assert.equal((await inc([{ name: 'retention.ms', configOperation: 9, value: '1' }])).errorCode, ErrorCode.INVALID_REQUEST);
    assert.equal((await inc([], false, TOPIC, 'nope')).errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    assert.equal((await inc([{ name: 'num.partitions', configOperation: SET, value: '3' }], false, BROKER, '1')).errorCode, ErrorCode.INVALID_REQUEST, 'startup-only');
    assert.equal((await inc([{ name: 'log.retention.hourz', configOperation: SET, value: '1' }], false, BROKER, '1')).errorCode, ErrorCode.INVALID_CONFIG, 'unknown');
    assert.equal((await inc([{ name: 'log.retention.hours', configOperation: SET, value: 'x' }], false, BROKER, '1')).errorCode, ErrorCode.INVALID_CONFIG, 'bad value');
    assert.equal((await inc([{ name: 'log.retention.hours', configOperation: SET, value: '1' }], true, BROKER, '1')).errorCode, ErrorCode.NONE, 'dynamic');
    assert.equal((await inc([{ name: 'kafka.server', configOperation: SET, value: 'DEBUG' }], false, BROKER_LOGGER, '1')).errorCode, ErrorCode.INVALID_CONFIG);
    assert.equal((await inc([], false, BROKER_LOGGER, '1')).errorCode, ErrorCode.NONE);
    assert.equal((await topicConfigs(c, 'inc')).get('cleanup.policy')!.value, 'compact');
  });
});

test('DescribeLogDirs: the data dir, partition sizes from storage, disk space', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'ld', [], 2);
    await createTopic(c, 'ld2');
    const p = await c.send(ApiKey.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 'ld', partitionData: [{ index: 1, records: batch(['a', 'bb', 'ccc']) }] }] });
    assert.equal(p.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
    for (const v of [0, 1, 2, 3, 4]) {
      const r = await c.send(ApiKey.DescribeLogDirs, v, { topics: null });
      assert.equal(r.results.length, 1);
      const dir = r.results[0]!;
      assert.equal(dir.errorCode, ErrorCode.NONE);
      assert.equal(dir.logDir, broker.broker.config.dataDir);
      const ld = dir.topics.find((x) => x.name === 'ld')!;
      assert.deepEqual(ld.partitions.map((x) => x.partitionIndex), [0, 1]);
      assert.equal(ld.partitions[0]!.partitionSize, 0n);
      assert.ok(ld.partitions[1]!.partitionSize > 60n, `v${v}: size ${ld.partitions[1]!.partitionSize}`);
      assert.ok(dir.topics.some((x) => x.name === 'ld2'));
      if (v >= 4) assert.ok(dir.totalBytes > 0n && dir.usableBytes > 0n && dir.usableBytes <= dir.totalBytes);
    }
    const some = await c.send(ApiKey.DescribeLogDirs, 4, { topics: [{ topic: 'ld', partitions: [1, 7] }, { topic: 'nope', partitions: [0] }] });
    assert.deepEqual(some.results[0]!.topics.map((x) => [x.name, x.partitions.map((q) => q.partitionIndex)]), [['ld', [1]]]);
  });
});

test('KafkaJS admin: describeConfigs and alterConfigs', async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withBroker(async ({ broker }) => {
    const kafka = new Kafka({ clientId: 'cfg-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic: 'kjs', numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }] });
      await admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: 'kjs', configEntries: [{ name: 'retention.ms', value: '86400000' }] }],
      });
      const d = await admin.describeConfigs({
        includeSynonyms: true,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: 'kjs', configNames: ['retention.ms', 'cleanup.policy'] }],
      });
      const entries = new Map(d.resources[0]!.configEntries.map((e) => [e.configName, e]));
      assert.equal(entries.get('retention.ms')!.configValue, '86400000');
      assert.equal(entries.get('cleanup.policy')!.configValue, 'delete', 'AlterConfigs replaced the override set');
      assert.equal(entries.get('cleanup.policy')!.isDefault, true);
      const all = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }] });
      assert.ok(all.resources[0]!.configEntries.some((e) => e.configName === 'log.retention.hours' && e.configValue === '168'));
      await assert.rejects(admin.alterConfigs({
        validateOnly: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: 'kjs', configEntries: [{ name: 'retention.ms', value: 'forever' }] }],
      }), /Invalid value forever|INVALID_CONFIG|invalid/i);
    } finally {
      await admin.disconnect();
    }
  });
});
