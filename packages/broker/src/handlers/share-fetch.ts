// ShareFetch v1-2 (KIP-932): acknowledges the records named in the request, then acquires records
// for the member from its share session's partitions (share/fetch-ops.ts). Share sessions: epoch 0
// opens one (a full answer: every session partition), -1 closes it after the acknowledgements and
// releases what the member still holds, any other epoch must be the session's next (else
// INVALID_SHARE_SESSION_EPOCH; none: SHARE_SESSION_NOT_FOUND) and answers incrementally (only
// partitions with records, acknowledgement results or errors). A session also ends when the
// connection that opened it closes (its records are released), not when its member leaves the
// group. At most MaxRecords records are
// acquired per request (v1+); a record is handed out whole-batch and the client keeps the offsets
// of AcquiredRecords. MaxBytes caps the batches handed out, split evenly over the session's
// partitions (Kafka's uniform strategy); the response's first batch goes out even when larger, and
// MaxBytes 0 acquires nothing (Kafka refuses to read with it: the client gets no records). Long polling: with nothing acquired the request parks in the fetch purgatory
// on its partitions (high-watermark advances, released or expired locks wake it) until MaxWaitMs.
// Nothing is answered before the share-partition states it changed are durable.
// v2: IsRenewAck (a request carrying only RENEW acknowledgements acquires nothing);
// ShareAcquireMode is accepted (both modes respect MaxRecords).
// Skipped: PartitionMaxBytes (v0 only), throttling by quotas, NodeEndpoints (single node: the
// current leader is always this node).
import {
  ApiKey, ErrorCode, type ShareFetchRequest, type ShareFetchResponsePartitionDataInput, type ShareFetchResponseShareFetchableTopicResponseInput,
} from '@tideline/protocol';
import { NO_RESPONSE, defineHandler, type RequestContext } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';
import type { DelayedOperation } from '../purgatory.js';
import type { ShareGroup, ShareSession } from '../share/coordinator.js';
import {
  FINAL_EPOCH, MAX_SESSION_PARTITIONS, acknowledge, acquireRecords, closeSession, openSession, resolve, type Acquired, type PartitionRef,
} from '../share/fetch-ops.js';
import type { Broker } from '../broker-state.js';

interface PartOut {
  ref: PartitionRef;
  ackError: number | null;
  ackMessage: string | null;
  acquired: Acquired | null;
}

const key = (topicId: string, partition: number): string => `${topicId}:${partition}`;
/** Records are not nullable from v1 on: partitions without data answer an empty record set. */
const EMPTY: Buffer = Buffer.alloc(0);

/**
 * Acquires records for the member from the session's partitions, at most `maxRecords` records and
 * `maxBytes` bytes in all. As Kafka's uniform strategy, each partition that can be fetched gets an
 * equal share of `maxBytes`; the response's first batch goes out whole even when larger (a soft
 * limit). `maxBytes` of 0 or less acquires nothing.
 */
async function acquireAll(b: Broker, g: ShareGroup, parts: Map<string, PartOut>, memberId: string, maxRecords: number, maxBytes: number): Promise<{ count: number; changed: string[] }> {
  let count = 0;
  let bytes = 0;
  const changed: string[] = [];
  if (maxBytes <= 0) return { count, changed };
  for (const p of parts.values()) bytes += p.acquired?.records?.length ?? 0;
  const fetchable = [...parts.values()].filter((p) => p.ref.error === ErrorCode.NONE && p.ref.handle !== undefined).length;
  const perPartition = Math.max(1, Math.floor(maxBytes / Math.max(1, fetchable)));
  for (const [k, p] of parts) {
    if (p.ref.error !== ErrorCode.NONE || p.ref.handle === undefined || p.acquired !== null || count >= maxRecords) continue;
    if (b.topics.partitionById(p.ref.topicId, p.ref.partition) !== p.ref.handle) {
      p.ref.error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      continue;
    }
    const a = await acquireRecords(b, g, p.ref.handle, memberId, maxRecords - count, Math.min(perPartition, maxBytes - bytes), bytes === 0);
    if (a.count > 0) {
      p.acquired = a;
      count += a.count;
      bytes += a.records?.length ?? 0;
      changed.push(k);
    }
  }
  return { count, changed };
}

