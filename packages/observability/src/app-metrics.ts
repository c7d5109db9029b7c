// Application metrics: the producer, the consumer, a streams application and the dead-letter
// toolkit report into a prom-client Registry the application owns, only when it opts in.
//
// Opt-in: `appMetrics(registry)` is the small wrapper an application passes as `metrics` to a
// Producer, Consumer, KafkaStreams or DeadLetterConsumer. Without it nothing is registered and the
// hot path costs one null check (`this.metrics?.x()`). prom-client itself is loaded on the first
// appMetrics() call, so applications that never create metrics do not load it.
//
// Families are registered on first use per component (a registry given only to producers holds
// only producer metrics) and shared by every component on the same registry (one wrapper per
// registry). Values that already exist as state (consumer lag, a streams task's counters and
// watermarks, DLQ depth) are read when the registry is scraped (`collect`), not pushed per record.
//
// Names follow Prometheus conventions (prefix tideline_, base units, _total, _seconds, _bytes)
// and stay low-cardinality: per topic where an application names its topics, per partition only
// for what is bounded by the assignment (consumer lag, streams watermarks).
import { createRequire } from 'node:module';
import type * as PromClient from 'prom-client';
import type { Counter, Histogram, Registry } from 'prom-client';

let loaded: typeof PromClient | null = null;
/**
 * prom-client, loaded on first use: the client, streams and DLQ packages import this package at
 * run time (tracing), and an application that never creates metrics does not load prom-client.
 * (The same module instance as the application's own `import 'prom-client'`: one require cache.)
 */
const prom = (): typeof PromClient => (loaded ??= createRequire(import.meta.url)('prom-client') as typeof PromClient);

const SIZE_BUCKETS = [128, 512, 1024, 4096, 16384, 65536, 262144, 1048576];
const COUNT_BUCKETS = [1, 2, 5, 10, 50, 100, 500, 1000, 5000];
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

// ---- what the components report -------------------------------------------------------------

/** The producer's hooks (see @tideline/client's ProducerOptions.metrics). */
export interface ProducerMetrics {
  /** A batch leaves for the broker the first time: its size, record count and time since its first record was appended. */
  batchSent(bytes: number, records: number, queueSeconds: number): void;
  /** A batch is sent again after a retriable error. */
  retried(): void;
  /** A batch was acknowledged. */
  delivered(topic: string, records: number, bytes: number): void;
  /** A batch failed for good; `code` is the error's stable code (a Kafka error name or a client code). */
  failed(code: string, records: number): void;
}

/** One assigned partition's lag as the consumer sees it. */
export interface ConsumerPartitionLag {
  topic: string;
  partition: number;
  /** High watermark minus the position (the next record handed to the application). */
  lag: bigint | number;
}

/** The consumer's hooks (see @tideline/client's ConsumerOptions.metrics). */
export interface ConsumerMetrics {
  fetchLatency(seconds: number): void;
  /** Records handed to the application from one fetched batch, and the batch's fetched bytes. */
  consumed(topic: string, records: number, bytes: number): void;
  /** Stops reporting this consumer's lag (on close). */
  close(): void;
}

/** A streams task as KafkaStreams.metrics() reports it (structurally: streams imports nothing from here at run time). */
export interface StreamsTaskSnapshot {
  taskId: string;
  processed: number;
  lateRecords: number;
  lateDropped: number;
  restored: number;
  windowsClosed: number;
  partitions: ReadonlyArray<{ topic: string; partition: number; watermark: number }>;
}

export interface StreamsSnapshot {
  tasks: readonly StreamsTaskSnapshot[];
  commits: number;
}

/** A streams application's hooks (see @tideline/streams' StreamsConfig.metrics). */
export interface StreamsAppMetrics {
  commitLatency(seconds: number): void;
  /** Stops reporting this application (on close). */
  close(): void;
}

/** Depth of one dead-letter topic. */
export interface DlqDepthSnapshot {
  topic: string;
  /** Records per error class (the envelope's tide.dlq.error.class). */
  byClass: Readonly<Record<string, number>>;
}

/** The dead-letter toolkit's hooks (see @tideline/dlq). */
export interface DlqMetrics {
  deadLettered(topic: string, errorClass: string): void;
  retried(retryTopic: string): void;
  /** The latest depth of a dead-letter topic (replaces the previous one). */
  depth(d: DlqDepthSnapshot): void;
  /** Records waiting in a retry topic: end offsets minus the group's committed offsets. */
  retryDepth(topic: string, records: number): void;
}

