import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BROKER_CONFIG_DEFS, ConfigSource, TOPIC_CONFIG_DEFS, brokerConfigDef, logConfigOf, resolveBrokerConfigs, resolveTopicConfig, resolveTopicEntry,
  staticBrokerConfigs, topicConfigDef, validateBrokerConfigs, validateTopicConfigs,
} from '../src/configs.js';
import { BrokerError } from '../src/errors.js';
import type { BrokerConfig } from '../src/broker-state.js';
import { applyIncremental, OpType } from '../src/handlers/incremental-alter-configs.js';

function invalid(fn: () => void, pattern: RegExp, code = 'INVALID_CONFIG'): void {
  assert.throws(fn, (e: unknown) => e instanceof BrokerError && e.kafkaError === code && pattern.test(e.message));
}

test('the required topic configs are defined, with Kafka 4 defaults', () => {
  const expect: Record<string, string> = {
    'retention.ms': '604800000', 'retention.bytes': '-1', 'segment.bytes': '1073741824', 'segment.ms': '604800000',
    'cleanup.policy': 'delete', 'max.message.bytes': '1048588', 'message.timestamp.type': 'CreateTime', 'min.insync.replicas': '1',
    'delete.retention.ms': '86400000', 'min.compaction.lag.ms': '0', 'max.compaction.lag.ms': '9223372036854775807',
    'segment.index.bytes': '10485760', 'index.interval.bytes': '4096', 'flush.messages': '9223372036854775807',
    'flush.ms': '9223372036854775807', 'compression.type': 'producer', 'unclean.leader.election.enable': 'false',
    'message.timestamp.before.max.ms': '9223372036854775807', 'message.timestamp.after.max.ms': '3600000',
    'file.delete.delay.ms': '60000', 'min.cleanable.dirty.ratio': '0.5', 'preallocate': 'false',
  };
  for (const [name, dflt] of Object.entries(expect)) assert.equal(topicConfigDef(name)?.default, dflt, name);
  for (const d of TOPIC_CONFIG_DEFS) {
    assert.equal(d.sensitive, false);
    assert.ok(d.doc.length > 0 && d.doc.length < 200, d.name);
    // Every default passes its own validation.
    validateTopicConfigs({ [d.name]: d.default });
  }
  assert.equal(topicConfigDef('retention.ms')?.synonyms[0]?.name, 'log.retention.ms');
});

test('validateTopicConfigs rejects unknown names, nulls and bad values with clear messages', () => {
  invalid(() => validateTopicConfigs({ 'retention.msx': '1' }), /Unknown topic config name: retention\.msx/);
  invalid(() => validateTopicConfigs({ 'retention.ms': null }), /Null value/);
  invalid(() => validateTopicConfigs({ 'retention.ms': 'abc' }), /Invalid value abc for configuration retention\.ms: Not a number of type LONG/);
  invalid(() => validateTopicConfigs({ 'retention.ms': '-2' }), /at least -1/);
  invalid(() => validateTopicConfigs({ 'retention.ms': '9223372036854775808' }), /type LONG/);
  invalid(() => validateTopicConfigs({ 'segment.bytes': '10' }), /at least 1048576/);
  invalid(() => validateTopicConfigs({ 'segment.bytes': '2147483648' }), /type INT/);
  invalid(() => validateTopicConfigs({ 'cleanup.policy': 'foo' }), /compact, delete/);
  invalid(() => validateTopicConfigs({ 'cleanup.policy': '' }), /at least one/);
  invalid(() => validateTopicConfigs({ 'message.timestamp.type': 'createtime' }), /CreateTime, LogAppendTime/);
  invalid(() => validateTopicConfigs({ 'compression.type': 'none' }), /uncompressed/);
  invalid(() => validateTopicConfigs({ 'preallocate': 'yes' }), /true or false/);
  invalid(() => validateTopicConfigs({ 'min.cleanable.dirty.ratio': '1.5' }), /no more than 1/);
  invalid(() => validateTopicConfigs({ 'compression.gzip.level': '0' }), /-1 or between 1 and 9/);
  invalid(() => validateTopicConfigs({ 'min.insync.replicas': '0' }), /at least 1/);
  invalid(() => validateTopicConfigs({ 'min.compaction.lag.ms': '10', 'max.compaction.lag.ms': '5' }), /min\.compaction\.lag\.ms \(10\) > max\.compaction\.lag\.ms \(5\)/);
  // Accepted forms.
  validateTopicConfigs({
    'cleanup.policy': 'compact,delete', 'retention.ms': '-1', 'retention.bytes': '-5', 'preallocate': 'TRUE',
    'compression.type': 'zstd', 'min.cleanable.dirty.ratio': '0.01', 'message.timestamp.type': 'LogAppendTime',
    'flush.ms': '9223372036854775807', 'min.insync.replicas': '2',
  });
  validateTopicConfigs({ 'cleanup.policy': 'delete, compact' });
});

