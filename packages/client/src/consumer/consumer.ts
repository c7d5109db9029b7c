// Consumer: manual assignment or group subscription (classic protocol with client-side assignors,
// or KIP-848), read with `for await (const record of consumer)` or `consumer.batches()`.
//
// A background loop keeps one Fetch in flight per leader of the fetchable partitions (each leader
// on its own: a slow broker does not hold back the others), with incremental fetch sessions, and
// starts no new fetch while `maxBufferedRecords` or `maxBufferedBytes` are waiting. The next fetch
// goes out as soon as a response's batch headers are read, before the application is woken to
// decode and process it, so the broker prepares the next response meanwhile. Buffered data of a
// partition is dropped on seek, pause and revocation (and responses to fetches sent before).
// A group membership runs its own loop (see membership.ts).
//
// Offsets: `position` is the next offset to fetch; `consumed` the next offset to commit, which
// moves only when the application asks for the record after one (or leaves the loop), so a
// commit covers only what was processed.
import { ApiKey, type ApiTypes } from '@tideline/protocol';
import { listOffsets } from '../admin.js';
import { Cluster, type TopicInfo } from '../cluster.js';
import { Coordinators, coordinatorMoved } from '../coordinator.js';
import { ClientError, ClientErrorCode, KafkaError, isRetriable, needsMetadataRefresh } from '../errors.js';
import { fetchGroupOffsets, onGroupCoordinator } from '../group-admin.js';
import { tpKey, type TopicPartition } from '../partitions.js';
import type { ConsumerGroupMetadata, OffsetToCommit } from '../producer/transactions.js';
import { BUILTIN_ASSIGNORS, type Assignor } from './assignors.js';
import { ClassicMembership } from './classic-group.js';
import { ConsumerGroupMembership } from './consumer-group.js';
import { FetchSession, type FetchTarget } from './fetch-session.js';
import type { Membership, MembershipHost } from './membership.js';
import { decodePartitionRecords, scanPartitionRecords } from './records.js';
import type { Assignment, CommittedOffset, ConsumerBatch, ConsumerOptions, ConsumerRecord, RebalanceListener, StartOffset } from './types.js';

interface PartitionState {
  topic: string;
  partition: number;
  /** Next offset to fetch; null until resolved from `reset`. */
  position: bigint | null;
  reset: 'committed' | 'earliest' | 'latest' | null;
  paused: boolean;
  /** Bumped by seek/pause/revoke: responses to older fetches and buffered records are dropped. */
  generation: number;
  highWatermark: bigint;
  /** Next offset to commit: everything before it was processed. */
  consumed: bigint | null;
  /** The last offset this consumer committed. */
  committed: bigint | null;
  /** Set when the partition is being revoked: no more fetching. */
  revoking: boolean;
  /** In a fetch in flight: not put in another one (a leader change could otherwise fetch it twice). */
  fetching: boolean;
}

/** A fetched batch waiting for (or being handed to) the application. */
interface Queued {
  state: PartitionState;
  gen: number;
  batch: ConsumerBatch;
  /** Index of the next record to hand out. */
  pos: number;
  /** Fetch position after this batch (past control records and aborted data). */
  nextOffset: bigint;
  /**
   * The fetched bytes, decoded only when the batch is handed out: a fetch response holds tens of
   * thousands of small records, and decoding them all at once keeps them alive (and copied by
   * the young-generation GC) while the application works through the partitions before them.
   */
  raw: { data: Buffer; from: bigint; aborted: ApiTypes[1]['response']['responses'][number]['partitions'][number]['abortedTransactions'] } | null;
  /** Records counted into `buffered` (from the batch headers until decoded). */
  count: number;
  /** Fetched bytes counted into `bufferedBytes`. */
  bytes: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const E = { OFFSET_OUT_OF_RANGE: 1 } as const;

export class Consumer {
  readonly cluster: Cluster;
  private readonly opts: ConsumerOptions;
  private readonly coordinators: Coordinators;
  private readonly parts = new Map<string, PartitionState>();
  private readonly queue: Queued[] = [];
  private buffered = 0;
  private bufferedBytes = 0;
  /** The fetch in flight per leader (node id). */
  private readonly inflight = new Map<number, Promise<void>>();
  /** Retry backoff per leader after a failed fetch. */
  private readonly leaderBackoff = new Map<number, number>();
  /** A wake() came while the loop was not waiting: its next wait returns at once. */
  private wakePending = false;
  /** A fetch failed with a non-retriable error: the loop ends with it. */
  private loopFailure: unknown = null;
  private readonly sessions = new Map<number, FetchSession>();
  private dataWaiters: Array<() => void> = [];
  private loopWake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private error: unknown = null;
  private closed = false;
  /** The batch the record iterator is handing out. */
  private current: Queued | null = null;
  private subscription: { topics: readonly string[] | null; pattern: RegExp | null } | null = null;
  private listener: RebalanceListener = {};
  private membership: Membership | null = null;
  private autoCommitTimer: NodeJS.Timeout | null = null;
  /** Counts records/batches handed out; `inHand` while the application holds one. */
  private handed = 0;
  private inHand = false;
  private pollTimer: NodeJS.Timeout | null = null;
  private pollExpired = false;
  private committing: Promise<void> | null = null;

