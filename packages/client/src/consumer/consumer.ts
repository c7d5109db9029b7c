// Consumer: manual assignment or group subscription (classic protocol with client-side assignors,
// or KIP-848), read with `for await (const record of consumer)` or `consumer.batches()`.
//
// This file holds the public API, the partitions' state and the wiring of the parts:
// fetcher.ts (the fetch loop), fetch-buffer.ts (fetched data waiting for the application),
// commits.ts (commits and auto commit), poll-watchdog.ts (maxPollIntervalMs), and a group
// membership with its own loop (membership.ts). Buffered data of a partition is dropped on seek,
// pause and revocation (and responses to fetches sent before).
//
// Offsets: `position` is the next offset to fetch; `consumed` the next offset to commit, which
// moves only when the application asks for the record after one (or leaves the loop), so a
// commit covers only what was processed.
import type { ConsumerMetrics, ConsumerPartitionLag } from '@tideline/observability';
import { ErrorCode } from '@tideline/protocol';
import { processRecord } from '@tideline/observability';
import { Cluster } from '../cluster.js';
import type { ThrottleStats } from '../connection.js';
import { Coordinators } from '../coordinator.js';
import { ClientError, ClientErrorCode } from '../errors.js';
import { fetchGroupOffsets } from '../group-admin.js';
import { tpKey, type TopicPartition } from '../partitions.js';
import type { ConsumerGroupMetadata, OffsetToCommit } from '../producer/transactions.js';
import { BUILTIN_ASSIGNORS, type Assignor } from './assignors.js';
import { ClassicMembership } from './classic-group.js';
import { Committer } from './commits.js';
import { ConsumerGroupMembership } from './consumer-group.js';
import { FetchBuffer, type Queued } from './fetch-buffer.js';
import { Fetcher } from './fetcher.js';
import type { Membership, MembershipHost } from './membership.js';
import { newPartitionState, type PartitionState } from './partition-state.js';
import { PollWatchdog } from './poll-watchdog.js';
import { resolveConsumerOptions, type ResolvedConsumerOptions } from './options.js';
import type { Assignment, CommittedOffset, ConsumerBatch, ConsumerOptions, ConsumerRecord, RebalanceListener, StartOffset } from './types.js';

export class Consumer {
  readonly cluster: Cluster;
  private readonly opts: ResolvedConsumerOptions;
  private readonly coordinators: Coordinators;
  private readonly parts = new Map<string, PartitionState>();
  private readonly buffer: FetchBuffer;
  private readonly fetcher: Fetcher;
  private readonly commits: Committer;
  private readonly watchdog: PollWatchdog;
  private error: unknown = null;
  private closed = false;
  private subscription: { topics: readonly string[] | null; pattern: RegExp | null } | null = null;
  private listener: RebalanceListener = {};
  private membership: Membership | null = null;
  /**
   * Rebalance callbacks (and so the application's listeners) run one at a time: close() and the
   * poll-timeout suspend revoke from outside the membership loop, and must not revoke a partition
   * whose onAssigned is still running (it may seek or pause it when it is done).
   */
  private rebalanceTurn: Promise<void> = Promise.resolve();
  /** unsubscribe() is leaving the group: nothing is assigned any more. */
  private leaving = false;
  /** close() started: nothing is assigned, and no auto commit timer starts again. */
  private closing = false;
  private readonly metrics: ConsumerMetrics | null;