test('resolveTopicConfig: defaults, overrides and broker settings, typed', () => {
  const d = resolveTopicConfig({});
  assert.equal(d.retentionMs, 604800000);
  assert.deepEqual(d.cleanupPolicy, { delete: true, compact: false });
  assert.equal(d.messageTimestampType, 'CreateTime');
  assert.equal(d.maxCompactionLagMs, Number.MAX_SAFE_INTEGER, 'Long.MAX_VALUE clamps to MAX_SAFE_INTEGER');
  assert.equal(d.minCleanableDirtyRatio, 0.5);
  assert.equal(d.compressionType, 'producer');

  const o = resolveTopicConfig({ 'cleanup.policy': 'compact,delete', 'retention.ms': '1000', 'message.timestamp.type': 'LogAppendTime', 'max.message.bytes': '100' });
  assert.deepEqual(o.cleanupPolicy, { delete: true, compact: true });
  assert.equal(o.retentionMs, 1000);
  assert.equal(o.messageTimestampType, 'LogAppendTime');
  assert.equal(o.maxMessageBytes, 100);

  // Broker settings: log.retention.hours scales to ms; log.retention.ms outranks it; a topic override outranks both.
  assert.equal(resolveTopicConfig({}, { 'log.retention.hours': '2' }).retentionMs, 7_200_000);
  assert.equal(resolveTopicConfig({}, { 'log.retention.hours': '2', 'log.retention.ms': '5' }).retentionMs, 5);
  assert.equal(resolveTopicConfig({ 'retention.ms': '9' }, { 'log.retention.ms': '5' }).retentionMs, 9);
  assert.deepEqual(resolveTopicConfig({}, { 'log.cleanup.policy': 'compact' }).cleanupPolicy, { delete: false, compact: true });
  assert.equal(resolveTopicConfig({}, { 'message.max.bytes': '2000' }).maxMessageBytes, 2000);
});

test('resolveTopicEntry reports source and synonyms in precedence order', () => {
  const def = topicConfigDef('retention.ms');
  assert.ok(def);
  const dflt = resolveTopicEntry(def, {});
  assert.equal(dflt.source, ConfigSource.DEFAULT_CONFIG);
  assert.equal(dflt.value, '604800000');
  assert.deepEqual(dflt.synonyms, [{ name: 'log.retention.hours', value: '168', source: ConfigSource.DEFAULT_CONFIG }]);
  const over = resolveTopicEntry(def, { 'retention.ms': '1234' }, { 'log.retention.ms': '99' });
  assert.equal(over.source, ConfigSource.DYNAMIC_TOPIC_CONFIG);
  assert.deepEqual(over.synonyms.map((s) => [s.name, s.source]), [
    ['retention.ms', ConfigSource.DYNAMIC_TOPIC_CONFIG], ['log.retention.ms', ConfigSource.STATIC_BROKER_CONFIG], ['log.retention.hours', ConfigSource.DEFAULT_CONFIG],
  ]);
  const fromBroker = resolveTopicEntry(def, {}, { 'log.retention.minutes': '1' });
  assert.equal(fromBroker.source, ConfigSource.STATIC_BROKER_CONFIG);
  assert.equal(fromBroker.value, '60000');
});