class DelayedShareFetch implements DelayedOperation<true> {
  readonly keys: string[];
  constructor(
    private readonly b: Broker, private readonly g: ShareGroup, private readonly parts: Map<string, PartOut>,
    private readonly memberId: string, private readonly maxRecords: number, private readonly maxBytes: number, readonly delayMs: number,
    private readonly changed: Set<string>,
  ) {
    this.keys = [...parts.values()].flatMap((p) => (p.ref.handle === undefined ? [] : [p.ref.handle.key]));
  }

  /** The check running now: acquisitions mutate state, so an expiry waits for it (see onExpiration). */
  private running: Promise<unknown> = Promise.resolve();

  tryComplete(): Promise<true | undefined> {
    const run = (async () => {
      const r = await acquireAll(this.b, this.g, this.parts, this.memberId, this.maxRecords, this.maxBytes);
      for (const k of r.changed) this.changed.add(k);
      return r.count > 0 ? (true as const) : undefined;
    })();
    this.running = run.catch(() => undefined);
    return run;
  }

  /**
   * The delay may end while a check is acquiring records: the answer waits for it, so records it
   * acquired go out with the answer (a plain Fetch may drop a late read; an acquisition may not be
   * dropped, or the records stay locked, unseen, until the lock expires).
   */
  async onExpiration(): Promise<true> {
    await this.running;
    return true;
  }

  /** Settles once no check runs (after the connection closed). */
  idle(): Promise<unknown> {
    return this.running;
  }
}

function refusal(ctx: RequestContext, req: ShareFetchRequest): { code: number; message: string } | null {
  if (req.groupId === null || req.groupId === '') return { code: ErrorCode.INVALID_REQUEST, message: 'the group id is missing' };
  if (req.memberId === null || req.memberId === '') return { code: ErrorCode.INVALID_REQUEST, message: 'the member id is missing' };
  if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return { code: ErrorCode.GROUP_AUTHORIZATION_FAILED, message: 'Authorization failed.' };
  return null;
}

