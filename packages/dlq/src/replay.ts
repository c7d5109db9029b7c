// Inspection, depth by error class and selective replay of a dead-letter topic.
//
// Replay republishes matching DLQ records to their original topic (or another) with the original
// key, value, headers and timestamp, plus `tide.dlq.replayed` (the replay id
// `<dlq topic>/<partition>/<offset>`), `tide.dlq.replayed.ms` and `tide.dlq.replay.run`. Each
// replayed id is written to the compacted ledger `<dlq topic>.replayed` in the same transaction as
// the republished record, so a replay that crashes half way is either fully visible or not at all,
// and a second replay skips what the first moved.
import { Admin, Producer, type ClusterOptions, type ConsumerRecord } from '@tideline/client';
import { randomUUID } from 'node:crypto';
import { injectTraceContext, startProcessSpan, withSpanContext } from '@tideline/observability';
import { DLQ_HEADERS, decodeEnvelope, stripEnvelope, type Envelope, type ErrorClass } from './envelope.js';
import { readToEnd } from './read.js';
import { ensureTopics, replayLedgerTopic } from './topics.js';

export interface DlqEntry {
  /** `<dlq topic>/<partition>/<offset>`. */
  replayId: string;
  record: ConsumerRecord;
  /** Null for a record without an envelope (written by something else). */
  envelope: Envelope | null;
}

export interface DlqFilter {
  errorClass?: readonly ErrorClass[];
  errorName?: readonly string[];
  /** Failure time (tide.dlq.last.failure.ms, else the DLQ record's timestamp) at or after, ms. */
  since?: number;
  /** Failure time before, ms. */
  until?: number;
  /** Only records that failed on this original topic. */
  originalTopic?: string;
  /** Only these records, by replay id `<dlq topic>/<partition>/<offset>` (a selection). */
  replayIds?: readonly string[];
}

export const replayIdOf = (r: ConsumerRecord): string => `${r.topic}/${r.partition}/${r.offset}`;

const failureMs = (e: DlqEntry): number => e.envelope?.lastFailureMs ?? Number(e.record.timestamp);

export function matches(e: DlqEntry, f: DlqFilter): boolean {
  const env = e.envelope;
  if (f.errorClass !== undefined && f.errorClass.length > 0 && (env === null || !f.errorClass.includes(env.errorClass))) return false;
  if (f.errorName !== undefined && f.errorName.length > 0 && (env?.errorName === undefined || !f.errorName.includes(env.errorName))) return false;
  if (f.originalTopic !== undefined && env?.originalTopic !== f.originalTopic) return false;
  if (f.replayIds !== undefined && !f.replayIds.includes(e.replayId)) return false;
  const t = failureMs(e);
  if (f.since !== undefined && t < f.since) return false;
  if (f.until !== undefined && t >= f.until) return false;
  return true;
}

/** Every record of a dead-letter topic, from its start to its current end. */
export async function scanDlq(cluster: ClusterOptions, dlqTopic: string): Promise<DlqEntry[]> {
  const out: DlqEntry[] = [];
  await readToEnd(cluster, [dlqTopic], (r) => {
    out.push({ replayId: replayIdOf(r), record: r, envelope: decodeEnvelope(r.headers) });
  }, { isolationLevel: 'read_committed' });
  return out;
}

/** Replay ids already moved (the ledger `<dlq topic>.replayed`). */
export async function readReplayLedger(cluster: ClusterOptions, dlqTopic: string): Promise<Map<string, { run: string; atMs: number; to: string }>> {
  const out = new Map<string, { run: string; atMs: number; to: string }>();
  await readToEnd(cluster, [replayLedgerTopic(dlqTopic)], (r) => {
    const k = r.key?.toString('utf8');
    if (k === undefined) return;
    if (r.value === null) {
      out.delete(k);
      return;
    }
    try {
      out.set(k, JSON.parse(r.value.toString('utf8')) as { run: string; atMs: number; to: string });
    } catch {
      // not ours
    }
  }, { isolationLevel: 'read_committed' });
  return out;
}

export interface InspectSample {
  partition: number;
  offset: bigint;
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: bigint | null;
  key: string | null;
  errorMessage: string | null;
  attempt: number | null;
  lastFailureMs: number | null;
  replayed: boolean;
}

export interface InspectGroup {
  errorClass: string;
  errorName: string;
  count: number;
  replayed: number;
  firstFailureMs: number | null;
  lastFailureMs: number | null;
  samples: InspectSample[];
}

