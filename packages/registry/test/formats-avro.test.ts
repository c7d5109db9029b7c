import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  InvalidSchemaError,
  avroFingerprint,
  avroType,
  checkCompatibility,
  parseSchema,
  parsingCanonicalForm,
  type ResolvedReference,
} from '../src/index.js';

const ref = (name: string, schema: unknown, references: ResolvedReference[] = [], version = 1): ResolvedReference => ({
  name, subject: name, version, schemaType: 'AVRO', schema: JSON.stringify(schema), references,
});

test('avro: a valid record parses; the avsc type encodes and decodes', () => {
  const s = parseSchema('AVRO', '{"type": "record", "name": "customer_returns", "namespace": "shop", "fields": [{"name": "order_id", "type": "string"}, {"name": "amount", "type": "double"}]}', []);
  assert.equal(s.schemaType, 'AVRO');
  const t = avroType(s);
  const buf = t.toBuffer({ order_id: 'o-1', amount: 12.5 });
  assert.deepEqual({ ...(t.fromBuffer(buf) as object) }, { order_id: 'o-1', amount: 12.5 });
  assert.equal(s.canonical(), '{"type":"record","name":"customer_returns","namespace":"shop","fields":[{"name":"order_id","type":"string"},{"name":"amount","type":"double"}]}');
});

test('avro: primitive schemas, quoted or bare', () => {
  assert.equal(parseSchema('AVRO', '"string"', []).canonical(), '"string"');
  assert.equal(parsingCanonicalForm(parseSchema('AVRO', 'long', [])), '"long"');
});

test('avro: invalid schemas throw InvalidSchemaError with the parser message', () => {
  const bad: [string, RegExp][] = [
    ['{"type": "record", "name": "R", "fields": [{"name": "a", "type": "nope"}]}', /undefined type name: nope/],
    ['{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": "x"}]}', /invalid/i],
    ['{"type": "enum", "name": "E", "symbols": ["A", "A"]}', /duplicate/],
    ['{"type": "fixed", "name": "F"}', /invalid F size/],
    ['{"type": "record", "name": "R", "fields": ', /Invalid schema/],
    ['{"type": "record", "name": "1R", "fields": []}', /invalid/i],
  ];
  for (const [text, message] of bad) {
    assert.throws(() => parseSchema('AVRO', text, []), (e: unknown) => e instanceof InvalidSchemaError && message.test(e.message), text);
  }
  assert.throws(() => parseSchema('AVRO', '  ', []), InvalidSchemaError);
});

test('avro: named types come from references, depth first', () => {
  const address = ref('shop.Address', { type: 'record', name: 'Address', namespace: 'shop', fields: [{ name: 'city', type: 'string' }] });
  const customer = ref('shop.Customer', { type: 'record', name: 'Customer', namespace: 'shop', fields: [{ name: 'id', type: 'string' }, { name: 'address', type: 'Address' }] }, [address]);
  const order = parseSchema('AVRO', JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'customer', type: 'shop.Customer' }] }), [customer]);
  const value = { customer: { id: 'c', address: { city: 'Oslo' } } };
  assert.ok(avroType(order).isValid(value));
  // normalized writes referenced named types by name; resolved inlines them.
  assert.equal(order.normalized(), '{"name":"shop.Order","type":"record","fields":[{"name":"customer","type":"shop.Customer"}]}');
  assert.match(order.formatted('resolved') ?? '', /"name":"shop.Address"/);
  assert.throws(() => parseSchema('AVRO', JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'c', type: 'shop.Customer' }] }), []), /undefined type name: shop.Customer/);
});

test('avro: a reference cycle is refused', () => {
  const a = ref('a', { type: 'record', name: 'A', fields: [] });
  const b = ref('b', { type: 'record', name: 'B', fields: [] }, [a]);
  a.references.push(b);
  assert.throws(() => parseSchema('AVRO', '"string"', [a]), (e: unknown) => e instanceof InvalidSchemaError && /Circular schema reference: a:v1 -> b:v1 -> a:v1/.test(e.message));
});

