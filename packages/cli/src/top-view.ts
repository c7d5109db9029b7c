// What `tide top` shows, computed from samples of the cluster taken through the Kafka APIs (so it
// works against Apache Kafka too) and, when given, a Tideline metrics endpoint:
//   rates in   ListOffsets end offsets, delta between two samples / seconds between them
//   rates out  groups' committed offsets, delta between two samples (records consumed and committed)
//   lag        end offset - committed offset per partition, summed per group
//   status     OK/WARN/STALL/STOP/REWIND from the samples kept (the rules of @tideline/observability's
//              lag status); from the broker's own evaluation (tideline_consumer_group_lag_status)
//              with --metrics
//   DLQ depth  records (end - start) of dead-letter topics (names matching the DLQ pattern)
//   disk       DescribeLogDirs: partition sizes per broker and log dir, the file system's total/usable
// With --metrics: bytes in/out per topic (tideline_topic_bytes_*_total deltas), lag in seconds,
// the broker's disk gauges and connections.
import type { Admin, LogDirDescription } from '@tideline/client';
import { LAG_STATUSES, groupLagStatus, sumSamples, type LagStatus, type MetricSample } from '@tideline/observability';
import { sampledLagStatus } from './commands/group.js';

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** One look at the cluster. */
export interface TopSample {
  atMs: number;
  /** Partition count per topic (internal topics left out). */
  topics: Map<string, number>;
  starts: Map<string, bigint>;
  ends: Map<string, bigint>;
  groups: Array<{ groupId: string; state: string; members: number; committed: Map<string, bigint> }>;
  logDirs: LogDirDescription[];
  /** The metrics endpoint's samples (with --metrics). */
  metrics: MetricSample[] | null;
}

export async function takeSample(admin: Admin, metrics: (() => Promise<MetricSample[]>) | null): Promise<TopSample> {
  const names = await admin.listTopics();
  const desc = names.length === 0 ? [] : await admin.describeTopics(names);
  const topics = new Map(desc.map((d) => [d.name, d.partitions.length] as const));
  const tps = desc.flatMap((d) => d.partitions.map((p) => ({ topic: d.name, partition: p.partition })));
  const listings = await admin.listGroups();
  const [starts, ends, described, logDirs, scraped] = await Promise.all([
    tps.length === 0 ? [] : admin.listOffsets(tps.map((tp) => ({ ...tp, spec: 'earliest' as const }))),
    tps.length === 0 ? [] : admin.listOffsets(tps.map((tp) => ({ ...tp, spec: 'latest' as const }))),
    listings.length === 0 ? [] : admin.describeGroups(listings.map((g) => g.groupId)),
    admin.describeLogDirs(),
    metrics === null ? null : metrics(),
  ]);
  const groups = await Promise.all(described.map(async (g) => {
    const offsets = await admin.listGroupOffsets(g.groupId);
    const committed = new Map<string, bigint>();
    for (const o of offsets) if (o.offset >= 0n) committed.set(key(o.topic, o.partition), o.offset);
    return { groupId: g.groupId, state: g.state, members: g.members.length, committed };
  }));
  return {
    atMs: Date.now(),
    topics,
    starts: new Map(starts.map((o) => [key(o.topic, o.partition), o.offset] as const)),
    ends: new Map(ends.map((o) => [key(o.topic, o.partition), o.offset] as const)),
    groups: groups.sort((a, b) => a.groupId.localeCompare(b.groupId)),
    logDirs,
    metrics: scraped,
  };
}

export interface TopTopic {
  topic: string;
  partitions: number;
  /** Records held (end - start offsets). */
  records: number;
  inRecordsPerSec: number | null;
  /** Partition bytes on disk (DescribeLogDirs). */
  sizeBytes: number;
  /** With --metrics. */
  bytesInPerSec: number | null;
  bytesOutPerSec: number | null;
}

