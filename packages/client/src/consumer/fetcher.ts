// The consumer's fetch loop. One Fetch in flight per leader of the fetchable partitions (each
// leader on its own: a slow broker does not hold back the others), with incremental fetch
// sessions, and no new fetch while the buffer is full. The next fetch goes out as soon as a
// response's batch headers are read, before the application is woken to decode and process it,
// so the broker prepares the next response meanwhile.
//
// Invariants: a partition is in at most one fetch (`fetching`); a response is used only if its
// partition's generation and position are still those the request was built from.
import type { ConsumerMetrics } from '@tideline/observability';
import { ApiKey, ErrorCode, type ApiTypes } from '@tideline/protocol';
import { listOffsets } from '../admin.js';
import { Backoff, sleep } from '../backoff.js';
import type { Cluster, TopicInfo } from '../cluster.js';
import { coordinatorMoved, type Coordinators } from '../coordinator.js';
import { ClientError, ClientErrorCode, KafkaError, isRetriable, needsMetadataRefresh } from '../errors.js';
import { fetchGroupOffsets } from '../group-admin.js';
import { tpKey } from '../partitions.js';
import type { FetchBuffer } from './fetch-buffer.js';
import { FetchSession, type FetchTarget } from './fetch-session.js';
import type { PartitionState } from './partition-state.js';
import { scanPartitionRecords } from './records.js';
import type { ResolvedConsumerOptions } from './options.js';

/** What the fetcher works on, owned by the consumer. */
export interface FetcherHost {
  readonly cluster: Cluster;
  readonly coordinators: Coordinators;
  readonly parts: ReadonlyMap<string, PartitionState>;
  readonly buffer: FetchBuffer;
  /** Opt-in metrics (fetch latency). */
  readonly metrics: ConsumerMetrics | null;
  /** The loop ended with a non-retriable error. */
  failed(e: unknown): void;
}

export class Fetcher {
  /** The fetch in flight per leader (node id). */
  private readonly inflight = new Map<number, Promise<void>>();
  /** Retry backoff per leader after a failed fetch. */
  private readonly leaderBackoff = new Map<number, Backoff>();
  private readonly sessions = new Map<number, FetchSession>();
  /** A wake() came while the loop was not waiting: its next wait returns at once. */
  private wakePending = false;
  /** A fetch failed with a non-retriable error: the loop ends with it. */
  private loopFailure: unknown = null;
  private loopWake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private closed = false;
  /** Ends the retry sleeps at stop(). */
  private readonly stopping = new AbortController();

  constructor(private readonly host: FetcherHost, private readonly opts: ResolvedConsumerOptions) {}

  /** Starts the loop (again, after it failed). */
  start(): void {
    if (this.loop !== null || this.closed) return;
    this.loop = this.run().catch((e: unknown) => {
      this.loop = null;
      this.host.failed(e);
    });
  }

  /** Something changed (assignment, positions, buffer space): look for partitions to fetch. */
  wake(): void {
    const w = this.loopWake;
    this.loopWake = null;
    if (w === null) this.wakePending = true;
    else w();
  }

  /** Stops starting fetches; `stopped()` resolves once the loop and the fetches in flight ended. */
  stop(): void {
    this.closed = true;
    this.stopping.abort();
    this.wake();
  }

  async stopped(): Promise<void> {
    await this.loop;
    await Promise.allSettled([...this.inflight.values()]);
  }

