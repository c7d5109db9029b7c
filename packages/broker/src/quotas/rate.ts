// The two measures Kafka's quotas use, with its arithmetic (so throttle times match a Kafka
// broker's for the same traffic):
// - SampledRate: a sum over `samples` windows of `windowMs` (quota.window.num 11 x
//   quota.window.size.seconds 1). A window starts at the first event after the previous one ended;
//   windows older than samples x windowMs are dropped. The rate divides the sum by the elapsed time
//   since the oldest window, counted as at least (samples - 1) whole windows so that a new client
//   is not throttled by its first burst.
// - TokenBucket (controller_mutation_rate): refills at the quota per second up to a burst of
//   quota x samples x window seconds; a mutation may take it below zero, after which mutations are
//   refused until it is back at zero.

export interface QuotaWindows {
  /** quota.window.num */
  readonly samples: number;
  /** quota.window.size.seconds x 1000 */
  readonly windowMs: number;
}

export const DEFAULT_QUOTA_WINDOWS: QuotaWindows = { samples: 11, windowMs: 1000 };

export class SampledRate {
  private readonly starts: number[] = [];
  private readonly sums: number[] = [];
  private current = 0;
  /** Last time anything was recorded (for expiring idle sensors). */
  lastRecordMs = 0;

  constructor(private readonly w: QuotaWindows = DEFAULT_QUOTA_WINDOWS) {}

  record(value: number, nowMs: number): void {
    this.lastRecordMs = nowMs;
    if (this.starts.length === 0) {
      this.starts.push(nowMs);
      this.sums.push(0);
      this.current = 0;
    } else if (nowMs - this.starts[this.current]! >= this.w.windowMs) {
      this.current = (this.current + 1) % this.w.samples;
      if (this.current >= this.starts.length) {
        this.starts.push(nowMs);
        this.sums.push(0);
      } else {
        this.starts[this.current] = nowMs;
        this.sums[this.current] = 0;
      }
    }
    this.sums[this.current]! += value;
  }

  private purge(nowMs: number): void {
    const expire = this.w.samples * this.w.windowMs;
    for (let i = 0; i < this.starts.length; i++) {
      if (nowMs - this.starts[i]! >= expire) {
        this.starts[i] = nowMs;
        this.sums[i] = 0;
      }
    }
  }

  /** The span the rate divides by, in ms. */
  windowSizeMs(nowMs: number): number {
    this.purge(nowMs);
    let oldest = nowMs;
    for (const s of this.starts) if (s < oldest) oldest = s;
    let elapsed = nowMs - oldest;
    const full = Math.floor(elapsed / this.w.windowMs);
    if (full < this.w.samples - 1) elapsed += (this.w.samples - 1 - full) * this.w.windowMs;
    return elapsed;
  }

  /** Units per second. */
  measure(nowMs: number): number {
    this.purge(nowMs);
    let sum = 0;
    for (const v of this.sums) sum += v;
    return sum / (this.windowSizeMs(nowMs) / 1000);
  }

  /**
   * Records `value`, then answers the delay that brings the rate back to `bound` if no more is
   * recorded: (rate - bound) / bound x window (0 when within the bound).
   */
  recordAndThrottle(value: number, bound: number, nowMs: number): number {
    this.record(value, nowMs);
    const rate = this.measure(nowMs);
    if (rate <= bound) return 0;
    return Math.round(((rate - bound) / bound) * this.windowSizeMs(nowMs));
  }
}

export class TokenBucket {
  private tokens = 0;
  private lastMs = Number.NEGATIVE_INFINITY;
  lastRecordMs = 0;

  constructor(private readonly w: QuotaWindows = DEFAULT_QUOTA_WINDOWS) {}

  private refill(rate: number, nowMs: number): void {
    const burst = (rate * this.w.samples * this.w.windowMs) / 1000;
    this.tokens = this.lastMs === Number.NEGATIVE_INFINITY ? burst : Math.min(burst, this.tokens + (rate * (nowMs - this.lastMs)) / 1000);
    this.lastMs = nowMs;
  }

  /** Tokens left (negative: the quota is exceeded). */
  measure(rate: number, nowMs: number): number {
    this.refill(rate, nowMs);
    return this.tokens;
  }

  record(value: number, rate: number, nowMs: number): void {
    this.lastRecordMs = nowMs;
    this.refill(rate, nowMs);
    this.tokens = Math.min((rate * this.w.samples * this.w.windowMs) / 1000, this.tokens - value);
  }

  /** Time until the bucket is back at zero: -tokens / rate seconds (0 when not below zero). */
  throttleMs(rate: number, nowMs: number): number {
    const t = this.measure(rate, nowMs);
    return t >= 0 ? 0 : Math.round((-t / rate) * 1000);
  }
}
