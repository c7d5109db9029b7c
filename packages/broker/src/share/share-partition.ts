// The state of one share-partition (KIP-932): which records of one topic-partition a share group
// has in flight. Pure state, no I/O: the caller reads the log, persists snapshot() after a change
// and answers the client only once the snapshot is durable.
//
// Every offset in [startOffset, endOffset) has a slot; offsets below startOffset are done
// (acknowledged or archived) and offsets from endOffset on have never been acquired.
//
//   AVAILABLE --acquire--> ACQUIRED --ACCEPT--------------------> ACKNOWLEDGED
//                            |  |----REJECT / GAP---------------> ARCHIVED
//                            |--RELEASE / lock expiry / member gone:
//                                 deliveryCount < limit --> AVAILABLE
//                                 deliveryCount >= limit -> ARCHIVED
//   RENEW restarts the acquisition lock and keeps the record ACQUIRED.
//
// startOffset advances over the leading run of ACKNOWLEDGED/ARCHIVED slots, which are dropped.
// A durable snapshot records every slot with ACQUIRED written as AVAILABLE: a restarted broker
// delivers those again, and the delivery count (incremented at acquisition and persisted with it)
// still counts the delivery that was in flight.

export const enum RecordState {
  AVAILABLE = 0,
  ACQUIRED = 1,
  ACKNOWLEDGED = 2,
  ARCHIVED = 4,
}

/** Acknowledge types on the wire (ShareFetch / ShareAcknowledge AcknowledgeTypes). */
export const enum AckType {
  GAP = 0,
  ACCEPT = 1,
  RELEASE = 2,
  REJECT = 3,
  RENEW = 4,
}

interface Slot {
  state: RecordState;
  deliveryCount: number;
  member: string | null;
  lockExpiresAt: number;
}

/** A run of offsets with one state and delivery count, as persisted. */
export interface StateRange {
  firstOffset: bigint;
  lastOffset: bigint;
  state: RecordState.AVAILABLE | RecordState.ACKNOWLEDGED | RecordState.ARCHIVED;
  deliveryCount: number;
}

export interface SharePartitionSnapshot {
  startOffset: bigint;
  /** Covers [startOffset, endOffset) without holes; empty when the two are equal. */
  ranges: StateRange[];
}

/** A run of acquired offsets sharing one delivery count (the wire's AcquiredRecords). */
export interface AcquiredRange {
  firstOffset: bigint;
  lastOffset: bigint;
  deliveryCount: number;
}

/** A record whose delivery ended without an ACCEPT: the caller may route it to a DLQ. */
export interface ArchivedRecord {
  offset: bigint;
  deliveryCount: number;
  reason: 'rejected' | 'delivery-limit';
}

export interface ShareLimits {
  /** share.record.lock.duration.ms */
  lockDurationMs: number;
  /** share.delivery.count.limit */
  deliveryCountLimit: number;
  /** group.share.partition.max.record.locks: acquired records at most per partition. */
  maxRecordLocks: number;
}

export class ShareStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShareStateError';
  }
}

export class SharePartition {
  private start: bigint;
  private readonly slots: Slot[] = [];
  private acquiredCount = 0;
  /** Archived records not yet taken by takeArchived() (for the DLQ route). */
  private archived: ArchivedRecord[] = [];

  constructor(startOffset: bigint, public limits: ShareLimits) {
    this.start = startOffset;
  }

  static fromSnapshot(s: SharePartitionSnapshot, limits: ShareLimits): SharePartition {
    const p = new SharePartition(s.startOffset, limits);
    let next = s.startOffset;
    for (const r of s.ranges) {
      if (r.firstOffset !== next || r.lastOffset < r.firstOffset) throw new ShareStateError(`snapshot ranges are not contiguous at ${next}`);
      for (let o = r.firstOffset; o <= r.lastOffset; o++) p.slots.push({ state: r.state, deliveryCount: r.deliveryCount, member: null, lockExpiresAt: 0 });
      next = r.lastOffset + 1n;
    }
    p.compact();
    return p;
  }

  get startOffset(): bigint {
    return this.start;
  }

  get endOffset(): bigint {
    return this.start + BigInt(this.slots.length);
  }

  /** Records held by a member now. */
  get acquired(): number {
    return this.acquiredCount;
  }

  private slot(offset: bigint): Slot | undefined {
    if (offset < this.start) return undefined;
    const i = offset - this.start;
    return i < BigInt(this.slots.length) ? this.slots[Number(i)] : undefined;
  }

