// Producer: send() partitions each message, appends it to its partition's batch and resolves
// with the records' offsets once acknowledged. Idempotent by default (InitProducerId on first
// use, per-partition sequences). Buffer memory is bounded: send() waits for space. With a
// `transactionalId` the producer is transactional (see transactions.ts).
import type { ProducerMetrics } from '@tideline/observability';
import { ApiKey, CompressionType, ErrorCode, TidelineError, partitionForKey, type RecordHeader, type RecordInput } from '@tideline/protocol';
import { hasTraceContext, startSendSpan, tracingEnabled } from '@tideline/observability';
import { Cluster } from '../cluster.js';
import type { ThrottleStats } from '../connection.js';
import { Coordinators } from '../coordinator.js';
import { ClientError, ClientErrorCode, KafkaError } from '../errors.js';
import { ProducerBatch, SendCall, estimateSize } from './batch.js';
import { Sender, type ProducerIdentity } from './sender.js';
import { TransactionManager, type ConsumerGroupMetadata, type OffsetToCommit } from './transactions.js';
import type { Bytes, CompressionName, Message, ProducerOptions, ProducerRecord, RecordMetadata } from './types.js';

const COMPRESSION: Record<CompressionName, CompressionType> = {
  none: CompressionType.None,
  gzip: CompressionType.Gzip,
  snappy: CompressionType.Snappy,
  lz4: CompressionType.Lz4,
  zstd: CompressionType.Zstd,
};

const toBuffer = (b: Bytes | null | undefined): Buffer | null => (b === null || b === undefined ? null : typeof b === 'string' ? Buffer.from(b) : b);

function toHeaders(h: NonNullable<Message['headers']>): RecordHeader[] {
  if (Array.isArray(h)) {
    const list = h as ReadonlyArray<{ key: string; value: Bytes | null }>;
    const out = new Array<RecordHeader>(list.length);
    for (let i = 0; i < list.length; i++) out[i] = { key: list[i]!.key, value: toBuffer(list[i]!.value) };
    return out;
  }
  const out: RecordHeader[] = [];
  const rec = h as Record<string, Bytes | null>;
  for (const key in rec) out.push({ key, value: toBuffer(rec[key]) });
  return out;
}

/** Sticky partitioning for null keys (KIP-794's rule without the load-adaptive part): stay on a partition for batchSize bytes, then move to another random one. */
class StickyState {
  partition = -1;
  bytes = 0;
}

export class Producer {
  readonly cluster: Cluster;
  private readonly opts: ProducerOptions;
  private readonly acks: number;
  private readonly idempotent: boolean;
  private readonly bufferMemory: number;
  private readonly batchSize: number;
  private readonly sticky = new Map<string, StickyState>();
  private sender: Sender | null = null;
  private starting: Promise<Sender> | null = null;
  private bufferUsed = 0;
  private readonly memoryWaiters: Array<{ size: number; resume: () => void }> = [];
  private closed = false;
  private readonly txn: TransactionManager | null;
  private readonly metrics: ProducerMetrics | null;
  /** The producer id and epoch (idempotent producers, after the first send). */
  identity: ProducerIdentity | null = null;

