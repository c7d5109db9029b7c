// Consumer lag for the metrics: per group and partition, the lag in offsets (high watermark -
// committed offset), in seconds (now - timestamp of the first record the group has not consumed,
// read from the log itself), and the lag status over a window of the group's commits.
//
// Cheap at scrape time: the offsets and watermarks are in memory; the timestamp of the first
// unconsumed record needs one read of one batch, cached per (group, partition) until the
// committed offset moves, so a group that does not commit costs nothing after its first scrape.
// Commit windows are fed by the offset store on every commit (OffsetStore.onCommit).
import { Attr, iterateBatches, isControl, Off } from '@tideline/protocol';
import { CommitWindow, evaluatePartitionLag, type LagStatus } from '@tideline/observability';
import type { GroupCoordinator } from '../groups/coordinator.js';
import type { CommittedOffset } from '../groups/offsets-format.js';
import type { TopicManager } from '../topics.js';

export interface PartitionLagSample {
  group: string;
  topic: string;
  partition: number;
  committedOffset: bigint;
  lag: bigint;
  /** 0 when caught up; null when the timestamp of the next record is unknown (no valid timestamp). */
  lagSeconds: number | null;
  status: LagStatus;
}

/** Bytes read to find the first unconsumed record's timestamp: one batch header and a little more. */
const PEEK_BYTES = 64 * 1024;
/** Timestamp reads in flight at once during a scrape. */
const READ_CONCURRENCY = 32;
/**
 * Time one scrape spends reading timestamps; what is left is read by the next scrapes (its
 * lag-seconds series is absent meanwhile). Only a scrape after many groups moved reads much.
 */
const READ_BUDGET_MS = 1000;

/** What the tracker keeps per group partition. */
interface PartitionState {
  window: CommitWindow | null;
  /** The offset whose record timestamp `ts` is (-1n: none read yet). */
  tsOffset: bigint;
  /** Timestamp (ms) of the record at tsOffset; null: none found. */
  ts: number | null;
  /** The sample() pass that last saw it (older ones are dropped). */
  pass: number;
}

/** group -> topic -> partition -> state: no per-scrape key strings. */
type States = Map<string, Map<string, Map<number, PartitionState>>>;

export class ConsumerLagTracker {
  private readonly states: States = new Map();
  private pass = 0;

  constructor(
    private readonly groups: GroupCoordinator,
    private readonly topics: TopicManager,
    private readonly now: () => number,
    private readonly windowSize: number,
  ) {}

  private state(group: string, topic: string, partition: number): PartitionState {
    let g = this.states.get(group);
    if (g === undefined) {
      g = new Map();
      this.states.set(group, g);
    }
    let t = g.get(topic);
    if (t === undefined) {
      t = new Map();
      g.set(topic, t);
    }
    let s = t.get(partition);
    if (s === undefined) {
      s = { window: null, tsOffset: -1n, ts: null, pass: this.pass };
      t.set(partition, s);
    }
    return s;
  }

  /** OffsetStore.onCommit: one commit enters the partition's window with the lag at that moment. */
  onCommit(group: string, topic: string, partition: number, value: CommittedOffset): void {
    const log = this.topics.partitionLog(topic, partition);
    if (log === undefined) return;
    const s = this.state(group, topic, partition);
    s.window ??= new CommitWindow(this.windowSize);
    const hw = log.highWatermark;
    s.window.add({ offset: value.offset, timestampMs: Number(value.commitTimestamp), lag: hw > value.offset ? hw - value.offset : 0n });
  }

  /** Every committed partition's lag, in offsets, seconds and status. */
  async sample(): Promise<PartitionLagSample[]> {
    const out: PartitionLagSample[] = [];
    const pass = ++this.pass;
    const nowMs = this.now();
    const reads: Array<() => Promise<void>> = [];
    for (const group of this.groups.offsets.groupIds()) {
      for (const t of this.groups.offsets.list(group)) {
        for (const { partition, value } of t.partitions) {
          const log = this.topics.partitionLog(t.topic, partition);
          if (log === undefined) continue;
          const st = this.state(group, t.topic, partition);
          st.pass = pass;
          const hw = log.highWatermark;
          const from = value.offset < log.logStartOffset ? log.logStartOffset : value.offset;
          const lag = hw > from ? hw - from : 0n;
          const s: PartitionLagSample = {
            group, topic: t.topic, partition, committedOffset: value.offset, lag, lagSeconds: 0,
            status: st.window === null ? 'OK' : evaluatePartitionLag(st.window.samples, lag, nowMs),
          };
          out.push(s);
          if (lag === 0n) continue;
          if (st.tsOffset === from) {
            s.lagSeconds = st.ts === null ? null : Math.max(0, (nowMs - st.ts) / 1000);
            continue;
          }
          s.lagSeconds = null;
          reads.push(() => this.timestampAt(t.topic, partition, from, hw).then((ts) => {
            st.tsOffset = from;
            st.ts = ts;
            s.lagSeconds = ts === null ? null : Math.max(0, (nowMs - ts) / 1000);
          }));
        }
      }
    }
    if (reads.length > 0) await runBounded(reads, READ_CONCURRENCY, Date.now() + READ_BUDGET_MS);
    // Partitions no longer committed (deleted offsets, groups or topics) are forgotten.
    for (const [group, topics] of this.states) {
      for (const [topic, parts] of topics) {
        for (const [p, st] of parts) if (st.pass !== pass && this.groups.offsets.get(group, topic, p) === undefined) parts.delete(p);
        if (parts.size === 0) topics.delete(topic);
      }
      if (topics.size === 0) this.states.delete(group);
    }
    return out;
  }

  /**
   * The timestamp of the first data record at or after `offset` below `hw` (control batches,
   * transaction markers, are skipped); null when there is none or it cannot be read.
   */
  private async timestampAt(topic: string, partition: number, offset: bigint, hw: bigint): Promise<number | null> {
    const log = this.topics.partitionLog(topic, partition);
    if (log === undefined) return null;
    let at = offset;
    // A few reads at most: only a run of control batches makes it read again.
    for (let i = 0; i < 4 && at < hw; i++) {
      let records: Buffer;
      try {
        records = (await log.read(at, PEEK_BYTES, { maxOffset: hw })).records;
      } catch {
        return null;
      }
      if (records.length === 0) return null;
      try {
        for (const batch of iterateBatches(records)) {
          const h = batch.header;
          if (isControl(h.attributes)) continue;
          for (const r of batch.records) {
            if (r.offset < offset) continue;
            // LogAppendTime: every record of the batch has the broker's append time.
            const ts = (h.attributes & Attr.timestampTypeLogAppend) !== 0 ? h.maxTimestamp : r.timestamp;
            return ts >= 0n ? Number(ts) : null;
          }
        }
      } catch {
        return null;
      }
      // Only control batches (or records below `offset`) came back: continue after them.
      let end = at;
      for (let pos = 0; records.length - pos >= 61;) {
        const size = records.readInt32BE(pos + Off.batchLength) + 12;
        end = records.readBigInt64BE(pos + Off.baseOffset) + BigInt(records.readInt32BE(pos + Off.lastOffsetDelta)) + 1n;
        pos += size;
      }
      if (end <= at) return null;
      at = end;
    }
    return null;
  }
}

/** Runs `tasks` at most `concurrency` at a time; none starts after `deadline` (ms since the epoch). */
async function runBounded(tasks: ReadonlyArray<() => Promise<void>>, concurrency: number, deadline: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length && Date.now() < deadline) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}
