// Admin: topics, partitions, configs, records deletion, offsets, cluster description.
// Each call goes to the controller (topic and config changes; KRaft brokers forward) or to the
// partition leaders (DeleteRecords, ListOffsets), with the cluster's retry loop around it.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { Backoff } from './backoff.js';
import { Cluster, type BrokerInfo, type ClusterOptions } from './cluster.js';
import type { CommittedOffset } from './consumer/types.js';
import {
  alterShareGroupOffsets, deleteShareGroupOffsets, describeShareGroup, describeShareGroupOffsets, type ShareGroupDescription, type ShareGroupOffset,
} from './share/share-admin.js';
import { Coordinators } from './coordinator.js';
import { ClientError, ClientErrorCode, KafkaError } from './errors.js';
import {
  commitGroupOffsets, deleteGroupOffsets, deleteGroups, describeGroup, fetchGroupOffsets, listGroups, ownersOf,
  type GroupDescription, type GroupListing, type PartitionLag,
} from './group-admin.js';
import { groupByLeader, tpKey, type TopicPartition } from './partitions.js';
import {
  alterClientQuotas, alterUserScramCredentials, createAcls, deleteAcls, describeAcls, describeClientQuotas, describeUserScramCredentials,
  type AclBinding, type AclFilter, type ClientQuotaEntry, type QuotaAlteration, type QuotaFilterComponent, type ScramAlteration, type UserScramCredentials,
} from './security-admin.js';

export interface NewTopic {
  topic: string;
  /** Default: the broker's num.partitions. */
  numPartitions?: number;
  /** Default: the broker's default.replication.factor. */
  replicationFactor?: number;
  configs?: Record<string, string>;
}

export interface TopicDescription {
  name: string;
  topicId: string;
  isInternal: boolean;
  partitions: Array<{ partition: number; leader: number; leaderEpoch: number; replicas: number[]; isr: number[] }>;
}

export type ConfigResourceType = 'topic' | 'broker' | 'group';
const RESOURCE_TYPE: Record<ConfigResourceType, number> = { topic: 2, broker: 4, group: 32 };
const CONFIG_SOURCE = ['unknown', 'topic', 'dynamic-broker', 'dynamic-default-broker', 'static-broker', 'default', 'dynamic-broker-logger', 'client-metrics', 'group'] as const;
export type ConfigSource = (typeof CONFIG_SOURCE)[number];

export interface ConfigEntry {
  name: string;
  value: string | null;
  readOnly: boolean;
  isDefault: boolean;
  isSensitive: boolean;
  source: ConfigSource;
}

export interface ConfigResourceResult {
  type: ConfigResourceType;
  name: string;
  configs: ConfigEntry[];
}

export type AlterConfigOp = 'set' | 'delete' | 'append' | 'subtract';
const ALTER_OP: Record<AlterConfigOp, number> = { set: 0, delete: 1, append: 2, subtract: 3 };

export interface ConfigAlteration {
  type: ConfigResourceType;
  name: string;
  ops: Array<{ name: string; op: AlterConfigOp; value?: string | null }>;
}

/** `earliest`, `latest`, or a timestamp in ms (the first offset whose timestamp is >= it). */
/**
 * What ListOffsets looks up: the log start, the end, the first offset at or after a timestamp, or
 * 'max-timestamp' (the largest timestamp and the first record that has it; Kafka 3.0+ brokers).
 */
export type OffsetSpec = 'earliest' | 'latest' | 'max-timestamp' | number | bigint;

export interface PartitionOffset extends TopicPartition {
  /** -1 when no record matches a timestamp. */
  offset: bigint;
  timestamp: bigint;
  leaderEpoch: number;
}

export interface ClusterDescription {
  clusterId: string | null;
  controllerId: number;
  brokers: BrokerInfo[];
}

/** One log directory of a broker (DescribeLogDirs): its partitions' sizes and, from v4, the file system's. */
export interface LogDirDescription {
  broker: number;
  logDir: string;
  /** null when the broker has no answer for this directory (KAFKA_STORAGE_ERROR...). */
  error: KafkaError | null;
  /** The file system's total and usable bytes; -1 when unknown (versions before 4). */
  totalBytes: bigint;
  usableBytes: bigint;
  partitions: Array<TopicPartition & { size: bigint }>;
}

