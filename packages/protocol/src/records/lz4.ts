// LZ4 frame format (the format Kafka uses for magic v2 batches with compression type 3).
//
// Encoding uses lz4-napi (napi-rs binding of lz4_flex, prebuilt per platform as npm optional
// packages). Its frames are what Kafka's Java client writes in the way that matters: version 01,
// independent blocks, no content size, no checksums (FLG 0x60); blocks are 256 KiB where Java
// uses 64 KiB, which every reader (Java, librdkafka, KafkaJS) accepts.
//
// Decoding is our own bounded JS decoder: lz4-napi's frame decoder has no output cap, and a
// hostile LZ4 frame expands about 250x. Every block is decoded into one contiguous output
// buffer that never grows past the caller's cap, so linked (dependent) blocks decode too.
// The header checksum and the optional block/content checksums are skipped, not verified: the
// batch CRC32C already covers the compressed bytes.
import { createRequire } from 'node:module';
import type * as Lz4 from 'lz4-napi';
import { corrupt } from './varint.js';

const MAGIC = 0x184d2204;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;

const require = createRequire(import.meta.url);
let lz4Module: typeof Lz4 | undefined;

/** lz4-napi is loaded on first use (see compression.ts). */
export function lz4CompressFrame(data: Buffer): Buffer {
  return (lz4Module ??= require('lz4-napi') as typeof Lz4).compressFrameSync(data);
}

class Output {
  buf: Buffer;
  pos = 0;
  constructor(
    initial: number,
    readonly cap: number,
  ) {
    this.buf = Buffer.allocUnsafe(Math.min(initial, cap));
  }
  /** Makes room for `n` more bytes, but never beyond the cap. */
  reserve(n: number): void {
    const want = Math.min(this.pos + n, this.cap);
    if (want <= this.buf.length) return;
    let size = Math.max(this.buf.length * 2, 4096);
    while (size < want) size *= 2;
    const next = Buffer.allocUnsafe(Math.min(size, this.cap));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
}

const blockOverflow = (): Error => corrupt('lz4 block decodes past its declared maximum size');

function tooLarge(cap: number): Error {
  return corrupt(`lz4 output exceeds the ${cap}-byte decompression limit`);
}

/**
 * Decodes one LZ4 block from src[ip, iend) into dst at `op`, writing nothing at or past `oend`;
 * returns the new output position. `overflow` is the error for output that would pass `oend`.
 */
function decodeBlock(src: Buffer, ip: number, iend: number, dst: Buffer, op: number, oend: number, overflow: () => Error): number {
  for (;;) {
    if (ip >= iend) throw corrupt('lz4 block truncated');
    const token = src[ip++]!;
    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (ip >= iend) throw corrupt('lz4 literal length truncated');
        b = src[ip++]!;
        lit += b;
      } while (b === 255);
    }
    if (lit > iend - ip) throw corrupt('lz4 literals overrun the block');
    if (lit > oend - op) throw overflow();
    if (lit < 16) {
      for (let i = 0; i < lit; i++) dst[op + i] = src[ip + i]!;
    } else {
      src.copy(dst, op, ip, ip + lit);
    }
    ip += lit;
    op += lit;
    if (ip === iend) break; // the last sequence has literals only
    if (iend - ip < 2) throw corrupt('lz4 match offset truncated');
    const offset = src[ip]! | (src[ip + 1]! << 8);
    ip += 2;
    if (offset === 0 || offset > op) throw corrupt(`lz4 match offset ${offset} out of range`);
    let len = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (ip >= iend) throw corrupt('lz4 match length truncated');
        b = src[ip++]!;
        len += b;
      } while (b === 255);
    }
    if (len > oend - op) throw overflow();
    let m = op - offset;
    if (offset >= len && len >= 32) {
      dst.copyWithin(op, m, m + len);
      op += len;
    } else {
      const stop = op + len;
      while (op < stop) dst[op++] = dst[m++]!;
    }
  }
  return op;
}

const BLOCK_MAX: Record<number, number> = { 4: 64 << 10, 5: 256 << 10, 6: 1 << 20, 7: 4 << 20 };

/** Decodes a sequence of LZ4 frames; throws CORRUPT_MESSAGE past `maxBytes` of output. */
export function lz4DecompressFrame(src: Buffer, maxBytes: number): Buffer {
  const out = new Output(Math.max(64 << 10, src.length * 4), maxBytes);
  let p = 0;
  const n = src.length;
  if (n === 0) throw corrupt('lz4 input is empty');
  while (p < n) {
    if (n - p < 4) throw corrupt('lz4 frame magic truncated');
    const magic = src.readUInt32LE(p);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      if (n - p < 8) throw corrupt('lz4 skippable frame truncated');
      const size = src.readUInt32LE(p + 4);
      if (size > n - p - 8) throw corrupt('lz4 skippable frame truncated');
      p += 8 + size;
      continue;
    }
    if (magic !== MAGIC) throw corrupt(`bad lz4 frame magic 0x${magic.toString(16)}`);
    p += 4;
    if (n - p < 3) throw corrupt('lz4 frame descriptor truncated');
    const flg = src[p]!;
    const bd = src[p + 1]!;
    if (flg >>> 6 !== 1) throw corrupt(`unsupported lz4 frame version ${flg >>> 6}`);
    const blockChecksum = (flg & 0x10) !== 0;
    const contentSize = (flg & 0x08) !== 0;
    const contentChecksum = (flg & 0x04) !== 0;
    const dictId = (flg & 0x01) !== 0;
    if ((flg & 0x02) !== 0 || (bd & 0x8f) !== 0) throw corrupt('lz4 frame descriptor has reserved bits set');
    const blockMax = BLOCK_MAX[(bd >>> 4) & 7];
    if (blockMax === undefined) throw corrupt(`lz4 block size code ${(bd >>> 4) & 7} is invalid`);
    const descLen = 2 + (contentSize ? 8 : 0) + (dictId ? 4 : 0) + 1;
    if (n - p < descLen) throw corrupt('lz4 frame descriptor truncated');
    p += descLen;
    for (;;) {
      if (n - p < 4) throw corrupt('lz4 block size truncated');
      const word = src.readUInt32LE(p);
      p += 4;
      if (word === 0) break; // end mark
      const uncompressed = (word & 0x80000000) !== 0;
      const size = word & 0x7fffffff;
      if (size > blockMax) throw corrupt(`lz4 block of ${size} bytes exceeds the frame's ${blockMax}`);
      if (size > n - p) throw corrupt('lz4 block truncated');
      if (uncompressed) {
        if (size > maxBytes - out.pos) throw tooLarge(maxBytes);
        out.reserve(size);
        src.copy(out.buf, out.pos, p, p + size);
        out.pos += size;
      } else {
        out.reserve(blockMax);
        // A block's output is bounded by the frame's block size and by the cap.
        const byBlock = out.pos + blockMax <= out.buf.length;
        const oend = byBlock ? out.pos + blockMax : out.buf.length;
        const overflow = byBlock ? blockOverflow : () => tooLarge(maxBytes);
        out.pos = decodeBlock(src, p, p + size, out.buf, out.pos, oend, overflow);
      }
      p += size;
      if (blockChecksum) {
        if (n - p < 4) throw corrupt('lz4 block checksum truncated');
        p += 4;
      }
    }
    if (contentChecksum) {
      if (n - p < 4) throw corrupt('lz4 content checksum truncated');
      p += 4;
    }
  }
  return out.buf.subarray(0, out.pos);
}
