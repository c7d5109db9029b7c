// Overview and health: the cluster (id, controller, brokers), topic/partition/group counts, the
// groups with the most lag, and (with --metrics URL) a few samples from the Prometheus endpoint.
import { ApiError } from '../errors.js';
import type { Route } from '../http.js';
import { shownRegistryUrl } from '../registry.js';

export const CONSOLE_VERSION = '0.1.0';
const METRICS_LIMIT = 8 << 20;

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format (samples only; HELP/TYPE lines skipped). */
export function parsePrometheus(text: string): MetricSample[] {
  const out: MetricSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (m === null) continue;
    const labels: Record<string, string> = {};
    if (m[3] !== undefined) for (const l of m[3].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_s, c: string) => (c === 'n' ? '\n' : c));
    const value = Number(m[4]);
    if (!Number.isNaN(value)) out.push({ name: m[1]!, labels, value });
  }
  return out;
}

export async function readMetrics(url: string): Promise<MetricSample[]> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(3000) });
  } catch (e) {
    throw new ApiError('METRICS_UNAVAILABLE', `metrics endpoint ${url}: ${(e as Error).message}`);
  }
  if (!res.ok) throw new ApiError('METRICS_UNAVAILABLE', `metrics endpoint ${url} answered ${res.status}`);
  const text = await res.text();
  if (text.length > METRICS_LIMIT) throw new ApiError('METRICS_UNAVAILABLE', `metrics endpoint ${url} answered more than ${METRICS_LIMIT} bytes`);
  return parsePrometheus(text);
}

export function overviewRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/api/health', summary: 'is the broker reachable: 200 {ok: true} or 503',
      handler: async ({ ctx }) => {
        const c = await ctx.admin.describeCluster();
        return { ok: true, clusterId: c.clusterId, brokers: c.brokers.length };
      },
    },
    {
      method: 'GET', path: '/api/overview', summary: 'cluster id, controller, brokers, topic/partition/group counts, groups with lag, registry and metrics URLs',
      handler: async ({ ctx }) => {
        const [cluster, names, listed] = await Promise.all([ctx.admin.describeCluster(), ctx.admin.listTopics({ includeInternal: true }), ctx.admin.listGroups()]);
        const described = names.length === 0 ? [] : await ctx.admin.describeTopics(names);
        const partitions = described.reduce((s, t) => s + t.partitions.length, 0);
        const lagging: Array<{ groupId: string; state: string; lag: bigint }> = [];
        await Promise.all(listed.slice(0, 200).map(async (g) => {
          const lags = await ctx.admin.groupLag(g.groupId).catch(() => []);
          const lag = lags.reduce((s, l) => s + (l.lag !== null && l.lag > 0n ? l.lag : 0n), 0n);
          if (lag > 0n) lagging.push({ groupId: g.groupId, state: g.state, lag });
        }));
        lagging.sort((a, b) => (a.lag < b.lag ? 1 : a.lag > b.lag ? -1 : 0));
        return {
          consoleVersion: CONSOLE_VERSION,
          clusterId: cluster.clusterId, controllerId: cluster.controllerId,
          brokers: cluster.brokers.map((b) => ({ ...b, controller: b.nodeId === cluster.controllerId })),
          topics: described.filter((t) => !t.isInternal).length, internalTopics: described.filter((t) => t.isInternal).length, partitions,
          groups: listed.length,
          groupsStates: listed.reduce<Record<string, number>>((m, g) => ({ ...m, [g.state]: (m[g.state] ?? 0) + 1 }), {}),
          laggingGroups: lagging.slice(0, 20),
          registryUrl: shownRegistryUrl(ctx), metricsUrl: ctx.metricsUrl,
        };
      },
    },
    {
      method: 'GET', path: '/api/metrics', summary: 'samples read from --metrics URL (404 when not configured); ?prefix= keeps names starting with it',
      handler: async ({ ctx, query }) => {
        if (ctx.metricsUrl === null) throw new ApiError('NOT_FOUND', 'the console was started without --metrics');
        const prefix = query.get('prefix') ?? '';
        const samples = (await readMetrics(ctx.metricsUrl)).filter((s) => s.name.startsWith(prefix)).slice(0, 5000);
        return { at: Date.now(), samples };
      },
    },
  ];
}
