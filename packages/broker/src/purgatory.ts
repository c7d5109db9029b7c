// Delayed operations ("purgatory", after Kafka's DelayedOperationPurgatory): a request that cannot
// be answered yet parks here under its keys (partition keys for a fetch) and completes exactly once:
// when a check after a wake-up finds it can, when its delay runs out, or never (cancelled with its
// connection). Nothing polls: an operation is checked only when one of its keys is woken, and once
// right after parking, so a change between the caller's own check and the parking is not missed.
// Wake-up invariant: every high-watermark advance of a partition wakes its delayed operations
// (TopicManager forwards the log's onHighWatermark to checkAndComplete), as do a deleted partition
// and an append whose records are already visible (a transaction marker moves the LSO without
// moving the high watermark).
import type { PartitionHandle } from './topics.js';

/** What a parked request supplies; the purgatory owns the parking, the timer and the cancel. */
export interface DelayedOperation<T> {
  /** Keys whose wake-ups may let it complete. */
  readonly keys: Iterable<string>;
  /** How long it may stay parked before onExpiration answers it. */
  readonly delayMs: number;
  /** Resolves with the answer when it can complete now, undefined to stay parked. Never run twice at once. */
  tryComplete(): Promise<T | undefined>;
  /**
   * The answer once the delay has passed (what is there by then). Called synchronously right after
   * the timer claims the completion, so its synchronous part runs before any check in flight
   * resumes (DelayedFetch relies on this to keep a late check off the answer's buffers).
   */
  onExpiration(): Promise<T>;
}

type Check = () => void;

export class Purgatory {
  private readonly byKey = new Map<string, Set<Check>>();
  private parked = 0;
  /**
   * Operations answered at their expiration that could have completed before it (the operation
   * tells, see DelayedFetch): a missed wake-up, or a wake-up in the same turn as the timer. Should
   * stay 0; the tail bench and the metrics report it.
   */
  expiredCompletable = 0;

  /**
   * Parks `op` until a check completes it, its delay passes or `signal` aborts. Resolves with its
   * answer, or undefined when cancelled. The caller has already found it cannot complete yet.
   */
  park<T>(op: DelayedOperation<T>, signal?: AbortSignal): Promise<T | undefined> {
    if (signal?.aborted === true) return Promise.resolve(undefined);
    return new Promise<T | undefined>((resolve, reject) => {
      let done = false;
      let checking = false;
      let again = false;
      const keys = new Set(op.keys);
      /** Claims the single completion; false when something else already did. */
      const claim = (): boolean => {
        if (done) return false;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.unwatch(keys, check);
        this.parked--;
        return true;
      };
      const settle = (r: T | undefined): void => {
        checking = false;
        if (r !== undefined) {
          if (claim()) resolve(r);
        } else if (again) {
          again = false;
          check();
        }
      };
      // Serialised: a wake-up during a check runs one more check after it.
      const check: Check = () => {
        if (done) return;
        if (checking) {
          again = true;
          return;
        }
        checking = true;
        op.tryComplete().then(settle, () => settle(undefined));
      };
      const onAbort = (): void => {
        if (claim()) resolve(undefined);
      };
      const timer = setTimeout(() => {
        if (claim()) op.onExpiration().then(resolve, reject);
      }, op.delayMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      for (const k of keys) {
        let set = this.byKey.get(k);
        if (set === undefined) {
          set = new Set();
          this.byKey.set(k, set);
        }
        set.add(check);
      }
      this.parked++;
      check();
    });
  }

  private unwatch(keys: Iterable<string>, check: Check): void {
    for (const k of keys) {
      const set = this.byKey.get(k);
      if (set === undefined) continue;
      set.delete(check);
      if (set.size === 0) this.byKey.delete(k);
    }
  }

  /** Checks every operation parked on `key` (each decides for itself whether it can complete). */
  checkAndComplete(key: string): void {
    const set = this.byKey.get(key);
    if (set === undefined) return;
    // Checks never complete synchronously (tryComplete is async), so the set is not changed under us.
    for (const check of set) check();
  }

  /**
   * After an append: when its records are already visible, checks the partition's operations (its
   * producer state may have moved the LSO); otherwise asks for a (group-commit shared) flush, whose
   * high-watermark advance wakes them. Costs nothing when nothing is parked on the partition.
   */
  afterAppend(p: PartitionHandle, lastOffset: bigint): void {
    if (!this.byKey.has(p.key)) return;
    if (p.log.highWatermark > lastOffset) {
      this.checkAndComplete(p.key);
      return;
    }
    // A failed flush takes the log offline: the check then reads the error.
    p.log.flush().catch(() => this.checkAndComplete(p.key));
  }

  /** Keys with parked operations. */
  get size(): number {
    return this.byKey.size;
  }

  /** Parked operations. */
  get delayed(): number {
    return this.parked;
  }
}
