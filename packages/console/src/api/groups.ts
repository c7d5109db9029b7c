// Consumer groups: list with lag, one group (members, assignments, committed offsets, lag per
// partition in offsets and in seconds), reset offsets (dry run unless execute: true), delete
// offsets, delete the group. Offsets and lag come from Admin (groupLag, resetGroupOffsets).
import type { PartitionLag } from '@tideline/client';
import type { ConsoleContext } from '../context.js';
import { ApiError } from '../errors.js';
import { optBool, optInt, optOffset, readJson, reqString, type Route } from '../http.js';
import { readRange } from '../records.js';
import { topicName } from './topics.js';

const BODY_LIMIT = 1 << 20;

function groupId(s: string): string {
  if (s === '' || s.length > 1000) throw new ApiError('BAD_REQUEST', 'group id must be 1 to 1000 characters');
  return s;
}

/**
 * Lag in seconds per partition: how old the next record the group would read is (now minus the
 * timestamp of the record at the committed offset); 0 when caught up, null when nothing is committed.
 */
async function lagSeconds(ctx: ConsoleContext, lags: readonly PartitionLag[], signal: AbortSignal): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const behind = lags.filter((l) => l.lag !== null && l.lag > 0n && l.committed >= 0n).slice(0, 500);
  for (const l of lags) out.set(`${l.topic}\0${l.partition}`, l.lag === null ? null : l.lag === 0n ? 0 : null);
  if (behind.length === 0) return out;
  const now = Date.now();
  const timeout = AbortSignal.timeout(5000);
  await readRange({
    cluster: ctx.cluster, signal: AbortSignal.any([signal, timeout]), maxPartitionBytes: 64 << 10,
    ranges: behind.map((l) => ({ topic: l.topic, partition: l.partition, from: l.committed, to: l.committed + 1n })),
    onRecords: (recs, r) => {
      const first = recs[0];
      if (first !== undefined) out.set(`${r.topic}\0${r.partition}`, Math.max(0, (now - Number(first.timestamp)) / 1000));
      return false;
    },
  });
  return out;
}

function parseTarget(v: unknown): 'earliest' | 'latest' | { timestamp: number } | { offset: bigint } {
  if (v === 'earliest' || v === 'latest') return v;
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if (o.timestamp !== undefined) return { timestamp: optInt(o.timestamp, 'to.timestamp', 0, Number.MAX_SAFE_INTEGER)! };
    if (o.offset !== undefined) return { offset: optOffset(o.offset, 'to.offset')! };
  }
  throw new ApiError('BAD_REQUEST', 'to must be "earliest", "latest", {"timestamp": ms} or {"offset": n}');
}

function parseScope(b: Record<string, unknown>): Array<string | { topic: string; partition: number }> | undefined {
  if (b.topic === undefined || b.topic === null) {
    if (b.partition !== undefined && b.partition !== null) throw new ApiError('BAD_REQUEST', 'partition needs topic');
    return undefined;
  }
  const topic = topicName(reqString(b.topic, 'topic', 300));
  const partition = optInt(b.partition, 'partition', 0, 1_000_000);
  return partition === undefined ? [topic] : [{ topic, partition }];
}

export function groupRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/api/groups', summary: 'all groups: id, state, type, members, total lag (?lag=false skips lag)',
      handler: async ({ ctx, query }) => {
        const withLag = optBool(query.get('lag'), 'lag') ?? true;
        const listed = await ctx.admin.listGroups();
        const ids = listed.map((g) => g.groupId);
        const described = ids.length === 0 ? [] : await ctx.admin.describeGroups(ids);
        const groups = await Promise.all(described.map(async (g) => {
          let lag: bigint | null = null;
          let partitions = 0;
          if (withLag) {
            const lags = await ctx.admin.groupLag(g.groupId).catch(() => []);
            partitions = lags.length;
            for (const l of lags) if (l.lag !== null) lag = (lag ?? 0n) + (l.lag > 0n ? l.lag : 0n);
          }
          return { groupId: g.groupId, state: g.state, type: g.type, protocolType: g.protocolType, members: g.members.length, partitions, lag };
        }));
        groups.sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
        return { groups };
      },
    },
    {
      method: 'GET', path: '/api/groups/:group', summary: 'one group: members and assignments, committed offsets and lag per partition (offsets and seconds)',
      handler: async ({ ctx, params, signal }) => {
        const id = groupId(params.group!);
        const [d] = await ctx.admin.describeGroups([id]);
        if (d === undefined || d.state === 'Dead') throw new ApiError('UNKNOWN_GROUP', `no group ${id}`);
        const lags = await ctx.admin.groupLag(id);
        const secs = await lagSeconds(ctx, lags, signal);
        return {
          groupId: d.groupId, state: d.state, type: d.type, protocolType: d.protocolType, assignor: d.assignor, coordinator: d.coordinator,
          members: d.members,
          offsets: lags.map((l) => ({ ...l, lagSeconds: secs.get(`${l.topic}\0${l.partition}`) ?? null })),
        };
      },
    },
    {
      method: 'POST', path: '/api/groups/:group/reset',
      summary: 'reset offsets: {to: "earliest"|"latest"|{timestamp}|{offset}, topic?, partition?, execute?}; without execute: true it is a dry run that returns the new offsets',
      handler: async ({ ctx, params, req }) => {
        const id = groupId(params.group!);
        const b = await readJson(req, BODY_LIMIT);
        const to = parseTarget(b.to);
        const topics = parseScope(b);
        const execute = optBool(b.execute, 'execute') ?? false;
        const changes = await ctx.admin.resetGroupOffsets(id, { to, ...(topics !== undefined ? { topics } : {}), execute });
        return { groupId: id, execute, changes };
      },
    },
    {
      method: 'DELETE', path: '/api/groups/:group/offsets', summary: 'delete committed offsets: ?topic &partition (all partitions of the topic when absent)',
      handler: async ({ ctx, params, query }) => {
        const id = groupId(params.group!);
        const topic = topicName(reqString(query.get('topic') ?? undefined, 'topic', 300));
        const partition = optInt(query.get('partition'), 'partition', 0, 1_000_000);
        const committed = await ctx.admin.listGroupOffsets(id);
        const parts = committed.filter((c) => c.topic === topic && (partition === undefined || c.partition === partition)).map((c) => ({ topic: c.topic, partition: c.partition }));
        if (parts.length === 0) throw new ApiError('BAD_REQUEST', `group ${id} has no committed offsets for ${topic}${partition === undefined ? '' : `/${partition}`}`);
        await ctx.admin.deleteGroupOffsets(id, parts);
        return { groupId: id, deleted: parts };
      },
    },
    {
      method: 'DELETE', path: '/api/groups/:group', summary: 'delete an empty group',
      handler: async ({ ctx, params }) => {
        const id = groupId(params.group!);
        const [r] = await ctx.admin.deleteGroups([id]);
        if (r?.error) throw r.error;
        return { deleted: id };
      },
    },
  ];
}
