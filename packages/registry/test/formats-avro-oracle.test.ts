// The Avro compatibility oracle: every case of test/fixtures/avro-compat.ts is judged by our
// checker and, in one JVM run, by Apache Avro's own org.apache.avro.SchemaCompatibility (the
// Maven artifact .ci/provision.sh puts under <cache>/jars/avro). Both must give the table's answer,
// with the same incompatibilities (type and location, in order);
// Avro's Parsing Canonical Form and CRC-64-AVRO fingerprint of each reader schema must match ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir, isCI, jsonLines, repoRoot, run } from '@tideline/interop';
import { avroFingerprint, avroReadable, avroType, parseSchema, parsingCanonicalForm } from '../src/index.js';
import { AVRO_CASES } from './fixtures/avro-compat.js';

function oursFull(reader: unknown, writer: unknown): [string, string][] {
  const r = parseSchema('AVRO', JSON.stringify(reader), []);
  const w = parseSchema('AVRO', JSON.stringify(writer), []);
  return avroReadable(avroType(r), avroType(w)).map((i) => [i.type, i.location]);
}

function ours(reader: unknown, writer: unknown): string[] {
  return oursFull(reader, writer).map(([type]) => type);
}

test(`avro oracle table: ${AVRO_CASES.length} cases, our checker gives the recorded answer`, () => {
  assert.ok(AVRO_CASES.length >= 100);
  assert.equal(new Set(AVRO_CASES.map((c) => c.id)).size, AVRO_CASES.length, 'case ids are unique');
  const wrong: string[] = [];
  for (const c of AVRO_CASES) {
    const found = ours(c.reader, c.writer);
    if ((found.length === 0) !== c.compatible || (!c.compatible && found[0] !== c.why)) {
      wrong.push(`${c.id}: expected ${c.compatible ? 'compatible' : c.why ?? 'incompatible'}, got [${found.join(', ')}]`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('avro oracle: Apache Avro SchemaCompatibility agrees case by case (one JVM)', async (t) => {
  const jars = join(cacheDir(), 'jars', 'avro');
  if (!existsSync(join(jars, 'avro-1.12.0.jar'))) {
    const why = `Apache Avro jars missing under ${jars} (run .ci/provision.sh)`;
    if (isCI()) throw new Error(why);
    t.skip(why);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tideline-avro-oracle-'));
  try {
    const file = join(dir, 'cases.json');
    writeFileSync(file, JSON.stringify(AVRO_CASES.map(({ id, reader, writer }) => ({ id, reader, writer }))));
    const source = join(repoRoot(), 'packages', 'registry', 'test', 'java', 'AvroCompat.java');
    const r = await run('java', ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-cp', join(jars, '*'), source, file], { timeoutMs: 120_000 });
    const rows = new Map(jsonLines(r.stdout).map((row) => [String(row['id']), row]));
    assert.equal(rows.size, AVRO_CASES.length, 'one answer per case');
    let agree = 0;
    const disagree: string[] = [];
    for (const c of AVRO_CASES) {
      const row = rows.get(c.id);
      assert.ok(row, c.id);
      assert.equal(row['error'], undefined, `${c.id}: Avro refused the case: ${String(row['error'])}`);
      const javaTypes = row['types'] as string[];
      const javaLocations = row['locations'] as string[];
      const java = JSON.stringify(javaTypes.map((type, k) => [type, javaLocations[k]]));
      const found = oursFull(c.reader, c.writer);
      // The same verdict, and the same incompatibilities (type and location) in the same order.
      const sameAnswer = row['compatible'] === (found.length === 0) && row['compatible'] === c.compatible;
      const sameReasons = JSON.stringify(found) === java && (c.compatible || javaTypes[0] === c.why);
      if (sameAnswer && sameReasons) agree++;
      else disagree.push(`${c.id}: avro ${String(row['compatible'])} ${java}, ours ${JSON.stringify(found)}, table ${String(c.compatible)}`);
      const reader = parseSchema('AVRO', JSON.stringify(c.reader), []);
      assert.equal(parsingCanonicalForm(reader), row['readerCanonical'], `${c.id}: Parsing Canonical Form`);
      const fp = avroFingerprint(reader, 'CRC-64-AVRO').readBigUInt64LE().toString(16);
      assert.equal(fp, row['readerFingerprint'], `${c.id}: CRC-64-AVRO fingerprint`);
    }
    t.diagnostic(`Apache Avro 1.12.0 agrees on ${agree} of ${AVRO_CASES.length} cases`);
    assert.deepEqual(disagree, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
