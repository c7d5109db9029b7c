// The client's one way to wait: an abortable sleep and Kafka's exponential retry backoff
// (retry.backoff.ms doubled per attempt, capped at retry.backoff.max.ms).
import { setTimeout as delay } from 'node:timers/promises';

export interface SleepOptions {
  /** Ends the sleep early (it resolves; callers re-check why they were woken). */
  signal?: AbortSignal;
  /** Let the process exit while sleeping (a background loop's wait). Default false. */
  unref?: boolean;
}

/** Resolves after `ms`, or as soon as `signal` is aborted. */
export async function sleep(ms: number, opts: SleepOptions = {}): Promise<void> {
  if (opts.signal?.aborted === true) return;
  try {
    await delay(ms, undefined, { ref: opts.unref !== true, ...(opts.signal !== undefined ? { signal: opts.signal } : {}) });
  } catch (e) {
    if (!(e instanceof Error && e.name === 'AbortError')) throw e;
  }
}

export interface BackoffOptions {
  /** The first delay (retry.backoff.ms). */
  initialMs: number;
  /** The cap (retry.backoff.max.ms). */
  maxMs: number;
  /** Each delay is spread by up to ± this fraction (Kafka's clients use 0.2). Default 0. */
  jitter?: number;
}

/**
 * The delay before retry `attempt` (0 for the first retry): `initialMs` doubled per attempt, at
 * most `maxMs` (a first delay above `maxMs` is kept, as the retry loops always did).
 */
export function backoffDelay(attempt: number, o: BackoffOptions): number {
  const base = attempt === 0 ? o.initialMs : Math.min(o.maxMs, o.initialMs * 2 ** Math.min(attempt, 52));
  const jitter = o.jitter ?? 0;
  return jitter === 0 ? base : Math.max(0, Math.round(base * (1 + jitter * (2 * Math.random() - 1))));
}

/** Successive backoff delays for one retry loop; reset() after a success. */
export class Backoff {
  private attempt = 0;

  constructor(private readonly o: BackoffOptions) {}

  /** The delay to wait now; the following one doubles. */
  next(): number {
    return backoffDelay(this.attempt++, this.o);
  }

  reset(): void {
    this.attempt = 0;
  }

  /** Sleeps for next(); resolves with the delay waited. */
  async wait(opts?: SleepOptions): Promise<number> {
    const ms = this.next();
    await sleep(ms, opts);
    return ms;
  }
}
