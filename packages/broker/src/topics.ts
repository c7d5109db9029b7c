// TopicManager: the broker's topics service over @tideline/storage. Topic definitions (name, id,
// partition count, config overrides) live in the storage's MetadataStore; each partition has a
// PartitionLog (LogManager) and the idempotent producers' sequence state. Handlers reach it as
// `ctx.broker.topics`.
import { randomBytes } from 'node:crypto';
import {
  type LogManager, type MetadataStore, type PartitionLog, type TopicMetadata,
} from '@tideline/storage';
import { BrokerError } from './errors.js';
import type { TopicInfo } from './broker-state.js';
import type { Logger } from './logger.js';
import type { PartitionProducers } from './producer-state.js';
import { ProducerSnapshots, type ProducerStateStores } from './producer-snapshots.js';
import { logConfigOf, resolveTopicConfig, validateTopicConfigs, type BrokerConfigInput, type TopicConfig } from './configs.js';
import { checkNoCollision, isInternalTopic, validateTopicName } from './topic-names.js';
/** Kafka caps a topic's partition count far below this; it keeps a bad request from allocating millions of logs. */
export const MAX_PARTITIONS = 10_000;

/** One partition as the data path sees it. */
export interface PartitionHandle {
  readonly topic: string;
  readonly topicId: string;
  readonly partition: number;
  /** `${topicId}:${partition}`: the key fetch waiters and sessions use. */
  readonly key: string;
  readonly log: PartitionLog;
  readonly producers: PartitionProducers;
}

interface TopicEntry {
  info: TopicInfo;
  config: TopicConfig;
  partitions: PartitionHandle[];
}

export interface CreateTopicOptions {
  /** -1 or undefined: the broker default. */
  partitions?: number;
  configs?: Readonly<Record<string, string | null>>;
  validateOnly?: boolean;
}

export interface TopicManagerOptions extends ProducerStateStores {
  metadata: MetadataStore;
  logs: LogManager;
  defaultPartitions: number;
  log: Logger;
  now: () => number;
  /** Called with a partition key when that partition goes away (wakes its fetch waiters). */
  onPartitionGone?: (key: string) => void;
  /** Called with a partition key after every high-watermark advance of its log (wakes its fetch waiters). */
  onHighWatermark?: (key: string) => void;
  /** Producer ids idle this long are forgotten (Kafka: producer.id.expiration.ms, 1 day). */
  producerIdExpirationMs?: number;
  /** The broker-level configs topic configs fall back to (log.retention.hours...); absent: none set. */
  brokerConfigs?: () => BrokerConfigInput;
}

const DAY_MS = 24 * 3600 * 1000;

/** Kafka's zero Uuid in text form (no topic id). */
export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

export const partitionKey = (topicId: string, partition: number): string => `${topicId}:${partition}`;

function newTopicId(): string {
  for (;;) {
    const b = randomBytes(16);
    const id = b.toString('base64url');
    // Kafka never hands out the zero id, the metadata topic's id (1) or ids printing with a leading '-'.
    if (!id.startsWith('-') && b.some((x, i) => x !== 0 && !(i === 15 && x === 1 && b.subarray(0, 15).every((y) => y === 0)))) return id;
  }
}

export class TopicManager {
  private readonly byName = new Map<string, TopicEntry>();
  private readonly byId = new Map<string, TopicEntry>();
  /** Names with a create or delete in progress. */
  private readonly busy = new Set<string>();
  private readonly snapshots: ProducerSnapshots;
  private expiryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(private readonly opts: TopicManagerOptions) {
    this.snapshots = new ProducerSnapshots(opts, opts.log);
  }

  /** Opens every stored topic's logs and rebuilds their producer state. */
  static async open(opts: TopicManagerOptions): Promise<TopicManager> {
    const m = new TopicManager(opts);
    for (const t of opts.metadata.listTopics()) await m.load(t);
    const every = Math.min(opts.producerIdExpirationMs ?? DAY_MS, 10 * 60 * 1000);
    m.expiryTimer = setInterval(() => m.expireProducers(), every);
    m.expiryTimer.unref();
    return m;
  }

  /** Registers a topic whose partitions are open (`partitions`), or opens them first. */
  private async load(t: TopicMetadata, partitions?: PartitionHandle[]): Promise<TopicEntry> {
    const info = toInfo(t);
    const entry: TopicEntry = { info, config: resolveTopicConfig(t.configs, this.brokerConfigs()), partitions: partitions ?? await this.openPartitions(info, 0, t.partitionCount) };
    this.byName.set(info.name, entry);
    this.byId.set(info.topicId, entry);
    return entry;
  }

