// Hostile record batches: truncated, bit-flipped (with and without a re-computed CRC, so the
// record parser and the codecs see the damage), oversized and negative lengths, random bytes and
// decompression bombs. Every outcome is a valid decode or ProtocolError('CORRUPT_MESSAGE'):
// never another error, never a hang, never output past the decompression cap.
// FUZZ_RUNS sets the number of cases per property (default keeps the file under a few seconds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { ProtocolError } from '../src/codec/errors.js';
import { CompressionType, decodeBatch, decodeBatches, decompress, encodeBatch, validateBatchForAppend, writeBatchCrc, compress } from '../src/records/index.js';
import { javaBatches } from './records-fixtures/java-fixtures.js';

// Under CI, 8 properties x 15k cases: >= 100k hostile batches in all.
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI === 'true' ? 15_000 : 3000));
const CAP = 256 * 1024;
const CODECS = [CompressionType.None, CompressionType.Gzip, CompressionType.Snappy, CompressionType.Lz4, CompressionType.Zstd];

function corpus(): Buffer[] {
  const out: Buffer[] = javaBatches.map((b) => Buffer.from(b.hex, 'hex'));
  for (const compression of CODECS) {
    const records = [];
    for (let i = 0; i < 12; i++) {
      records.push({
        key: i % 4 === 0 ? null : Buffer.from(`key-${i}`),
        value: i % 5 === 2 ? null : Buffer.alloc(i * 40, i),
        headers: i % 2 === 0 ? [] : [{ key: `h${i}`, value: i % 3 === 0 ? null : Buffer.from('v') }],
        timestamp: 1000n + BigInt(i * 1000),
      });
    }
    out.push(encodeBatch({ compression, records, producerId: 5n, producerEpoch: 1, baseSequence: 0 }));
    out.push(encodeBatch({ compression, records: [{ value: Buffer.alloc(70_000, 3) }] }));
  }
  return out;
}

const CORPUS = corpus();

/** Runs `fn`; the only acceptable failure is CORRUPT_MESSAGE. Returns the decoded bytes' size. */
function survives(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProtocolError && err.kafkaError === 'CORRUPT_MESSAGE') return;
    throw err;
  }
}

function decodeBounded(buf: Buffer): void {
  survives(() => {
    const { records } = decodeBatch(buf, { maxDecompressedBytes: CAP });
    let bytes = 0;
    for (const r of records) bytes += (r.key?.length ?? 0) + (r.value?.length ?? 0);
    assert.ok(bytes <= Math.max(CAP, buf.length), `decoded ${bytes} bytes past the cap`);
  });
  survives(() => decodeBatches(buf, { maxDecompressedBytes: CAP }));
  survives(() => validateBatchForAppend(buf));
}

const sample = fc.integer({ min: 0, max: CORPUS.length - 1 }).map((i) => CORPUS[i]!);

test('truncated batches are CORRUPT_MESSAGE', () => {
  fc.assert(
    fc.property(sample, fc.nat(), (buf, n) => {
      const cut = buf.subarray(0, n % buf.length);
      assert.throws(() => decodeBatch(cut), (e) => e instanceof ProtocolError && e.kafkaError === 'CORRUPT_MESSAGE');
      survives(() => decodeBatches(cut));
    }),
    { numRuns: RUNS },
  );
});

test('bit flips without a new CRC never decode as something else', () => {
  fc.assert(
    fc.property(sample, fc.nat(), fc.integer({ min: 0, max: 7 }), (buf, at, bit) => {
      const copy = Buffer.from(buf);
      const pos = at % copy.length;
      copy[pos]! ^= 1 << bit;
      if (pos >= 17) {
        // CRC'd range (or the CRC itself): the batch must be rejected.
        assert.throws(() => decodeBatch(copy), (e) => e instanceof ProtocolError && e.kafkaError === 'CORRUPT_MESSAGE');
      } else {
        decodeBounded(copy);
      }
    }),
    { numRuns: RUNS },
  );
});

test('damage behind a valid CRC reaches the parser and codecs safely', () => {
  fc.assert(
    fc.property(
      sample,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
      (buf, edits) => {
        const copy = Buffer.from(buf);
        for (const [at, v] of edits) copy[21 + (at % (copy.length - 21))] = v;
        writeBatchCrc(copy, 0, copy.length);
        decodeBounded(copy);
      },
    ),
    { numRuns: RUNS },
  );
});

test('hostile header fields: lengths, counts, codecs', () => {
  const fields = fc.oneof(
    fc.record({ off: fc.constant(8), v: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) }), // batchLength
    fc.record({ off: fc.constant(57), v: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) }), // recordsCount
    fc.record({ off: fc.constant(23), v: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }) }), // lastOffsetDelta
  );
  fc.assert(
    fc.property(sample, fields, fc.integer({ min: 0, max: 7 }), fc.boolean(), (buf, f, codec, resetCodec) => {
      const copy = Buffer.from(buf);
      copy.writeInt32BE(f.v, f.off);
      if (resetCodec) copy.writeInt16BE((copy.readInt16BE(21) & ~7) | codec, 21);
      if (f.off !== 8) writeBatchCrc(copy, 0, copy.length);
      decodeBounded(copy);
    }),
    { numRuns: RUNS },
  );
});

test('random records sections under a valid header', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: -3, max: 2 ** 31 - 1 }), (body, codec, count) => {
      const header = encodeBatch({ records: [] });
      const buf = Buffer.concat([header, body]);
      buf.writeInt32BE(buf.length - 12, 8);
      buf.writeInt16BE(codec, 21);
      buf.writeInt32BE(count, 57);
      writeBatchCrc(buf, 0, buf.length);
      decodeBounded(buf);
    }),
    { numRuns: RUNS },
  );
});

test('random and mutated compressed streams fed straight to every codec', () => {
  const samples = CODECS.slice(1).map((c) => ({ c, data: compress(c, Buffer.alloc(50_000, 'tideline ')) }));
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: samples.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
      fc.nat(),
      fc.uint8Array({ maxLength: 64 }),
      (i, edits, cut, junk) => {
        const { c, data } = samples[i]!;
        const copy = Buffer.from(data);
        for (const [at, v] of edits) copy[at % copy.length] = v;
        survives(() => assert.ok(decompress(c, copy.subarray(0, 1 + (cut % copy.length)), CAP).length <= CAP));
        survives(() => assert.ok(decompress(c, Buffer.from(junk), CAP).length <= CAP));
      },
    ),
    { numRuns: RUNS },
  );
});

test('decompression bombs stop at the cap in every codec', () => {
  const big = Buffer.alloc(8 * 1024 * 1024); // 8 MiB of zeros
  for (const c of CODECS.slice(1)) {
    const packed = compress(c, big);
    assert.ok(packed.length < 1024 * 1024, `codec ${c} packs the bomb`);
    assert.throws(() => decompress(c, packed, 1024 * 1024), (e) => e instanceof ProtocolError && e.kafkaError === 'CORRUPT_MESSAGE', `codec ${c}`);
    assert.equal(decompress(c, packed, big.length).length, big.length);
  }
  // A gzip stream concatenated many times (multi-member) is still capped.
  const member = gzipSync(Buffer.alloc(1024 * 1024));
  assert.throws(() => decompress(CompressionType.Gzip, Buffer.concat(Array(40).fill(member)), 4 * 1024 * 1024));
});

test('decodeBatches over random bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => survives(() => decodeBatches(Buffer.from(bytes)))),
    { numRuns: RUNS },
  );
});
