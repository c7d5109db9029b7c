// What ShareFetch and ShareAcknowledge share: share sessions, acknowledgements, and acquiring
// records from the log into a member's hands.
import { ErrorCode } from '@tideline/protocol';
import { Attr, Off, batchSlices } from '@tideline/protocol/internal';
import type { Broker } from '../broker-state.js';
import type { PartitionHandle } from '../topics.js';
import type { ShareGroup, ShareSession } from './coordinator.js';
import type { AcquiredRange } from './share-partition.js';

export const INITIAL_EPOCH = 0;
export const FINAL_EPOCH = -1;
/** Share sessions a broker keeps at most (Kafka: group.share.max.share.sessions). */
export const MAX_SESSIONS = 2000;
/** Partitions one share session may name. */
export const MAX_SESSION_PARTITIONS = 10_000;

export interface AckBatch {
  firstOffset: bigint;
  lastOffset: bigint;
  acknowledgeTypes: number[];
}

export interface PartitionRef {
  topicId: string;
  partition: number;
  handle: PartitionHandle | undefined;
  /** UNKNOWN_TOPIC_ID / UNKNOWN_TOPIC_OR_PARTITION / TOPIC_AUTHORIZATION_FAILED, or NONE. */
  error: number;
}

export function resolve(b: Broker, topicId: string, partition: number): PartitionRef {
  const t = b.topics.getById(topicId);
  if (t === undefined || t.internal) return { topicId, partition, handle: undefined, error: ErrorCode.UNKNOWN_TOPIC_ID };
  const handle = b.topics.partitionById(topicId, partition);
  return { topicId, partition, handle, error: handle === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.NONE };
}

export type SessionResult = { session: ShareSession | null; errorCode: number; errorMessage: string | null };

/**
 * Applies the share-session rules: epoch 0 opens a session (replacing the member's old one), -1
 * closes it (after the request's acknowledgements), any other epoch must be the session's next.
 */
export function openSession(b: Broker, g: ShareGroup, memberId: string, epoch: number, fetch: boolean, now: number): SessionResult {
  const existing = g.sessions.get(memberId);
  if (epoch === INITIAL_EPOCH) {
    if (!fetch) return { session: null, errorCode: ErrorCode.INVALID_SHARE_SESSION_EPOCH, errorMessage: 'ShareAcknowledge cannot open a share session' };
    if (existing === undefined && b.shares.sessionCount() >= MAX_SESSIONS) return { session: null, errorCode: ErrorCode.SHARE_SESSION_LIMIT_REACHED, errorMessage: 'too many share sessions' };
    const s: ShareSession = { epoch: 1, partitions: new Map(), lastUsed: now };
    g.sessions.set(memberId, s);
    return { session: s, errorCode: ErrorCode.NONE, errorMessage: null };
  }
  if (existing === undefined) return { session: null, errorCode: ErrorCode.SHARE_SESSION_NOT_FOUND, errorMessage: `no share session for member ${memberId}` };
  if (epoch === FINAL_EPOCH) return { session: existing, errorCode: ErrorCode.NONE, errorMessage: null };
  if (epoch !== existing.epoch) return { session: null, errorCode: ErrorCode.INVALID_SHARE_SESSION_EPOCH, errorMessage: `share session epoch ${epoch} is not the expected ${existing.epoch}` };
  existing.epoch = existing.epoch === 0x7fffffff ? 1 : existing.epoch + 1;
  existing.lastUsed = now;
  return { session: existing, errorCode: ErrorCode.NONE, errorMessage: null };
}

export function closeSession(g: ShareGroup, memberId: string): void {
  g.sessions.delete(memberId);
}

/**
 * Applies a partition's acknowledgement batches for `memberId`. Returns the error code for the
 * partition (INVALID_RECORD_STATE when a batch names records the member does not hold; the other
 * batches still apply) and whether anything changed.
 */
export function acknowledge(b: Broker, g: ShareGroup, ref: PartitionRef, memberId: string, batches: readonly AckBatch[]): { errorCode: number; errorMessage: string | null; changed: boolean } {
  if (ref.error !== ErrorCode.NONE || ref.handle === undefined) return { errorCode: ref.error || ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: null, changed: false };
  const sp = b.shares.partition(g, ref.handle);
  const now = b.now();
  let errorCode: number = ErrorCode.NONE;
  let errorMessage: string | null = null;
  let changed = false;
  for (const a of batches) {
    const err = sp.acknowledge(memberId, a.firstOffset, a.lastOffset, a.acknowledgeTypes, now);
    if (err === null) changed = true;
    else if (errorCode === ErrorCode.NONE) {
      errorCode = /acknowledge type|offsets$|below first/.test(err) ? ErrorCode.INVALID_REQUEST : ErrorCode.INVALID_RECORD_STATE;
      errorMessage = err;
    }
  }
  return { errorCode, errorMessage, changed };
}