/** Where resetGroupOffsets moves a group's offsets. */
export type ResetTarget =
  | 'earliest'
  | 'latest'
  | { timestamp: number | bigint }
  | { offset: number | bigint }
  | { shiftBy: number | bigint };

export interface OffsetReset extends TopicPartition {
  /** The committed offset before (-1: none). */
  current: bigint;
  /** The offset committed (or, on a dry run, that would be). */
  target: bigint;
}

export const specTimestamp = (spec: OffsetSpec): bigint =>
  spec === 'earliest' ? -2n : spec === 'latest' ? -1n : spec === 'max-timestamp' ? -3n : BigInt(spec);

export class Admin {
  readonly cluster: Cluster;
  private readonly coordinators: Coordinators;
  private readonly timeoutMs: number;

  constructor(opts: ClusterOptions & { operationTimeoutMs?: number }) {
    this.cluster = new Cluster({ allowAutoTopicCreation: false, ...opts });
    this.coordinators = new Coordinators(this.cluster);
    this.timeoutMs = opts.operationTimeoutMs ?? 30_000;
  }

  /** Creates topics; throws the first topic's KafkaError (e.g. TOPIC_ALREADY_EXISTS) unless `ignoreExisting`. */
  /**
   * Creates topics; unless `waitForLeaders` is false (or `validateOnly`), resolves once metadata
   * shows a leader for every partition of the created topics (as KafkaJS does by default): a broker
   * may not know a topic the controller has just created, and a request to it would fail
   * (UNKNOWN_TOPIC_OR_PARTITION, NOT_LEADER_OR_FOLLOWER). Gives up waiting after the operation timeout.
   */
  async createTopics(topics: readonly NewTopic[], opts: { validateOnly?: boolean; ignoreExisting?: boolean; waitForLeaders?: boolean } = {}): Promise<Array<{ topic: string; topicId: string; numPartitions: number }>> {
    const res = await this.cluster.retry('createTopics', async () => {
      const conn = await this.cluster.controllerConnection();
      return conn.request(ApiKey.CreateTopics, {
        topics: topics.map((t) => ({
          name: t.topic,
          numPartitions: t.numPartitions ?? -1,
          replicationFactor: t.replicationFactor ?? -1,
          assignments: [],
          configs: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
        })),
        timeoutMs: this.timeoutMs,
        validateOnly: opts.validateOnly ?? false,
      });
    });
    const out: Array<{ topic: string; topicId: string; numPartitions: number }> = [];
    for (const t of res.topics) {
      if (t.errorCode === ErrorCode.TOPIC_ALREADY_EXISTS && opts.ignoreExisting === true) continue;
      if (t.errorCode !== ErrorCode.NONE) throw new KafkaError(t.errorCode, { topic: t.name, message: t.errorMessage });
      out.push({ topic: t.name, topicId: t.topicId, numPartitions: t.numPartitions });
      this.cluster.invalidate(t.name);
    }
    if (opts.validateOnly !== true && opts.waitForLeaders !== false && out.length > 0) await this.waitForLeaders(out.map((t) => t.topic));
    return out;
  }

