// KIP-848 membership (group.protocol=consumer): one ConsumerGroupHeartbeat loop. The broker
// computes the assignment (server-side assignor); the member reconciles: partitions no longer
// assigned are revoked (committed, onRevoked) before the new ones are taken, and the next
// heartbeat reports what the member owns. A fenced epoch (FENCED_MEMBER_EPOCH,
// UNKNOWN_MEMBER_ID) loses the partitions and joins again at epoch 0.
import { randomBytes } from 'node:crypto';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { Backoff, sleep } from '../backoff.js';
import { coordinatorMoved } from '../coordinator.js';
import { KafkaError, isRetriable } from '../errors.js';
import { tpKey, type TopicPartition } from '../partitions.js';
import type { Membership, MembershipHost } from './membership.js';

export interface ConsumerGroupOptions {
  groupInstanceId: string | null;
  rackId: string | null;
  rebalanceTimeoutMs: number;
  remoteAssignor: string | null;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  metadataMaxAgeMs: number;
}

/** A random v4 UUID in Kafka's base64url text form (KIP-1082: members pick their own id). */
export function randomMemberId(): string {
  for (;;) {
    const b = randomBytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const id = b.toString('base64url');
    // As Kafka's Uuid.randomUuid: never an id that starts with '-'.
    if (!id.startsWith('-')) return id;
  }
}

export class ConsumerGroupMembership implements Membership {
  memberId: string;
  private memberEpoch = 0;
  private heartbeatIntervalMs = 5000;
  private closed = false;
  private loop: Promise<void> | null = null;
  private wakeLoop: (() => void) | null = null;
  private subscribedTopics: string[] = [];
  private nextMetadataCheck = 0;
  private sendNow = true;
  private suspended = false;

  constructor(private readonly host: MembershipHost, private readonly o: ConsumerGroupOptions) {
    this.memberId = randomMemberId();
  }

  get generationId(): number {
    return this.memberEpoch > 0 ? this.memberEpoch : -1;
  }

  get groupInstanceId(): string | null {
    return this.o.groupInstanceId;
  }

  readonly rebalancing = false;

  start(): void {
    if (this.loop !== null) return;
    this.loop = this.run();
  }

  subscriptionChanged(): void {
    this.nextMetadataCheck = 0;
    this.sendNow = true;
    this.wake();
  }

  onCommitError(e: unknown): void {
    if (e instanceof KafkaError && (e.errorCode === ErrorCode.STALE_MEMBER_EPOCH || e.errorCode === ErrorCode.UNKNOWN_MEMBER_ID)) {
      this.sendNow = true;
      this.wake();
    }
  }