export interface InspectReport {
  topic: string;
  total: number;
  replayed: number;
  /** Not replayed yet. */
  pending: number;
  byClass: Record<string, number>;
  groups: InspectGroup[];
}

const text = (b: Buffer | null, max = 80): string | null => {
  if (b === null) return null;
  const s = b.toString('utf8');
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

/** Counts by error class and error name, with a few samples of each. */
export async function inspectDlq(cluster: ClusterOptions, dlqTopic: string, opts: { samples?: number; filter?: DlqFilter } = {}): Promise<InspectReport> {
  const [entries, ledger] = await Promise.all([scanDlq(cluster, dlqTopic), readReplayLedger(cluster, dlqTopic)]);
  const groups = new Map<string, InspectGroup>();
  const byClass: Record<string, number> = {};
  let replayed = 0;
  let total = 0;
  for (const e of entries) {
    if (opts.filter !== undefined && !matches(e, opts.filter)) continue;
    total++;
    const cls = e.envelope?.errorClass ?? '(none)';
    const name = e.envelope?.errorName ?? '(none)';
    byClass[cls] = (byClass[cls] ?? 0) + 1;
    const isReplayed = ledger.has(e.replayId);
    if (isReplayed) replayed++;
    const k = `${cls}\u0000${name}`;
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = { errorClass: cls, errorName: name, count: 0, replayed: 0, firstFailureMs: null, lastFailureMs: null, samples: [] }));
    g.count++;
    if (isReplayed) g.replayed++;
    const t = failureMs(e);
    g.firstFailureMs = g.firstFailureMs === null ? t : Math.min(g.firstFailureMs, t);
    g.lastFailureMs = g.lastFailureMs === null ? t : Math.max(g.lastFailureMs, t);
    if (g.samples.length < (opts.samples ?? 3)) {
      const env = e.envelope;
      g.samples.push({
        partition: e.record.partition, offset: e.record.offset,
        originalTopic: env?.originalTopic ?? null, originalPartition: env?.originalPartition ?? null, originalOffset: env?.originalOffset ?? null,
        key: text(e.record.key), errorMessage: env?.errorMessage ?? null, attempt: env?.attempt ?? null,
        lastFailureMs: env?.lastFailureMs ?? null, replayed: isReplayed,
      });
    }
  }
  const list = [...groups.values()].sort((a, b) => b.count - a.count || (a.errorClass + a.errorName < b.errorClass + b.errorName ? -1 : 1));
  return { topic: dlqTopic, total, replayed, pending: total - replayed, byClass, groups: list };
}

/** A record about to be republished; a transform may change it or return null to leave it out. */
export interface ReplayRecord {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<{ key: string; value: Buffer | null }>;
  timestamp: bigint;
  /** The DLQ envelope (read only). */
  envelope: Envelope | null;
}

export type ReplayTransform = (r: ReplayRecord) => ReplayRecord | null | Promise<ReplayRecord | null>;

export interface ReplayOptions {
  filter?: DlqFilter;
  /** Republish to this topic instead of each record's original topic. */
  to?: string;
  transform?: ReplayTransform;
  /** Default true: report what would move, move nothing. */
  dryRun?: boolean;
  /** Default: a random id. */
  runId?: string;
  /** Records per transaction. Default 500. */
  chunk?: number;
}

export interface ReplayItem {
  replayId: string;
  to: string;
  key: string | null;
  errorClass: string | null;
  errorName: string | null;
}

export interface ReplayReport {
  topic: string;
  runId: string;
  dryRun: boolean;
  /** Records matching the filter. */
  matched: number;
  /** Matching but replayed before (left alone). */
  alreadyReplayed: number;
  /** Dropped by the transform. */
  dropped: number;
  /** Moved (or, on a dry run, that would move). */
  moved: number;
  byTopic: Record<string, number>;
  items: ReplayItem[];
}