test('broker config definitions: synonyms of every topic config plus startup options', () => {
  for (const t of TOPIC_CONFIG_DEFS) for (const s of t.synonyms) assert.ok(brokerConfigDef(s.name), s.name);
  for (const n of ['num.partitions', 'auto.create.topics.enable', 'message.max.bytes', 'log.cleanup.policy', 'log.retention.hours', 'log.segment.bytes', 'log.dirs', 'node.id']) {
    assert.ok(brokerConfigDef(n), n);
  }
  // Startup-only settings are read-only; every topic config's broker synonym is dynamic, as in Kafka.
  assert.equal(brokerConfigDef('num.partitions')?.readOnly, true);
  assert.equal(brokerConfigDef('log.retention.hours')?.readOnly, false);
  assert.equal(brokerConfigDef('log.cleaner.backoff.ms')?.readOnly, false);
  assert.equal(brokerConfigDef('ssl.keystore.password')?.sensitive, true);
  assert.equal(brokerConfigDef('listener.name.external.ssl.keystore.location')?.noEffect, true);
  assert.ok(BROKER_CONFIG_DEFS.every((d) => d.sensitive === (d.type === 'password')));
  const config: BrokerConfig = {
    nodeId: 3, advertisedHost: '127.0.0.1', advertisedPort: 9999, clusterId: 'c', dataDir: '/data', autoCreateTopics: false,
    defaultPartitions: 4, maxRequestSize: 1000,
  };
  const byName = new Map(resolveBrokerConfigs(staticBrokerConfigs(config)).map((r) => [r.def.name, r]));
  assert.equal(byName.get('num.partitions')?.value, '4');
  assert.equal(byName.get('num.partitions')?.source, ConfigSource.STATIC_BROKER_CONFIG);
  assert.equal(byName.get('auto.create.topics.enable')?.value, 'false');
  assert.equal(byName.get('node.id')?.value, '3');
  assert.equal(byName.get('log.retention.hours')?.value, '168');
  assert.equal(byName.get('log.retention.hours')?.source, ConfigSource.DEFAULT_CONFIG);
  assert.equal(byName.get('log.retention.ms')?.value, null);
  validateBrokerConfigs({ 'log.retention.hours': '24', 'log.cleanup.policy': 'compact' });
  invalid(() => validateBrokerConfigs({ 'log.retention.hourz': '1' }), /Unknown broker config/);
  invalid(() => validateBrokerConfigs({ 'log.cleanup.policy': 'x' }), /compact, delete/);
});

