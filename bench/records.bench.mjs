// Record batch paths on 1 MiB of data, next to Buffer.copy of the same bytes:
// - the broker's per-byte path: validateBatchForAppend (header checks + CRC32C) + header read +
//   base offset rewrite over 1 MiB of batches (16 x 64 KiB, and 1 x 1 MiB);
// - encodeBatch / decodeBatch of one 1 MiB batch (1024 records of 1 KiB) per codec;
// - the key check a compacted topic runs on every produced batch (keylessRecordIndexes), per codec;
// - CRC32C: @node-rs/crc32 against a pure-JS table and slice-by-8, to justify the native choice.
import { crc32c } from '@node-rs/crc32';
import {
  encodeBatch, decodeBatch, validateBatchForAppend, readBatchHeader, setBaseOffset, batchSizeAt, CompressionType, keylessRecordIndexes,
} from '../packages/protocol/dist/src/records/index.js';
import { measure, report } from './lib.mjs';

const MiB = 1024 * 1024;

function recordsOf(totalBytes, valueSize) {
  const out = [];
  for (let i = 0; i * (valueSize + 16) < totalBytes; i++) {
    const value = Buffer.allocUnsafe(valueSize);
    for (let j = 0; j < valueSize; j++) value[j] = (i * 31 + j * 7) & 0xff ^ (j % 13 === 0 ? 0x55 : 0);
    out.push({ key: Buffer.from(`key-${i}`), value, timestamp: 1700000000000n + BigInt(i) });
  }
  return out;
}

// 16 batches of ~64 KiB each: the shape of a Produce request for one partition.
const small = Buffer.concat(Array.from({ length: 16 }, (_, b) => encodeBatch({ baseOffset: 0n, producerId: 1n, producerEpoch: 0, baseSequence: b * 60, records: recordsOf(64 * 1024 - 200, 1024) })));
const oneRecords = recordsOf(MiB - 20_000, 1024);
const one = encodeBatch({ records: oneRecords });
const dst = Buffer.allocUnsafe(Math.max(small.length, one.length));
const RING = 256 * MiB;
const ring = Buffer.alloc(RING, 1);
const ringDst = Buffer.alloc(RING, 2);
let ringPos = 0;

function appendPath(buf) {
  let pos = 0;
  let offset = 1000n;
  while (pos < buf.length) {
    const size = batchSizeAt(buf, pos);
    const view = buf.subarray(pos, pos + size);
    const h = validateBatchForAppend(view);
    readBatchHeader(view);
    setBaseOffset(view, offset);
    offset += BigInt(h.lastOffsetDelta + 1);
    pos += size;
  }
}

const TABLE = new Int32Array(256 * 8);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  TABLE[n] = c;
}
for (let n = 0; n < 256; n++) for (let t = 1; t < 8; t++) TABLE[t * 256 + n] = TABLE[(t - 1) * 256 + n] >>> 8 ^ TABLE[TABLE[(t - 1) * 256 + n] & 0xff];
function crcTable(buf) {
  let c = -1;
  for (let i = 0; i < buf.length; i++) c = TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function crcSlice8(buf) {
  let c = -1;
  let i = 0;
  const n8 = buf.length & ~7;
  for (; i < n8; i += 8) {
    const a = c ^ (buf[i] | buf[i + 1] << 8 | buf[i + 2] << 16 | buf[i + 3] << 24);
    const b = buf[i + 4] | buf[i + 5] << 8 | buf[i + 6] << 16 | buf[i + 7] << 24;
    c = TABLE[1792 + (a & 0xff)] ^ TABLE[1536 + (a >>> 8 & 0xff)] ^ TABLE[1280 + (a >>> 16 & 0xff)] ^ TABLE[1024 + (a >>> 24)]
      ^ TABLE[768 + (b & 0xff)] ^ TABLE[512 + (b >>> 8 & 0xff)] ^ TABLE[256 + (b >>> 16 & 0xff)] ^ TABLE[b >>> 24];
  }
  for (; i < buf.length; i++) c = TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
const probe = one.subarray(0, MiB);
if (crcTable(probe) !== crc32c(probe) >>> 0 || crcSlice8(probe) !== crc32c(probe) >>> 0) throw new Error('CRC implementations disagree');

const results = [
  measure('Buffer.copy 1 MiB', MiB, () => { one.copy(dst, 0, 0, MiB); }),
  measure('append path: validate+CRC+header+offset, 16 x 64 KiB', small.length, () => appendPath(small)),
  // The same copy over a 256 MiB ring of fresh bytes: what copying costs once data is not cache-hot.
  measure('Buffer.copy 1 MiB, 256 MiB working set (not cache-hot)', MiB, () => { ring.copy(ringDst, ringPos, ringPos, ringPos + MiB); ringPos = (ringPos + MiB) % RING; }),
  measure('append path: validate+CRC+header+offset, 1 x 1 MiB', one.length, () => appendPath(one)),
  measure('CRC32C @node-rs/crc32, 1 MiB', MiB, () => { crc32c(probe); }),
  measure('CRC32C pure JS table, 1 MiB', MiB, () => { crcTable(probe); }),
  measure('CRC32C pure JS slice-by-8, 1 MiB', MiB, () => { crcSlice8(probe); }),
];
for (const [name, c] of Object.entries({ none: CompressionType.None, gzip: CompressionType.Gzip, snappy: CompressionType.Snappy, lz4: CompressionType.Lz4, zstd: CompressionType.Zstd })) {
  const encoded = encodeBatch({ records: oneRecords, compression: c });
  results.push(measure(`encodeBatch 1 MiB, ${name} (-> ${(encoded.length / 1024).toFixed(0)} KiB)`, one.length, () => { encodeBatch({ records: oneRecords, compression: c }); }));
  results.push(measure(`decodeBatch 1 MiB, ${name}`, one.length, () => { decodeBatch(encoded); }));
  // What a compacted topic adds to Produce: find records without a key (decompressing first).
  results.push(measure(`compacted-topic key check 1 MiB, ${name}`, one.length, () => { keylessRecordIndexes(encoded); }));
}
report('records', results);
const copy = results[0].mbPerSec;
const ratio = copy / results[1].mbPerSec;
console.log(`\nappend path (16 x 64 KiB) is ${ratio.toFixed(2)}x slower than Buffer.copy (target: within 3x) -> ${ratio <= 3 ? 'met' : 'not met'}`);
