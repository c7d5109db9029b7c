// fast-check arbitraries built from the generated schema descriptions: a value of any message at any version.
import fc from 'fast-check';
import type { FieldSchema, MessageSchema, Range } from '../src/generated/schemas.js';

const inRange = (r: Range | undefined, v: number): boolean => r != null && v >= r[0] && v <= r[1];

export function isFieldPresent(m: MessageSchema, f: FieldSchema, v: number): boolean {
  if (!inRange(f.versions, v)) return false;
  if (f.tag !== undefined) return inRange(f.tagged, v) && inRange(m.flexible, v);
  return true;
}

function primitive(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'bool': return fc.boolean();
    case 'int8': return fc.integer({ min: -128, max: 127 });
    case 'int16': return fc.integer({ min: -32768, max: 32767 });
    case 'uint16': return fc.integer({ min: 0, max: 65535 });
    case 'int32': return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    case 'int64': return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'float64': return fc.double();
    case 'string': return fc.string({ maxLength: 12, unit: 'grapheme' });
    case 'uuid': return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64url'));
    case 'bytes': case 'records': return fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b));
    default: throw new Error(`unknown primitive ${name}`);
  }
}

export function messageArbitrary(m: MessageSchema, v: number): fc.Arbitrary<Record<string, unknown>> {
  const struct = (fields: readonly FieldSchema[], depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const rec: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) {
      if (!isFieldPresent(m, f, v)) continue;
      let a: fc.Arbitrary<unknown>;
      const structName = /^(?:\[\])?\{(\w+)\}$/.exec(f.type)?.[1];
      const el = structName !== undefined
        ? struct(m.structs[structName] ?? [], depth + 1)
        : primitive(f.type.replace(/^\[\]/, ''));
      a = f.type.startsWith('[]') ? fc.array(el, { maxLength: depth > 2 ? 1 : 3 }) : el;
      if (inRange(f.nullable, v)) a = fc.option(a, { nil: null, freq: 4 });
      rec[f.name] = a;
    }
    return fc.record(rec) as fc.Arbitrary<Record<string, unknown>>;
  };
  return struct(m.fields, 0);
}

export function versionsOf(m: MessageSchema): number[] {
  const out: number[] = [];
  if (m.versions === null) return out;
  for (let v = m.versions[0]; v <= m.versions[1]; v++) out.push(v);
  return out;
}

/** Every key of `expected` (recursively) has an equal value in `actual`. */
export function assertSubset(expected: unknown, actual: unknown, path = '$'): void {
  if (expected === null || typeof expected !== 'object' || Buffer.isBuffer(expected)) {
    const same = Buffer.isBuffer(expected)
      ? Buffer.isBuffer(actual) && expected.equals(actual)
      : Object.is(expected, actual);
    if (!same) throw new Error(`${path}: expected ${String(expected)}, got ${String(actual)}`);
    return;
  }
  if (actual === null || typeof actual !== 'object') throw new Error(`${path}: expected an object, got ${String(actual)}`);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) throw new Error(`${path}: array length differs`);
    expected.forEach((e, i) => assertSubset(e, actual[i], `${path}[${i}]`));
    return;
  }
  for (const [k, e] of Object.entries(expected)) assertSubset(e, (actual as Record<string, unknown>)[k], `${path}.${k}`);
}
