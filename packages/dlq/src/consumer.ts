// DeadLetterConsumer: runs a handler over a consumer group's records; failures are classified,
// transient ones retried (through delay topics, or in place), permanent ones and exhausted retries
// dead-lettered with an envelope, crash-looping records (poison pills) isolated.
//
// Waiting for a retry's due time never sleeps in the handler: the record's partition is sought
// back to it and paused, and resumed by a timer, so other partitions keep flowing.
//
// At least once (default): dead-letter and retry records (and outputs of ctx.send) are acked before
// the consumer moves past the record; offsets are auto-committed. Exactly once (`exactlyOnce`):
// one transaction per fetched batch holds outputs, retry and dead-letter records and the offsets.
import {
  Admin, Consumer, Producer, type ClusterOptions, type ConsumerBatch, type ConsumerOptions, type ConsumerRecord,
  type Message, type ProducerOptions, type TopicPartition,
} from '@tideline/client';
import type { AppMetrics, DlqMetrics } from '@tideline/observability';
import { defaultClassify, type FailureClass } from './classify.js';
import { DlqDepthMonitor } from './depth-monitor.js';
import { startProcessSpan, withActiveTraceContext, withSpanContext } from '@tideline/observability';
import { decodeEnvelope, describeError, stripEnvelope, withEnvelope, wireSchemaId, type Envelope, type ErrorClass } from './envelope.js';
import { DEFAULT_INFLIGHT_TOPIC, defaultDlqTopic, defaultRetryTopic, ensureTopics } from './topics.js';
import { KafkaInflightStore, PartitionGuard, markerKey, type InflightStore } from './poison.js';
import { topicExtents } from './read.js';

/** The record as first consumed (for a retry, its original topic, partition, offset and headers). */
export type DlqRecord = ConsumerRecord;

export interface HandlerContext {
  /** 1 on the first attempt. */
  attempt: number;
  /** The envelope of a retried record (null on the first attempt). */
  envelope: Envelope | null;
  /** The record as fetched (from a retry topic for retries). */
  fetched: ConsumerRecord;
  /** Produces a record once the handler succeeds (inside the transaction with exactlyOnce). */
  send(topic: string, message: Message): void;
}

export type Handler = (record: DlqRecord, ctx: HandlerContext) => void | Promise<void>;

export interface DepthReport {
  /** Records in each dead-letter topic (end - start offsets). */
  byTopic: Record<string, number>;
  total: number;
}

/** What happened to a record; for metrics and tests. */
export type DlqEvent =
  | { type: 'processed'; record: DlqRecord; attempt: number }
  | { type: 'retry'; record: DlqRecord; attempt: number; topic: string; dueMs: number; error: unknown }
  | { type: 'dead-letter'; record: DlqRecord; attempt: number; topic: string; errorClass: ErrorClass; error: unknown }
  | { type: 'waiting'; tp: TopicPartition; offset: bigint; dueMs: number };

export interface RetryOptions {
  /** `topics` (default): non-blocking, through delay topics. `blocking`: in place, keeping the partition's order. */
  mode?: 'topics' | 'blocking';
  /** Delay before each retry; attempts = delays + 1. Default [1000, 10000, 60000]. */
  delaysMs?: readonly number[];
  /** Default `<topic>.retry.<delay>` (`orders.retry.10s`). */
  retryTopic?: (topic: string, delayMs: number) => string;
}

export interface PoisonOptions {
  /** Crashes on one offset before it is dead-lettered with class `poison`. Default 3. */
  maxCrashes?: number;
  /** Compacted marker topic. Default `tide.dlq.inflight`. */
  topic?: string;
  /** Another durable store (the default is the topic). */
  store?: InflightStore;
}

