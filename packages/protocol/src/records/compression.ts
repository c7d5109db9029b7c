// Record batch compression codecs, all synchronous, all with a cap on decompressed output.
//
// Choices (measured on this project's machines; see bench/records.bench.mjs):
// - gzip: node:zlib; `maxOutputLength` caps the output.
// - snappy: `snappy` (napi-rs; prebuilt binaries ship as npm optional packages). We write the
//   xerial framing that Kafka's Java client writes (32 KiB blocks) and read both xerial and raw
//   snappy (librdkafka and KafkaJS write raw). Each block's declared length is checked against the
//   cap before the native call allocates it.
// - lz4: see lz4.ts (lz4-napi to encode, a bounded JS frame decoder).
// - zstd: `zstd-napi` (Node-API binding of libzstd with sync and streaming APIs; builds the bundled
//   libzstd with node-gyp at install time, no download). Decoding streams into bounded chunks and
//   limits the window size, so neither the output nor the decoder's window can exceed the cap.
//   (@mongodb-js/zstd downloads its binary from GitHub at install time and has no sync API.)
//
// The native codecs are loaded on first use (most brokers and clients never see a compressed
// batch; loading the three addons at start cost ~50 ms of dlopen and module compile).
import { createRequire } from 'node:module';
import { gunzipSync, gzipSync } from 'node:zlib';
import type * as Snappy from 'snappy';
import type Zstd from 'zstd-napi/binding.js';
import { ProtocolError } from '../codec/errors.js';
import { CompressionType } from './batch-header.js';
import { lz4CompressFrame, lz4DecompressFrame } from './lz4.js';
import { corrupt } from './varint.js';

export { CompressionType };

const require = createRequire(import.meta.url);
let snappyModule: typeof Snappy | undefined;
let zstdModule: typeof Zstd | undefined;
const snappy = (): typeof Snappy => (snappyModule ??= require('snappy') as typeof Snappy);
const zstd = (): typeof Zstd => (zstdModule ??= require('zstd-napi/binding.js') as typeof Zstd);

/** Default cap on the decompressed size of one batch's records. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

export function compress(type: CompressionType, data: Buffer): Buffer {
  switch (type) {
    case CompressionType.None:
      return data;
    case CompressionType.Gzip:
      return gzipSync(data);
    case CompressionType.Snappy:
      return snappyXerialCompress(data);
    case CompressionType.Lz4:
      return lz4CompressFrame(data);
    case CompressionType.Zstd:
      return zstdCompress(data);
    default:
      throw new RangeError(`unknown compression type ${String(type)}`);
  }
}

/** Decompresses a batch's records section; CORRUPT_MESSAGE on bad input or output past `maxBytes`. */
export function decompress(type: CompressionType, data: Buffer, maxBytes = DEFAULT_MAX_DECOMPRESSED_BYTES): Buffer {
  switch (type) {
    case CompressionType.None:
      return data; // already in memory: nothing to cap
    case CompressionType.Gzip:
      return gunzip(data, maxBytes);
    case CompressionType.Snappy:
      return snappyDecompress(data, maxBytes);
    case CompressionType.Lz4:
      return lz4DecompressFrame(data, maxBytes);
    case CompressionType.Zstd:
      return zstdDecompress(data, maxBytes);
    default:
      throw corrupt(`unknown compression type ${String(type)}`);
  }
}

function gunzip(data: Buffer, maxBytes: number): Buffer {
  try {
    return gunzipSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw corrupt(`gzip output exceeds the ${maxBytes}-byte decompression limit`);
    }
    throw corrupt(`invalid gzip data: ${(err as Error).message}`);
  }
}

// --- snappy -------------------------------------------------------------------------------------

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER = 16; // magic + version int32 + min-compatible-version int32
const XERIAL_BLOCK = 32 * 1024;

export function snappyXerialCompress(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(XERIAL_HEADER);
  XERIAL_MAGIC.copy(header, 0);
  header.writeInt32BE(1, 8);
  header.writeInt32BE(1, 12);
  parts.push(header);
  for (let p = 0; p < data.length; p += XERIAL_BLOCK) {
    const block = snappy().compressSync(data.subarray(p, Math.min(p + XERIAL_BLOCK, data.length)));
    const len = Buffer.allocUnsafe(4);
    len.writeInt32BE(block.length, 0);
    parts.push(len, block);
  }
  return Buffer.concat(parts);
}