  /**
   * Opens partitions `from` to `to - 1`, up to 32 at a time: each open waits on a few fsyncs of its
   * own (a new log: its directory and the data directory), which need not queue behind the others'.
   */
  private async openPartitions(info: TopicInfo, from: number, to: number): Promise<PartitionHandle[]> {
    const out: PartitionHandle[] = new Array<PartitionHandle>(to - from);
    let next = from;
    const worker = async (): Promise<void> => {
      while (next < to) {
        const p = next++;
        out[p - from] = await this.openPartition(info, p);
      }
    };
    await Promise.all(Array.from({ length: Math.min(32, to - from) }, worker));
    return out;
  }

  private async openPartition(info: TopicInfo, partition: number): Promise<PartitionHandle> {
    const log = await this.opts.logs.open({ topic: info.name, partition }, logConfigOf(info.configs, this.brokerConfigs()));
    const producers = await this.snapshots.load(info.topicId, partition, log, this.opts.now(), this.opts.producerIdExpirationMs ?? DAY_MS);
    const key = partitionKey(info.topicId, partition);
    const onHw = this.opts.onHighWatermark;
    if (onHw !== undefined) log.onHighWatermark(() => onHw(key));
    return { topic: info.name, topicId: info.topicId, partition, key, log, producers };
  }

