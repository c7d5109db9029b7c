// Record batches (magic v2): round trips for every codec, a hand-checked byte layout, batches
// written by Kafka's Java client, control markers, batch walking and the broker's append checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ProtocolError } from '../src/codec/errors.js';
import {
  CompressionType,
  controlBatch,
  decodeBatch,
  decodeBatches,
  encodeBatch,
  isBatchCrcValid,
  parseControlRecord,
  type RecordInput,
  setBaseOffset,
  validateBatchForAppend,
  type DecodedRecord,
} from '../src/records/index.js';
import { javaBatches } from './records-fixtures/java-fixtures.js';
import { crc32cTable } from './records-fixtures/crc32c-js.js';

// Round trips scale with FUZZ_RUNS too, at a fiftieth (each case encodes and decodes a whole batch).
const RUNS = process.env.FUZZ_RUNS === undefined ? 200 : Math.max(200, Math.floor(Number(process.env.FUZZ_RUNS) / 50));
const CODECS = [CompressionType.None, CompressionType.Gzip, CompressionType.Snappy, CompressionType.Lz4, CompressionType.Zstd];

const bytesArb = fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b));
const recordArb: fc.Arbitrary<RecordInput> = fc.record(
  {
    key: fc.option(bytesArb, { nil: null }),
    value: fc.option(fc.oneof(bytesArb, fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b))), { nil: null }),
    headers: fc.array(fc.record({ key: fc.string({ maxLength: 8, unit: 'grapheme' }), value: fc.option(bytesArb, { nil: null }) }), { maxLength: 3 }),
    timestamp: fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }),
  },
  { requiredKeys: ['value'] },
);

const isCorrupt = (e: unknown): boolean => e instanceof ProtocolError && e.kafkaError === 'CORRUPT_MESSAGE';

function sameRecord(got: DecodedRecord, want: RecordInput, baseOffset: bigint, index: number, baseTimestamp: bigint): void {
  assert.deepEqual(got.key, want.key ?? null);
  assert.deepEqual(got.value, want.value);
  assert.deepEqual(got.headers, (want.headers ?? []).map((h) => ({ key: h.key, value: h.value })));
  assert.equal(got.offset, baseOffset + BigInt(want.offsetDelta ?? index));
  assert.equal(got.timestamp, want.timestamp ?? baseTimestamp);
}

for (const compression of CODECS) {
  test(`round trip: codec ${CompressionType[compression]}`, () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 30 }),
        fc.bigInt({ min: 0n, max: 2n ** 62n }),
        fc.integer({ min: -1, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (records, baseOffset, epoch, transactional) => {
          const buf = encodeBatch({ records, baseOffset, compression, partitionLeaderEpoch: epoch, transactional, producerId: 12n, producerEpoch: 3, baseSequence: 9 });
          assert.ok(isBatchCrcValid(buf));
          const { header, records: got } = decodeBatch(buf);
          assert.equal(header.baseOffset, baseOffset);
          assert.equal(header.partitionLeaderEpoch, epoch);
          assert.equal(header.attributes & 7, compression);
          assert.equal((header.attributes & 0x10) !== 0, transactional);
          assert.equal(header.recordsCount, records.length);
          assert.equal(header.producerId, 12n);
          assert.equal(header.producerEpoch, 3);
          assert.equal(header.baseSequence, 9);
          assert.equal(got.length, records.length);
          if (records.length > 0) {
            assert.equal(header.lastOffsetDelta, records.length - 1);
            const ts = records.map((r) => r.timestamp ?? header.baseTimestamp);
            assert.equal(header.maxTimestamp, ts.reduce((m, t) => (t > m ? t : m)));
            validateBatchForAppend(buf);
          }
          got.forEach((r, i) => sameRecord(r, records[i]!, baseOffset, i, header.baseTimestamp));
        },
      ),
      { numRuns: RUNS },
    );
  });
}

test('round trip: large compressible batch (1 MiB) in every codec', () => {
  const records: RecordInput[] = [];
  for (let i = 0; i < 1024; i++) records.push({ key: Buffer.from(`k${i}`), value: Buffer.alloc(1024, i & 0xff), timestamp: 1000n + BigInt(i) });
  for (const compression of CODECS) {
    const buf = encodeBatch({ records, compression });
    const { records: got } = decodeBatch(buf);
    assert.equal(got.length, 1024);
    assert.deepEqual(got[1023]!.value, Buffer.alloc(1024, 1023 & 0xff));
    if (compression !== CompressionType.None) {
      assert.throws(() => decodeBatch(buf, { maxDecompressedBytes: 512 * 1024 }), isCorrupt, `cap for ${compression}`);
    }
  }
});

