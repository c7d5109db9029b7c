import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidSchemaError, checkCompatibility, draftOf, jsonValidator, parseSchema, type ResolvedReference } from '../src/index.js';
import { jsonSchemaDiff, JSON_COMPATIBLE_CHANGES } from '../src/formats/json-compat.js';
import type { JsonParsedSchema } from '../src/formats/json.js';
import { JSON_CASES } from './fixtures/json-compat.js';

const ref = (name: string, schema: unknown, references: ResolvedReference[] = [], version = 1): ResolvedReference => ({
  name, subject: name, version, schemaType: 'JSON', schema: JSON.stringify(schema), references,
});

test('json: each draft is picked by $schema and validates with its own rules', () => {
  const cases: [string | undefined, string][] = [
    ['http://json-schema.org/draft-04/schema#', 'draft-04'],
    ['http://json-schema.org/draft-06/schema#', 'draft-06'],
    ['http://json-schema.org/draft-07/schema#', 'draft-07'],
    ['https://json-schema.org/draft/2019-09/schema', '2019-09'],
    ['https://json-schema.org/draft/2020-12/schema', '2020-12'],
    [undefined, 'draft-07'],
  ];
  for (const [id, draft] of cases) {
    const schema = { ...(id ? { $schema: id } : {}), type: 'object', properties: { n: { type: 'integer', minimum: 1 }, at: { type: 'string', format: 'date-time' } }, required: ['n'] };
    const parsed = parseSchema('JSON', JSON.stringify(schema), []);
    assert.equal(draftOf(JSON.parse(parsed.raw)), draft);
    const v = jsonValidator(parsed);
    assert.equal(v({ n: 2, at: '2026-12-07T01:00:00Z' }), true, draft);
    assert.equal(v({ n: 0 }), false, draft);
    assert.equal(v({ n: 1, at: 'yesterday' }), false, `${draft}: formats are checked`);
  }
  // draft-04's boolean exclusiveMaximum; 2020-12's prefixItems.
  assert.equal(jsonValidator(parseSchema('JSON', '{"$schema": "http://json-schema.org/draft-04/schema#", "type": "number", "maximum": 5, "exclusiveMaximum": true}', []))(5), false);
  const tuple = jsonValidator(parseSchema('JSON', '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "array", "prefixItems": [{"type": "string"}], "items": false}', []));
  assert.equal(tuple(['a']), true);
  assert.equal(tuple(['a', 1]), false);
});