  private async waitForLeaders(topics: readonly string[]): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    const backoff = new Backoff({ initialMs: 20, maxMs: 500 });
    for (;;) {
      const res = await this.cluster.retry('createTopics: waiting for leaders', () => this.cluster.refreshMetadata(topics));
      const ready = topics.every((name) => {
        const t = res.topics.find((x) => x.name === name);
        return t !== undefined && t.errorCode === ErrorCode.NONE && t.partitions.length > 0 && t.partitions.every((p) => p.errorCode === ErrorCode.NONE && p.leaderId >= 0);
      });
      if (ready || Date.now() >= deadline) return;
      await backoff.wait();
    }
  }

  async deleteTopics(topics: readonly string[]): Promise<void> {
    const res = await this.cluster.retry('deleteTopics', async () => {
      const conn = await this.cluster.controllerConnection();
      return conn.request(ApiKey.DeleteTopics, { topics: topics.map((name) => ({ name })), topicNames: [...topics], timeoutMs: this.timeoutMs });
    });
    for (const t of res.responses) {
      this.cluster.invalidate(t.name ?? '');
      if (t.errorCode !== ErrorCode.NONE) throw new KafkaError(t.errorCode, { topic: t.name ?? t.topicId, message: t.errorMessage });
    }
  }

  /** Names of the non-internal topics. */
  async listTopics(opts: { includeInternal?: boolean } = {}): Promise<string[]> {
    const res = await this.cluster.retry('listTopics', () => this.cluster.refreshMetadata(null));
    return res.topics
      .filter((t) => t.errorCode === ErrorCode.NONE && t.name !== null && (opts.includeInternal === true || !t.isInternal))
      .map((t) => t.name!)
      .sort();
  }

  async describeTopics(topics: readonly string[]): Promise<TopicDescription[]> {
    const res = await this.cluster.retry('describeTopics', () => this.cluster.refreshMetadata(topics));
    // By name through a map: a find per topic is quadratic (10,000 topics: 10^8 comparisons).
    const byName = new Map(res.topics.map((x) => [x.name, x]));
    return topics.map((name) => {
      const t = byName.get(name);
      if (t === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, { topic: name });
      if (t.errorCode !== ErrorCode.NONE) throw new KafkaError(t.errorCode, { topic: name });
      return {
        name,
        topicId: t.topicId,
        isInternal: t.isInternal,
        partitions: t.partitions
          .map((p) => ({ partition: p.partitionIndex, leader: p.leaderId, leaderEpoch: p.leaderEpoch, replicas: p.replicaNodes, isr: p.isrNodes }))
          .sort((a, b) => a.partition - b.partition),
      };
    });
  }

  /** Raises the partition count of each topic to `count`. */
  async createPartitions(topics: ReadonlyArray<{ topic: string; count: number }>, opts: { validateOnly?: boolean } = {}): Promise<void> {
    const res = await this.cluster.retry('createPartitions', async () => {
      const conn = await this.cluster.controllerConnection();
      return conn.request(ApiKey.CreatePartitions, {
        topics: topics.map((t) => ({ name: t.topic, count: t.count, assignments: null })),
        timeoutMs: this.timeoutMs,
        validateOnly: opts.validateOnly ?? false,
      });
    });
    for (const r of res.results) {
      this.cluster.invalidate(r.name);
      if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, { topic: r.name, message: r.errorMessage });
    }
  }

  /** Configs of topics or brokers; `keys` limits the answer to those names. */
  async describeConfigs(resources: ReadonlyArray<{ type: ConfigResourceType; name: string; keys?: string[] }>): Promise<ConfigResourceResult[]> {
    const res = await this.cluster.retry('describeConfigs', async () => {
      const conn = await this.cluster.anyConnection();
      return conn.request(ApiKey.DescribeConfigs, {
        resources: resources.map((r) => ({ resourceType: RESOURCE_TYPE[r.type], resourceName: r.name, configurationKeys: r.keys ?? null })),
        includeSynonyms: false,
        includeDocumentation: false,
      });
    });
    return res.results.map((r, i) => {
      if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, { ...(resources[i]!.type === 'topic' ? { topic: r.resourceName } : {}), message: r.errorMessage });
      return {
        type: resources[i]!.type,
        name: r.resourceName,
        configs: r.configs.map((c) => ({
          name: c.name, value: c.value, readOnly: c.readOnly, isSensitive: c.isSensitive,
          source: CONFIG_SOURCE[c.configSource] ?? 'unknown',
          isDefault: c.isDefault || c.configSource === 5,
        })),
      };
    });
  }

  async incrementalAlterConfigs(changes: readonly ConfigAlteration[], opts: { validateOnly?: boolean } = {}): Promise<void> {
    const res = await this.cluster.retry('incrementalAlterConfigs', async () => {
      const conn = await this.cluster.controllerConnection();
      return conn.request(ApiKey.IncrementalAlterConfigs, {
        resources: changes.map((c) => ({
          resourceType: RESOURCE_TYPE[c.type],
          resourceName: c.name,
          configs: c.ops.map((o) => ({ name: o.name, configOperation: ALTER_OP[o.op], value: o.value ?? null })),
        })),
        validateOnly: opts.validateOnly ?? false,
      });
    });
    for (const r of res.responses) {
      if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, { ...(r.resourceType === 2 ? { topic: r.resourceName } : {}), message: r.errorMessage });
    }
  }

  /** Deletes records before `offset` (-1: the high watermark); returns the new low watermarks. */
  async deleteRecords(parts: ReadonlyArray<TopicPartition & { offset: bigint | number }>): Promise<Array<TopicPartition & { lowWatermark: bigint }>> {
    return this.cluster.retry('deleteRecords', async () => {
      const byLeader = await groupByLeader(this.cluster, parts);
      const out: Array<TopicPartition & { lowWatermark: bigint }> = [];
      await Promise.all([...byLeader].map(async ([leader, list]) => {
        const conn = await this.cluster.nodeConnection(leader);
        const res = await conn.request(ApiKey.DeleteRecords, {
          topics: byTopic(list).map(([name, ps]) => ({ name, partitions: ps.map((p) => ({ partitionIndex: p.partition, offset: BigInt(p.offset) })) })),
          timeoutMs: this.timeoutMs,
        });
        for (const t of res.topics) for (const p of t.partitions) {
          if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label });
          out.push({ topic: t.name, partition: p.partitionIndex, lowWatermark: p.lowWatermark });
        }
      }));
      return out;
    });
  }

  /** Offsets for `earliest`, `latest` or a timestamp, per partition, asked of each leader. */
  async listOffsets(parts: ReadonlyArray<TopicPartition & { spec: OffsetSpec }>, opts: { isolationLevel?: 'read_uncommitted' | 'read_committed' } = {}): Promise<PartitionOffset[]> {
    return listOffsets(this.cluster, parts, opts.isolationLevel === 'read_committed' ? 1 : 0);
  }

  async describeCluster(): Promise<ClusterDescription> {
    return this.cluster.retry('describeCluster', async () => {
      const conn = await this.cluster.anyConnection();
      if (conn.versions.version(ApiKey.DescribeCluster) >= 0) {
        const res = await conn.request(ApiKey.DescribeCluster, { includeClusterAuthorizedOperations: false, endpointType: 1 });
        if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label, message: res.errorMessage });
        return {
          clusterId: res.clusterId,
          controllerId: res.controllerId,
          brokers: res.brokers.map((b) => ({ nodeId: b.brokerId, host: b.host, port: b.port, rack: b.rack })).sort((a, b) => a.nodeId - b.nodeId),
        };
      }
      await this.cluster.refreshMetadata([]);
      return { clusterId: this.cluster.clusterId, controllerId: this.cluster.controllerId, brokers: [...this.cluster.brokers.values()] };
    });
  }

  /** Every broker's log directories with their partitions' sizes (DescribeLogDirs to each broker). */
  async describeLogDirs(): Promise<LogDirDescription[]> {
    await this.cluster.retry('metadata', () => this.cluster.refreshMetadata([]));
    const nodes = [...this.cluster.brokers.keys()].sort((a, b) => a - b);
    const perNode = await Promise.all(nodes.map((broker) => this.cluster.retry('DescribeLogDirs', async () => {
      const conn = await this.cluster.nodeConnection(broker);
      const res = await conn.request(ApiKey.DescribeLogDirs, { topics: null });
      if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label });
      return res.results.map((r): LogDirDescription => ({
        broker,
        logDir: r.logDir,
        error: r.errorCode === ErrorCode.NONE ? null : new KafkaError(r.errorCode, { broker: conn.label, message: r.logDir }),
        totalBytes: r.totalBytes,
        usableBytes: r.usableBytes,
        partitions: r.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex, size: p.partitionSize }))),
      }));
    })));
    return perNode.flat();
  }

  // ---- share groups (KIP-932) ------------------------------------------------------------------

  /** Members, their subscriptions and assignments; an unknown group comes back as state `Dead`. */
  async describeShareGroups(groupIds: readonly string[]): Promise<ShareGroupDescription[]> {
    const out: ShareGroupDescription[] = [];
    for (const id of groupIds) out.push(await describeShareGroup(this.cluster, this.coordinators, id));
    return out;
  }

  /** Share-partition start offsets and lag: of the given partitions, or of every partition the group has state for. */
  async describeShareGroupOffsets(groupId: string, partitions: readonly TopicPartition[] | null = null): Promise<ShareGroupOffset[]> {
    return describeShareGroupOffsets(this.cluster, this.coordinators, groupId, partitions);
  }

  /** Sets share-partition start offsets (the group must have no members). */
  async alterShareGroupOffsets(groupId: string, offsets: ReadonlyArray<TopicPartition & { offset: bigint }>): Promise<void> {
    await alterShareGroupOffsets(this.cluster, this.coordinators, groupId, offsets);
  }

  /** Deletes the group's share-partition state for these topics (the group must have no members). */
  async deleteShareGroupOffsets(groupId: string, topics: readonly string[]): Promise<void> {
    await deleteShareGroupOffsets(this.cluster, this.coordinators, groupId, topics);
  }

  // ---- consumer groups -----------------------------------------------------------------------

  /** Every group of every broker, sorted by id; optionally only some states/types (ListGroups v4/v5). */
  async listGroups(filter: { states?: readonly string[]; types?: readonly string[] } = {}): Promise<GroupListing[]> {
    return listGroups(this.cluster, filter);
  }

  /** Members, assignments and state; an unknown group comes back as state `Dead` with no members. */
  async describeGroups(groupIds: readonly string[]): Promise<GroupDescription[]> {
    const out: GroupDescription[] = [];
    for (const id of groupIds) out.push(await describeGroup(this.cluster, this.coordinators, id));
    return out;
  }

  /** Committed offsets: of the given partitions (-1 where none), or of every partition the group committed. */
  async listGroupOffsets(groupId: string, partitions?: readonly TopicPartition[]): Promise<CommittedOffset[]> {
    return fetchGroupOffsets(this.cluster, this.coordinators, groupId, partitions ?? null);
  }

  /**
   * Lag per partition: committed offset against the log end (the last stable offset with
   * read_committed), with the member owning it. Covers the partitions with a committed offset
   * and those assigned to a member.
   */
  async groupLag(groupId: string, opts: { isolationLevel?: 'read_uncommitted' | 'read_committed' } = {}): Promise<PartitionLag[]> {
    const [desc] = await this.describeGroups([groupId]);
    const owners = ownersOf(desc!);
    const committed = await this.listGroupOffsets(groupId);
    const parts = new Map<string, TopicPartition>();
    for (const c of committed) parts.set(tpKey(c.topic, c.partition), c);
    for (const m of desc!.members) for (const tp of m.assignment) parts.set(tpKey(tp.topic, tp.partition), tp);
    const list = [...parts.values()];
    if (list.length === 0) return [];
    const ends = await this.listOffsets(list.map((tp) => ({ topic: tp.topic, partition: tp.partition, spec: 'latest' as const })), opts);
    const endOf = new Map(ends.map((e) => [tpKey(e.topic, e.partition), e.offset]));
    const committedOf = new Map(committed.map((c) => [tpKey(c.topic, c.partition), c.offset]));
    return list
      .map((tp) => {
        const k = tpKey(tp.topic, tp.partition);
        const c = committedOf.get(k) ?? -1n;
        const logEnd = endOf.get(k) ?? -1n;
        return { topic: tp.topic, partition: tp.partition, committed: c, logEnd, lag: c >= 0n && logEnd >= 0n ? (logEnd > c ? logEnd - c : 0n) : null, memberId: owners.get(k) ?? null };
      })
      .sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
  }

  /** Commits offsets for a group with no active members (as kafka-consumer-groups --reset-offsets does). */
  async alterGroupOffsets(groupId: string, offsets: ReadonlyArray<TopicPartition & { offset: bigint | number; metadata?: string | null }>): Promise<void> {
    await commitGroupOffsets(this.cluster, this.coordinators, groupId, offsets);
  }

  /**
   * Moves a group's offsets (earliest, latest, a timestamp, an offset, or shifted), clamped to
   * each partition's [log start, log end]. `topics` defaults to the topics the group has offsets
   * for. Dry run unless `execute`; executing needs the group to have no members.
   */
  async resetGroupOffsets(groupId: string, opts: { to: ResetTarget; topics?: ReadonlyArray<string | TopicPartition>; execute?: boolean }): Promise<OffsetReset[]> {
    const committed = await this.listGroupOffsets(groupId);
    let parts: TopicPartition[];
    if (opts.topics === undefined) {
      parts = committed.map((c) => ({ topic: c.topic, partition: c.partition }));
    } else {
      parts = [];
      const names = opts.topics.filter((t): t is string => typeof t === 'string');
      const described = names.length === 0 ? [] : await this.describeTopics(names);
      for (const d of described) for (const p of d.partitions) parts.push({ topic: d.name, partition: p.partition });
      for (const t of opts.topics) if (typeof t !== 'string') parts.push({ topic: t.topic, partition: t.partition });
    }
    if (parts.length === 0) return [];
    const current = new Map(committed.map((c) => [tpKey(c.topic, c.partition), c.offset]));
    const [lows, highs] = await Promise.all([
      this.listOffsets(parts.map((tp) => ({ ...tp, spec: 'earliest' as const }))),
      this.listOffsets(parts.map((tp) => ({ ...tp, spec: 'latest' as const }))),
    ]);
    const low = new Map(lows.map((o) => [tpKey(o.topic, o.partition), o.offset]));
    const high = new Map(highs.map((o) => [tpKey(o.topic, o.partition), o.offset]));
    const to = opts.to;
    let byTime: Map<string, bigint> | null = null;
    if (typeof to === 'object' && 'timestamp' in to) {
      const found = await this.listOffsets(parts.map((tp) => ({ ...tp, spec: BigInt(to.timestamp) })));
      byTime = new Map(found.map((f) => [tpKey(f.topic, f.partition), f.offset]));
    }
    const plan: OffsetReset[] = parts.map((tp) => {
      const k = tpKey(tp.topic, tp.partition);
      const lo = low.get(k)!;
      const hi = high.get(k)!;
      const cur = current.get(k) ?? -1n;
      let target: bigint;
      if (to === 'earliest') target = lo;
      else if (to === 'latest') target = hi;
      else if ('timestamp' in to) target = byTime!.get(k)! < 0n ? hi : byTime!.get(k)!;
      else if ('offset' in to) target = BigInt(to.offset);
      else target = (cur >= 0n ? cur : lo) + BigInt(to.shiftBy);
      if (target < lo) target = lo;
      if (target > hi) target = hi;
      return { topic: tp.topic, partition: tp.partition, current: cur, target };
    });
    if (opts.execute === true) {
      const [desc] = await this.describeGroups([groupId]);
      if (desc!.members.length > 0) {
        throw new ClientError(ClientErrorCode.INVALID_STATE, `group ${groupId} has ${desc!.members.length} active member(s) (state ${desc!.state}); offsets can only be reset while it has none`);
      }
      await this.alterGroupOffsets(groupId, plan.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.target })));
    }
    return plan;
  }

  /** Deletes empty groups; each group's error (e.g. NON_EMPTY_GROUP, GROUP_ID_NOT_FOUND) or null. */
  async deleteGroups(groupIds: readonly string[]): Promise<Array<{ groupId: string; error: KafkaError | null }>> {
    return deleteGroups(this.cluster, this.coordinators, groupIds);
  }

  /** Deletes a group's committed offsets for partitions no member consumes. */
  async deleteGroupOffsets(groupId: string, partitions: readonly TopicPartition[]): Promise<void> {
    await deleteGroupOffsets(this.cluster, this.coordinators, groupId, partitions);
  }

  /** Creates ACL bindings (CreateAcls); throws the first binding's error. */
  createAcls(acls: readonly AclBinding[]): Promise<void> {
    return createAcls(this.cluster, acls);
  }

  /** Bindings matching the filter (DescribeAcls); `{}` lists every binding. */
  describeAcls(filter: AclFilter = {}): Promise<AclBinding[]> {
    return describeAcls(this.cluster, filter);
  }

  /** Deletes the bindings matching any filter (DeleteAcls); resolves with those deleted. */
  deleteAcls(filters: readonly AclFilter[]): Promise<AclBinding[]> {
    return deleteAcls(this.cluster, filters);
  }

  /** SCRAM mechanisms and iterations per user (no secrets); every user when `users` is omitted. */
  describeUserScramCredentials(users?: readonly string[]): Promise<UserScramCredentials[]> {
    return describeUserScramCredentials(this.cluster, users);
  }

  /**
   * Upserts (the salted password is computed here, never sent in clear) and deletes SCRAM
   * credentials. As in Kafka, one request may alter a given user only once (else DUPLICATE_RESOURCE).
   */
  alterUserScramCredentials(alterations: readonly ScramAlteration[]): Promise<void> {
    return alterUserScramCredentials(this.cluster, alterations);
  }

  /** Client quotas of the entities matching the filter components (DescribeClientQuotas). */
  describeClientQuotas(components: readonly QuotaFilterComponent[] = [], opts: { strict?: boolean } = {}): Promise<ClientQuotaEntry[]> {
    return describeClientQuotas(this.cluster, components, opts);
  }

  /** Sets (a number) or removes (null) quota keys per entity (AlterClientQuotas). */
  alterClientQuotas(alterations: readonly QuotaAlteration[], opts: { validateOnly?: boolean } = {}): Promise<void> {
    return alterClientQuotas(this.cluster, alterations, opts);
  }

  async close(): Promise<void> {
    await this.cluster.close();
  }
}