test('known answer: one record, hand-checked against the v2 layout', () => {
  const buf = encodeBatch({
    baseOffset: 5n,
    partitionLeaderEpoch: 1,
    baseTimestamp: 1000n,
    records: [{ key: Buffer.from('k'), value: Buffer.from('v'), headers: [{ key: 'h', value: null }], timestamp: 1002n }],
  });
  // record: length 11 (zigzag 0x16) | attrs 00 | tsDelta 2 (04) | offsetDelta 0 (00) | key len 1 (02) 'k'
  //         | value len 1 (02) 'v' | 1 header (02) | key len 1 (02) 'h' | value null (01)
  const record = '16' + '00' + '04' + '00' + '02' + '6b' + '02' + '76' + '02' + '02' + '68' + '01';
  const afterCrc =
    '0000' + // attributes: no codec, CreateTime, not transactional, not control
    '00000000' + // lastOffsetDelta
    '00000000000003e8' + // baseTimestamp 1000
    '00000000000003ea' + // maxTimestamp 1002
    'ffffffffffffffff' + // producerId -1
    'ffff' + // producerEpoch -1
    'ffffffff' + // baseSequence -1
    '00000001' + // records count
    record;
  const crc = crc32cTable(Buffer.from(afterCrc, 'hex')).toString(16).padStart(8, '0');
  const expected =
    '0000000000000005' + // baseOffset
    '0000003d' + // batchLength 61 = 73 - 12
    '00000001' + // partitionLeaderEpoch
    '02' + // magic
    crc +
    afterCrc;
  assert.equal(buf.toString('hex'), expected);
  assert.equal(buf.length, 73);
});

test('pure-JS CRC32C agrees with the check value and with @node-rs/crc32 via the batch CRC', () => {
  assert.equal(crc32cTable(Buffer.from('123456789')), 0xe3069283);
});

test('decodes every batch written by the Java client', () => {
  for (const { name, hex } of javaBatches) {
    const { header, records } = decodeBatch(Buffer.from(hex, 'hex'));
    if (name === 'commit' || name === 'abort') {
      assert.equal(records.length, 1);
      assert.equal(header.attributes & 0x30, 0x30);
      const marker = parseControlRecord(records[0]!);
      assert.equal(marker.type, name);
      assert.equal(marker.coordinatorEpoch, name === 'commit' ? 17 : 18);
      assert.equal(header.producerId, 9001n);
      continue;
    }
    assert.equal(header.baseOffset, 100n);
    assert.equal(header.partitionLeaderEpoch, 5);
    assert.equal(header.producerId, 4242n);
    assert.equal(header.producerEpoch, 7);
    assert.equal(header.baseSequence, 11);
    assert.equal(records.length, 20);
    records.forEach((r, i) => {
      assert.equal(r.offset, 100n + BigInt(i));
      assert.equal(r.timestamp, 1700000000000n + BigInt(i * 13) - (i === 4 ? 5000n : 0n));
      assert.deepEqual(r.key, i % 5 === 0 ? null : Buffer.from(`key-${i}`));
      assert.deepEqual(r.value, i % 7 === 3 ? null : Buffer.from(`value-${i}-${'x'.repeat(i * 3)}`));
      const headers = i % 3 === 0 ? [] : [{ key: `h${i}`, value: Buffer.from(`hv${i}`) }, { key: 'nullh', value: null }];
      assert.deepEqual(r.headers, headers);
    });
    validateBatchForAppend(Buffer.from(hex, 'hex'));
  }
});

test('our LZ4 frames use the layout the Java client reads: independent blocks, no checksums', () => {
  const buf = encodeBatch({ compression: CompressionType.Lz4, records: [{ value: Buffer.alloc(1000, 1) }] });
  const frame = buf.subarray(61);
  assert.equal(frame.readUInt32LE(0), 0x184d2204);
  assert.equal(frame[4]! & 0xc0, 0x40, 'version 01');
  assert.equal(frame[4]! & 0x20, 0x20, 'block independence');
  assert.equal(frame[4]! & 0x1d, 0, 'no block checksum, content size, content checksum or dict id');
});