test('incremental operations: SET, DELETE, APPEND and SUBTRACT on list configs', () => {
  const op = (name: string, configOperation: number, value: string | null) => ({ name, configOperation, value });
  assert.deepEqual(applyIncremental({}, [op('retention.ms', OpType.SET, '5')]), { 'retention.ms': '5' });
  assert.deepEqual(applyIncremental({ 'retention.ms': '5' }, [op('retention.ms', OpType.DELETE, null)]), {});
  assert.deepEqual(applyIncremental({}, [op('bogus', OpType.DELETE, null)]), {});
  // APPEND starts from the effective value (the default when not overridden); no duplicates.
  assert.deepEqual(applyIncremental({}, [op('cleanup.policy', OpType.APPEND, 'compact')]), { 'cleanup.policy': 'delete,compact' });
  assert.deepEqual(applyIncremental({ 'cleanup.policy': 'compact' }, [op('cleanup.policy', OpType.APPEND, 'compact,delete')]), { 'cleanup.policy': 'compact,delete' });
  assert.deepEqual(applyIncremental({ 'cleanup.policy': 'compact,delete' }, [op('cleanup.policy', OpType.SUBTRACT, 'delete')]), { 'cleanup.policy': 'compact' });
  assert.deepEqual(applyIncremental({}, [op('cleanup.policy', OpType.APPEND, 'compact')], { 'log.cleanup.policy': 'compact' }), { 'cleanup.policy': 'compact' });
  invalid(() => applyIncremental({}, [op('retention.ms', OpType.APPEND, '5')]), /Can't APPEND to key retention\.ms because its type is not LIST/);
  invalid(() => applyIncremental({}, [op('bogus', OpType.APPEND, 'x')]), /Unknown config name/);
  invalid(() => applyIncremental({}, [op('retention.ms', OpType.SET, '1'), op('retention.ms', OpType.DELETE, null)]), /duplicate config keys/, 'INVALID_REQUEST');
  invalid(() => applyIncremental({}, [op('retention.ms', OpType.SET, null)]), /Null value/, 'INVALID_REQUEST');
  invalid(() => applyIncremental({}, [op('retention.ms', 7, '1')]), /Unknown config operation/, 'INVALID_REQUEST');
});

// Regression (moved from storage, which parsed these names itself before the table became the one
// source): Kafka's "never" (Long.MAX_VALUE) for retention.ms / segment.ms / flush.ms was refused.
test('Long.MAX_VALUE configs clamp instead of failing; retention.bytes below -1 means unlimited', () => {
  const c = logConfigOf({ 'retention.ms': '9223372036854775807', 'flush.ms': '9223372036854775807', 'segment.ms': '9223372036854775807', 'retention.bytes': '-5' });
  assert.equal(c.retentionMs, Number.MAX_SAFE_INTEGER);
  assert.equal(c.flushMs, Number.MAX_SAFE_INTEGER);
  assert.equal(c.segmentMs, Number.MAX_SAFE_INTEGER);
  assert.equal(c.retentionBytes, -1);
  assert.throws(() => validateTopicConfigs({ 'segment.ms': 'abc' }));
  assert.throws(() => validateTopicConfigs({ 'segment.ms': '0' }));
});

test('logConfigOf: the log gets the table\'s defaults, overrides and broker settings', () => {
  assert.deepEqual(logConfigOf({}), {
    segmentBytes: 1073741824, segmentMs: 604800000, retentionMs: 604800000, retentionBytes: -1,
    cleanupDelete: true, cleanupCompact: false, minCompactionLagMs: 0, minCleanableDirtyRatio: 0.5, maxCompactionLagMs: Number.MAX_SAFE_INTEGER,
    deleteRetentionMs: 86400000,
    indexIntervalBytes: 4096, timestampType: 'CreateTime', flushMs: 0, maxMessageBytes: 1048588,
  });
  const o = logConfigOf({ 'cleanup.policy': 'compact', 'segment.bytes': '2097152', 'message.timestamp.type': 'LogAppendTime', 'flush.ms': '50' });
  assert.deepEqual([o.cleanupDelete, o.cleanupCompact, o.segmentBytes, o.timestampType, o.flushMs], [false, true, 2097152, 'LogAppendTime', 50]);
  assert.equal(logConfigOf({}, { 'log.retention.hours': '2' }).retentionMs, 7_200_000);
  assert.equal(logConfigOf({}, { 'log.flush.interval.ms': '20' }).flushMs, 20);
  // Run-time broker configs win over the static ones; a per-broker value over the cluster default.
  const layers = { perBroker: { 'log.retention.ms': '1000' }, clusterDefault: { 'log.retention.ms': '2000', 'log.cleaner.min.cleanable.ratio': '0.1' }, static: { 'log.retention.hours': '1' } };
  assert.equal(logConfigOf({}, layers).retentionMs, 1000);
  assert.equal(logConfigOf({}, layers).minCleanableDirtyRatio, 0.1);
  assert.equal(logConfigOf({}, { ...layers, perBroker: {} }).retentionMs, 2000);
  const entry = resolveTopicEntry(topicConfigDef('retention.ms')!, {}, layers);
  assert.equal(entry.source, ConfigSource.DYNAMIC_BROKER_CONFIG);
  assert.deepEqual(entry.synonyms.map((x) => [x.name, x.source]), [
    ['log.retention.ms', ConfigSource.DYNAMIC_BROKER_CONFIG], ['log.retention.ms', ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG],
    ['log.retention.hours', ConfigSource.STATIC_BROKER_CONFIG], ['log.retention.hours', ConfigSource.DEFAULT_CONFIG],
  ]);
  invalid(() => validateTopicConfigs({ 'segment.bytes': String(2 ** 31) }), /segment\.bytes/);
});