  /** Waits for a wake() (one that came since the last wait counts). */
  private idle(): Promise<void> {
    if (this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise<void>((r) => (this.loopWake = r));
  }

  private async run(): Promise<void> {
    const { cluster, parts, buffer } = this.host;
    const backoff = new Backoff({ initialMs: this.opts.retryBackoffMs, maxMs: this.opts.retryBackoffMaxMs });
    while (!this.closed) {
      if (this.loopFailure !== null) {
        const e = this.loopFailure;
        this.loopFailure = null;
        throw e;
      }
      const fetchable: PartitionState[] = [];
      for (const s of parts.values()) if (!s.paused && !s.revoking && !s.fetching) fetchable.push(s);
      if (fetchable.length === 0 || buffer.full()) {
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
          if (t === undefined) topics.set(s.topic, (t = await cluster.topic(s.topic)));
          const leader = t.partitions[s.partition]?.leader;
          if (leader === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, { topic: s.topic, partition: s.partition });
          if (this.inflight.has(leader)) continue;
          let l = byLeader.get(leader);
          if (l === undefined) byLeader.set(leader, (l = []));
          l.push(s);
        }
        backoff.reset();
        if (byLeader.size === 0 && this.inflight.size === 0) {
          // Positions still unresolved (or moved meanwhile).
          await sleep(this.opts.retryBackoffMs, { signal: this.stopping.signal });
          continue;
        }
        for (const [leader, list] of byLeader) if (!this.inflight.has(leader) && !this.closed) this.startFetch(leader, list.filter((s) => !s.fetching));
        await this.idle();
      } catch (e) {
        if (this.closed) return;
        if (!isRetriable(e) && !coordinatorMoved(e)) throw e;
        if (e instanceof KafkaError && e.topic !== undefined && needsMetadataRefresh(e)) cluster.invalidate(e.topic);
        const ms = backoff.next();
        cluster.log('debug', `fetch: retrying in ${ms} ms`, e);
        await sleep(ms, { signal: this.stopping.signal });
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
          if (e instanceof KafkaError && e.topic !== undefined && needsMetadataRefresh(e)) this.host.cluster.invalidate(e.topic);
          let backoff = this.leaderBackoff.get(leader);
          if (backoff === undefined) this.leaderBackoff.set(leader, (backoff = new Backoff({ initialMs: this.opts.retryBackoffMs, maxMs: this.opts.retryBackoffMaxMs })));
          const ms = backoff.next();
          this.host.cluster.log('debug', `fetch from node ${leader}: retrying in ${ms} ms`, e);
          await sleep(ms, { signal: this.stopping.signal });
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
    const { cluster, coordinators } = this.host;
    const fromGroup = list.filter((s) => s.position === null && s.reset === 'committed');
    if (fromGroup.length > 0) {
      const gens = fromGroup.map((s) => s.generation);
      const res = await fetchGroupOffsets(cluster, coordinators, this.opts.groupId!, fromGroup, { requireStable: true, backoffMs: this.opts.retryBackoffMs });
      fromGroup.forEach((s, i) => {
        if (s.generation !== gens[i]) return;
        const c = res.find((r) => r.topic === s.topic && r.partition === s.partition);
        if (c !== undefined && c.offset >= 0n) {
          s.position = c.offset;
          s.consumed = c.offset;
          s.committed = c.offset;
          s.reset = null;
        } else if (this.opts.autoOffsetReset === 'none') {
          throw new ClientError(ClientErrorCode.INVALID_STATE, `no committed offset for ${s.topic}/${s.partition} in group ${this.opts.groupId} and autoOffsetReset is 'none'`);
        } else {
          s.reset = this.opts.resetPolicy;
        }
      });
    }
    const todo = list.filter((s) => s.position === null && s.reset !== 'committed');
    if (todo.length === 0) return;
    const gens = todo.map((s) => s.generation);
    const res = await listOffsets(cluster, todo.map((s) => ({ topic: s.topic, partition: s.partition, spec: s.reset === 'latest' ? 'latest' : 'earliest' })), this.opts.isolationLevel);
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

  private async fetchFrom(leader: number, list: PartitionState[]): Promise<void> {
    const { cluster, parts, buffer } = this.host;
    const conn = await cluster.nodeConnection(leader);
    const version = conn.versionFor(ApiKey.Fetch);
    const maxPartitionBytes = this.opts.maxPartitionBytes;
    const targets: FetchTarget[] = [];
    const gens = new Map<PartitionState, { gen: number; offset: bigint }>();
    for (const s of list) {
      if (s.position === null) continue;
      const t = cluster.topics.get(s.topic);
      if (t === undefined) continue;
      targets.push({ topic: s.topic, topicId: t.topicId, partition: s.partition, fetchOffset: s.position, maxBytes: maxPartitionBytes });
      gens.set(s, { gen: s.generation, offset: s.position });
    }
    let session = this.sessions.get(leader);
    if (session === undefined && this.opts.fetchSessions) this.sessions.set(leader, (session = new FetchSession()));
    const req = session?.build(targets) ?? { sessionId: 0, sessionEpoch: -1, partitions: targets, forgotten: [] };
    const maxWaitMs = this.opts.maxWaitMs;
    const body: ApiTypes[1]['requestInput'] = {
      replicaId: -1,
      maxWaitMs,
      minBytes: this.opts.minBytes,
      maxBytes: this.opts.maxBytes,
      isolationLevel: this.opts.isolationLevel,
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
    const sentAt = this.host.metrics === null ? 0 : performance.now();
    try {
      res = await conn.request(ApiKey.Fetch, body, { timeoutMs: this.opts.requestTimeoutMs + maxWaitMs });
    } catch (e) {
      session?.reset();
      throw e;
    }
    this.host.metrics?.fetchLatency((performance.now() - sentAt) / 1000);
    if (res.errorCode !== ErrorCode.NONE) {
      session?.reset();
      throw new KafkaError(res.errorCode, { broker: conn.label });
    }
    session?.onResponse(res.sessionId);
    let idToName: Map<string, string> | null = null;
    if (version >= 13) {
      idToName = new Map();
      for (const t of cluster.topics.values()) idToName.set(t.topicId, t.name);
    }
    let delivered = false;
    let failure: unknown = null;
    for (const t of res.responses) {
      const topic = idToName !== null ? idToName.get(t.topicId) : t.topic;
      if (topic === undefined) continue;
      for (const p of t.partitions) {
        const s = parts.get(tpKey(topic, p.partitionIndex));
        const sent = s === undefined ? undefined : gens.get(s);
        if (s === undefined || sent === undefined || s.paused || s.revoking || s.generation !== sent.gen || s.position !== sent.offset) continue;
        if (p.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE) {
          if (this.opts.autoOffsetReset === 'none') failure = new KafkaError(ErrorCode.OFFSET_OUT_OF_RANGE, { topic, partition: p.partitionIndex, broker: conn.label });
          else {
            s.generation++;
            s.position = null;
            s.reset = this.opts.resetPolicy;
          }
          continue;
        }
        if (p.errorCode !== ErrorCode.NONE) {
          const e = new KafkaError(p.errorCode, { topic, partition: p.partitionIndex, broker: conn.label });
          if (needsMetadataRefresh(e)) cluster.invalidate(topic);
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
          buffer.push(s, { topic, partition: p.partitionIndex, records: [], highWatermark: p.highWatermark }, nextOffset, { data: p.records, from, aborted: p.abortedTransactions }, count);
          delivered = true;
        } else {
          buffer.skipTo(s, nextOffset);
        }
      }
    }
    // The application is woken on the next turn of the event loop: the loop sends the next
    // fetch first (its steps are microtasks), so the broker works on it while this one is decoded.
    if (delivered) setImmediate(() => buffer.notify());
    if (failure !== null) throw failure;
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