export interface DeadLetterConsumerOptions extends ClusterOptions {
  groupId: string;
  topics: readonly string[];
  handler: Handler;
  /** transient (retry) or permanent (dead-letter now). Default: defaultClassify. */
  classify?: (error: unknown, record: DlqRecord) => FailureClass;
  retry?: RetryOptions;
  /** Default `<topic>.dlq`. */
  dlqTopic?: (topic: string) => string;
  /** Crash tracking; default on. `false` turns it off. */
  poison?: PoisonOptions | false;
  /** One transaction per batch (read_committed, no auto commit). */
  exactlyOnce?: { transactionalId: string; transactionTimeoutMs?: number } | false;
  /** Create retry, dead-letter and marker topics (source partition counts). Default true. */
  createTopics?: boolean;
  /** Alerting on dead-letter depth. */
  depthAlert?: { threshold: number; intervalMs?: number; onThreshold: (depth: DepthReport) => void };
  /** Extra consumer and producer options. */
  consumer?: Partial<ConsumerOptions>;
  producer?: Partial<ProducerOptions>;
  /** Observes every outcome. */
  onEvent?: (e: DlqEvent) => void;
  /** Written as tide.dlq.source. Default: clientId or the group. */
  source?: string;
  /**
   * Opt-in Prometheus metrics: `appMetrics(registry)` from @tideline/observability. Records
   * dead-lettered and retried, DLQ depth by error class and retry-topic depth (refreshed every
   * `metricsIntervalMs`, default 30000), and the inner consumer's and producer's metrics.
   */
  metrics?: AppMetrics;
  metricsIntervalMs?: number;
}

interface Outgoing {
  topic: string;
  message: Message;
}

interface BlockedAttempt {
  attempt: number;
  firstFailureMs: number;
}

const tpKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export class DeadLetterConsumer {
  readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly opts: DeadLetterConsumerOptions;
  private readonly delays: readonly number[];
  private readonly retryTopicOf: (topic: string, delayMs: number) => string;
  private readonly dlqTopicOf: (topic: string) => string;
  /** Retry topic name -> index of its delay. */
  private readonly retryIndex = new Map<string, number>();
  private readonly partitionCounts = new Map<string, number>();
  private readonly store: InflightStore | null;
  private readonly maxCrashes: number;
  private readonly guards = new Map<string, Promise<PartitionGuard | null>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly blocked = new Map<string, BlockedAttempt>();
  private readonly eos: boolean;
  private depthTimer: NodeJS.Timeout | null = null;
  private readonly metrics: DlqMetrics | null;
  private depthMonitor: DlqDepthMonitor | null = null;
  private closed = false;
  private inBatch: Promise<void> | null = null;
  private running: Promise<void> | null = null;

  constructor(opts: DeadLetterConsumerOptions) {
    this.opts = opts;
    this.eos = opts.exactlyOnce !== undefined && opts.exactlyOnce !== false;
    this.delays = opts.retry?.delaysMs ?? [1000, 10_000, 60_000];
    this.retryTopicOf = opts.retry?.retryTopic ?? defaultRetryTopic;
    this.dlqTopicOf = opts.dlqTopic ?? defaultDlqTopic;
    const cluster = clusterOptions(opts);
    this.metrics = opts.metrics?.dlq() ?? null;
    this.consumer = new Consumer({
      ...cluster,
      ...(opts.metrics !== undefined ? { metrics: opts.metrics } : {}),
      groupId: opts.groupId,
      ...(this.eos ? { autoCommit: false, isolationLevel: 'read_committed' as const } : {}),
      ...opts.consumer,
    });
    const eos = opts.exactlyOnce;
    this.producer = new Producer({
      ...cluster,
      ...(opts.metrics !== undefined ? { metrics: opts.metrics } : {}),
      lingerMs: 2,
      ...(eos !== undefined && eos !== false ? { transactionalId: eos.transactionalId, transactionTimeoutMs: eos.transactionTimeoutMs ?? 60_000 } : {}),
      ...opts.producer,
    });
    const poison = opts.poison ?? {};
    this.maxCrashes = poison === false ? Infinity : (poison.maxCrashes ?? 3);
    this.store = poison === false ? null : (poison.store ?? new KafkaInflightStore(cluster, poison.topic ?? DEFAULT_INFLIGHT_TOPIC));
    if (opts.retry?.mode !== 'blocking') {
      for (const t of opts.topics) this.delays.forEach((d, i) => this.retryIndex.set(this.retryTopicOf(t, d), i));
    }
  }

  /** Topics the consumer subscribes to: the sources and (non-blocking mode) their retry topics. */
  get subscribedTopics(): string[] {
    return [...this.opts.topics, ...this.retryIndex.keys()];
  }

  /** The dead-letter topics this consumer writes. */
  get dlqTopics(): string[] {
    return [...new Set(this.opts.topics.map((t) => this.dlqTopicOf(t)))];
  }

  /** Creates topics, joins the group and processes until close(); rejects on a fatal error. */
  run(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  private async loop(): Promise<void> {
    const cluster = clusterOptions(this.opts);
    const admin = new Admin(cluster);
    try {
      const wanted: Array<{ topic: string; source?: string; partitions?: number; compacted?: boolean }> = [];
      for (const t of this.opts.topics) {
        wanted.push({ topic: this.dlqTopicOf(t), source: t });
        for (const [rt, i] of this.retryIndex) if (rt === this.retryTopicOf(t, this.delays[i]!)) wanted.push({ topic: rt, source: t });
      }
      if (this.store instanceof KafkaInflightStore) wanted.push({ topic: this.store.topic, partitions: 1, compacted: true });
      if (this.opts.createTopics !== false) await ensureTopics(admin, wanted);
      for (const d of await admin.describeTopics(wanted.map((w) => w.topic).filter((t) => t !== (this.store instanceof KafkaInflightStore ? this.store.topic : '')))) {
        this.partitionCounts.set(d.name, d.partitions.length);
      }
    } finally {
      await admin.close();
    }
    if (this.eos) await this.producer.initTransactions();
    // close() during the setup above: it found no timers or consumer to stop, so start none.
    if (this.closed) return;
    this.startDepthAlert();
    if (this.opts.metrics !== undefined && !this.closed) {
      this.depthMonitor = new DlqDepthMonitor({
        ...cluster, metrics: this.opts.metrics, dlqTopics: this.dlqTopics, retry: { topics: [...this.retryIndex.keys()], groupId: this.opts.groupId },
        ...(this.opts.metricsIntervalMs !== undefined ? { intervalMs: this.opts.metricsIntervalMs } : {}),
      });
      this.depthMonitor.start();
    }
    this.consumer.subscribe(this.subscribedTopics, {
      onAssigned: (tps) => {
        this.loadGuards(tps);
      },
      onRevoked: async (tps) => {
        await this.release(tps, true);
      },
      onLost: async (tps) => {
        await this.release(tps, false);
      },
    });
    for await (const batch of this.consumer.batches()) {
      if (this.closed) {
        // Not processed: leaving the loop must not count it as consumed.
        if (batch.records.length > 0) this.rewind(batch, batch.records[0]!.offset);
        break;
      }
      this.inBatch = this.processBatch(batch);
      try {
        await this.inBatch;
      } finally {
        this.inBatch = null;
      }
    }
  }

  /** Loads the markers of newly assigned partitions with one read of the marker topic. */
  private loadGuards(tps: readonly TopicPartition[]): void {
    const store = this.store;
    const todo = tps.filter((tp) => !this.guards.has(tpKey(tp.topic, tp.partition)));
    if (todo.length === 0) return;
    if (store === null) {
      for (const tp of todo) this.guards.set(tpKey(tp.topic, tp.partition), Promise.resolve(null));
      return;
    }
    const keys = todo.map((tp) => markerKey(this.opts.groupId, tp.topic, tp.partition));
    const loaded = store.load(keys);
    todo.forEach((tp, i) => {
      const k = tpKey(tp.topic, tp.partition);
      const key = keys[i]!;
      const g = loaded.then((m) => new PartitionGuard(store, key, this.maxCrashes, m.get(key) ?? null));
      // A failed load is tried again by the next batch of the partition.
      g.catch(() => {
        if (this.guards.get(k) === g) this.guards.delete(k);
      });
      this.guards.set(k, g);
    });
  }

  private guardFor(tp: TopicPartition): Promise<PartitionGuard | null> {
    const k = tpKey(tp.topic, tp.partition);
    if (!this.guards.has(k)) this.loadGuards([tp]);
    return this.guards.get(k)!;
  }

  private async release(tps: readonly TopicPartition[], orderly: boolean): Promise<void> {
    for (const tp of tps) {
      const k = tpKey(tp.topic, tp.partition);
      const t = this.timers.get(k);
      if (t !== undefined) clearTimeout(t);
      this.timers.delete(k);
      for (const b of this.blocked.keys()) if (b.startsWith(`${k}\u0000`)) this.blocked.delete(b);
      const g = this.guards.get(k);
      this.guards.delete(k);
      if (orderly && g !== undefined) {
        const guard = await g.catch(() => null);
        if (guard !== null && !guard.careful) await guard.clean().catch(() => undefined);
      }
    }
  }

  /** The record as the handler sees it, its attempt number and envelope. */
  private view(r: ConsumerRecord): { record: DlqRecord; envelope: Envelope | null; retryIdx: number | null } {
    const idx = this.retryIndex.get(r.topic);
    if (idx === undefined) return { record: r, envelope: null, retryIdx: null };
    const env = decodeEnvelope(r.headers);
    if (env === null) return { record: r, envelope: null, retryIdx: null };
    return {
      record: {
        topic: env.originalTopic,
        partition: env.originalPartition,
        offset: env.originalOffset,
        timestamp: BigInt(env.originalTimestamp),
        key: r.key,
        value: r.value,
        headers: stripEnvelope(r.headers),
      },
      envelope: env,
      retryIdx: idx,
    };
  }

  private async processBatch(batch: ConsumerBatch): Promise<void> {
    const tp = { topic: batch.topic, partition: batch.partition };
    const guard = await this.guardFor(tp);
    const records = batch.records;
    if (records.length === 0) return;
    const last = records[records.length - 1]!.offset;
    const out: Outgoing[] = [];
    const sends: Array<Promise<unknown>> = [];
    const emit = (o: Outgoing[]): void => {
      for (const x of o) {
        if (this.eos) out.push(x);
        else {
          // Awaited after the batch's other records (their handlers may take long): its failure
          // is handled there, not an unhandled rejection meanwhile.
          const sent = this.producer.send({ topic: x.topic, messages: [x.message] });
          sent.catch(() => undefined);
          sends.push(sent);
        }
      }
    };
    let stopAt: { offset: bigint; dueMs: number } | null = null;
    if (this.eos) await this.producer.beginTransaction();
    try {
      if (guard !== null && !guard.careful) await guard.beginRange(records[0]!.offset, last);
      for (const r of records) {
        if (this.closed) {
          stopAt = { offset: r.offset, dueMs: 0 };
          break;
        }
        const v = this.view(r);
        const now = Date.now();
        if (v.envelope?.dueMs !== undefined && v.envelope.dueMs > now) {
          stopAt = { offset: r.offset, dueMs: v.envelope.dueMs };
          break;
        }
        const bkey = `${tpKey(r.topic, r.partition)}\u0000${r.offset}`;
        const blocked = this.blocked.get(bkey);
        if (guard !== null) {
          const verdict = await guard.beforeRecord(r.offset, last);
          if (verdict.poison) {
            const err = new Error(`processing crashed the consumer ${verdict.crashes} times on this record`);
            err.name = 'PoisonPill';
            emit([this.deadLetter(v.record, r, v.envelope, 'poison', err, verdict.crashes, blocked)]);
            continue;
          }
        }
        const attempt = (v.envelope?.attempt ?? blocked?.attempt ?? 0) + 1;
        // Tracing: the handler runs in a process span continuing the record's trace; what it sends and the dead letter carry it.
        const span = startProcessSpan(r, { group: this.opts.groupId });
        const pending: Outgoing[] = [];
        const ctx: HandlerContext = {
          attempt,
          envelope: v.envelope,
          fetched: r,
          send: (topic, message) => {
            // Created in the handler's span; with exactlyOnce sent later, outside it.
            pending.push({ topic, message: span === null ? message : { ...message, headers: withActiveTraceContext(message.headers) } });
          },
        };
        try {
          await withSpanContext(span, () => this.opts.handler(v.record, ctx));
          span?.end();
          this.blocked.delete(bkey);
          withSpanContext(span, () => emit(pending));
          this.opts.onEvent?.({ type: 'processed', record: v.record, attempt });
          continue;
        } catch (err) {
          span?.end(err);
          const cls = this.classify(err, v.record);
          const failedAt = Date.now();
          if (cls === 'permanent' || attempt > this.delays.length) {
            this.blocked.delete(bkey);
            withSpanContext(span, () => emit([this.deadLetter(v.record, r, v.envelope, cls, err, attempt, blocked, failedAt)]));
            continue;
          }
          const delay = this.delays[attempt - 1]!;
          const dueMs = failedAt + delay;
          if (this.opts.retry?.mode === 'blocking') {
            this.blocked.set(bkey, { attempt, firstFailureMs: blocked?.firstFailureMs ?? failedAt });
            this.opts.onEvent?.({ type: 'retry', record: v.record, attempt, topic: r.topic, dueMs, error: err });
            stopAt = { offset: r.offset, dueMs };
            break;
          }
          const topic = this.retryTopicOf(v.record.topic, delay);
          const env = this.envelope(v.record, v.envelope, 'transient', err, attempt, undefined, failedAt);
          env.dueMs = dueMs;
          withSpanContext(span, () => emit([{ topic, message: this.copy(v.record, r, env, topic, false) }]));
          this.metrics?.retried(topic);
          this.opts.onEvent?.({ type: 'retry', record: v.record, attempt, topic, dueMs, error: err });
        }
      }
      if (this.eos) {
        for (const o of out) sends.push(this.producer.send({ topic: o.topic, messages: [o.message] }));
        await Promise.all(sends);
        const next = stopAt?.offset ?? last + 1n;
        if (next > records[0]!.offset) {
          await this.producer.sendOffsetsToTransaction([{ ...tp, offset: next }], this.consumer.groupMetadata());
        }
        await this.producer.commitTransaction();
      } else {
        await Promise.all(sends);
      }
    } catch (e) {
      if (this.eos) {
        await this.producer.abortTransaction().catch(() => undefined);
        // Nothing of the batch counts: read it again.
        this.rewind(tp, records[0]!.offset);
      }
      throw e;
    }
    if (stopAt !== null) {
      if (this.closed) this.rewind(tp, stopAt.offset);
      else this.waitUntil(tp, stopAt.offset, stopAt.dueMs);
    }
  }

  private rewind(tp: TopicPartition, offset: bigint): void {
    try {
      this.consumer.seek({ ...tp, offset });
    } catch {
      // no longer assigned
    }
  }

  /** Holds the partition at `offset` until `dueMs`: seek back, pause, resume from a timer. */
  private waitUntil(tp: TopicPartition, offset: bigint, dueMs: number): void {
    this.rewind(tp, offset);
    this.consumer.pause([tp]);
    this.opts.onEvent?.({ type: 'waiting', tp, offset, dueMs });
    const k = tpKey(tp.topic, tp.partition);
    const old = this.timers.get(k);
    if (old !== undefined) clearTimeout(old);
    this.timers.set(k, setTimeout(() => {
      this.timers.delete(k);
      if (!this.closed) this.consumer.resume([tp]);
    }, Math.max(0, dueMs - Date.now())));
  }

  private classify(err: unknown, record: DlqRecord): FailureClass {
    try {
      return (this.opts.classify ?? defaultClassify)(err, record);
    } catch {
      return 'permanent';
    }
  }

  private envelope(record: DlqRecord, prev: Envelope | null, cls: ErrorClass, err: unknown, attempt: number, blocked: BlockedAttempt | undefined, failedAt = Date.now()): Envelope {
    return {
      originalTopic: record.topic,
      originalPartition: record.partition,
      originalOffset: record.offset,
      originalTimestamp: Number(record.timestamp),
      group: this.opts.groupId,
      errorClass: cls,
      ...describeError(err),
      attempt,
      firstFailureMs: prev?.firstFailureMs ?? blocked?.firstFailureMs ?? failedAt,
      lastFailureMs: failedAt,
      source: this.opts.source ?? this.opts.clientId ?? this.opts.groupId,
    };
  }

  private deadLetter(record: DlqRecord, fetched: ConsumerRecord, prev: Envelope | null, cls: ErrorClass, err: unknown, attempt: number, blocked: BlockedAttempt | undefined, failedAt = Date.now()): Outgoing {
    const topic = this.dlqTopicOf(record.topic);
    const env = this.envelope(record, prev, cls, err, attempt, blocked, failedAt);
    const keyId = wireSchemaId(fetched.key);
    const valueId = wireSchemaId(fetched.value);
    if (keyId !== undefined) env.keySchemaId = keyId;
    if (valueId !== undefined) env.valueSchemaId = valueId;
    this.opts.onEvent?.({ type: 'dead-letter', record, attempt, topic, errorClass: cls, error: err });
    this.metrics?.deadLettered(topic, cls);
    return { topic, message: this.copy(record, fetched, env, topic, true) };
  }

  /** The original key, value and headers with the envelope; the original timestamp on dead letters. */
  private copy(record: DlqRecord, fetched: ConsumerRecord, env: Envelope, topic: string, keepTimestamp: boolean): Message {
    const n = this.partitionCounts.get(topic);
    const m: Message = { key: fetched.key, value: fetched.value, headers: withEnvelope(record.headers, env) };
    if (n !== undefined && n > 0) m.partition = record.partition % n;
    if (keepTimestamp) m.timestamp = record.timestamp;
    return m;
  }

  private startDepthAlert(): void {
    const a = this.opts.depthAlert;
    if (a === undefined) return;
    const admin = new Admin(clusterOptions(this.opts));
    let busy = false;
    this.depthTimer = setInterval(() => {
      if (busy || this.closed) return;
      busy = true;
      dlqDepth(admin, this.dlqTopics)
        .then((d) => {
          if (d.total >= a.threshold) a.onThreshold(d);
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, a.intervalMs ?? 30_000);
    this.depthTimer.unref();
    const stop = (): void => void admin.close();
    this.stopDepth = stop;
  }

  private stopDepth: (() => void) | null = null;

  /** Stops after the batch in hand; commits (at least once) and leaves the group. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    if (this.depthTimer !== null) clearInterval(this.depthTimer);
    this.stopDepth?.();
    await this.depthMonitor?.close();
    // The batch in hand stops at its next record; then the consumer commits and leaves (onRevoked
    // writes the clean markers).
    await this.inBatch?.catch(() => undefined);
    await this.consumer.close();
    await this.running?.catch(() => undefined);
    await this.producer.close().catch(() => undefined);
    await this.store?.close();
  }
}

/** Records in each dead-letter topic (end minus start offsets, over all partitions). */
export async function dlqDepth(admin: Admin, topics: readonly string[]): Promise<DepthReport> {
  const ext = await topicExtents(admin, topics);
  const byTopic: Record<string, number> = {};
  for (const t of topics) byTopic[t] = 0;
  let total = 0;
  for (const e of ext) {
    const n = Number(e.end - e.start);
    byTopic[e.topic] = (byTopic[e.topic] ?? 0) + n;
    total += n;
  }
  return { byTopic, total };
}

function clusterOptions(o: ClusterOptions): ClusterOptions {
  const c: ClusterOptions = { bootstrap: o.bootstrap };
  if (o.clientId !== undefined) c.clientId = o.clientId;
  if (o.connectTimeoutMs !== undefined) c.connectTimeoutMs = o.connectTimeoutMs;
  if (o.requestTimeoutMs !== undefined) c.requestTimeoutMs = o.requestTimeoutMs;
  if (o.retries !== undefined) c.retries = o.retries;
  if (o.retryBackoffMs !== undefined) c.retryBackoffMs = o.retryBackoffMs;
  if (o.retryBackoffMaxMs !== undefined) c.retryBackoffMaxMs = o.retryBackoffMaxMs;
  if (o.logger !== undefined) c.logger = o.logger;
  if (o.security !== undefined) c.security = o.security;
  return c;
}
