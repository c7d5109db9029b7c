// Dead letters: the dead-letter topics of the cluster (found by name, docs/dlq.md), their depth by
// error class over time (DlqDepthMonitor of @tideline/dlq, refreshed by the console's sampler:
// it reads only what was appended since the last sample), each record's envelope as fields
// (decodeEnvelope), and selective replay by error class, error name or selected records with
// replayDlq (dry run first; executed, each record moves once: the ledger `<dlq>.replayed` is
// written in the same transaction as the republished record).
import { DlqDepthMonitor, isErrorClass, readReplayLedger, replayDlq, scanDlq, type DlqFilter, type ErrorClass } from '@tideline/dlq';
import type { DlqDepthSnapshot } from '@tideline/observability';
import { perContext, type ConsoleContext } from '../context.js';
import { ApiError } from '../errors.js';
import { optBool, optInt, optString, readJson, type Route } from '../http.js';
import { bytesJson } from '../records.js';
import { Tracker } from './history.js';
import { topicName } from './topics.js';

const BODY_LIMIT = 1 << 20;
const MAX_DLQ_TOPICS = 50;
const MAX_SELECTION = 10_000;

/**
 * Dead-letter topics by name: `<topic>.dlq` (@tideline/dlq's default), `<app>-late` (late records
 * of a streams application), and the common `-dlq`, `_dlq`, `.DLT` (Spring), `-dead-letter`
 * suffixes. The replay ledger `<dlq>.replayed` is not one.
 */
export function isDlqTopic(name: string): boolean {
  if (name.endsWith('.replayed')) return false;
  return /([._-](dlq|DLT|dead-letter|deadletter)|-late)$/i.test(name);
}

async function dlqTopics(ctx: ConsoleContext): Promise<string[]> {
  return (await ctx.admin.listTopics({ includeInternal: false })).filter(isDlqTopic).sort().slice(0, MAX_DLQ_TOPICS);
}

function stringList(v: unknown, name: string, max: number): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x === '' || x.length > 1000)) throw new ApiError('BAD_REQUEST', `${name} must be a list of strings`);
  if (list.length > max) throw new ApiError('BAD_REQUEST', `${name} has more than ${max} entries`);
  return list as string[];
}

function errorClasses(v: unknown): ErrorClass[] | undefined {
  const list = stringList(v, 'errorClass', 10);
  if (list === undefined) return undefined;
  for (const c of list) if (!isErrorClass(c)) throw new ApiError('BAD_REQUEST', `errorClass must be among transient, permanent, poison, late: ${JSON.stringify(c)}`);
  return list as ErrorClass[];
}

/**
 * Each context's depth sampler: one incremental monitor per dead-letter topic, its depth hook
 * keeping the latest count by class. With sign-in it reads as the session's user and stops with
 * the session.
 */
const depthTracker = perContext((ctx) => {
  const latest = new Map<string, Record<string, number>>();
  const hooks = { deadLettered: () => undefined, retried: () => undefined, retryDepth: () => undefined, depth: (d: DlqDepthSnapshot) => void latest.set(d.topic, { ...d.byClass }) };
  const monitors = new Map<string, DlqDepthMonitor>();
  const depth = new Tracker<Record<string, number>>(async (topic) => {
    let m = monitors.get(topic);
    if (m === undefined) monitors.set(topic, (m = new DlqDepthMonitor({ ...ctx.cluster, metrics: { dlq: () => hooks }, dlqTopics: [topic] })));
    await m.refresh();
    return latest.get(topic) ?? {};
  }, { maxKeys: MAX_DLQ_TOPICS });
  ctx.onClose(async () => {
    await depth.close();
    await Promise.allSettled([...monitors.values()].map((m) => m.close()));
  });
  return depth;
});

async function knownDlq(ctx: ConsoleContext, name: string): Promise<string> {
  const topic = topicName(name);
  const names = await ctx.admin.listTopics({ includeInternal: false });
  if (!names.includes(topic)) throw new ApiError('UNKNOWN_TOPIC', `no topic ${topic}`);
  return topic;
}

const total = (byClass: Record<string, number>): number => Object.values(byClass).reduce((a, b) => a + b, 0);