  constructor(opts: ProducerOptions) {
    this.opts = opts;
    this.cluster = new Cluster(opts);
    const acks = opts.acks === undefined || opts.acks === 'all' ? -1 : opts.acks;
    if (acks !== -1 && acks !== 0 && acks !== 1) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `acks must be 0, 1, -1 or 'all', not ${String(opts.acks)}`);
    this.acks = acks;
    const transactional = opts.transactionalId !== undefined && opts.transactionalId !== null;
    if (transactional && opts.idempotent === false) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, 'a transactional producer is idempotent');
    this.idempotent = opts.idempotent ?? (acks === -1 || transactional);
    if (this.idempotent && acks !== -1) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, "an idempotent producer needs acks 'all'");
    if (this.idempotent && (opts.maxInFlightPerPartition ?? 5) > 5) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, 'an idempotent producer allows at most 5 batches in flight per partition');
    this.bufferMemory = opts.bufferMemory ?? 32 * 1024 * 1024;
    this.batchSize = opts.batchSize ?? 16384;
    this.metrics = opts.metrics?.producer({ clientId: opts.clientId }) ?? null;
    this.txn = transactional
      ? new TransactionManager(this.cluster, new Coordinators(this.cluster), opts.transactionalId!, opts.transactionTimeoutMs ?? 60_000, opts.retryBackoffMs ?? 100)
      : null;
  }

  private start(): Promise<Sender> {
    this.starting ??= (async () => {
      if (this.txn !== null) this.identity = await this.txn.init();
      else if (this.idempotent) this.identity = await this.initProducerId();
      const o = this.opts;
      this.sender = new Sender(this.cluster, {
        acks: this.acks,
        compression: COMPRESSION[o.compression ?? 'none'],
        lingerMs: o.lingerMs ?? 5,
        adaptiveLinger: o.adaptiveLinger ?? false,
        batchSize: this.batchSize,
        deliveryTimeoutMs: o.deliveryTimeoutMs ?? 120_000,
        maxInFlightPerPartition: o.maxInFlightPerPartition ?? 5,
        maxRequestSize: o.maxRequestSize ?? 1024 * 1024,
        requestTimeoutMs: o.requestTimeoutMs ?? 30_000,
        retryBackoffMs: o.retryBackoffMs ?? 100,
        retryBackoffMaxMs: o.retryBackoffMaxMs ?? 1000,
        retries: o.retries ?? (this.idempotent ? 2147483647 : 5),
        metrics: this.metrics,
      }, this.identity, (b, e) => this.onBatchDone(b, e), this.txn, this.txn === null && this.identity !== null ? () => this.renewProducerId() : null);
      if (this.txn !== null) this.txn.onPartitionsAdded = () => this.sender?.scheduleDrain();
      if (this.txn !== null) {
        this.txn.onIdentityChanged = (id) => {
          this.identity = id;
          this.sender?.resetSequences(id);
        };
      }
      return this.sender;
    })();
    this.starting.catch(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private initProducerId(): Promise<ProducerIdentity> {
    return this.cluster.retry('InitProducerId', async () => {
      const conn = await this.cluster.anyConnection();
      const res = await conn.request(ApiKey.InitProducerId, { transactionalId: null, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 });
      if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label });
      return { producerId: res.producerId, producerEpoch: res.producerEpoch };
    });
  }

  /** A new producer id after a batch failed for good (the sender then starts the sequences again). */
  private async renewProducerId(): Promise<ProducerIdentity> {
    this.identity = await this.initProducerId();
    return this.identity;
  }

  /** Sends messages to one topic; resolves with each record's partition and offset, in order. */
  async send(record: ProducerRecord): Promise<RecordMetadata[]> {
    if (this.closed) throw new ClientError(ClientErrorCode.CLOSED, 'producer closed');
    this.txn?.checkSend();
    const { topic, messages } = record;
    // The first send asks for its producer id and for the topic's metadata side by side: neither
    // needs the other, and either can wait on the broker's disk (the id block, an auto-created topic).
    const [sender, info] = await Promise.all([this.sender ?? this.start(), this.cluster.cachedTopic(topic) ?? this.cluster.topic(topic)]);
    // Tracing (a PRODUCER span, W3C context in the headers): nothing when no SDK is registered.
    const span = tracingEnabled() ? startSendSpan(topic, messages.map((m) => (m.headers === undefined ? undefined : toHeaders(m.headers))), this.opts.clientId) : null;
    let call!: SendCall;
    const result = new Promise<RecordMetadata[]>((resolve, reject) => {
      call = new SendCall(messages.length, resolve, reject);
    });
    const now = BigInt(Date.now());
    const n = info.partitions.length;
    const custom = this.opts.partitioner;
    for (let i = 0; i < messages.length; i++) {
      const m = messages[i]!;
      const key = toBuffer(m.key);
      const value = toBuffer(m.value);
      const input: RecordInput = { key, value, timestamp: m.timestamp === undefined ? now : BigInt(m.timestamp) };
      if (m.headers !== undefined) input.headers = toHeaders(m.headers);
      if (span !== null && span.headers.length > 0 && (input.headers === undefined || !hasTraceContext(input.headers))) input.headers = [...(input.headers ?? []), ...span.headers];
      const size = estimateSize(input);
      if (size > this.bufferMemory) {
        call.fail(new ClientError(ClientErrorCode.INVALID_ARGUMENT, `a record of ${size} bytes exceeds bufferMemory (${this.bufferMemory})`));
        break;
      }
      if (this.bufferUsed + size > this.bufferMemory || this.memoryWaiters.length > 0) await this.waitForMemory(size);
      else this.bufferUsed += size;
      let partition: number;
      if (m.partition !== undefined) partition = m.partition;
      else if (custom !== undefined) partition = custom({ topic, key, value, partitionCount: n });
      else if (key !== null) partition = partitionForKey(key, n);
      else partition = this.stickyPartition(topic, n, size);
      if (!Number.isInteger(partition) || partition < 0 || partition >= n) {
        this.bufferUsed -= size;
        call.fail(new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, { topic, partition, message: `partition ${partition} is outside 0..${n - 1}` }));
        break;
      }
      const batch = sender.batchFor(topic, partition, size);
      batch.add(input, call, i, size);
      sender.noteAppended(batch);
    }
    if (span !== null) result.then((r) => span.end(r), (e: unknown) => span.end(null, e));
    return result;
  }

  private stickyPartition(topic: string, n: number, size: number): number {
    let s = this.sticky.get(topic);
    if (s === undefined) this.sticky.set(topic, (s = new StickyState()));
    if (s.partition < 0 || s.partition >= n || s.bytes >= this.batchSize) {
      const prev = s.partition;
      let next = Math.floor(Math.random() * n);
      if (n > 1 && next === prev) next = (next + 1 + Math.floor(Math.random() * (n - 1))) % n;
      s.partition = next;
      s.bytes = 0;
    }
    s.bytes += size;
    return s.partition;
  }

  private waitForMemory(size: number): Promise<void> {
    return new Promise((resume) => this.memoryWaiters.push({ size, resume }));
  }

  private onBatchDone(b: ProducerBatch, error: unknown): void {
    if (error !== null && error !== undefined) this.txn?.batchFailed(error);
    if (this.metrics !== null) {
      if (error === null || error === undefined) this.metrics.delivered(b.topic, b.records.length, b.encoded?.length ?? 0);
      else this.metrics.failed(error instanceof TidelineError ? error.code : 'UNKNOWN', b.records.length);
    }
    this.bufferUsed -= b.size;
    while (this.memoryWaiters.length > 0 && this.bufferUsed + this.memoryWaiters[0]!.size <= this.bufferMemory) {
      const w = this.memoryWaiters.shift()!;
      this.bufferUsed += w.size;
      w.resume();
    }
  }

  /** Bytes of records buffered and not yet acknowledged. */
  /**
   * Quota throttling the brokers asked of this client (KIP-219): how many responses carried a
   * throttle time, their sum, max and latest (ms). While throttled, a connection holds its
   * queued requests. A live view, like Kafka's *-throttle-time-avg/max metrics.
   */
  get throttle(): Readonly<ThrottleStats> {
    return this.cluster.throttle;
  }

  get bufferedBytes(): number {
    return this.bufferUsed;
  }

  /** Sends all buffered records now; resolves when every one is acknowledged or failed. */
  async flush(): Promise<void> {
    await this.sender?.flush();
  }

  // ---- transactions ------------------------------------------------------------------------

  private requireTxn(): TransactionManager {
    if (this.txn === null) throw new ClientError(ClientErrorCode.INVALID_STATE, 'not a transactional producer (set transactionalId)');
    if (this.closed) throw new ClientError(ClientErrorCode.CLOSED, 'producer closed');
    return this.txn;
  }

  /**
   * Registers the transactional id with its coordinator (fencing older producers with the same
   * id and aborting their open transaction). Called by beginTransaction() when needed.
   */
  async initTransactions(): Promise<void> {
    this.requireTxn();
    await this.start();
  }

  async beginTransaction(): Promise<void> {
    const txn = this.requireTxn();
    await this.start();
    txn.begin();
  }

  /** Commits consumer offsets as part of the transaction (exactly-once consume-transform-produce). */
  async sendOffsetsToTransaction(offsets: readonly OffsetToCommit[], group: ConsumerGroupMetadata | string): Promise<void> {
    const txn = this.requireTxn();
    const meta = typeof group === 'string' ? { groupId: group, generationId: -1, memberId: '', groupInstanceId: null } : group;
    await txn.sendOffsets(offsets, meta);
  }

  /** Flushes the transaction's records and commits it; throws (leaving it abortable) if a send failed. */
  async commitTransaction(): Promise<void> {
    const txn = this.requireTxn();
    await txn.end(true, () => this.flush());
  }

  /** Drops unsent records, waits for those in flight, and aborts the transaction. */
  async abortTransaction(): Promise<void> {
    const txn = this.requireTxn();
    await txn.end(false, async () => {
      this.sender?.abortUnsent(new ClientError(ClientErrorCode.INVALID_STATE, 'transaction aborted'));
      await this.flush();
    });
    // A batch that failed for good left a sequence gap: take a new epoch and start again at 0.
    if (this.sender?.sequenceGap === true) {
      this.identity = await txn.renew();
      this.sender.resetSequences(this.identity);
    }
  }

  // ------------------------------------------------------------------------------------------

  /** Flushes (unless `{ flush: false }`), then closes every connection. */
  async close(opts: { flush?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sender !== null) {
      if (opts.flush === false || (this.txn !== null && this.txn.inTransaction)) this.sender.abortUnsent(new ClientError(ClientErrorCode.CLOSED, 'producer closed'));
      await this.sender.flush();
    }
    await this.cluster.close();
  }
}
