// The broker's metrics: one prom-client Registry per broker (tests run several brokers in one
// process, so never the global default registry). Two kinds of instruments:
// - on the data path, counters and histograms the server and handlers move through
//   BrokerMetricsHooks (a counter increment or a histogram observation, children cached per API
//   and per topic so no label hashing happens per request);
// - everything else is read at scrape time by collect() callbacks over one snapshot per scrape
//   (disk, groups and lag status, transactions, connections, purgatories): nothing is maintained
//   on the hot path for them. The per-partition families (log sizes and offsets, consumer lag per
//   group partition) are most of a large scrape and are written straight to text by render()
//   (partition-families.ts), not through the registry: render() is the whole scrape.
// Names follow Prometheus conventions (base units, _total, _seconds, _bytes); per-partition series
// exist only where partitions are bounded by the topics' own configuration.
import { statfs } from 'node:fs/promises';
import { apiByKey, KAFKA_ERRORS } from '@tideline/protocol';
import { DEFAULT_LAG_WINDOW, groupLagStatus, lagStatusCode, type LagStatus } from '@tideline/observability';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type RegistryContentType } from 'prom-client';
import type { Broker } from '../broker-state.js';
import type { BrokerMetricsHooks, RequestTiming } from './hooks.js';
import { ConsumerLagTracker, type PartitionLagSample } from './consumer-lag.js';
import { renderPartitionFamilies } from './partition-families.js';

export interface BrokerMetricsOptions {
  /** Commits kept per partition for the lag status (Burrow's window); default 10. */
  lagWindow?: number;
  /** Node process metrics (event-loop lag, GC, heap, RSS); default true. */
  processMetrics?: boolean;
}

/** What a scrape reads besides the broker's state: the server's connections and the data directory. */
export interface ScrapeSources {
  /** Open connections per listener and state. */
  connections(): ReadonlyArray<{ listener: string; state: string; count: number }>;
  /** The data directory's filesystem, or null for storage without a directory (memory://). */
  readonly dataDir: string | null;
}

const REQUEST_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const FSYNC_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const BATCH_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 50000];

const ERROR_NAMES = new Map<number, string>(KAFKA_ERRORS.map((e) => [e.code, e.name]));

interface ApiInstruments {
  requests: Counter.Internal;
  queue: Histogram.Internal<string>;
  local: Histogram.Internal<string>;
  send: Histogram.Internal<string>;
  total: Histogram.Internal<string>;
  name: string;
}

interface TopicInstruments {
  bytesIn: Counter.Internal;
  messagesIn: Counter.Internal;
  bytesOut: Counter.Internal;
  messagesOut: Counter.Internal;
}

interface Snapshot {
  at: number;
  lag: PartitionLagSample[];
  disk: { size: number; free: number } | null;
}

/** Cap on a snapshot's reuse when the registry is read directly (render() always takes a fresh one). */
const SNAPSHOT_TTL_MS = 250;

export class BrokerMetrics implements BrokerMetricsHooks {
  readonly registry = new Registry();
  private readonly apis: Array<ApiInstruments | undefined> = [];
  private readonly topicChildren = new Map<string, TopicInstruments>();
  private readonly c: ReturnType<typeof instruments>;
  private readonly lagTracker: ConsumerLagTracker;
  private producePurgatory = 0;
  private snapshot: Promise<Snapshot> | null = null;
  private rendering: Promise<unknown> = Promise.resolve();
  private sources: ScrapeSources = { connections: () => [], dataDir: null };

  constructor(private readonly broker: Broker, opts: BrokerMetricsOptions = {}) {
    this.c = instruments(this.registry);
    this.lagTracker = new ConsumerLagTracker(broker.groups, broker.topics, () => broker.now(), opts.lagWindow ?? DEFAULT_LAG_WINDOW);
    broker.groups.offsets.onCommit = (g, t, p, v) => this.lagTracker.onCommit(g, t, p, v);
    broker.transactions.onComplete = (committed) => this.c.txnCompleted.inc({ result: committed ? 'commit' : 'abort' });
    broker.quotas.onThrottle = (quota, user, clientId, ms) => this.c.throttle.inc({ quota, user, client_id: clientId }, ms / 1000);
    this.registerScrapeGauges();
    if (opts.processMetrics !== false) {
      collectDefaultMetrics({ register: this.registry });
      // Gauges named *_total break the convention (promtool flags them); their by-type siblings
      // (nodejs_active_handles, _requests, _resources) carry the same numbers.
      for (const n of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) this.registry.removeSingleMetric(n);
    }
  }

