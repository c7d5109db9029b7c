// Zigzag varint/varlong helpers for the record layer. They work on plain numbers where the value
// fits (the common case: small deltas and lengths) and fall back to bigint only when it must,
// and every read failure is a CORRUPT_MESSAGE (a bad record, not a bad request frame).
import { ProtocolError } from '../codec/errors.js';

export const corrupt = (message: string): ProtocolError => new ProtocolError('CORRUPT_MESSAGE', message);

/** Deltas within +-2^52 zigzag to at most 2^53 and stay exact as numbers. */
const NUM_VARLONG_LIMIT = 2n ** 52n;

/** Encoded size of a zigzag int32 varint. */
export function sizeOfVarint(v: number): number {
  let u = ((v << 1) ^ (v >> 31)) >>> 0;
  let n = 1;
  while (u >= 0x80) {
    u >>>= 7;
    n++;
  }
  return n;
}

/** Encoded size of a zigzag varlong. */
export function sizeOfVarlong(v: bigint): number {
  if (v > -NUM_VARLONG_LIMIT && v < NUM_VARLONG_LIMIT) {
    const x = Number(v);
    let u = x >= 0 ? x * 2 : -x * 2 - 1;
    let n = 1;
    while (u >= 128) {
      u = Math.floor(u / 128);
      n++;
    }
    return n;
  }
  let u = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
  let n = 1;
  while (u >= 0x80n) {
    u >>= 7n;
    n++;
  }
  return n;
}

/** Writes a zigzag int32 varint at `pos`; returns the position after it. */
export function writeVarint(buf: Buffer, pos: number, v: number): number {
  let u = ((v << 1) ^ (v >> 31)) >>> 0;
  while (u >= 0x80) {
    buf[pos++] = (u & 0x7f) | 0x80;
    u >>>= 7;
  }
  buf[pos++] = u;
  return pos;
}

/** Writes a zigzag varlong at `pos`; returns the position after it. */
export function writeVarlong(buf: Buffer, pos: number, v: bigint): number {
  if (v > -NUM_VARLONG_LIMIT && v < NUM_VARLONG_LIMIT) {
    const x = Number(v);
    let u = x >= 0 ? x * 2 : -x * 2 - 1;
    while (u >= 128) {
      buf[pos++] = (u % 128) | 0x80;
      u = Math.floor(u / 128);
    }
    buf[pos++] = u;
    return pos;
  }
  let u = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
  while (u >= 0x80n) {
    buf[pos++] = Number(u & 0x7fn) | 0x80;
    u >>= 7n;
  }
  buf[pos++] = Number(u);
  return pos;
}

/** Bounds-checked cursor over decoded record bytes. */
export class RecordCursor {
  readonly buf: Buffer;
  pos: number;
  end: number;

  constructor(buf: Buffer, pos: number, end: number) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  int8(): number {
    if (this.pos >= this.end) throw corrupt('record truncated');
    const b = this.buf[this.pos++]!;
    return (b << 24) >> 24;
  }

  /** Zigzag int32 varint. */
  varint(): number {
    const buf = this.buf;
    let result = 0;
    let shift = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) throw corrupt('record truncated inside a varint');
      const b = buf[this.pos++]!;
      if (i === 4 && b > 0x0f) throw corrupt('varint exceeds 32 bits');
      result |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) {
        const u = result >>> 0;
        return (u >>> 1) ^ -(u & 1);
      }
      shift += 7;
    }
    throw corrupt('varint exceeds 5 bytes');
  }

  /** Zigzag varlong (int64). Numbers carry the first 49 bits; bigint only past that. */
  varlong(): bigint {
    const buf = this.buf;
    let u = 0;
    let mul = 1;
    for (let i = 0; i < 7; i++) {
      if (this.pos >= this.end) throw corrupt('record truncated inside a varlong');
      const b = buf[this.pos++]!;
      u += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return u === 0 ? 0n : BigInt(u % 2 === 0 ? u / 2 : -(u + 1) / 2);
      mul *= 128;
    }
    let big = BigInt(u);
    let shift = 49n;
    for (let i = 7; i < 10; i++) {
      if (this.pos >= this.end) throw corrupt('record truncated inside a varlong');
      const b = buf[this.pos++]!;
      if (i === 9 && b > 0x01) throw corrupt('varlong exceeds 64 bits');
      big |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return (big >> 1n) ^ -(big & 1n);
      shift += 7n;
    }
    throw corrupt('varlong exceeds 10 bytes');
  }

  /** Varint length prefix then that many bytes (a view, no copy); -1 = null. */
  nullableBytes(what: string): Buffer | null {
    const n = this.varint();
    if (n === -1) return null;
    if (n < 0) throw corrupt(`negative ${what} length ${n}`);
    if (n > this.end - this.pos) throw corrupt(`${what} length ${n} exceeds the ${this.end - this.pos} bytes left`);
    const p = this.pos;
    this.pos = p + n;
    return this.buf.subarray(p, p + n);
  }

  string(what: string): string {
    const n = this.varint();
    if (n < 0) throw corrupt(`invalid ${what} length ${n}`);
    if (n > this.end - this.pos) throw corrupt(`${what} length ${n} exceeds the ${this.end - this.pos} bytes left`);
    const p = this.pos;
    this.pos = p + n;
    return this.buf.toString('utf8', p, p + n);
  }
}
