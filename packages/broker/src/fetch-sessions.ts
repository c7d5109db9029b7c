// Incremental fetch sessions (KIP-227). A session remembers the partitions a client fetches (with
// their fetch offsets and max bytes) and what the last response told it about each (high
// watermark, log start offset, last stable offset), so incremental requests carry only changes and
// incremental responses carry only partitions with news.
//
// Cache policy (a simplification of Kafka's FetchSessionCache): at most `maxSessions` sessions;
// when full, a new session evicts the least recently used one if it has been idle longer than
// `evictionMs`, else the smallest session if it is smaller than the new one; otherwise no session
// is created (the client gets a full, sessionless answer, as in Kafka).
import { randomInt } from 'node:crypto';
import { ErrorCode } from '@tideline/protocol';

export const INITIAL_EPOCH = 0;
export const FINAL_EPOCH = -1;

export interface SessionPartition {
  /** Topic name (may be '' for an unknown topic id). */
  topic: string;
  /** Topic id ('' in sessions created without topic ids). */
  topicId: string;
  partition: number;
  fetchOffset: bigint;
  maxBytes: number;
  currentLeaderEpoch: number;
  /** What the last response said; -1n before any. */
  highWatermark: bigint;
  lastStableOffset: bigint;
  logStartOffset: bigint;
}

export class FetchSession {
  /** Insertion-ordered; partitions that appear in a response move to the end (fairness). */
  readonly partitions = new Map<string, SessionPartition>();
  epoch = 1;
  lastUsedMs: number;

  constructor(readonly id: number, readonly usesTopicIds: boolean, now: number) {
    this.lastUsedMs = now;
  }

  static keyOf(usesTopicIds: boolean, p: { topic: string; topicId: string; partition: number }): string {
    return `${usesTopicIds ? p.topicId : p.topic}\u0000${p.partition}`;
  }

  key(p: { topic: string; topicId: string; partition: number }): string {
    return FetchSession.keyOf(this.usesTopicIds, p);
  }

  /** Adds or updates a partition from a request. */
  upsert(p: Omit<SessionPartition, 'highWatermark' | 'lastStableOffset' | 'logStartOffset'>): void {
    const k = this.key(p);
    const cur = this.partitions.get(k);
    if (cur !== undefined) {
      cur.fetchOffset = p.fetchOffset;
      cur.maxBytes = p.maxBytes;
      cur.currentLeaderEpoch = p.currentLeaderEpoch;
      if (p.topic !== '') cur.topic = p.topic;
    } else {
      this.partitions.set(k, { ...p, highWatermark: -1n, lastStableOffset: -1n, logStartOffset: -1n });
    }
  }

  forget(p: { topic: string; topicId: string; partition: number }): void {
    this.partitions.delete(this.key(p));
  }

  /**
   * Records what a response says about a partition; returns whether an incremental response must
   * include it (new records, an error, or a changed offset).
   */
  update(k: string, r: { errorCode: number; records: number; highWatermark: bigint; lastStableOffset: bigint; logStartOffset: bigint }): boolean {
    const p = this.partitions.get(k);
    if (p === undefined) return true;
    let must = r.records > 0 || r.errorCode !== ErrorCode.NONE;
    if (p.highWatermark !== r.highWatermark) { p.highWatermark = r.highWatermark; must = true; }
    if (p.lastStableOffset !== r.lastStableOffset) { p.lastStableOffset = r.lastStableOffset; must = true; }
    if (p.logStartOffset !== r.logStartOffset) { p.logStartOffset = r.logStartOffset; must = true; }
    if (must) {
      this.partitions.delete(k);
      this.partitions.set(k, p);
    }
    return must;
  }
}

export interface FetchSessionCacheOptions {
  /** Kafka: max.incremental.fetch.session.cache.slots. */
  maxSessions?: number;
  /** Kafka: min.incremental.fetch.session.eviction.ms. */
  evictionMs?: number;
  now?: () => number;
}

export class FetchSessionCache {
  private readonly sessions = new Map<number, FetchSession>();
  private readonly maxSessions: number;
  private readonly evictionMs: number;
  private readonly now: () => number;

  constructor(o: FetchSessionCacheOptions = {}) {
    this.maxSessions = o.maxSessions ?? 1000;
    this.evictionMs = o.evictionMs ?? 120_000;
    this.now = o.now ?? Date.now;
  }

  get size(): number {
    return this.sessions.size;
  }

  /** The session, marked as used (most recently used last). */
  get(id: number): FetchSession | undefined {
    const s = this.sessions.get(id);
    if (s !== undefined) {
      s.lastUsedMs = this.now();
      this.sessions.delete(id);
      this.sessions.set(id, s);
    }
    return s;
  }

  remove(id: number): boolean {
    return this.sessions.delete(id);
  }

  /** A new session of `size` partitions, or null when the cache is full of more valuable ones. */
  create(usesTopicIds: boolean, size: number): FetchSession | null {
    if (this.maxSessions <= 0) return null;
    if (this.sessions.size >= this.maxSessions && !this.evictOne(size)) return null;
    let id: number;
    do id = randomInt(1, 0x7fffffff); while (this.sessions.has(id));
    const s = new FetchSession(id, usesTopicIds, this.now());
    this.sessions.set(id, s);
    return s;
  }

  private evictOne(size: number): boolean {
    const lru = this.sessions.values().next().value;
    if (lru !== undefined && this.now() - lru.lastUsedMs > this.evictionMs) {
      this.sessions.delete(lru.id);
      return true;
    }
    let smallest: FetchSession | undefined;
    for (const s of this.sessions.values()) if (smallest === undefined || s.partitions.size < smallest.partitions.size) smallest = s;
    if (smallest !== undefined && smallest.partitions.size < size) {
      this.sessions.delete(smallest.id);
      return true;
    }
    return false;
  }
}

/** Epoch after `e` (wraps to 1, never 0 or -1). */
export const nextEpoch = (e: number): number => (e >= 0x7fffffff ? 1 : e + 1);