// ---- the wrapper ------------------------------------------------------------------------------

/** The application metrics of a prom-client Registry (one wrapper per registry: a second would register every family twice). */
export function appMetrics(registry: Registry): AppMetrics {
  return AppMetrics.of(registry);
}

const num = (v: bigint | number): number => (typeof v === 'bigint' ? Number(v) : v);

export class AppMetrics {
  private producerFamilies: ProducerFamilies | null = null;
  private consumerFamilies: ConsumerFamilies | null = null;
  private streamsFamilies: StreamsFamilies | null = null;
  private dlqFamilies: DlqFamilies | null = null;
  /** Live consumers' lag sources. */
  readonly lagSources = new Set<{ clientId: string; group: string; lag: () => Iterable<ConsumerPartitionLag> }>();
  /** Live streams applications. */
  readonly streamsSources = new Set<{ applicationId: string; snapshot: () => StreamsSnapshot }>();
  readonly dlqDepths = new Map<string, DlqDepthSnapshot>();
  readonly retryDepths = new Map<string, number>();

  private static readonly byRegistry = new WeakMap<Registry, AppMetrics>();

  /** The registry's wrapper (created on first use); appMetrics(registry) is the same. */
  static of(registry: Registry): AppMetrics {
    let m = AppMetrics.byRegistry.get(registry);
    if (m === undefined) AppMetrics.byRegistry.set(registry, (m = new AppMetrics(registry)));
    return m;
  }

  private constructor(readonly registry: Registry) {}

  producer(labels: { clientId?: string }): ProducerMetrics {
    const f = (this.producerFamilies ??= new ProducerFamilies(this.registry));
    return f.forClient(labels.clientId ?? '');
  }

  /** `lag` is read at scrape time. */
  consumer(labels: { clientId?: string; groupId?: string }, lag: () => Iterable<ConsumerPartitionLag>): ConsumerMetrics {
    const f = (this.consumerFamilies ??= new ConsumerFamilies(this.registry, this));
    const source = { clientId: labels.clientId ?? '', group: labels.groupId ?? '', lag };
    this.lagSources.add(source);
    const c = f.forClient(source.clientId, source.group);
    return { fetchLatency: c.fetchLatency, consumed: c.consumed, close: () => this.lagSources.delete(source) };
  }

  /** `snapshot` is read at scrape time (KafkaStreams.metrics()). */
  streams(applicationId: string, snapshot: () => StreamsSnapshot): StreamsAppMetrics {
    const f = (this.streamsFamilies ??= new StreamsFamilies(this.registry, this));
    const source = { applicationId, snapshot };
    this.streamsSources.add(source);
    const h = f.commitLatency.labels(applicationId);
    return { commitLatency: (s) => h.observe(s), close: () => this.streamsSources.delete(source) };
  }

  dlq(): DlqMetrics {
    const f = (this.dlqFamilies ??= new DlqFamilies(this.registry, this));
    return f.hooks;
  }
}

// ---- the families ---------------------------------------------------------------------------

class ProducerFamilies {
  private readonly batchBytes: Histogram<'client_id'>;
  private readonly batchRecords: Histogram<'client_id'>;
  private readonly queueTime: Histogram<'client_id'>;
  private readonly retries: Counter<'client_id'>;
  private readonly errors: Counter<'client_id' | 'error'>;
  private readonly records: Counter<'client_id' | 'topic'>;
  private readonly bytes: Counter<'client_id' | 'topic'>;
  private readonly clients = new Map<string, ProducerMetrics>();

  constructor(registry: Registry) {
    const { Counter, Histogram } = prom();
    const registersIn = [registry];
    this.batchBytes = new Histogram({ name: 'tideline_producer_batch_size_bytes', help: 'Encoded size of record batches sent (first attempt).', labelNames: ['client_id'], buckets: SIZE_BUCKETS, registers: registersIn });
    this.batchRecords = new Histogram({ name: 'tideline_producer_batch_records', help: 'Records per batch sent (first attempt).', labelNames: ['client_id'], buckets: COUNT_BUCKETS, registers: registersIn });
    this.queueTime = new Histogram({ name: 'tideline_producer_record_queue_time_seconds', help: 'Time a batch waited in the producer (linger and back-pressure) before its first send.', labelNames: ['client_id'], buckets: LATENCY_BUCKETS, registers: registersIn });
    this.retries = new Counter({ name: 'tideline_producer_retries_total', help: 'Batches sent again after a retriable error.', labelNames: ['client_id'], registers: registersIn });
    this.errors = new Counter({ name: 'tideline_producer_record_errors_total', help: 'Records that failed for good, by error code.', labelNames: ['client_id', 'error'], registers: registersIn });
    this.records = new Counter({ name: 'tideline_producer_records_sent_total', help: 'Records acknowledged by the brokers.', labelNames: ['client_id', 'topic'], registers: registersIn });
    this.bytes = new Counter({ name: 'tideline_producer_sent_bytes_total', help: 'Encoded batch bytes acknowledged by the brokers.', labelNames: ['client_id', 'topic'], registers: registersIn });
  }

