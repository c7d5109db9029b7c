// ShareConsumer: a member of a share group (KIP-932, "queues for Kafka"). Several members read
// the same partitions; the broker hands each record to one member at a time (an acquisition lock
// of share.record.lock.duration.ms) and the member acknowledges every record:
//   accept   done;
//   release  give it back now (delivered again, to any member, until the delivery limit);
//   reject   unprocessable: archived (never delivered again);
//   renew    keep it longer (the lock restarts; needs ShareAcknowledge v2, Kafka 4.4).
// Acknowledgement modes: 'implicit' (default) accepts every record of the previous poll that was
// not acknowledged, when poll is called again (or on commit/close); 'explicit' requires an
// acknowledgement of each record before the next poll.
// Acknowledgements ride on the next ShareFetch (poll) or go at once with commit(). A member
// heartbeats (ShareGroupHeartbeat) in the background; its share session per leader tracks the
// partitions it fetches. Records not acknowledged when a member dies come back after the lock.
import { ApiKey, ErrorCode, iterateBatches, isControl, type DecodedBatch } from '@tideline/protocol';
import { Backoff, sleep } from '../backoff.js';
import { Cluster, type ClusterOptions } from '../cluster.js';
import type { Connection } from '../connection.js';
import { Coordinators, coordinatorMoved } from '../coordinator.js';
import { ClientError, ClientErrorCode, KafkaError, isRetriable } from '../errors.js';
import type { ConsumerRecord } from '../consumer/types.js';
import { randomMemberId } from '../consumer/consumer-group.js';

export type AcknowledgeType = 'accept' | 'release' | 'reject' | 'renew';
const ACK_CODE: Readonly<Record<AcknowledgeType, number>> = { accept: 1, release: 2, reject: 3, renew: 4 };

export interface ShareRecord extends ConsumerRecord {
  /** 1 on the first delivery; the broker archives the record after share.delivery.count.limit. */
  deliveryCount: number;
}

export interface ShareConsumerOptions extends ClusterOptions {
  groupId: string;
  /** Default 'implicit'. */
  acknowledgementMode?: 'implicit' | 'explicit';
  /** Records one poll returns at most (ShareFetch MaxRecords). Default 500. */
  maxRecords?: number;
  /** Longest a ShareFetch waits for records. Default 500. */
  maxWaitMs?: number;
  /** Default 50 MiB. */
  maxBytes?: number;
  retryBackoffMs?: number;
  retryBackoffMaxMs?: number;
}

interface Session {
  epoch: number;
  /** "topicId:partition" keys the broker's session holds. */
  partitions: Set<string>;
}

interface PendingAck {
  offset: bigint;
  type: number;
}

const tpKeyOf = (topicId: string, partition: number): string => `${topicId}:${partition}`;

export class ShareConsumer {
  private readonly cluster: Cluster;
  private readonly coordinators: Coordinators;
  private readonly o: Required<Pick<ShareConsumerOptions, 'acknowledgementMode' | 'maxRecords' | 'maxWaitMs' | 'maxBytes' | 'retryBackoffMs' | 'retryBackoffMaxMs'>> & ShareConsumerOptions;
  private memberId = randomMemberId();
  private memberEpoch = 0;
  private heartbeatIntervalMs = 5000;
  private topics: string[] = [];
  /** Assigned partitions: key -> { topicId, topic, partition }. */
  private assigned = new Map<string, { topicId: string; topic: string; partition: number }>();
  private readonly sessions = new Map<number, Session>();
  /** Acknowledgements not yet sent, per partition key. */
  private readonly pending = new Map<string, PendingAck[]>();
  /** Records of the last poll not yet acknowledged (implicit mode accepts them). */
  private unacked = new Map<string, ShareRecord>();
  private loop: Promise<void> | null = null;
  private wakeLoop: (() => void) | null = null;
  private closed = false;
  private fatal: unknown = null;
  /** Set by the broker's answer: how long a lock lasts. */
  acquisitionLockTimeoutMs = 0;