/** Republishes matching, not yet replayed records (see the file comment). Dry run by default. */
export async function replayDlq(cluster: ClusterOptions, dlqTopic: string, opts: ReplayOptions = {}): Promise<ReplayReport> {
  const dryRun = opts.dryRun ?? true;
  const runId = opts.runId ?? randomUUID();
  const ledgerTopic = replayLedgerTopic(dlqTopic);
  let producer: Producer | null = null;
  if (!dryRun) {
    const admin = new Admin(cluster);
    try {
      await ensureTopics(admin, [{ topic: ledgerTopic, partitions: 1, compacted: true }]);
    } finally {
      await admin.close();
    }
    // One transactional id per DLQ topic. Initialising it first completes (or fences) an earlier
    // replay's transaction, markers included, so the ledger read below sees all it wrote.
    producer = new Producer({ ...cluster, transactionalId: `tide.dlq.replay.${dlqTopic}`, lingerMs: 5 });
    try {
      await producer.initTransactions();
    } catch (e) {
      await producer.close();
      throw e;
    }
  }
  try {
    return await replayWith(cluster, dlqTopic, opts, runId, producer);
  } finally {
    await producer?.close();
  }
}

async function replayWith(cluster: ClusterOptions, dlqTopic: string, opts: ReplayOptions, runId: string, producer: Producer | null): Promise<ReplayReport> {
  const dryRun = producer === null;
  const ledgerTopic = replayLedgerTopic(dlqTopic);
  const [entries, ledger] = await Promise.all([scanDlq(cluster, dlqTopic), readReplayLedger(cluster, dlqTopic)]);
  const report: ReplayReport = { topic: dlqTopic, runId, dryRun, matched: 0, alreadyReplayed: 0, dropped: 0, moved: 0, byTopic: {}, items: [] };
  const todo: Array<{ entry: DlqEntry; out: ReplayRecord }> = [];
  for (const e of entries) {
    if (!matches(e, opts.filter ?? {})) continue;
    report.matched++;
    if (ledger.has(e.replayId) || e.envelope === null) {
      if (ledger.has(e.replayId)) report.alreadyReplayed++;
      continue;
    }
    let out: ReplayRecord | null = {
      topic: opts.to ?? e.envelope.originalTopic,
      key: e.record.key,
      value: e.record.value,
      headers: stripEnvelope(e.record.headers),
      timestamp: e.envelope.originalTimestamp >= 0 ? BigInt(e.envelope.originalTimestamp) : e.record.timestamp,
      envelope: e.envelope,
    };
    if (opts.transform !== undefined) out = await opts.transform(out);
    if (out === null) {
      report.dropped++;
      continue;
    }
    todo.push({ entry: e, out });
    report.moved++;
    report.byTopic[out.topic] = (report.byTopic[out.topic] ?? 0) + 1;
    report.items.push({ replayId: e.replayId, to: out.topic, key: text(out.key), errorClass: e.envelope.errorClass, errorName: e.envelope.errorName ?? null });
  }
  if (producer === null || todo.length === 0) return report;
  const chunk = opts.chunk ?? 500;
  for (let i = 0; i < todo.length; i += chunk) {
    const part = todo.slice(i, i + chunk);
    await producer.beginTransaction();
    try {
      const now = Date.now();
      const sends: Array<Promise<unknown>> = [];
      for (const { entry, out } of part) {
        // Tracing: a "replay <dlq topic>" span continues the dead letter's trace; the republished record carries it.
        const span = startProcessSpan(entry.record, { operation: 'replay' });
        withSpanContext(span, () => {
          const headers = [
            ...injectTraceContext(out.headers),
            { key: DLQ_HEADERS.replayed, value: Buffer.from(entry.replayId) },
            { key: DLQ_HEADERS.replayedMs, value: Buffer.from(String(now)) },
            { key: DLQ_HEADERS.replayRun, value: Buffer.from(runId) },
          ];
          sends.push(producer.send({ topic: out.topic, messages: [{ key: out.key, value: out.value, headers, timestamp: out.timestamp }] }));
        });
        span?.end();
        sends.push(producer.send({ topic: ledgerTopic, messages: [{ key: entry.replayId, value: JSON.stringify({ run: runId, atMs: now, to: out.topic }) }] }));
      }
      await Promise.all(sends);
      await producer.commitTransaction();
    } catch (e) {
      await producer.abortTransaction().catch(() => undefined);
      throw e;
    }
  }
  return report;
}

export interface ClassDepth {
  topic: string;
  /** Records in the topic (end - start offsets). */
  records: number;
  byClass: Record<string, number>;
  replayed: number;
  pending: number;
}

/** Depth of a dead-letter topic by error class (reads the topic). */
export async function dlqDepthByClass(cluster: ClusterOptions, dlqTopic: string): Promise<ClassDepth> {
  const r = await inspectDlq(cluster, dlqTopic, { samples: 0 });
  return { topic: dlqTopic, records: r.total, byClass: r.byClass, replayed: r.replayed, pending: r.pending };
}
