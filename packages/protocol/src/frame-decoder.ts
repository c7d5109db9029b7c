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
 * spanning chunks is copied once into a buffer of its exact size.
 */
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
  constructor(public maxFrameSize = 0x7fffffff) {}

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
    return this.take(4 + size).subarray(4);
  }

  private sizeAcrossChunks(): number {
    const b = Buffer.allocUnsafe(4);
    let n = 0;
    for (const c of this.chunks) {
      const k = Math.min(4 - n, c.length);
      c.copy(b, n, 0, k);
      n += k;
      if (n === 4) break;
    }
    return b.readInt32BE(0);
  }

  /** Removes and returns the first n buffered bytes (n <= this.bytes), copying only across chunks. */
  private take(n: number): Buffer {
    this.bytes -= n;
    const first = this.chunks[0]!;
    if (first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - off);
      c.copy(out, off, 0, k);
      off += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    return out;
  }
}