export function dlqRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/api/dlq', summary: 'dead-letter topics (by name: .dlq, -late, -dlq, _dlq, .DLT, -dead-letter) with their depth by error class (each call adds a point to their history)',
      handler: async ({ ctx }) => {
        const depth = depthTracker(ctx);
        const names = await dlqTopics(ctx);
        const topics = await Promise.all(names.map(async (name) => {
          const points = await depth.get(name).catch(() => []);
          const byClass = points[points.length - 1]?.value ?? {};
          return { name, records: total(byClass), byClass };
        }));
        return { topics, depth: topics.reduce((s, t) => s + t.records, 0) };
      },
    },
    {
      method: 'GET', path: '/api/dlq/:topic', summary: 'one dead-letter topic: depth by error class over time, counts by class and error name (with replayed), and the newest records with their envelopes as fields: ?errorClass &errorName &limit (≤1000, default 200) &maxBytes',
      handler: async ({ ctx, params, query }) => {
        const depth = depthTracker(ctx);
        const topic = await knownDlq(ctx, params.topic!);
        // Any class here, `unknown` (no envelope) included; replay takes only the envelope's classes.
        const cls = stringList(query.getAll('errorClass').length > 0 ? query.getAll('errorClass') : undefined, 'errorClass', 10);
        const names = stringList(query.getAll('errorName').length > 0 ? query.getAll('errorName') : undefined, 'errorName', 100);
        const limit = optInt(query.get('limit'), 'limit', 1, 1000) ?? 200;
        const maxBytes = optInt(query.get('maxBytes'), 'maxBytes', 0, 1 << 20) ?? 4096;
        const [points, entries, ledger] = await Promise.all([depth.get(topic), scanDlq(ctx.cluster, topic), readReplayLedger(ctx.cluster, topic)]);
        const groups = new Map<string, { errorClass: string; errorName: string; count: number; replayed: number; firstFailureMs: number | null; lastFailureMs: number | null }>();
        const chosen: typeof entries = [];
        for (const e of entries) {
          const c = e.envelope?.errorClass ?? 'unknown';
          const n = e.envelope?.errorName ?? '';
          const k = `${c}\0${n}`;
          const g = groups.get(k) ?? { errorClass: c, errorName: n, count: 0, replayed: 0, firstFailureMs: null, lastFailureMs: null };
          g.count++;
          if (ledger.has(e.replayId)) g.replayed++;
          const t = e.envelope?.lastFailureMs ?? Number(e.record.timestamp);
          g.firstFailureMs = Math.min(g.firstFailureMs ?? t, e.envelope?.firstFailureMs ?? t);
          g.lastFailureMs = Math.max(g.lastFailureMs ?? t, t);
          groups.set(k, g);
          if ((cls === undefined || cls.includes(c)) && (names === undefined || names.includes(n))) chosen.push(e);
        }
        const newest = chosen.slice(-limit).reverse();
        return {
          topic,
          records: entries.length,
          replayed: entries.filter((e) => ledger.has(e.replayId)).length,
          history: points.map((p) => ({ at: p.at, byClass: p.value })),
          groups: [...groups.values()].sort((a, b) => b.count - a.count),
          matching: chosen.length,
          items: newest.map((e) => {
            const env = e.envelope;
            const led = ledger.get(e.replayId);
            return {
              replayId: e.replayId, partition: e.record.partition, offset: e.record.offset, timestamp: Number(e.record.timestamp),
              key: bytesJson(e.record.key, maxBytes), value: bytesJson(e.record.value, maxBytes),
              envelope: env === null ? null : {
                originalTopic: env.originalTopic, originalPartition: env.originalPartition, originalOffset: env.originalOffset, originalTimestamp: env.originalTimestamp,
                group: env.group ?? null, source: env.source ?? null,
                errorClass: env.errorClass, errorName: env.errorName ?? null, errorMessage: env.errorMessage ?? null, errorStack: env.errorStack ?? null,
                errorCauseName: env.errorCauseName ?? null, errorCauseMessage: env.errorCauseMessage ?? null,
                attempt: env.attempt ?? null, firstFailureMs: env.firstFailureMs ?? null, lastFailureMs: env.lastFailureMs ?? null,
                late: env.late ?? null,
              },
              replayed: led === undefined ? null : { run: led.run, atMs: led.atMs, to: led.to },
            };
          }),
        };
      },
    },
    {
      method: 'GET', path: '/api/dlq/:topic/depth', summary: 'a dead-letter topic\'s depth by error class over time only (reads what was appended since the last sample, not the whole topic)',
      handler: async ({ ctx, params }) => {
        const depth = depthTracker(ctx);
        const topic = await knownDlq(ctx, params.topic!);
        const points = await depth.get(topic);
        return { topic, history: points.map((p) => ({ at: p.at, byClass: p.value })) };
      },
    },
    {
      method: 'POST', path: '/api/dlq/:topic/replay',
      summary: 'selective replay with @tideline/dlq: {errorClass?: [..], errorName?: [..], replayIds?: ["DLQ/PARTITION/OFFSET"], originalTopic?, to?, execute?}; without execute: true a dry run that lists what would move; records replayed before are skipped',
      handler: async ({ ctx, params, req }) => {
        const topic = await knownDlq(ctx, params.topic!);
        const b = await readJson(req, BODY_LIMIT);
        const filter: DlqFilter = {};
        const cls = errorClasses(b.errorClass);
        const names = stringList(b.errorName, 'errorName', 100);
        const ids = stringList(b.replayIds, 'replayIds', MAX_SELECTION);
        const original = optString(b.originalTopic, 'originalTopic', 300);
        if (cls !== undefined) filter.errorClass = cls;
        if (names !== undefined) filter.errorName = names;
        if (ids !== undefined) filter.replayIds = ids;
        if (original !== undefined && original !== '') filter.originalTopic = topicName(original);
        if (cls === undefined && names === undefined && ids === undefined && original === undefined && optBool(b.all, 'all') !== true) {
          throw new ApiError('BAD_REQUEST', 'choose what to replay: errorClass, errorName, replayIds or originalTopic (or all: true)');
        }
        const to = optString(b.to, 'to', 300);
        const execute = optBool(b.execute, 'execute') ?? false;
        const report = await replayDlq(ctx.cluster, topic, { filter, dryRun: !execute, ...(to !== undefined && to !== '' ? { to: topicName(to) } : {}) });
        return { ...report, execute, items: report.items.slice(0, 1000), itemsTruncated: report.items.length > 1000 };
      },
    },
  ];
}