  constructor(opts: ConsumerOptions) {
    const o = (this.opts = resolveConsumerOptions(opts));
    this.metrics = opts.metrics?.consumer({ clientId: opts.clientId, groupId: opts.groupId }, () => this.lag()) ?? null;
    this.cluster = new Cluster({ allowAutoTopicCreation: false, ...opts });
    this.coordinators = new Coordinators(this.cluster);
    this.buffer = new FetchBuffer(o.maxBufferedRecords, o.maxBufferedBytes, () => this.fetcher.wake());
    this.fetcher = new Fetcher({
      cluster: this.cluster,
      coordinators: this.coordinators,
      parts: this.parts,
      buffer: this.buffer,
      metrics: this.metrics,
      failed: (e) => {
        this.error = e;
        this.buffer.notify();
      },
    }, o);
    this.commits = new Committer({
      cluster: this.cluster,
      coordinators: this.coordinators,
      groupId: o.groupId,
      membership: () => this.membership,
      partitions: () => this.parts.values(),
    }, o.autoCommitIntervalMs);
    this.watchdog = new PollWatchdog(o.maxPollIntervalMs, () => {
      const m = this.membership;
      if (m === null) return false;
      this.cluster.log('warn', `group ${this.opts.groupId}: a record was held for more than maxPollIntervalMs (${o.maxPollIntervalMs} ms); leaving the group until the next one is asked for`);
      m.suspend().catch((e: unknown) => this.cluster.log('warn', `group ${this.opts.groupId}: leaving after the poll timeout failed`, e));
      return true;
    }, () => this.membership?.resume());
  }

  // ---- assignment ----------------------------------------------------------------------------

  /**
   * Manual assignment (replaces the current one). Partitions already assigned keep their position
   * unless an offset is given; new ones start at the group's committed offset (with a groupId),
   * else at `autoOffsetReset`.
   */
  assign(assignments: readonly Assignment[]): void {
    if (this.subscription !== null) throw new ClientError(ClientErrorCode.INVALID_STATE, 'assign() cannot be mixed with subscribe(); unsubscribe first');
    const next = new Map<string, PartitionState>();
    for (const a of assignments) {
      const k = tpKey(a.topic, a.partition);
      const old = this.parts.get(k);
      const s = old ?? newPartitionState(a.topic, a.partition);
      if (a.offset !== undefined || old === undefined) this.setPosition(s, a.offset);
      next.set(k, s);
    }
    for (const [k, s] of this.parts) {
      if (!next.has(k)) {
        s.generation++;
        this.buffer.drop(s);
      }
    }
    this.parts.clear();
    for (const [k, s] of next) this.parts.set(k, s);
    this.startAutoCommit();
    this.fetcher.wake();
  }

  /**
   * Joins the consumer group (`groupId`) for these topics, or every topic whose name matches a
   * pattern. Calling it again changes the subscription.
   */
  subscribe(topics: readonly string[] | RegExp, listener: RebalanceListener = {}): void {
    if (this.closing) throw new ClientError(ClientErrorCode.CLOSED, 'consumer closed');
    const groupId = this.opts.groupId;
    if (groupId === undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, 'subscribe() needs a groupId');
    if (this.subscription === null && this.parts.size > 0) throw new ClientError(ClientErrorCode.INVALID_STATE, 'subscribe() cannot be mixed with assign(); assign([]) first');
    this.subscription = topics instanceof RegExp ? { topics: null, pattern: topics } : { topics: [...topics], pattern: null };
    this.listener = listener;
    if (this.membership === null) {
      this.membership = this.createMembership(groupId);
      this.membership.start();
      this.startAutoCommit();
      this.watchdog.start();
    } else {
      this.membership.subscriptionChanged();
    }
    this.fetcher.start();
  }

  /** Leaves the group (revoking every partition) and stops fetching. */
  async unsubscribe(): Promise<void> {
    const m = this.membership;
    this.membership = null;
    this.leaving = true;
    try {
      if (m !== null) await m.close();
    } finally {
      this.leaving = false;
    }
    this.subscription = null;
    for (const s of this.parts.values()) {
      s.generation++;
      this.buffer.drop(s);
    }
    this.parts.clear();
  }

