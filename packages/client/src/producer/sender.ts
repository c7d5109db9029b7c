// Batches per partition and the send loop. Records are appended to the open batch of their
// partition; a batch is drained when it is full, when it has lingered `lingerMs`, or on flush.
// With `adaptiveLinger`, a batch of a partition with nothing in flight is drained at once (on the
// next turn of the event loop, so the records appended in this turn go with it); the linger only
// applies while a request of the partition is out, and ends early when its response comes.
// Drained batches are grouped by leader into Produce requests (one batch per partition per
// request). Idempotence: a batch gets its base sequence when first sent and keeps it (and its
// bytes) on retry. After a retriable failure the partition sends one batch at a time, in sequence
// order, until the failed batches are through; OUT_OF_ORDER_SEQUENCE_NUMBER on a later batch
// while an earlier one is being retried is expected and retried too. Until a partition has
// acknowledged one batch of this producer, it gets one batch at a time: a broker that holds no
// state for the producer there accepts any first sequence, so a second batch that overtook a
// failed first one (NOT_LEADER_OR_FOLLOWER on a just-created topic) would be written ahead of it
// and the first one rejected as out of order on every retry.
// A sequenced batch that fails for good (a non-retriable error, its delivery timeout) leaves a gap
// that the broker would answer with OUT_OF_ORDER_SEQUENCE_NUMBER for every later batch of the
// partition. As the Java client does (KIP-360), the producer then takes a new epoch and starts
// every partition's sequences again at 0: a non-transactional producer at once (sending pauses
// until nothing is in flight, then InitProducerId; batches waiting for a retry are sequenced
// again), a transactional one when the transaction is aborted (resetSequences). A retried batch
// whose earlier attempt timed out but was written is then written twice (as with the Java client);
// batches rejected as out of order behind the gap were not written.
import { ApiKey, CompressionType, ErrorCode, encodeBatch, type ApiTypes } from '@tideline/protocol';
import type { Cluster } from '../cluster.js';
import type { Connection } from '../connection.js';
import { ClientError, KafkaError, isRetriable, needsMetadataRefresh } from '../errors.js';
import { ProducerBatch } from './batch.js';
import type { ProducerMetrics } from '@tideline/observability';
import { PRODUCE_TV2, type TransactionManager } from './transactions.js';

export interface SenderConfig {
  acks: number;
  compression: CompressionType;
  lingerMs: number;
  /** Linger only while the partition has a batch in flight (see the header). */
  adaptiveLinger: boolean;
  batchSize: number;
  deliveryTimeoutMs: number;
  maxInFlightPerPartition: number;
  maxRequestSize: number;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  retries: number;
  /** Opt-in metrics (batch size and queue time at the first send, retries). */
  metrics: ProducerMetrics | null;
}

export interface ProducerIdentity {
  producerId: bigint;
  producerEpoch: number;
}

class PartitionState {
  open: ProducerBatch | null = null;
  /** Closed batches waiting to be sent; retried (sequenced) ones first, in sequence order. */
  readonly ready: ProducerBatch[] = [];
  inFlight = 0;
  nextSequence = 0;
  recovering = false;
  /** A batch of this producer was acknowledged here (before that, one in flight at a time). */
  acked = false;
  constructor(readonly topic: string, readonly partition: number) {}
  requeue(b: ProducerBatch): void {
    let i = 0;
    while (i < this.ready.length && this.ready[i]!.baseSequence >= 0 && this.ready[i]!.baseSequence < b.baseSequence) i++;
    this.ready.splice(i, 0, b);
  }
}

export class Sender {
  private readonly parts = new Map<string, PartitionState>();
  private drainScheduled = false;
  private wakeTimer: NodeJS.Timeout | null = null;
  private wakeTime = Infinity;
  private flushing = 0;
  private pending = 0;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly refreshing = new Set<string>();

  constructor(
    private readonly cluster: Cluster,
    private readonly config: SenderConfig,
    private identity: ProducerIdentity | null,
    private readonly onBatchDone: (b: ProducerBatch, error: unknown) => void,
    private readonly txn: TransactionManager | null = null,
    /** Non-transactional idempotent producers: a new producer id or epoch (InitProducerId). */
    private readonly renewIdentity: (() => Promise<ProducerIdentity>) | null = null,
  ) {}

  /** A sequenced batch failed for good since the sequences last started at 0. */
  private gap = false;
  private renewing = false;

  /** Whether a batch failed for good leaving a sequence gap (cleared by resetSequences). */
  get sequenceGap(): boolean {
    return this.gap;
  }

