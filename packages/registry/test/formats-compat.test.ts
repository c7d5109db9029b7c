// The seven compatibility modes over short version histories, for each format: BACKWARD (the new
// schema reads the latest), FORWARD (the latest reads the new), FULL (both), the transitive forms
// against every earlier version, NONE (always compatible).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPATIBILITY_LEVELS, checkCompatibility, parseSchema, type CompatibilityLevel, type SchemaType } from '../src/index.js';

interface History {
  name: string;
  type: SchemaType;
  versions: string[];
  candidate: string;
  expect: Record<CompatibilityLevel, boolean>;
}

const rec = (fields: unknown[]): string => JSON.stringify({ type: 'record', name: 'customer_returns', namespace: 'shop', fields });
const enumJ = (values: string[]): string => JSON.stringify({ type: 'object', properties: { reason: { enum: values } }, additionalProperties: false });
const p3 = (body: string): string => `syntax = "proto3";\npackage shop;\n${body}\n`;

const HISTORIES: History[] = [
  {
    name: 'avro: the new field lost its default (reads v2, not v1)',
    type: 'AVRO',
    versions: [
      rec([{ name: 'order_id', type: 'string' }]),
      rec([{ name: 'order_id', type: 'string' }, { name: 'return_reason', type: 'string', default: '' }]),
    ],
    candidate: rec([{ name: 'order_id', type: 'string' }, { name: 'return_reason', type: 'string' }]),
    expect: { NONE: true, BACKWARD: true, BACKWARD_TRANSITIVE: false, FORWARD: true, FORWARD_TRANSITIVE: true, FULL: true, FULL_TRANSITIVE: false },
  },
  {
    name: 'avro: a field removed that v1 needs and v2 defaults (v2 reads it, v1 does not)',
    type: 'AVRO',
    versions: [
      rec([{ name: 'order_id', type: 'string' }, { name: 'return_reason', type: 'string' }]),
      rec([{ name: 'order_id', type: 'string' }, { name: 'return_reason', type: 'string', default: '' }]),
    ],
    candidate: rec([{ name: 'order_id', type: 'string' }]),
    expect: { NONE: true, BACKWARD: true, BACKWARD_TRANSITIVE: true, FORWARD: true, FORWARD_TRANSITIVE: false, FULL: true, FULL_TRANSITIVE: false },
  },
  {
    name: 'avro: int promoted to long (new reads old; old cannot read new)',
    type: 'AVRO',
    versions: [rec([{ name: 'qty', type: 'int' }])],
    candidate: rec([{ name: 'qty', type: 'long' }]),
    expect: { NONE: true, BACKWARD: true, BACKWARD_TRANSITIVE: true, FORWARD: false, FORWARD_TRANSITIVE: false, FULL: false, FULL_TRANSITIVE: false },
  },
  {
    name: 'json: enum widened from v2 but narrower than v1',
    type: 'JSON',
    versions: [enumJ(['damaged', 'late', 'wrong']), enumJ(['damaged'])],
    candidate: enumJ(['damaged', 'late']),
    expect: { NONE: true, BACKWARD: true, BACKWARD_TRANSITIVE: false, FORWARD: false, FORWARD_TRANSITIVE: false, FULL: false, FULL_TRANSITIVE: false },
  },
  {
    name: 'json: enum narrowed from v2 but wider than v1',
    type: 'JSON',
    versions: [enumJ(['damaged']), enumJ(['damaged', 'late', 'wrong'])],
    candidate: enumJ(['damaged', 'late']),
    expect: { NONE: true, BACKWARD: false, BACKWARD_TRANSITIVE: false, FORWARD: true, FORWARD_TRANSITIVE: false, FULL: false, FULL_TRANSITIVE: false },
  },
  {
    name: 'json: an unchanged schema is compatible in every mode',
    type: 'JSON',
    versions: [enumJ(['damaged']), enumJ(['damaged'])],
    candidate: enumJ(['damaged']),
    expect: { NONE: true, BACKWARD: true, BACKWARD_TRANSITIVE: true, FORWARD: true, FORWARD_TRANSITIVE: true, FULL: true, FULL_TRANSITIVE: true },
  },
  {
    name: 'protobuf: int64 after int32 (same group) but v1 was sint32',
    type: 'PROTOBUF',
    versions: [p3('message CustomerReturn { sint32 qty = 1; }'), p3('message CustomerReturn { int32 qty = 1; }')],
    candidate: p3('message CustomerReturn { int64 qty = 1; }'),
    expect: { NONE: true, BACKWARD: true, BACKWARD_TRANSITIVE: false, FORWARD: true, FORWARD_TRANSITIVE: false, FULL: true, FULL_TRANSITIVE: false },
  },
  {
    name: 'protobuf: a message added back (new reads old; the latest lacks it)',
    type: 'PROTOBUF',
    versions: [p3('message CustomerReturn { string order_id = 1; }\nmessage Refund { double amount = 1; }'), p3('message CustomerReturn { string order_id = 1; }')],
    candidate: p3('message CustomerReturn { string order_id = 1; string return_reason = 2; }\nmessage Refund { double amount = 1; }'),
    expect: { NONE: true, BACKWARD: true, BACKWARD_TRANSITIVE: true, FORWARD: false, FORWARD_TRANSITIVE: false, FULL: false, FULL_TRANSITIVE: false },
  },
];

for (const h of HISTORIES) {
  test(`modes: ${h.name}`, () => {
    const previous = h.versions.map((v) => parseSchema(h.type, v, []));
    const candidate = parseSchema(h.type, h.candidate, []);
    for (const level of COMPATIBILITY_LEVELS) {
      const r = checkCompatibility(level, candidate, previous);
      assert.equal(r.compatible, h.expect[level], `${level}: ${r.messages.join('; ')}`);
      assert.equal(r.messages.length === 0, r.compatible, `${level}: messages present exactly when incompatible`);
    }
  });
}

test('modes: no previous version is compatible under every mode', () => {
  const s = parseSchema('AVRO', '"string"', []);
  for (const level of COMPATIBILITY_LEVELS) assert.deepEqual(checkCompatibility(level, s, []), { compatible: true, messages: [], issues: [] });
});

test('modes: another schema type is incompatible (except NONE)', () => {
  const avro = parseSchema('AVRO', '"string"', []);
  const json = parseSchema('JSON', '{"type": "string"}', []);
  assert.equal(checkCompatibility('BACKWARD', json, [avro]).compatible, false);
  assert.match(checkCompatibility('BACKWARD', json, [avro]).messages[0]!, /different schema type/);
  assert.equal(checkCompatibility('NONE', json, [avro]).compatible, true);
});

test('modes: transitive messages say which version broke and in which direction', () => {
  const h = HISTORIES[0]!;
  const previous = h.versions.map((v) => parseSchema(h.type, v, []));
  const r = checkCompatibility('FULL_TRANSITIVE', parseSchema(h.type, h.candidate, []), previous);
  assert.equal(r.messages.length, 1);
  assert.match(r.messages[0]!, /READER_FIELD_MISSING_DEFAULT_VALUE/);
  assert.match(r.messages[0]!, /return_reason/);
  assert.match(r.messages[0]!, /BACKWARD: the new schema reading data written with version 1 of 2/);
  // The same as data, for callers that format their own messages.
  assert.deepEqual(r.issues?.map((i) => [i.type, i.path, i.previousIndex, i.direction]), [['READER_FIELD_MISSING_DEFAULT_VALUE', '/fields/1', 0, 'BACKWARD']]);
});
