// GroupCoordinator: every group of this node (it coordinates all of them), classic or KIP-848
// consumer (a group id is one or the other; an empty group may change type), and their committed
// offsets. Handlers reach it as `ctx.broker.groups`. State lives in memory; offsets and group
// records are written to `__consumer_offsets` (see offset-store.ts) and read back by open().
import { ErrorCode, Reader, readConsumerProtocolSubscription } from '@tideline/protocol';
import type { TopicManager } from '../topics.js';
import type { Purgatory } from '../purgatory.js';
import type { Logger } from '../logger.js';
import { errorCodeOf } from '../errors.js';
import { isInternalTopic } from '../topic-names.js';
import { ClassicGroup } from './classic-group.js';
import { ConsumerGroup, type TopicsView } from './consumer-group.js';
import { OffsetStore, type CommittedOffset, type TopicPartitionOffset } from './offset-store.js';
import { DEFAULT_GROUP_CONFIG, type GroupConfig } from './group-config.js';

export type Group = ClassicGroup | ConsumerGroup;

export interface GroupCoordinatorOptions {
  topics: TopicManager;
  fetchWaiters: Purgatory;
  log: Logger;
  now: () => number;
  config?: Partial<GroupConfig>;
}

export interface OffsetCommitEntry {
  topic: string;
  partition: number;
  offset: bigint;
  leaderEpoch: number;
  metadata: string | null;
}

export interface FetchedOffsets {
  errorCode: number;
  topics: Array<{ name: string; partitions: Array<{ partition: number; offset: bigint; leaderEpoch: number; metadata: string | null; errorCode: number }> }>;
}

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  groupState: string;
  groupType: 'classic' | 'consumer';
}

/** The topics named in a consumer-protocol subscription, or undefined when it does not parse. */
export function subscriptionTopics(metadata: Buffer): string[] | undefined {
  try {
    if (metadata.length < 2) return undefined;
    const r = new Reader(metadata, 2);
    return readConsumerProtocolSubscription(r, Math.min(metadata.readInt16BE(0), 3)).topics;
  } catch {
    return undefined;
  }
}

export class GroupCoordinator {
  readonly config: GroupConfig;
  readonly offsets: OffsetStore;
  private readonly groups = new Map<string, Group>();
  private readonly topicsView: TopicsView;
  private expiryTimer: NodeJS.Timeout | null = null;
  /** Group record writes scheduled for the end of the current request. */
  private readonly pendingPersist = new Map<Group, Promise<void>>();
  /** The last group record written per group (to skip unchanged snapshots). */
  private readonly lastPersisted = new Map<string, { json: string; write: Promise<void> }>();
  private closed = false;
  /**
   * The group configs set on a group id with IncrementalAlterConfigs (GROUP resources; the share
   * coordinator keeps them durably). Set by the broker once both coordinators are open.
   */
  groupConfigs: (groupId: string) => ReadonlyMap<string, string> = () => new Map();

  private constructor(private readonly opts: GroupCoordinatorOptions) {
    this.config = { ...DEFAULT_GROUP_CONFIG, ...opts.config };
    this.offsets = new OffsetStore(opts.topics, opts.fetchWaiters, this.config.offsetsTopicPartitions);
    const topics = opts.topics;
    this.topicsView = {
      byName: (name) => {
        const t = isInternalTopic(name) ? undefined : topics.get(name);
        return t === undefined ? undefined : { topicId: t.topicId, partitions: t.partitions };
      },
      byId: (id) => {
        const t = topics.getById(id);
        return t === undefined ? undefined : { name: t.name, partitions: t.partitions };
      },
      names: () => topics.list().filter((t) => !t.internal).map((t) => t.name),
    };
  }