  private wake(): void {
    const w = this.wakeLoop;
    this.wakeLoop = null;
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

  async suspend(): Promise<void> {
    if (this.suspended || this.closed) return;
    this.suspended = true;
    if (this.memberEpoch > 0) await this.leave();
    this.memberEpoch = 0;
    const owned = this.host.owned();
    if (owned.length > 0) await this.host.revoked(owned, true);
  }

  resume(): void {
    if (!this.suspended) return;
    this.suspended = false;
    this.sendNow = true;
    this.wake();
  }

  private async run(): Promise<void> {
    const backoff = new Backoff({ initialMs: this.o.retryBackoffMs, maxMs: this.o.retryBackoffMaxMs });
    while (!this.closed) {
      try {
        if (this.suspended) {
          await this.idle(60_000);
          continue;
        }
        if (!this.sendNow) await this.idle(this.heartbeatIntervalMs);
        if (this.closed || this.suspended) continue;
        this.sendNow = false;
        if (Date.now() >= this.nextMetadataCheck) {
          this.subscribedTopics = await this.host.subscribedTopics();
          this.nextMetadataCheck = Date.now() + this.o.metadataMaxAgeMs;
        }
        await this.heartbeat();
        backoff.reset();
      } catch (e) {
        if (this.closed) return;
        this.host.coordinators.onError('group', this.host.groupId, e);
        if (!isRetriable(e) && !coordinatorMoved(e) && !(e instanceof KafkaError && (e.errorCode === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS || e.errorCode === ErrorCode.UNRELEASED_INSTANCE_ID))) {
          this.closed = true;
          this.host.fatal(e);
          return;
        }
        const ms = backoff.next();
        this.host.cluster.log('debug', `group ${this.host.groupId}: heartbeat failed, retrying in ${ms} ms`, e);
        await sleep(ms, { unref: true });
        this.sendNow = true;
      }
    }
  }

  private ownedByTopicId(): Array<{ topicId: string; partitions: number[] }> {
    const m = new Map<string, number[]>();
    for (const tp of this.host.owned()) {
      const id = this.host.cluster.topics.get(tp.topic)?.topicId;
      if (id === undefined) continue;
      let l = m.get(id);
      if (l === undefined) m.set(id, (l = []));
      l.push(tp.partition);
    }
    return [...m].map(([topicId, partitions]) => ({ topicId, partitions }));
  }

  private async heartbeat(): Promise<void> {
    const conn = await this.host.coordinators.connection('group', this.host.groupId);
    const res = await conn.request(ApiKey.ConsumerGroupHeartbeat, {
      groupId: this.host.groupId,
      memberId: this.memberId,
      memberEpoch: this.memberEpoch,
      instanceId: this.o.groupInstanceId,
      rackId: this.o.rackId,
      rebalanceTimeoutMs: this.o.rebalanceTimeoutMs,
      subscribedTopicNames: this.subscribedTopics,
      subscribedTopicRegex: null,
      serverAssignor: this.o.remoteAssignor,
      topicPartitions: this.ownedByTopicId(),
    });
    if (this.closed) return;
    if (res.errorCode === ErrorCode.FENCED_MEMBER_EPOCH || res.errorCode === ErrorCode.UNKNOWN_MEMBER_ID) {
      // Fenced: the partitions already belong to others. Join again at epoch 0.
      const owned = this.host.owned();
      if (owned.length > 0) await this.host.revoked(owned, true);
      this.memberEpoch = 0;
      this.sendNow = true;
      return;
    }
    if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label, message: res.errorMessage ?? `ConsumerGroupHeartbeat for group ${this.host.groupId}` });
    if (res.memberId !== null && res.memberId !== '') this.memberId = res.memberId;
    this.memberEpoch = res.memberEpoch;
    if (res.heartbeatIntervalMs > 0) this.heartbeatIntervalMs = res.heartbeatIntervalMs;
    if (res.assignment !== null) await this.reconcile(res.assignment.topicPartitions);
  }

  private async reconcile(target: ReadonlyArray<{ topicId: string; partitions: number[] }>): Promise<void> {
    let names = this.topicNames();
    if (target.some((t) => !names.has(t.topicId))) {
      await this.host.cluster.refreshMetadata(null);
      names = this.topicNames();
    }
    const assigned: TopicPartition[] = [];
    for (const t of target) {
      const topic = names.get(t.topicId);
      if (topic === undefined) continue; // deleted meanwhile; the next assignment drops it
      for (const partition of t.partitions) assigned.push({ topic, partition });
    }
    const want = new Set(assigned.map((tp) => tpKey(tp.topic, tp.partition)));
    const owned = this.host.owned();
    const have = new Set(owned.map((tp) => tpKey(tp.topic, tp.partition)));
    const revoked = owned.filter((tp) => !want.has(tpKey(tp.topic, tp.partition)));
    const added = assigned.filter((tp) => !have.has(tpKey(tp.topic, tp.partition)));
    if (revoked.length > 0) await this.host.revoked(revoked, false);
    if (added.length > 0 || revoked.length > 0) {
      await this.host.assigned(added);
      // Acknowledge the reconciliation right away so the group can move on.
      this.sendNow = true;
    }
  }

  private topicNames(): Map<string, string> {
    const m = new Map<string, string>();
    for (const t of this.host.cluster.topics.values()) m.set(t.topicId, t.name);
    return m;
  }

  /** Epoch -1 leaves; -2 (static members) keeps the assignment for the instance id's return. */
  private async leave(): Promise<void> {
    try {
      const conn = await this.host.coordinators.connection('group', this.host.groupId);
      await conn.request(ApiKey.ConsumerGroupHeartbeat, {
        groupId: this.host.groupId,
        memberId: this.memberId,
        memberEpoch: this.o.groupInstanceId === null ? -1 : -2,
        instanceId: this.o.groupInstanceId,
        rackId: null,
        rebalanceTimeoutMs: -1,
        subscribedTopicNames: null,
        subscribedTopicRegex: null,
        serverAssignor: null,
        topicPartitions: null,
      }, { timeoutMs: 5000 });
    } catch (e) {
      this.host.cluster.log('info', `group ${this.host.groupId}: leaving failed (the session timeout removes the member)`, e);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake();
    const owned = this.host.owned();
    if (owned.length > 0) await this.host.revoked(owned, this.memberEpoch <= 0).catch(() => undefined);
    if (this.memberEpoch > 0) await this.leave();
    this.memberEpoch = 0;
    await this.loop?.catch(() => undefined);
  }
}