  /**
   * Starts every partition's sequences again at 0 under a new producer id or epoch. Only while
   * nothing is in flight; batches waiting for a retry get new sequences when sent again.
   */
  resetSequences(identity: ProducerIdentity): void {
    this.identity = identity;
    this.gap = false;
    for (const s of this.parts.values()) {
      s.nextSequence = 0;
      s.acked = false;
      s.recovering = false;
      for (const b of s.ready) {
        if (b.encoded === null) continue;
        b.encoded = null;
        b.baseSequence = -1;
      }
    }
  }

  /** Non-transactional: once nothing is in flight, takes a new identity and resets the sequences. */
  private renewAfterGap(): void {
    if (this.renewing) return;
    for (const s of this.parts.values()) if (s.inFlight > 0) return; // drained again on each response
    this.renewing = true;
    this.renewIdentity!().then(
      (id) => this.resetSequences(id),
      (e: unknown) => this.cluster.log('warn', 'producer: InitProducerId after a failed batch failed; retrying', e),
    ).finally(() => {
      this.renewing = false;
      if (this.gap) setTimeout(() => this.scheduleDrain(), this.config.retryBackoffMs).unref();
      else this.scheduleDrain();
    });
  }

  private state(topic: string, partition: number): PartitionState {
    const k = `${topic}\u0000${partition}`;
    let s = this.parts.get(k);
    if (s === undefined) this.parts.set(k, (s = new PartitionState(topic, partition)));
    return s;
  }

  /** The batch a record of `size` bytes should go into; closes the open batch if it would overflow. */
  batchFor(topic: string, partition: number, size: number): ProducerBatch {
    const s = this.state(topic, partition);
    if (s.open !== null && s.open.records.length > 0 && s.open.size + size > this.config.batchSize) {
      s.open.full = true;
      s.ready.push(s.open);
      s.open = null;
      this.scheduleDrain();
    }
    if (s.open === null) {
      const now = Date.now();
      s.open = new ProducerBatch(topic, partition, now);
      this.pending++;
      if (this.config.lingerMs <= 0 || (this.config.adaptiveLinger && s.inFlight === 0)) this.scheduleDrain();
      else this.wakeAt(now + this.config.lingerMs);
    }
    return s.open;
  }

  /** Marks a batch full after appending (a single record larger than batchSize). */
  noteAppended(b: ProducerBatch): void {
    if (b.size >= this.config.batchSize) {
      const s = this.state(b.topic, b.partition);
      if (s.open === b) {
        b.full = true;
        s.ready.push(b);
        s.open = null;
        this.scheduleDrain();
      }
    }
  }

  /** Sends everything buffered now and resolves when no batch is pending. */
  async flush(): Promise<void> {
    this.flushing++;
    try {
      this.scheduleDrain();
      if (this.pending > 0) await new Promise<void>((r) => this.idleWaiters.push(r));
    } finally {
      this.flushing--;
    }
  }

  /**
   * Fails every buffered batch that was never sent (close without flush, transaction abort).
   * Batches already sent keep going: their sequence numbers are taken.
   */
  abortUnsent(e: unknown): void {
    for (const s of this.parts.values()) {
      const keep: ProducerBatch[] = [];
      for (const b of s.ready) {
        if (b.encoded === null) this.finish(b, e);
        else keep.push(b);
      }
      s.ready.length = 0;
      s.ready.push(...keep);
      if (s.open !== null) {
        this.finish(s.open, e);
        s.open = null;
      }
    }
  }

  scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    setImmediate(() => {
      this.drainScheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    if (this.gap && this.renewIdentity !== null) {
      this.renewAfterGap();
      return;
    }
    const now = Date.now();
    const byLeader = new Map<number, ProducerBatch[]>();
    let nextRetry = Infinity;
    for (const s of this.parts.values()) {
      const limit = s.recovering || (this.identity !== null && !s.acked) ? 1 : this.config.maxInFlightPerPartition;
      while (s.inFlight < limit) {
        let b = s.ready[0];
        if (b === undefined) {
          const o = s.open;
          if (o === null || o.records.length === 0) break;
          if (this.flushing === 0 && now - o.createdAt < this.config.lingerMs && !(this.config.adaptiveLinger && s.inFlight === 0)) {
            nextRetry = Math.min(nextRetry, o.createdAt + this.config.lingerMs);
            break;
          }
          s.open = null;
          s.ready.push(o);
          b = o;
        }
        if (b.retryAt > now) {
          nextRetry = Math.min(nextRetry, b.retryAt);
          break;
        }
        const leader = this.cluster.topics.get(s.topic)?.partitions[s.partition]?.leader ?? -1;
        if (leader < 0) {
          this.refreshTopic(s.topic);
          break;
        }
        if (this.txn !== null && b.encoded === null) {
          let ok: boolean;
          try {
            ok = this.txn.partitionReady(s.topic, s.partition);
          } catch (e) {
            s.ready.shift();
            this.finish(b, e);
            continue;
          }
          if (!ok) break;
        }
        s.ready.shift();
        this.prepare(s, b, now);
        s.inFlight++;
        let list = byLeader.get(leader);
        if (list === undefined) byLeader.set(leader, (list = []));
        list.push(b);
      }
    }
    for (const [leader, batches] of byLeader) this.sendTo(leader, batches);
    if (nextRetry !== Infinity) this.wakeAt(nextRetry);
  }

  /** Drains again at `at` (ms since the epoch): the earliest linger expiry or retry backoff. */
  private wakeAt(at: number): void {
    if (this.wakeTimer !== null && this.wakeTime <= at) return;
    if (this.wakeTimer !== null) clearTimeout(this.wakeTimer);
    this.wakeTime = at;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wakeTime = Infinity;
      this.scheduleDrain();
    }, Math.max(1, at - Date.now() + 1));
  }

  private prepare(s: PartitionState, b: ProducerBatch, now: number): void {
    b.attempts++;
    if (b.encoded !== null) return;
    if (this.identity !== null) {
      b.baseSequence = s.nextSequence;
      s.nextSequence = (s.nextSequence + b.records.length) & 0x7fffffff;
    }
    b.encoded = encodeBatch({
      records: b.records,
      compression: this.config.compression,
      baseTimestamp: b.records[0]!.timestamp ?? BigInt(now),
      ...(this.identity !== null ? { producerId: this.identity.producerId, producerEpoch: this.identity.producerEpoch, baseSequence: b.baseSequence } : {}),
      transactional: this.txn !== null,
    });
    if (b.attempts === 1) this.config.metrics?.batchSent(b.encoded.length, b.records.length, (now - b.createdAt) / 1000);
  }

  private refreshTopic(topic: string): void {
    if (this.refreshing.has(topic)) return;
    this.refreshing.add(topic);
    this.cluster.topic(topic, { refresh: true }).then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.refreshing.delete(topic);
      setTimeout(() => this.scheduleDrain(), this.config.retryBackoffMs).unref();
    });
  }

  /**
   * Splits a leader's batches into requests under maxRequestSize with at most one batch per
   * partition each (a partition's batches go out in sequence order, one request after another).
   */
  private sendTo(leader: number, batches: ProducerBatch[]): void {
    const requests: Array<{ batches: ProducerBatch[]; bytes: number; tps: Set<string> }> = [];
    for (const b of batches) {
      const k = `${b.topic}\u0000${b.partition}`;
      let r = requests.find((x) => !x.tps.has(k) && (x.batches.length === 0 || x.bytes + b.encoded!.length <= this.config.maxRequestSize));
      if (r === undefined) requests.push((r = { batches: [], bytes: 0, tps: new Set() }));
      r.batches.push(b);
      r.bytes += b.encoded!.length;
      r.tps.add(k);
    }
    for (const r of requests) this.sendRequest(leader, r.batches);
  }

  private sendRequest(leader: number, batches: ProducerBatch[]): void {
    const topics = new Map<string, Array<{ index: number; records: Buffer }>>();
    for (const b of batches) {
      let l = topics.get(b.topic);
      if (l === undefined) topics.set(b.topic, (l = []));
      l.push({ index: b.partition, records: b.encoded! });
    }
    const body: ApiTypes[0]['requestInput'] = {
      transactionalId: this.txn?.transactionalId ?? null,
      acks: this.config.acks,
      timeoutMs: this.config.requestTimeoutMs,
      topicData: [...topics].map(([name, partitionData]) => ({ name, partitionData })),
    };
    this.cluster.nodeConnection(leader).then(
      (conn) => this.write(conn, batches, body),
      (e: unknown) => this.onRequestError(batches, e),
    );
  }

  private write(conn: Connection, batches: ProducerBatch[], body: ApiTypes[0]['requestInput']): void {
    let version: number;
    try {
      version = conn.versionFor(ApiKey.Produce);
      // Transaction version 2: Produce v12 adds the partitions to the transaction.
      if (this.txn?.tv2 === true && (conn.versions.broker.get(ApiKey.Produce)?.maxVersion ?? -1) >= PRODUCE_TV2) version = PRODUCE_TV2;
    } catch (e) {
      this.onRequestError(batches, e);
      return;
    }
    const expectResponse = this.config.acks !== 0;
    conn.requestDecoded(ApiKey.Produce, version, body, this.config.requestTimeoutMs + 5000, expectResponse, (err, res) => {
      if (err !== null) {
        this.onRequestError(batches, err);
        return;
      }
      if (!expectResponse) {
        for (const b of batches) this.complete(b, () => b.succeed(-1n, -1n));
        return;
      }
      this.onResponse(conn, batches, res!);
    });
  }

  private onResponse(conn: Connection, batches: ProducerBatch[], res: ApiTypes[0]['response']): void {
    const byTp = new Map<string, ApiTypes[0]['response']['responses'][number]['partitionResponses'][number]>();
    for (const t of res.responses) for (const p of t.partitionResponses) byTp.set(`${t.name}\u0000${p.index}`, p);
    for (const b of batches) {
      const p = byTp.get(`${b.topic}\u0000${b.partition}`);
      if (p === undefined) {
        this.onBatchError(b, new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, { topic: b.topic, partition: b.partition, broker: conn.label, message: 'partition missing from the Produce response' }));
      } else if (p.errorCode === ErrorCode.NONE || p.errorCode === ErrorCode.DUPLICATE_SEQUENCE_NUMBER) {
        this.state(b.topic, b.partition).acked = true;
        this.complete(b, () => b.succeed(p.baseOffset, p.logAppendTimeMs));
      } else {
        const msg = p.errorMessage ?? p.recordErrors.map((r) => r.batchIndexErrorMessage).filter((m) => m !== null).join('; ');
        this.onBatchError(b, new KafkaError(p.errorCode, { topic: b.topic, partition: b.partition, broker: conn.label, message: msg === '' ? null : msg }));
      }
    }
    this.scheduleDrain();
  }

  private onRequestError(batches: ProducerBatch[], e: unknown): void {
    for (const b of batches) this.onBatchError(b, e);
    this.scheduleDrain();
  }

  private onBatchError(b: ProducerBatch, e: unknown): void {
    const s = this.state(b.topic, b.partition);
    // Behind a batch being retried, or behind one that failed for good when the sequences are about to start again.
    const outOfOrderDuringRecovery = e instanceof KafkaError && e.errorCode === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER && (s.recovering || (this.gap && this.renewIdentity !== null));
    const retriable = (isRetriable(e) || outOfOrderDuringRecovery) && this.config.acks !== 0;
    const expired = Date.now() - b.createdAt >= this.config.deliveryTimeoutMs;
    if (!retriable || b.attempts > this.config.retries || expired) {
      this.complete(b, undefined, e);
      return;
    }
    if (e instanceof KafkaError || e instanceof ClientError) b.lastError = e;
    this.config.metrics?.retried();
    this.cluster.log('debug', `produce to ${b.topic}/${b.partition}: retrying a batch of ${b.records.length} (attempt ${b.attempts})`, e);
    if (needsMetadataRefresh(e)) {
      this.cluster.invalidate(b.topic);
      this.refreshTopic(b.topic);
    }
    s.inFlight--;
    if (this.identity !== null) s.recovering = true;
    b.retryAt = Date.now() + Math.min(this.config.retryBackoffMaxMs, this.config.retryBackoffMs * 2 ** (b.attempts - 1));
    s.requeue(b);
  }

  private complete(b: ProducerBatch, settle: (() => void) | undefined, e?: unknown): void {
    const s = this.state(b.topic, b.partition);
    s.inFlight--;
    if (settle === undefined && this.identity !== null && b.baseSequence >= 0) this.gap = true;
    if (s.recovering && s.inFlight === 0 && !s.ready.some((x) => x.baseSequence >= 0)) s.recovering = false;
    this.finish(b, e, settle);
  }

  private finish(b: ProducerBatch, e: unknown, settle?: () => void): void {
    if (settle !== undefined) settle();
    else b.fail(e);
    this.onBatchDone(b, settle === undefined ? e : null);
    if (--this.pending === 0) {
      // Nothing buffered: no linger or retry to wake for (a long linger's timer would keep the process up).
      if (this.wakeTimer !== null) clearTimeout(this.wakeTimer);
      this.wakeTimer = null;
      this.wakeTime = Infinity;
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }
}