  constructor(opts: ConsumerOptions) {
    this.opts = opts;
    this.cluster = new Cluster({ allowAutoTopicCreation: false, ...opts });
    this.coordinators = new Coordinators(this.cluster);
  }

  private get autoCommit(): boolean {
    return this.opts.groupId !== undefined && (this.opts.autoCommit ?? true);
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
      const s = old ?? this.newState(a.topic, a.partition);
      if (a.offset !== undefined || old === undefined) this.setPosition(s, a.offset);
      next.set(k, s);
    }
    for (const [k, s] of this.parts) {
      if (!next.has(k)) {
        s.generation++;
        this.dropBuffered(s);
      }
    }
    this.parts.clear();
    for (const [k, s] of next) this.parts.set(k, s);
    this.startAutoCommit();
    this.wake();
  }

  private newState(topic: string, partition: number): PartitionState {
    return { topic, partition, position: null, reset: null, paused: false, generation: 0, highWatermark: -1n, consumed: null, committed: null, revoking: false, fetching: false };
  }

  /**
   * Joins the consumer group (`groupId`) for these topics, or every topic whose name matches a
   * pattern. Calling it again changes the subscription.
   */
  subscribe(topics: readonly string[] | RegExp, listener: RebalanceListener = {}): void {
    if (this.closed) throw new ClientError(ClientErrorCode.CLOSED, 'consumer closed');
    const groupId = this.opts.groupId;
    if (groupId === undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, 'subscribe() needs a groupId');
    if (this.subscription === null && this.parts.size > 0) throw new ClientError(ClientErrorCode.INVALID_STATE, 'subscribe() cannot be mixed with assign(); assign([]) first');
    this.subscription = topics instanceof RegExp ? { topics: null, pattern: topics } : { topics: [...topics], pattern: null };
    this.listener = listener;
    if (this.membership === null) {
      this.membership = this.createMembership(groupId);
      this.membership.start();
      this.startAutoCommit();
      this.startPollTimer();
    } else {
      this.membership.subscriptionChanged();
    }
    this.startLoop();
  }

  /** Leaves the group (revoking every partition) and stops fetching. */
  async unsubscribe(): Promise<void> {
    const m = this.membership;
    this.membership = null;
    if (m !== null) await m.close();
    this.subscription = null;
    for (const s of this.parts.values()) {
      s.generation++;
      this.dropBuffered(s);
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
      assigned: (tps) => this.onAssigned(tps),
      revoked: (tps, lost) => this.onRevoked(tps, lost),
      fatal: (e) => {
        this.error = e;
        this.notifyData();
      },
    };
    const common = {
      groupInstanceId: o.groupInstanceId ?? null,
      rackId: o.rackId ?? null,
      rebalanceTimeoutMs: o.rebalanceTimeoutMs ?? 300_000,
      retryBackoffMs: o.retryBackoffMs ?? 100,
      retryBackoffMaxMs: o.retryBackoffMaxMs ?? 1000,
      metadataMaxAgeMs: o.metadataMaxAgeMs ?? 300_000,
    };
    if (o.groupProtocol === 'consumer') {
      return new ConsumerGroupMembership(host, { ...common, remoteAssignor: o.remoteAssignor ?? null });
    }
    const assignors: Assignor[] = (o.assignors ?? ['range', 'cooperative-sticky']).map((a) => {
      if (typeof a !== 'string') return a;
      const found = BUILTIN_ASSIGNORS[a];
      if (found === undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `unknown assignor ${a} (built in: ${Object.keys(BUILTIN_ASSIGNORS).join(', ')})`);
      return found;
    });
    return new ClassicMembership(host, {
      ...common,
      assignors,
      sessionTimeoutMs: o.sessionTimeoutMs ?? 45_000,
      heartbeatIntervalMs: o.heartbeatIntervalMs ?? 3000,
    });
  }