export const shareFetchHandler = defineHandler({
  apiKey: ApiKey.ShareFetch,
  minVersion: 1,
  maxVersion: 2,
  async handle(req, ctx) {
    const b = ctx.broker;
    const top = (errorCode: number, errorMessage: string | null) => ({ throttleTimeMs: 0, errorCode, errorMessage, acquisitionLockTimeoutMs: 0, responses: [], nodeEndpoints: [] });
    const refused = refusal(ctx, req);
    if (refused !== null) return top(refused.code, refused.message);
    const groupId = req.groupId!;
    const memberId = req.memberId!;
    if (b.groups.get(groupId) !== undefined) return top(ErrorCode.INVALID_GROUP_ID, `group ${groupId} is not a share group`);
    const g = b.shares.get(groupId);
    if (g === undefined) return top(ErrorCode.GROUP_ID_NOT_FOUND, `share group ${groupId} not found`);
    const s = openSession(b, g, memberId, req.shareSessionEpoch, true, b.now());
    if (s.session === null) return top(s.errorCode, s.errorMessage);
    const session: ShareSession = s.session;
    const full = req.shareSessionEpoch === 0;
    const final = req.shareSessionEpoch === FINAL_EPOCH;
    if (full && !ctx.connection.closed.aborted) b.shares.bindSession(g, memberId, session, ctx.connection.closed);

    // Session membership: add the request's partitions, drop the forgotten ones.
    const parts = new Map<string, PartOut>();
    const named = new Set<string>();
    for (const t of req.topics) {
      for (const p of t.partitions) {
        const k = key(t.topicId, p.partitionIndex);
        named.add(k);
        if (!final && !session.partitions.has(k)) {
          if (session.partitions.size >= MAX_SESSION_PARTITIONS) return top(ErrorCode.INVALID_REQUEST, 'too many partitions in the share session');
          session.partitions.set(k, { topicId: t.topicId, partition: p.partitionIndex });
        }
      }
    }
    for (const f of req.forgottenTopicsData) for (const p of f.partitions) session.partitions.delete(key(f.topicId, p));
    const refOf = (topicId: string, partition: number): PartitionRef => {
      const ref = resolve(b, topicId, partition);
      if (ref.error === ErrorCode.NONE && !allowedOnTopic(ctx, AclOperation.READ, b.topics.getById(topicId)?.name ?? '')) {
        return { ...ref, handle: undefined, error: ErrorCode.TOPIC_AUTHORIZATION_FAILED };
      }
      return ref;
    };
    for (const [k, sp] of session.partitions) parts.set(k, { ref: refOf(sp.topicId, sp.partition), ackError: null, ackMessage: null, acquired: null });

    // Acknowledgements first: records released here may be acquired again by this very fetch.
    const changed = new Set<string>();
    for (const t of req.topics) {
      for (const p of t.partitions) {
        if (p.acknowledgementBatches.length === 0) continue;
        const k = key(t.topicId, p.partitionIndex);
        let out = parts.get(k);
        if (out === undefined) {
          out = { ref: refOf(t.topicId, p.partitionIndex), ackError: null, ackMessage: null, acquired: null };
          parts.set(k, out);
        }
        const r = acknowledge(b, g, out.ref, memberId, p.acknowledgementBatches);
        out.ackError = r.errorCode;
        out.ackMessage = r.errorMessage;
        if (r.changed) changed.add(k);
      }
    }
    if (final) {
      closeSession(g, memberId);
      b.shares.releaseMember(g, memberId);
    } else if (!req.isRenewAck) {
      const maxRecords = req.maxRecords > 0 ? req.maxRecords : 500;
      const maxBytes = req.maxBytes;
      const r = await acquireAll(b, g, parts, memberId, maxRecords, maxBytes);
      for (const k of r.changed) changed.add(k);
      const anyError = [...parts.values()].some((p) => p.ref.error !== ErrorCode.NONE);
      if (r.count === 0 && req.maxWaitMs > 0 && !anyError && parts.size > 0 && !ctx.connection.closed.aborted) {
        const op = new DelayedShareFetch(b, g, parts, memberId, maxRecords, maxBytes, req.maxWaitMs, changed);
        const parked = b.fetchWaiters.park(op, ctx.connection.closed);
        for (const p of parts.values()) {
          const h = p.ref.handle;
          if (h !== undefined && h.log.highWatermark < h.log.logEndOffset) h.log.flush().catch(() => b.fetchWaiters.checkAndComplete(h.key));
        }
        if ((await parked) === undefined) {
          // The connection closed: what this request acquired goes back to the group.
          await op.idle();
          b.shares.releaseMember(g, memberId);
          await Promise.all([...changed].map((k) => b.shares.changed(g, k)));
          return NO_RESPONSE;
        }
      }
    }
    // Durable before the answer.
    await Promise.all([...changed].map((k) => b.shares.changed(g, k)));

    const responses: ShareFetchResponseShareFetchableTopicResponseInput[] = [];
    const byTopic = new Map<string, ShareFetchResponsePartitionDataInput[]>();
    const leader = { leaderId: b.config.nodeId, leaderEpoch: 0 };
    for (const [k, p] of parts) {
      const hasData = p.acquired !== null;
      if (!full && !hasData && p.ackError === null && p.ref.error === ErrorCode.NONE && !named.has(k)) continue;
      let list = byTopic.get(p.ref.topicId);
      if (list === undefined) {
        list = [];
        byTopic.set(p.ref.topicId, list);
        responses.push({ topicId: p.ref.topicId, partitions: list });
      }
      list.push({
        partitionIndex: p.ref.partition, errorCode: p.ref.error, errorMessage: null,
        acknowledgeErrorCode: p.ackError ?? ErrorCode.NONE, acknowledgeErrorMessage: p.ackMessage,
        currentLeader: leader, records: p.acquired?.records ?? EMPTY,
        acquiredRecords: p.acquired?.ranges ?? [],
      });
    }
    return {
      throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null,
      acquisitionLockTimeoutMs: b.shares.limits(groupId).lockDurationMs, responses, nodeEndpoints: [],
    };
  },
});
