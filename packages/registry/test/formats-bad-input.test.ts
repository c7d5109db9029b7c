// Bad input never escapes as anything but InvalidSchemaError, and comparisons never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPATIBILITY_LEVELS, InvalidSchemaError, SCHEMA_TYPES, checkCompatibility, parseSchema, type ParsedSchema } from '../src/index.js';

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

const SEEDS = {
  AVRO: '{"type":"record","name":"R","fields":[{"name":"a","type":["null","string"],"default":null},{"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}}]}',
  JSON: '{"type":"object","properties":{"a":{"type":"string","maxLength":3},"b":{"oneOf":[{"type":"integer"},{"$ref":"#/definitions/x"}]}},"definitions":{"x":{"enum":[1,2]}},"additionalProperties":false}',
  PROTOBUF: 'syntax = "proto3";\npackage p;\nmessage M { string a = 1; map<string, int32> m = 2; oneof o { int32 x = 3; string y = 4; } enum K { A = 0; } }\n',
} as const;

test('bad input: mutated schemas parse or throw InvalidSchemaError, never anything else', () => {
  const next = rng(17);
  let invalid = 0;
  let valid = 0;
  for (const type of SCHEMA_TYPES) {
    const seed = SEEDS[type];
    for (let i = 0; i < 300; i++) {
      const chars = [...seed];
      const edits = 1 + Math.floor(next() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * chars.length);
        const op = next();
        if (op < 0.4) chars.splice(at, 1);
        else if (op < 0.8) chars.splice(at, 0, '{}[]":,;=<>0aZ_.'.charAt(Math.floor(next() * 16)));
        else chars[at] = String.fromCharCode(32 + Math.floor(next() * 95));
      }
      try {
        parseSchema(type, chars.join(''), []);
        valid++;
      } catch (err) {
        assert.ok(err instanceof InvalidSchemaError, `${type}: ${String(err)} for ${chars.join('')}`);
        invalid++;
      }
    }
  }
  assert.ok(invalid > 0 && valid > 0, `${valid} valid, ${invalid} invalid`);
});

test('bad input: absurdly deep schemas are refused or compared without throwing', () => {
  const depth = 5000;
  const deepJson = '{"type":"array","items":'.repeat(depth) + '{"type":"string"}' + '}'.repeat(depth);
  const deepAvro = '{"type":"array","items":'.repeat(depth) + '"string"' + '}'.repeat(depth);
  const deepProto = 'syntax = "proto3";\n' + 'message M { '.repeat(depth) + '}'.repeat(depth);
  for (const [type, text] of [['JSON', deepJson], ['AVRO', deepAvro], ['PROTOBUF', deepProto]] as const) {
    let parsed: ParsedSchema | undefined;
    try {
      parsed = parseSchema(type, text, []);
    } catch (err) {
      assert.ok(err instanceof InvalidSchemaError, `${type}: ${String(err)}`);
    }
    if (parsed) {
      for (const level of COMPATIBILITY_LEVELS) checkCompatibility(level, parsed, [parsed]);
    }
  }
});
