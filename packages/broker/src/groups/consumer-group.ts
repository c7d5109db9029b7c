// A KIP-848 consumer group (ConsumerGroupHeartbeat). The group epoch moves when membership,
// subscriptions or the subscribed topics' partitions change; the target assignment is then
// recomputed by the server-side assignor at that epoch. Each member converges on its target one
// heartbeat at a time (Kafka's CurrentAssignmentBuilder, simplified):
//   - partitions leaving the member are revoked first: the member keeps its epoch and is told its
//     reduced assignment; it must acknowledge (its heartbeat no longer lists them as owned) within
//     its rebalance timeout, or it is fenced;
//   - then it moves to the target epoch and receives every target partition no other member still
//     owns; partitions still owned elsewhere ("unreleased") come on a later heartbeat, once their
//     previous owner acknowledged their revocation. A partition never has two owners.
// Sessions expire on timers (group.consumer.session.timeout.ms). Static members (instance id)
// leaving with epoch -2 keep their assignment until their session expires, for the same
// instance to take it back with epoch 0.
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@tideline/protocol';
import type { GroupConfig } from './group-config.js';
import { ASSIGNORS, type AssignorMember } from './assignors.js';
import type { GroupRecord } from './offsets-format.js';

export type ConsumerGroupState = 'Empty' | 'Assigning' | 'Reconciling' | 'Stable' | 'Dead';

/** topic id -> partitions */
export type TopicPartitions = Map<string, Set<number>>;

export interface TopicsView {
  /** Existing topic by name (internal topics excluded by the caller). */
  byName(name: string): { topicId: string; partitions: number } | undefined;
  byId(topicId: string): { name: string; partitions: number } | undefined;
  /** Every non-internal topic name (for regex subscriptions). */
  names(): string[];
}

export interface ConsumerMember {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  memberEpoch: number;
  previousMemberEpoch: number;
  state: 'stable' | 'unrevoked' | 'unreleased';
  rebalanceTimeoutMs: number;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  serverAssignor: string | null;
  assigned: TopicPartitions;
  pendingRevocation: TopicPartitions;
  /** Serialized assignment last sent, to send it again only when it changes. */
  lastSent: string | null;
  sessionTimer: NodeJS.Timeout | null;
  revocationTimer: NodeJS.Timeout | null;
}

export interface HeartbeatParams {
  memberId: string;
  memberEpoch: number;
  instanceId: string | null;
  rackId: string | null;
  rebalanceTimeoutMs: number;
  subscribedTopicNames: string[] | null;
  subscribedTopicRegex: string | null;
  serverAssignor: string | null;
  topicPartitions: Array<{ topicId: string; partitions: number[] }> | null;
  clientId: string;
  clientHost: string;
}

export interface HeartbeatResult {
  errorCode: number;
  errorMessage: string | null;
  memberId: string | null;
  memberEpoch: number;
  heartbeatIntervalMs: number;
  assignment: { topicPartitions: Array<{ topicId: string; partitions: number[] }> } | null;
}

export interface ConsumerGroupHooks {
  config: GroupConfig;
  now(): number;
  topics: TopicsView;
  /**
   * Called when the group epoch moves outside a heartbeat too (session expiry, revocation
   * timeout): persist the group record. The heartbeat handler persists after every heartbeat.
   */
  onEpochChange(group: ConsumerGroup): void;
  /** The group's consumer.heartbeat.interval.ms / consumer.session.timeout.ms (its group config, else the broker's). */
  heartbeatIntervalMs(): number;
  sessionTimeoutMs(): number;
}

const LEAVE = -1;
const STATIC_LEAVE = -2;

function unref(t: NodeJS.Timeout): NodeJS.Timeout {
  t.unref();
  return t;
}

export function toList(tp: TopicPartitions): Array<{ topicId: string; partitions: number[] }> {
  return [...tp.entries()].filter(([, ps]) => ps.size > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([topicId, ps]) => ({ topicId, partitions: [...ps].sort((a, b) => a - b) }));
}

function fromList(list: ReadonlyArray<{ topicId: string; partitions: readonly number[] }>): TopicPartitions {
  const out: TopicPartitions = new Map();
  for (const t of list) out.set(t.topicId, new Set([...(out.get(t.topicId) ?? []), ...t.partitions]));
  return out;
}

function has(tp: TopicPartitions, topicId: string, p: number): boolean {
  return tp.get(topicId)?.has(p) ?? false;
}

function addTo(tp: TopicPartitions, topicId: string, p: number): void {
  let s = tp.get(topicId);
  if (s === undefined) tp.set(topicId, (s = new Set()));
  s.add(p);
}

