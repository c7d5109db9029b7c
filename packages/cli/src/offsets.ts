// Offset specifications shared by `tide consume --offset` and `tide group seek --to`:
//   start | end            the log start / the log end (aliases: oldest, earliest, beginning / newest, latest)
//   N                      an exact offset
//   -N                     N records before the end (consume only)
//   @TIME                  the first record at or after TIME: milliseconds since the epoch, an
//                          ISO 8601 date (2024-05-01T12:00:00Z), or a duration ago (@-15m, @-2h, @-1d)
import { CliError } from './errors.js';

export type OffsetSpec =
  | { kind: 'start' }
  | { kind: 'end' }
  | { kind: 'offset'; offset: bigint }
  | { kind: 'fromEnd'; count: bigint }
  | { kind: 'timestamp'; timestamp: number };

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses a time: ms since the epoch, an ISO 8601 date, or `-<n><unit>` (ms, s, m, h, d) before `now`. */
export function parseTime(s: string, now = Date.now()): number {
  const ago = /^-(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(s);
  if (ago !== null) return Math.round(now - Number(ago[1]) * UNIT_MS[ago[2]!]!);
  if (/^\d+$/.test(s)) return Number(s);
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new CliError(`${JSON.stringify(s)} is not a time: give milliseconds since the epoch, an ISO 8601 date (2024-05-01T12:00:00Z) or a duration ago (-15m)`);
  return t;
}

export function parseOffsetSpec(s: string, opts: { allowFromEnd?: boolean } = {}): OffsetSpec {
  const v = s.trim().toLowerCase();
  if (v === 'start' || v === 'oldest' || v === 'earliest' || v === 'beginning') return { kind: 'start' };
  if (v === 'end' || v === 'newest' || v === 'latest') return { kind: 'end' };
  if (v.startsWith('@')) return { kind: 'timestamp', timestamp: parseTime(s.trim().slice(1)) };
  if (/^\d+$/.test(v)) return { kind: 'offset', offset: BigInt(v) };
  if (opts.allowFromEnd === true && /^-\d+$/.test(v)) return { kind: 'fromEnd', count: BigInt(v.slice(1)) };
  const forms = `start, end, an offset${opts.allowFromEnd === true ? ', -N (N before the end)' : ''} or @TIME`;
  throw new CliError(`offset ${JSON.stringify(s)} not understood: use ${forms}`);
}

/**
 * The offset a spec designates on a partition whose log spans [logStart, logEnd); `atTime` is the
 * ListOffsets answer for a timestamp spec (-1: no record that late, i.e. the end).
 */
export function resolveOffset(spec: OffsetSpec, logStart: bigint, logEnd: bigint, atTime?: bigint): bigint {
  const clamp = (o: bigint): bigint => (o < logStart ? logStart : o > logEnd ? logEnd : o);
  switch (spec.kind) {
    case 'start':
      return logStart;
    case 'end':
      return logEnd;
    case 'offset':
      return clamp(spec.offset);
    case 'fromEnd':
      return clamp(logEnd - spec.count);
    case 'timestamp':
      return atTime === undefined || atTime < 0n ? logEnd : clamp(atTime);
  }
}

/** `topic` or `topic:0,1,2` → the topic and its partitions (null: all). */
export function parseTopicPartitions(s: string): { topic: string; partitions: number[] | null } {
  const i = s.lastIndexOf(':');
  if (i < 0) return { topic: s, partitions: null };
  const topic = s.slice(0, i);
  const parts = s.slice(i + 1).split(',').map((p) => p.trim());
  if (topic === '' || parts.some((p) => !/^\d+$/.test(p))) throw new CliError(`${JSON.stringify(s)} is not TOPIC or TOPIC:P1,P2,...`);
  return { topic, partitions: parts.map(Number) };
}