export interface TopGroup {
  group: string;
  state: string;
  members: number;
  /** Sum over the partitions it committed of end - committed. */
  lag: number;
  /** Committed offsets moved per second. */
  consumedPerSec: number | null;
  status: LagStatus | null;
  /** With --metrics: the largest partition lag in seconds. */
  lagSeconds: number | null;
}

export interface TopView {
  time: string;
  /** Seconds between the two samples the rates come from (null: one sample, no rates). */
  intervalSeconds: number | null;
  source: 'kafka' | 'kafka+metrics';
  totals: { topics: number; partitions: number; records: number; inRecordsPerSec: number | null; consumedPerSec: number | null; bytesInPerSec: number | null; bytesOutPerSec: number | null };
  topics: TopTopic[];
  groups: TopGroup[];
  dlq: Array<{ topic: string; records: number; growthPerSec: number | null }>;
  disk: Array<{ broker: number; logDir: string; usedBytes: number; totalBytes: number | null; usableBytes: number | null }>;
  /** With --metrics: the broker's own gauges. */
  broker: { diskUsedBytes: number; diskFreeBytes: number; connections: number } | null;
}

export interface ViewOptions {
  top: number;
  dlqPattern: RegExp;
  /**
   * The sampled lag status is given once the samples span this long (ms): sampling sees a commit
   * only as a changed committed offset, so a window shorter than a group's commit interval would
   * call a healthy group STOP. The broker's own status (--metrics) is always given.
   */
  statusAfterMs: number;
}

const rate = (delta: number, seconds: number | null): number | null => (seconds === null || seconds <= 0 ? null : Math.max(0, delta) / seconds);
const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);
const sizeNum = (b: bigint): number | null => (b < 0n ? null : Number(b));