export function byTopic<T extends TopicPartition>(list: readonly T[]): Array<[string, T[]]> {
  const m = new Map<string, T[]>();
  for (const p of list) {
    let l = m.get(p.topic);
    if (l === undefined) m.set(p.topic, (l = []));
    l.push(p);
  }
  return [...m];
}

export async function listOffsets(cluster: Cluster, parts: ReadonlyArray<TopicPartition & { spec: OffsetSpec }>, isolationLevel: number): Promise<PartitionOffset[]> {
  // A partition may appear once per request (brokers answer INVALID_REQUEST to duplicates), so
  // several specs for one partition go out in successive rounds.
  const rounds: Array<Array<TopicPartition & { spec: OffsetSpec }>> = [];
  const seen = new Map<string, number>();
  for (const p of parts) {
    const k = `${p.topic}\u0000${p.partition}`;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    (rounds[n] ??= []).push(p);
  }
  const out: PartitionOffset[] = [];
  for (const round of rounds) out.push(...(await listOffsetsRound(cluster, round, isolationLevel)));
  return out;
}

async function listOffsetsRound(cluster: Cluster, parts: ReadonlyArray<TopicPartition & { spec: OffsetSpec }>, isolationLevel: number): Promise<PartitionOffset[]> {
  return cluster.retry('listOffsets', async () => {
    const byLeader = await groupByLeader(cluster, parts);
    const out: PartitionOffset[] = [];
    await Promise.all([...byLeader].map(async ([leader, list]) => {
      const conn = await cluster.nodeConnection(leader);
      const res = await conn.request(ApiKey.ListOffsets, {
        replicaId: -1,
        isolationLevel,
        topics: byTopic(list).map(([name, ps]) => ({
          name,
          partitions: ps.map((p) => ({ partitionIndex: p.partition, currentLeaderEpoch: -1, timestamp: specTimestamp(p.spec), maxNumOffsets: 1 })),
        })),
        timeoutMs: 30_000,
      });
      for (const t of res.topics) for (const p of t.partitions) {
        if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label });
        out.push({ topic: t.name, partition: p.partitionIndex, offset: p.offset, timestamp: p.timestamp, leaderEpoch: p.leaderEpoch });
      }
    }));
    return out;
  });
}
