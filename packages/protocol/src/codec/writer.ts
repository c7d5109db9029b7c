import type { TaggedField } from './reader.js';

const ZERO_COPY_MIN = 4096;

/**
 * Growable writer. Large byte values (record batches) are kept by reference in a chunk list rather
 * than copied, so a fetch response can go to the socket with writev and no extra copy.
 */
export class Writer {
  private buf: Buffer;
  private pos = 0;
  private chunks: Buffer[] = [];
  private chunksLength = 0;

  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.chunksLength + this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int8(v: number): this {
    this.ensure(1);
    this.buf.writeInt8(v, this.pos);
    this.pos += 1;
    return this;
  }
  bool(v: boolean): this {
    this.ensure(1);
    this.buf[this.pos++] = v ? 1 : 0;
    return this;
  }
  int16(v: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }
  uint16(v: number): this {
    this.ensure(2);
    this.buf.writeUInt16BE(v, this.pos);
    this.pos += 2;
    return this;
  }
  int32(v: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }
  uint32(v: number): this {
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.pos);
    this.pos += 4;
    return this;
  }
  int64(v: bigint): this {
    this.ensure(8);
    this.buf.writeBigInt64BE(v, this.pos);
    this.pos += 8;
    return this;
  }
  float64(v: number): this {
    this.ensure(8);
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
    return this;
  }
  uvarint(v: number): this {
    this.ensure(5);
    let u = v >>> 0;
    while (u >= 0x80) {
      this.buf[this.pos++] = (u & 0x7f) | 0x80;
      u >>>= 7;
    }
    this.buf[this.pos++] = u;
    return this;
  }
  varint(v: number): this {
    return this.uvarint(((v << 1) ^ (v >> 31)) >>> 0);
  }
  varlong(v: bigint | number): this {
    const b = BigInt(v);
    let u = BigInt.asUintN(64, (b << 1n) ^ (b >> 63n));
    this.ensure(10);
    while (u >= 0x80n) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    this.buf[this.pos++] = Number(u);
    return this;
  }
  uuid(v: string): this {
    this.ensure(16);
    const n = this.buf.write(v, this.pos, 16, 'base64url');
    if (n !== 16) throw new RangeError(`invalid uuid ${JSON.stringify(v)}`);
    this.pos += 16;
    return this;
  }
  raw(b: Uint8Array): this {
    if (b.length >= ZERO_COPY_MIN) {
      this.flushChunk();
      const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length);
      this.chunks.push(buf);
      this.chunksLength += buf.length;
      return this;
    }
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }
  private flushChunk(): void {
    if (this.pos === 0) return;
    const c = this.buf.subarray(0, this.pos);
    this.chunks.push(c);
    this.chunksLength += c.length;
    this.buf = this.buf.subarray(this.pos);
    if (this.buf.length < 64) this.buf = Buffer.allocUnsafe(256);
    this.pos = 0;
  }

  string(v: string): this {
    const n = Buffer.byteLength(v);
    this.int16(n);
    this.ensure(n);
    this.pos += this.buf.write(v, this.pos, n, 'utf8');
    return this;
  }
  nullableString(v: string | null): this {
    return v === null ? this.int16(-1) : this.string(v);
  }
  compactString(v: string): this {
    const n = Buffer.byteLength(v);
    this.uvarint(n + 1);
    this.ensure(n);
    this.pos += this.buf.write(v, this.pos, n, 'utf8');
    return this;
  }
  compactNullableString(v: string | null): this {
    return v === null ? this.uvarint(0) : this.compactString(v);
  }
  bytes(v: Uint8Array): this {
    return this.int32(v.length).raw(v);
  }
  nullableBytes(v: Uint8Array | null): this {
    return v === null ? this.int32(-1) : this.bytes(v);
  }
  compactBytes(v: Uint8Array): this {
    return this.uvarint(v.length + 1).raw(v);
  }
  compactNullableBytes(v: Uint8Array | null): this {
    return v === null ? this.uvarint(0) : this.compactBytes(v);
  }

  /** Writes a tagged-field section: known fields (each encoded by its callback) merged with unknown ones by tag. */
  taggedFields(known: Array<[number, (w: Writer) => void]>, unknown: TaggedField[] | undefined): this {
    if (known.length === 0 && (unknown === undefined || unknown.length === 0)) return this.uvarint(0);
    const all: TaggedField[] = [];
    for (const [tag, fn] of known) {
      const sub = new Writer(64);
      fn(sub);
      all.push({ tag, data: sub.toBuffer() });
    }
    if (unknown !== undefined) all.push(...unknown);
    if (all.length > 1) all.sort((a, b) => a.tag - b.tag);
    this.uvarint(all.length);
    for (const f of all) this.uvarint(f.tag).uvarint(f.data.length).raw(f.data);
    return this;
  }

  /** Overwrites an int32 at an absolute position already written (frame sizes). */
  patchInt32(at: number, v: number): void {
    if (at >= this.chunksLength) {
      this.buf.writeInt32BE(v, at - this.chunksLength);
      return;
    }
    let base = 0;
    for (const c of this.chunks) {
      if (at < base + c.length) {
        if (at + 4 > base + c.length) throw new RangeError('patch spans chunks');
        c.writeInt32BE(v, at - base);
        return;
      }
      base += c.length;
    }
  }

  /** The written bytes as a list of buffers (no copy of large values). */
  toBuffers(): Buffer[] {
    if (this.pos > 0) return [...this.chunks, this.buf.subarray(0, this.pos)];
    return this.chunks.slice();
  }

  /** The written bytes as one buffer (copies when large values were appended by reference). */
  toBuffer(): Buffer {
    const bufs = this.toBuffers();
    if (bufs.length === 1) return bufs[0]!;
    return Buffer.concat(bufs, this.length);
  }
}