/** Snappy's preamble: the uncompressed length as an unsigned varint (at most 32 bits). */
function snappyLength(data: Buffer, start: number, end: number): number {
  let result = 0;
  for (let i = 0; i < 5; i++) {
    if (start + i >= end) throw corrupt('snappy block truncated');
    const b = data[start + i]!;
    result += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return result;
  }
  throw corrupt('snappy length preamble too long');
}

function snappyBlock(data: Buffer): Buffer {
  try {
    return snappy().uncompressSync(data) as Buffer;
  } catch (err) {
    throw corrupt(`invalid snappy data: ${(err as Error).message}`);
  }
}

export function snappyDecompress(data: Buffer, maxBytes: number): Buffer {
  const isXerial = data.length >= XERIAL_HEADER && data.subarray(0, 8).equals(XERIAL_MAGIC);
  if (!isXerial) {
    const n = snappyLength(data, 0, data.length);
    if (n > maxBytes) throw corrupt(`snappy output of ${n} bytes exceeds the ${maxBytes}-byte limit`);
    const out = snappyBlock(data);
    if (out.length !== n) throw corrupt('snappy output length differs from its preamble');
    return out;
  }
  const blocks: Buffer[] = [];
  let total = 0;
  let p = XERIAL_HEADER;
  while (p < data.length) {
    if (data.length - p < 4) throw corrupt('xerial snappy block length truncated');
    const len = data.readInt32BE(p);
    p += 4;
    if (len < 0 || len > data.length - p) throw corrupt(`xerial snappy block length ${len} out of range`);
    const n = snappyLength(data, p, p + len);
    total += n;
    if (total > maxBytes) throw corrupt(`snappy output exceeds the ${maxBytes}-byte decompression limit`);
    const out = snappyBlock(data.subarray(p, p + len));
    if (out.length !== n) throw corrupt('snappy output length differs from its preamble');
    blocks.push(out);
    p += len;
  }
  return blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks, total);
}

// --- zstd ---------------------------------------------------------------------------------------

const ZSTD_LEVEL = 3; // zstd's and Kafka's default
const ZSTD_CHUNK = 256 * 1024;
let cctx: InstanceType<typeof Zstd.CCtx> | undefined;
let dctx: InstanceType<typeof Zstd.DCtx> | undefined;
let dctxWindowLog = -1;

export function zstdCompress(data: Buffer): Buffer {
  const z = zstd();
  cctx ??= new z.CCtx();
  const dst = Buffer.allocUnsafe(z.compressBound(data.length));
  const n = cctx.compress(dst, data, ZSTD_LEVEL);
  return dst.subarray(0, n);
}

export function zstdDecompress(data: Buffer, maxBytes: number): Buffer {
  // Window no larger than the output may be (2^10..2^27): bounds the decoder's own allocation.
  const windowLog = Math.min(27, Math.max(10, Math.ceil(Math.log2(Math.max(maxBytes, 1)))));
  const z = zstd();
  dctx ??= new z.DCtx();
  dctx.reset(z.ResetDirective.sessionOnly);
  if (dctxWindowLog !== windowLog) {
    dctx.setParameter(z.DParameter.windowLogMax, windowLog);
    dctxWindowLog = windowLog;
  }
  if (data.length === 0) throw corrupt('zstd input is empty');
  const chunks: Buffer[] = [];
  let total = 0;
  let src = data;
  let frameDone = false;
  try {
    for (;;) {
      const room = Math.min(maxBytes - total + 1, Math.max(ZSTD_CHUNK, src.length * 2));
      const out = Buffer.allocUnsafe(room);
      const [ret, produced, consumed] = dctx.decompressStream(out, src);
      src = src.subarray(consumed);
      if (produced > 0) {
        total += produced;
        if (total > maxBytes) throw corrupt(`zstd output exceeds the ${maxBytes}-byte decompression limit`);
        chunks.push(produced === out.length ? out : out.subarray(0, produced));
      }
      frameDone = ret === 0;
      if (frameDone && src.length === 0) break;
      if (!frameDone && produced === 0 && consumed === 0) throw corrupt('zstd data truncated');
    }
  } catch (err) {
    dctx.reset(z.ResetDirective.sessionOnly);
    if (err instanceof ProtocolError) throw err;
    throw corrupt(`invalid zstd data: ${(err as Error).message}`);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}