test('json: invalid schemas throw InvalidSchemaError with the parser message', () => {
  const bad: [string, RegExp][] = [
    ['{"type": "nope"}', /schema is invalid: data\/type must be equal to one of the allowed values/],
    ['{"type": "object", "properties": {"a": {"minimum": "x"}}}', /minimum must be number/],
    ['{"type": ', /Invalid JSON Schema: .*JSON/],
    ['[1, 2]', /a schema is an object or a boolean/],
    ['{"$schema": "http://example.com/my-dialect", "type": "string"}', /Unsupported JSON Schema dialect/],
    ['{"properties": {"a": {"$ref": "missing.json"}}}', /can't resolve reference missing.json/],
  ];
  for (const [text, message] of bad) {
    assert.throws(() => parseSchema('JSON', text, []), (e: unknown) => e instanceof InvalidSchemaError && message.test(e.message), text);
  }
});

test('json: $ref to a referenced subject by its reference name, nested references', () => {
  const address = ref('address.json', { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
  const customer = ref('customer.json', { type: 'object', properties: { id: { type: 'string' }, address: { $ref: 'address.json' } }, required: ['id'] }, [address]);
  const order = parseSchema('JSON', JSON.stringify({ type: 'object', properties: { customer: { $ref: 'customer.json' } }, required: ['customer'] }), [customer]);
  const v = jsonValidator(order);
  assert.equal(v({ customer: { id: 'c', address: { city: 'Oslo' } } }), true);
  assert.equal(v({ customer: { id: 'c', address: {} } }), false);
  assert.equal(v({ customer: {} }), false);
});

test('json: $ref with an $id-based URL and a fragment into a referenced schema', () => {
  const defs = ref('https://example.com/defs.json', { $id: 'https://example.com/defs.json', definitions: { money: { type: 'number', minimum: 0 } } });
  const s = parseSchema('JSON', JSON.stringify({ $id: 'https://example.com/order.json', type: 'object', properties: { total: { $ref: 'defs.json#/definitions/money' } } }), [defs]);
  assert.equal(jsonValidator(s)({ total: 3 }), true);
  assert.equal(jsonValidator(s)({ total: -1 }), false);
});

test('json: a reference cycle is refused', () => {
  const a = ref('a.json', { type: 'string' });
  const b = ref('b.json', { type: 'string' }, [a]);
  a.references.push(b);
  assert.throws(() => parseSchema('JSON', '{"$ref": "a.json"}', [a]), /Circular schema reference/);
});

test('json: normalized sorts keys; canonical drops whitespace only', () => {
  const a = parseSchema('JSON', '{ "type": "object", "properties": { "b": {"type": "string"}, "a": {"type": "integer"} } }', []);
  assert.equal(a.canonical(), '{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"integer"}}}');
  assert.equal(a.normalized(), '{"properties":{"a":{"type":"integer"},"b":{"type":"string"}},"type":"object"}');
  const b = parseSchema('JSON', '{"properties":{"a":{"type":"integer"},"b":{"type":"string"}},"type":"object"}', []);
  assert.equal(a.normalized(), b.normalized());
});

test(`json oracle: ${JSON_CASES.length} evolution cases give Confluent's documented answer`, () => {
  assert.ok(JSON_CASES.length >= 100);
  assert.equal(new Set(JSON_CASES.map((c) => c.id)).size, JSON_CASES.length, 'case ids are unique');
  const wrong: string[] = [];
  for (const c of JSON_CASES) {
    const refs = Object.entries(c.refs ?? {}).map(([name, s]) => ref(name, s));
    const writer = parseSchema('JSON', JSON.stringify(c.writer), refs);
    const reader = parseSchema('JSON', JSON.stringify(c.reader), refs);
    const diffs = jsonSchemaDiff(writer as JsonParsedSchema, reader as JsonParsedSchema);
    const compatible = diffs.every((d) => JSON_COMPATIBLE_CHANGES.has(d.type));
    const cited = c.rule === 'NONE' ? diffs.every((d) => JSON_COMPATIBLE_CHANGES.has(d.type)) : diffs.some((d) => d.type === c.rule);
    // BACKWARD with writer = old and reader = new must say the same.
    const viaModes = checkCompatibility('BACKWARD', reader, [writer]).compatible;
    if (compatible !== c.compatible || !cited || viaModes !== c.compatible) {
      wrong.push(`${c.id}: expected ${String(c.compatible)} (${c.rule}), got ${String(compatible)} [${diffs.map((d) => `${d.type}@${d.path}`).join(', ')}]`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('json: customer_returns gains return_reason: open vs closed content model, verbose names the path', () => {
  const v1 = { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'], additionalProperties: false };
  const old = parseSchema('JSON', JSON.stringify(v1), []);
  const optional = parseSchema('JSON', JSON.stringify({ ...v1, properties: { ...v1.properties, return_reason: { type: 'string' } } }), []);
  const required = parseSchema('JSON', JSON.stringify({ ...v1, properties: { ...v1.properties, return_reason: { type: 'string' } }, required: ['order_id', 'return_reason'] }), []);
  assert.equal(checkCompatibility('BACKWARD', optional, [old]).compatible, true);
  const r = checkCompatibility('BACKWARD', required, [old]);
  assert.equal(r.compatible, false);
  assert.match(r.messages.join('\n'), /REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL/);
  assert.match(r.messages.join('\n'), /#\/properties\/return_reason/);
  // FORWARD: the old closed schema cannot read records carrying return_reason.
  const f = checkCompatibility('FORWARD', optional, [old]);
  assert.equal(f.compatible, false);
  assert.match(f.messages.join('\n'), /PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL/);
});
