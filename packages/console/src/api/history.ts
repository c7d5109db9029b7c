// Series over time kept in memory by the console (lag of a group, depth of a dead-letter topic):
// a key is sampled when a page asks for it (at most once a second) and, while someone asked in
// the last `idleMs`, every `intervalMs` in the background. Bounded: `maxKeys` keys (the least
// recently asked is dropped), `maxPoints` points per key. Nothing is persisted: a restarted
// console starts with empty charts.

export interface Point<T> {
  /** Milliseconds since the epoch. */
  at: number;
  value: T;
}

export interface TrackerOptions {
  /** Background sampling period. Default 10000. */
  intervalMs?: number;
  /** A key not asked for this long is forgotten. Default 15 minutes. */
  idleMs?: number;
  /** Default 360 (an hour at the default period). */
  maxPoints?: number;
  /** Default 100. */
  maxKeys?: number;
  /** Minimum time between two samples of a key. Default 1000. */
  minGapMs?: number;
}

interface Entry<T> {
  points: Array<Point<T>>;
  askedAt: number;
  running: Promise<void> | null;
  error: Error | null;
}

export class Tracker<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly o: Required<TrackerOptions>;
  private closed = false;

  constructor(private readonly sample: (key: string) => Promise<T>, opts: TrackerOptions = {}) {
    this.o = { intervalMs: 10_000, idleMs: 15 * 60_000, maxPoints: 360, maxKeys: 100, minGapMs: 1000, ...opts };
  }

  /** Samples `key` now unless it was sampled within minGapMs, then returns its points (oldest first). */
  async get(key: string): Promise<ReadonlyArray<Point<T>>> {
    const e = this.entry(key);
    e.askedAt = Date.now();
    const last = e.points[e.points.length - 1];
    if (last === undefined || Date.now() - last.at >= this.o.minGapMs) await this.take(key, e);
    if (e.points.length === 0 && e.error !== null) throw e.error;
    this.startTimer();
    return e.points;
  }

  /** The points of a key without sampling (empty when never asked). */
  peek(key: string): ReadonlyArray<Point<T>> {
    return this.entries.get(key)?.points ?? [];
  }

  private entry(key: string): Entry<T> {
    let e = this.entries.get(key);
    if (e !== undefined) {
      // Most recently asked last (Map keeps insertion order): drop the oldest when full.
      this.entries.delete(key);
      this.entries.set(key, e);
      return e;
    }
    e = { points: [], askedAt: Date.now(), running: null, error: null };
    this.entries.set(key, e);
    while (this.entries.size > this.o.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    return e;
  }

  private take(key: string, e: Entry<T>): Promise<void> {
    e.running ??= this.sample(key).then((value) => {
      e.points.push({ at: Date.now(), value });
      if (e.points.length > this.o.maxPoints) e.points.splice(0, e.points.length - this.o.maxPoints);
      e.error = null;
    }, (err: unknown) => {
      e.error = err instanceof Error ? err : new Error(String(err));
    }).finally(() => {
      e.running = null;
    });
    return e.running;
  }

  private startTimer(): void {
    if (this.timer !== null || this.closed) return;
    this.timer = setInterval(() => void this.tick(), this.o.intervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    for (const [key, e] of [...this.entries]) {
      if (this.closed) return;
      if (now - e.askedAt > this.o.idleMs) {
        this.entries.delete(key);
        continue;
      }
      await this.take(key, e);
    }
    if (this.entries.size === 0 && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Stops sampling and waits for samples in flight. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.entries.values()].map((e) => e.running));
  }
}
