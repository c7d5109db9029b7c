// Splits a byte stream into size-prefixed frames (int32 size, then that many bytes). Sans-io: the
// owner pushes chunks as they arrive and pulls frames only when it is ready to handle one, so a
// broker under back-pressure can leave frames buffered.
import { ProtocolError } from './codec/errors.js';

/** A size prefix that is negative or above the decoder's cap. The decoder stays failed. */
export class FrameSizeError extends ProtocolError {
  readonly size: number;
  readonly maxFrameSize: number;
  constructor(size: number, maxFrameSize: number) {
    super('INVALID_REQUEST', `frame size ${size} outside 0..${maxFrameSize}`);
    this.size = size;
    this.maxFrameSize = maxFrameSize;
  }
}

/**
 * A frame's size is checked as soon as its 4 prefix bytes are buffered, before waiting for (or
 * copying) any of its body: an owner that pulls after every push never holds more than one chunk
 * past a refused size. After a refusal nothing more is parsed: pushes are dropped and every pull
 * throws the same error. A frame inside one chunk is returned as a view of that chunk; a frame
 * spanning chunks is copied once into a buffer of its exact size. An owner that gives `copyTo`
 * decides per frame where its body goes instead: a view keeps the whole socket chunk alive as long
 * as the frame lives, and a fresh copy is one more external allocation for the garbage collector.
 */
/**
 * Chooses the buffer a frame body is copied into: called once per complete frame, before any of
 * its body is taken, with the body's size and its first two bytes as an int16 (a request's api
 * key; -1 when the body is shorter). A returned buffer must be exactly `size` bytes and becomes
 * the frame (the caller owns it); undefined keeps the default (a view, or a fresh copy).
 */
export type FrameCopyTarget = (size: number, head: number) => Buffer | undefined;

export class FrameDecoder {
  private chunks: Buffer[] = [];
  private bytes = 0;
  /** The next frame, already cut out by peek() and not yet taken by next(). */
  private ready: Buffer | undefined = undefined;
  private failed: FrameSizeError | null = null;

  /**
   * @param maxFrameSize the largest frame body accepted (the 4-byte prefix not counted). It may be
   * changed between pulls (a broker raises its pre-authentication cap once a client authenticated).
   */
  constructor(public maxFrameSize = 0x7fffffff, private readonly copyTo?: FrameCopyTarget) {}

  /** Bytes pushed and not yet taken by next(), size prefixes included; 0 after a refusal. */
  get buffered(): number {
    return this.ready === undefined ? this.bytes : this.bytes + 4 + this.ready.length;
  }

  push(chunk: Buffer): void {
    if (this.failed !== null || chunk.length === 0) return;
    this.chunks.push(chunk);
    this.bytes += chunk.length;
  }

  /** Removes and returns the next complete frame body; undefined while it is incomplete. Throws FrameSizeError. */
  next(): Buffer | undefined {
    const r = this.ready;
    if (r === undefined) return this.cut();
    this.ready = undefined;
    return r;
  }

  /** The next complete frame body, left in place for next(); undefined while it is incomplete. Throws FrameSizeError. */
  peek(): Buffer | undefined {
    if (this.ready === undefined) this.ready = this.cut();
    return this.ready;
  }

  /** Removes the next complete frame from the chunks, checking its size first. */
  private cut(): Buffer | undefined {
    if (this.failed !== null) throw this.failed;
    if (this.bytes < 4) return undefined;
    const first = this.chunks[0]!;
    const size = first.length >= 4 ? first.readInt32BE(0) : this.sizeAcrossChunks();
    if (size < 0 || size > this.maxFrameSize) {
      this.failed = new FrameSizeError(size, this.maxFrameSize);
      this.chunks = [];
      this.bytes = 0;
      throw this.failed;
    }
    if (this.bytes < 4 + size) return undefined;
    if (this.copyTo !== undefined) {
      const into = this.copyTo(size, size >= 2 ? this.bytesAt(4, 2).readInt16BE(0) : -1);
      if (into !== undefined) {
        if (into.length !== size) throw new RangeError(`copyTo gave ${into.length} bytes for a frame of ${size}`);
        this.take(4);
        this.copyOut(into);
        return into;
      }
    }
    return this.take(4 + size).subarray(4);
  }

  private sizeAcrossChunks(): number {
    return this.bytesAt(0, 4).readInt32BE(0);
  }

  /** `n` buffered bytes from `at` on (at + n <= this.bytes), a view when they lie in the first chunk. */
  private bytesAt(at: number, n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= at + n) return first.subarray(at, at + n);
    const b = Buffer.allocUnsafe(n);
    let skip = at;
    let got = 0;
    for (const c of this.chunks) {
      if (skip >= c.length) {
        skip -= c.length;
        continue;
      }
      const k = Math.min(n - got, c.length - skip);
      c.copy(b, got, skip, skip + k);
      got += k;
      skip = 0;
      if (got === n) break;
    }
    return b;
  }

  /** Removes the first out.length buffered bytes (<= this.bytes), copying them into `out`. */
  private copyOut(out: Buffer): void {
    const n = out.length;
    this.bytes -= n;
    let off = 0;
    while (off < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - off);
      c.copy(out, off, 0, k);
      off += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
  }

  /** Removes and returns the first n buffered bytes (n <= this.bytes), copying only across chunks. */
  private take(n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= n) {
      this.bytes -= n;
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    this.copyOut(out);
    return out;
  }
}