  /** Every topic, sorted by name. */
  list(): TopicInfo[] {
    return [...this.byName.values()].map((e) => e.info).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  get(name: string): TopicInfo | undefined {
    return this.byName.get(name)?.info;
  }

  /** By Kafka topic id (base64url text form). */
  getById(topicId: string): TopicInfo | undefined {
    return this.byId.get(topicId)?.info;
  }

  /** The typed config of a topic (its overrides over the broker defaults). */
  config(name: string): TopicConfig | undefined {
    return this.byName.get(name)?.config;
  }

  /** A partition's log, or undefined when the topic or partition does not exist. */
  partitionLog(topic: string, partition: number): PartitionLog | undefined {
    return this.partition(topic, partition)?.log;
  }

  /** A partition's log and producer state, or undefined when it does not exist. */
  partition(topic: string, partition: number): PartitionHandle | undefined {
    return this.byName.get(topic)?.partitions[partition];
  }

  partitionById(topicId: string, partition: number): PartitionHandle | undefined {
    return this.byId.get(topicId)?.partitions[partition];
  }

  /**
   * Creates a topic (or only validates the request). Throws BrokerError: INVALID_TOPIC_EXCEPTION,
   * TOPIC_ALREADY_EXISTS, INVALID_PARTITIONS, INVALID_CONFIG.
   */
  async create(name: string, o: CreateTopicOptions = {}): Promise<TopicInfo> {
    this.checkOpen();
    validateTopicName(name);
    if (this.byName.has(name) || this.busy.has(name)) throw new BrokerError('TOPIC_ALREADY_EXISTS', `Topic '${name}' already exists.`);
    checkNoCollision(name, this.byName.keys());
    const partitions = o.partitions === undefined || o.partitions === -1 ? this.opts.defaultPartitions : o.partitions;
    if (!Number.isInteger(partitions) || partitions < 1) throw new BrokerError('INVALID_PARTITIONS', `Number of partitions must be larger than 0 (got ${partitions}).`);
    if (partitions > MAX_PARTITIONS) throw new BrokerError('INVALID_PARTITIONS', `Number of partitions ${partitions} is above the limit of ${MAX_PARTITIONS}.`);
    const configs = checkConfigs(o.configs ?? {});
    const meta: TopicMetadata = { name, id: newTopicId(), partitionCount: partitions, configs };
    if (o.validateOnly === true) return toInfo(meta);
    this.busy.add(name);
    try {
      // The definition's fdatasync and the new logs' fsyncs run side by side; the topic exists (is
      // registered, answered) only once both are done, so an acknowledged creation is durable. A
      // crash between them can leave empty partition directories without a definition: a later
      // topic of that name opens them as its own, empty, logs.
      const [written, opened] = await Promise.allSettled([this.opts.metadata.createTopic(meta), this.openPartitions(toInfo(meta), 0, partitions)]);
      if (written.status === 'rejected') throw written.reason;
      if (opened.status === 'rejected') throw opened.reason;
      const entry = await this.load(meta, opened.value);
      this.opts.log.info({ topic: name, partitions, topicId: meta.id }, 'topic created');
      return entry.info;
    } finally {
      this.busy.delete(name);
    }
  }

  /** Deletes a topic and its logs. Throws UNKNOWN_TOPIC_OR_PARTITION. */
  async delete(name: string): Promise<void> {
    this.checkOpen();
    const e = this.byName.get(name);
    if (e === undefined || this.busy.has(name)) throw new BrokerError('UNKNOWN_TOPIC_OR_PARTITION', `This server does not host this topic-partition.`);
    this.busy.add(name);
    this.byName.delete(name);
    this.byId.delete(e.info.topicId);
    try {
      // Logs first: a crash midway leaves a topic with fewer records rather than a definition-less
      // log that a later topic of the same name would inherit.
      for (const p of e.partitions) {
        this.opts.onPartitionGone?.(p.key);
        await this.opts.logs.delete({ topic: name, partition: p.partition });
        await this.snapshots.remove(e.info.topicId, p.partition);
      }
      await this.opts.metadata.deleteTopic(name);
      this.opts.log.info({ topic: name }, 'topic deleted');
    } finally {
      this.busy.delete(name);
    }
  }

  /** CreatePartitions: grows a topic to `total` partitions. Throws INVALID_PARTITIONS, UNKNOWN_TOPIC_OR_PARTITION. */
  async addPartitions(name: string, total: number, validateOnly = false): Promise<TopicInfo> {
    this.checkOpen();
    const e = this.byName.get(name);
    if (e === undefined || this.busy.has(name)) throw new BrokerError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${name}' does not exist.`);
    const current = e.info.partitions;
    if (!Number.isInteger(total) || total < current) {
      throw new BrokerError('INVALID_PARTITIONS', `Topic currently has ${current} partitions, which is higher than the requested ${total}.`);
    }
    if (total === current) throw new BrokerError('INVALID_PARTITIONS', `Topic already has ${current} partitions.`);
    if (total > MAX_PARTITIONS) throw new BrokerError('INVALID_PARTITIONS', `Number of partitions ${total} is above the limit of ${MAX_PARTITIONS}.`);
    if (validateOnly) return { ...e.info, partitions: total };
    this.busy.add(name);
    try {
      const updated = await this.opts.metadata.updateTopic(name, { partitionCount: total });
      const info = toInfo(updated);
      e.partitions.push(...await this.openPartitions(info, current, total));
      e.info = info;
      return info;
    } finally {
      this.busy.delete(name);
    }
  }

  /**
   * Replaces a topic's config overrides (null values are dropped) and applies them to its logs.
   * Throws INVALID_CONFIG, UNKNOWN_TOPIC_OR_PARTITION.
   */
  async alterConfigs(name: string, overrides: Readonly<Record<string, string | null>>, validateOnly = false): Promise<TopicInfo> {
    this.checkOpen();
    const e = this.byName.get(name);
    if (e === undefined) throw new BrokerError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${name}' does not exist.`);
    const configs = checkConfigs(overrides);
    if (validateOnly) return { ...e.info, configs };
    const updated = await this.opts.metadata.updateTopic(name, { configs });
    e.info = toInfo(updated);
    e.config = resolveTopicConfig(updated.configs, this.brokerConfigs());
    const applied = logConfigOf(updated.configs, this.brokerConfigs());
    for (const p of e.partitions) p.log.updateConfig(applied);
    return e.info;
  }

  /** Re-resolves every topic's config after a broker-level config changed, and applies it to the logs. */
  refreshBrokerConfigs(): void {
    const broker = this.brokerConfigs();
    for (const e of this.byName.values()) {
      e.config = resolveTopicConfig(e.info.configs, broker);
      const applied = logConfigOf(e.info.configs, broker);
      for (const p of e.partitions) p.log.updateConfig(applied);
    }
  }

  private brokerConfigs(): BrokerConfigInput {
    return this.opts.brokerConfigs?.() ?? {};
  }

  private checkOpen(): void {
    if (this.closed) throw new BrokerError('KAFKA_STORAGE_ERROR', 'the broker is shutting down');
  }

  private expireProducers(): void {
    const now = this.opts.now();
    for (const e of this.byName.values()) {
      for (const p of e.partitions) p.producers.expire(now, this.opts.producerIdExpirationMs ?? DAY_MS);
    }
  }

  /** Writes producer-state snapshots; the caller then closes the LogManager (which flushes). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.expiryTimer !== null) clearInterval(this.expiryTimer);
    for (const e of this.byName.values()) {
      for (const p of e.partitions) {
        try {
          await p.log.flush();
          await this.snapshots.save(p.topicId, p.partition, p.log, p.producers);
        } catch (err) {
          this.opts.log.warn({ err, topic: p.topic, partition: p.partition }, 'producer-state snapshot not written');
        }
      }
    }
  }
}

function toInfo(t: TopicMetadata): TopicInfo {
  return { name: t.name, topicId: t.id, partitions: t.partitionCount, configs: { ...t.configs }, internal: isInternalTopic(t.name) };
}

/** Validates overrides against the config table; drops nulls. */
function checkConfigs(configs: Readonly<Record<string, string | null>>): Record<string, string> {
  validateTopicConfigs({ ...configs });
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(configs)) if (v !== null) out[k] = v;
  return out;
}