  /**
   * The slot of `offset` (at or above startOffset), created when past the end: offsets between the
   * end and it have no record in the log (compacted away, or a transaction marker's), so they are
   * archived and slots stay contiguous.
   */
  private slotOrNew(offset: bigint): Slot {
    const s = this.slot(offset);
    if (s !== undefined) return s;
    if (this.slots.length === 0) this.start = offset;
    while (this.endOffset < offset) this.slots.push({ state: RecordState.ARCHIVED, deliveryCount: 0, member: null, lockExpiresAt: 0 });
    const n: Slot = { state: RecordState.AVAILABLE, deliveryCount: 0, member: null, lockExpiresAt: 0 };
    this.slots.push(n);
    return n;
  }

  /** The first offset a fetch should read from: the first AVAILABLE slot, else endOffset. */
  nextFetchOffset(): bigint {
    for (let i = 0; i < this.slots.length; i++) if (this.slots[i].state === RecordState.AVAILABLE) return this.start + BigInt(i);
    return this.endOffset;
  }

  /** True when a fetch could acquire something below `limitOffset` (the high watermark or LSO). */
  hasAcquirable(limitOffset: bigint): boolean {
    if (this.acquiredCount >= this.limits.maxRecordLocks) return false;
    return this.nextFetchOffset() < limitOffset;
  }

  /** True when some offset of [first, last] could be acquired (AVAILABLE, or never seen: past the end). */
  anyAcquirable(first: bigint, last: bigint): boolean {
    if (this.acquiredCount >= this.limits.maxRecordLocks) return false;
    if (last >= this.endOffset) return true;
    for (let o = first < this.start ? this.start : first; o <= last; o++) if (this.slot(o)?.state === RecordState.AVAILABLE) return true;
    return false;
  }

  /**
   * Acquires for `member` the acquirable offsets of [first, last] (the offsets of batches read from
   * the log), at most `max` records. Returns the runs acquired, in offset order.
   */
  acquire(member: string, first: bigint, last: bigint, max: number, now: number): AcquiredRange[] {
    const out: AcquiredRange[] = [];
    let budget = Math.min(max, this.limits.maxRecordLocks - this.acquiredCount);
    if (first < this.start) first = this.start;
    for (let o = first; o <= last && budget > 0; o++) {
      const s = this.slotOrNew(o);
      if (s.state !== RecordState.AVAILABLE) continue;
      s.state = RecordState.ACQUIRED;
      s.deliveryCount++;
      s.member = member;
      s.lockExpiresAt = now + this.limits.lockDurationMs;
      this.acquiredCount++;
      budget--;
      const prev = out[out.length - 1];
      if (prev !== undefined && prev.lastOffset === o - 1n && prev.deliveryCount === s.deliveryCount) prev.lastOffset = o;
      else out.push({ firstOffset: o, lastOffset: o, deliveryCount: s.deliveryCount });
    }
    return out;
  }

  /** Archives the AVAILABLE or never-acquired offsets of [first, last] (e.g. aborted transactional records). */
  archiveRange(first: bigint, last: bigint): void {
    if (first < this.start) first = this.start;
    for (let o = first; o <= last; o++) {
      const s = this.slotOrNew(o);
      if (s.state === RecordState.AVAILABLE) s.state = RecordState.ARCHIVED;
    }
    this.compact();
  }

  /**
   * Applies one acknowledgement batch of `member`: `types` holds one type for the whole range or
   * one per offset. Checks every offset first and changes nothing when one is not ACQUIRED by
   * `member` (the client gets INVALID_RECORD_STATE).
   */
  acknowledge(member: string, first: bigint, last: bigint, types: readonly number[], now: number): string | null {
    if (last < first) return `last offset ${last} is below first offset ${first}`;
    if (types.length !== 1 && BigInt(types.length) !== last - first + 1n) return `${types.length} acknowledge types for ${last - first + 1n} offsets`;
    for (const t of types) if (t < AckType.GAP || t > AckType.RENEW) return `unknown acknowledge type ${t}`;
    for (let o = first, i = 0; o <= last; o++, i++) {
      const t = types.length === 1 ? types[0] : types[i];
      const s = this.slot(o);
      // A gap may name offsets the log does not have (compacted away) that are already done.
      if (t === AckType.GAP && (s === undefined || s.state !== RecordState.ACQUIRED)) continue;
      if (s === undefined || s.state !== RecordState.ACQUIRED || s.member !== member) return `offset ${o} is not acquired by this member`;
    }
    for (let o = first, i = 0; o <= last; o++, i++) {
      const t = types.length === 1 ? types[0] : types[i];
      const s = this.slot(o);
      if (s === undefined || s.state !== RecordState.ACQUIRED) continue;
      switch (t) {
        case AckType.ACCEPT: this.finish(s, RecordState.ACKNOWLEDGED); break;
        case AckType.GAP: this.finish(s, RecordState.ARCHIVED); break;
        case AckType.REJECT:
          this.finish(s, RecordState.ARCHIVED);
          this.archived.push({ offset: o, deliveryCount: s.deliveryCount, reason: 'rejected' });
          break;
        case AckType.RELEASE: this.release(s, o); break;
        case AckType.RENEW: s.lockExpiresAt = now + this.limits.lockDurationMs; break;
      }
    }
    this.compact();
    return null;
  }

