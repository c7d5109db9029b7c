// Topics: list, describe (partitions with offsets, configs), create, delete, alter configs, add
// partitions. Validation is the CLI's: the same argument bounds here, then the broker validates
// (validateOnly for dry runs), so a config the broker refuses is refused with its own message.
import type { ConfigEntry, TopicDescription } from '@tideline/client';
import { watermarks, type ConsoleContext } from '../context.js';
import { ApiError } from '../errors.js';
import { optBool, optInt, optStringMap, readJson, reqInt, reqString, type Route } from '../http.js';

const BODY_LIMIT = 1 << 20;
// Kafka's own rule (Topic.validate): 1..249 characters of [a-zA-Z0-9._-], not "." or "..".
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function topicName(s: string): string {
  if (!TOPIC_NAME.test(s) || s === '.' || s === '..') throw new ApiError('BAD_REQUEST', `topic name must be 1 to 249 characters of [a-zA-Z0-9._-] (and not "." or ".."): ${JSON.stringify(s.slice(0, 300))}`);
  return s;
}

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitions: number;
  replicas: number;
  /** Sum over partitions of high watermark - log start (records, counting gaps of compaction). */
  messages: string | null;
}

export async function describeOne(ctx: ConsoleContext, name: string): Promise<TopicDescription> {
  const [d] = await ctx.admin.describeTopics([topicName(name)]);
  if (d === undefined) throw new ApiError('UNKNOWN_TOPIC', `no topic ${name}`);
  return d;
}

export function topicRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/api/topics', summary: 'all topics: name, partitions, replicas, internal; ?stats=true adds messages (offset span, one ListOffsets per partition: slower with many topics); ?internal=false hides internal topics',
      handler: async ({ ctx, query }) => {
        const includeInternal = optBool(query.get('internal'), 'internal') ?? true;
        const stats = optBool(query.get('stats'), 'stats') ?? false;
        const names = await ctx.admin.listTopics({ includeInternal });
        const described = names.length === 0 ? [] : await ctx.admin.describeTopics(names);
        const marks = stats ? await watermarks(ctx.admin, described.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition })))) : null;
        const topics: TopicSummary[] = described.map((t) => {
          let messages: bigint | null = null;
          if (marks !== null) {
            messages = 0n;
            for (const p of t.partitions) {
              const w = marks.get(`${t.name}\0${p.partition}`);
              if (w !== undefined) messages += w.end - w.start;
            }
          }
          return { name: t.name, internal: t.isInternal, partitions: t.partitions.length, replicas: Math.max(0, ...t.partitions.map((p) => p.replicas.length)), messages: messages === null ? null : messages.toString() };
        });
        topics.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        return { topics };
      },
    },
    {
      method: 'POST', path: '/api/topics', summary: 'create a topic: {name, partitions?, replicationFactor?, configs?, validateOnly?}',
      handler: async ({ ctx, req }) => {
        const b = await readJson(req, BODY_LIMIT);
        const name = topicName(reqString(b.name, 'name', 300));
        const partitions = optInt(b.partitions, 'partitions', 1, 1_000_000);
        const replicationFactor = optInt(b.replicationFactor, 'replicationFactor', 1, 32767);
        const configs = optStringMap(b.configs, 'configs') ?? {};
        const validateOnly = optBool(b.validateOnly, 'validateOnly') ?? false;
        const [c] = await ctx.admin.createTopics([{ topic: name, configs, ...(partitions !== undefined ? { numPartitions: partitions } : {}), ...(replicationFactor !== undefined ? { replicationFactor } : {}) }], { validateOnly });
        return { name, topicId: validateOnly ? null : c?.topicId ?? null, partitions: c?.numPartitions ?? partitions ?? null, validateOnly };
      },
    },
    {
      method: 'GET', path: '/api/topics/:topic', summary: 'one topic: id, partitions (leader, replicas, isr, log start, high watermark), configs',
      handler: async ({ ctx, params }) => {
        const d = await describeOne(ctx, params.topic!);
        const [marks, configs] = await Promise.all([
          watermarks(ctx.admin, d.partitions.map((p) => ({ topic: d.name, partition: p.partition }))),
          ctx.admin.describeConfigs([{ type: 'topic', name: d.name }]),
        ]);
        const entries: ConfigEntry[] = (configs[0]?.configs ?? []).slice().sort((a, b) => (a.name < b.name ? -1 : 1));
        return {
          name: d.name, topicId: d.topicId, internal: d.isInternal,
          partitions: d.partitions.map((p) => {
            const w = marks.get(`${d.name}\0${p.partition}`);
            return { ...p, logStartOffset: w?.start ?? null, highWatermark: w?.end ?? null, messages: w === undefined ? null : w.end - w.start };
          }),
          configs: entries.map((c) => ({ ...c, value: c.isSensitive ? null : c.value })),
        };
      },
    },
    {
      method: 'DELETE', path: '/api/topics/:topic', summary: 'delete a topic',
      handler: async ({ ctx, params }) => {
        await ctx.admin.deleteTopics([topicName(params.topic!)]);
        return { deleted: params.topic };
      },
    },
    {
      method: 'PATCH', path: '/api/topics/:topic/configs', summary: 'alter configs incrementally: {set?: {k: v}, delete?: [k], validateOnly?}',
      handler: async ({ ctx, req, params }) => {
        const name = topicName(params.topic!);
        const b = await readJson(req, BODY_LIMIT);
        const set = optStringMap(b.set, 'set') ?? {};
        const del = b.delete ?? [];
        if (!Array.isArray(del) || del.some((k) => typeof k !== 'string' || k === '')) throw new ApiError('BAD_REQUEST', 'delete must be an array of config names');
        const ops = [
          ...Object.entries(set).map(([k, value]) => ({ name: k, op: 'set' as const, value })),
          ...(del as string[]).map((k) => ({ name: k, op: 'delete' as const, value: null })),
        ];
        if (ops.length === 0) throw new ApiError('BAD_REQUEST', 'nothing to change: give set {key: value} or delete [key]');
        const validateOnly = optBool(b.validateOnly, 'validateOnly') ?? false;
        await ctx.admin.incrementalAlterConfigs([{ type: 'topic', name, ops }], { validateOnly });
        return { name, ops, validateOnly };
      },
    },
    {
      method: 'POST', path: '/api/topics/:topic/partitions', summary: 'add partitions: {count} (the new total), or {add}',
      handler: async ({ ctx, req, params }) => {
        const b = await readJson(req, BODY_LIMIT);
        const d = await describeOne(ctx, params.topic!);
        const current = d.partitions.length;
        const add = optInt(b.add, 'add', 1, 1_000_000);
        const count = add !== undefined ? current + add : reqInt(b.count, 'count', 1, 1_000_000);
        if (count <= current) throw new ApiError('BAD_REQUEST', `count must be more than the current ${current} partitions (partitions cannot be removed)`);
        const validateOnly = optBool(b.validateOnly, 'validateOnly') ?? false;
        await ctx.admin.createPartitions([{ topic: d.name, count }], { validateOnly });
        return { name: d.name, from: current, to: count, validateOnly };
      },
    },
  ];
}
