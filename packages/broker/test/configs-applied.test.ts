// The invariant of the config table: every topic config DescribeConfigs reports is the value the
// partition's log has in force (read from the log object), for default topics, create-time
// overrides, after IncrementalAlterConfigs and AlterConfigs, and after a restart. Behaviour backs
// the cheap cases: max.message.bytes at and one byte over the limit, segments rolling at
// segment.bytes, LogAppendTime stamping. Our own codecs first, then KafkaJS's admin client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { LogConfig } from '@tideline/storage';
import kafkajs from 'kafkajs';
import { toolOrSkip } from '@tideline/interop';
import { withBroker, batch, type WireClient } from './wire-client.js';
import type { RunningBroker } from '../src/index.js';
import { ConfigSource } from '../src/configs.js';

const { Kafka, logLevel, ConfigResourceTypes } = kafkajs;
const TOPIC = 2;
const SET = 0;
const DELETE = 1;
const APPEND = 2;

/** A described long as the log holds it: Kafka's Long.MAX_VALUE ("never") clamps to 2^53-1. */
const long = (v: string): number => (BigInt(v) > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v));

/**
 * Each LogConfig field, the topic config it comes from, and whether the described value is what
 * the log holds. Written out here (not derived from the broker's mapping) so the test checks it.
 */
const APPLIED: ReadonlyArray<[keyof LogConfig, string, (described: string, log: LogConfig, isDefault: boolean) => boolean]> = [
  ['segmentBytes', 'segment.bytes', (d, l) => Number(d) === l.segmentBytes],
  ['segmentMs', 'segment.ms', (d, l) => long(d) === l.segmentMs],
  ['retentionMs', 'retention.ms', (d, l) => long(d) === l.retentionMs],
  // Any negative size means no limit.
  ['retentionBytes', 'retention.bytes', (d, l) => (long(d) < 0 ? l.retentionBytes < 0 : long(d) === l.retentionBytes)],
  ['cleanupDelete', 'cleanup.policy', (d, l) => d.split(',').map((s) => s.trim()).includes('delete') === l.cleanupDelete],
  ['cleanupCompact', 'cleanup.policy', (d, l) => d.split(',').map((s) => s.trim()).includes('compact') === l.cleanupCompact],
  ['minCompactionLagMs', 'min.compaction.lag.ms', (d, l) => long(d) === l.minCompactionLagMs],
  ['minCleanableDirtyRatio', 'min.cleanable.dirty.ratio', (d, l) => Number(d) === l.minCleanableDirtyRatio],
  ['maxCompactionLagMs', 'max.compaction.lag.ms', (d, l) => long(d) === l.maxCompactionLagMs],
  ['deleteRetentionMs', 'delete.retention.ms', (d, l) => long(d) === l.deleteRetentionMs],
  ['indexIntervalBytes', 'index.interval.bytes', (d, l) => Number(d) === l.indexIntervalBytes],
  ['timestampType', 'message.timestamp.type', (d, l) => d === l.timestampType],
  ['maxMessageBytes', 'max.message.bytes', (d, l) => Number(d) === l.maxMessageBytes],
  // The one documented mapping: Kafka's default (no forced flush) is a commit after every write here.
  ['flushMs', 'flush.ms', (d, l, isDefault) => (isDefault ? l.flushMs === 0 : long(d) === l.flushMs)],
];

interface Described {
  value: string;
  isDefault: boolean;
}

/** Asserts that every applied config of every partition of `topic` matches what was described. */
function assertApplied(b: RunningBroker, topic: string, described: ReadonlyMap<string, Described>, partitions = 1): void {
  for (let p = 0; p < partitions; p++) {
    const log = b.broker.topics.partitionLog(topic, p);
    assert.ok(log !== undefined, `${topic}-${p} exists`);
    const applied = log.currentConfig;
    assert.deepEqual(Object.keys(applied).sort(), APPLIED.map(([k]) => k).sort(), 'the test covers every LogConfig field');
    for (const [key, name, same] of APPLIED) {
      const d = described.get(name);
      assert.ok(d !== undefined, `${name} is described`);
      assert.ok(same(d.value, applied, d.isDefault), `${topic}-${p}: DescribeConfigs ${name}=${d.value} but the log applies ${key}=${String(applied[key])}`);
    }
  }
}