  /** Releases every record `member` holds (it left or its session ended). Returns how many. */
  releaseMember(member: string): number {
    let n = 0;
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i];
      if (s.state === RecordState.ACQUIRED && s.member === member) {
        this.release(s, this.start + BigInt(i));
        n++;
      }
    }
    if (n > 0) this.compact();
    return n;
  }

  /** Releases every lock that expired at `now`. Returns how many. */
  expireLocks(now: number): number {
    let n = 0;
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i];
      if (s.state === RecordState.ACQUIRED && s.lockExpiresAt <= now) {
        this.release(s, this.start + BigInt(i));
        n++;
      }
    }
    if (n > 0) this.compact();
    return n;
  }

  /** The earliest lock expiry, or null when nothing is acquired. */
  nextLockExpiry(): number | null {
    if (this.acquiredCount === 0) return null;
    let min = Infinity;
    for (const s of this.slots) if (s.state === RecordState.ACQUIRED && s.lockExpiresAt < min) min = s.lockExpiresAt;
    return min;
  }

  /** Archived-by-reject and archived-by-limit records since the last call. */
  takeArchived(): ArchivedRecord[] {
    const a = this.archived;
    this.archived = [];
    return a;
  }

  /**
   * Moves the start offset (AlterShareGroupOffsets, a log truncation by DeleteRecords or
   * retention): slots below it are dropped; past the end the partition starts afresh there.
   */
  resetStart(offset: bigint): void {
    if (offset <= this.start) {
      if (this.acquiredCount === 0 && offset < this.start) {
        // Backwards: only when nothing is in flight (the group is empty).
        this.slots.length = 0;
        this.start = offset;
      }
      return;
    }
    const drop = offset - this.start;
    const removed = drop >= BigInt(this.slots.length) ? this.slots.splice(0) : this.slots.splice(0, Number(drop));
    for (const s of removed) if (s.state === RecordState.ACQUIRED) this.acquiredCount--;
    this.start = offset;
    this.compact();
  }

  /** Records in flight that are not yet done (AVAILABLE again or ACQUIRED), as Kafka's lag counts them. */
  get inFlightUndone(): number {
    let n = 0;
    for (const s of this.slots) if (s.state === RecordState.AVAILABLE || s.state === RecordState.ACQUIRED) n++;
    return n;
  }

  snapshot(): SharePartitionSnapshot {
    const ranges: StateRange[] = [];
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i];
      const state = s.state === RecordState.ACQUIRED ? RecordState.AVAILABLE : s.state;
      const o = this.start + BigInt(i);
      const prev = ranges[ranges.length - 1];
      if (prev !== undefined && prev.state === state && prev.deliveryCount === s.deliveryCount) prev.lastOffset = o;
      else ranges.push({ firstOffset: o, lastOffset: o, state, deliveryCount: s.deliveryCount });
    }
    return { startOffset: this.start, ranges };
  }

  private finish(s: Slot, state: RecordState.ACKNOWLEDGED | RecordState.ARCHIVED): void {
    s.state = state;
    s.member = null;
    this.acquiredCount--;
  }

  private release(s: Slot, offset: bigint): void {
    if (s.deliveryCount >= this.limits.deliveryCountLimit) {
      this.finish(s, RecordState.ARCHIVED);
      this.archived.push({ offset, deliveryCount: s.deliveryCount, reason: 'delivery-limit' });
      return;
    }
    s.state = RecordState.AVAILABLE;
    s.member = null;
    this.acquiredCount--;
  }

  /** Drops the leading done slots, advancing the start offset. */
  private compact(): void {
    let i = 0;
    while (i < this.slots.length && (this.slots[i].state === RecordState.ACKNOWLEDGED || this.slots[i].state === RecordState.ARCHIVED)) i++;
    if (i > 0) {
      this.slots.splice(0, i);
      this.start += BigInt(i);
    }
  }
}