  forClient(clientId: string): ProducerMetrics {
    let m = this.clients.get(clientId);
    if (m !== undefined) return m;
    const batchBytes = this.batchBytes.labels(clientId);
    const batchRecords = this.batchRecords.labels(clientId);
    const queueTime = this.queueTime.labels(clientId);
    const retries = this.retries.labels(clientId);
    const perTopic = new Map<string, { records: Counter.Internal; bytes: Counter.Internal }>();
    const topic = (t: string): { records: Counter.Internal; bytes: Counter.Internal } => {
      let c = perTopic.get(t);
      if (c === undefined) perTopic.set(t, (c = { records: this.records.labels(clientId, t), bytes: this.bytes.labels(clientId, t) }));
      return c;
    };
    m = {
      batchSent: (bytes, records, queueSeconds) => {
        batchBytes.observe(bytes);
        batchRecords.observe(records);
        queueTime.observe(queueSeconds);
      },
      retried: () => retries.inc(),
      delivered: (t, records, bytes) => {
        const c = topic(t);
        c.records.inc(records);
        c.bytes.inc(bytes);
      },
      failed: (code, records) => this.errors.labels(clientId, code).inc(records),
    };
    this.clients.set(clientId, m);
    return m;
  }
}

class ConsumerFamilies {
  private readonly latency: Histogram<'client_id' | 'group'>;
  private readonly records: Counter<'client_id' | 'group' | 'topic'>;
  private readonly bytes: Counter<'client_id' | 'group' | 'topic'>;
  private readonly clients = new Map<string, Pick<ConsumerMetrics, 'fetchLatency' | 'consumed'>>();

  constructor(registry: Registry, app: AppMetrics) {
    const { Counter, Gauge, Histogram } = prom();
    const registers = [registry];
    this.latency = new Histogram({ name: 'tideline_consumer_fetch_latency_seconds', help: 'Fetch request latency (including the broker\'s long-poll wait).', labelNames: ['client_id', 'group'], buckets: LATENCY_BUCKETS, registers });
    this.records = new Counter({ name: 'tideline_consumer_records_consumed_total', help: 'Records handed to the application.', labelNames: ['client_id', 'group', 'topic'], registers });
    this.bytes = new Counter({ name: 'tideline_consumer_fetched_bytes_total', help: 'Fetched bytes of the batches handed to the application.', labelNames: ['client_id', 'group', 'topic'], registers });
    new Gauge({
      name: 'tideline_consumer_records_lag', help: 'Records between the position handed to the application and the high watermark, per assigned partition.',
      labelNames: ['client_id', 'group', 'topic', 'partition'], registers,
      collect() {
        this.reset();
        for (const s of app.lagSources) for (const l of s.lag()) this.set({ client_id: s.clientId, group: s.group, topic: l.topic, partition: String(l.partition) }, num(l.lag));
      },
    });
  }

  forClient(clientId: string, group: string): Pick<ConsumerMetrics, 'fetchLatency' | 'consumed'> {
    const k = `${clientId}\u0000${group}`;
    let m = this.clients.get(k);
    if (m !== undefined) return m;
    const latency = this.latency.labels(clientId, group);
    const perTopic = new Map<string, { records: Counter.Internal; bytes: Counter.Internal }>();
    m = {
      fetchLatency: (s) => latency.observe(s),
      consumed: (t, records, bytes) => {
        let c = perTopic.get(t);
        if (c === undefined) perTopic.set(t, (c = { records: this.records.labels(clientId, group, t), bytes: this.bytes.labels(clientId, group, t) }));
        c.records.inc(records);
        c.bytes.inc(bytes);
      },
    };
    this.clients.set(k, m);
    return m;
  }
}

class StreamsFamilies {
  readonly commitLatency: Histogram<'application_id'>;

