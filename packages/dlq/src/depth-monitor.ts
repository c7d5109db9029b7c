// DLQ depth as a health metric ("if it grows, something is systematically wrong"): the records of
// each dead-letter topic by error class, and the records waiting in each retry topic, published
// to opt-in application metrics (tideline_dlq_depth_records{topic,error_class},
// tideline_dlq_retry_depth_records{topic}).
//
// Depth by class reads the dead-letter topics incrementally: each refresh reads only the records
// appended since the last one and forgets those the log no longer holds (retention, deleteRecords),
// keeping one small entry (offset, class) per record held. Retry depth needs no reading: the retry
// topics' end offsets minus the group's committed offsets (from the log start when nothing is
// committed), one ListOffsets and one OffsetFetch.
import { Admin, type ClusterOptions, type TopicPartition } from '@tideline/client';
import type { AppMetrics, DlqMetrics } from '@tideline/observability';
import { DLQ_HEADERS } from './envelope.js';
import { readToEnd, topicExtents } from './read.js';

export interface DlqDepthMonitorOptions extends ClusterOptions {
  /** Opt-in metrics: `appMetrics(registry)` from @tideline/observability. */
  metrics: Pick<AppMetrics, 'dlq'>;
  dlqTopics: readonly string[];
  /** Retry topics and the group that consumes them (retry depth). */
  retry?: { topics: readonly string[]; groupId: string };
  /** Refresh period of start(). Default 30000. */
  intervalMs?: number;
}

/** Error class of a dead-letter record without an envelope (written by something else). */
export const UNKNOWN_ERROR_CLASS = 'unknown';

interface PartitionClasses {
  /** Offsets read so far, ascending, with their class. */
  offsets: bigint[];
  classes: string[];
  /** Next offset to read. */
  next: bigint;
}

export class DlqDepthMonitor {
  private readonly hooks: DlqMetrics;
  private readonly parts = new Map<string, PartitionClasses>();
  private readonly admin: Admin;
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;

  constructor(private readonly opts: DlqDepthMonitorOptions) {
    this.hooks = opts.metrics.dlq();
    const { metrics: _m, dlqTopics: _d, retry: _r, intervalMs: _i, ...cluster } = opts;
    this.admin = new Admin(cluster);
  }

  /** Refreshes now, then every intervalMs until close(). A failed refresh is retried at the next one. */
  start(): void {
    if (this.timer !== null) return;
    void this.refresh().catch(() => undefined);
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.opts.intervalMs ?? 30_000);
    this.timer.unref();
  }

  /** Reads what changed and publishes the depths (concurrent calls share one refresh). */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const { metrics: _m, dlqTopics, retry, intervalMs: _i, ...cluster } = this.opts;
    const extents = await topicExtents(this.admin, dlqTopics);
    const from: Array<TopicPartition & { offset: bigint }> = [];
    for (const e of extents) {
      const k = `${e.topic}\u0000${e.partition}`;
      let p = this.parts.get(k);
      if (p === undefined) this.parts.set(k, (p = { offsets: [], classes: [], next: e.start }));
      // Records the log no longer holds (retention, deleteRecords), or a topic that was recreated.
      if (e.end < p.next) this.parts.set(k, (p = { offsets: [], classes: [], next: e.start }));
      let drop = 0;
      while (drop < p.offsets.length && p.offsets[drop]! < e.start) drop++;
      if (drop > 0) {
        p.offsets.splice(0, drop);
        p.classes.splice(0, drop);
      }
      if (p.next < e.start) p.next = e.start;
      from.push({ topic: e.topic, partition: e.partition, offset: p.next });
    }
    const todo = extents.filter((e) => e.end > this.parts.get(`${e.topic}\u0000${e.partition}`)!.next);
    if (todo.length > 0) {
      await readToEnd(cluster, [...new Set(todo.map((e) => e.topic))], (r) => {
        const p = this.parts.get(`${r.topic}\u0000${r.partition}`);
        if (p === undefined || r.offset < p.next) return;
        const h = r.headers.find((x) => x.key === DLQ_HEADERS.errorClass);
        p.offsets.push(r.offset);
        p.classes.push(h?.value?.toString('utf8') ?? UNKNOWN_ERROR_CLASS);
        p.next = r.offset + 1n;
      }, { partitions: todo, from, isolationLevel: 'read_committed', timeoutMs: Math.min(60_000, Math.max(10_000, this.opts.intervalMs ?? 30_000)) });
    }
    for (const topic of dlqTopics) {
      const byClass: Record<string, number> = {};
      for (const e of extents) {
        if (e.topic !== topic) continue;
        for (const c of this.parts.get(`${e.topic}\u0000${e.partition}`)!.classes) byClass[c] = (byClass[c] ?? 0) + 1;
      }
      this.hooks.depth({ topic, byClass });
    }
    if (retry !== undefined && retry.topics.length > 0) {
      const ext = await topicExtents(this.admin, retry.topics);
      const committed = ext.length === 0 ? [] : await this.admin.listGroupOffsets(retry.groupId, ext);
      for (const topic of retry.topics) {
        let n = 0;
        for (const e of ext) {
          if (e.topic !== topic) continue;
          const c = committed.find((x) => x.topic === e.topic && x.partition === e.partition)?.offset ?? -1n;
          const from = c >= e.start ? c : e.start;
          if (e.end > from) n += Number(e.end - from);
        }
        this.hooks.retryDepth(topic, n);
      }
    }
  }

  async close(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing?.catch(() => undefined);
    await this.admin.close();
  }
}
