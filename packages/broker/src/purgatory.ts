// Fetch waiters ("purgatory"): long-polling fetches park here keyed by partition and are woken when
// a partition's high watermark may have moved (an append, a flush, a deleted topic). Nothing polls:
// a waiter runs only when woken or when its own timer fires.
import type { PartitionHandle } from './topics.js';

export type Wake = () => void;

export class Purgatory {
  private readonly byKey = new Map<string, Set<Wake>>();

  /** Registers `wake` on every key; returns the function that unregisters it. */
  watch(keys: Iterable<string>, wake: Wake): () => void {
    const mine: string[] = [];
    for (const k of keys) {
      let set = this.byKey.get(k);
      if (set === undefined) {
        set = new Set();
        this.byKey.set(k, set);
      }
      if (!set.has(wake)) {
        set.add(wake);
        mine.push(k);
      }
    }
    return () => {
      for (const k of mine) {
        const set = this.byKey.get(k);
        if (set === undefined) continue;
        set.delete(wake);
        if (set.size === 0) this.byKey.delete(k);
      }
    };
  }

  hasWaiters(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Wakes every waiter on `key` (each decides for itself whether it can now complete). */
  notify(key: string): void {
    const set = this.byKey.get(key);
    if (set === undefined) return;
    for (const wake of [...set]) wake();
  }

  /**
   * After an append: wakes the partition's waiters once the new records are visible. The high
   * watermark is the last fsync'ed offset, so when it lags the append it asks for a (group-commit
   * shared) flush first. Costs nothing when no fetch waits on the partition.
   */
  afterAppend(p: PartitionHandle, lastOffset: bigint): void {
    if (!this.byKey.has(p.key)) return;
    if (p.log.highWatermark > lastOffset) {
      this.notify(p.key);
      return;
    }
    p.log.flush().then(() => this.notify(p.key), () => this.notify(p.key));
  }

  get size(): number {
    return this.byKey.size;
  }
}
