// Consumer-lag status: a group's health judged from a sliding window of its commits, with the
// rules Burrow made standard (linkedin/Burrow, "Consumer Lag Evaluation Rules"). Pure: the caller
// keeps the window (the broker records every commit; `tide group describe` against another
// cluster samples committed and end offsets a few times) and passes the current time.
//
// Per partition, over the window's commits (oldest first), each carrying the committed offset,
// when it was committed and the lag at that moment (end offset - committed offset):
//   1. current lag is 0, or some commit in the window had lag 0            -> OK
//   2. a committed offset went backwards between two commits              -> REWIND
//   3. now - last commit > last commit - first commit (commits stopped)    -> STOP
//   4. every commit has the same offset (committing, not moving)           -> STALL
//   5. offsets move but the lag never went down between two commits       -> WARN
//   otherwise                                                              -> OK
// The checks run in that order (worst first); the first that holds decides. A group's status is
// its worst partition's. An empty window says nothing: OK.

/** Status names, best to worst; the numeric code of each is its index (the metric's value). */
export const LAG_STATUSES = ['OK', 'WARN', 'STALL', 'STOP', 'REWIND'] as const;
export type LagStatus = (typeof LAG_STATUSES)[number];

/** The numeric code of a status: OK 0, WARN 1, STALL 2, STOP 3, REWIND 4. */
export function lagStatusCode(s: LagStatus): number {
  return LAG_STATUSES.indexOf(s);
}

/** One commit (or one sample of the committed offset) in a partition's window. */
export interface CommitSample {
  /** The committed offset. */
  readonly offset: bigint;
  /** When it was committed (or sampled), milliseconds since the epoch. */
  readonly timestampMs: number;
  /** End offset minus committed offset at that moment (never negative). */
  readonly lag: bigint;
}

/** Commits kept per partition by default (Burrow's storage intervals default). */
export const DEFAULT_LAG_WINDOW = 10;

/** The status of one partition from its window (oldest first), its lag now and the time now. */
export function evaluatePartitionLag(window: readonly CommitSample[], currentLag: bigint, nowMs: number): LagStatus {
  if (window.length === 0 || currentLag <= 0n) return 'OK';
  for (const c of window) if (c.lag === 0n) return 'OK';
  for (let i = 1; i < window.length; i++) if (window[i]!.offset < window[i - 1]!.offset) return 'REWIND';
  const first = window[0]!.timestampMs;
  const last = window[window.length - 1]!.timestampMs;
  if (nowMs - last > last - first) return 'STOP';
  let moved = false;
  for (let i = 1; i < window.length; i++) if (window[i]!.offset !== window[i - 1]!.offset) moved = true;
  if (!moved) return 'STALL';
  for (let i = 1; i < window.length; i++) if (window[i]!.lag < window[i - 1]!.lag) return 'OK';
  return 'WARN';
}

/** The worse of two statuses. */
export function worseLagStatus(a: LagStatus, b: LagStatus): LagStatus {
  return lagStatusCode(a) >= lagStatusCode(b) ? a : b;
}

/** A group's status: its worst partition's (OK when it has none). */
export function groupLagStatus(partitions: Iterable<LagStatus>): LagStatus {
  let s: LagStatus = 'OK';
  for (const p of partitions) s = worseLagStatus(s, p);
  return s;
}

/**
 * A bounded window of commit samples for one partition. `add` keeps the newest `size`; a commit
 * with the same offset and timestamp as the newest (the same commit seen twice) is not added again.
 */
export class CommitWindow {
  private readonly items: CommitSample[] = [];

  constructor(readonly size: number = DEFAULT_LAG_WINDOW) {
    if (!Number.isInteger(size) || size < 2) throw new RangeError(`a lag window needs at least 2 commits, got ${size}`);
  }

  add(sample: CommitSample): void {
    const last = this.items[this.items.length - 1];
    if (last !== undefined && last.offset === sample.offset && last.timestampMs === sample.timestampMs) return;
    this.items.push(sample);
    if (this.items.length > this.size) this.items.shift();
  }

  get samples(): readonly CommitSample[] {
    return this.items;
  }

  evaluate(currentLag: bigint, nowMs: number): LagStatus {
    return evaluatePartitionLag(this.items, currentLag, nowMs);
  }
}

/**
 * Lag status from samples of the group's committed and end offsets, taken every second over
 * `windowMs` (works against any Kafka cluster: the APIs carry no commit times). A committed
 * offset seen for the first time counts as a commit at that sample; an unchanged one is no new
 * commit, so a group committing the same offset again looks stopped (STALL reads as STOP here).
 */
export function sampledLagStatus(samples: ReadonlyArray<{ atMs: number; committed: bigint; lag: bigint }>, nowMs: number): LagStatus {
  const commits: CommitSample[] = [];
  for (const s of samples) {
    if (s.committed < 0n) continue;
    if (s.lag === 0n) return 'OK';
    const last = commits[commits.length - 1];
    if (last === undefined || last.offset !== s.committed) commits.push({ offset: s.committed, timestampMs: s.atMs, lag: s.lag });
  }
  const current = samples[samples.length - 1];
  if (current === undefined || current.committed < 0n) return 'OK';
  return evaluatePartitionLag(commits, current.lag, nowMs);
}