  constructor(options: ShareConsumerOptions) {
    if (options.groupId === '') throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, 'groupId is empty');
    this.o = {
      acknowledgementMode: 'implicit', maxRecords: 500, maxWaitMs: 500, maxBytes: 50 * 1024 * 1024, retryBackoffMs: 100, retryBackoffMaxMs: 1000,
      ...options,
    };
    this.cluster = new Cluster(options);
    this.coordinators = new Coordinators(this.cluster);
  }

  /** Joins the share group with these topics (replacing the previous subscription). */
  async subscribe(topics: readonly string[]): Promise<void> {
    this.topics = [...new Set(topics)];
    if (this.loop === null) this.loop = this.run();
    this.wake();
  }

  /** Records acquired for this member (may be fewer than maxRecords, or none after maxWaitMs). */
  async poll(): Promise<ShareRecord[]> {
    this.check();
    if (this.o.acknowledgementMode === 'implicit') {
      for (const r of this.unacked.values()) this.queue(r, 'accept');
    } else if (this.unacked.size > 0) {
      throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `${this.unacked.size} records of the last poll are not acknowledged (explicit mode)`);
    }
    this.unacked.clear();
    if (this.assigned.size === 0) {
      await this.waitForAssignment(this.o.maxWaitMs);
      if (this.assigned.size === 0) return [];
    }
    const out: ShareRecord[] = [];
    const byLeader = await this.partitionsByLeader();
    // One ShareFetch per leader, in parallel; a single-node cluster has one.
    await Promise.all([...byLeader].map(async ([node, keys]) => {
      out.push(...(await this.fetchFrom(node, keys)));
    }));
    for (const r of out) this.unacked.set(`${r.topic}\0${r.partition}\0${r.offset}`, r);
    return out;
  }

  /** Acknowledges one record of the last poll; sent with the next poll or commit(). */
  acknowledge(record: ShareRecord, type: AcknowledgeType = 'accept'): void {
    const k = `${record.topic}\0${record.partition}\0${record.offset}`;
    if (type !== 'renew' && !this.unacked.delete(k)) {
      throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `record ${record.topic}-${record.partition}@${record.offset} is not awaiting an acknowledgement`);
    }
    this.queue(record, type);
  }

  /** Restarts the record's acquisition lock (ShareAcknowledge v2 RENEW); the record stays to be acknowledged. */
  async renew(record: ShareRecord): Promise<void> {
    this.queue(record, 'renew');
    await this.commit(true);
  }

  /** Sends the pending acknowledgements now (ShareAcknowledge); resolves with the per-partition errors (empty: all applied). */
  async commit(renewOnly = false): Promise<Map<string, KafkaError>> {
    this.check();
    if (!renewOnly && this.o.acknowledgementMode === 'implicit') {
      for (const r of this.unacked.values()) this.queue(r, 'accept');
      this.unacked.clear();
    }
    const errors = new Map<string, KafkaError>();
    const byLeader = await this.partitionsByLeader([...this.pending.keys()]);
    await Promise.all([...byLeader].map(async ([node, keys]) => {
      const s = this.sessions.get(node);
      if (s === undefined || s.epoch === 0) return; // no session: the locks expire and the records come back
      const conn = await this.cluster.nodeConnection(node);
      const topics = this.ackTopics(keys);
      const res = await conn.request(ApiKey.ShareAcknowledge, {
        groupId: this.o.groupId, memberId: this.memberId, shareSessionEpoch: s.epoch, isRenewAck: renewOnly, topics,
      });
      if (res.errorCode !== ErrorCode.NONE) {
        this.resetSession(node, res.errorCode);
        throw new KafkaError(res.errorCode, { broker: conn.label, message: res.errorMessage ?? 'ShareAcknowledge' });
      }
      s.epoch = nextEpoch(s.epoch);
      for (const t of res.responses) {
        for (const p of t.partitions) if (p.errorCode !== ErrorCode.NONE) errors.set(`${this.topicName(t.topicId)}-${p.partitionIndex}`, new KafkaError(p.errorCode, { broker: conn.label, message: p.errorMessage ?? 'acknowledge' }));
      }
    }));
    return errors;
  }

  /** Acknowledges what is pending (implicit mode: accepts the last poll's records), closes the share sessions and leaves the group. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.fatal === null) await this.commit().catch(() => undefined);
      for (const [node, s] of this.sessions) {
        if (s.epoch === 0) continue;
        const conn = await this.cluster.nodeConnection(node).catch(() => null);
        await conn?.request(ApiKey.ShareAcknowledge, { groupId: this.o.groupId, memberId: this.memberId, shareSessionEpoch: -1, topics: [] }).catch(() => undefined);
      }
      this.closed = true;
      this.wake();
      await this.loop?.catch(() => undefined);
      if (this.memberEpoch > 0) {
        const conn = await this.coordinators.connection('group', this.o.groupId).catch(() => null);
        await conn?.request(ApiKey.ShareGroupHeartbeat, { groupId: this.o.groupId, memberId: this.memberId, memberEpoch: -1, rackId: null, subscribedTopicNames: null }).catch(() => undefined);
      }
    } finally {
      this.closed = true;
      await this.cluster.close();
    }
  }

  // ---- internals ----

  private check(): void {
    if (this.fatal !== null) throw this.fatal;
    if (this.closed) throw new ClientError(ClientErrorCode.CLOSED, 'share consumer closed');
  }

  private queue(r: ShareRecord, type: AcknowledgeType): void {
    const topicId = this.cluster.topics.get(r.topic)?.topicId;
    if (topicId === undefined) return;
    const k = tpKeyOf(topicId, r.partition);
    let l = this.pending.get(k);
    if (l === undefined) this.pending.set(k, (l = []));
    l.push({ offset: r.offset, type: ACK_CODE[type] });
  }

  /** The pending acknowledgements of these partitions as wire batches (runs of one type), taken from the queue. */
  private ackTopics(keys: readonly string[]): Array<{ topicId: string; partitions: Array<{ partitionIndex: number; acknowledgementBatches: Array<{ firstOffset: bigint; lastOffset: bigint; acknowledgeTypes: number[] }> }> }> {
    const byTopic = new Map<string, Array<{ partitionIndex: number; acknowledgementBatches: Array<{ firstOffset: bigint; lastOffset: bigint; acknowledgeTypes: number[] }> }>>();
    for (const k of keys) {
      const acks = this.pending.get(k);
      if (acks === undefined || acks.length === 0) continue;
      this.pending.delete(k);
      acks.sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0));
      const batches: Array<{ firstOffset: bigint; lastOffset: bigint; acknowledgeTypes: number[] }> = [];
      for (const a of acks) {
        const last = batches[batches.length - 1];
        if (last !== undefined && last.lastOffset + 1n === a.offset && last.acknowledgeTypes[0] === a.type) last.lastOffset = a.offset;
        else if (last === undefined || last.lastOffset < a.offset) batches.push({ firstOffset: a.offset, lastOffset: a.offset, acknowledgeTypes: [a.type] });
      }
      const i = k.lastIndexOf(':');
      const topicId = k.slice(0, i);
      let l = byTopic.get(topicId);
      if (l === undefined) byTopic.set(topicId, (l = []));
      l.push({ partitionIndex: Number(k.slice(i + 1)), acknowledgementBatches: batches });
    }
    return [...byTopic].map(([topicId, partitions]) => ({ topicId, partitions }));
  }

  private topicName(topicId: string): string {
    for (const t of this.cluster.topics.values()) if (t.topicId === topicId) return t.name;
    return topicId;
  }

  /** Assigned partitions (and partitions with pending acknowledgements) grouped by leader node. */
  private async partitionsByLeader(extra: readonly string[] = []): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    const keys = new Set([...this.assigned.keys(), ...extra, ...this.pending.keys()]);
    for (const k of keys) {
      const i = k.lastIndexOf(':');
      const topic = this.topicName(k.slice(0, i));
      let info = this.cluster.topics.get(topic);
      if (info === undefined) info = await this.cluster.topic(topic, { refresh: true }).catch(() => undefined);
      const leader = info?.partitions[Number(k.slice(i + 1))]?.leader;
      if (leader === undefined || leader < 0) continue;
      let l = out.get(leader);
      if (l === undefined) out.set(leader, (l = []));
      l.push(k);
    }
    return out;
  }

  private resetSession(node: number, code: number): void {
    if (code === ErrorCode.SHARE_SESSION_NOT_FOUND || code === ErrorCode.INVALID_SHARE_SESSION_EPOCH || code === ErrorCode.UNKNOWN_MEMBER_ID) {
      this.sessions.delete(node);
    }
  }

  private async fetchFrom(node: number, keys: readonly string[]): Promise<ShareRecord[]> {
    let s = this.sessions.get(node);
    if (s === undefined) this.sessions.set(node, (s = { epoch: 0, partitions: new Set() }));
    const want = new Set(keys.filter((k) => this.assigned.has(k)));
    const conn: Connection = await this.cluster.nodeConnection(node);
    const acks = this.ackTopics(keys);
    const add = [...want].filter((k) => s.epoch === 0 || !s.partitions.has(k));
    const forgotten = s.epoch === 0 ? [] : [...s.partitions].filter((k) => !want.has(k));
    // Request topics: new partitions, and partitions carrying acknowledgements.
    const topics = new Map<string, Map<number, Array<{ firstOffset: bigint; lastOffset: bigint; acknowledgeTypes: number[] }>>>();
    const put = (k: string, batches: Array<{ firstOffset: bigint; lastOffset: bigint; acknowledgeTypes: number[] }>): void => {
      const i = k.lastIndexOf(':');
      const topicId = k.slice(0, i);
      let m = topics.get(topicId);
      if (m === undefined) topics.set(topicId, (m = new Map()));
      m.set(Number(k.slice(i + 1)), [...(m.get(Number(k.slice(i + 1))) ?? []), ...batches]);
    };
    for (const k of add) put(k, []);
    // An initial request carries no acknowledgements (a new session holds no records of ours).
    if (s.epoch !== 0) for (const t of acks) for (const p of t.partitions) put(tpKeyOf(t.topicId, p.partitionIndex), p.acknowledgementBatches);
    const byId = new Map<string, number[]>();
    for (const k of forgotten) {
      const i = k.lastIndexOf(':');
      byId.set(k.slice(0, i), [...(byId.get(k.slice(0, i)) ?? []), Number(k.slice(i + 1))]);
    }
    const res = await conn.request(ApiKey.ShareFetch, {
      groupId: this.o.groupId, memberId: this.memberId, shareSessionEpoch: s.epoch, maxWaitMs: this.o.maxWaitMs, minBytes: 1,
      maxBytes: this.o.maxBytes, maxRecords: this.o.maxRecords, batchSize: this.o.maxRecords,
      topics: [...topics].map(([topicId, m]) => ({ topicId, partitions: [...m].map(([partitionIndex, acknowledgementBatches]) => ({ partitionIndex, acknowledgementBatches })) })),
      forgottenTopicsData: [...byId].map(([topicId, partitions]) => ({ topicId, partitions })),
    }, { timeoutMs: this.o.maxWaitMs + 30_000 });
    if (res.errorCode !== ErrorCode.NONE) {
      this.resetSession(node, res.errorCode);
      if (isRetriable(new KafkaError(res.errorCode, { broker: conn.label, message: '' })) || res.errorCode === ErrorCode.UNKNOWN_MEMBER_ID || res.errorCode === ErrorCode.GROUP_ID_NOT_FOUND) return [];
      throw new KafkaError(res.errorCode, { broker: conn.label, message: res.errorMessage ?? 'ShareFetch' });
    }
    if (res.acquisitionLockTimeoutMs > 0) this.acquisitionLockTimeoutMs = res.acquisitionLockTimeoutMs;
    s.epoch = nextEpoch(s.epoch);
    s.partitions = new Set(want);
    const out: ShareRecord[] = [];
    for (const t of res.responses) {
      const topic = this.topicName(t.topicId);
      for (const p of t.partitions) {
        if (p.errorCode !== ErrorCode.NONE) {
          this.cluster.log('warn', `share fetch ${topic}-${p.partitionIndex}: ${p.errorMessage ?? p.errorCode}`);
          continue;
        }
        if (p.acknowledgeErrorCode !== ErrorCode.NONE) this.cluster.log('warn', `acknowledgements of ${topic}-${p.partitionIndex} failed: ${p.acknowledgeErrorMessage ?? p.acknowledgeErrorCode}`);
        if (p.records === null || p.records.length === 0 || p.acquiredRecords.length === 0) continue;
        const ranges = p.acquiredRecords;
        for (const batch of iterateBatches(p.records) as Iterable<DecodedBatch>) {
          if (isControl(batch.header.attributes)) continue;
          for (const r of batch.records) {
            const range = ranges.find((a) => r.offset >= a.firstOffset && r.offset <= a.lastOffset);
            if (range === undefined) continue;
            out.push({ topic, partition: p.partitionIndex, offset: r.offset, timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers, deliveryCount: range.deliveryCount });
          }
        }
      }
    }
    return out;
  }

  private wake(): void {
    const w = this.wakeLoop;
    this.wakeLoop = null;
    w?.();
  }

  private async waitForAssignment(ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (this.assigned.size === 0 && Date.now() < end && !this.closed && this.fatal === null) await sleep(20, { unref: true });
  }

  private async run(): Promise<void> {
    const backoff = new Backoff({ initialMs: this.o.retryBackoffMs, maxMs: this.o.retryBackoffMaxMs });
    while (!this.closed) {
      try {
        await this.heartbeat();
        backoff.reset();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.heartbeatIntervalMs);
          timer.unref();
          this.wakeLoop = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      } catch (e) {
        if (this.closed) return;
        this.coordinators.onError('group', this.o.groupId, e);
        if (!isRetriable(e) && !coordinatorMoved(e)) {
          this.fatal = e;
          return;
        }
        await sleep(backoff.next(), { unref: true });
      }
    }
  }

  private async heartbeat(): Promise<void> {
    const conn = await this.coordinators.connection('group', this.o.groupId);
    const res = await conn.request(ApiKey.ShareGroupHeartbeat, {
      groupId: this.o.groupId, memberId: this.memberId, memberEpoch: this.memberEpoch, rackId: null,
      subscribedTopicNames: this.topics,
    });
    if (this.closed) return;
    if (res.errorCode === ErrorCode.FENCED_MEMBER_EPOCH || res.errorCode === ErrorCode.UNKNOWN_MEMBER_ID) {
      this.memberEpoch = 0;
      this.assigned.clear();
      this.wake();
      return;
    }
    if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label, message: res.errorMessage ?? `ShareGroupHeartbeat for group ${this.o.groupId}` });
    if (res.memberId !== null && res.memberId !== '') this.memberId = res.memberId;
    this.memberEpoch = res.memberEpoch;
    if (res.heartbeatIntervalMs > 0) this.heartbeatIntervalMs = res.heartbeatIntervalMs;
    if (res.assignment !== null) {
      await this.cluster.refreshMetadata(null);
      const next = new Map<string, { topicId: string; topic: string; partition: number }>();
      for (const t of res.assignment.topicPartitions) {
        const topic = this.topicName(t.topicId);
        for (const partition of t.partitions) next.set(tpKeyOf(t.topicId, partition), { topicId: t.topicId, topic, partition });
      }
      this.assigned = next;
    }
  }
}

function nextEpoch(e: number): number {
  return e === 0x7fffffff ? 1 : e + 1;
}
