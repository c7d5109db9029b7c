// The single writer's state for one partition of the event topic: per stream its version, the
// index of where its events are (segments of consecutive versions at consecutive offsets) and a
// window of recent appends (event ids, command id, result) for deduplication. The owner checks an
// append against it, writes, then applies; the same record is the changelog value of the stream.
import { createHash } from 'node:crypto';
import { EventStoreError } from './errors.js';

/** [first version, offset of that event, count]: events first..first+count-1 at offset.. offset+count-1. */
export type Segment = [number, number, number];

/**
 * A recent append (or, with `conflict`, a refused request) of a stream. Event ids are kept as the
 * first id, the count and a digest of all of them, to keep the changelog record small.
 */
export interface RecentAppend {
  /** Request id (Kafka store): a request delivered again is answered as the first time. */
  rid?: string;
  /** Set for a refused request: the version it met. */
  conflict?: number;
  id0: string;
  n: number;
  /** Digest of all event ids. */
  h: string;
  commandId?: string;
  /** nextExpectedStreamVersion of that append. */
  next: number;
  created: boolean;
  /** Offset of the last event of that append. */
  lastOffset: number;
}

export interface StreamState {
  version: number;
  segs: Segment[];
  recent: RecentAppend[];
}

/** Appends (and refusals) remembered per stream for deduplication. */
export const DEDUP_WINDOW = 32;

export function emptyStream(): StreamState {
  return { version: 0, segs: [], recent: [] };
}

function digest(ids: readonly string[]): string {
  return createHash('sha256').update(ids.join('\u0000')).digest('base64').slice(0, 16);
}

/** A previous answer this request repeats (same request id, same event ids, or same command id), or undefined. */
export function findDuplicate(s: StreamState, ids: readonly string[], commandId: string | undefined, rid?: string): RecentAppend | undefined {
  let h: string | undefined;
  for (const r of s.recent) {
    if (rid !== undefined && r.rid === rid) return r;
    if (r.conflict !== undefined) continue;
    if (commandId !== undefined && r.commandId === commandId) return r;
    if (r.n === ids.length && r.id0 === ids[0] && r.h === (h ??= digest(ids))) return r;
  }
  return undefined;
}

function remember(s: StreamState, r: RecentAppend): void {
  s.recent.push(r);
  if (s.recent.length > DEDUP_WINDOW) s.recent.shift();
}

/** Records a refused request, so that the same request delivered again is refused the same way. */
export function recordConflict(s: StreamState, rid: string): void {
  remember(s, { rid, conflict: s.version, id0: '', n: 0, h: '', next: s.version, created: false, lastOffset: -1 });
}

/** Records an append of `count` events written at offsets firstOffset.. (consecutive: one producer, one partition, one batch). */
export function applyAppend(s: StreamState, ids: readonly string[], commandId: string | undefined, firstOffset: number, count: number, rid?: string): RecentAppend {
  const created = s.version === 0;
  const first = s.version + 1;
  const last = s.segs[s.segs.length - 1];
  if (last !== undefined && last[0] + last[2] === first && last[1] + last[2] === firstOffset) last[2] += count;
  else s.segs.push([first, firstOffset, count]);
  s.version += count;
  const r: RecentAppend = { id0: ids[0]!, n: ids.length, h: digest(ids), next: s.version, created, lastOffset: firstOffset + count - 1 };
  if (commandId !== undefined) r.commandId = commandId;
  if (rid !== undefined) r.rid = rid;
  remember(s, r);
  return r;
}

/** Offsets of versions from..to (inclusive, 1-based), as runs [offset, count]. */
export function offsetsOf(s: StreamState, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [fv, off, n] of s.segs) {
    const lo = Math.max(fv, from);
    const hi = Math.min(fv + n - 1, to);
    if (lo <= hi) out.push([off + (lo - fv), hi - lo + 1]);
  }
  return out;
}

/** Segments per changelog chunk: an append rewrites the stream's header and its last chunk only. */
export const SEGMENTS_PER_CHUNK = 256;

/** The changelog records for a stream whose segments from index `firstChangedSeg` on changed. */
export function changelogRecords(stream: string, s: StreamState, firstChangedSeg: number): Array<{ key: string; value: Buffer }> {
  const out: Array<{ key: string; value: Buffer }> = [{ key: stream, value: Buffer.from(JSON.stringify({ version: s.version, recent: s.recent, nsegs: s.segs.length })) }];
  const lastChunk = Math.floor((s.segs.length - 1) / SEGMENTS_PER_CHUNK);
  for (let c = Math.floor(Math.max(0, firstChangedSeg) / SEGMENTS_PER_CHUNK); c <= lastChunk; c++) {
    out.push({ key: `${stream}\u0000${c}`, value: Buffer.from(JSON.stringify(s.segs.slice(c * SEGMENTS_PER_CHUNK, (c + 1) * SEGMENTS_PER_CHUNK))) });
  }
  return out;
}

/** Rebuilds stream states from changelog records (key → latest value), in any order. */
export class ChangelogRestorer {
  private readonly heads = new Map<string, { version: number; recent: RecentAppend[]; nsegs: number }>();
  private readonly chunks = new Map<string, Segment[]>();

  apply(key: string, value: Buffer | null): void {
    if (key.startsWith('\u0001')) return; // the owner's own bookkeeping (request offsets)
    const z = key.indexOf('\u0000');
    const m = z < 0 ? this.heads : this.chunks;
    if (value === null) {
      m.delete(key);
      return;
    }
    const v = JSON.parse(value.toString('utf8')) as unknown;
    if (z < 0) {
      const h = v as { version?: unknown; recent?: unknown; nsegs?: unknown };
      if (typeof h.version !== 'number' || !Array.isArray(h.recent) || typeof h.nsegs !== 'number') throw new EventStoreError('INVALID_EVENT', `bad changelog record for '${key}'`);
      this.heads.set(key, h as { version: number; recent: RecentAppend[]; nsegs: number });
    } else {
      if (!Array.isArray(v)) throw new EventStoreError('INVALID_EVENT', `bad changelog chunk '${key}'`);
      this.chunks.set(key, v as Segment[]);
    }
  }

  /** The state of one stream (undefined if none). */
  stream(name: string): StreamState | undefined {
    const h = this.heads.get(name);
    if (h === undefined) return undefined;
    const segs: Segment[] = [];
    for (let c = 0; c * SEGMENTS_PER_CHUNK < h.nsegs; c++) segs.push(...(this.chunks.get(`${name}\u0000${c}`) ?? []));
    segs.length = Math.min(segs.length, h.nsegs);
    return { version: h.version, recent: h.recent, segs };
  }

  streams(): Map<string, StreamState> {
    const out = new Map<string, StreamState>();
    for (const name of this.heads.keys()) out.set(name, this.stream(name)!);
    return out;
  }
}
