// Hostile input: truncated, bit-flipped, length-corrupted and random frames make every decoder
// throw a typed ProtocolError (or decode something valid); never another error, never a hang, and
// never more output than the frame's own bytes can describe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Reader, Writer, ProtocolError, decodeRequest } from '../src/index.js';
import { SCHEMAS } from '../src/generated/schemas.js';
import { messageArbitrary, versionsOf } from './arbitraries.js';

const CASES = Number(process.env.FUZZ_RUNS ?? (process.env.CI === 'true' ? 100_000 : 20_000));

interface Sample { schema: (typeof SCHEMAS)[number]; version: number; bytes: Buffer }

/** Valid encodings of every message at every version, to mutate. */
function corpus(): Sample[] {
  const out: Sample[] = [];
  for (const schema of SCHEMAS) {
    for (const version of versionsOf(schema)) {
      for (const value of fc.sample(messageArbitrary(schema, version), { numRuns: 2, seed: version * 7919 + schema.name.length })) {
        const w = new Writer(64);
        schema.write(w, version, value as never);
        out.push({ schema, version, bytes: w.toBuffer() });
      }
    }
  }
  return out;
}

/** Counts array elements in a decoded value (each array length was checked against the bytes left). */
function decodedSize(v: unknown, depth = 0): number {
  if (depth > 64) throw new Error('decoded value nested too deep');
  if (Array.isArray(v)) return v.reduce((n: number, e) => n + decodedSize(e, depth + 1), v.length);
  if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
    return Object.values(v).reduce((n: number, e) => n + decodedSize(e, depth + 1), 0);
  }
  return 0;
}

function decodeOrTypedError(s: Sample, bytes: Buffer): void {
  try {
    const r = new Reader(bytes);
    const value = s.schema.read(r, s.version);
    // Arrays are sized from the input and checked against the bytes that remain, so the
    // number of decoded containers is bounded by the frame length.
    assert.ok(decodedSize(value) <= bytes.length * 8, `${s.schema.name} v${s.version}: output larger than input`);
  } catch (err) {
    if (!(err instanceof ProtocolError)) {
      throw new Error(`${s.schema.name} v${s.version}: ${String(err)} is not a ProtocolError (input ${bytes.toString('hex').slice(0, 200)})`);
    }
  }
}

test(`hostile frames: ${CASES} mutated encodings of every message decode or throw ProtocolError`, () => {
  const samples = corpus();
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ kind: fc.constant('overwrite' as const), at: fc.nat(), value: fc.constantFrom(0x00, 0x7f, 0x80, 0xff, 0xfe) }),
    fc.record({ kind: fc.constant('length' as const), at: fc.nat(), value: fc.constantFrom(-1, -2, 0x7fffffff, -0x80000000, 0x10000) }),
    fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 64 }) }),
  );
  fc.assert(
    fc.property(fc.nat({ max: samples.length - 1 }), mutation, (i, m) => {
      const s = samples[i]!;
      let bytes = Buffer.from(s.bytes);
      if (m.kind === 'random') bytes = Buffer.from(m.bytes);
      else if (bytes.length === 0) return;
      else if (m.kind === 'truncate') bytes = bytes.subarray(0, m.at % bytes.length);
      else if (m.kind === 'flip') bytes[m.at % bytes.length]! ^= 1 << m.bit;
      else if (m.kind === 'overwrite') bytes[m.at % bytes.length] = m.value;
      else if (bytes.length >= 4) bytes.writeInt32BE(m.value, m.at % (bytes.length - 3));
      decodeOrTypedError(s, bytes);
    }),
    { numRuns: CASES },
  );
});

test('request frames with corrupt headers throw ProtocolError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 96 }), (b) => {
      try {
        decodeRequest(Buffer.from(b));
      } catch (err) {
        assert.ok(err instanceof ProtocolError, String(err));
      }
    }),
    { numRuns: Math.max(1000, CASES / 10) },
  );
});

test('a huge declared array length does not allocate before checking the bytes', () => {
  // Metadata request v0: topics array with length 2^31-1 and nothing after it.
  const bytes = Buffer.from([0x7f, 0xff, 0xff, 0xff]);
  const schema = SCHEMAS.find((s) => s.name === 'MetadataRequest')!;
  const before = process.memoryUsage().arrayBuffers;
  assert.throws(() => schema.read(new Reader(bytes), 0), ProtocolError);
  assert.ok(process.memoryUsage().arrayBuffers - before < 1 << 20);
});