  private createMembership(groupId: string): Membership {
    const o = this.opts;
    const host: MembershipHost = {
      groupId,
      cluster: this.cluster,
      coordinators: this.coordinators,
      subscribedTopics: () => this.subscribedTopics(),
      subscribedPattern: () => this.subscription?.pattern ?? null,
      owned: () => [...this.parts.values()].filter((s) => !s.revoking).map((s) => ({ topic: s.topic, partition: s.partition })),
      assigned: (tps) => this.inTurn(() => this.onAssigned(tps)),
      revoked: (tps, lost) => this.inTurn(() => this.onRevoked(tps, lost)),
      fatal: (e) => {
        this.error = e;
        this.buffer.notify();
      },
    };
    const common = {
      groupInstanceId: o.groupInstanceId,
      rackId: o.rackId,
      rebalanceTimeoutMs: o.rebalanceTimeoutMs,
      retryBackoffMs: o.retryBackoffMs,
      retryBackoffMaxMs: o.retryBackoffMaxMs,
      metadataMaxAgeMs: o.metadataMaxAgeMs,
    };
    if (o.groupProtocol === 'consumer') {
      return new ConsumerGroupMembership(host, { ...common, remoteAssignor: o.remoteAssignor });
    }
    const assignors: Assignor[] = o.assignors.map((a) => {
      if (typeof a !== 'string') return a;
      const found = BUILTIN_ASSIGNORS[a];
      if (found === undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `unknown assignor ${a} (built in: ${Object.keys(BUILTIN_ASSIGNORS).join(', ')})`);
      return found;
    });
    return new ClassicMembership(host, {
      ...common,
      assignors,
      sessionTimeoutMs: o.sessionTimeoutMs,
      heartbeatIntervalMs: o.heartbeatIntervalMs,
    });
  }

  private async subscribedTopics(): Promise<string[]> {
    const sub = this.subscription;
    if (sub === null) return [];
    if (sub.topics !== null) return [...sub.topics];
    const res = await this.cluster.retry('metadata', () => this.cluster.refreshMetadata(null));
    const re = sub.pattern!;
    return res.topics
      .filter((t) => t.errorCode === ErrorCode.NONE && t.name !== null && !t.isInternal)
      .map((t) => t.name!)
      .filter((name) => {
        re.lastIndex = 0;
        return re.test(name);
      })
      .sort();
  }

  /** Runs a rebalance callback after those before it have finished. */
  private inTurn(fn: () => Promise<void>): Promise<void> {
    const p = this.rebalanceTurn.then(fn);
    this.rebalanceTurn = p.catch(() => undefined);
    return p;
  }

  private async onAssigned(tps: TopicPartition[]): Promise<void> {
    if (this.closing || this.leaving) return;
    for (const tp of tps) {
      const k = tpKey(tp.topic, tp.partition);
      if (this.parts.has(k)) continue;
      const s = newPartitionState(tp.topic, tp.partition);
      this.setPosition(s, undefined);
      this.parts.set(k, s);
    }
    this.fetcher.wake();
    await this.callListener(() => this.listener.onAssigned?.(tps));
  }

