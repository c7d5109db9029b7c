// The single writer's state for one partition of the event topic: per stream its version, the
// index of where its events are (segments of consecutive versions at consecutive offsets) and a
// window of recent appends (event ids, command id, result) for deduplication. The owner checks an
// append against it, writes, then applies; the same record is the changelog value of the stream.
import { EventStoreError } from './errors.js';

/** [first version, offset of that event, count]: events first..first+count-1 at offset.. offset+count-1. */
export type Segment = [number, number, number];

export interface RecentAppend {
  /** First event id (full ids compared through `ids`). */
  ids: string[];
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

/** Appends remembered per stream for deduplication. */
export const DEDUP_WINDOW = 32;

export function emptyStream(): StreamState {
  return { version: 0, segs: [], recent: [] };
}

/** A previous append this one repeats (same event ids, or same command id), or undefined. */
export function findDuplicate(s: StreamState, ids: readonly string[], commandId: string | undefined): RecentAppend | undefined {
  for (const r of s.recent) {
    if (commandId !== undefined && r.commandId === commandId) return r;
    if (r.ids.length === ids.length && r.ids[0] === ids[0] && r.ids.every((x, i) => x === ids[i])) return r;
  }
  return undefined;
}

/** Records an append of `count` events written at offsets firstOffset.. (consecutive: one producer, one partition, one batch). */
export function applyAppend(s: StreamState, ids: readonly string[], commandId: string | undefined, firstOffset: number, count: number): RecentAppend {
  const created = s.version === 0;
  const first = s.version + 1;
  const last = s.segs[s.segs.length - 1];
  if (last !== undefined && last[0] + last[2] === first && last[1] + last[2] === firstOffset) last[2] += count;
  else s.segs.push([first, firstOffset, count]);
  s.version += count;
  const r: RecentAppend = { ids: [...ids], next: s.version, created, lastOffset: firstOffset + count - 1 };
  if (commandId !== undefined) r.commandId = commandId;
  s.recent.push(r);
  if (s.recent.length > DEDUP_WINDOW) s.recent.shift();
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

export function encodeState(s: StreamState): Buffer {
  return Buffer.from(JSON.stringify(s));
}

export function decodeState(b: Buffer): StreamState {
  const v = JSON.parse(b.toString('utf8')) as StreamState;
  if (typeof v.version !== 'number' || !Array.isArray(v.segs) || !Array.isArray(v.recent)) throw new EventStoreError('INVALID_EVENT', 'bad changelog record');
  return v;
}
