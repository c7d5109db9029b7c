// Valid request frames of every (api, version) the broker serves, built from the generated
// schema descriptions (SCHEMAS) with fast-check, as packages/protocol/test/arbitraries.ts does.
// Values lean towards names and numbers the broker knows (an existing topic and partition, small
// counts) so that requests reach deep into handlers instead of all failing at the first lookup.
import fc from 'fast-check';
import { encodeBatch, encodeRequest } from '@tideline/protocol';
import { SCHEMAS, type FieldSchema, type MessageSchema } from '@tideline/protocol/internal';

type Range = readonly [number, number] | null;
const inRange = (r: Range | undefined, v: number): boolean => r != null && v >= r[0] && v <= r[1];

function isFieldPresent(m: MessageSchema, f: FieldSchema, v: number): boolean {
  if (!inRange(f.versions, v)) return false;
  if (f.tag !== undefined) return inRange(f.tagged, v) && inRange(m.flexible, v);
  return true;
}

export interface CorpusHints {
  /** Names used for most string fields (topics, groups, ids). */
  names: readonly string[];
}

const intIn = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof({ arbitrary: fc.integer({ min: -1, max: 3 }), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 1 });

function primitive(name: string, hints: CorpusHints): fc.Arbitrary<unknown> {
  switch (name) {
    case 'bool': return fc.boolean();
    case 'int8': return intIn(-128, 127);
    case 'int16': return intIn(-32768, 32767);
    case 'uint16': return fc.integer({ min: 0, max: 65535 });
    case 'int32': return intIn(-(2 ** 31), 2 ** 31 - 1);
    case 'int64': return fc.oneof(fc.bigInt({ min: -1n, max: 3n }), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }));
    case 'float64': return fc.double();
    case 'string': return fc.oneof({ arbitrary: fc.constantFrom(...hints.names), weight: 3 }, { arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }), weight: 1 });
    case 'uuid': return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64url'));
    case 'bytes': return fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b));
    case 'records': return fc.oneof(
      fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b)),
      fc.array(fc.record({ key: fc.option(fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)), { nil: null }), value: fc.uint8Array({ maxLength: 32 }).map((b) => Buffer.from(b)) }), { minLength: 1, maxLength: 4 })
        .map((records) => encodeBatch({ records })),
    );
    default: throw new Error(`unknown primitive ${name}`);
  }
}

export function requestArbitrary(m: MessageSchema, v: number, hints: CorpusHints): fc.Arbitrary<Record<string, unknown>> {
  const struct = (fields: readonly FieldSchema[], depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const rec: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) {
      if (!isFieldPresent(m, f, v)) continue;
      const structName = /^(?:\[\])?\{(\w+)\}$/.exec(f.type)?.[1];
      const el = structName !== undefined ? struct(m.structs[structName] ?? [], depth + 1) : primitive(f.type.replace(/^\[\]/, ''), hints);
      let a = f.type.startsWith('[]') ? fc.array(el, { maxLength: depth > 2 ? 1 : 3 }) : el;
      if (inRange(f.nullable, v)) a = fc.option(a, { nil: null, freq: 6 });
      rec[f.name] = a;
    }
    return fc.record(rec) as fc.Arbitrary<Record<string, unknown>>;
  };
  return struct(m.fields, 0);
}

export interface CorpusFrame {
  apiKey: number;
  version: number;
  flexible: boolean;
  /** The whole frame, size prefix included. */
  bytes: Buffer;
}

type AnyEncode = (apiKey: number, version: number, correlationId: number, clientId: string | null, body: unknown) => Buffer[];
const encodeAny = encodeRequest as unknown as AnyEncode;

/** `perVersion` valid frames for every served (api, version) pair that has a request schema. */
export function buildCorpus(
  served: ReadonlyArray<{ apiKey: number; minVersion: number; maxVersion: number }>,
  opts: { perVersion: number; seed: number; hints: CorpusHints },
): CorpusFrame[] {
  const out: CorpusFrame[] = [];
  let id = 1;
  for (const s of served) {
    const m = SCHEMAS.find((x) => x.kind === 'request' && x.apiKey === s.apiKey);
    if (m === undefined) continue;
    for (let v = s.minVersion; v <= s.maxVersion; v++) {
      if (!inRange(m.versions, v)) continue;
      const values = fc.sample(requestArbitrary(m, v, opts.hints), { numRuns: opts.perVersion, seed: opts.seed + s.apiKey * 1000 + v });
      for (const body of values) {
        try {
          const bytes = Buffer.concat(encodeAny(s.apiKey, v, id++, 'fuzz', body));
          out.push({ apiKey: s.apiKey, version: v, flexible: inRange(m.flexible, v), bytes });
        } catch {
          // a value the encoder refuses (e.g. a string too long for its length prefix): skip it
        }
      }
    }
  }
  return out;
}
