// Every generated message at every valid version: encode -> decode -> encode is byte-identical and
// the decoded value equals the input.
import { test } from 'node:test';
import fc from 'fast-check';
import { Reader, Writer } from '../src/index.js';
import { SCHEMAS, type MessageSchema } from '../src/generated/schemas.js';
import { assertSubset, messageArbitrary, versionsOf } from './arbitraries.js';

const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 25);

function encode(m: MessageSchema, v: number, value: unknown): Buffer {
  const w = new Writer(64);
  m.write(w, v, value as never);
  return w.toBuffer();
}

for (const m of SCHEMAS) {
  test(`round trip ${m.name} at every version`, () => {
    for (const v of versionsOf(m)) {
      fc.assert(
        fc.property(messageArbitrary(m, v), (x) => {
          const bytes = encode(m, v, x);
          const r = new Reader(bytes);
          const y = m.read(r, v);
          if (r.remaining !== 0) throw new Error(`v${v}: ${r.remaining} bytes left unread`);
          assertSubset(x, y);
          const again = encode(m, v, y);
          if (!again.equals(bytes)) throw new Error(`v${v}: re-encoding differs`);
        }),
        { numRuns: RUNS },
      );
    }
  });
}