function size(tp: TopicPartitions): number {
  let n = 0;
  for (const s of tp.values()) n += s.size;
  return n;
}

const errorResult = (code: number, message: string | null, memberId: string | null = null, epoch = -1): HeartbeatResult =>
  ({ errorCode: code, errorMessage: message, memberId, memberEpoch: epoch, heartbeatIntervalMs: 0, assignment: null });

export class ConsumerGroup {
  readonly type = 'consumer';
  groupEpoch = 0;
  assignmentEpoch = 0;
  readonly members = new Map<string, ConsumerMember>();
  target = new Map<string, TopicPartitions>();
  stateTimestamp: number;
  dead = false;
  private metadataKey = '';

  constructor(readonly groupId: string, private readonly hooks: ConsumerGroupHooks) {
    this.stateTimestamp = hooks.now();
  }

  get isEmpty(): boolean {
    return this.members.size === 0;
  }

  get state(): ConsumerGroupState {
    if (this.dead) return 'Dead';
    if (this.members.size === 0) return 'Empty';
    if (this.groupEpoch > this.assignmentEpoch) return 'Assigning';
    for (const m of this.members.values()) if (m.memberEpoch !== this.assignmentEpoch || m.state !== 'stable') return 'Reconciling';
    return 'Stable';
  }

  /** The assignor most members ask for, else the configured default. */
  assignorName(): string {
    const votes = new Map<string, number>();
    for (const m of this.members.values()) if (m.serverAssignor !== null) votes.set(m.serverAssignor, (votes.get(m.serverAssignor) ?? 0) + 1);
    let best = this.hooks.config.consumerAssignors[0] ?? 'uniform';
    let n = 0;
    for (const [name, c] of votes) if (c > n) [best, n] = [name, c];
    return best;
  }

