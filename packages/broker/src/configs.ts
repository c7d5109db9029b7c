// Topic and broker configuration, defined once as data: name, type, default, valid values or
// range, the broker-level synonyms a topic config falls back to, and a short description.
// Defaults and ranges follow Apache Kafka 4.x (checked against a real 4.3 broker's
// DescribeConfigs answer). Everything here is pure: no I/O, no broker state.
//
// This table is the only place that knows config names, defaults and ranges. A partition's log
// gets a typed LogConfig derived from it (logConfigOf), so what DescribeConfigs reports is what
// the log applies.
//
// Precedence for a topic config (as in Kafka): the topic's own override (DYNAMIC_TOPIC_CONFIG),
// then the first broker synonym that is set, looking in each synonym's layers in turn (this
// broker's dynamic config, DYNAMIC_BROKER_CONFIG; the cluster-wide dynamic default,
// DYNAMIC_DEFAULT_BROKER_CONFIG; the properties file, STATIC_BROKER_CONFIG), then the first
// synonym with a default (DEFAULT_CONFIG), then the topic config's own default.
import { MAX_SEGMENT_BYTES, type LogConfig } from '@tideline/storage';
import { BrokerError } from './errors.js';
import type { Broker, BrokerConfig } from './broker-state.js';

export type ConfigType = 'boolean' | 'string' | 'int' | 'long' | 'double' | 'list' | 'class' | 'password';

/** DescribeConfigs `configType` codes (Kafka's ConfigType enum). */
export const CONFIG_TYPE_CODE: Readonly<Record<ConfigType, number>> = {
  boolean: 1, string: 2, int: 3, long: 5, double: 6, list: 7, class: 8, password: 9,
};

/** DescribeConfigs `configSource` codes. */
export const ConfigSource = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
  DYNAMIC_BROKER_LOGGER_CONFIG: 6,
  /** A group config set with IncrementalAlterConfigs on a GROUP resource. */
  GROUP_CONFIG: 8,
} as const;

/** Config resource types used by DescribeConfigs / AlterConfigs / IncrementalAlterConfigs. */
export const ConfigResourceType = {
  UNKNOWN: 0,
  TOPIC: 2,
  GROUP: 32,
  BROKER: 4,
  BROKER_LOGGER: 8,
  CLIENT_METRICS: 16,
} as const;

export interface ConfigDef {
  readonly name: string;
  readonly type: ConfigType;
  /** The default as Kafka prints it; null when unset (e.g. log.retention.ms). */
  readonly default: string | null;
  /** Allowed values (string), or allowed items (list). */
  readonly validValues?: readonly string[];
  /** Inclusive numeric bounds (int/long/double). */
  readonly min?: number | bigint;
  readonly max?: number | bigint;
  /** Extra check; returns a reason when the (well-typed) value is invalid. */
  readonly check?: (value: string) => string | undefined;
  readonly sensitive: boolean;
  /** Not alterable at run time (AlterConfigs on the BROKER resource refuses it). */
  readonly readOnly: boolean;
  /** Kafka lets clients alter it at run time but Tideline does not use it: stored and reported only. */
  readonly noEffect?: boolean;
  readonly doc: string;
}

/** A broker config a topic config falls back to; `scale` converts its unit to the topic's. */
export interface BrokerSynonym {
  readonly name: string;
  readonly type?: 'int' | 'long';
  /** Default of the broker config; the topic config's default when omitted. */
  readonly default?: string | null;
  readonly scale?: number;
}

export interface TopicConfigDef extends ConfigDef {
  readonly synonyms: readonly BrokerSynonym[];
}

const LONG_MAX = '9223372036854775807';
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function topic(
  name: string, type: ConfigType, dflt: string, doc: string,
  extra: Partial<Pick<TopicConfigDef, 'validValues' | 'min' | 'max' | 'check'>> & { synonyms?: readonly (BrokerSynonym | string)[] } = {},
): TopicConfigDef {
  const { synonyms = [], ...rest } = extra;
  return {
    name, type, default: dflt, doc, sensitive: false, readOnly: false, ...rest,
    synonyms: synonyms.map((s) => (typeof s === 'string' ? { name: s } : s)),
  };
}

