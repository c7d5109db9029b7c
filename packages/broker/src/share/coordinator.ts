// ShareCoordinator: share groups (KIP-932) of this node. It holds each share group's members
// (joined by ShareGroupHeartbeat; share/assignor.ts spreads each topic's partitions over the
// members subscribed to it, members sharing partitions only when they outnumber them; the target
// is recomputed when membership, subscriptions or partition counts change, and each member gets
// its part at its next heartbeat), their share sessions (ShareFetch /
// ShareAcknowledge), the state of every share-partition (share-partition.ts) and the group
// configs set with IncrementalAlterConfigs on GROUP resources.
// Membership and share sessions are apart, as in Kafka: a session ends with epoch -1, with the
// connection that opened it, or after share.session.timeout.ms idle once its member is gone;
// each of these releases what the member holds. A member leaving ends none of them.
//
// Durability: a change to a share-partition is answered only after its snapshot is written by the
// ShareStateStore (one write at a time per share-partition; changes made while a write runs are
// carried by the next write, so writes coalesce under load). Members and sessions are not
// persisted: after a restart, members rejoin (UNKNOWN_MEMBER_ID) and every record that was
// acquired is available again with its delivery count kept.
// A timer releases expired acquisition locks, removes members whose heartbeats stopped and ends
// idle sessions of departed members; a release wakes the share fetches parked on the partition (purgatory key = the partition's key).
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@tideline/protocol';
import type { ShareStateStore, StoredShareState } from '@tideline/storage';
import type { Logger } from '../logger.js';
import type { Purgatory } from '../purgatory.js';
import type { PartitionHandle, TopicManager } from '../topics.js';
import { isInternalTopic } from '../topic-names.js';
import { assignShareGroup, type ShareAssignment } from './assignor.js';
import { SharePartition, type ArchivedRecord, type ShareLimits, type StateRange } from './share-partition.js';

export interface ShareConfig {
  /** group.share.heartbeat.interval.ms */
  heartbeatIntervalMs: number;
  /** group.share.session.timeout.ms */
  sessionTimeoutMs: number;
  /** group.share.record.lock.duration.ms (the default of the group config share.record.lock.duration.ms) */
  recordLockDurationMs: number;
  /** group.share.min/max.record.lock.duration.ms: bounds of the group config. */
  minRecordLockDurationMs: number;
  maxRecordLockDurationMs: number;
  /** group.share.delivery.count.limit */
  deliveryCountLimit: number;
  /** group.share.partition.max.record.locks */
  maxRecordLocks: number;
  /** How often expired locks and sessions are looked for. */
  checkIntervalMs: number;
}

export const DEFAULT_SHARE_CONFIG: Readonly<ShareConfig> = {
  heartbeatIntervalMs: 5000,
  sessionTimeoutMs: 45_000,
  recordLockDurationMs: 30_000,
  minRecordLockDurationMs: 1000,
  maxRecordLockDurationMs: 3_600_000,
  deliveryCountLimit: 5,
  maxRecordLocks: 2000,
  checkIntervalMs: 100,
};

/** Group configs of share groups (IncrementalAlterConfigs / DescribeConfigs on GROUP). */
export const SHARE_GROUP_CONFIG_NAMES = [
  'share.auto.offset.reset', 'share.isolation.level', 'share.record.lock.duration.ms', 'share.delivery.count.limit',
  'share.heartbeat.interval.ms', 'share.session.timeout.ms',
] as const;

export interface ShareMember {
  readonly memberId: string;
  epoch: number;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  subscribed: string[];
  /** "topicId:partition" keys of the last assignment sent, sorted. */
  assigned: string[];
  lastSeen: number;
}

export interface ShareSessionPartition {
  topicId: string;
  partition: number;
}

export interface ShareSession {
  epoch: number;
  lastUsed: number;
  readonly partitions: Map<string, ShareSessionPartition>;
}