  /** A listener that throws does not break the membership: the error reaches the iterator. */
  private async callListener(fn: () => void | Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.error = e;
      this.buffer.notify();
    }
  }

  private async onRevoked(tps: TopicPartition[], lost: boolean): Promise<void> {
    const states: PartitionState[] = [];
    for (const tp of tps) {
      const s = this.parts.get(tpKey(tp.topic, tp.partition));
      if (s === undefined) continue;
      s.revoking = true;
      s.generation++;
      this.buffer.drop(s);
      states.push(s);
    }
    try {
      if (!lost && this.opts.autoCommit) {
        try {
          await this.commits.commitStates(states);
        } catch (e) {
          // The new owner starts from the last commit: records may be seen twice (at least once).
          this.cluster.log('warn', `group ${this.opts.groupId}: committing revoked partitions failed`, e);
        }
      }
      // The membership chose `tps` before its turn came: an earlier turn (close() after a
      // suspend, say) may have revoked some already. The listener hears of each partition once.
      const gone = states.length === tps.length ? tps : states.map((s) => ({ topic: s.topic, partition: s.partition }));
      if (tps.length > 0 && gone.length === 0) return;
      if (lost) await this.callListener(() => this.listener.onLost?.(gone));
      else await this.callListener(() => this.listener.onRevoked?.(gone));
    } finally {
      for (const s of states) this.parts.delete(tpKey(s.topic, s.partition));
    }
  }

  /** Currently assigned partitions. */
  /**
   * Quota throttling the brokers asked of this client (KIP-219): how many responses carried a
   * throttle time, their sum, max and latest (ms). While throttled, a connection holds its
   * queued requests. A live view, like Kafka's *-throttle-time-avg/max metrics.
   */
  get throttle(): Readonly<ThrottleStats> {
    return this.cluster.throttle;
  }

  assignment(): TopicPartition[] {
    return [...this.parts.values()].filter((s) => !s.revoking).map((s) => ({ topic: s.topic, partition: s.partition }));
  }

  /** The group membership, for Producer.sendOffsetsToTransaction (KIP-447 fencing). */
  groupMetadata(): ConsumerGroupMetadata {
    const groupId = this.opts.groupId;
    if (groupId === undefined) throw new ClientError(ClientErrorCode.INVALID_STATE, 'the consumer has no groupId');
    const m = this.membership;
    return { groupId, generationId: m?.generationId ?? -1, memberId: m?.memberId ?? '', groupInstanceId: m?.groupInstanceId ?? this.opts.groupInstanceId };
  }

  // ---- positions -----------------------------------------------------------------------------

  /** Moves a partition's position; buffered records of that partition are dropped. */
  seek(tp: TopicPartition & { offset: StartOffset }): void {
    const s = this.parts.get(tpKey(tp.topic, tp.partition));
    if (s === undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `${tp.topic}/${tp.partition} is not assigned`);
    this.buffer.drop(s);
    this.setPosition(s, tp.offset);
    this.fetcher.wake();
  }

  /** The next offset the application will see for a partition (null while unresolved). */
  position(tp: TopicPartition): bigint | null {
    const s = this.parts.get(tpKey(tp.topic, tp.partition));
    if (s === undefined) return null;
    return this.buffer.firstUndelivered(s) ?? s.position;
  }

  /** Records lag per assigned partition: the high watermark of the last fetch minus the position (for metrics). */
  private *lag(): Generator<ConsumerPartitionLag> {
    for (const s of this.parts.values()) {
      if (s.revoking || s.highWatermark < 0n) continue;
      const position = this.buffer.firstUndelivered(s) ?? s.position;
      if (position !== null) yield { topic: s.topic, partition: s.partition, lag: s.highWatermark > position ? s.highWatermark - position : 0n };
    }
  }

  pause(tps: readonly TopicPartition[]): void {
    for (const tp of tps) {
      const s = this.parts.get(tpKey(tp.topic, tp.partition));
      if (s === undefined || s.paused) continue;
      const first = this.buffer.firstUndelivered(s);
      this.buffer.drop(s);
      if (first !== null) s.position = first;
      s.paused = true;
      s.generation++;
    }
  }

  resume(tps: readonly TopicPartition[]): void {
    for (const tp of tps) {
      const s = this.parts.get(tpKey(tp.topic, tp.partition));
      if (s !== undefined) s.paused = false;
    }
    this.fetcher.wake();
  }

  paused(): TopicPartition[] {
    return [...this.parts.values()].filter((s) => s.paused).map((s) => ({ topic: s.topic, partition: s.partition }));
  }

  private setPosition(s: PartitionState, offset: StartOffset | undefined): void {
    s.generation++;
    if (offset === undefined) {
      s.position = null;
      s.reset = this.opts.groupId !== undefined ? 'committed' : this.opts.resetPolicy;
      s.consumed = null;
    } else if (offset === 'earliest' || offset === 'latest') {
      s.position = null;
      s.reset = offset;
      s.consumed = null;
    } else {
      s.position = BigInt(offset);
      s.reset = null;
      s.consumed = s.position;
    }
  }


  // ---- commits -------------------------------------------------------------------------------

  /**
   * Commits offsets to the group: the given ones, or else what was processed on every assigned
   * partition (the offset after the last record handed out and moved past).
   */
  async commit(offsets?: readonly OffsetToCommit[]): Promise<void> {
    if (offsets === undefined) {
      await this.commits.commitStates([...this.parts.values()]);
      return;
    }
    await this.commits.commitOffsets(offsets);
  }

  /** The group's committed offsets for these partitions. */
  async committed(tps: readonly TopicPartition[]): Promise<CommittedOffset[]> {
    const groupId = this.opts.groupId;
    if (groupId === undefined) throw new ClientError(ClientErrorCode.INVALID_STATE, 'committed() needs a groupId');
    return fetchGroupOffsets(this.cluster, this.coordinators, groupId, tps, { requireStable: true, backoffMs: this.opts.retryBackoffMs });
  }

  private startAutoCommit(): void {
    if (!this.opts.autoCommit || this.closing) return;
    this.commits.startAuto();
  }

  // ---- iteration -----------------------------------------------------------------------------

  /** Batches of records per partition, as fetched. A batch counts as processed once the next one is asked for. */
  async *batches(): AsyncGenerator<ConsumerBatch, void, undefined> {
    this.fetcher.start();
    for (;;) {
      const q = await this.nextQueued();
      if (q === null) return;
      q.pos = q.batch.records.length;
      this.buffer.current = q;
      this.watchdog.handOut();
      try {
        yield q.batch;
      } finally {
        this.watchdog.polled();
        this.buffer.current = null;
        if (q.state.generation === q.gen) q.state.consumed = q.nextOffset;
      }
    }
  }

  /**
   * Records one by one. A record counts as processed (and may be committed) once the next one is
   * asked for or the loop is left (`break`, `return` or an exception in its body).
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<ConsumerRecord, void, undefined> {
    this.fetcher.start();
    for (;;) {
      const q = await this.nextQueued();
      if (q === null) return;
      const records = q.batch.records;
      const s = q.state;
      this.buffer.current = q;
      try {
        while (q.pos < records.length) {
          const r = records[q.pos++]!;
          this.watchdog.handOut();
          yield r;
          this.watchdog.polled();
          if (s.generation !== q.gen) break;
          s.consumed = q.pos < records.length ? r.offset + 1n : q.nextOffset;
          if (this.closed) return;
        }
      } finally {
        this.watchdog.polled();
        this.buffer.current = null;
        // Left the loop after a record: it was handed out and the body is done with it.
        if (s.generation === q.gen && q.pos > 0) s.consumed = q.pos < records.length ? records[q.pos - 1]!.offset + 1n : q.nextOffset;
      }
    }
  }

  /**
   * Runs the application's processing of one record inside a CONSUMER span "process <topic>",
   * a child of the trace context in the record's headers (W3C traceparent); what `fn` sends
   * carries the same trace. Without an OpenTelemetry SDK registered it only calls `fn`.
   */
  process<T>(record: ConsumerRecord, fn: (record: ConsumerRecord) => T): T {
    return processRecord(record, () => fn(record), this.opts.groupId === undefined ? {} : { group: this.opts.groupId });
  }

  private async nextQueued(): Promise<Queued | null> {
    for (;;) {
      if (this.closed) return null;
      if (this.error !== null) {
        const e = this.error;
        this.error = null;
        throw e;
      }
      const q = this.buffer.take();
      if (q !== null) {
        this.metrics?.consumed(q.batch.topic, q.batch.records.length, q.bytes);
        return q;
      }
      await this.buffer.wait();
    }
  }

  // ---- close ---------------------------------------------------------------------------------

  /**
   * Commits what was processed (auto commit), leaves the group, stops fetching; iterators end.
   * A second call waits for the first (it used to close the connections under the first's
   * revocation and commits).
   */
  close(): Promise<void> {
    this.closingDone ??= this.doClose();
    return this.closingDone;
  }

  private closingDone: Promise<void> | null = null;

  private async doClose(): Promise<void> {
    this.closing = true;
    this.metrics?.close();
    const committing = this.commits.stopAuto();
    this.watchdog.stop();
    await committing;
    const m = this.membership;
    if (m !== null) {
      await m.close().catch((e: unknown) => this.cluster.log('warn', `group ${this.opts.groupId}: leaving failed`, e));
    } else if (this.opts.autoCommit) {
      await this.commits.commitStates([...this.parts.values()]).catch((e: unknown) => this.cluster.log('warn', `group ${this.opts.groupId}: commit on close failed`, e));
    }
    this.closed = true;
    this.fetcher.stop();
    this.buffer.notify();
    await this.cluster.close();
    await this.fetcher.stopped();
  }
}