async function describeWire(c: WireClient, topic: string): Promise<Map<string, Described>> {
  const r = await c.send(ApiKey.DescribeConfigs, 4, { resources: [{ resourceType: TOPIC, resourceName: topic, configurationKeys: null }] });
  assert.equal(r.results[0]!.errorCode, ErrorCode.NONE, r.results[0]!.errorMessage ?? '');
  return new Map(r.results[0]!.configs.map((e) => [e.name, { value: e.value ?? '', isDefault: e.configSource === ConfigSource.DEFAULT_CONFIG }]));
}

async function createTopic(c: WireClient, name: string, configs: Record<string, string> = {}, numPartitions = 1): Promise<void> {
  const r = await c.send(ApiKey.CreateTopics, 7, {
    topics: [{ name, numPartitions, replicationFactor: 1, configs: Object.entries(configs).map(([n, value]) => ({ name: n, value })) }], timeoutMs: 1000,
  });
  assert.equal(r.topics[0]!.errorCode, ErrorCode.NONE, r.topics[0]!.errorMessage ?? '');
}

function produce(c: WireClient, topic: string, records: Buffer) {
  return c.send(ApiKey.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] })
    .then((r) => r.responses[0]!.partitionResponses[0]!);
}

const segmentFiles = (dir: string, topic: string): number => readdirSync(join(dir, `${topic}-0`)).filter((f) => f.endsWith('.log')).length;

const OVERRIDES: Readonly<Record<string, string>> = {
  'segment.bytes': '1048576',
  'segment.ms': '3600000',
  'retention.ms': '86400000',
  'retention.bytes': '50000000',
  'cleanup.policy': 'compact,delete',
  'min.compaction.lag.ms': '10',
  'delete.retention.ms': '1000',
  'index.interval.bytes': '100',
  'message.timestamp.type': 'LogAppendTime',
  'max.message.bytes': '600000',
  'flush.ms': '50',
};

/** One record with a key: some of these topics are compacted, which refuses keyless records. */
const keyed = (value: string): Buffer => batch([{ key: Buffer.from('k'), value: Buffer.from(value) }]);

test('DescribeConfigs reports what the log applies: defaults, create-time overrides, alters, restart', async () => {
  await withBroker(async (t) => {
    const c = (): WireClient => t.client;
    await createTopic(c(), 'dflt', {}, 2);
    await createTopic(c(), 'over', OVERRIDES);
    assertApplied(t.broker, 'dflt', await describeWire(c(), 'dflt'), 2);
    const over = await describeWire(c(), 'over');
    for (const [k, v] of Object.entries(OVERRIDES)) assert.equal(over.get(k)!.value, v);
    assertApplied(t.broker, 'over', over);

    // Behaviour: segments roll at segment.bytes (1 MiB) on 'over' and not at the default 1 GiB.
    const big = keyed('x'.repeat(400_000));
    for (let i = 0; i < 3; i++) {
      assert.equal((await produce(c(), 'over', Buffer.from(big))).errorCode, ErrorCode.NONE);
      assert.equal((await produce(c(), 'dflt', Buffer.from(big))).errorCode, ErrorCode.NONE);
    }
    assert.equal(segmentFiles(t.dir, 'over'), 2, 'the third 400 kB batch rolls a 1 MiB segment');
    assert.equal(segmentFiles(t.dir, 'dflt'), 1);
    // LogAppendTime: the broker stamps the batch and says so in the answer.
    assert.notEqual((await produce(c(), 'over', keyed('ts'))).logAppendTimeMs, -1n);
    assert.equal((await produce(c(), 'dflt', keyed('ts'))).logAppendTimeMs, -1n);

    // IncrementalAlterConfigs: SET and APPEND on the default topic, then max.message.bytes at and
    // one byte under a batch's size.
    const sized = keyed('y'.repeat(1000));
    const inc = async (topic: string, configs: Array<{ name: string; configOperation: number; value: string | null }>): Promise<void> => {
      const r = await c().send(ApiKey.IncrementalAlterConfigs, 1, { resources: [{ resourceType: TOPIC, resourceName: topic, configs }], validateOnly: false });
      assert.equal(r.responses[0]!.errorCode, ErrorCode.NONE, r.responses[0]!.errorMessage ?? '');
    };
    await inc('dflt', [
      { name: 'max.message.bytes', configOperation: SET, value: String(sized.length) },
      { name: 'cleanup.policy', configOperation: APPEND, value: 'compact' },
      { name: 'retention.bytes', configOperation: SET, value: '-5' },
      { name: 'flush.ms', configOperation: SET, value: '9223372036854775807' },
    ]);
    assertApplied(t.broker, 'dflt', await describeWire(c(), 'dflt'), 2);
    assert.equal((await produce(c(), 'dflt', Buffer.from(sized))).errorCode, ErrorCode.NONE, 'a batch at max.message.bytes is accepted');
    await inc('dflt', [{ name: 'max.message.bytes', configOperation: SET, value: String(sized.length - 1) }]);
    assertApplied(t.broker, 'dflt', await describeWire(c(), 'dflt'), 2);
    assert.equal((await produce(c(), 'dflt', Buffer.from(sized))).errorCode, ErrorCode.MESSAGE_TOO_LARGE, 'one byte over is refused');
    await inc('dflt', [{ name: 'max.message.bytes', configOperation: DELETE, value: null }, { name: 'flush.ms', configOperation: DELETE, value: null }]);
    const back = await describeWire(c(), 'dflt');
    assert.equal(back.get('max.message.bytes')!.isDefault, true);
    assertApplied(t.broker, 'dflt', back, 2);
    assert.equal((await produce(c(), 'dflt', Buffer.from(sized))).errorCode, ErrorCode.NONE, 'back at the default limit');

    // AlterConfigs replaces the whole set: what is no longer listed falls back to its default, in the log too.
    const r = await c().send(ApiKey.AlterConfigs, 2, {
      resources: [{ resourceType: TOPIC, resourceName: 'over', configs: [{ name: 'retention.ms', value: '5000' }] }], validateOnly: false,
    });
    assert.equal(r.responses[0]!.errorCode, ErrorCode.NONE);
    const replaced = await describeWire(c(), 'over');
    assert.equal(replaced.get('segment.bytes')!.value, '1073741824');
    assertApplied(t.broker, 'over', replaced);

    // A restart reopens each log with the config the metadata describes.
    await t.restart();
    assertApplied(t.broker, 'dflt', await describeWire(c(), 'dflt'), 2);
    assertApplied(t.broker, 'over', await describeWire(c(), 'over'));
  });
});