test('avro: a reference of another type is refused', () => {
  const r: ResolvedReference = { name: 'x', subject: 'x', version: 1, schemaType: 'JSON', schema: '{}', references: [] };
  assert.throws(() => parseSchema('AVRO', '"string"', [r]), /is JSON, not AVRO/);
});

test('avro: normalized form sorts and qualifies; equal schemas written differently normalize alike', () => {
  const a = parseSchema('AVRO', '{"namespace": "n", "name": "R", "type": "record", "fields": [{"type": {"type": "int"}, "name": "a", "doc": "x"}]}', []);
  const b = parseSchema('AVRO', '{"type": "record", "name": "n.R", "fields": [{"name": "a", "doc": "x", "type": "int"}]}', []);
  assert.equal(a.normalized(), b.normalized());
  assert.equal(a.normalized(), '{"name":"n.R","type":"record","fields":[{"name":"a","type":"int","doc":"x"}]}');
  assert.notEqual(a.canonical(), b.canonical());
  // The normalized text is itself a valid schema with the same Parsing Canonical Form.
  assert.equal(parsingCanonicalForm(parseSchema('AVRO', a.normalized(), [])), parsingCanonicalForm(a));
});

test('avro: fingerprints of the Parsing Canonical Form', () => {
  const s = parseSchema('AVRO', '{"type": "record", "name": "R", "doc": "ignored", "fields": [{"name": "a", "type": "int", "default": 1}]}', []);
  assert.equal(parsingCanonicalForm(s), '{"name":"R","type":"record","fields":[{"name":"a","type":"int"}]}');
  assert.equal(avroFingerprint(s, 'CRC-64-AVRO').length, 8);
  assert.equal(avroFingerprint(s, 'SHA-256').length, 32);
  assert.equal(avroFingerprint(s, 'MD5').length, 16);
  // The CRC-64-AVRO fingerprint of "int" (as a number; the buffer holds it little-endian).
  assert.equal(avroFingerprint(parseSchema('AVRO', '"int"', []), 'CRC-64-AVRO').readBigUInt64LE().toString(16), '7275d51a3f395c8f');
});

test('avro: customer_returns gains return_reason: BACKWARD needs a default, verbose names the field', () => {
  const v1 = parseSchema('AVRO', JSON.stringify({ type: 'record', name: 'customer_returns', fields: [{ name: 'order_id', type: 'string' }] }), []);
  const noDefault = parseSchema('AVRO', JSON.stringify({ type: 'record', name: 'customer_returns', fields: [{ name: 'order_id', type: 'string' }, { name: 'return_reason', type: 'string' }] }), []);
  const withDefault = parseSchema('AVRO', JSON.stringify({ type: 'record', name: 'customer_returns', fields: [{ name: 'order_id', type: 'string' }, { name: 'return_reason', type: 'string', default: 'unspecified' }] }), []);
  const bad = checkCompatibility('BACKWARD', noDefault, [v1]);
  assert.equal(bad.compatible, false);
  assert.equal(bad.messages.length, 1);
  assert.match(bad.messages[0]!, /READER_FIELD_MISSING_DEFAULT_VALUE/);
  assert.match(bad.messages[0]!, /return_reason/);
  assert.match(bad.messages[0]!, /\/fields\/1/);
  assert.deepEqual(checkCompatibility('BACKWARD', withDefault, [v1]), { compatible: true, messages: [], issues: [] });
  // Forward: old readers ignore the new field either way.
  assert.equal(checkCompatibility('FORWARD', noDefault, [v1]).compatible, true);
  assert.equal(checkCompatibility('FULL', noDefault, [v1]).compatible, false);
  assert.equal(checkCompatibility('FULL', withDefault, [v1]).compatible, true);
});
