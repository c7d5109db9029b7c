import { ProtocolError } from './errors.js';

export interface TaggedField {
  tag: number;
  data: Buffer;
}

const truncated = (need: number, have: number): ProtocolError =>
  new ProtocolError('INVALID_REQUEST', `truncated input: need ${need} bytes, ${have} remain`);

/**
 * Bounds-checked reader over a byte range. Every length read from the input is checked against the
 * bytes that remain before anything is allocated, so hostile input can neither over-allocate nor hang.
 */
export class Reader {
  readonly buf: Buffer;
  pos: number;
  readonly end: number;

  constructor(buf: Buffer, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): number {
    const p = this.pos;
    if (n > this.end - p) throw truncated(n, this.end - p);
    this.pos = p + n;
    return p;
  }

  int8(): number {
    return this.buf.readInt8(this.need(1));
  }
  uint8(): number {
    return this.buf[this.need(1)]!;
  }
  bool(): boolean {
    return this.buf[this.need(1)] !== 0;
  }
  int16(): number {
    return this.buf.readInt16BE(this.need(2));
  }
  uint16(): number {
    return this.buf.readUInt16BE(this.need(2));
  }
  int32(): number {
    return this.buf.readInt32BE(this.need(4));
  }
  uint32(): number {
    return this.buf.readUInt32BE(this.need(4));
  }
  int64(): bigint {
    return this.buf.readBigInt64BE(this.need(8));
  }
  float64(): number {
    return this.buf.readDoubleBE(this.need(8));
  }

  /** Unsigned LEB128 varint of at most 32 bits. */
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.buf[this.need(1)]!;
      if (i === 4 && b > 0x0f) throw new ProtocolError('INVALID_REQUEST', 'varint exceeds 32 bits');
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result >>> 0;
      shift += 7;
    }
    throw new ProtocolError('INVALID_REQUEST', 'varint exceeds 5 bytes');
  }
  /** Zigzag varint (int32). */
  varint(): number {
    const u = this.uvarint();
    return (u >>> 1) ^ -(u & 1);
  }
  /** Zigzag varlong (int64). */
  varlong(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      const b = this.buf[this.need(1)]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return (result >> 1n) ^ -(result & 1n);
      shift += 7n;
    }
    throw new ProtocolError('INVALID_REQUEST', 'varlong exceeds 10 bytes');
  }
  /** Zigzag varlong returned as a number; throws if it does not fit in a safe integer. */
  varlongNumber(): number {
    const v = this.varlong();
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ProtocolError('INVALID_REQUEST', 'varlong out of safe integer range');
    }
    return Number(v);
  }

  uuid(): string {
    const p = this.need(16);
    return this.buf.toString('base64url', p, p + 16);
  }

  raw(n: number): Buffer {
    const p = this.need(n);
    return this.buf.subarray(p, p + n);
  }

  private checkLen(n: number): number {
    if (n < 0) throw new ProtocolError('INVALID_REQUEST', `negative length ${n}`);
    if (n > this.end - this.pos) throw truncated(n, this.end - this.pos);
    return n;
  }

  /** Length of a classic (int16) string; -1 = null. */
  private str(n: number): string {
    const p = this.need(this.checkLen(n));
    return this.buf.toString('utf8', p, p + n);
  }
  string(): string {
    return this.str(this.int16());
  }
  nullableString(): string | null {
    const n = this.int16();
    return n === -1 ? null : this.str(n);
  }
  compactString(): string {
    return this.str(this.uvarint() - 1);
  }
  compactNullableString(): string | null {
    const n = this.uvarint() - 1;
    return n === -1 ? null : this.str(n);
  }
  bytes(): Buffer {
    return this.raw(this.checkLen(this.int32()));
  }
  nullableBytes(): Buffer | null {
    const n = this.int32();
    return n === -1 ? null : this.raw(this.checkLen(n));
  }
  compactBytes(): Buffer {
    return this.raw(this.checkLen(this.uvarint() - 1));
  }
  compactNullableBytes(): Buffer | null {
    const n = this.uvarint() - 1;
    return n === -1 ? null : this.raw(this.checkLen(n));
  }

  /** Array length (int32, -1 = null), checked against the remaining bytes like Kafka does. */
  arrayLength(): number {
    const n = this.int32();
    if (n === -1) return -1;
    return this.checkLen(n);
  }
  compactArrayLength(): number {
    const n = this.uvarint() - 1;
    if (n === -1) return -1;
    return this.checkLen(n);
  }

  /** Reads a tagged-field section; calls `known` for each tag, returns the tags it did not take. */
  taggedFields(known: ((tag: number, r: Reader) => boolean) | null): TaggedField[] | undefined {
    const count = this.uvarint();
    this.checkLen(count);
    let unknown: TaggedField[] | undefined;
    let prev = -1;
    for (let i = 0; i < count; i++) {
      const tag = this.uvarint();
      if (tag <= prev) throw new ProtocolError('INVALID_REQUEST', `tagged fields out of order: ${tag} after ${prev}`);
      prev = tag;
      const size = this.checkLen(this.uvarint());
      const start = this.pos;
      if (known !== null) {
        const sub = new Reader(this.buf, start, start + size);
        if (known(tag, sub)) {
          if (sub.pos !== sub.end) {
            throw new ProtocolError('INVALID_REQUEST', `tagged field ${tag}: ${sub.end - sub.pos} trailing bytes`);
          }
          this.pos = start + size;
          continue;
        }
      }
      (unknown ??= []).push({ tag, data: this.raw(size) });
    }
    return unknown;
  }
}