/** Every topic-level config the broker accepts, with Kafka's defaults. */
export const TOPIC_CONFIG_DEFS: readonly TopicConfigDef[] = [
  topic('cleanup.policy', 'list', 'delete', 'How old segments are removed: "delete" drops them by age or size, "compact" keeps the latest record per key; "compact,delete" does both.',
    { validValues: ['compact', 'delete'], synonyms: ['log.cleanup.policy'] }),
  topic('confluent.key.schema.validation', 'boolean', 'false', 'Refuse records whose key does not carry a schema id registered under <topic>-key (needs confluent.schema.registry.url).'),
  topic('confluent.value.schema.validation', 'boolean', 'false', 'Refuse records whose value does not carry a schema id registered under <topic>-value (needs confluent.schema.registry.url).'),
  topic('tideline.conditional.append', 'boolean', 'false', 'Tideline only: a batch whose first record carries the header tl-expected-version is appended only if its key has that many records in the partition (conditional-append.ts).'),
  topic('compression.type', 'string', 'producer', 'Codec batches are stored with; "producer" keeps whatever the producer sent.',
    { validValues: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'], synonyms: ['compression.type'] }),
  topic('compression.gzip.level', 'int', '-1', 'gzip level when the broker compresses with gzip (-1: codec default).',
    { check: (v) => (v === '-1' || /^[1-9]$/.test(v) ? undefined : 'Value must be -1 or between 1 and 9'), synonyms: ['compression.gzip.level'] }),
  topic('compression.lz4.level', 'int', '9', 'lz4 level when the broker compresses with lz4.', { min: 1, max: 17, synonyms: ['compression.lz4.level'] }),
  topic('compression.zstd.level', 'int', '3', 'zstd level when the broker compresses with zstd.', { min: -131072, max: 22, synonyms: ['compression.zstd.level'] }),
  topic('delete.retention.ms', 'long', '86400000', 'How long delete markers (tombstones) survive compaction.', { min: 0n, synonyms: ['log.cleaner.delete.retention.ms'] }),
  topic('file.delete.delay.ms', 'long', '60000', 'Delay between retiring a segment and deleting its files.', { min: 0n, synonyms: ['log.segment.delete.delay.ms'] }),
  topic('flush.messages', 'long', LONG_MAX, 'Force an fsync after this many messages (the default leaves flushing to the broker).', { min: 1n, synonyms: ['log.flush.interval.messages'] }),
  topic('flush.ms', 'long', LONG_MAX, 'Force an fsync when the oldest unflushed message is this old.', { min: 0n, synonyms: [{ name: 'log.flush.interval.ms', default: null }] }),
  topic('index.interval.bytes', 'int', '4096', 'Bytes of log between two offset-index entries.', { min: 0, synonyms: ['log.index.interval.bytes'] }),
  topic('max.compaction.lag.ms', 'long', LONG_MAX, 'Longest time a record may stay uncompacted.', { min: 1n, synonyms: ['log.cleaner.max.compaction.lag.ms'] }),
  topic('max.message.bytes', 'int', '1048588', 'Largest record batch the topic accepts, after compression.', { min: 0, synonyms: ['message.max.bytes'] }),
  topic('message.timestamp.after.max.ms', 'long', '3600000', 'How far in the future a CreateTime timestamp may be.', { min: 0n, synonyms: ['log.message.timestamp.after.max.ms'] }),
  topic('message.timestamp.before.max.ms', 'long', LONG_MAX, 'How far in the past a CreateTime timestamp may be.', { min: 0n, synonyms: ['log.message.timestamp.before.max.ms'] }),
  topic('message.timestamp.type', 'string', 'CreateTime', 'Whether record timestamps are the producer\'s (CreateTime) or the broker\'s append time (LogAppendTime).',
    { validValues: ['CreateTime', 'LogAppendTime'], synonyms: ['log.message.timestamp.type'] }),
  topic('min.cleanable.dirty.ratio', 'double', '0.5', 'Share of uncompacted log that makes a partition eligible for compaction.', { min: 0, max: 1, synonyms: ['log.cleaner.min.cleanable.ratio'] }),
  topic('min.compaction.lag.ms', 'long', '0', 'Shortest time a record stays uncompacted.', { min: 0n, synonyms: ['log.cleaner.min.compaction.lag.ms'] }),
  topic('min.insync.replicas', 'int', '1', 'Replicas that must acknowledge an acks=all write. Accepted and reported; a single node is always its own ISR.', { min: 1, synonyms: ['min.insync.replicas'] }),
  topic('preallocate', 'boolean', 'false', 'Preallocate segment files on creation.', { synonyms: ['log.preallocate'] }),
  topic('retention.bytes', 'long', '-1', 'Largest size a partition may grow to before old segments are deleted (-1: no limit).', { synonyms: ['log.retention.bytes'] }),
  topic('retention.ms', 'long', '604800000', 'How long segments are kept before deletion (-1: forever).', {
    min: -1n,
    synonyms: [{ name: 'log.retention.ms', default: null }, { name: 'log.retention.minutes', type: 'int', default: null, scale: 60_000 },
      { name: 'log.retention.hours', type: 'int', default: '168', scale: 3_600_000 }],
  }),
  topic('segment.bytes', 'int', '1073741824', 'Size at which the active segment is rolled.', { min: 1048576, max: MAX_SEGMENT_BYTES, synonyms: ['log.segment.bytes'] }),
  topic('segment.index.bytes', 'int', '10485760', 'Size of each segment\'s offset index.', { min: 4, synonyms: ['log.index.size.max.bytes'] }),
  topic('segment.jitter.ms', 'long', '0', 'Random jitter subtracted from segment.ms, so segments do not all roll at once.', {
    min: 0n, synonyms: [{ name: 'log.roll.jitter.ms', default: null }, { name: 'log.roll.jitter.hours', type: 'int', default: '0', scale: 3_600_000 }],
  }),
  topic('segment.ms', 'long', '604800000', 'Age at which the active segment is rolled even if not full.', {
    min: 1n, synonyms: [{ name: 'log.roll.ms', default: null }, { name: 'log.roll.hours', type: 'int', default: '168', scale: 3_600_000 }],
  }),
  topic('unclean.leader.election.enable', 'boolean', 'false', 'Allow an out-of-sync replica to lead. Accepted; meaningless on a single node.', { synonyms: ['unclean.leader.election.enable'] }),
];

const TOPIC_DEFS_BY_NAME: ReadonlyMap<string, TopicConfigDef> = new Map(TOPIC_CONFIG_DEFS.map((d) => [d.name, d]));

export function topicConfigDef(name: string): TopicConfigDef | undefined {
  return TOPIC_DEFS_BY_NAME.get(name);
}

// ---- values --------------------------------------------------------------------------------

function fail(name: string, value: string, why: string): never {
  throw new BrokerError('INVALID_CONFIG', `Invalid value ${value} for configuration ${name}: ${why}`);
}

/** Splits a list value as Kafka does: comma-separated, items trimmed, empty input = no items. */
export function listItems(value: string): string[] {
  return value.trim() === '' ? [] : value.split(',').map((s) => s.trim());
}

/** Throws INVALID_CONFIG unless `value` is well-formed for `def`. */
export function checkValue(def: ConfigDef, value: string): void {
  const v = value.trim();
  switch (def.type) {
    case 'boolean':
      if (v.toLowerCase() !== 'true' && v.toLowerCase() !== 'false') fail(def.name, value, 'Expected value to be either true or false');
      break;
    case 'int':
    case 'long': {
      if (!/^[+-]?\d+$/.test(v)) fail(def.name, value, `Not a number of type ${def.type.toUpperCase()}`);
      const n = BigInt(v);
      const [lo, hi] = def.type === 'int' ? [BigInt(INT_MIN), BigInt(INT_MAX)] : [-(2n ** 63n), 2n ** 63n - 1n];
      if (n < lo || n > hi) fail(def.name, value, `Not a number of type ${def.type.toUpperCase()}`);
      if (def.min !== undefined && n < BigInt(def.min)) fail(def.name, value, `Value must be at least ${String(def.min)}`);
      if (def.max !== undefined && n > BigInt(def.max)) fail(def.name, value, `Value must be no more than ${String(def.max)}`);
      break;
    }
    case 'double': {
      const n = v === '' ? Number.NaN : Number(v);
      if (!Number.isFinite(n)) fail(def.name, value, 'Not a number of type DOUBLE');
      if (def.min !== undefined && n < Number(def.min)) fail(def.name, value, `Value must be at least ${String(def.min)}`);
      if (def.max !== undefined && n > Number(def.max)) fail(def.name, value, `Value must be no more than ${String(def.max)}`);
      break;
    }
    case 'string':
      if (def.validValues !== undefined && !def.validValues.includes(v)) {
        const hint = def.name === 'compression.type' && v === 'none' ? ' ("none" is a producer setting; use "uncompressed")' : '';
        fail(def.name, value, `String must be one of: ${def.validValues.join(', ')}${hint}`);
      }
      break;
    case 'list': {
      const items = listItems(v);
      if (def.validValues !== undefined) {
        if (items.length === 0) fail(def.name, value, `List must name at least one of: ${def.validValues.join(', ')}`);
        for (const item of items) {
          if (!def.validValues.includes(item)) fail(def.name, value, `List items must be among: ${def.validValues.join(', ')}`);
        }
      }
      break;
    }
    case 'class':
    case 'password':
      break;
  }
  const why = def.check?.(v);
  if (why !== undefined) fail(def.name, value, why);
}

/**
 * Validates topic overrides (CreateTopics configs, AlterConfigs, the result of an incremental
 * alter). Throws BrokerError('INVALID_CONFIG') for an unknown name, a null or malformed value,
 * or a combination Kafka rejects (min.compaction.lag.ms above max.compaction.lag.ms).
 */
export function validateTopicConfigs(configs: Readonly<Record<string, string | null>>): void {
  for (const [name, value] of Object.entries(configs)) {
    const def = TOPIC_DEFS_BY_NAME.get(name);
    if (def === undefined) throw new BrokerError('INVALID_CONFIG', `Unknown topic config name: ${name}`);
    if (value === null) throw new BrokerError('INVALID_CONFIG', `Null value not supported for topic config: ${name}`);
    checkValue(def, value);
  }
  const min = configs['min.compaction.lag.ms'];
  const max = configs['max.compaction.lag.ms'];
  const minV = BigInt((min ?? '0').trim());
  const maxV = BigInt((max ?? LONG_MAX).trim());
  if (minV > maxV) {
    throw new BrokerError('INVALID_CONFIG',
      `conflict topic config setting min.compaction.lag.ms (${minV}) > max.compaction.lag.ms (${maxV})`);
  }
}

// ---- resolution ----------------------------------------------------------------------------

/** One config's effective value, where it came from, and its synonyms in precedence order. */
export interface ResolvedConfig {
  readonly def: ConfigDef;
  readonly value: string | null;
  readonly source: number;
  readonly synonyms: ReadonlyArray<{ name: string; value: string | null; source: number }>;
}

/**
 * The broker-level config layers a value is looked up in, highest precedence first: this broker's
 * dynamic configs, the cluster-wide dynamic defaults, the properties file.
 */
export interface BrokerConfigLayers {
  readonly perBroker: Readonly<Record<string, string>>;
  readonly clusterDefault: Readonly<Record<string, string>>;
  readonly static: Readonly<Record<string, string>>;
}

/** A plain record is the static layer alone. */
export type BrokerConfigInput = Readonly<Record<string, string>> | BrokerConfigLayers;

function isLayers(c: BrokerConfigInput): c is BrokerConfigLayers {
  const l = c as Partial<BrokerConfigLayers>;
  return typeof l.perBroker === 'object' && typeof l.clusterDefault === 'object' && typeof l.static === 'object';
}

/** The layers in precedence order with their DescribeConfigs sources. */
export function layersOf(c: BrokerConfigInput): ReadonlyArray<{ source: number; configs: Readonly<Record<string, string>> }> {
  if (!isLayers(c)) return [{ source: ConfigSource.STATIC_BROKER_CONFIG, configs: c as Readonly<Record<string, string>> }];
  return [
    { source: ConfigSource.DYNAMIC_BROKER_CONFIG, configs: c.perBroker },
    { source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG, configs: c.clusterDefault },
    { source: ConfigSource.STATIC_BROKER_CONFIG, configs: c.static },
  ];
}

/** The value of broker config `name` in the highest layer that sets it. */
export function brokerLayerValue(c: BrokerConfigInput, name: string): string | undefined {
  for (const l of layersOf(c)) {
    const v = l.configs[name];
    if (v !== undefined) return v;
  }
  return undefined;
}

function scaled(value: string, scale: number | undefined): string {
  return scale === undefined ? value.trim() : (BigInt(value.trim()) * BigInt(scale)).toString();
}

/** Effective value of one topic config given the topic's overrides and the broker's static configs. */
export function resolveTopicEntry(
  def: TopicConfigDef,
  overrides: Readonly<Record<string, string>>,
  brokerConfigs: BrokerConfigInput = {},
): ResolvedConfig {
  const synonyms: Array<{ name: string; value: string | null; source: number }> = [];
  let value: string | null = null;
  let source: number = ConfigSource.DEFAULT_CONFIG;
  const own = overrides[def.name];
  if (own !== undefined) {
    synonyms.push({ name: def.name, value: own, source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
    value = own;
    source = ConfigSource.DYNAMIC_TOPIC_CONFIG;
  }
  const layers = layersOf(brokerConfigs);
  for (const s of def.synonyms) {
    for (const l of layers) {
      const set = l.configs[s.name];
      if (set === undefined) continue;
      synonyms.push({ name: s.name, value: set, source: l.source });
      if (value === null) {
        value = scaled(set, s.scale);
        source = l.source;
      }
    }
  }
  const withDefault = def.synonyms.find((s) => (s.default === undefined ? def.default : s.default) !== null);
  if (withDefault !== undefined) {
    const d = withDefault.default === undefined ? def.default : withDefault.default;
    if (d !== null) {
      synonyms.push({ name: withDefault.name, value: d, source: ConfigSource.DEFAULT_CONFIG });
      if (value === null) value = scaled(d, withDefault.scale);
    }
  }
  if (value === null) value = def.default;
  return { def, value, source, synonyms };
}

export type CompressionType = 'producer' | 'uncompressed' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/**
 * A topic's effective configuration, typed. Long values above 2^53 (Kafka's Long.MAX_VALUE
 * meaning "never") are clamped to Number.MAX_SAFE_INTEGER.
 */
export interface TopicConfig {
  readonly cleanupPolicy: { readonly delete: boolean; readonly compact: boolean };
  readonly compressionType: CompressionType;
  readonly compressionGzipLevel: number;
  readonly compressionLz4Level: number;
  readonly compressionZstdLevel: number;
  readonly deleteRetentionMs: number;
  readonly fileDeleteDelayMs: number;
  readonly flushMessages: number;
  readonly flushMs: number;
  readonly indexIntervalBytes: number;
  readonly maxCompactionLagMs: number;
  readonly maxMessageBytes: number;
  readonly messageTimestampAfterMaxMs: number;
  readonly messageTimestampBeforeMaxMs: number;
  readonly messageTimestampType: 'CreateTime' | 'LogAppendTime';
  readonly minCleanableDirtyRatio: number;
  readonly minCompactionLagMs: number;
  readonly minInsyncReplicas: number;
  readonly preallocate: boolean;
  readonly retentionBytes: number;
  readonly retentionMs: number;
  readonly segmentBytes: number;
  readonly segmentIndexBytes: number;
  readonly segmentJitterMs: number;
  readonly segmentMs: number;
  readonly uncleanLeaderElectionEnable: boolean;
  /** Broker-side schema validation (schema-validation.ts), Confluent Server's topic configs. */
  readonly keySchemaValidation: boolean;
  readonly valueSchemaValidation: boolean;
  /** Per-key conditional append (conditional-append.ts). */
  readonly conditionalAppend: boolean;
}

function num(v: string): number {
  const t = v.trim();
  if (!/^[+-]?\d+$/.test(t)) return Number(t);
  const b = BigInt(t);
  const max = BigInt(Number.MAX_SAFE_INTEGER);
  return Number(b > max ? max : b < -max ? -max : b);
}

/**
 * The effective, typed configuration of a topic. `overrides` are the topic's own configs (already
 * validated); `brokerConfigs` are the broker's static settings by broker name (log.retention.ms,
 * log.retention.hours, log.cleanup.policy, ...).
 */
export function resolveTopicConfig(
  overrides: Readonly<Record<string, string>>,
  brokerConfigs: BrokerConfigInput = {},
): TopicConfig {
  const get = (name: string): string => {
    const def = TOPIC_DEFS_BY_NAME.get(name);
    if (def === undefined) throw new Error(`no topic config ${name}`);
    return resolveTopicEntry(def, overrides, brokerConfigs).value ?? def.default ?? '';
  };
  const policy = listItems(get('cleanup.policy'));
  return {
    cleanupPolicy: { delete: policy.includes('delete'), compact: policy.includes('compact') },
    compressionType: get('compression.type').trim() as CompressionType,
    compressionGzipLevel: num(get('compression.gzip.level')),
    compressionLz4Level: num(get('compression.lz4.level')),
    compressionZstdLevel: num(get('compression.zstd.level')),
    deleteRetentionMs: num(get('delete.retention.ms')),
    fileDeleteDelayMs: num(get('file.delete.delay.ms')),
    flushMessages: num(get('flush.messages')),
    flushMs: num(get('flush.ms')),
    indexIntervalBytes: num(get('index.interval.bytes')),
    maxCompactionLagMs: num(get('max.compaction.lag.ms')),
    maxMessageBytes: num(get('max.message.bytes')),
    messageTimestampAfterMaxMs: num(get('message.timestamp.after.max.ms')),
    messageTimestampBeforeMaxMs: num(get('message.timestamp.before.max.ms')),
    messageTimestampType: get('message.timestamp.type').trim() === 'LogAppendTime' ? 'LogAppendTime' : 'CreateTime',
    minCleanableDirtyRatio: Number(get('min.cleanable.dirty.ratio')),
    minCompactionLagMs: num(get('min.compaction.lag.ms')),
    minInsyncReplicas: num(get('min.insync.replicas')),
    preallocate: get('preallocate').trim().toLowerCase() === 'true',
    retentionBytes: num(get('retention.bytes')),
    retentionMs: num(get('retention.ms')),
    segmentBytes: num(get('segment.bytes')),
    segmentIndexBytes: num(get('segment.index.bytes')),
    segmentJitterMs: num(get('segment.jitter.ms')),
    segmentMs: num(get('segment.ms')),
    uncleanLeaderElectionEnable: get('unclean.leader.election.enable').trim().toLowerCase() === 'true',
    keySchemaValidation: get('confluent.key.schema.validation').trim().toLowerCase() === 'true',
    valueSchemaValidation: get('confluent.value.schema.validation').trim().toLowerCase() === 'true',
    conditionalAppend: get('tideline.conditional.append').trim().toLowerCase() === 'true',
  };
}

/**
 * What a partition's log applies for a topic with these overrides: the typed values of the
 * configs the log enforces (segment rolling, retention, cleanup, index spacing, timestamps,
 * flushing, max.message.bytes).
 */
export function logConfigOf(
  overrides: Readonly<Record<string, string>>,
  brokerConfigs: BrokerConfigInput = {},
): LogConfig {
  const c = resolveTopicConfig(overrides, brokerConfigs);
  const flushSet = resolveTopicEntry(TOPIC_DEFS_BY_NAME.get('flush.ms')!, overrides, brokerConfigs).source !== ConfigSource.DEFAULT_CONFIG;
  return {
    segmentBytes: c.segmentBytes,
    segmentMs: c.segmentMs,
    retentionMs: c.retentionMs,
    // Any negative size means "no limit".
    retentionBytes: c.retentionBytes < 0 ? -1 : c.retentionBytes,
    cleanupDelete: c.cleanupPolicy.delete,
    cleanupCompact: c.cleanupPolicy.compact,
    minCompactionLagMs: c.minCompactionLagMs,
    minCleanableDirtyRatio: c.minCleanableDirtyRatio,
    maxCompactionLagMs: c.maxCompactionLagMs,
    deleteRetentionMs: c.deleteRetentionMs,
    indexIntervalBytes: c.indexIntervalBytes,
    timestampType: c.messageTimestampType,
    // Kafka's default (Long.MAX_VALUE) forces no flush and leaves durability to replication; a
    // single node has none, so unless flush.ms is set the log commits every write at once.
    flushMs: flushSet ? c.flushMs : 0,
    maxMessageBytes: c.maxMessageBytes,
  };
}

// ---- broker-level configs ------------------------------------------------------------------

type BrokerDefExtra = Partial<Pick<ConfigDef, 'validValues' | 'min' | 'max' | 'check' | 'sensitive'>>;

/** A broker config Tideline reads at startup only (the properties file). */
function broker(name: string, type: ConfigType, dflt: string | null, doc: string, extra: BrokerDefExtra = {}): ConfigDef {
  return { name, type, default: dflt, doc, sensitive: false, readOnly: true, ...extra };
}

/** A broker config alterable at run time that Tideline applies at once. */
function dynamic(name: string, type: ConfigType, dflt: string | null, doc: string, extra: BrokerDefExtra = {}): ConfigDef {
  return { name, type, default: dflt, doc, sensitive: false, readOnly: false, ...extra };
}

/** A config Kafka lets clients alter at run time that Tideline has no use for: stored and reported, never refused. */
function noEffect(name: string, type: ConfigType, dflt: string | null, extra: BrokerDefExtra = {}): ConfigDef {
  return {
    name, type, default: dflt, doc: 'Kafka broker setting accepted and reported for compatibility; it has no effect on a single Tideline node.',
    sensitive: type === 'password', readOnly: false, noEffect: true, ...extra,
  };
}

const BROKER_ONLY_DEFS: readonly ConfigDef[] = [
  broker('advertised.listeners', 'list', null, 'Listeners clients are told to connect to.'),
  broker('auto.create.topics.enable', 'boolean', 'true', 'Create a topic when a client asks for metadata or produces to one that does not exist.'),
  broker('confluent.schema.registry.url', 'string', null, 'Schema registry that topics with confluent.*.schema.validation check record schema ids against.'),
  broker('broker.id', 'int', '-1', 'This broker\'s id (same as node.id).'),
  broker('default.replication.factor', 'int', '1', 'Replication factor of auto-created topics (a single node holds one replica whatever this says).', { min: 1 }),
  broker('delete.topic.enable', 'boolean', 'true', 'Whether DeleteTopics is allowed.'),
  broker('log.dirs', 'list', null, 'Directory holding the partition logs and metadata.'),
  broker('node.id', 'int', null, 'This node\'s id.'),
  broker('num.partitions', 'int', '1', 'Partition count of auto-created topics and of CreateTopics requests that leave it unset.', { min: 1 }),
  broker('socket.request.max.bytes', 'int', '104857600', 'Largest request frame the broker accepts.', { min: 1 }),
  // Housekeeping.
  broker('log.retention.check.interval.ms', 'long', '300000', 'How often segments past retention.ms / retention.bytes are deleted.', { min: 1n }),
  broker('log.cleaner.enable', 'boolean', 'true', 'Run the log cleaner (compaction of cleanup.policy=compact topics).'),
  dynamic('log.cleaner.backoff.ms', 'long', '15000', 'Pause of the log cleaner when no log needs compacting.', { min: 0n }),
  noEffect('log.cleaner.threads', 'int', '1', { min: 0 }),
  noEffect('log.cleaner.dedupe.buffer.size', 'long', '134217728'),
  noEffect('log.cleaner.io.buffer.size', 'int', '524288', { min: 0 }),
  noEffect('log.cleaner.io.buffer.load.factor', 'double', '0.9'),
  noEffect('log.cleaner.io.max.bytes.per.second', 'double', '1.7976931348623157E308'),
  broker('producer.id.expiration.ms', 'int', '86400000', 'Producer ids idle this long are forgotten.', { min: 1 }),
  // Group coordinator (Tideline's defaults where they differ from Kafka's are noted in docs/operations.md).
  broker('group.initial.rebalance.delay.ms', 'int', '300', 'How long the first rebalance of an empty classic group waits for more members.', { min: 0 }),
  broker('group.min.session.timeout.ms', 'int', '6000', 'Smallest session timeout a classic-group member may ask for.'),
  broker('group.max.session.timeout.ms', 'int', '1800000', 'Largest session timeout a classic-group member may ask for.'),
  broker('group.consumer.heartbeat.interval.ms', 'int', '5000', 'Heartbeat interval given to KIP-848 consumer-group members.', { min: 1 }),
  broker('group.consumer.session.timeout.ms', 'int', '45000', 'Session timeout of KIP-848 consumer-group members.', { min: 1 }),
  broker('group.consumer.min.heartbeat.interval.ms', 'int', '5000', 'Smallest consumer.heartbeat.interval.ms a group config may set.', { min: 1 }),
  broker('group.consumer.max.heartbeat.interval.ms', 'int', '15000', 'Largest consumer.heartbeat.interval.ms a group config may set.', { min: 1 }),
  broker('group.consumer.min.session.timeout.ms', 'int', '45000', 'Smallest consumer.session.timeout.ms a group config may set.', { min: 1 }),
  broker('group.consumer.max.session.timeout.ms', 'int', '60000', 'Largest consumer.session.timeout.ms a group config may set.', { min: 1 }),
  broker('group.consumer.assignors', 'list', 'uniform,range', 'Server-side assignors of KIP-848 groups; the first is the default.', { validValues: ['uniform', 'range'] }),
  broker('offsets.retention.minutes', 'int', '10080', 'How long committed offsets of an empty group are kept.', { min: 1 }),
  broker('offsets.retention.check.interval.ms', 'long', '600000', 'How often expired committed offsets are removed.', { min: 1n }),
  broker('offset.metadata.max.bytes', 'int', '4096', 'Largest metadata string of a committed offset.'),
  broker('offsets.topic.num.partitions', 'int', '1', 'Partitions of __consumer_offsets when it is created.', { min: 1 }),
  // Transaction coordinator.
  broker('transaction.max.timeout.ms', 'int', '900000', 'Largest transaction timeout a producer may ask for.', { min: 1 }),
  broker('transaction.abort.timed.out.transaction.cleanup.interval.ms', 'int', '10000', 'How often timed-out transactions are aborted.', { min: 1 }),
  broker('transactional.id.expiration.ms', 'int', '604800000', 'Transactional ids idle this long are forgotten.', { min: 1 }),
  broker('transaction.remove.expired.transaction.cleanup.interval.ms', 'int', '3600000', 'How often expired transactional ids are removed.', { min: 1 }),
  broker('transaction.state.log.num.partitions', 'int', '1', 'Partitions of __transaction_state when it is created.', { min: 1 }),
  // Dynamic in Kafka, no effect here (thread pools, connection limits, SSL files swapped at run time).
  noEffect('num.io.threads', 'int', '8', { min: 1 }),
  noEffect('num.network.threads', 'int', '3', { min: 1 }),
  noEffect('num.replica.fetchers', 'int', '1'),
  noEffect('num.recovery.threads.per.data.dir', 'int', '2', { min: 1 }),
  noEffect('background.threads', 'int', '10', { min: 1 }),
  noEffect('max.connections', 'int', '2147483647', { min: 0 }),
  noEffect('max.connections.per.ip', 'int', '2147483647', { min: 0 }),
  noEffect('max.connections.per.ip.overrides', 'string', ''),
  noEffect('max.connection.creation.rate', 'int', '2147483647', { min: 0 }),
  noEffect('follower.replication.throttled.rate', 'long', LONG_MAX),
  noEffect('leader.replication.throttled.rate', 'long', LONG_MAX),
  noEffect('replica.alter.log.dirs.io.max.bytes.per.second', 'long', LONG_MAX),
  noEffect('metric.reporters', 'list', ''),
  noEffect('ssl.keystore.type', 'string', 'JKS'),
  noEffect('ssl.keystore.location', 'string', null),
  noEffect('ssl.keystore.password', 'password', null),
  noEffect('ssl.key.password', 'password', null),
  noEffect('ssl.keystore.certificate.chain', 'password', null),
  noEffect('ssl.keystore.key', 'password', null),
  noEffect('ssl.truststore.type', 'string', 'JKS'),
  noEffect('ssl.truststore.location', 'string', null),
  noEffect('ssl.truststore.password', 'password', null),
  noEffect('ssl.truststore.certificates', 'password', null),
  noEffect('ssl.client.auth', 'string', 'none', { validValues: ['required', 'requested', 'none'] }),
  noEffect('ssl.cipher.suites', 'list', ''),
  noEffect('ssl.enabled.protocols', 'list', 'TLSv1.2,TLSv1.3'),
  noEffect('ssl.endpoint.identification.algorithm', 'string', 'https'),
  noEffect('sasl.jaas.config', 'password', null),
];

/** `listener.name.<listener>.<name>` keys Kafka reconfigures per listener (SSL files, SASL settings). */
const PER_LISTENER = /^listener\.name\.[A-Za-z0-9_-]+\.((?:[a-z0-9-]+\.)?(?:ssl|sasl)\.[a-z0-9.]+)$/;

/** Kafka reconfigures every SSL and SASL setting at run time (its dynamic security configs). */
const SECURITY = /^(?:[a-z0-9-]+\.)?(?:ssl|sasl)\.[a-z0-9.]+$/;

/** The definition of a per-listener or other SSL/SASL key (reported, no effect), or undefined. */
function perListenerDef(name: string): ConfigDef | undefined {
  const m = PER_LISTENER.exec(name) ?? (SECURITY.test(name) ? [name, name] : null);
  if (m === null) return undefined;
  const base = BROKER_ONLY_DEFS.find((d) => d.name === m[1]);
  const sensitive = base?.sensitive ?? /password|jaas\.config|\.key$/.test(m[1]!);
  return noEffect(name, base?.type ?? (sensitive ? 'password' : 'string'), null, { sensitive });
}

/** The broker's own configs: broker-only settings plus every topic config's broker synonym. */
export const BROKER_CONFIG_DEFS: readonly ConfigDef[] = (() => {
  const out = new Map<string, ConfigDef>(BROKER_ONLY_DEFS.map((d) => [d.name, d]));
  for (const t of TOPIC_CONFIG_DEFS) {
    for (const s of t.synonyms) {
      if (out.has(s.name)) continue;
      const def: ConfigDef = {
        name: s.name, type: s.type ?? t.type, default: s.default === undefined ? t.default : s.default,
        doc: `Broker-wide default for the topic config ${t.name}${s.scale === 3_600_000 ? ' (in hours)' : s.scale === 60_000 ? ' (in minutes)' : ''}.`,
        // Kafka reconfigures every topic config's broker synonym at run time (DynamicLogConfig).
        sensitive: false, readOnly: false,
      };
      out.set(s.name, s.scale === undefined
        ? { ...def, ...(t.validValues ? { validValues: t.validValues } : {}), ...(t.min !== undefined ? { min: t.min } : {}), ...(t.max !== undefined ? { max: t.max } : {}), ...(t.check ? { check: t.check } : {}) }
        : def);
    }
  }
  return [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); // code-point order: localeCompare would load ICU collation at startup (~9 ms)
})();

const BROKER_DEFS_BY_NAME: ReadonlyMap<string, ConfigDef> = new Map(BROKER_CONFIG_DEFS.map((d) => [d.name, d]));

export function brokerConfigDef(name: string): ConfigDef | undefined {
  return BROKER_DEFS_BY_NAME.get(name) ?? perListenerDef(name);
}

/** Throws INVALID_CONFIG for an unknown broker config or a bad value (checks startup settings). */
export function validateBrokerConfigs(configs: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(configs)) {
    const def = brokerConfigDef(name);
    if (def === undefined) throw new BrokerError('INVALID_CONFIG', `Unknown broker config name: ${name}`);
    checkValue(def, value);
  }
}

/** The broker configs set at startup: the properties file's settings plus those derived from the broker's options. */
export function staticBrokerConfigs(config: BrokerConfig, explicit: Readonly<Record<string, string>> = config.staticConfigs ?? {}): Record<string, string> {
  return {
    ...explicit,
    'node.id': String(config.nodeId),
    'broker.id': String(config.nodeId),
    'log.dirs': config.dataDir,
    'advertised.listeners': config.listeners !== undefined && config.listeners.length > 0
      ? config.listeners.map((l) => `${l.name}://${l.host}:${l.port}`).join(',')
      : `PLAINTEXT://${config.advertisedHost}:${config.advertisedPort}`,
    'auto.create.topics.enable': String(config.autoCreateTopics),
    'num.partitions': String(config.defaultPartitions),
    'socket.request.max.bytes': String(config.maxRequestSize),
    ...(config.schemaRegistryUrl === undefined ? {} : { 'confluent.schema.registry.url': config.schemaRegistryUrl }),
  };
}

/** The layers of a running broker: its dynamic sets and its static configs including those derived from options. */
export function brokerLayersOf(b: Broker): BrokerConfigLayers {
  return { ...b.brokerConfigs.layers(), static: staticBrokerConfigs(b.config) };
}

/** For each broker config that is a topic config's synonym: the synonyms from it on, with their units. */
const BROKER_SYNONYM_CHAINS: ReadonlyMap<string, ReadonlyArray<{ name: string; scale: number }>> = (() => {
  const out = new Map<string, Array<{ name: string; scale: number }>>();
  for (const t of TOPIC_CONFIG_DEFS) {
    t.synonyms.forEach((s, i) => {
      if (!out.has(s.name)) out.set(s.name, t.synonyms.slice(i).map((x) => ({ name: x.name, scale: x.scale ?? 1 })));
    });
  }
  return out;
})();

/** One broker config's effective value, source and synonyms, looked up in the layers. */
function resolveBrokerEntry(def: ConfigDef, brokerConfigs: BrokerConfigInput): ResolvedConfig {
  const chain = BROKER_SYNONYM_CHAINS.get(def.name) ?? [{ name: def.name, scale: 1 }];
  const layers = layersOf(brokerConfigs);
  const synonyms: Array<{ name: string; value: string | null; source: number }> = [];
  let value: string | null = null;
  let source: number = ConfigSource.DEFAULT_CONFIG;
  for (const s of chain) {
    for (const l of layers) {
      const set = l.configs[s.name];
      if (set === undefined) continue;
      synonyms.push({ name: s.name, value: set, source: l.source });
      if (value === null) {
        value = s.scale === chain[0]!.scale ? set : (BigInt(set.trim()) * BigInt(s.scale) / BigInt(chain[0]!.scale)).toString();
        source = l.source;
      }
    }
  }
  const withDefault = chain.map((s) => ({ s, d: s.name === def.name ? def.default : (BROKER_DEFS_BY_NAME.get(s.name)?.default ?? null) })).find((x) => x.d !== null);
  if (withDefault !== undefined) synonyms.push({ name: withDefault.s.name, value: withDefault.d, source: ConfigSource.DEFAULT_CONFIG });
  return { def, value: value ?? def.default, source, synonyms };
}

/**
 * Every broker config's effective value and source: DYNAMIC_BROKER_CONFIG, DYNAMIC_DEFAULT_BROKER_CONFIG,
 * STATIC_BROKER_CONFIG or DEFAULT_CONFIG, with its synonyms in precedence order (as Kafka answers for
 * a broker id). Per-listener keys appear when set.
 */
export function resolveBrokerConfigs(brokerConfigs: BrokerConfigInput): ResolvedConfig[] {
  const extra = new Set<string>();
  for (const l of layersOf(brokerConfigs)) for (const k of Object.keys(l.configs)) if (!BROKER_DEFS_BY_NAME.has(k) && perListenerDef(k) !== undefined) extra.add(k);
  const defs = [...BROKER_CONFIG_DEFS, ...[...extra].sort().map((k) => perListenerDef(k)!)];
  return defs.map((def) => resolveBrokerEntry(def, brokerConfigs));
}

/** The cluster-wide dynamic defaults (the "" resource): only what is set, as Kafka answers. */
export function resolveClusterDefaults(clusterDefault: Readonly<Record<string, string>>): ResolvedConfig[] {
  return Object.keys(clusterDefault).sort().flatMap((name) => {
    const def = brokerConfigDef(name);
    if (def === undefined) return [];
    const value = clusterDefault[name]!;
    return [{ def, value, source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG, synonyms: [{ name, value, source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG }] }];
  });
}

// ---- resources -----------------------------------------------------------------------------

/**
 * A BROKER / BROKER_LOGGER resource names this broker by id, or "" for the cluster-wide dynamic
 * defaults. Throws INVALID_REQUEST otherwise (Kafka's message).
 */
export function checkBrokerResourceName(name: string, nodeId: number): void {
  if (name !== '' && name !== String(nodeId)) {
    throw new BrokerError('INVALID_REQUEST', `Unexpected broker id, expected ${nodeId} or empty string, but received ${name}`);
  }
}

/** Names of resources that appear more than once in one request, as `${type}:${name}`. */
export function duplicateResources(resources: ReadonlyArray<{ resourceType: number; resourceName: string }>): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const r of resources) {
    const key = `${r.resourceType}:${r.resourceName}`;
    if (seen.has(key)) dup.add(key);
    seen.add(key);
  }
  return dup;
}