  /**
   * Renders the registry for one scrape in `type`'s format, from a fresh snapshot. Scrapes are
   * serialised (the registry's format is switched per scrape).
   */
  render(type: RegistryContentType): Promise<string> {
    const p = this.rendering.then(async () => {
      this.snapshot = null;
      // Started first: the registry's collect() callbacks share it, and so do the partition families.
      const snapshot = this.snap();
      // One registry renders either format: its content type is switched per (serialised) scrape.
      (this.registry as Registry<RegistryContentType>).setContentType(type);
      const base = await this.registry.metrics();
      const { lag } = await snapshot;
      if (type === Registry.OPENMETRICS_CONTENT_TYPE) {
        // prom-client ends OpenMetrics with '# EOF': the per-partition families go before it.
        const body = base.endsWith('# EOF\n') ? base.slice(0, -'# EOF\n'.length) : base;
        return `${body}${renderPartitionFamilies(this.broker.topics, lag, '\n')}\n# EOF\n`;
      }
      return `${base}\n${renderPartitionFamilies(this.broker.topics, lag, '\n\n')}\n`;
    });
    this.rendering = p.catch(() => {});
    return p;
  }

  /**
   * Unhooks the broker's components and empties the registry (the broker is closing). prom-client's
   * process collectors keep their event-loop monitor and GC observer for the process's life: they
   * are created only for brokers with metrics.
   */
  close(): void {
    if (this.broker.groups.offsets.onCommit !== null) this.broker.groups.offsets.onCommit = null;
    this.broker.transactions.onComplete = null;
    this.broker.quotas.onThrottle = null;
    this.registry.clear();
  }

  /** The server and data directory, known once they are open. */
  setSources(s: ScrapeSources): void {
    this.sources = s;
  }

  /** A group commit of one partition's log: its fdatasync time and the records it made durable. */
  flushed(seconds: number, records: number): void {
    this.c.fsync.observe(seconds);
    if (records > 0) this.c.fsyncBatch.observe(records);
  }

  // ---- hooks (the data path) ------------------------------------------------------------

  private api(apiKey: number): ApiInstruments {
    let a = this.apis[apiKey];
    if (a === undefined) {
      const name = apiByKey(apiKey)?.name ?? `api_${apiKey}`;
      a = {
        name,
        requests: this.c.requests.labels({ api: name }),
        queue: this.c.queueTime.labels({ api: name }),
        local: this.c.localTime.labels({ api: name }),
        send: this.c.sendTime.labels({ api: name }),
        total: this.c.totalTime.labels({ api: name }),
      };
      this.apis[apiKey] = a;
    }
    return a;
  }

  private topic(name: string): TopicInstruments {
    let t = this.topicChildren.get(name);
    if (t === undefined) {
      const l = { topic: name };
      t = {
        bytesIn: this.c.bytesIn.labels(l), messagesIn: this.c.messagesIn.labels(l),
        bytesOut: this.c.bytesOut.labels(l), messagesOut: this.c.messagesOut.labels(l),
      };
      this.topicChildren.set(name, t);
    }
    return t;
  }

  produced(topic: string, bytes: number, records: number): void {
    const t = this.topic(topic);
    t.bytesIn.inc(bytes);
    t.messagesIn.inc(records);
  }

  fetched(topic: string, records: Buffer): void {
    let count = 0;
    // Whole batches: recordsCount at byte 57 of each (a trailing partial batch is not counted).
    for (let pos = 0; records.length - pos >= 61;) {
      const size = records.readInt32BE(pos + 8) + 12;
      if (size < 61 || size > records.length - pos) break;
      count += records.readInt32BE(pos + 57);
      pos += size;
    }
    const t = this.topic(topic);
    t.bytesOut.inc(records.length);
    t.messagesOut.inc(count);
  }

  requestAnswered(t: RequestTiming, response: unknown): void {
    const a = this.api(t.apiKey);
    a.requests.inc();
    a.queue.observe(Math.max(0, t.startedAt - t.receivedAt) / 1000);
    a.local.observe(Math.max(0, t.localDoneAt - t.startedAt) / 1000);
    if (response !== null && typeof response === 'object') countErrors(response, (code) => this.requestError(a.name, code), 0);
  }

  responseSent(t: RequestTiming): void {
    const a = this.api(t.apiKey);
    const now = performance.now();
    a.send.observe(Math.max(0, now - t.localDoneAt) / 1000);
    a.total.observe(Math.max(0, now - t.receivedAt) / 1000);
  }