test('KafkaJS admin: created, altered and described configs are what the log applies', async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withBroker(async ({ broker }) => {
    const kafka = new Kafka({ clientId: 'cfg-applied', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 2 } });
    const admin = kafka.admin();
    await admin.connect();
    const describe = async (topic: string): Promise<Map<string, Described>> => {
      const d = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
      return new Map(d.resources[0]!.configEntries.map((e) => [e.configName, { value: e.configValue, isDefault: e.isDefault }]));
    };
    try {
      await admin.createTopics({
        topics: [
          { topic: 'kjs-default', numPartitions: 1 },
          { topic: 'kjs-over', numPartitions: 1, configEntries: Object.entries(OVERRIDES).map(([name, value]) => ({ name, value })) },
        ],
      });
      assertApplied(broker, 'kjs-default', await describe('kjs-default'));
      const over = await describe('kjs-over');
      assert.equal(over.get('max.message.bytes')!.value, '600000');
      assertApplied(broker, 'kjs-over', over);

      await admin.alterConfigs({
        validateOnly: false,
        resources: [{
          type: ConfigResourceTypes.TOPIC, name: 'kjs-default',
          configEntries: [{ name: 'segment.bytes', value: '2097152' }, { name: 'cleanup.policy', value: 'compact' }, { name: 'max.message.bytes', value: '4096' }],
        }],
      });
      const altered = await describe('kjs-default');
      assert.equal(altered.get('segment.bytes')!.value, '2097152');
      assertApplied(broker, 'kjs-default', altered);

      await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: 'kjs-over', configEntries: [] }] });
      const cleared = await describe('kjs-over');
      assert.equal(cleared.get('message.timestamp.type')!.isDefault, true);
      assertApplied(broker, 'kjs-over', cleared);

      const producer = kafka.producer({ allowAutoTopicCreation: false });
      await producer.connect();
      try {
        await assert.rejects(producer.send({ topic: 'kjs-default', messages: [{ key: 'k', value: 'z'.repeat(5000) }] }), /too large|MESSAGE_TOO_LARGE|larger/i);
        await producer.send({ topic: 'kjs-default', messages: [{ key: 'k', value: 'small' }] });
      } finally {
        await producer.disconnect();
      }
    } finally {
      await admin.disconnect();
    }
  });
});