export class ShareGroup {
  epoch = 0;
  readonly members = new Map<string, ShareMember>();
  readonly partitions = new Map<string, SharePartition>();
  readonly sessions = new Map<string, ShareSession>();
  /** Bumped when a member joins, leaves or changes its subscription: the target is then recomputed. */
  membershipVersion = 0;
  /** The target assignment and what it was computed from (membership version and partition counts). */
  target: ShareAssignment = new Map();
  targetBasis = '';
  constructor(readonly groupId: string) {}

  get state(): 'Empty' | 'Stable' {
    return this.members.size === 0 ? 'Empty' : 'Stable';
  }
}

export interface ShareCoordinatorOptions {
  topics: TopicManager;
  store: ShareStateStore;
  fetchWaiters: Purgatory;
  log: Logger;
  now: () => number;
  config?: Partial<ShareConfig>;
  /** A classic or consumer group of that id exists (ids are one namespace). */
  otherGroupExists: (groupId: string) => boolean;
}

export interface HeartbeatInput {
  groupId: string;
  memberId: string;
  memberEpoch: number;
  rackId: string | null;
  subscribedTopicNames: string[] | null;
  clientId: string;
  clientHost: string;
}

export interface HeartbeatResult {
  errorCode: number;
  errorMessage: string | null;
  memberId: string | null;
  memberEpoch: number;
  heartbeatIntervalMs: number;
  assignment: Array<{ topicId: string; partitions: number[] }> | null;
}

const pkey = (topicId: string, partition: number): string => `${topicId}:${partition}`;
const MAX_SUBSCRIBED = 10_000;

export class ShareCoordinator {
  readonly config: ShareConfig;
  private readonly groups = new Map<string, ShareGroup>();
  private readonly groupConfigs = new Map<string, Map<string, string>>();
  /** Per share-partition: the write running and whether another is due after it. */
  private readonly writes = new Map<string, { running: Promise<void>; again: Promise<void> | null }>();
  private timer: NodeJS.Timeout | null = null;
  /** Share sessions by the connection that opened them (its `closed` signal): see bindSession. */
  private readonly sessionsByConnection = new WeakMap<AbortSignal, Array<{ g: ShareGroup; memberId: string; session: ShareSession }>>();
  /** Where archived records go (the DLQ route); set by the broker when one is configured. */
  onArchived: ((groupId: string, topicId: string, partition: number, records: ArchivedRecord[]) => void) | null = null;

  private constructor(private readonly opts: ShareCoordinatorOptions) {
    this.config = { ...DEFAULT_SHARE_CONFIG, ...opts.config };
  }

  static async open(opts: ShareCoordinatorOptions): Promise<ShareCoordinator> {
    const c = new ShareCoordinator(opts);
    for (const s of await opts.store.readAll()) c.restore(s);
    for (const [group, configs] of Object.entries(await opts.store.readGroupConfigs())) c.groupConfigs.set(group, new Map(Object.entries(configs)));
    c.timer = setInterval(() => c.tick(), c.config.checkIntervalMs);
    c.timer.unref();
    return c;
  }