  /**
   * Rebuilds groups and offsets from `__consumer_offsets` (before the broker serves). Groups come
   * back as their last record left them, members included (as Kafka loads its group records):
   * each restored member's session timer starts now, so a member that is gone expires and one
   * that reconnects in time carries on in its generation / epoch.
   */
  static async open(opts: GroupCoordinatorOptions): Promise<GroupCoordinator> {
    const c = new GroupCoordinator(opts);
    const loaded = await c.offsets.load();
    let members = 0;
    for (const [id, rec] of loaded.groups) {
      const g = rec.type === 'consumer' ? c.newConsumerGroup(id) : c.newClassicGroup(id);
      g.restore(rec);
      members += g.members.size;
    }
    for (const id of c.offsets.groupIds()) if (!c.groups.has(id)) c.newClassicGroup(id);
    if (loaded.records > 0) opts.log.info({ groups: c.groups.size, members, records: loaded.records }, 'groups loaded');
    for (const x of loaded.corrupt) {
      opts.log.warn({ topic: '__consumer_offsets', partition: x.partition, offset: String(x.offset), reason: x.reason }, 'corrupt batch skipped while loading committed offsets');
    }
    c.expiryTimer = setInterval(() => void c.expireOffsets(), c.config.offsetsRetentionCheckIntervalMs);
    c.expiryTimer.unref();
    return c;
  }

  private newClassicGroup(groupId: string): ClassicGroup {
    const g = new ClassicGroup(groupId, {
      config: this.config,
      now: this.opts.now,
      persist: (x) => this.persistGroup(x),
    });
    this.groups.set(groupId, g);
    return g;
  }

  private dynamicInt(groupId: string, name: string, fallback: number): number {
    const v = this.groupConfigs(groupId).get(name);
    return v === undefined ? fallback : Number(v);
  }

  private newConsumerGroup(groupId: string): ConsumerGroup {
    const g = new ConsumerGroup(groupId, {
      config: this.config,
      now: this.opts.now,
      topics: this.topicsView,
      onEpochChange: (x) => void this.persistGroup(x).catch(() => undefined),
      heartbeatIntervalMs: () => this.dynamicInt(groupId, 'consumer.heartbeat.interval.ms', this.config.consumerHeartbeatIntervalMs),
      sessionTimeoutMs: () => this.dynamicInt(groupId, 'consumer.session.timeout.ms', this.config.consumerSessionTimeoutMs),
    });
    this.groups.set(groupId, g);
    return g;
  }

  /**
   * Writes the group's record (members included) durably. The snapshot is taken in a microtask,
   * after the request that changed the group finished its synchronous work, so several changes
   * in one request make one record; an unchanged snapshot is not written again (the promise of
   * its write is shared).
   */
  persistGroup(g: Group): Promise<void> {
    if (this.closed) return Promise.resolve();
    const scheduled = this.pendingPersist.get(g);
    if (scheduled !== undefined) return scheduled;
    const p = Promise.resolve().then(async () => {
      this.pendingPersist.delete(g);
      if (this.closed || this.groups.get(g.groupId) !== g) return;
      const rec = g.toRecord();
      const json = JSON.stringify(rec);
      const last = this.lastPersisted.get(g.groupId);
      if (last !== undefined && last.json === json) return last.write;
      const write = this.offsets.writeGroup(g.groupId, rec);
      this.lastPersisted.set(g.groupId, { json, write });
      try {
        await write;
      } catch (err) {
        if (this.lastPersisted.get(g.groupId)?.write === write) this.lastPersisted.delete(g.groupId);
        if (!this.closed) this.opts.log.warn({ err, group: g.groupId }, 'group record not written');
        throw err;
      }
    });
    this.pendingPersist.set(g, p);
    return p;
  }

  get(groupId: string): Group | undefined {
    return this.groups.get(groupId);
  }

  /**
   * The classic group for a JoinGroup: created when absent, converted from an empty consumer
   * group; undefined when a non-empty consumer group holds the id.
   */
  classicForJoin(groupId: string): ClassicGroup | undefined {
    const g = this.groups.get(groupId);
    if (g === undefined) return this.newClassicGroup(groupId);
    if (g.type === 'classic') return g;
    if (!g.isEmpty) return undefined;
    g.markDead();
    return this.newClassicGroup(groupId);
  }