  private async subscribedTopics(): Promise<string[]> {
    const sub = this.subscription;
    if (sub === null) return [];
    if (sub.topics !== null) return [...sub.topics];
    const res = await this.cluster.retry('metadata', () => this.cluster.refreshMetadata(null));
    const re = sub.pattern!;
    return res.topics
      .filter((t) => t.errorCode === 0 && t.name !== null && !t.isInternal)
      .map((t) => t.name!)
      .filter((name) => {
        re.lastIndex = 0;
        return re.test(name);
      })
      .sort();
  }

  private async onAssigned(tps: TopicPartition[]): Promise<void> {
    if (this.closed) return;
    for (const tp of tps) {
      const k = tpKey(tp.topic, tp.partition);
      if (this.parts.has(k)) continue;
      const s = this.newState(tp.topic, tp.partition);
      this.setPosition(s, undefined);
      this.parts.set(k, s);
    }
    this.wake();
    await this.callListener(() => this.listener.onAssigned?.(tps));
  }

  /** A listener that throws does not break the membership: the error reaches the iterator. */
  private async callListener(fn: () => void | Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.error = e;
      this.notifyData();
    }
  }

  private async onRevoked(tps: TopicPartition[], lost: boolean): Promise<void> {
    const states: PartitionState[] = [];
    for (const tp of tps) {
      const s = this.parts.get(tpKey(tp.topic, tp.partition));
      if (s === undefined) continue;
      s.revoking = true;
      s.generation++;
      this.dropBuffered(s);
      states.push(s);
    }
    try {
      if (!lost && this.autoCommit) {
        try {
          await this.commitStates(states);
        } catch (e) {
          // The new owner starts from the last commit: records may be seen twice (at least once).
          this.cluster.log('warn', `group ${this.opts.groupId}: committing revoked partitions failed`, e);
        }
      }
      if (lost) await this.callListener(() => this.listener.onLost?.(tps));
      else await this.callListener(() => this.listener.onRevoked?.(tps));
    } finally {
      for (const s of states) this.parts.delete(tpKey(s.topic, s.partition));
    }
  }

  /** Currently assigned partitions. */
  assignment(): TopicPartition[] {
    return [...this.parts.values()].filter((s) => !s.revoking).map((s) => ({ topic: s.topic, partition: s.partition }));
  }

  /** The group membership, for Producer.sendOffsetsToTransaction (KIP-447 fencing). */
  groupMetadata(): ConsumerGroupMetadata {
    const groupId = this.opts.groupId;
    if (groupId === undefined) throw new ClientError(ClientErrorCode.INVALID_STATE, 'the consumer has no groupId');
    const m = this.membership;
    return { groupId, generationId: m?.generationId ?? -1, memberId: m?.memberId ?? '', groupInstanceId: m?.groupInstanceId ?? this.opts.groupInstanceId ?? null };
  }

  // ---- positions -----------------------------------------------------------------------------

  /** Moves a partition's position; buffered records of that partition are dropped. */
  seek(tp: TopicPartition & { offset: StartOffset }): void {
    const s = this.parts.get(tpKey(tp.topic, tp.partition));
    if (s === undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `${tp.topic}/${tp.partition} is not assigned`);
    this.dropBuffered(s);
    this.setPosition(s, tp.offset);
    this.wake();
  }

  /** The next offset the application will see for a partition (null while unresolved). */
  position(tp: TopicPartition): bigint | null {
    const s = this.parts.get(tpKey(tp.topic, tp.partition));
    if (s === undefined) return null;
    return this.firstUndelivered(s) ?? s.position;
  }

  private firstUndelivered(s: PartitionState): bigint | null {
    const cur = this.current;
    if (cur !== null && cur.state === s && cur.gen === s.generation && cur.pos < cur.batch.records.length) return cur.batch.records[cur.pos]!.offset;
    for (const q of this.queue) {
      if (q.state !== s) continue;
      if (q.raw !== null) return q.raw.from;
      if (q.pos < q.batch.records.length) return q.batch.records[q.pos]!.offset;
    }
    return null;
  }

  pause(tps: readonly TopicPartition[]): void {
    for (const tp of tps) {
      const s = this.parts.get(tpKey(tp.topic, tp.partition));
      if (s === undefined || s.paused) continue;
      const first = this.firstUndelivered(s);
      this.dropBuffered(s);
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
    this.wake();
  }

  paused(): TopicPartition[] {
    return [...this.parts.values()].filter((s) => s.paused).map((s) => ({ topic: s.topic, partition: s.partition }));
  }

  private setPosition(s: PartitionState, offset: StartOffset | undefined): void {
    s.generation++;
    if (offset === undefined) {
      s.position = null;
      s.reset = this.opts.groupId !== undefined ? 'committed' : this.resetPolicy();
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

  private resetPolicy(): 'earliest' | 'latest' {
    const r = this.opts.autoOffsetReset ?? 'earliest';
    return r === 'none' ? 'earliest' : r;
  }

  /** Removes buffered batches of a partition. */
  private dropBuffered(s: PartitionState): void {
    for (let i = 0; i < this.queue.length; ) {
      const q = this.queue[i]!;
      if (q.state === s) {
        this.buffered -= q.count;
        this.bufferedBytes -= q.bytes;
        this.queue.splice(i, 1);
      } else {
        i++;
      }
    }
  }

  // ---- commits -------------------------------------------------------------------------------

  /**
   * Commits offsets to the group: the given ones, or else what was processed on every assigned
   * partition (the offset after the last record handed out and moved past).
   */
  async commit(offsets?: readonly OffsetToCommit[]): Promise<void> {
    if (offsets === undefined) {
      await this.commitStates([...this.parts.values()]);
      return;
    }
    await this.commitOffsets(offsets);
  }

  private async commitStates(states: readonly PartitionState[]): Promise<void> {
    const list: Array<OffsetToCommit & { state: PartitionState }> = [];
    for (const s of states) {
      if (s.consumed !== null && s.consumed !== s.committed) list.push({ topic: s.topic, partition: s.partition, offset: s.consumed, state: s });
    }
    if (list.length === 0) return;
    await this.commitOffsets(list);
    for (const o of list) o.state.committed = BigInt(o.offset);
  }

  private async commitOffsets(offsets: readonly OffsetToCommit[]): Promise<void> {
    const groupId = this.opts.groupId;
    if (groupId === undefined) throw new ClientError(ClientErrorCode.INVALID_STATE, 'commit needs a groupId');
    const m = this.membership;
    // As the Java client: no commit between JoinGroup and SyncGroup (the broker would answer
    // REBALANCE_IN_PROGRESS and the member would rejoin again).
    if (m?.rebalancing === true) throw new KafkaError(27, { message: `group ${groupId} is rebalancing; commit once it completes` });
    const topics = new Map<string, OffsetToCommit[]>();
    for (const o of offsets) {
      let l = topics.get(o.topic);
      if (l === undefined) topics.set(o.topic, (l = []));
      l.push(o);
    }
    try {
      await onGroupCoordinator(this.cluster, this.coordinators, groupId, 'OffsetCommit', async (conn) => {
        const res = await conn.request(ApiKey.OffsetCommit, {
          groupId,
          generationIdOrMemberEpoch: m?.generationId ?? -1,
          memberId: m?.memberId ?? '',
          groupInstanceId: m?.groupInstanceId ?? null,
          retentionTimeMs: -1n,
          topics: [...topics].map(([name, ps]) => ({
            name,
            partitions: ps.map((p) => ({ partitionIndex: p.partition, committedOffset: BigInt(p.offset), committedLeaderEpoch: -1, commitTimestamp: -1n, committedMetadata: p.metadata ?? '' })),
          })),
        });
        for (const t of res.topics) for (const p of t.partitions) {
          if (p.errorCode !== 0) throw new KafkaError(p.errorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label });
        }
      });
    } catch (e) {
      m?.onCommitError(e);
      throw e;
    }
  }

  /** The group's committed offsets for these partitions. */
  async committed(tps: readonly TopicPartition[]): Promise<CommittedOffset[]> {
    const groupId = this.opts.groupId;
    if (groupId === undefined) throw new ClientError(ClientErrorCode.INVALID_STATE, 'committed() needs a groupId');
    return fetchGroupOffsets(this.cluster, this.coordinators, groupId, tps, { requireStable: true, backoffMs: this.opts.retryBackoffMs ?? 100 });
  }

  /** Watches for a record held longer than maxPollIntervalMs (see ConsumerOptions). */
  private startPollTimer(): void {
    if (this.pollTimer !== null) return;
    const max = this.opts.maxPollIntervalMs ?? 300_000;
    // Sampled rather than timed per record: the hot path only bumps a counter.
    let seen = -1;
    let since = Date.now();
    this.pollTimer = setInterval(() => {
      const m = this.membership;
      const now = Date.now();
      if (this.handed !== seen || !this.inHand) {
        seen = this.handed;
        since = now;
        return;
      }
      if (m === null || this.pollExpired || now - since <= max) return;
      this.pollExpired = true;
      this.cluster.log('warn', `group ${this.opts.groupId}: a record was held for more than maxPollIntervalMs (${max} ms); leaving the group until the next one is asked for`);
      m.suspend().catch((e: unknown) => this.cluster.log('warn', `group ${this.opts.groupId}: leaving after the poll timeout failed`, e));
    }, Math.max(50, Math.min(1000, Math.floor(max / 4))));
    this.pollTimer.unref();
  }

  /** The application asks for more: a poll timeout is over. */
  private polled(): void {
    this.inHand = false;
    if (this.pollExpired) {
      this.pollExpired = false;
      this.membership?.resume();
    }
  }

  private startAutoCommit(): void {
    if (!this.autoCommit || this.autoCommitTimer !== null || this.closed) return;
    this.autoCommitTimer = setInterval(() => {
      if (this.committing !== null || this.membership?.rebalancing === true) return;
      this.committing = this.commitStates([...this.parts.values()].filter((s) => !s.revoking))
        .catch((e: unknown) => this.cluster.log('warn', `group ${this.opts.groupId}: auto commit failed`, e))
        .finally(() => {
          this.committing = null;
        });
    }, this.opts.autoCommitIntervalMs ?? 5000);
    this.autoCommitTimer.unref();
  }

  // ---- iteration -----------------------------------------------------------------------------

  /** Batches of records per partition, as fetched. A batch counts as processed once the next one is asked for. */
  async *batches(): AsyncGenerator<ConsumerBatch, void, undefined> {
    this.startLoop();
    for (;;) {
      const q = await this.nextQueued();
      if (q === null) return;
      q.pos = q.batch.records.length;
      this.current = q;
      this.handed++;
      this.inHand = true;
      try {
        yield q.batch;
      } finally {
        this.polled();
        this.current = null;
        if (q.state.generation === q.gen) q.state.consumed = q.nextOffset;
      }
    }
  }

  /**
   * Records one by one. A record counts as processed (and may be committed) once the next one is
   * asked for or the loop is left (`break`, `return` or an exception in its body).
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<ConsumerRecord, void, undefined> {
    this.startLoop();
    for (;;) {
      const q = await this.nextQueued();
      if (q === null) return;
      const records = q.batch.records;
      const s = q.state;
      this.current = q;
      try {
        while (q.pos < records.length) {
          const r = records[q.pos++]!;
          this.handed++;
          this.inHand = true;
          yield r;
          this.polled();
          if (s.generation !== q.gen) break;
          s.consumed = q.pos < records.length ? r.offset + 1n : q.nextOffset;
          if (this.closed) return;
        }
      } finally {
        this.polled();
        this.current = null;
        // Left the loop after a record: it was handed out and the body is done with it.
        if (s.generation === q.gen && q.pos > 0) s.consumed = q.pos < records.length ? records[q.pos - 1]!.offset + 1n : q.nextOffset;
      }
    }
  }

  private async nextQueued(): Promise<Queued | null> {
    for (;;) {
      if (this.closed) return null;
      if (this.error !== null) {
        const e = this.error;
        this.error = null;
        throw e;
      }
      const q = this.queue.shift();
      if (q !== undefined) {
        this.buffered -= q.count;
        this.bufferedBytes -= q.bytes;
        this.wake();
        if (q.gen !== q.state.generation) continue;
        if (q.raw !== null && !this.decodeQueued(q)) continue;
        return q;
      }
      await new Promise<void>((r) => this.dataWaiters.push(r));
    }
  }

  /**
   * Decodes a queued batch about to be handed out; false when it holds no records for the
   * application (only control records or aborted data), whose offsets then count as processed.
   */
  private decodeQueued(q: Queued): boolean {
    const raw = q.raw!;
    const s = q.state;
    let records: ConsumerRecord[];
    try {
      records = decodePartitionRecords(q.batch.topic, q.batch.partition, raw.data, raw.from, raw.aborted).records;
    } catch (e) {
      // Fetch these offsets again (and fail again) rather than skip them.
      s.generation++;
      s.position = raw.from;
      this.dropBuffered(s);
      throw e;
    }
    q.raw = null;
    q.batch.records = records;
    if (records.length > 0) return true;
    s.consumed = q.nextOffset;
    return false;
  }

  private notifyData(): void {
    for (const w of this.dataWaiters.splice(0)) w();
  }

  private wake(): void {
    const w = this.loopWake;
    this.loopWake = null;
    if (w === null) this.wakePending = true;
    else w();
  }

  /** Waits for a wake() (one that came since the last wait counts). */
  private idle(): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise<void>((r) => (this.loopWake = r));
  }

  private bufferFull(): boolean {
    return this.buffered >= (this.opts.maxBufferedRecords ?? 10_000) || this.bufferedBytes >= (this.opts.maxBufferedBytes ?? 64 * 1024 * 1024);
  }

  // ---- fetching ------------------------------------------------------------------------------

  private startLoop(): void {
    if (this.loop !== null || this.closed) return;
    this.loop = this.run().catch((e: unknown) => {
      this.loop = null;
      this.error = e;
      this.notifyData();
    });
  }

  private async run(): Promise<void> {
    let backoff = this.opts.retryBackoffMs ?? 100;
    while (!this.closed) {
      if (this.loopFailure !== null) {
        const e = this.loopFailure;
        this.loopFailure = null;
        throw e;
      }
      const fetchable: PartitionState[] = [];
      for (const s of this.parts.values()) if (!s.paused && !s.revoking && !s.fetching) fetchable.push(s);
      if (fetchable.length === 0 || this.bufferFull()) {
        await this.idle();
        continue;
      }
      try {
        await this.resolvePositions(fetchable);
        const byLeader = new Map<number, PartitionState[]>();
        const topics = new Map<string, TopicInfo>();
        for (const s of fetchable) {
          if (s.position === null || s.fetching || s.paused || s.revoking) continue;
          let t = topics.get(s.topic);
          if (t === undefined) topics.set(s.topic, (t = await this.cluster.topic(s.topic)));
          const leader = t.partitions[s.partition]?.leader;
          if (leader === undefined) throw new KafkaError(3, { topic: s.topic, partition: s.partition });
          if (this.inflight.has(leader)) continue;
          let l = byLeader.get(leader);
          if (l === undefined) byLeader.set(leader, (l = []));
          l.push(s);
        }
        backoff = this.opts.retryBackoffMs ?? 100;
        if (byLeader.size === 0 && this.inflight.size === 0) {
          // Positions still unresolved (or moved meanwhile).
          await sleep(backoff);
          continue;
        }
        for (const [leader, list] of byLeader) if (!this.inflight.has(leader) && !this.closed) this.startFetch(leader, list.filter((s) => !s.fetching));
        await this.idle();
      } catch (e) {
        if (this.closed) return;
        if (!isRetriable(e) && !coordinatorMoved(e)) throw e;
        if (e instanceof KafkaError && e.topic !== undefined && needsMetadataRefresh(e)) this.cluster.invalidate(e.topic);
        this.cluster.log('debug', `fetch: retrying in ${backoff} ms`, e);
        await sleep(backoff);
        backoff = Math.min(this.opts.retryBackoffMaxMs ?? 1000, backoff * 2);
      }
    }
  }

  /** Sends one Fetch to a leader; the loop is woken when it is done (after a backoff if it failed). */
  private startFetch(leader: number, list: PartitionState[]): void {
    if (list.length === 0) return;
    for (const s of list) s.fetching = true;
    const p = this.fetchFrom(leader, list)
      .then(
        () => {
          this.leaderBackoff.delete(leader);
        },
        async (e: unknown) => {
          if (this.closed) return;
          if (!isRetriable(e) && !coordinatorMoved(e)) {
            this.loopFailure ??= e;
            return;
          }
          if (e instanceof KafkaError && e.topic !== undefined && needsMetadataRefresh(e)) this.cluster.invalidate(e.topic);
          const backoff = this.leaderBackoff.get(leader) ?? this.opts.retryBackoffMs ?? 100;
          this.leaderBackoff.set(leader, Math.min(this.opts.retryBackoffMaxMs ?? 1000, backoff * 2));
          this.cluster.log('debug', `fetch from node ${leader}: retrying in ${backoff} ms`, e);
          await sleep(backoff);
        },
      )
      .finally(() => {
        for (const s of list) s.fetching = false;
        this.inflight.delete(leader);
        this.wake();
      });
    this.inflight.set(leader, p);
  }

  private async resolvePositions(list: readonly PartitionState[]): Promise<void> {
    const fromGroup = list.filter((s) => s.position === null && s.reset === 'committed');
    if (fromGroup.length > 0) {
      const gens = fromGroup.map((s) => s.generation);
      const res = await fetchGroupOffsets(this.cluster, this.coordinators, this.opts.groupId!, fromGroup, { requireStable: true, backoffMs: this.opts.retryBackoffMs ?? 100 });
      fromGroup.forEach((s, i) => {
        if (s.generation !== gens[i]) return;
        const c = res.find((r) => r.topic === s.topic && r.partition === s.partition);
        if (c !== undefined && c.offset >= 0n) {
          s.position = c.offset;
          s.consumed = c.offset;
          s.committed = c.offset;
          s.reset = null;
        } else if ((this.opts.autoOffsetReset ?? 'earliest') === 'none') {
          throw new ClientError(ClientErrorCode.INVALID_STATE, `no committed offset for ${s.topic}/${s.partition} in group ${this.opts.groupId} and autoOffsetReset is 'none'`);
        } else {
          s.reset = this.resetPolicy();
        }
      });
    }
    const todo = list.filter((s) => s.position === null && s.reset !== 'committed');
    if (todo.length === 0) return;
    const gens = todo.map((s) => s.generation);
    const res = await listOffsets(this.cluster, todo.map((s) => ({ topic: s.topic, partition: s.partition, spec: s.reset === 'latest' ? 'latest' : 'earliest' })), this.isolation());
    todo.forEach((s, i) => {
      if (s.generation !== gens[i]) return;
      const o = res.find((r) => r.topic === s.topic && r.partition === s.partition);
      if (o !== undefined) {
        s.position = o.offset;
        s.reset = null;
        if (s.consumed === null) s.consumed = o.offset;
      }
    });
  }

  private isolation(): number {
    return this.opts.isolationLevel === 'read_committed' ? 1 : 0;
  }

  private async fetchFrom(leader: number, list: PartitionState[]): Promise<void> {
    const conn = await this.cluster.nodeConnection(leader);
    const version = conn.versionFor(ApiKey.Fetch);
    const maxPartitionBytes = this.opts.maxPartitionBytes ?? 1024 * 1024;
    const targets: FetchTarget[] = [];
    const gens = new Map<PartitionState, { gen: number; offset: bigint }>();
    for (const s of list) {
      if (s.position === null) continue;
      const t = this.cluster.topics.get(s.topic);
      if (t === undefined) continue;
      targets.push({ topic: s.topic, topicId: t.topicId, partition: s.partition, fetchOffset: s.position, maxBytes: maxPartitionBytes });
      gens.set(s, { gen: s.generation, offset: s.position });
    }
    let session = this.sessions.get(leader);
    if (session === undefined && this.opts.fetchSessions !== false) this.sessions.set(leader, (session = new FetchSession()));
    const req = session?.build(targets) ?? { sessionId: 0, sessionEpoch: -1, partitions: targets, forgotten: [] };
    const maxWaitMs = this.opts.maxWaitMs ?? 500;
    const body: ApiTypes[1]['requestInput'] = {
      replicaId: -1,
      maxWaitMs,
      minBytes: this.opts.minBytes ?? 1,
      maxBytes: this.opts.maxBytes ?? 50 * 1024 * 1024,
      isolationLevel: this.isolation(),
      sessionId: req.sessionId,
      sessionEpoch: req.sessionEpoch,
      topics: groupTopics(req.partitions).map((ps) => ({
        topic: ps[0]!.topic,
        topicId: ps[0]!.topicId,
        partitions: ps.map((p) => ({ partition: p.partition, currentLeaderEpoch: -1, fetchOffset: p.fetchOffset, lastFetchedEpoch: -1, logStartOffset: -1n, partitionMaxBytes: p.maxBytes })),
      })),
      forgottenTopicsData: groupTopics(req.forgotten).map((ps) => ({ topic: ps[0]!.topic, topicId: ps[0]!.topicId, partitions: ps.map((p) => p.partition) })),
      rackId: this.opts.rackId ?? '',
    };
    let res: ApiTypes[1]['response'];
    try {
      res = await conn.request(ApiKey.Fetch, body, { timeoutMs: (this.opts.requestTimeoutMs ?? 30_000) + maxWaitMs });
    } catch (e) {
      session?.reset();
      throw e;
    }
    if (res.errorCode !== 0) {
      session?.reset();
      throw new KafkaError(res.errorCode, { broker: conn.label });
    }
    session?.onResponse(res.sessionId);
    let idToName: Map<string, string> | null = null;
    if (version >= 13) {
      idToName = new Map();
      for (const t of this.cluster.topics.values()) idToName.set(t.topicId, t.name);
    }
    let delivered = false;
    let failure: unknown = null;
    for (const t of res.responses) {
      const topic = idToName !== null ? idToName.get(t.topicId) : t.topic;
      if (topic === undefined) continue;
      for (const p of t.partitions) {
        const s = this.parts.get(tpKey(topic, p.partitionIndex));
        const sent = s === undefined ? undefined : gens.get(s);
        if (s === undefined || sent === undefined || s.paused || s.revoking || s.generation !== sent.gen || s.position !== sent.offset) continue;
        if (p.errorCode === E.OFFSET_OUT_OF_RANGE) {
          if ((this.opts.autoOffsetReset ?? 'earliest') === 'none') failure = new KafkaError(1, { topic, partition: p.partitionIndex, broker: conn.label });
          else {
            s.generation++;
            s.position = null;
            s.reset = this.resetPolicy();
          }
          continue;
        }
        if (p.errorCode !== 0) {
          const e = new KafkaError(p.errorCode, { topic, partition: p.partitionIndex, broker: conn.label });
          if (needsMetadataRefresh(e)) this.cluster.invalidate(topic);
          failure ??= e;
          continue;
        }
        s.highWatermark = p.highWatermark;
        if (p.records === null || p.records.length === 0) continue;
        const from = s.position;
        const { nextOffset, count } = scanPartitionRecords(p.records, from);
        if (nextOffset === from) continue;
        s.position = nextOffset;
        if (count > 0) {
          this.queue.push({
            state: s, gen: s.generation, batch: { topic, partition: p.partitionIndex, records: [], highWatermark: p.highWatermark }, pos: 0, nextOffset,
            raw: { data: p.records, from, aborted: p.abortedTransactions }, count, bytes: p.records.length,
          });
          this.buffered += count;
          this.bufferedBytes += p.records.length;
          delivered = true;
        } else {
          // Only control records or aborted data: move the commit point past them once the
          // application has everything before.
          let last: Queued | undefined;
          for (const q of this.queue) if (q.state === s) last = q;
          const cur = this.current;
          if (last !== undefined) last.nextOffset = nextOffset;
          else if (cur !== null && cur.state === s && cur.gen === s.generation) cur.nextOffset = nextOffset;
          else s.consumed = nextOffset;
        }
      }
    }
    // The application is woken on the next turn of the event loop: the loop sends the next
    // fetch first (its steps are microtasks), so the broker works on it while this one is decoded.
    if (delivered) setImmediate(() => this.notifyData());
    if (failure !== null) throw failure;
  }

  // ---- close ---------------------------------------------------------------------------------

  /** Commits what was processed (auto commit), leaves the group, stops fetching; iterators end. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.autoCommitTimer !== null) clearInterval(this.autoCommitTimer);
    this.autoCommitTimer = null;
    if (this.pollTimer !== null) clearInterval(this.pollTimer);
    this.pollTimer = null;
    await this.committing;
    const m = this.membership;
    if (m !== null) {
      await m.close().catch((e: unknown) => this.cluster.log('warn', `group ${this.opts.groupId}: leaving failed`, e));
    } else if (this.autoCommit) {
      await this.commitStates([...this.parts.values()]).catch((e: unknown) => this.cluster.log('warn', `group ${this.opts.groupId}: commit on close failed`, e));
    }
    this.closed = true;
    this.wake();
    this.notifyData();
    await this.cluster.close();
    await this.loop;
    await Promise.allSettled([...this.inflight.values()]);
  }
}

function groupTopics<T extends { topic: string }>(list: readonly T[]): T[][] {
  const m = new Map<string, T[]>();
  for (const x of list) {
    let l = m.get(x.topic);
    if (l === undefined) m.set(x.topic, (l = []));
    l.push(x);
  }
  return [...m.values()];
}