  close(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private restore(s: StoredShareState): void {
    const g = this.groupOrNew(s.group);
    try {
      const ranges = s.snapshot.ranges as StateRange[];
      g.partitions.set(pkey(s.topicId, s.partition), SharePartition.fromSnapshot({ startOffset: s.snapshot.startOffset, ranges }, this.limits(s.group)));
    } catch (err) {
      this.opts.log.warn({ group: s.group, topicId: s.topicId, partition: s.partition, error: String(err) }, 'share state skipped');
    }
  }

  private groupOrNew(id: string): ShareGroup {
    let g = this.groups.get(id);
    if (g === undefined) {
      g = new ShareGroup(id);
      this.groups.set(id, g);
    }
    return g;
  }

  get(groupId: string): ShareGroup | undefined {
    return this.groups.get(groupId);
  }

  list(): ShareGroup[] {
    return [...this.groups.values()];
  }

  sessionCount(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.sessions.size;
    return n;
  }

  // ---- group configs ----

  groupConfig(groupId: string): ReadonlyMap<string, string> {
    return this.groupConfigs.get(groupId) ?? new Map();
  }

  /** Validates one group config value; an error message or null. */
  validateGroupConfig(name: string, value: string): string | null {
    const int = (min: number, max: number): string | null => {
      if (!/^-?\d+$/.test(value)) return `${name} must be an integer`;
      const n = Number(value);
      return n < min || n > max ? `${name} must be between ${min} and ${max}` : null;
    };
    switch (name) {
      case 'share.auto.offset.reset': return ['earliest', 'latest'].includes(value) ? null : `${name} must be earliest or latest`;
      case 'share.isolation.level': return ['read_uncommitted', 'read_committed'].includes(value) ? null : `${name} must be read_uncommitted or read_committed`;
      case 'share.record.lock.duration.ms': return int(this.config.minRecordLockDurationMs, this.config.maxRecordLockDurationMs);
      case 'share.delivery.count.limit': return int(2, 10);
      case 'share.heartbeat.interval.ms': return int(1000, 15_000);
      case 'share.session.timeout.ms': return int(1000, 60_000);
      default: return (SHARE_GROUP_CONFIG_NAMES as readonly string[]).includes(name) ? null : `unknown group config ${name}`;
    }
  }

  /** Every share group config of the group: its value, and whether the group sets it. */
  describeGroupConfigs(groupId: string): Array<{ name: string; value: string; set: boolean; type: 'string' | 'int' }> {
    const defaults: Record<string, string> = {
      'share.auto.offset.reset': 'latest', 'share.isolation.level': 'read_uncommitted',
      'share.record.lock.duration.ms': String(this.config.recordLockDurationMs), 'share.delivery.count.limit': String(this.config.deliveryCountLimit),
      'share.heartbeat.interval.ms': String(this.config.heartbeatIntervalMs), 'share.session.timeout.ms': String(this.config.sessionTimeoutMs),
    };
    const set = this.groupConfigs.get(groupId);
    return SHARE_GROUP_CONFIG_NAMES.map((name) => ({
      name, value: set?.get(name) ?? defaults[name]!, set: set?.has(name) === true, type: name.endsWith('.ms') || name.endsWith('.limit') ? 'int' as const : 'string' as const,
    }));
  }

  /** Replaces the group's overrides (already validated), durably. */
  async setGroupConfigs(groupId: string, configs: ReadonlyMap<string, string>): Promise<void> {
    if (configs.size === 0) this.groupConfigs.delete(groupId);
    else this.groupConfigs.set(groupId, new Map(configs));
    const all: Record<string, Record<string, string>> = {};
    for (const [g, m] of this.groupConfigs) all[g] = Object.fromEntries(m);
    await this.opts.store.writeGroupConfigs(all);
    const limits = this.limits(groupId);
    for (const p of this.groups.get(groupId)?.partitions.values() ?? []) p.limits = limits;
  }

  private intConfig(groupId: string, name: string, fallback: number): number {
    const v = this.groupConfigs.get(groupId)?.get(name);
    return v === undefined ? fallback : Number(v);
  }

  limits(groupId: string): ShareLimits {
    return {
      lockDurationMs: this.intConfig(groupId, 'share.record.lock.duration.ms', this.config.recordLockDurationMs),
      deliveryCountLimit: this.intConfig(groupId, 'share.delivery.count.limit', this.config.deliveryCountLimit),
      maxRecordLocks: this.config.maxRecordLocks,
    };
  }

  readCommitted(groupId: string): boolean {
    return this.groupConfigs.get(groupId)?.get('share.isolation.level') === 'read_committed';
  }

  heartbeatIntervalMs(groupId: string): number {
    return this.intConfig(groupId, 'share.heartbeat.interval.ms', this.config.heartbeatIntervalMs);
  }

  private sessionTimeoutMs(groupId: string): number {
    return this.intConfig(groupId, 'share.session.timeout.ms', this.config.sessionTimeoutMs);
  }

  // ---- membership ----

  heartbeat(h: HeartbeatInput): HeartbeatResult {
    const interval = this.heartbeatIntervalMs(h.groupId);
    const fail = (errorCode: number, errorMessage: string): HeartbeatResult => ({ errorCode, errorMessage, memberId: h.memberId || null, memberEpoch: -1, heartbeatIntervalMs: 0, assignment: null });
    if (h.groupId === '') return fail(ErrorCode.INVALID_REQUEST, 'the group id is empty');
    if (this.opts.otherGroupExists(h.groupId)) return fail(ErrorCode.GROUP_ID_NOT_FOUND, `group ${h.groupId} is not a share group`);
    if (h.subscribedTopicNames !== null && h.subscribedTopicNames.length > MAX_SUBSCRIBED) return fail(ErrorCode.INVALID_REQUEST, 'too many subscribed topics');
    const now = this.opts.now();
    const g = this.groups.get(h.groupId);
    if (h.memberEpoch === -1) {
      if (g !== undefined) this.removeMember(g, h.memberId);
      return { errorCode: ErrorCode.NONE, errorMessage: null, memberId: h.memberId, memberEpoch: -1, heartbeatIntervalMs: 0, assignment: null };
    }
    let m: ShareMember | undefined;
    if (h.memberEpoch === 0) {
      if (h.subscribedTopicNames === null || h.subscribedTopicNames.length === 0) return fail(ErrorCode.INVALID_REQUEST, 'a joining member must name the topics it subscribes to');
      const group = this.groupOrNew(h.groupId);
      const id = h.memberId === '' ? randomUUID() : h.memberId;
      m = group.members.get(id);
      if (m === undefined) {
        m = { memberId: id, epoch: 0, rackId: h.rackId, clientId: h.clientId, clientHost: h.clientHost, subscribed: [], assigned: [], lastSeen: now };
        group.members.set(id, m);
        group.membershipVersion++;
      }
      m.assigned = []; // a (re)join always gets its assignment
    } else {
      m = g?.members.get(h.memberId);
      if (m === undefined) return fail(ErrorCode.UNKNOWN_MEMBER_ID, `member ${h.memberId} is not in group ${h.groupId}`);
      if (h.memberEpoch !== m.epoch) return fail(ErrorCode.FENCED_MEMBER_EPOCH, `member epoch ${h.memberEpoch} is not the current ${m.epoch}`);
    }
    const group = this.groups.get(h.groupId)!;
    m.lastSeen = now;
    if (h.subscribedTopicNames !== null) {
      const subscribed = [...new Set(h.subscribedTopicNames)].sort();
      if (subscribed.join('\0') !== m.subscribed.join('\0')) group.membershipVersion++;
      m.subscribed = subscribed;
    }
    if (h.rackId !== null) m.rackId = h.rackId;
    const assignment = this.assignmentOf(group, m);
    const keys = assignment.flatMap((a) => a.partitions.map((p) => pkey(a.topicId, p))).sort();
    const changed = keys.length !== m.assigned.length || keys.some((k, i) => k !== m.assigned[i]);
    if (changed || m.epoch === 0) {
      group.epoch++;
      m.epoch = group.epoch;
      m.assigned = keys;
    }
    return {
      errorCode: ErrorCode.NONE, errorMessage: null, memberId: m.memberId, memberEpoch: m.epoch, heartbeatIntervalMs: interval,
      assignment: changed || h.memberEpoch === 0 ? assignment : null,
    };
  }

  /** The member's part of the group's target assignment (share/assignor.ts). */
  assignmentOf(g: ShareGroup, m: ShareMember): Array<{ topicId: string; partitions: number[] }> {
    this.updateTarget(g);
    return [...(g.target.get(m.memberId) ?? new Map<string, number[]>())].map(([topicId, partitions]) => ({ topicId, partitions }));
  }

  /** Recomputes the target when membership, a subscription or a subscribed topic's partitions changed. */
  private updateTarget(g: ShareGroup): void {
    const counts = new Map<string, number>();
    const topicIds = new Map<ShareMember, string[]>();
    for (const m of g.members.values()) {
      const ids: string[] = [];
      for (const name of m.subscribed) {
        const t = isInternalTopic(name) ? undefined : this.opts.topics.get(name);
        if (t === undefined) continue;
        ids.push(t.topicId);
        counts.set(t.topicId, t.partitions);
      }
      topicIds.set(m, ids);
    }
    const basis = `${g.membershipVersion}|${[...counts].map(([t, n]) => `${t}:${n}`).sort().join(',')}`;
    if (basis === g.targetBasis) return;
    const members = [...g.members.values()].map((m) => ({ memberId: m.memberId, topics: topicIds.get(m)!, current: g.target.get(m.memberId) ?? new Map<string, number[]>() }));
    g.target = assignShareGroup(members, counts);
    g.targetBasis = basis;
  }

  /**
   * Takes the member out of the group (a leave heartbeat, or its heartbeats stopped). As in Kafka,
   * membership and share sessions are apart: its share session and the records it holds stay
   * until the session closes (ShareFetch/ShareAcknowledge epoch -1, which librdkafka sends at
   * close next to the leave heartbeat, in either order), its connection closes, the session idles
   * out (tick) or the records' acquisition locks expire.
   */
  private removeMember(g: ShareGroup, memberId: string): void {
    if (!g.members.delete(memberId)) return;
    g.epoch++;
    g.membershipVersion++;
  }

  /**
   * Ties a share session just opened to the connection that opened it: when that connection
   * closes, the session ends and the member's records are released (Kafka does the same), unless
   * the session was closed or replaced before. One listener per connection.
   */
  bindSession(g: ShareGroup, memberId: string, session: ShareSession, closed: AbortSignal): void {
    let bound = this.sessionsByConnection.get(closed);
    if (bound === undefined) {
      const list: Array<{ g: ShareGroup; memberId: string; session: ShareSession }> = [];
      bound = list;
      this.sessionsByConnection.set(closed, list);
      closed.addEventListener('abort', () => {
        this.sessionsByConnection.delete(closed);
        for (const x of list) {
          if (x.g.sessions.get(x.memberId) !== x.session) continue;
          x.g.sessions.delete(x.memberId);
          this.releaseMember(x.g, x.memberId);
        }
      }, { once: true });
    }
    // A connection that reopens sessions keeps only the ones still current.
    for (let i = bound.length - 1; i >= 0; i--) if (bound[i]!.g.sessions.get(bound[i]!.memberId) !== bound[i]!.session) bound.splice(i, 1);
    bound.push({ g, memberId, session });
  }

  /** Releases every record `memberId` holds in the group (its session closed or it left). */
  releaseMember(g: ShareGroup, memberId: string): void {
    for (const [k, p] of g.partitions) {
      if (p.releaseMember(memberId) > 0) {
        this.changed(g, k).catch((err: unknown) => this.opts.log.warn({ group: g.groupId, error: String(err) }, 'share state write failed'));
        this.opts.fetchWaiters.checkAndComplete(k);
      }
    }
  }

  // ---- share-partitions ----

  /** The share-partition's state, initialised from share.auto.offset.reset on first use. */
  partition(g: ShareGroup, h: PartitionHandle): SharePartition {
    const k = h.key;
    let p = g.partitions.get(k);
    if (p === undefined) {
      const earliest = this.groupConfigs.get(g.groupId)?.get('share.auto.offset.reset') === 'earliest';
      p = new SharePartition(earliest ? h.log.logStartOffset : h.log.highWatermark, this.limits(g.groupId));
      g.partitions.set(k, p);
    } else if (p.startOffset < h.log.logStartOffset) {
      // Retention or DeleteRecords removed records the group had not finished.
      p.resetStart(h.log.logStartOffset);
    }
    return p;
  }

  /** Persists the share-partition's current state; resolves once a write at least this new is durable. */
  changed(g: ShareGroup, k: string): Promise<void> {
    const p = g.partitions.get(k);
    const archived = p?.takeArchived() ?? [];
    if (archived.length > 0 && this.onArchived !== null) {
      const [topicId, partition] = k.split(':');
      this.onArchived(g.groupId, topicId!, Number(partition), archived);
    }
    const wk = `${g.groupId}\0${k}`;
    const w = this.writes.get(wk);
    if (w !== undefined) {
      // A write is running: one more starts after it and takes the state as it is then.
      w.again ??= w.running.then(() => {
        w.again = null;
        return this.writeNow(g, k, wk);
      }, () => this.writeNow(g, k, wk));
      return w.again;
    }
    return this.writeNow(g, k, wk);
  }

  private writeNow(g: ShareGroup, k: string, wk: string): Promise<void> {
    const p = g.partitions.get(k);
    const [topicId, partition] = k.split(':');
    const key = { group: g.groupId, topicId: topicId!, partition: Number(partition) };
    const running = (p === undefined ? this.opts.store.delete(key) : this.opts.store.write(key, p.snapshot()));
    const entry = { running, again: null as Promise<void> | null };
    this.writes.set(wk, entry);
    const done = (): void => {
      if (this.writes.get(wk) === entry && entry.again === null) this.writes.delete(wk);
    };
    running.then(done, done);
    return running;
  }

  /** A group for an admin operation (AlterShareGroupOffsets may create it). */
  groupForAdmin(groupId: string, create: boolean): ShareGroup | undefined {
    return create ? this.groupOrNew(groupId) : this.groups.get(groupId);
  }

  /** Sets a share-partition's start offset (AlterShareGroupOffsets): a fresh state from there. */
  async alterStart(g: ShareGroup, h: PartitionHandle, offset: bigint): Promise<void> {
    const start = offset < h.log.logStartOffset ? h.log.logStartOffset : offset > h.log.highWatermark ? h.log.highWatermark : offset;
    g.partitions.set(h.key, new SharePartition(start, this.limits(g.groupId)));
    await this.changed(g, h.key);
  }

  /** Deletes share-partition state (DeleteShareGroupOffsets, DeleteGroups). */
  async deleteState(g: ShareGroup, k: string): Promise<void> {
    if (!g.partitions.delete(k)) return;
    await this.changed(g, k);
  }

  async deleteGroup(groupId: string): Promise<number> {
    const g = this.groups.get(groupId);
    if (g === undefined) return ErrorCode.GROUP_ID_NOT_FOUND;
    if (g.members.size > 0) return ErrorCode.NON_EMPTY_GROUP;
    await Promise.all([...g.partitions.keys()].map((k) => this.deleteState(g, k)));
    this.groups.delete(groupId);
    if (this.groupConfigs.has(groupId)) await this.setGroupConfigs(groupId, new Map());
    return ErrorCode.NONE;
  }

  /** Releases expired locks and drops members whose session ran out. */
  private tick(): void {
    const now = this.opts.now();
    for (const g of this.groups.values()) {
      const timeout = this.sessionTimeoutMs(g.groupId);
      for (const m of [...g.members.values()]) {
        if (now - m.lastSeen > timeout) {
          this.opts.log.info({ group: g.groupId, member: m.memberId }, 'share group member session expired');
          this.removeMember(g, m.memberId);
        }
      }
      // Sessions of members the group does not know (never joined, or removed) end with their idleness.
      for (const [id, sess] of g.sessions) {
        if (!g.members.has(id) && now - sess.lastUsed > timeout) {
          g.sessions.delete(id);
          this.releaseMember(g, id);
        }
      }
      for (const [k, p] of g.partitions) {
        if (p.acquired > 0 && p.expireLocks(now) > 0) {
          this.changed(g, k).catch((err: unknown) => this.opts.log.warn({ group: g.groupId, error: String(err) }, 'share state write failed'));
          this.opts.fetchWaiters.checkAndComplete(k);
        }
      }
    }
  }
}