  requestFailed(apiKey: number): void {
    const a = this.api(apiKey);
    a.requests.inc();
    this.c.errors.inc({ api: a.name, error: 'UNKNOWN_SERVER_ERROR' });
  }

  private requestError(api: string, code: number): void {
    this.c.errors.inc({ api, error: ERROR_NAMES.get(code) ?? `UNKNOWN_${code}` });
  }

  authentication(listener: string, mechanism: string, ok: boolean): void {
    this.c.auth.inc({ listener, mechanism, result: ok ? 'success' : 'failure' });
  }

  durableProduceWaiting(delta: 1 | -1): void {
    this.producePurgatory += delta;
  }

  // ---- scrape time ----------------------------------------------------------------------

  /** One snapshot shared by the collect() callbacks of a scrape. */
  private snap(): Promise<Snapshot> {
    const s = this.snapshot;
    if (s !== null) return s;
    const p = this.takeSnapshot();
    this.snapshot = p;
    const clear = (): void => {
      setTimeout(() => {
        if (this.snapshot === p) this.snapshot = null;
      }, SNAPSHOT_TTL_MS).unref();
    };
    p.then(clear, clear);
    return p;
  }

  private async takeSnapshot(): Promise<Snapshot> {
    const dir = this.sources.dataDir;
    const [lag, disk] = await Promise.all([
      this.lagTracker.sample(),
      dir === null ? null : statfs(dir).then((s) => ({ size: s.blocks * s.bsize, free: s.bavail * s.bsize }), () => null),
    ]);
    return { at: Date.now(), lag, disk };
  }

  private registerScrapeGauges(): void {
    const b = this.broker;
    const r = this.registry;
    gauge(r, 'tideline_fetch_purgatory_size', 'Fetch requests parked until enough data arrives or their wait ends', [], (g) => {
      g.set(b.fetchWaiters.delayed);
    });
    gauge(r, 'tideline_fetch_purgatory_expired_with_data', 'Delayed fetches answered at their max wait although enough data was there (a missed wake-up, or a check racing the timer); should stay near 0', [], (g) => {
      g.set(b.fetchWaiters.expiredCompletable);
    });
    gauge(r, 'tideline_produce_purgatory_size', 'Produce requests (acks=-1) waiting for their group commit', [], (g) => {
      g.set(this.producePurgatory);
    });
    gauge(r, 'tideline_log_dir_used_bytes', 'Bytes of all partition logs in the data directory (Kafka: KafkaLogsDiskUsed)', [], (g) => {
      let used = 0;
      for (const t of b.topics.list()) for (let p = 0; p < t.partitions; p++) used += b.topics.partitionLog(t.name, p)?.sizeInBytes ?? 0;
      g.set(used);
    });
    gauge(r, 'tideline_log_dir_free_bytes', 'Bytes free for the broker on the data directory\'s filesystem', [], async (g) => {
      const d = (await this.snap()).disk;
      g.reset();
      if (d !== null) g.set(d.free);
    });
    gauge(r, 'tideline_log_dir_size_bytes', 'Size of the data directory\'s filesystem', [], async (g) => {
      const d = (await this.snap()).disk;
      g.reset();
      if (d !== null) g.set(d.size);
    });
    gauge(r, 'tideline_connections', 'Open client connections by listener and state', ['listener', 'state'], (g) => {
      g.reset();
      for (const c of this.sources.connections()) g.set({ listener: c.listener, state: c.state }, c.count);
    });
    gauge(r, 'tideline_consumer_group_state', 'Consumer groups by state (1 for the group\'s current state)', ['group', 'type', 'state'], (g) => {
      g.reset();
      for (const x of b.groups.list()) g.set({ group: x.groupId, type: x.groupType, state: x.groupState }, 1);
    });
    gauge(r, 'tideline_consumer_group_members', 'Members of a consumer group', ['group'], (g) => {
      g.reset();
      for (const x of b.groups.list()) g.set({ group: x.groupId }, b.groups.get(x.groupId)?.members.size ?? 0);
    });
    gauge(r, 'tideline_consumer_group_lag_status', 'Lag status of a group, its worst partition\'s: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 REWIND', ['group'], async (g) => {
      const { lag } = await this.snap();
      g.reset();
      const byGroup = new Map<string, LagStatus[]>();
      for (const s of lag) {
        const l = byGroup.get(s.group) ?? [];
        l.push(s.status);
        byGroup.set(s.group, l);
      }
      for (const [group, statuses] of byGroup) g.set({ group }, lagStatusCode(groupLagStatus(statuses)));
    });
    gauge(r, 'tideline_transactions', 'Transactional ids by state (Ongoing, PrepareCommit and PrepareAbort are open transactions)', ['state'], (g) => {
      g.reset();
      const counts = new Map<string, number>();
      for (const t of b.transactions.list()) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
      for (const [state, n] of counts) g.set({ state }, n);
    });
  }
}