  constructor(registry: Registry, app: AppMetrics) {
    const { Counter, Gauge, Histogram } = prom();
    const registers = [registry];
    this.commitLatency = new Histogram({ name: 'tideline_streams_commit_latency_seconds', help: 'Time to commit outputs, state and input offsets.', labelNames: ['application_id'], buckets: LATENCY_BUCKETS, registers });
    const perTask = (name: string, help: string, value: (t: StreamsTaskSnapshot) => number): void => {
      new Counter({
        name, help, labelNames: ['application_id', 'task'], registers,
        collect() {
          this.reset();
          for (const s of app.streamsSources) for (const t of s.snapshot().tasks) this.inc({ application_id: s.applicationId, task: t.taskId }, value(t));
        },
      });
    };
    perTask('tideline_streams_processed_records_total', 'Records processed by the task (rate() is the processing rate).', (t) => t.processed);
    perTask('tideline_streams_window_closings_total', 'Windows closed by the task\'s watermark.', (t) => t.windowsClosed);
    perTask('tideline_streams_restored_records_total', 'Changelog records applied to the task\'s stores (restore progress).', (t) => t.restored);
    new Counter({
      name: 'tideline_streams_late_records_total', help: 'Records behind a closed window: routed (to the late topic or a callback) or dropped.',
      labelNames: ['application_id', 'task', 'action'], registers,
      collect() {
        this.reset();
        for (const s of app.streamsSources) {
          for (const t of s.snapshot().tasks) {
            this.inc({ application_id: s.applicationId, task: t.taskId, action: 'routed' }, t.lateRecords);
            this.inc({ application_id: s.applicationId, task: t.taskId, action: 'dropped' }, t.lateDropped);
          }
        }
      },
    });
    new Counter({
      name: 'tideline_streams_commits_total', help: 'Commits completed.', labelNames: ['application_id'], registers,
      collect() {
        this.reset();
        for (const s of app.streamsSources) this.inc({ application_id: s.applicationId }, s.snapshot().commits);
      },
    });
    const perPartition = (name: string, help: string, value: (watermarkMs: number, nowMs: number) => number): void => {
      new Gauge({
        name, help, labelNames: ['application_id', 'task', 'topic', 'partition'], registers,
        collect() {
          this.reset();
          const now = Date.now();
          for (const s of app.streamsSources) {
            for (const t of s.snapshot().tasks) {
              for (const p of t.partitions) {
                if (!Number.isFinite(p.watermark)) continue; // no record yet
                this.set({ application_id: s.applicationId, task: t.taskId, topic: p.topic, partition: String(p.partition) }, value(p.watermark, now));
              }
            }
          }
        },
      });
    };
    perPartition('tideline_streams_watermark_timestamp_seconds', 'Event-time watermark of an input partition (max event time seen minus the allowed out-of-orderness), as Unix time.', (wm) => wm / 1000);
    perPartition('tideline_streams_watermark_lag_seconds', 'Wall clock minus the input partition\'s watermark; grows while the watermark is stalled.', (wm, now) => (now - wm) / 1000);
  }
}

class DlqFamilies {
  readonly hooks: DlqMetrics;

  constructor(registry: Registry, app: AppMetrics) {
    const { Counter, Gauge } = prom();
    const registers = [registry];
    const deadLettered = new Counter({ name: 'tideline_dlq_dead_lettered_records_total', help: 'Records written to a dead-letter topic, by error class.', labelNames: ['topic', 'error_class'], registers });
    const retried = new Counter({ name: 'tideline_dlq_retried_records_total', help: 'Records written to a retry topic.', labelNames: ['topic'], registers });
    new Gauge({
      name: 'tideline_dlq_depth_records', help: 'Records in a dead-letter topic by error class (grows when something is systematically wrong).',
      labelNames: ['topic', 'error_class'], registers,
      collect() {
        this.reset();
        for (const d of app.dlqDepths.values()) for (const [cls, n] of Object.entries(d.byClass)) this.set({ topic: d.topic, error_class: cls }, n);
      },
    });
    new Gauge({
      name: 'tideline_dlq_retry_depth_records', help: 'Records waiting in a retry topic (end offsets minus the group\'s committed offsets).', labelNames: ['topic'], registers,
      collect() {
        this.reset();
        for (const [topic, n] of app.retryDepths) this.set({ topic }, n);
      },
    });
    this.hooks = {
      deadLettered: (topic, cls) => deadLettered.labels(topic, cls).inc(),
      retried: (topic) => retried.labels(topic).inc(),
      depth: (d) => void app.dlqDepths.set(d.topic, d),
      retryDepth: (topic, n) => void app.retryDepths.set(topic, n),
    };
  }
}
