// Fetch v4-18 (consumers; Kafka 4 removed v0-3; v17-18 add only follower fields, ignored here).
// Partitions are named by topic (v4-12) or topic id (v13+: unknown ids are UNKNOWN_TOPIC_ID).
// Incremental fetch sessions per KIP-227 (v7+, see fetch-sessions.ts): FETCH_SESSION_ID_NOT_FOUND, INVALID_FETCH_SESSION_EPOCH,
// FETCH_SESSION_TOPIC_ID_ERROR, forgotten topics, session eviction.
// Reads go in order with the response budget (max bytes) shared; as in Kafka the first partition
// with data always returns at least one whole batch, even above max bytes or its partition max
// bytes; later partitions return nothing rather than a batch over their budget. Records are sent as
// the log returned them (one Buffer per partition, never copied). Long polling: when less than
// min bytes is ready (and no partition has an error) the fetch becomes a delayed operation in the
// purgatory (purgatory.ts), parked on its partitions' keys and checked again whenever one of their
// high watermarks advances; it answers at max wait with what is there, or not at all when its
// connection closes. Nothing polls.
// High watermark = last fsync'ed offset. Last stable offset = first offset of the partition's oldest
// open transaction, bounded by the high watermark (producer-state.ts). read_committed fetches never
// return a batch at or above the LSO and carry the aborted transactions overlapping the returned
// range (producer id, first offset), which clients use to drop aborted batches; read_uncommitted
// reads up to the high watermark with a null list. Both report the LSO.
// Skipped: follower fetches (replica ids), diverging epochs (one leader epoch, 0), preferred read
// replicas (-1).
// Quotas (KIP-219): the records' bytes count against consumer_byte_rate, and max bytes is capped at
// what the quota allows in its window; a fetch over the quota answers no data (its bytes are not
// counted), throttleTimeMs = the delay, and a new session is not kept (session id 0), as Kafka's
// throttled fetch context does; the server mutes the connection for the delay.
import {
  ApiKey, ErrorCode, type FetchRequest, type FetchResponseFetchableTopicResponseInput, type FetchResponsePartitionDataInput,
} from '@tideline/protocol';
import { Off, batchSlices } from '@tideline/protocol/internal';
import { NO_RESPONSE, afterWrite, defineHandler, type HandlerResult, type RequestContext } from '../registry.js';
import { errorCodeOf } from '../errors.js';
import type { Broker } from '../broker-state.js';
import type { DelayedOperation } from '../purgatory.js';
import type { PartitionHandle } from '../topics.js';
import { ZERO_UUID } from '../topics.js';
import { FINAL_EPOCH, FetchSession, INITIAL_EPOCH, nextEpoch } from '../fetch-sessions.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster, allowedOnTopic } from '../security/authorize.js';

/** One partition to read, resolved against the topics. */
interface Target {
  topic: string;
  topicId: string;
  partition: number;
  fetchOffset: bigint;
  maxBytes: number;
  currentLeaderEpoch: number;
  handle: PartitionHandle | undefined;
  /** Set when the partition cannot be read at all (unknown topic, fenced epoch). */
  error: number;
}

interface PartResult {
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
  records: Buffer;
  abortedTransactions: Array<{ producerId: bigint; firstOffset: bigint }>;
}

const EMPTY: Buffer = Buffer.alloc(0);
const errorResult = (code: number): PartResult => ({ errorCode: code, highWatermark: -1n, lastStableOffset: -1n, logStartOffset: -1n, records: EMPTY, abortedTransactions: [] });

/** The offset after the last batch of `records` (whole batches, as the log returns them). */
function endOffsetOf(records: Buffer): bigint {
  let end = -1n;
  for (const { pos } of batchSlices(records)) end = records.readBigInt64BE(pos + Off.baseOffset) + BigInt(records.readInt32BE(pos + Off.lastOffsetDelta)) + 1n;
  return end;
}

function resolveTarget(b: Broker, useIds: boolean, t: { topic: string; topicId: string }, p: { partition: number; fetchOffset: bigint; partitionMaxBytes: number; currentLeaderEpoch: number }): Target {
  const info = useIds ? (t.topicId === ZERO_UUID ? undefined : b.topics.getById(t.topicId)) : b.topics.get(t.topic);
  const handle = info === undefined ? undefined : b.topics.partition(info.name, p.partition);
  let error: number = ErrorCode.NONE;
  if (info === undefined) error = useIds ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  else if (handle === undefined) error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  else if (p.currentLeaderEpoch > 0) error = ErrorCode.UNKNOWN_LEADER_EPOCH; // our only epoch is 0
  return {
    topic: info?.name ?? t.topic,
    topicId: info?.topicId ?? t.topicId,
    partition: p.partition,
    fetchOffset: p.fetchOffset,
    maxBytes: p.partitionMaxBytes,
    currentLeaderEpoch: p.currentLeaderEpoch,
    handle,
    error,
  };
}