function gauge(registry: Registry, name: string, help: string, labelNames: string[], read: (g: Gauge<string>) => void | Promise<void>): Gauge<string> {
  return new Gauge({
    name, help, labelNames, registers: [registry],
    collect() {
      return read(this);
    },
  });
}

/** The data-path instruments. */
function instruments(registry: Registry) {
  const registers = [registry];
  const hist = (name: string, help: string, buckets: number[], labelNames: string[] = []): Histogram<string> =>
    new Histogram({ name, help, buckets, labelNames, registers });
  return {
    requests: new Counter({ name: 'tideline_requests_total', help: 'Requests handled, by API', labelNames: ['api'], registers }),
    errors: new Counter({ name: 'tideline_request_errors_total', help: 'Error codes in responses (and handler failures), by API and error name', labelNames: ['api', 'error'], registers }),
    queueTime: hist('tideline_request_queue_time_seconds', 'Time a request waited between arriving and its handler starting (Kafka RequestQueueTimeMs)', REQUEST_BUCKETS, ['api']),
    localTime: hist('tideline_request_local_time_seconds', 'Time from the handler starting to its answer being encoded, long-poll and fsync waits included (Kafka LocalTimeMs + RemoteTimeMs)', REQUEST_BUCKETS, ['api']),
    sendTime: hist('tideline_request_response_send_time_seconds', 'Time from the answer being ready to its bytes reaching the socket, in-order waits included (Kafka ResponseSendTimeMs)', REQUEST_BUCKETS, ['api']),
    totalTime: hist('tideline_request_total_time_seconds', 'Time from a request arriving to its response reaching the socket (Kafka TotalTimeMs)', REQUEST_BUCKETS, ['api']),
    bytesIn: new Counter({ name: 'tideline_topic_bytes_in_total', help: 'Record batch bytes appended to a topic', labelNames: ['topic'], registers }),
    messagesIn: new Counter({ name: 'tideline_topic_messages_in_total', help: 'Records appended to a topic', labelNames: ['topic'], registers }),
    bytesOut: new Counter({ name: 'tideline_topic_bytes_out_total', help: 'Record batch bytes sent to fetchers from a topic', labelNames: ['topic'], registers }),
    messagesOut: new Counter({ name: 'tideline_topic_messages_out_total', help: 'Records sent to fetchers from a topic (whole batches, control records included)', labelNames: ['topic'], registers }),
    fsync: hist('tideline_log_flush_duration_seconds', 'Duration of one group commit (fdatasync of a partition\'s dirty segments)', FSYNC_BUCKETS),
    fsyncBatch: hist('tideline_log_flush_records', 'Records made durable by one group commit', BATCH_BUCKETS),
    auth: new Counter({ name: 'tideline_authentications_total', help: 'SASL authentications by listener, mechanism and result (success, failure)', labelNames: ['listener', 'mechanism', 'result'], registers }),
    throttle: new Counter({ name: 'tideline_quota_throttle_time_seconds_total', help: 'Throttle time given to clients, by quota and the quota entity that applied', labelNames: ['quota', 'user', 'client_id'], registers }),
    txnCompleted: new Counter({ name: 'tideline_transactions_completed_total', help: 'Transactions completed, by result (commit, abort)', labelNames: ['result'], registers }),
  };
}

/** Calls `found` for every non-zero errorCode in a response (Buffers, such as records, are not entered). */
function countErrors(v: object, found: (code: number) => void, depth: number): void {
  if (depth > 6 || Buffer.isBuffer(v)) return;
  if (Array.isArray(v)) {
    for (const x of v) if (x !== null && typeof x === 'object') countErrors(x as object, found, depth + 1);
    return;
  }
  const rec = v as Record<string, unknown>;
  for (const k in rec) {
    const x = rec[k];
    if (k === 'errorCode') {
      if (typeof x === 'number' && x !== 0) found(x);
    } else if (x !== null && typeof x === 'object') {
      countErrors(x, found, depth + 1);
    }
  }
}
