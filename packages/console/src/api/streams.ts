// Stream applications: found through their consumer groups and internal topics (docs/streams.md):
// a group whose assignor is `tide-streams`, or that has topics named `<group>-…-changelog`,
// `<group>-…-repartition` or `<group>-late`. From the cluster alone: instances (members), input
// partitions with their owner, committed offset and lag, the max event time each commit carries
// in its metadata (`{"t": ms}`, written by @tideline/streams), the state stores' changelogs
// (records and bytes on disk), repartition topics and the late-record topic. From the
// application's metrics (`--metrics` or `appMetricsUrls`, when they carry
// `tideline_streams_*{application_id=…}`): tasks, watermarks and watermark lag per input
// partition, processed, late and restored records per task.
import { perContext, type ConsoleContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { Route } from '../http.js';
import { readMetrics, type MetricSample } from './overview.js';

const ASSIGNOR = 'tide-streams';
const MAX_APPS = 200;

export interface AppTopics {
  changelogs: string[];
  repartitions: string[];
  late: string | null;
}

/** The internal topics of application `app` among `topics`. */
export function internalTopics(app: string, topics: readonly string[]): AppTopics {
  const p = `${app}-`;
  const mine = topics.filter((t) => t.startsWith(p));
  return {
    changelogs: mine.filter((t) => t.endsWith('-changelog')).sort(),
    repartitions: mine.filter((t) => t.endsWith('-repartition')).sort(),
    late: mine.includes(`${app}-late`) ? `${app}-late` : null,
  };
}

const hasInternal = (t: AppTopics): boolean => t.changelogs.length > 0 || t.repartitions.length > 0 || t.late !== null;

/** Max event time from a commit's metadata as @tideline/streams writes it, or null. */
export function eventTimeOf(metadata: string | null): number | null {
  if (metadata === null || metadata === '' || metadata.length > 4096) return null;
  try {
    const m = JSON.parse(metadata) as { t?: unknown };
    return typeof m.t === 'number' && Number.isFinite(m.t) ? m.t : null;
  } catch {
    return null;
  }
}

async function appSamples(ctx: ConsoleContext, app: string): Promise<{ samples: MetricSample[]; sources: string[]; errors: string[] }> {
  const urls = [...(ctx.metricsUrl !== null ? [ctx.metricsUrl] : []), ...ctx.appMetricsUrls];
  const samples: MetricSample[] = [];
  const sources: string[] = [];
  const errors: string[] = [];
  await Promise.all(urls.map(async (u) => {
    try {
      const mine = (await readMetrics(u)).filter((s) => s.name.startsWith('tideline_streams_') && s.labels.application_id === app);
      if (mine.length > 0) sources.push(u);
      samples.push(...mine);
    } catch (e) {
      errors.push((e as Error).message);
    }
  }));
  return { samples, sources, errors };
}

const MAX_POINTS = 360;

type LagHistory = ReadonlyArray<{ at: number; lagMs: Record<string, number> }>;

/**
 * Watermark (or, without metrics, event-time) lag per input partition at each call of the
 * application's page, oldest first: the chart survives a page reload. Bounded in apps and points;
 * one per context (with sign-in, per session: a user sees only what her own reads recorded).
 */
const lagHistories = perContext(() => {
  const histories = new Map<string, Array<{ at: number; lagMs: Record<string, number> }>>();
  return (app: string, at: number, lagMs: Record<string, number>): LagHistory => {
    const h = histories.get(app) ?? [];
    histories.delete(app);
    histories.set(app, h);
    while (histories.size > MAX_APPS) histories.delete(histories.keys().next().value!);
    const last = h[h.length - 1];
    if (last === undefined || at - last.at >= 1000) h.push({ at, lagMs });
    if (h.length > MAX_POINTS) h.splice(0, h.length - MAX_POINTS);
    return h;
  };
});

export function streamsRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/api/streams', summary: 'stream applications found through their groups (assignor tide-streams) and internal topics (APP-…-changelog, APP-…-repartition, APP-late)',
      handler: async ({ ctx }) => {
        const [groups, topics] = await Promise.all([ctx.admin.listGroups(), ctx.admin.listTopics({ includeInternal: false })]);
        const described = groups.length === 0 ? [] : await ctx.admin.describeGroups(groups.slice(0, MAX_APPS).map((g) => g.groupId));
        const apps = described.flatMap((g) => {
          const t = internalTopics(g.groupId, topics);
          if (g.assignor !== ASSIGNOR && !hasInternal(t)) return [];
          return [{ applicationId: g.groupId, state: g.state, instances: g.members.length, assignor: g.assignor, stores: t.changelogs.length, repartitionTopics: t.repartitions.length, lateTopic: t.late }];
        });
        // An application whose group is not listed (not joined yet, or gone) still has its late topic.
        const found = new Set(apps.map((a) => a.applicationId));
        for (const name of topics) {
          if (!name.endsWith('-late') || name.length <= 5) continue;
          const id = name.slice(0, -'-late'.length);
          if (found.has(id)) continue;
          const t = internalTopics(id, topics);
          found.add(id);
          apps.push({ applicationId: id, state: 'Dead', instances: 0, assignor: '', stores: t.changelogs.length, repartitionTopics: t.repartitions.length, lateTopic: t.late });
        }
        apps.sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
        return { applications: apps };
      },
    },
    {
      method: 'GET', path: '/api/streams/:app', summary: 'one stream application: instances, input partitions (owner, committed, lag, max event time from the commit metadata), state stores (changelog records and bytes), repartition and late topics; tasks, watermarks, late and restored records from its metrics when the console can read them',
      handler: async ({ ctx, params }) => {
        const app = params.app!;
        if (app === '' || app.length > 1000) throw new ApiError('BAD_REQUEST', 'application id must be 1 to 1000 characters');
        const [[d], topics] = await Promise.all([ctx.admin.describeGroups([app]), ctx.admin.listTopics({ includeInternal: false })]);
        const t = internalTopics(app, topics);
        if (d === undefined || (d.state === 'Dead' && !hasInternal(t))) throw new ApiError('UNKNOWN_GROUP', `no stream application ${app}`);
        const [lags, committed, metrics] = await Promise.all([
          d.state === 'Dead' ? Promise.resolve([]) : ctx.admin.groupLag(app),
          d.state === 'Dead' ? Promise.resolve([]) : ctx.admin.listGroupOffsets(app),
          appSamples(ctx, app),
        ]);
        const meta = new Map(committed.map((c) => [`${c.topic}\0${c.partition}`, eventTimeOf(c.metadata)]));
        const members = new Map(d.members.map((m) => [m.memberId, m]));
        const now = Date.now();
        // Changelog and repartition partitions: offsets, and bytes on disk (DescribeLogDirs).
        const internal = [...t.changelogs, ...t.repartitions, ...(t.late !== null ? [t.late] : [])];
        const described = internal.length === 0 ? [] : await ctx.admin.describeTopics(internal);
        const parts = described.flatMap((x) => x.partitions.map((p) => ({ topic: x.name, partition: p.partition })));
        const [ends, starts, dirs] = await Promise.all([
          parts.length === 0 ? [] : ctx.admin.listOffsets(parts.map((p) => ({ ...p, spec: 'latest' as const }))),
          parts.length === 0 ? [] : ctx.admin.listOffsets(parts.map((p) => ({ ...p, spec: 'earliest' as const }))),
          parts.length === 0 ? [] : ctx.admin.describeLogDirs().catch(() => []),
        ]);
        const topicStats = (name: string): { partitions: number; records: bigint; bytes: bigint | null } => {
          let records = 0n;
          let bytes: bigint | null = null;
          let partitions = 0;
          for (const p of parts) {
            if (p.topic !== name) continue;
            partitions++;
            const e = ends.find((x) => x.topic === name && x.partition === p.partition)?.offset ?? 0n;
            const s = starts.find((x) => x.topic === name && x.partition === p.partition)?.offset ?? 0n;
            records += e - s;
          }
          for (const dir of dirs) for (const p of dir.partitions) if (p.topic === name) bytes = (bytes ?? 0n) + p.size;
          return { partitions, records, bytes };
        };
        const metric = (name: string): MetricSample[] => metrics.samples.filter((s) => s.name === name);
        const perTask = (name: string): Map<string, number> => {
          const m = new Map<string, number>();
          for (const s of metric(name)) m.set(s.labels.task ?? '', (m.get(s.labels.task ?? '') ?? 0) + s.value);
          return m;
        };
        const processed = perTask('tideline_streams_processed_records_total');
        const late = perTask('tideline_streams_late_records_total');
        const restored = perTask('tideline_streams_restored_records_total');
        const closings = perTask('tideline_streams_window_closings_total');
        const watermark = new Map(metric('tideline_streams_watermark_timestamp_seconds').map((s) => [`${s.labels.topic}\0${s.labels.partition}`, { task: s.labels.task ?? null, ms: Math.round(s.value * 1000) }]));
        const taskIds = [...new Set([...processed.keys(), ...late.keys(), ...restored.keys()])].sort();
        const inputs = lags.map((l) => {
          const k = `${l.topic}\0${l.partition}`;
          const et = meta.get(k) ?? null;
          const wm = watermark.get(k);
          const owner = l.memberId === null ? undefined : members.get(l.memberId);
          return {
            topic: l.topic, partition: l.partition, repartition: t.repartitions.includes(l.topic),
            committed: l.committed, logEnd: l.logEnd, lag: l.lag,
            owner: owner === undefined ? null : { memberId: owner.memberId, clientId: owner.clientId, host: owner.clientHost, instanceId: owner.groupInstanceId },
            maxEventTimeMs: et, eventTimeLagMs: et === null ? null : Math.max(0, now - et),
            task: wm?.task ?? null,
            watermarkMs: wm === undefined ? null : wm.ms, watermarkLagMs: wm === undefined ? null : Math.max(0, now - wm.ms),
          };
        });
        const lagMs: Record<string, number> = {};
        for (const i of inputs) {
          const v = i.watermarkLagMs ?? i.eventTimeLagMs;
          if (v !== null && !i.repartition) lagMs[`${i.topic}/${i.partition}`] = v;
        }
        return {
          applicationId: app, state: d.state, assignor: d.assignor, at: now,
          history: lagHistories(ctx)(app, now, lagMs),
          instances: d.members.map((m) => ({ memberId: m.memberId, instanceId: m.groupInstanceId, clientId: m.clientId, host: m.clientHost, partitions: m.assignment.map((a) => `${a.topic}/${a.partition}`) })),
          inputs,
          stores: t.changelogs.map((c) => ({ name: c.slice(app.length + 1, -'-changelog'.length), changelog: c, ...topicStats(c) })),
          repartitionTopics: t.repartitions.map((r) => ({ name: r, ...topicStats(r) })),
          lateTopic: t.late === null ? null : { name: t.late, ...topicStats(t.late) },
          metrics: {
            sources: metrics.sources, errors: metrics.errors,
            tasks: taskIds.map((id) => ({ taskId: id, processed: processed.get(id) ?? null, late: late.get(id) ?? null, restored: restored.get(id) ?? null, windowsClosed: closings.get(id) ?? null })),
          },
        };
      },
    },
  ];
}