/** The view from the samples kept (oldest first; rates from the last two, status from all). */
export function computeView(history: readonly TopSample[], opts: ViewOptions): TopView {
  const cur = history[history.length - 1]!;
  const prev = history.length > 1 ? history[history.length - 2]! : null;
  const dt = prev === null ? null : (cur.atMs - prev.atMs) / 1000;
  const m = cur.metrics;
  const pm = prev?.metrics ?? null;
  const metricRate = (name: string, labels: Record<string, string>): number | null =>
    m === null || pm === null ? null : rate(sumSamples(m, name, labels) - sumSamples(pm, name, labels), dt);

  const sizeByTopic = new Map<string, number>();
  for (const d of cur.logDirs) for (const p of d.partitions) sizeByTopic.set(p.topic, (sizeByTopic.get(p.topic) ?? 0) + Number(p.size));
  const endSum = (s: TopSample, topic: string, n: number): number => {
    let sum = 0;
    for (let p = 0; p < n; p++) sum += Number(s.ends.get(key(topic, p)) ?? 0n);
    return sum;
  };
  const all: TopTopic[] = [...cur.topics].map(([topic, n]) => {
    let records = 0;
    for (let p = 0; p < n; p++) records += Number((cur.ends.get(key(topic, p)) ?? 0n) - (cur.starts.get(key(topic, p)) ?? 0n));
    return {
      topic, partitions: n, records,
      inRecordsPerSec: round(prev === null || !prev.topics.has(topic) ? null : rate(endSum(cur, topic, n) - endSum(prev, topic, n), dt)),
      sizeBytes: sizeByTopic.get(topic) ?? 0,
      bytesInPerSec: round(metricRate('tideline_topic_bytes_in_total', { topic })),
      bytesOutPerSec: round(metricRate('tideline_topic_bytes_out_total', { topic })),
    };
  });
  const byActivity = [...all].sort((a, b) => (b.inRecordsPerSec ?? 0) - (a.inRecordsPerSec ?? 0) || b.records - a.records || a.topic.localeCompare(b.topic));

  const groups: TopGroup[] = cur.groups.map((g) => {
    let lag = 0;
    const partitionStatus: LagStatus[] = [];
    for (const [k, committed] of g.committed) {
      const end = cur.ends.get(k);
      if (end !== undefined && end > committed) lag += Number(end - committed);
      const samples = history.flatMap((h) => {
        const hg = h.groups.find((x) => x.groupId === g.groupId);
        const c = hg?.committed.get(k);
        const e = h.ends.get(k);
        return c === undefined || e === undefined ? [] : [{ atMs: h.atMs, committed: c, lag: e > c ? e - c : 0n }];
      });
      partitionStatus.push(sampledLagStatus(samples, cur.atMs));
    }
    let consumed: number | null = null;
    const pg = prev?.groups.find((x) => x.groupId === g.groupId);
    if (pg !== undefined) {
      let delta = 0;
      for (const [k, c] of g.committed) delta += Number(c - (pg.committed.get(k) ?? c));
      consumed = rate(delta, dt);
    }
    const spanMs = cur.atMs - history[0]!.atMs;
    let status: LagStatus | null = g.committed.size === 0 || spanMs < opts.statusAfterMs ? null : groupLagStatus(partitionStatus);
    let lagSeconds: number | null = null;
    if (m !== null) {
      const s = m.find((x) => x.name === 'tideline_consumer_group_lag_status' && x.labels['group'] === g.groupId);
      if (s !== undefined) status = LAG_STATUSES[s.value] ?? status;
      for (const x of m) if (x.name === 'tideline_consumer_group_lag_seconds' && x.labels['group'] === g.groupId) lagSeconds = Math.max(lagSeconds ?? 0, x.value);
    }
    return { group: g.groupId, state: g.state, members: g.members, lag, consumedPerSec: round(consumed), status, lagSeconds: round(lagSeconds) };
  });

  const dlq = all.filter((t) => opts.dlqPattern.test(t.topic)).map((t) => {
    let growth: number | null = null;
    if (prev !== null && prev.topics.has(t.topic)) {
      let before = 0;
      for (let p = 0; p < t.partitions; p++) before += Number((prev.ends.get(key(t.topic, p)) ?? 0n) - (prev.starts.get(key(t.topic, p)) ?? 0n));
      growth = round(dt === null || dt <= 0 ? null : (t.records - before) / dt);
    }
    return { topic: t.topic, records: t.records, growthPerSec: growth };
  });

  /** Total of a rate over rows: null without two samples; rows without a rate (new since the last sample) count 0. */
  const sum = (l: Array<number | null>): number | null => (prev === null ? null : l.reduce<number>((a, x) => a + (x ?? 0), 0));
  return {
    time: new Date(cur.atMs).toISOString(),
    intervalSeconds: dt === null ? null : round(dt),
    source: m === null ? 'kafka' : 'kafka+metrics',
    totals: {
      topics: all.length,
      partitions: all.reduce((a, t) => a + t.partitions, 0),
      records: all.reduce((a, t) => a + t.records, 0),
      inRecordsPerSec: round(sum(all.map((t) => t.inRecordsPerSec))),
      consumedPerSec: round(sum(groups.map((g) => g.consumedPerSec))),
      bytesInPerSec: round(m === null || pm === null ? null : rate(sumSamples(m, 'tideline_topic_bytes_in_total') - sumSamples(pm, 'tideline_topic_bytes_in_total'), dt)),
      bytesOutPerSec: round(m === null || pm === null ? null : rate(sumSamples(m, 'tideline_topic_bytes_out_total') - sumSamples(pm, 'tideline_topic_bytes_out_total'), dt)),
    },
    topics: byActivity.slice(0, opts.top),
    groups,
    dlq,
    disk: cur.logDirs.map((d) => ({
      broker: d.broker, logDir: d.logDir,
      usedBytes: d.partitions.reduce((a, p) => a + Number(p.size), 0),
      totalBytes: sizeNum(d.totalBytes), usableBytes: sizeNum(d.usableBytes),
    })),
    broker: m === null ? null : {
      diskUsedBytes: sumSamples(m, 'tideline_log_dir_used_bytes'),
      diskFreeBytes: sumSamples(m, 'tideline_log_dir_free_bytes'),
      connections: sumSamples(m, 'tideline_connections'),
    },
  };
}
