// Operations views over time: a group's lag sampled in memory (history.ts) with its status
// (OK/WARN/STALL/STOP/REWIND, @tideline/observability's sampled rules, as `tide group describe
// --status`), the status of every group (the overview's "groups in trouble"), and the size on disk
// of each topic from DescribeLogDirs (the topic list's Size column).
import type { PartitionLag } from '@tideline/client';
import { groupLagStatus, sampledLagStatus, type LagStatus } from '@tideline/observability';
import { perContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { Route } from '../http.js';
import { Tracker, type Point } from './history.js';

type LagSnapshot = ReadonlyArray<Pick<PartitionLag, 'topic' | 'partition' | 'committed' | 'logEnd' | 'lag'>>;

const MAX_GROUPS = 200;

function groupId(s: string): string {
  if (s === '' || s.length > 1000) throw new ApiError('BAD_REQUEST', 'group id must be 1 to 1000 characters');
  return s;
}

export interface GroupLagView {
  groupId: string;
  status: LagStatus;
  lag: bigint;
  /** Total lag over time, oldest first. */
  points: Array<{ at: number; lag: bigint }>;
  partitions: Array<{ topic: string; partition: number; committed: bigint; logEnd: bigint; lag: bigint | null; status: LagStatus }>;
}

/** Status and series from a group's sampled lag. */
export function lagView(id: string, points: ReadonlyArray<Point<LagSnapshot>>, now = Date.now()): GroupLagView {
  const last = points[points.length - 1]?.value ?? [];
  const partitions = last.map((p) => {
    const samples = points.flatMap((pt) => pt.value.filter((x) => x.topic === p.topic && x.partition === p.partition)
      .map((x) => ({ atMs: pt.at, committed: x.committed, lag: x.lag ?? 0n })));
    return { topic: p.topic, partition: p.partition, committed: p.committed, logEnd: p.logEnd, lag: p.lag, status: sampledLagStatus(samples, now) };
  });
  const total = (s: LagSnapshot): bigint => s.reduce((a, l) => a + (l.lag !== null && l.lag > 0n ? l.lag : 0n), 0n);
  return {
    groupId: id,
    status: groupLagStatus(partitions.map((p) => p.status)),
    lag: total(last),
    points: points.map((p) => ({ at: p.at, lag: total(p.value) })),
    partitions,
  };
}

/** Each context's lag sampler: with sign-in it samples as the session's user and stops with the session. */
const lagTracker = perContext((ctx) => {
  const t = new Tracker<LagSnapshot>(async (id) => (await ctx.admin.groupLag(id)).map(({ topic, partition, committed, logEnd, lag }) => ({ topic, partition, committed, logEnd, lag })), { maxKeys: MAX_GROUPS });
  ctx.onClose(() => t.close());
  return t;
});

export function opsRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/api/groups/:group/lag', summary: 'a group\'s lag over time (sampled by the console while the page is open, every 10 s and on each call) and its status (OK, WARN, STALL, STOP, REWIND) per partition and overall',
      handler: async ({ ctx, params }) => {
        const lags = lagTracker(ctx);
        const id = groupId(params.group!);
        const [d] = await ctx.admin.describeGroups([id]);
        if (d === undefined || d.state === 'Dead') throw new ApiError('UNKNOWN_GROUP', `no group ${id}`);
        return { ...lagView(id, await lags.get(id)), state: d.state };
      },
    },
    {
      method: 'GET', path: '/api/lag-status', summary: 'every group\'s lag and status (sampled as above; the first call of a group has one sample, so OK); ?trouble=true keeps those not OK or behind',
      handler: async ({ ctx, query }) => {
        const lags = lagTracker(ctx);
        const trouble = query.get('trouble') === 'true';
        const listed = (await ctx.admin.listGroups()).slice(0, MAX_GROUPS);
        const groups = await Promise.all(listed.map(async (g) => {
          const v = lagView(g.groupId, await lags.get(g.groupId).catch(() => []));
          return { groupId: g.groupId, state: g.state, status: v.status, lag: v.lag, samples: v.points.length };
        }));
        return { groups: trouble ? groups.filter((g) => g.status !== 'OK') : groups };
      },
    },
    {
      method: 'GET', path: '/api/log-dirs', summary: 'bytes on disk per topic (all replicas) and per broker log directory (DescribeLogDirs to every broker)',
      handler: async ({ ctx }) => {
        const dirs = await ctx.admin.describeLogDirs();
        const topics = new Map<string, { bytes: bigint; replicas: number }>();
        for (const d of dirs) {
          for (const p of d.partitions) {
            const t = topics.get(p.topic) ?? { bytes: 0n, replicas: 0 };
            t.bytes += p.size > 0n ? p.size : 0n;
            t.replicas++;
            topics.set(p.topic, t);
          }
        }
        return {
          dirs: dirs.map((d) => ({ broker: d.broker, logDir: d.logDir, error: d.error?.code ?? null, totalBytes: d.totalBytes, usableBytes: d.usableBytes, bytes: d.partitions.reduce((s, p) => s + (p.size > 0n ? p.size : 0n), 0n), partitions: d.partitions.length })),
          topics: [...topics].map(([name, t]) => ({ name, bytes: t.bytes, replicas: t.replicas })).sort((a, b) => (a.name < b.name ? -1 : 1)),
        };
      },
    },
  ];
}