  /** The consumer group for a ConsumerGroupHeartbeat (same conversion rule the other way round). */
  consumerForHeartbeat(groupId: string, create: boolean): ConsumerGroup | undefined {
    const g = this.groups.get(groupId);
    if (g === undefined) return create ? this.newConsumerGroup(groupId) : undefined;
    if (g.type === 'consumer') return g;
    if (!create || !g.isEmpty || g.state === 'Dead') return undefined;
    g.markDead();
    return this.newConsumerGroup(groupId);
  }

  classic(groupId: string): ClassicGroup | undefined {
    const g = this.groups.get(groupId);
    return g?.type === 'classic' ? g : undefined;
  }

  // ---- offsets ------------------------------------------------------------------------

  /** OffsetCommit: one error code per entry, in order. */
  async commitOffsets(
    groupId: string, memberId: string, groupInstanceId: string | null, generationOrEpoch: number, entries: readonly OffsetCommitEntry[],
  ): Promise<number[]> {
    let g = this.groups.get(groupId);
    let err: number = ErrorCode.NONE;
    if (g === undefined) {
      if (generationOrEpoch < 0) g = this.newClassicGroup(groupId);
      else err = ErrorCode.ILLEGAL_GENERATION;
    } else if (g.type === 'classic') {
      err = g.validateOffsetCommit(memberId, groupInstanceId, generationOrEpoch);
    } else {
      err = g.validateOffsetCommit(memberId, generationOrEpoch);
    }
    if (err !== ErrorCode.NONE) return entries.map(() => err);
    const now = BigInt(this.opts.now());
    const codes = entries.map((e) => {
      if (this.opts.topics.partition(e.topic, e.partition) === undefined) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      if (e.metadata !== null && Buffer.byteLength(e.metadata, 'utf8') > this.config.offsetMetadataMaxBytes) return ErrorCode.OFFSET_METADATA_TOO_LARGE;
      return ErrorCode.NONE;
    });
    const writes: TopicPartitionOffset[] = [];
    entries.forEach((e, i) => {
      if (codes[i] !== ErrorCode.NONE) return;
      const value: CommittedOffset = { offset: e.offset, leaderEpoch: e.leaderEpoch, metadata: e.metadata, commitTimestamp: now };
      writes.push({ topic: e.topic, partition: e.partition, value });
    });
    try {
      await this.offsets.write(groupId, writes);
    } catch (e) {
      this.opts.log.warn({ err: e, group: groupId }, 'offset commit not written');
      const code = this.closed ? ErrorCode.COORDINATOR_NOT_AVAILABLE : errorCodeOf(e);
      return codes.map((c) => (c === ErrorCode.NONE ? code : c));
    }
    return codes;
  }

