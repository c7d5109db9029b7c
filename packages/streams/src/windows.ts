// Window definitions. Time windows are [start, end) aligned to the epoch; a record belongs to
// every window with start <= ts < end. A window closes when the task's watermark reaches
// end + grace; sessions close when the watermark reaches lastEvent + gap + grace or
// start + maxDuration + grace.

export interface TimeWindowSpan {
  start: number;
  end: number;
}

export class TimeWindows {
  private constructor(readonly sizeMs: number, readonly advanceMs: number, readonly graceMs: number) {
    if (!(sizeMs > 0) || !(advanceMs > 0) || advanceMs > sizeMs) throw new RangeError(`invalid time windows size=${sizeMs} advance=${advanceMs}`);
    if (!(graceMs >= 0)) throw new RangeError(`invalid grace ${graceMs}`);
  }
  readonly kind = 'time' as const;

  /** Non-overlapping windows of `sizeMs`. */
  static tumbling(sizeMs: number): TimeWindows {
    return new TimeWindows(sizeMs, sizeMs, 0);
  }
  /** Windows of `sizeMs` starting every `advanceMs` (a record is in size/advance windows). */
  static hopping(sizeMs: number, advanceMs: number): TimeWindows {
    return new TimeWindows(sizeMs, advanceMs, 0);
  }
  /** Allowed lateness: how long after the watermark passes a window's end it still accepts records. */
  grace(graceMs: number): TimeWindows {
    return new TimeWindows(this.sizeMs, this.advanceMs, graceMs);
  }
  /** The windows containing `ts`, earliest first. */
  windowsFor(ts: number): TimeWindowSpan[] {
    const out: TimeWindowSpan[] = [];
    const last = Math.floor(ts / this.advanceMs) * this.advanceMs;
    for (let start = last; start > ts - this.sizeMs; start -= this.advanceMs) out.unshift({ start, end: start + this.sizeMs });
    return out;
  }
}

export class SessionWindows {
  private constructor(readonly gapMs: number, readonly maxDurationMs: number, readonly graceMs: number) {
    if (!(gapMs > 0) || !(maxDurationMs > 0) || !(graceMs >= 0)) throw new RangeError('invalid session windows');
  }
  readonly kind = 'session' as const;

  /** Sessions end after `gapMs` without events for the key. */
  static withGap(gapMs: number): SessionWindows {
    return new SessionWindows(gapMs, Number.POSITIVE_INFINITY, 0);
  }
  /** A session longer than this (first to last event) is closed and a new one starts. */
  maxDuration(ms: number): SessionWindows {
    return new SessionWindows(this.gapMs, ms, this.graceMs);
  }
  grace(graceMs: number): SessionWindows {
    return new SessionWindows(this.gapMs, this.maxDurationMs, graceMs);
  }
}

/** Stream-stream join windows: records join when |tsLeft - tsRight| <= withinMs. */
export class JoinWindows {
  private constructor(readonly withinMs: number, readonly graceMs: number) {}
  static of(withinMs: number): JoinWindows {
    return new JoinWindows(withinMs, 0);
  }
  grace(graceMs: number): JoinWindows {
    return new JoinWindows(this.withinMs, graceMs);
  }
}
