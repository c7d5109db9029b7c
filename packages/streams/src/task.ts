// A task: one sub-topology's operators for one partition number, with its own stores and
// watermark. Runners (the test driver and the Kafka runtime) hand it records with process(),
// then call advance() (after every record in per-event mode, once per trigger in micro-batch
// mode) so the watermark moves and windows close, and tick() on wall-clock time.
import { DLQ_GROUP, DLQ_SOURCE, DLQ_ERROR_CLASS, DLQ_ERROR_MESSAGE, DLQ_ERROR_NAME, DLQ_LATE_BY_MS, DLQ_LATE_WATERMARK_MS, DLQ_LATE_WINDOW_END_MS, DLQ_LATE_WINDOW_START_MS, DLQ_ORIGINAL_OFFSET, DLQ_ORIGINAL_PARTITION, DLQ_ORIGINAL_TIMESTAMP, DLQ_ORIGINAL_TOPIC, LATE_ERROR_CLASS, LATE_ERROR_NAME } from './dlq-headers.js';
import { injectTraceContext, processRecord, tracingEnabled } from '@tideline/observability';
import { StreamsError } from './errors.js';
import type { ManagedStore } from './stores.js';
import type { SourceDef, Subtopology } from './topology.js';
import type { Collector, LateInfo, LateRecord, NodeContext, NodeRuntime, RawRecord, StreamRecord } from './types.js';
import { WatermarkTracker, type PartitionWatermark, type WatermarkOptions } from './watermark.js';

/** What happens to late records: a DLQ topic (default), dropped (counted), or a callback. */
export type LateDataPolicy = 'dlq' | 'drop' | ((record: LateRecord) => void);

export interface TaskConfig extends WatermarkOptions {
  applicationId: string;
  lateData?: LateDataPolicy;
  /** Default `<applicationId>-late`. */
  lateTopic?: string;
  /** Directory of persistent stores (`<stateDir>/<applicationId>/<taskId>/<store>.db`); undefined: in-memory SQLite. */
  stateDir?: string;
}

export interface TaskMetrics {
  taskId: string;
  watermark: number;
  partitions: PartitionWatermark[];
  processed: number;
  lateRecords: number;
  lateDropped: number;
  /** Changelog records applied to this task's stores when it was assigned (counted as they are applied). */
  restored: number;
  /** Windows closed by the watermark. */
  windowsClosed: number;
}

export const changelogTopic = (appId: string, store: string): string => `${appId}-${store}-changelog`;

export class Task {
  readonly id: string;
  readonly inputs: Array<{ topic: string; partition: number }>;
  readonly stores = new Map<string, ManagedStore>();
  private readonly nodes = new Map<number, NodeRuntime>();
  private readonly order: number[] = [];
  private readonly sourceByTopic = new Map<string, SourceDef>();
  private readonly tracker: WatermarkTracker;
  private current: RawRecord | null = null;
  private lastWatermark = Number.NEGATIVE_INFINITY;
  private processed = 0;
  private lateRecords = 0;
  private lateDropped = 0;
  private windowsClosed = 0;
  /** Changelog records applied to the stores (restore). */
  restored = 0;

  constructor(readonly sub: Subtopology, readonly partition: number, private readonly config: TaskConfig, private readonly collector: Collector, private readonly clock: () => number) {
    this.id = `${sub.id}_${partition}`;
    const app = config.applicationId;
    for (const s of sub.sources) for (const t of s.topics) this.sourceByTopic.set(s.internal ? `${app}-${t}` : t, s);
    this.inputs = [...this.sourceByTopic.keys()].map((topic) => ({ topic, partition }));
    this.tracker = new WatermarkTracker(this.inputs, config, clock());
    for (const b of sub.stores) {
      const store = b.build({ applicationId: app, taskId: this.id, stateDir: config.stateDir });
      store.attach((name, key, value, timestamp) => collector({ topic: changelogTopic(app, name), partition, key, value, timestamp, headers: [] }), clock);
      this.stores.set(b.name, store);
    }
    for (const def of sub.nodes) {
      const ctx: NodeContext = {
        taskId: this.id,
        partition,
        forward: (r) => {
          for (const c of def.children) this.nodes.get(c.id)!.process(r);
        },
        store: (name) => {
          const s = this.stores.get(name);
          if (s === undefined) throw new StreamsError('UNKNOWN_STORE', `store ${name} is not in sub-topology ${sub.id}`);
          return s;
        },
        // Tracing: outputs carry the context of the record being processed (its process span).
        send: (r) => collector(tracingEnabled() ? { ...r, headers: [...injectTraceContext(r.headers)] } : r),
        topic: (name, internal) => (internal ? `${app}-${name}` : name),
        watermark: () => this.tracker.watermark,
        now: () => this.clock(),
        source: () => this.current,
        late: (op, info) => this.late(op, info),
        windowsClosed: (n) => {
          this.windowsClosed += n;
        },
      };
      this.nodes.set(def.id, def.make(ctx));
      this.order.push(def.id);
    }
  }

  /** Changelog topics of the stores that log, with their store names. */
  changelogs(): Array<{ store: string; topic: string }> {
    return [...this.stores.values()].filter((s) => s.logging).map((s) => ({ store: s.name, topic: changelogTopic(this.config.applicationId, s.name) }));
  }