export interface Acquired {
  records: Buffer | null;
  ranges: AcquiredRange[];
  count: number;
}

const NONE_ACQUIRED: Acquired = { records: null, ranges: [], count: 0 };

/**
 * Reads the partition from its share-partition's next acquirable offset and acquires for the
 * member at most `maxRecords` records in whole batches of at most `maxBytes` in all. `minOne`: the
 * response holds nothing yet, so the first acquirable batch goes out even when larger (MaxBytes is
 * a soft limit, as in Fetch); otherwise a batch that does not fit whole stops the read. Control
 * batches, and aborted transactional batches under read_committed, are archived and never handed
 * out. Returns the whole batches that hold acquired records (the client keeps only the acquired
 * offsets).
 */
export async function acquireRecords(b: Broker, g: ShareGroup, h: PartitionHandle, memberId: string, maxRecords: number, maxBytes: number, minOne: boolean): Promise<Acquired> {
  const sp = b.shares.partition(g, h);
  const readCommitted = b.shares.readCommitted(g.groupId);
  const log = h.log;
  const limit = readCommitted ? h.producers.lastStableOffset(log.highWatermark) : log.highWatermark;
  if (maxRecords <= 0 || (maxBytes <= 0 && !minOne) || !sp.hasAcquirable(limit)) return NONE_ACQUIRED;
  const slices: Buffer[] = [];
  const ranges: AcquiredRange[] = [];
  let count = 0;
  let from = sp.nextFetchOffset();
  let bytes = 0;
  const now = b.now();
  let full = false;
  for (let reads = 0; reads < 16 && !full && count < maxRecords && from < limit; reads++) {
    if (from < log.logStartOffset) from = log.logStartOffset;
    const r = await log.read(from, Math.max(1, maxBytes - bytes), { maxOffset: limit });
    if (r.records.length === 0) break;
    const buf = r.records;
    let end = from;
    // The buffer holds every record of the log from its first batch's base offset on: offsets past
    // the share-partition's end that it skips have no record. A read that starts past the end
    // (other fetches moved it while this one awaited) proves nothing about the offsets between,
    // so batches past the end are taken only from a buffer that covers the end.
    const firstBase = buf.length >= 8 ? buf.readBigInt64BE(Off.baseOffset) : from;
    let stale = false;
    for (const { pos, size } of batchSlices(buf)) {
      const base = buf.readBigInt64BE(pos + Off.baseOffset);
      const last = base + BigInt(buf.readInt32BE(pos + Off.lastOffsetDelta));
      end = last + 1n;
      if (last < from) continue;
      if (base > sp.endOffset && firstBase > sp.endOffset) {
        stale = true;
        break;
      }
      const attrs = buf.readInt16BE(pos + Off.attributes);
      if ((attrs & Attr.control) !== 0) {
        sp.archiveRange(base, last);
        continue;
      }
      if (readCommitted && (attrs & Attr.transactional) !== 0) {
        const pid = buf.readBigInt64BE(pos + Off.producerId);
        if (h.producers.abortedIn(base, last + 1n).some((a) => a.producerId === pid && a.firstOffset <= last && a.lastOffset >= base)) {
          sp.archiveRange(base, last);
          continue;
        }
      }
      // A batch is handed out whole: past the byte limit only as the response's first batch.
      if (bytes + size > maxBytes && !(minOne && bytes === 0) && sp.anyAcquirable(base, last)) {
        full = true;
        break;
      }
      const got = sp.acquire(memberId, base, last, maxRecords - count, now);
      if (got.length === 0) {
        if (count >= maxRecords || !sp.hasAcquirable(limit)) break;
        continue;
      }
      slices.push(buf.subarray(pos, pos + size));
      bytes += size;
      for (const a of got) {
        count += Number(a.lastOffset - a.firstOffset + 1n);
        const prev = ranges[ranges.length - 1];
        if (prev !== undefined && prev.lastOffset + 1n === a.firstOffset && prev.deliveryCount === a.deliveryCount) prev.lastOffset = a.lastOffset;
        else ranges.push({ ...a });
      }
      if (count >= maxRecords || bytes >= maxBytes) {
        full = true;
        break;
      }
    }
    if (full) break;
    if (stale) {
      from = sp.nextFetchOffset();
      continue;
    }
    if (end <= from) break;
    // Continue after what was read: the next acquirable offset, which may be further on.
    const next = sp.nextFetchOffset();
    from = next > end ? next : end;
  }
  if (ranges.length === 0) return NONE_ACQUIRED;
  return { records: slices.length === 1 ? slices[0]! : Buffer.concat(slices), ranges, count };
}