  /**
   * TxnOffsetCommit: Kafka's transactional variant of the OffsetCommit checks (requests without
   * member and generation are accepted in any state; no REBALANCE_IN_PROGRESS; a stale KIP-848
   * epoch is ILLEGAL_GENERATION). Offsets stay pending until the transaction's commit marker.
   */
  async commitTransactionalOffsets(
    groupId: string, memberId: string, groupInstanceId: string | null, generationId: number,
    producerId: bigint, producerEpoch: number, entries: readonly OffsetCommitEntry[],
  ): Promise<number[]> {
    let g = this.groups.get(groupId);
    let err: number = ErrorCode.NONE;
    const anonymous = generationId < 0 && memberId === '' && groupInstanceId === null;
    if (g === undefined) {
      if (generationId < 0) g = this.newClassicGroup(groupId);
      else err = ErrorCode.ILLEGAL_GENERATION;
    } else if (g.state === 'Dead') {
      err = ErrorCode.COORDINATOR_NOT_AVAILABLE;
    } else if (!anonymous) {
      if (g.type === 'classic') {
        err = g.validateOffsetCommit(memberId, groupInstanceId, generationId);
        if (err === ErrorCode.REBALANCE_IN_PROGRESS) err = ErrorCode.NONE;
      } else {
        err = g.validateOffsetCommit(memberId, generationId);
        if (err === ErrorCode.STALE_MEMBER_EPOCH) err = ErrorCode.ILLEGAL_GENERATION;
      }
    }
    if (err !== ErrorCode.NONE) return entries.map(() => err);
    const now = this.opts.now();
    const codes = entries.map((e) => {
      if (this.opts.topics.partition(e.topic, e.partition) === undefined) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      if (e.metadata !== null && Buffer.byteLength(e.metadata, 'utf8') > this.config.offsetMetadataMaxBytes) return ErrorCode.OFFSET_METADATA_TOO_LARGE;
      return ErrorCode.NONE;
    });
    const writes: TopicPartitionOffset[] = [];
    entries.forEach((e, i) => {
      if (codes[i] !== ErrorCode.NONE) return;
      writes.push({ topic: e.topic, partition: e.partition, value: { offset: e.offset, leaderEpoch: e.leaderEpoch, metadata: e.metadata, commitTimestamp: BigInt(now) } });
    });
    try {
      await this.offsets.writeTxn(groupId, producerId, producerEpoch, writes, now);
    } catch (e) {
      const code = this.closed ? ErrorCode.COORDINATOR_NOT_AVAILABLE : errorCodeOf(e);
      if (code === ErrorCode.UNKNOWN_SERVER_ERROR) this.opts.log.warn({ err: e, group: groupId }, 'transactional offset commit not written');
      return codes.map((c) => (c === ErrorCode.NONE ? code : c));
    }
    return codes;
  }