  /** Awaits the source serdes' async `prepare` hooks for these records; null when none has work. */
  prepare(raws: readonly RawRecord[]): Promise<void> | null {
    let waits: Array<Promise<void>> | null = null;
    for (const raw of raws) {
      const src = this.sourceByTopic.get(raw.topic);
      if (src === undefined) continue;
      const k = src.keySerde.prepare?.(raw.key, raw.topic) ?? null;
      const v = raw.value === null ? null : (src.valueSerde.prepare?.(raw.value, raw.topic) ?? null);
      if (k !== null) (waits ??= []).push(k);
      if (v !== null) (waits ??= []).push(v);
    }
    return waits === null ? null : Promise.all(waits).then(() => undefined);
  }

  /** Feeds one record of an input partition (does not move the watermark; call advance()). */
  process(raw: RawRecord): void {
    const src = this.sourceByTopic.get(raw.topic);
    if (src === undefined || raw.partition !== this.partition) throw new StreamsError('INVALID_STATE', `${raw.topic}:${raw.partition} is not an input of task ${this.id}`);
    const key = src.keySerde.deserialize(raw.key, raw.topic);
    // A record without a value (a tombstone) is null whatever the serde.
    const value = raw.value === null ? null : src.valueSerde.deserialize(raw.value, raw.topic);
    const ts = src.extractor === null ? raw.timestamp : src.extractor({ key, value, topic: raw.topic, partition: raw.partition, offset: raw.offset, timestamp: raw.timestamp });
    this.current = raw;
    this.processed++;
    try {
      const node = this.nodes.get(src.node.id)!;
      const rec: StreamRecord<unknown, unknown> = { key, value, timestamp: ts, headers: raw.headers };
      // Tracing: the record is processed inside a span continuing its trace (nothing without an SDK).
      if (tracingEnabled()) processRecord(raw, () => node.process(rec), { group: this.config.applicationId });
      else node.process(rec);
    } finally {
      this.current = null;
    }
    this.tracker.observe(raw.topic, raw.partition, ts, this.clock());
  }

  /** Recomputes the watermark; when it moved, operators close windows and fire event-time timers. */
  advance(): number {
    const wm = this.tracker.update(this.clock());
    if (wm > this.lastWatermark) {
      this.lastWatermark = wm;
      for (const id of this.order) this.nodes.get(id)!.onWatermark?.(wm);
    }
    return wm;
  }

  /** Wall-clock tick: idle partitions and wall-clock advance, wall-clock timers, state TTL. */
  tick(): void {
    const now = this.clock();
    this.advance();
    for (const id of this.order) this.nodes.get(id)!.onWallClock?.(now);
    for (const s of this.stores.values()) s.expire(now);
  }

  /** Writes the stores' changes since the last flush to their changelogs (before every commit). */
  flush(): number {
    let n = 0;
    for (const s of this.stores.values()) n += s.flush();
    return n;
  }

  /** Closes the stores (persistent ones release their databases). */
  close(): void {
    for (const s of this.stores.values()) s.close?.();
  }

  get watermark(): number {
    return this.tracker.watermark;
  }

  /** Max event time per input partition, for commit metadata. */
  maxEventTime(topic: string): number | null {
    return this.tracker.maxEventTime(topic, this.partition);
  }

  restoreMaxEventTime(topic: string, maxEventTime: number | null): void {
    this.tracker.restore(topic, this.partition, maxEventTime);
  }

  metrics(): TaskMetrics {
    return { taskId: this.id, watermark: this.tracker.watermark, partitions: this.tracker.partitions(this.clock()), processed: this.processed, lateRecords: this.lateRecords, lateDropped: this.lateDropped, restored: this.restored, windowsClosed: this.windowsClosed };
  }

  private late(operator: string, info: LateInfo): void {
    const src = this.current;
    if (src === null) return;
    const policy = this.config.lateData ?? 'dlq';
    const lateBy = info.watermark - info.timestamp;
    if (policy === 'drop') {
      this.lateDropped++;
      return;
    }
    this.lateRecords++;
    if (typeof policy === 'function') {
      policy({ ...info, source: src, lateByMs: lateBy, operator });
      return;
    }
    const h = (key: string, v: string | number | bigint) => ({ key, value: Buffer.from(String(v)) });
    this.collector({
      topic: this.config.lateTopic ?? `${this.config.applicationId}-late`,
      key: src.key,
      value: src.value,
      timestamp: src.timestamp,
      headers: [
        ...src.headers,
        h(DLQ_ORIGINAL_TOPIC, src.topic),
        h(DLQ_ORIGINAL_PARTITION, src.partition),
        h(DLQ_ORIGINAL_OFFSET, src.offset),
        h(DLQ_ORIGINAL_TIMESTAMP, src.timestamp),
        h(DLQ_GROUP, this.config.applicationId),
        h(DLQ_SOURCE, operator),
        h(DLQ_ERROR_CLASS, LATE_ERROR_CLASS),
        h(DLQ_ERROR_NAME, LATE_ERROR_NAME),
        h(DLQ_ERROR_MESSAGE, `event time ${info.timestamp} is ${lateBy} ms behind the watermark ${info.watermark}; window [${info.windowStart}, ${info.windowEnd}) of ${operator} is closed`),
        h(DLQ_LATE_WATERMARK_MS, info.watermark),
        h(DLQ_LATE_WINDOW_START_MS, info.windowStart),
        h(DLQ_LATE_WINDOW_END_MS, info.windowEnd),
        h(DLQ_LATE_BY_MS, lateBy),
      ],
    });
  }
}
