// Classic group membership (JoinGroup / SyncGroup / Heartbeat / LeaveGroup) with client-side
// assignors, eager or cooperative (KIP-429), and static membership (KIP-345). One async loop per
// consumer: join when needed, otherwise heartbeat every `heartbeatIntervalMs`; the application's
// record processing never delays it.
//
// Eager: every owned partition is revoked before joining. Cooperative: only partitions the new
// assignment no longer holds are revoked (after SyncGroup), followed by another join so the
// leader can hand them to their new owner. A reset generation (ILLEGAL_GENERATION,
// UNKNOWN_MEMBER_ID) means the partitions were lost (no commit, onLost).
import { ApiKey, ErrorCode, type ApiTypes } from '@tideline/protocol';
import type { Connection } from '../connection.js';
import { Backoff, sleep } from '../backoff.js';
import { coordinatorMoved } from '../coordinator.js';
import { ClientError, ClientErrorCode, KafkaError, isRetriable } from '../errors.js';
import { tpKey, type TopicPartition } from '../partitions.js';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription, type Assignor, type GroupMember } from './assignors.js';
import type { Membership, MembershipHost } from './membership.js';

export interface ClassicOptions {
  assignors: readonly Assignor[];
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  groupInstanceId: string | null;
  rackId: string | null;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  /** How often the subscription (patterns) and, on the leader, partition counts are re-checked. */
  metadataMaxAgeMs: number;
}

/** Signals "rejoin now" out of the join/sync steps. */
class Rejoin extends Error {}

export class ClassicMembership implements Membership {
  memberId = '';
  generationId = -1;
  private protocolName: string | null = null;
  private rejoinNeeded = true;
  private stable = false;
  private closed = false;
  private loop: Promise<void> | null = null;
  private wakeLoop: (() => void) | null = null;
  private beatWake: (() => void) | null = null;
  /** From JoinGroup until SyncGroup answered: no heartbeats then. */
  private inRebalance = false;
  /** Out of the group after a poll timeout, until the application polls again. */
  private suspended = false;
  private readonly rebalance: 'eager' | 'cooperative';
  /** Leader only: partition counts the last assignment was computed from. */
  private leaderSnapshot: Map<string, number> | null = null;
  /** The topics the last JoinGroup subscribed to. */
  private joinedTopics: string[] = [];
  private nextMetadataCheck = 0;
  /** The coordinator connection while a JoinGroup/SyncGroup is parked on it. */
  private joiningOn: Connection | null = null;