  /** Topic names a member subscribes to that exist (explicit names and regex matches). */
  subscribedTopics(m: ConsumerMember): string[] {
    const out = new Set<string>();
    for (const t of m.subscribedTopicNames) if (this.hooks.topics.byName(t) !== undefined) out.add(t);
    if (m.subscribedTopicRegex !== null) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(`^(?:${m.subscribedTopicRegex})$`);
      } catch {
        re = undefined;
      }
      if (re !== undefined) for (const t of this.hooks.topics.names()) if (re.test(t)) out.add(t);
    }
    return [...out].sort();
  }

  /** Every topic name some member subscribes to (OffsetDelete's GROUP_SUBSCRIBED_TO_TOPIC). */
  allSubscribedTopicNames(): Set<string> {
    const out = new Set<string>();
    for (const m of this.members.values()) {
      for (const t of m.subscribedTopicNames) out.add(t);
      for (const t of this.subscribedTopics(m)) out.add(t);
    }
    return out;
  }

  private computeMetadataKey(): string {
    const names = new Set<string>();
    for (const m of this.members.values()) for (const t of this.subscribedTopics(m)) names.add(t);
    return [...names].sort().map((n) => {
      const t = this.hooks.topics.byName(n)!;
      return `${n}/${t.topicId}/${t.partitions}`;
    }).join(',') + `|${this.assignorName()}`;
  }

  private bumpEpoch(): void {
    this.groupEpoch++;
    this.stateTimestamp = this.hooks.now();
    this.computeTarget();
    this.hooks.onEpochChange(this);
  }

  private computeTarget(): void {
    this.metadataKey = this.computeMetadataKey();
    const counts = new Map<string, number>();
    const members: AssignorMember[] = [];
    for (const m of this.members.values()) {
      const topics: string[] = [];
      for (const name of this.subscribedTopics(m)) {
        const t = this.hooks.topics.byName(name)!;
        counts.set(t.topicId, t.partitions);
        topics.push(t.topicId);
      }
      // The assignor sees what the member will own once its pending revocations complete.
      members.push({ memberId: m.memberId, topics, current: m.assigned });
    }
    const assignor = ASSIGNORS.get(this.assignorName()) ?? ASSIGNORS.get('uniform')!;
    const result = assignor.assign(members, counts);
    this.target = new Map([...result].map(([id, tp]) => [id, new Map([...tp].map(([t, ps]) => [t, new Set(ps)]))]));
    this.assignmentEpoch = this.groupEpoch;
  }

  /** Partitions held (assigned or being revoked) by members other than `except`. */
  private ownedByOthers(except: string): TopicPartitions {
    const out: TopicPartitions = new Map();
    for (const m of this.members.values()) {
      if (m.memberId === except) continue;
      for (const tp of [m.assigned, m.pendingRevocation]) for (const [t, ps] of tp) for (const p of ps) addTo(out, t, p);
    }
    return out;
  }

  heartbeat(p: HeartbeatParams): HeartbeatResult {
    if (p.memberEpoch === LEAVE || p.memberEpoch === STATIC_LEAVE) return this.leave(p);
    let m: ConsumerMember | undefined;
    if (p.memberEpoch === 0) {
      const joined = this.join(p);
      if ('errorCode' in joined) return joined;
      m = joined;
    } else {
      m = this.members.get(p.memberId);
      if (m === undefined) return errorResult(ErrorCode.UNKNOWN_MEMBER_ID, `member ${p.memberId} is not in group ${this.groupId}`);
      if (p.instanceId !== null && m.instanceId !== p.instanceId) return errorResult(ErrorCode.FENCED_INSTANCE_ID, 'instance id does not match the member');
      const owned = p.topicPartitions === null ? null : fromList(p.topicPartitions);
      if (p.memberEpoch > m.memberEpoch) {
        return errorResult(ErrorCode.FENCED_MEMBER_EPOCH, `epoch ${p.memberEpoch} is ahead of the coordinator's ${m.memberEpoch}`);
      }
      if (p.memberEpoch < m.memberEpoch) {
        const subset = owned === null || [...owned].every(([t, ps]) => [...ps].every((x) => has(m!.assigned, t, x)));
        if (p.memberEpoch !== m.previousMemberEpoch || !subset) {
          return errorResult(ErrorCode.FENCED_MEMBER_EPOCH, `epoch ${p.memberEpoch} is behind the coordinator's ${m.memberEpoch}`);
        }
      }
      // Subscription changes.
      let changed = false;
      if (p.subscribedTopicNames !== null && p.subscribedTopicNames.join('\u0000') !== m.subscribedTopicNames.join('\u0000')) {
        m.subscribedTopicNames = [...p.subscribedTopicNames];
        changed = true;
      }
      if (p.subscribedTopicRegex !== null && p.subscribedTopicRegex !== (m.subscribedTopicRegex ?? '')) {
        m.subscribedTopicRegex = p.subscribedTopicRegex === '' ? null : p.subscribedTopicRegex;
        changed = true;
      }
      if (p.serverAssignor !== null && p.serverAssignor !== m.serverAssignor) {
        m.serverAssignor = p.serverAssignor;
        changed = true;
      }
      if (p.rebalanceTimeoutMs > 0) m.rebalanceTimeoutMs = p.rebalanceTimeoutMs;
      if (changed) this.bumpEpoch();
      this.touch(m);
      this.maybeAckRevocation(m, owned);
    }
    if (this.computeMetadataKey() !== this.metadataKey) this.bumpEpoch();
    this.reconcile(m);
    const full = p.memberEpoch === 0 || p.subscribedTopicNames !== null;
    const current = JSON.stringify(toList(m.assigned));
    const send = full || current !== m.lastSent;
    m.lastSent = current;
    return {
      errorCode: ErrorCode.NONE, errorMessage: null, memberId: m.memberId, memberEpoch: m.memberEpoch,
      heartbeatIntervalMs: this.hooks.heartbeatIntervalMs(),
      assignment: send ? { topicPartitions: toList(m.assigned) } : null,
    };
  }

  private join(p: HeartbeatParams): ConsumerMember | HeartbeatResult {
    const base = {
      rackId: p.rackId, clientId: p.clientId, clientHost: p.clientHost,
      rebalanceTimeoutMs: p.rebalanceTimeoutMs, subscribedTopicNames: [...(p.subscribedTopicNames ?? [])],
      subscribedTopicRegex: p.subscribedTopicRegex === '' ? null : p.subscribedTopicRegex, serverAssignor: p.serverAssignor,
    };
    const memberId = p.memberId === '' ? randomUUID() : p.memberId;
    if (p.instanceId !== null) {
      const previous = [...this.members.values()].find((x) => x.instanceId === p.instanceId);
      if (previous !== undefined) {
        if (previous.memberEpoch !== STATIC_LEAVE) return errorResult(ErrorCode.UNRELEASED_INSTANCE_ID, `instance ${p.instanceId} is still in use`);
        // The same instance comes back: it takes over the old member's assignment and epoch.
        this.dropMember(previous);
        const m: ConsumerMember = {
          ...previous, ...base, memberId, memberEpoch: previous.previousMemberEpoch, lastSent: null, sessionTimer: null, revocationTimer: null,
        };
        this.members.set(memberId, m);
        this.touch(m);
        if (this.target.has(previous.memberId)) {
          this.target.set(memberId, this.target.get(previous.memberId)!);
          this.target.delete(previous.memberId);
        }
        return m;
      }
    }
    const existing = this.members.get(memberId);
    // A member rejoining with epoch 0 (after being fenced) starts over with nothing.
    if (existing !== undefined) this.dropMember(existing);
    const m: ConsumerMember = {
      ...base, memberId, instanceId: p.instanceId, memberEpoch: 0, previousMemberEpoch: -1, state: 'stable',
      assigned: new Map(), pendingRevocation: new Map(), lastSent: null, sessionTimer: null, revocationTimer: null,
    };
    this.members.set(memberId, m);
    this.touch(m);
    this.bumpEpoch();
    return m;
  }

  private leave(p: HeartbeatParams): HeartbeatResult {
    const m = this.members.get(p.memberId) ?? (p.instanceId === null ? undefined : [...this.members.values()].find((x) => x.instanceId === p.instanceId));
    if (m === undefined) return errorResult(ErrorCode.UNKNOWN_MEMBER_ID, `member ${p.memberId} is not in group ${this.groupId}`);
    if (p.memberEpoch === STATIC_LEAVE && m.instanceId !== null) {
      // Keeps its partitions until the session expires or the instance rejoins.
      m.previousMemberEpoch = m.memberEpoch;
      m.memberEpoch = STATIC_LEAVE;
      this.touch(m);
      return { ...errorResult(ErrorCode.NONE, null, m.memberId, STATIC_LEAVE), heartbeatIntervalMs: 0 };
    }
    this.removeMember(m);
    return { ...errorResult(ErrorCode.NONE, null, p.memberId, LEAVE), heartbeatIntervalMs: 0 };
  }

  private maybeAckRevocation(m: ConsumerMember, owned: TopicPartitions | null): void {
    if (m.state !== 'unrevoked' || owned === null) return;
    for (const [t, ps] of m.pendingRevocation) for (const p of ps) if (has(owned, t, p)) return;
    m.pendingRevocation = new Map();
    m.state = 'stable';
    if (m.revocationTimer !== null) clearTimeout(m.revocationTimer);
    m.revocationTimer = null;
  }

  /** Moves the member one step towards its target assignment. */
  private reconcile(m: ConsumerMember): void {
    if (m.state === 'unrevoked' || m.memberEpoch === STATIC_LEAVE) return;
    if (m.memberEpoch === this.assignmentEpoch && m.state === 'stable') return;
    const target = this.target.get(m.memberId) ?? new Map<string, Set<number>>();
    const keep: TopicPartitions = new Map();
    const revoke: TopicPartitions = new Map();
    for (const [t, ps] of m.assigned) for (const p of ps) addTo(has(target, t, p) ? keep : revoke, t, p);
    if (size(revoke) > 0) {
      m.assigned = keep;
      m.pendingRevocation = revoke;
      m.state = 'unrevoked';
      this.startRevocationTimer(m);
      return;
    }
    const others = this.ownedByOthers(m.memberId);
    let unreleased = false;
    for (const [t, ps] of target) {
      for (const p of ps) {
        if (has(keep, t, p)) continue;
        if (has(others, t, p)) unreleased = true;
        else addTo(keep, t, p);
      }
    }
    m.assigned = keep;
    if (m.memberEpoch !== this.assignmentEpoch) {
      m.previousMemberEpoch = m.memberEpoch;
      m.memberEpoch = this.assignmentEpoch;
    }
    m.state = unreleased ? 'unreleased' : 'stable';
  }

  /** A member that does not acknowledge its revocation within its rebalance timeout is fenced. */
  private startRevocationTimer(m: ConsumerMember): void {
    if (m.revocationTimer !== null) clearTimeout(m.revocationTimer);
    m.revocationTimer = unref(setTimeout(() => {
      m.revocationTimer = null;
      if (this.members.get(m.memberId) === m && m.state === 'unrevoked') this.removeMember(m);
    }, m.rebalanceTimeoutMs > 0 ? m.rebalanceTimeoutMs : this.hooks.sessionTimeoutMs()));
  }

  private touch(m: ConsumerMember): void {
    if (m.sessionTimer !== null) clearTimeout(m.sessionTimer);
    m.sessionTimer = unref(setTimeout(() => {
      m.sessionTimer = null;
      if (this.members.get(m.memberId) === m) this.removeMember(m);
    }, this.hooks.sessionTimeoutMs()));
  }

  private dropMember(m: ConsumerMember): void {
    if (m.sessionTimer !== null) clearTimeout(m.sessionTimer);
    if (m.revocationTimer !== null) clearTimeout(m.revocationTimer);
    m.sessionTimer = null;
    m.revocationTimer = null;
    this.members.delete(m.memberId);
  }

  /** Removes a member (leave, session expiry, fencing); its partitions are free at once. */
  removeMember(m: ConsumerMember): void {
    this.dropMember(m);
    this.target.delete(m.memberId);
    this.bumpEpoch();
  }

  /** OffsetCommit checks (Kafka's ConsumerGroup.validateOffsetCommit). */
  validateOffsetCommit(memberId: string, memberEpoch: number): number {
    if (this.dead) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (memberEpoch < 0 && this.members.size === 0) return ErrorCode.NONE;
    const m = this.members.get(memberId);
    if (m === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (memberEpoch !== m.memberEpoch) return ErrorCode.STALE_MEMBER_EPOCH;
    return ErrorCode.NONE;
  }

  /** OffsetFetch v9 checks when a member id is given. */
  validateOffsetFetch(memberId: string, memberEpoch: number): number {
    const m = this.members.get(memberId);
    if (m === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    return memberEpoch === m.memberEpoch ? ErrorCode.NONE : ErrorCode.STALE_MEMBER_EPOCH;
  }

  /** The group record: epochs, members with their current assignment, target assignment. */
  toRecord(): GroupRecord {
    return {
      type: 'consumer',
      protocolType: 'consumer',
      epoch: this.groupEpoch,
      assignmentEpoch: this.assignmentEpoch,
      consumerMembers: [...this.members.values()].map((m) => ({
        memberId: m.memberId, instanceId: m.instanceId, rackId: m.rackId, clientId: m.clientId, clientHost: m.clientHost,
        memberEpoch: m.memberEpoch, previousMemberEpoch: m.previousMemberEpoch, state: m.state, rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        subscribedTopicNames: m.subscribedTopicNames, subscribedTopicRegex: m.subscribedTopicRegex, serverAssignor: m.serverAssignor,
        assigned: toList(m.assigned), pendingRevocation: toList(m.pendingRevocation),
      })),
      target: [...this.target].map(([memberId, tp]) => ({ memberId, partitions: toList(tp) })),
    };
  }

  /**
   * Loads a group record (a new group, before it serves): members come back with their epochs
   * and assignments, session timers (and revocation deadlines) starting now, as Kafka does.
   */
  restore(rec: GroupRecord): void {
    this.groupEpoch = rec.epoch;
    this.assignmentEpoch = rec.assignmentEpoch ?? rec.epoch;
    const tps = (v: unknown): TopicPartitions => fromList(Array.isArray(v)
      ? v.filter((x): x is { topicId: string; partitions: number[] } => typeof x?.topicId === 'string' && Array.isArray(x.partitions))
      : []);
    const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    const int = (v: unknown, d: number): number => (typeof v === 'number' && Number.isInteger(v) ? v : d);
    for (const r of rec.consumerMembers ?? []) {
      const m: ConsumerMember = {
        memberId: r.memberId, instanceId: str(r.instanceId), rackId: str(r.rackId), clientId: String(r.clientId ?? ''),
        clientHost: String(r.clientHost ?? ''), memberEpoch: int(r.memberEpoch, 0), previousMemberEpoch: int(r.previousMemberEpoch, -1),
        state: r.state === 'unrevoked' || r.state === 'unreleased' ? r.state : 'stable', rebalanceTimeoutMs: int(r.rebalanceTimeoutMs, 0),
        subscribedTopicNames: strings(r.subscribedTopicNames), subscribedTopicRegex: str(r.subscribedTopicRegex), serverAssignor: str(r.serverAssignor),
        assigned: tps(r.assigned), pendingRevocation: tps(r.pendingRevocation), lastSent: null, sessionTimer: null, revocationTimer: null,
      };
      this.members.set(m.memberId, m);
      this.touch(m);
      if (m.state === 'unrevoked') this.startRevocationTimer(m);
    }
    this.target = new Map((rec.target ?? []).filter((t) => this.members.has(t.memberId)).map((t) => [t.memberId, tps(t.partitions)]));
    this.metadataKey = this.computeMetadataKey();
  }

  targetOf(memberId: string): TopicPartitions {
    return this.target.get(memberId) ?? new Map();
  }

  shutdown(): void {
    for (const m of this.members.values()) {
      if (m.sessionTimer !== null) clearTimeout(m.sessionTimer);
      if (m.revocationTimer !== null) clearTimeout(m.revocationTimer);
      m.sessionTimer = null;
      m.revocationTimer = null;
    }
  }

  markDead(): void {
    this.shutdown();
    this.members.clear();
    this.target.clear();
    this.dead = true;
  }
}
