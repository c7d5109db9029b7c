// Reusable buffers for fetch reads. A fetch read into a fresh 1 MiB Buffer allocates external
// memory that V8 counts towards its GC triggers: a consumer reading at a few hundred MB/s made the
// broker run a mark-compact every ~200 ms, over half of its CPU time (docs/benchmarks.md,
// "Consume"). Reads up to SLOT_BYTES come from here instead; the caller gives the buffer back
// with `release` once nothing refers to it any more (the broker: after the socket has written the
// response). A buffer never given back is simply garbage-collected, so forgetting a release costs
// an allocation, never correctness; releasing early would (the next read overwrites it), hence
// the only release on the fetch path is the socket write's callback.

/** Size of each pooled buffer: Kafka's default max.partition.fetch.bytes. */
export const SLOT_BYTES = 1024 * 1024;
/** Reads smaller than this use Buffer.allocUnsafe (Node's own pool covers the small ones). */
const MIN_POOLED = 16 * 1024;
/** Idle buffers kept; more are allocated under load and dropped when given back. */
const MAX_IDLE = 8;

export class ReadBuffers {
  private readonly idle: ArrayBuffer[] = [];
  /** Backing stores lent out: only these are taken back (weakly held: one never given back is collected). */
  private readonly lent = new WeakSet<ArrayBuffer>();

  /** A buffer of exactly `length` bytes; pooled when the size fits a slot. */
  take(length: number): Buffer {
    if (length < MIN_POOLED || length > SLOT_BYTES) return Buffer.allocUnsafe(length);
    const ab = this.idle.pop() ?? new ArrayBuffer(SLOT_BYTES);
    this.lent.add(ab);
    return Buffer.from(ab, 0, length);
  }

  /** Gives back the buffer behind `view` (any view of it); others are ignored. */
  release(view: Buffer): void {
    const ab = view.buffer as ArrayBuffer;
    if (!this.lent.delete(ab)) return;
    if (this.idle.length < MAX_IDLE) this.idle.push(ab);
  }

  get idleCount(): number {
    return this.idle.length;
  }
}