/** Reads every target in order within the response budget (Kafka's minOneMessage rule). */
async function readAll(b: Broker, targets: readonly Target[], responseMaxBytes: number, readCommitted: boolean): Promise<{ results: PartResult[]; bytes: number; anyError: boolean }> {
  const results: PartResult[] = [];
  let budget = Math.max(0, responseMaxBytes);
  let minOne = true;
  let bytes = 0;
  let anyError = false;
  for (const t of targets) {
    if (t.error !== ErrorCode.NONE || t.handle === undefined) {
      results.push(errorResult(t.error || ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
      anyError = true;
      continue;
    }
    if (b.topics.partitionById(t.topicId, t.partition) !== t.handle) {
      // Deleted (or deleted and re-created) while this fetch waited.
      results.push(errorResult(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
      anyError = true;
      continue;
    }
    const log = t.handle.log;
    const producers = t.handle.producers;
    const limit = Math.min(Math.max(0, t.maxBytes), budget);
    try {
      let records: Buffer = EMPTY;
      let hw = log.highWatermark;
      // Sampled before the read: the LSO only grows, so the read never passes a later one.
      let stable = producers.lastStableOffset(hw);
      let start = log.logStartOffset;
      if (limit > 0 || minOne) {
        const r = await log.read(t.fetchOffset, Math.max(limit, 1), readCommitted ? { maxOffset: stable, pooled: true } : { pooled: true });
        if (!readCommitted) {
          hw = r.highWatermark;
          stable = producers.lastStableOffset(hw);
        }
        start = r.logStartOffset;
        if (r.records.length > 0 && (minOne || r.records.length <= limit)) records = r.records;
      } else if (t.fetchOffset < log.logStartOffset || t.fetchOffset > log.logEndOffset) {
        throw Object.assign(new Error('offset out of range'), { kafkaCode: ErrorCode.OFFSET_OUT_OF_RANGE });
      }
      let abortedTransactions: PartResult['abortedTransactions'] = [];
      if (records.length > 0) {
        minOne = false;
        budget = Math.max(0, budget - records.length);
        bytes += records.length;
        if (readCommitted) {
          abortedTransactions = producers.abortedIn(t.fetchOffset, endOffsetOf(records))
            .map((a) => ({ producerId: a.producerId, firstOffset: a.firstOffset }));
        }
      }
      results.push({ errorCode: ErrorCode.NONE, highWatermark: hw, lastStableOffset: stable, logStartOffset: start, records, abortedTransactions });
    } catch (err) {
      const code = (err as { kafkaCode?: number }).kafkaCode ?? errorCodeOf(err);
      results.push(errorResult(code));
      anyError = true;
    }
  }
  return { results, bytes, anyError };
}

/** Gives the pooled read buffers of `results` back to their logs (nothing may refer to them any more). */
function releaseReads(targets: readonly Target[], results: readonly PartResult[]): void {
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.records.length > 0) targets[i]!.handle?.log.releaseRead?.(r.records);
  }
}

interface Plan {
  targets: Target[];
  session: FetchSession | null;
  incremental: boolean;
  sessionId: number;
}

type TopLevel = { errorCode: number };

/** Applies the session rules of KIP-227; returns the partitions to read or a top-level error. */
function plan(b: Broker, req: FetchRequest, v: number): Plan | TopLevel {
  const useIds = v >= 13;
  const fromRequest = (): Target[] => req.topics.flatMap((t) => t.partitions.map((p) => resolveTarget(b, useIds, t, p)));
  const cache = b.fetchSessions;
  if (v < 7) return { targets: fromRequest(), session: null, incremental: false, sessionId: 0 };
  if (req.sessionEpoch === INITIAL_EPOCH || req.sessionEpoch === FINAL_EPOCH) {
    if (req.sessionId !== 0) cache.remove(req.sessionId);
    const targets = fromRequest();
    if (req.sessionEpoch === FINAL_EPOCH) return { targets, session: null, incremental: false, sessionId: 0 };
    const session = cache.create(useIds, targets.length);
    if (session !== null) {
      for (const t of targets) session.upsert(t);
    }
    return { targets, session, incremental: false, sessionId: session?.id ?? 0 };
  }
  const session = cache.get(req.sessionId);
  if (session === undefined) return { errorCode: ErrorCode.FETCH_SESSION_ID_NOT_FOUND };
  if (session.epoch !== req.sessionEpoch) return { errorCode: ErrorCode.INVALID_FETCH_SESSION_EPOCH };
  if (session.usesTopicIds !== useIds) return { errorCode: ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR };
  for (const t of req.topics) {
    for (const p of t.partitions) {
      const r = resolveTarget(b, useIds, t, p);
      session.upsert(r);
    }
  }
  for (const f of req.forgottenTopicsData) {
    for (const partition of f.partitions) session.forget({ topic: f.topic, topicId: f.topicId, partition });
  }
  session.epoch = nextEpoch(session.epoch);
  const targets: Target[] = [];
  for (const sp of session.partitions.values()) {
    targets.push(resolveTarget(b, useIds, { topic: sp.topic, topicId: sp.topicId }, {
      partition: sp.partition, fetchOffset: sp.fetchOffset, partitionMaxBytes: sp.maxBytes, currentLeaderEpoch: sp.currentLeaderEpoch,
    }));
  }
  return { targets, session, incremental: true, sessionId: session.id };
}

function respond(p: Plan, results: PartResult[], readCommitted: boolean): Exclude<HandlerResult<typeof ApiKey.Fetch>, typeof NO_RESPONSE> {
  const responses: FetchResponseFetchableTopicResponseInput[] = [];
  let last: (FetchResponseFetchableTopicResponseInput & { partitions: FetchResponsePartitionDataInput[] }) | undefined;
  p.targets.forEach((t, i) => {
    const r = results[i]!;
    if (p.session !== null) {
      const must = p.session.update(p.session.key(t), { ...r, records: r.records.length });
      if (p.incremental && !must) return;
    }
    if (last === undefined || last.topic !== t.topic || last.topicId !== t.topicId) {
      last = { topic: t.topic, topicId: t.topicId, partitions: [] };
      responses.push(last);
    }
    last.partitions.push({
      partitionIndex: t.partition,
      errorCode: r.errorCode,
      highWatermark: r.highWatermark,
      lastStableOffset: r.lastStableOffset,
      logStartOffset: r.logStartOffset,
      abortedTransactions: readCommitted ? r.abortedTransactions : null,
      preferredReadReplica: -1,
      records: r.records,
    });
  });
  return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, sessionId: p.sessionId, responses };
}

/**
 * A fetch waiting for min bytes: the purgatory parks it on its partitions' keys; this decides when
 * it can answer (enough bytes, or an error such as a deleted partition) and what it answers.
 */
class DelayedFetch implements DelayedOperation<PartResult[]> {
  readonly keys: string[];
  /** The last read is the handler's own: the check right after parking reads only if something moved since. */
  private fresh = true;
  /**
   * Set when an answer is decided (a completing check, or expiry: the purgatory calls onExpiration
   * synchronously after claiming). A check whose read ends after that gives its read back and
   * leaves `last` alone: `last` may then be the answer, whose buffers only the socket may release.
   */
  private answered = false;

  constructor(
    private readonly b: Broker,
    private readonly targets: readonly Target[],
    private readonly req: Pick<FetchRequest, 'maxBytes' | 'minBytes'>,
    private readonly readCommitted: boolean,
    private last: PartResult[],
    readonly delayMs: number,
  ) {
    this.keys = targets.flatMap((t) => (t.handle === undefined ? [] : [t.handle.key]));
  }

  async tryComplete(): Promise<PartResult[] | undefined> {
    if (this.answered) return undefined;
    if (this.fresh) {
      this.fresh = false;
      if (this.unchanged()) return undefined;
    }
    const r = await readAll(this.b, this.targets, this.req.maxBytes, this.readCommitted);
    if (this.answered) {
      releaseReads(this.targets, r.results); // expired meanwhile: this read is never sent
      return undefined;
    }
    if (r.bytes >= this.req.minBytes || r.anyError) {
      // The answer, unless the connection closed meanwhile (then nothing releases it: collected).
      this.answered = true;
      return r.results;
    }
    releaseReads(this.targets, this.last); // superseded, never sent
    this.last = r.results;
    return undefined;
  }

  async onExpiration(): Promise<PartResult[]> {
    this.answered = true;
    try {
      const r = await readAll(this.b, this.targets, this.req.maxBytes, this.readCommitted);
      releaseReads(this.targets, this.last); // superseded, never sent
      this.last = r.results;
      // Enough is there at expiry only if a wake-up was missed, or a check's read raced the timer.
      if (r.bytes > 0 && r.bytes >= this.req.minBytes) this.b.fetchWaiters.expiredCompletable++;
    } catch {
      // Answer with the last read.
    }
    return this.last;
  }

  /** True when a read now would see what the last one saw (same partitions, offsets and LSOs). */
  private unchanged(): boolean {
    for (let i = 0; i < this.targets.length; i++) {
      const t = this.targets[i]!;
      const h = t.handle;
      const seen = this.last[i]!;
      if (h === undefined) continue;
      if (this.b.topics.partitionById(t.topicId, t.partition) !== h) return false;
      const hw = h.log.highWatermark;
      if (hw !== seen.highWatermark || h.log.logStartOffset !== seen.logStartOffset || h.producers.lastStableOffset(hw) !== seen.lastStableOffset) return false;
    }
    return true;
  }
}

/** Partitions of topics the principal may not READ answer TOPIC_AUTHORIZATION_FAILED (unknown names too: existence is not leaked). */
function refuseUnreadable(ctx: RequestContext, targets: Target[]): void {
  for (const t of targets) {
    if (t.error === ErrorCode.UNKNOWN_TOPIC_ID || allowedOnTopic(ctx, AclOperation.READ, t.topic)) continue;
    t.error = ErrorCode.TOPIC_AUTHORIZATION_FAILED;
    t.handle = undefined;
  }
}

export const fetchHandler = defineHandler({
  apiKey: ApiKey.Fetch,
  minVersion: 4,
  maxVersion: 18,
  async handle(req, ctx) {
    const b = ctx.broker;
    const v = ctx.apiVersion;
    if (b.authorizer.enabled && Math.max(req.replicaId, req.replicaState.replicaId) >= 0 && !allowedOnCluster(ctx, AclOperation.CLUSTER_ACTION)) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, sessionId: 0, responses: [] };
    }
    const p = plan(b, req, v);
    if (!('targets' in p)) return { throttleTimeMs: 0, errorCode: p.errorCode, sessionId: 0, responses: [] };
    if (b.authorizer.enabled) refuseUnreadable(ctx, p.targets);
    const readCommitted = req.isolationLevel === 1;
    const clientId = ctx.header.clientId ?? '';
    const limits = b.quotas.active ? { maxBytes: Math.min(req.maxBytes, b.quotas.maxFetchBytes(ctx.connection.session, clientId)), minBytes: req.minBytes } : req;
    const answer = (results: PartResult[]): HandlerResult<typeof ApiKey.Fetch> => {
      if (b.quotas.active) {
        let bytes = 0;
        for (const r of results) bytes += r.records.length;
        const throttleTimeMs = bytes === 0 ? 0 : b.quotas.recordFetch(ctx.connection.session, clientId, bytes);
        if (throttleTimeMs > 0) {
          if (p.session !== null && !p.incremental) b.fetchSessions.remove(p.session.id);
          return { throttleTimeMs, errorCode: ErrorCode.NONE, sessionId: p.incremental ? p.sessionId : 0, responses: [] };
        }
      }
      const m = b.metrics;
      if (m !== undefined) {
        for (let i = 0; i < results.length; i++) if (results[i]!.records.length > 0) m.fetched(p.targets[i]!.handle?.topic ?? p.targets[i]!.topic, results[i]!.records);
      }
      // The records' pooled read buffers go back once the socket has written them.
      return afterWrite(respond(p, results, readCommitted), () => releaseReads(p.targets, results));
    };
    const read = await readAll(b, p.targets, limits.maxBytes, readCommitted);
    if (req.maxWaitMs <= 0 || p.targets.length === 0 || read.bytes >= req.minBytes || read.anyError || ctx.connection.closed.aborted) {
      return answer(read.results);
    }
    const op = new DelayedFetch(b, p.targets, limits, readCommitted, read.results, req.maxWaitMs);
    const parked = b.fetchWaiters.park(op, ctx.connection.closed);
    // Records written but not yet fsync'ed become visible with the next group commit: ask for it
    // now rather than after flush.ms (its high-watermark advance wakes the fetch).
    for (const t of p.targets) {
      const h = t.handle;
      if (h !== undefined && h.log.highWatermark < h.log.logEndOffset && t.fetchOffset < h.log.logEndOffset) {
        h.log.flush().catch(() => b.fetchWaiters.checkAndComplete(h.key));
      }
    }
    const results = await parked;
    return results === undefined ? NO_RESPONSE : answer(results);
  },
});
