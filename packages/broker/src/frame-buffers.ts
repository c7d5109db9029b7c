// Reusable buffers for Produce request frames. Without them each produce frame was either a view
// of a socket chunk (keeping the whole chunk alive) or a fresh copy, and it lives until its append
// is durable (an fdatasync later): long enough to survive the scavenges that the socket's own
// allocations trigger, so the frames were promoted and only mark-compacts freed them: 19-37
// mark-compacts per 262,000 records from ProducerPerformance at ~30,000/s, 1-5 with the pool
// (docs/benchmarks.md, "Produce: frames in pooled buffers"). A pooled frame allocates nothing
// once the pool is warm, and the socket chunks it was copied from die young.
//
// Ownership (docs/architecture.md, non-obvious invariants): a frame taken here belongs to its
// request until the Produce handler's promise has resolved; only then does the server give it
// back, and never on a failure path (a frame not given back is simply garbage-collected: a missed
// release costs an allocation, never correctness). The handler resolves only after every append
// it started has settled, and the log keeps no view of an appended buffer once its append has
// settled (storage's LogWriter.append contract). Nothing else may keep a view of the request.

/** Frames smaller than this stay views of their socket chunk (tiny frames keep little alive). */
const MIN_POOLED = 1024;
/** Frames larger than this get a fresh buffer (Kafka's default max.request.size is 1 MiB). */
const MAX_POOLED = 1024 * 1024;
/** Idle bytes kept in all (a few producers' requests in flight), and idle buffers per size class. */
const MAX_IDLE_BYTES = 16 * 1024 * 1024;
const MAX_IDLE_PER_CLASS = 64;

function classOf(size: number): number {
  return 32 - Math.clz32(size - 1); // the smallest power of two >= size
}

export interface FrameBufferStats {
  /** Buffers allocated because no idle one of the size class was there. */
  allocated: number;
  /** Takes served by an idle buffer. */
  reused: number;
  /** Buffers lent and not given back yet (given-back ones only; collected ones are never subtracted). */
  lent: number;
}

export class FrameBuffers {
  /** Idle backing stores by size class (log2 of their length). */
  private readonly idle = new Map<number, ArrayBuffer[]>();
  /** Backing stores lent out: only these are taken back (weakly held: one never given back is collected). */
  private readonly out = new WeakSet<ArrayBuffer>();
  private idleBytes = 0;
  private readonly counts: FrameBufferStats = { allocated: 0, reused: 0, lent: 0 };
  /**
   * Tests only: overwrite every buffer given back, so that a view still used after its release
   * reads garbage (a CRC or byte comparison then fails) instead of going unnoticed until the
   * buffer happens to be reused.
   */
  poisonOnRelease = false;

  /** A buffer of exactly `size` bytes from the pool, or undefined for sizes it does not pool. */
  take(size: number): Buffer | undefined {
    if (size < MIN_POOLED || size > MAX_POOLED) return undefined;
    const c = classOf(size);
    let ab = this.idle.get(c)?.pop();
    if (ab === undefined) {
      ab = new ArrayBuffer(2 ** c);
      this.counts.allocated++;
    } else {
      this.idleBytes -= ab.byteLength;
      this.counts.reused++;
    }
    this.out.add(ab);
    this.counts.lent++;
    return Buffer.from(ab, 0, size);
  }

  /** Gives back the buffer behind `view` (any view of it); buffers not lent by this pool are ignored. */
  release(view: Buffer): void {
    const ab = view.buffer;
    if (!(ab instanceof ArrayBuffer) || !this.out.delete(ab)) return;
    this.counts.lent--;
    if (this.poisonOnRelease) new Uint8Array(ab).fill(0xdb);
    if (this.idleBytes + ab.byteLength > MAX_IDLE_BYTES) return;
    const c = classOf(ab.byteLength);
    let list = this.idle.get(c);
    if (list === undefined) this.idle.set(c, (list = []));
    if (list.length >= MAX_IDLE_PER_CLASS) return;
    list.push(ab);
    this.idleBytes += ab.byteLength;
  }

  get stats(): Readonly<FrameBufferStats> {
    return { ...this.counts };
  }
}

/** The process's pool, shared by every connection of every broker in it. */
export const frameBuffers = new FrameBuffers();