test('control batches: commit and abort markers byte-identical to the Java client', () => {
  for (const { name, hex } of javaBatches.filter((b) => b.name === 'commit' || b.name === 'abort')) {
    const ours = controlBatch({
      type: name as 'commit' | 'abort',
      producerId: 9001n,
      producerEpoch: 2,
      coordinatorEpoch: name === 'commit' ? 17 : 18,
      baseOffset: name === 'commit' ? 77n : 78n,
      partitionLeaderEpoch: 3,
      timestamp: name === 'commit' ? 1700000000123n : 1700000000124n,
    });
    assert.equal(ours.toString('hex'), hex);
  }
  assert.equal(parseControlRecord({ key: Buffer.from('00000005', 'hex'), value: null }).type, 'other');
  assert.throws(() => parseControlRecord({ key: Buffer.from('0000', 'hex'), value: null }), isCorrupt);
  assert.throws(() => parseControlRecord({ key: Buffer.from('00000001', 'hex'), value: Buffer.alloc(2) }), isCorrupt);
});

test('decodeBatches walks concatenated batches and ignores a partial trailing batch', () => {
  const a = encodeBatch({ baseOffset: 0n, records: [{ value: Buffer.from('a') }, { value: Buffer.from('b') }] });
  const b = encodeBatch({ baseOffset: 2n, compression: CompressionType.Zstd, records: [{ value: Buffer.from('c') }] });
  const c = encodeBatch({ baseOffset: 3n, records: [{ value: Buffer.from('d') }] });
  const all = Buffer.concat([a, b, c]);
  assert.deepEqual(decodeBatches(all).map((x) => x.records.map((r) => r.offset)), [[0n, 1n], [2n], [3n]]);
  for (let cut = all.length - c.length; cut < all.length; cut++) {
    assert.equal(decodeBatches(all.subarray(0, cut)).length, 2, `cut at ${cut}`);
  }
  assert.equal(decodeBatches(Buffer.alloc(0)).length, 0);
});

test('setBaseOffset keeps the CRC valid; decodeBatch rejects trailing bytes and bad CRCs', () => {
  const buf = encodeBatch({ records: [{ value: Buffer.from('x') }] });
  setBaseOffset(buf, 123456789n);
  assert.equal(decodeBatch(buf).records[0]!.offset, 123456789n);
  assert.throws(() => decodeBatch(Buffer.concat([buf, Buffer.alloc(1)])), isCorrupt);
  const bad = Buffer.from(buf);
  bad[bad.length - 1]! ^= 1;
  assert.throws(() => decodeBatch(bad), isCorrupt);
});

test('LogAppendTime batches report the max timestamp for every record', () => {
  const buf = encodeBatch({ timestampType: 'logAppend', baseTimestamp: 10n, records: [{ value: null, timestamp: 10n }, { value: null, timestamp: 50n }] });
  const { records } = decodeBatch(buf);
  assert.deepEqual(records.map((r) => r.timestamp), [50n, 50n]);
});

test('validateBatchForAppend: the broker checks', () => {
  const good = encodeBatch({ records: [{ value: Buffer.from('x') }, { value: Buffer.from('y') }] });
  assert.equal(validateBatchForAppend(good).recordsCount, 2);
  const resign = (b: Buffer): Buffer => {
    const copy = Buffer.from(b);
    copy.writeUInt32BE(crc32cTable(copy.subarray(21)), 17);
    return copy;
  };
  const mutate = (off: number, write: (b: Buffer) => void): Buffer => {
    const copy = Buffer.from(good);
    write(copy);
    return off >= 21 ? resign(copy) : copy;
  };
  assert.throws(() => validateBatchForAppend(mutate(16, (b) => b.writeInt8(1, 16))), isCorrupt, 'magic');
  assert.throws(() => validateBatchForAppend(mutate(23, (b) => b.writeInt32BE(5, 23))), isCorrupt, 'lastOffsetDelta');
  assert.throws(() => validateBatchForAppend(mutate(57, (b) => b.writeInt32BE(0, 57))), isCorrupt, 'count 0');
  assert.throws(() => validateBatchForAppend(mutate(57, (b) => b.writeInt32BE(-1, 57))), isCorrupt, 'count -1');
  assert.throws(() => validateBatchForAppend(mutate(21, (b) => b.writeInt16BE(6, 21))), isCorrupt, 'codec 6');
  assert.throws(() => validateBatchForAppend(mutate(8, (b) => b.writeInt32BE(1000, 8))), isCorrupt, 'length');
  assert.throws(() => validateBatchForAppend(mutate(8, (b) => b.writeInt32BE(-5, 8))), isCorrupt, 'negative length');
  assert.throws(() => validateBatchForAppend(Buffer.concat([good, Buffer.alloc(3)])), isCorrupt, 'trailing bytes');
  assert.throws(() => validateBatchForAppend(good.subarray(0, 40)), isCorrupt, 'truncated');
  const flipped = Buffer.from(good);
  flipped[good.length - 1]! ^= 0x10;
  assert.throws(() => validateBatchForAppend(flipped), isCorrupt, 'crc');
});