  constructor(private readonly host: MembershipHost, private readonly o: ClassicOptions) {
    if (o.assignors.length === 0) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, 'at least one assignor is needed');
    this.rebalance = o.assignors.every((a) => a.protocol === 'cooperative') ? 'cooperative' : 'eager';
  }

  get groupInstanceId(): string | null {
    return this.o.groupInstanceId;
  }

  start(): void {
    if (this.loop !== null) return;
    this.loop = this.run();
  }

  subscriptionChanged(): void {
    this.requestRejoin();
  }

  private requestRejoin(): void {
    this.rejoinNeeded = true;
    this.wake();
  }

  private wake(): void {
    const w = this.wakeLoop;
    this.wakeLoop = null;
    w?.();
  }

  private resetGeneration(resetMemberId: boolean): void {
    this.generationId = -1;
    this.stable = false;
    if (resetMemberId) this.memberId = '';
    this.rejoinNeeded = true;
  }

  get rebalancing(): boolean {
    return this.inRebalance;
  }

  onCommitError(e: unknown): void {
    if (!(e instanceof KafkaError)) return;
    if (e.errorCode === ErrorCode.ILLEGAL_GENERATION) this.resetGeneration(false);
    else if (e.errorCode === ErrorCode.UNKNOWN_MEMBER_ID) this.resetGeneration(true);
    else if (e.errorCode === ErrorCode.REBALANCE_IN_PROGRESS && !this.inRebalance) this.requestRejoin();
    else return;
    this.wake();
  }

  private async coordinator(): Promise<Connection> {
    return this.host.coordinators.connection('group', this.host.groupId);
  }

  async suspend(): Promise<void> {
    if (this.suspended || this.closed) return;
    this.suspended = true;
    this.joiningOn?.close();
    if (this.o.groupInstanceId === null && this.memberId !== '') await this.leaveGroup('the consumer poll timeout expired');
    this.resetGeneration(this.o.groupInstanceId === null);
    const owned = this.host.owned();
    if (owned.length > 0) await this.host.revoked(owned, true);
  }

  resume(): void {
    if (!this.suspended) return;
    this.suspended = false;
    this.requestRejoin();
  }

  private async leaveGroup(reason: string): Promise<void> {
    try {
      const conn = await this.coordinator();
      await conn.request(ApiKey.LeaveGroup, {
        groupId: this.host.groupId,
        memberId: this.memberId,
        members: [{ memberId: this.memberId, groupInstanceId: null, reason }],
      }, { timeoutMs: 5000 });
    } catch (e) {
      this.host.cluster.log('info', `group ${this.host.groupId}: LeaveGroup failed (the session timeout removes the member)`, e);
    }
  }

  private async run(): Promise<void> {
    const beating = this.beat();
    const backoff = new Backoff({ initialMs: this.o.retryBackoffMs, maxMs: this.o.retryBackoffMaxMs });
    while (!this.closed) {
      try {
        if (this.suspended) {
          await this.idle(60_000);
        } else if (this.rejoinNeeded) {
          try {
            await this.join();
          } catch (e) {
            // Whatever failed (coordinator lookup, JoinGroup, SyncGroup), joining is still needed.
            this.rejoinNeeded = true;
            throw e;
          }
        } else {
          await this.idle(Math.max(1, this.nextMetadataCheck - Date.now()));
          if (this.closed || this.rejoinNeeded) continue;
          if (Date.now() >= this.nextMetadataCheck) await this.checkMetadata();
        }
        backoff.reset();
      } catch (e) {
        if (this.closed) break;
        if (e instanceof Rejoin) continue;
        this.host.coordinators.onError('group', this.host.groupId, e);
        if (!this.retriable(e)) {
          this.fatal(e);
          break;
        }
        const ms = backoff.next();
        this.host.cluster.log('info', `group ${this.host.groupId}: join failed, retrying in ${ms} ms`, e);
        await sleep(ms, { unref: true });
      }
    }
    this.wakeBeat();
    await beating;
  }

  private retriable(e: unknown): boolean {
    return isRetriable(e) || coordinatorMoved(e) || (e instanceof KafkaError && e.errorCode === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
  }

  private fatal(e: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.wake();
    this.wakeBeat();
    this.host.fatal(e);
  }

  /**
   * Heartbeats every `heartbeatIntervalMs` while the member has a generation and no
   * JoinGroup/SyncGroup is in flight, whatever the join loop, the rebalance listeners or the
   * application are doing. An error that calls for a rejoin wakes the join loop.
   */
  private async beat(): Promise<void> {
    while (!this.closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.beatWake = null;
          resolve();
        }, this.o.heartbeatIntervalMs);
        this.beatWake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.closed) return;
      if (this.generationId < 0 || this.memberId === '' || this.inRebalance || this.suspended) continue;
      try {
        await this.heartbeat();
        if (this.rejoinNeeded) this.wake();
      } catch (e) {
        if (this.closed) return;
        this.host.coordinators.onError('group', this.host.groupId, e);
        if (!this.retriable(e)) this.fatal(e);
        else this.host.cluster.log('debug', `group ${this.host.groupId}: heartbeat failed`, e);
      }
    }
  }

  private wakeBeat(): void {
    const w = this.beatWake;
    this.beatWake = null;
    w?.();
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeLoop = null;
        resolve();
      }, ms);
      this.wakeLoop = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async heartbeat(): Promise<void> {
    const conn = await this.coordinator();
    const res = await conn.request(ApiKey.Heartbeat, { groupId: this.host.groupId, generationId: this.generationId, memberId: this.memberId, groupInstanceId: this.o.groupInstanceId });
    this.handleMembershipError(res.errorCode, conn, 'Heartbeat');
  }

  /** Rejoin-type errors set the state and return; fatal and retriable ones throw. */
  private handleMembershipError(code: number, conn: Connection, what: string): void {
    switch (code) {
      case ErrorCode.NONE:
        return;
      case ErrorCode.REBALANCE_IN_PROGRESS:
        this.rejoinNeeded = true;
        return;
      case ErrorCode.ILLEGAL_GENERATION:
        this.resetGeneration(false);
        return;
      case ErrorCode.UNKNOWN_MEMBER_ID:
        this.resetGeneration(true);
        return;
      default:
        throw new KafkaError(code, { broker: conn.label, message: `${what} for group ${this.host.groupId}` });
    }
  }

  /** Pattern subscriptions gaining or losing topics, and (leader) partition counts changing, need a rebalance. */
  private async checkMetadata(): Promise<void> {
    this.nextMetadataCheck = Date.now() + this.o.metadataMaxAgeMs;
    const topics = await this.host.subscribedTopics();
    if (!sameSet(topics, this.joinedTopics)) {
      this.rejoinNeeded = true;
      return;
    }
    const snap = this.leaderSnapshot;
    if (snap === null) return;
    const counts = await this.partitionCounts([...snap.keys()]);
    for (const [t, n] of snap) if ((counts.get(t) ?? -1) !== n) this.rejoinNeeded = true;
  }

  private async partitionCounts(topics: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (topics.length === 0) return counts;
    const res = await this.host.cluster.refreshMetadata(topics);
    for (const t of res.topics) if (t.errorCode === ErrorCode.NONE && t.name !== null) counts.set(t.name, t.partitions.length);
    return counts;
  }

  private async join(): Promise<void> {
    // Prepare: lose (no generation) or revoke (eager: everything; cooperative: unsubscribed topics).
    const topics = await this.host.subscribedTopics();
    const owned = this.host.owned();
    if (owned.length > 0) {
      if (this.generationId < 0 || this.memberId === '') {
        await this.host.revoked(owned, true);
      } else if (this.rebalance === 'eager') {
        await this.host.revoked(owned, false);
      } else {
        const gone = owned.filter((tp) => !topics.includes(tp.topic));
        if (gone.length > 0) await this.host.revoked(gone, false);
      }
    }
    this.stable = false;
    this.rejoinNeeded = false;
    this.joinedTopics = topics;
    const stillOwned = this.host.owned();

    const conn = await this.coordinator();
    const protocols = this.o.assignors.map((a) => ({
      name: a.name,
      metadata: encodeSubscription({
        topics,
        userData: a.userData?.({ generationId: this.generationId, owned: stillOwned }) ?? null,
        owned: stillOwned,
        generationId: this.generationId,
        rackId: this.o.rackId,
      }),
    }));
    let res: ApiTypes[11]['response'];
    this.joiningOn = conn;
    this.inRebalance = true;
    try {
      res = await this.joinGroup(conn, protocols);
    } catch (e) {
      this.inRebalance = false;
      throw e;
    } finally {
      this.joiningOn = null;
    }
    switch (res.errorCode) {
      case ErrorCode.NONE:
        break;
      case ErrorCode.UNKNOWN_MEMBER_ID:
        this.inRebalance = false;
        this.resetGeneration(true);
        throw new Rejoin();
      case ErrorCode.ILLEGAL_GENERATION:
        this.inRebalance = false;
        this.resetGeneration(false);
        throw new Rejoin();
      case ErrorCode.REBALANCE_IN_PROGRESS:
        this.inRebalance = false;
        this.rejoinNeeded = true;
        throw new Rejoin();
      default:
        this.inRebalance = false;
        this.rejoinNeeded = true;
        throw new KafkaError(res.errorCode, { broker: conn.label, message: `JoinGroup for group ${this.host.groupId}` });
    }
    this.memberId = res.memberId;
    this.generationId = res.generationId;
    this.protocolName = res.protocolName;

    let sync: ApiTypes[14]['response'];
    try {
      let assignments: Array<{ memberId: string; assignment: Buffer }> = [];
      this.leaderSnapshot = null;
      if (res.leader === this.memberId && !res.skipAssignment) {
        assignments = await this.assign(res.members);
      } else if (res.leader === this.memberId) {
        // KIP-814: a static leader rejoining keeps the assignment; watch metadata anyway.
        const members = res.members.map((m) => decodeSubscription(m.memberId, m.groupInstanceId, m.metadata));
        const all = [...new Set(members.flatMap((m) => m.topics))];
        const counts = await this.partitionCounts(all);
        this.leaderSnapshot = new Map(all.map((t) => [t, counts.get(t) ?? -1]));
      }
      this.joiningOn = conn;
      sync = await conn.request(ApiKey.SyncGroup, {
        groupId: this.host.groupId,
        generationId: this.generationId,
        memberId: this.memberId,
        groupInstanceId: this.o.groupInstanceId,
        protocolType: 'consumer',
        protocolName: this.protocolName,
        assignments,
      }, { timeoutMs: this.o.rebalanceTimeoutMs + 5000 });
    } catch (e) {
      // The generation may still be good: rejoining with it keeps the partitions (cooperative).
      this.rejoinNeeded = true;
      throw e;
    } finally {
      this.joiningOn = null;
      this.inRebalance = false;
    }
    if (sync.errorCode !== ErrorCode.NONE) {
      this.handleMembershipError(sync.errorCode, conn, 'SyncGroup');
      this.rejoinNeeded = true;
      throw new Rejoin();
    }
    const assigned = decodeAssignment(sync.assignment);
    this.host.cluster.log('info', `group ${this.host.groupId}: generation ${this.generationId} (${this.protocolName}), ${assigned.length} partition(s) assigned${res.leader === this.memberId ? ', leader' : ''}`);
    this.stable = true;
    this.nextMetadataCheck = Date.now() + this.o.metadataMaxAgeMs;
    await this.apply(assigned);
  }

  private async joinGroup(conn: Connection, protocols: Array<{ name: string; metadata: Buffer }>): Promise<ApiTypes[11]['response']> {
    for (;;) {
      const res = await conn.request(ApiKey.JoinGroup, {
        groupId: this.host.groupId,
        sessionTimeoutMs: this.o.sessionTimeoutMs,
        rebalanceTimeoutMs: this.o.rebalanceTimeoutMs,
        memberId: this.memberId,
        groupInstanceId: this.o.groupInstanceId,
        protocolType: 'consumer',
        protocols,
        reason: null,
      }, { timeoutMs: this.o.rebalanceTimeoutMs + 5000 });
      if (this.closed) throw new Rejoin();
      if (res.errorCode !== ErrorCode.MEMBER_ID_REQUIRED) return res;
      // KIP-394: join again with the id the coordinator gave us.
      this.memberId = res.memberId;
    }
  }

  private async apply(assigned: TopicPartition[]): Promise<void> {
    const want = new Set(assigned.map((tp) => tpKey(tp.topic, tp.partition)));
    const owned = this.host.owned();
    const have = new Set(owned.map((tp) => tpKey(tp.topic, tp.partition)));
    const revoked = owned.filter((tp) => !want.has(tpKey(tp.topic, tp.partition)));
    const added = assigned.filter((tp) => !have.has(tpKey(tp.topic, tp.partition)));
    if (revoked.length > 0) {
      await this.host.revoked(revoked, false);
      // Cooperative: the revoked partitions go to their new owner in the next generation.
      this.rejoinNeeded = true;
    }
    await this.host.assigned(added);
  }

  /** Leader: decode the subscriptions and run the group's assignor. */
  private async assign(rawMembers: ApiTypes[11]['response']['members']): Promise<Array<{ memberId: string; assignment: Buffer }>> {
    const assignor = this.o.assignors.find((a) => a.name === this.protocolName);
    if (assignor === undefined) throw new KafkaError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, { message: `the group chose assignor ${this.protocolName}, which this consumer does not have` });
    const members: GroupMember[] = rawMembers.map((m) => decodeSubscription(m.memberId, m.groupInstanceId, m.metadata));
    const topics = [...new Set(members.flatMap((m) => m.topics))];
    const counts = await this.partitionCounts(topics);
    // Topics that do not exist yet are watched too (-1): their creation needs a rebalance.
    this.leaderSnapshot = new Map(topics.map((t) => [t, counts.get(t) ?? -1]));
    const result = assignor.assign(members, counts);
    return members.map((m) => ({ memberId: m.memberId, assignment: encodeAssignment(result.get(m.memberId) ?? []) }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake();
    this.wakeBeat();
    // A JoinGroup parked at a broker that answers one request per connection at a time would hold
    // the LeaveGroup behind it: drop that connection (the next request opens another).
    this.joiningOn?.close();
    const owned = this.host.owned();
    if (owned.length > 0) await this.host.revoked(owned, this.generationId < 0).catch(() => undefined);
    // Static members keep their place until the session times out (KIP-345).
    if (this.o.groupInstanceId === null && this.memberId !== '' && !this.suspended) await this.leaveGroup('the consumer is closing');
    this.memberId = '';
    this.generationId = -1;
    await this.loop?.catch(() => undefined);
  }

  get isStable(): boolean {
    return this.stable;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}