  /**
   * OffsetFetch for one group; `topics` null means every committed offset. With `requireStable`
   * (KIP-447) a partition with a pending transactional offset answers UNSTABLE_OFFSET_COMMIT.
   */
  fetchOffsets(
    groupId: string, topics: ReadonlyArray<{ name: string; partitions: readonly number[] }> | null,
    member?: { memberId: string; memberEpoch: number }, requireStable = false,
  ): FetchedOffsets {
    const unstable = (topic: string, partition: number): boolean => requireStable && this.offsets.hasPendingTxn(groupId, topic, partition);
    const g = this.groups.get(groupId);
    if (member !== undefined && g?.type === 'consumer') {
      const err = g.validateOffsetFetch(member.memberId, member.memberEpoch);
      if (err !== ErrorCode.NONE) return { errorCode: err, topics: [] };
    }
    if (topics === null) {
      return {
        errorCode: ErrorCode.NONE,
        topics: this.offsets.list(groupId).map((t) => ({
          name: t.topic,
          partitions: t.partitions.map((p) => (unstable(t.topic, p.partition)
            ? { partition: p.partition, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: ErrorCode.UNSTABLE_OFFSET_COMMIT }
            : { partition: p.partition, offset: p.value.offset, leaderEpoch: p.value.leaderEpoch, metadata: p.value.metadata, errorCode: ErrorCode.NONE })),
        })),
      };
    }
    return {
      errorCode: ErrorCode.NONE,
      topics: topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((partition) => {
          if (unstable(t.name, partition)) return { partition, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: ErrorCode.UNSTABLE_OFFSET_COMMIT };
          const v = this.offsets.get(groupId, t.name, partition);
          return v === undefined
            ? { partition, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: ErrorCode.NONE }
            : { partition, offset: v.offset, leaderEpoch: v.leaderEpoch, metadata: v.metadata, errorCode: ErrorCode.NONE };
        }),
      })),
    };
  }

  /** OffsetDelete: a group-level error, else one error code per partition. */
  async deleteOffsets(
    groupId: string, topics: ReadonlyArray<{ name: string; partitions: readonly number[] }>,
  ): Promise<{ errorCode: number; topics: Array<{ name: string; partitions: Array<{ partition: number; errorCode: number }> }> }> {
    const g = this.groups.get(groupId);
    if (g === undefined || g.state === 'Dead') return { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, topics: [] };
    let subscribed = new Set<string>();
    if (g.type === 'classic' && !g.isEmpty) {
      const s = g.subscribedTopics(subscriptionTopics);
      if (s === undefined) return { errorCode: ErrorCode.NON_EMPTY_GROUP, topics: [] };
      subscribed = s;
    } else if (g.type === 'consumer') {
      subscribed = g.allSubscribedTopicNames();
    }
    const writes: TopicPartitionOffset[] = [];
    const out = topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((partition) => {
        if (this.opts.topics.partition(t.name, partition) === undefined) return { partition, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        if (subscribed.has(t.name)) return { partition, errorCode: ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC };
        if (this.offsets.get(groupId, t.name, partition) !== undefined) writes.push({ topic: t.name, partition, value: null });
        return { partition, errorCode: ErrorCode.NONE };
      }),
    }));
    try {
      await this.offsets.write(groupId, writes);
    } catch (e) {
      return { errorCode: errorCodeOf(e), topics: [] };
    }
    return { errorCode: ErrorCode.NONE, topics: out };
  }

  // ---- administration -----------------------------------------------------------------

  list(): ListedGroup[] {
    return [...this.groups.values()].filter((g) => g.state !== 'Dead').map((g) => ({
      groupId: g.groupId,
      protocolType: g.type === 'classic' ? (g.protocolType ?? '') : 'consumer',
      groupState: g.state,
      groupType: g.type,
    }));
  }

  /** DeleteGroups: the error code for one group id. */
  async deleteGroup(groupId: string): Promise<number> {
    const g = this.groups.get(groupId);
    if (g === undefined || g.state === 'Dead') return ErrorCode.GROUP_ID_NOT_FOUND;
    if (!g.isEmpty) return ErrorCode.NON_EMPTY_GROUP;
    try {
      await this.offsets.deleteGroup(groupId);
    } catch (e) {
      return errorCodeOf(e);
    }
    this.lastPersisted.delete(groupId);
    g.markDead();
    if (this.groups.get(groupId) === g) this.groups.delete(groupId);
    return ErrorCode.NONE;
  }

  /**
   * Drops offsets of empty groups older than offsets.retention: groups with a protocol count from
   * when they became empty, simple groups (commits without membership) from each commit.
   */
  async expireOffsets(): Promise<number> {
    if (this.closed) return 0;
    const now = this.opts.now();
    const retention = this.config.offsetsRetentionMs;
    let expired = 0;
    for (const g of [...this.groups.values()]) {
      if (!g.isEmpty || g.state === 'Dead') continue;
      const simple = g.type === 'classic' && g.protocolType === null;
      const writes: TopicPartitionOffset[] = [];
      for (const t of this.offsets.list(g.groupId)) {
        for (const p of t.partitions) {
          const since = simple ? Number(p.value.commitTimestamp) : Math.max(g.stateTimestamp, Number(p.value.commitTimestamp));
          if (since + retention <= now) writes.push({ topic: t.topic, partition: p.partition, value: null });
        }
      }
      try {
        await this.offsets.write(g.groupId, writes);
        expired += writes.length;
        if (!this.offsets.hasOffsets(g.groupId) && g.isEmpty && this.groups.get(g.groupId) === g) {
          await this.offsets.writeGroup(g.groupId, null);
          this.lastPersisted.delete(g.groupId);
          g.markDead();
          this.groups.delete(g.groupId);
        }
      } catch (err) {
        this.opts.log.warn({ err, group: g.groupId }, 'offset expiry failed');
      }
    }
    return expired;
  }

  get topics(): TopicsView {
    return this.topicsView;
  }

  /** Stops timers and answers every parked JoinGroup/SyncGroup; call before the topics close. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.expiryTimer !== null) clearInterval(this.expiryTimer);
    for (const g of this.groups.values()) g.shutdown();
  }
}
