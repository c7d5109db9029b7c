import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFileRegistry, fromBinary, fromJson, toBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema, file_google_protobuf_timestamp } from '@bufbuild/protobuf/wkt';
import {
  InvalidSchemaError,
  checkCompatibility,
  parseSchema,
  protobufDescriptor,
  protobufFirstMessage,
  protobufMessageIndexes,
  protobufMessageType,
  protobufRoot,
  type ResolvedReference,
} from '../src/index.js';
import { protobufDiff, PROTOBUF_COMPATIBLE_CHANGES } from '../src/formats/protobuf-compat.js';
import type { ProtobufParsedSchema } from '../src/formats/protobuf.js';
import { PROTOBUF_CASES } from './fixtures/protobuf-compat.js';

const ref = (name: string, schema: string, references: ResolvedReference[] = [], version = 1): ResolvedReference => ({
  name, subject: name.replace(/\.proto$/, ''), version, schemaType: 'PROTOBUF', schema, references,
});

const ORDER = `syntax = "proto3";
package shop;

import "google/protobuf/timestamp.proto";
import "customer.proto";

// A customer's return.
message CustomerReturn {
  string order_id = 1;
  google.protobuf.Timestamp at = 2;
  Customer customer = 3;
  map<string, int32> counts = 4;
  oneof reason {
    string text = 5;
    Code code = 6;
  }
  optional int32 quantity = 7;
  repeated Line lines = 8;
  message Line { string sku = 1; int32 qty = 2; }
  enum Code { CODE_UNSPECIFIED = 0; DAMAGED = 1; }
}

message Refund { string order_id = 1; double amount = 2; }
`;
const CUSTOMER = 'syntax = "proto3";\npackage shop;\nmessage Customer { string id = 1; string email = 2; }\n';

test('protobuf: text with imports from references and well-known types parses; the root encodes', () => {
  const s = parseSchema('PROTOBUF', ORDER, [ref('customer.proto', CUSTOMER)]);
  const root = protobufRoot(s);
  const T = root.lookupType('shop.CustomerReturn');
  assert.equal(protobufFirstMessage(s).fullName, '.shop.CustomerReturn');
  const msg = T.fromObject({ order_id: 'o-1', customer: { id: 'c' }, counts: { a: 1 }, code: 1, lines: [{ sku: 's', qty: 2 }], at: { seconds: 5 } });
  const back = T.toObject(T.decode(T.encode(msg).finish()), { enums: String });
  assert.equal(back.order_id, 'o-1');
  assert.equal(back.code, 'DAMAGED');
  assert.equal(back.lines[0].sku, 's');
});

test('protobuf: message indexes follow declaration order, nested included', () => {
  const s = parseSchema('PROTOBUF', ORDER, [ref('customer.proto', CUSTOMER)]);
  assert.deepEqual(protobufMessageIndexes(s, 'shop.CustomerReturn'), [0]);
  assert.deepEqual(protobufMessageIndexes(s, 'shop.Refund'), [1]);
  // Map entry types (CountsEntry) do not count, as in Confluent's serializers.
  assert.deepEqual(protobufMessageIndexes(s, '.shop.CustomerReturn.Line'), [0, 0]);
  assert.equal(protobufMessageType(s, [0, 0]).fullName, '.shop.CustomerReturn.Line');
  assert.equal(protobufMessageType(s, [1]).fullName, '.shop.Refund');
  assert.equal(protobufMessageType(s, []).fullName, '.shop.CustomerReturn');
  assert.equal(protobufMessageIndexes(s, 'shop.Nope'), undefined);
  assert.throws(() => protobufMessageType(s, [7]), RangeError);
});

test('protobuf: serialized is a FileDescriptorProto that round-trips', () => {
  const refs = [ref('customer.proto', CUSTOMER)];
  const s = parseSchema('PROTOBUF', ORDER, refs);
  const b64 = s.formatted('serialized')!;
  const fd = fromBinary(FileDescriptorProtoSchema, Buffer.from(b64, 'base64'));
  assert.equal(fd.package, 'shop');
  assert.equal(fd.syntax, 'proto3');
  assert.deepEqual(fd.dependency, ['google/protobuf/timestamp.proto', 'customer.proto']);
  const m = fd.messageType[0]!;
  assert.equal(m.name, 'CustomerReturn');
  assert.deepEqual(m.field.map((f) => [f.name, f.number]), [['order_id', 1], ['at', 2], ['customer', 3], ['counts', 4], ['text', 5], ['code', 6], ['quantity', 7], ['lines', 8]]);
  assert.equal(m.field[1]!.typeName, '.google.protobuf.Timestamp');
  assert.equal(m.field[5]!.typeName, '.shop.CustomerReturn.Code');
  assert.equal(m.field[6]!.proto3Optional, true);
  assert.deepEqual(m.oneofDecl.map((o) => o.name), ['reason', '_quantity']);
  assert.equal(m.nestedType[0]!.name, 'CountsEntry');
  assert.equal(m.nestedType[0]!.options?.mapEntry, true);
  // Registering the descriptor itself gives the same schema.
  const again = parseSchema('PROTOBUF', b64, refs);
  assert.equal(again.canonical(), s.canonical());
  assert.equal(again.formatted('serialized'), b64);
  assert.deepEqual(protobufDescriptor(again), protobufDescriptor(s));
  // A reference may itself be a serialized descriptor.
  const customerB64 = parseSchema('PROTOBUF', CUSTOMER, []).formatted('serialized')!;
  const viaDescriptorRef = parseSchema('PROTOBUF', ORDER, [ref('customer.proto', customerB64)]);
  assert.equal(viaDescriptorRef.canonical(), s.canonical());
});

test('protobuf: the serialized descriptors load in @bufbuild/protobuf (what Confluent\'s JS client uses) and its bytes decode with ours', () => {
  const customer = parseSchema('PROTOBUF', CUSTOMER, []);
  const order = parseSchema('PROTOBUF', ORDER, [ref('customer.proto', CUSTOMER)]);
  const customerFd = fromBinary(FileDescriptorProtoSchema, Buffer.from(customer.formatted('serialized')!, 'base64'));
  customerFd.name = 'customer.proto';
  const customerFile = createFileRegistry(customerFd, () => undefined).getFile('customer.proto');
  const orderFd = fromBinary(FileDescriptorProtoSchema, Buffer.from(order.formatted('serialized')!, 'base64'));
  const registry = createFileRegistry(orderFd, (name) =>
    name === 'customer.proto' ? customerFile : name === 'google/protobuf/timestamp.proto' ? file_google_protobuf_timestamp : undefined);
  const desc = registry.getMessage('shop.CustomerReturn');
  assert.ok(desc);
  assert.deepEqual(desc.nestedMessages.map((m) => m.name), ['Line']);
  assert.equal(desc.field['orderId']?.jsonName, 'orderId');
  const bytes = toBinary(desc, fromJson(desc, { orderId: 'o-1', counts: { a: 1 }, code: 'DAMAGED', quantity: 3, lines: [{ sku: 's' }], customer: { id: 'c' } }));
  const T = protobufRoot(order).lookupType('shop.CustomerReturn');
  const back = T.toObject(T.decode(bytes), { enums: String });
  assert.deepEqual(back, { order_id: 'o-1', customer: { id: 'c' }, counts: { a: 1 }, code: 'DAMAGED', quantity: 3, lines: [{ sku: 's' }] });
});

test('protobuf: canonical and normalized text', () => {
  const s = parseSchema('PROTOBUF', 'syntax = "proto3";\npackage p;\nimport "b.proto";\nimport "a.proto";\n// comment\nmessage M { int32 b = 2; int32 a = 1; }\n', [
    ref('a.proto', 'syntax = "proto3";\npackage p;\nmessage A {}\n'),
    ref('b.proto', 'syntax = "proto3";\npackage p;\nmessage B {}\n'),
  ]);
  assert.equal(s.canonical(), 'syntax = "proto3";\npackage p;\n\nimport "b.proto";\nimport "a.proto";\n\nmessage M {\n  int32 b = 2;\n  int32 a = 1;\n}\n');
  assert.equal(s.normalized(), 'syntax = "proto3";\npackage p;\n\nimport "a.proto";\nimport "b.proto";\n\nmessage M {\n  int32 a = 1;\n  int32 b = 2;\n}\n');
  // The same schema written differently has the same canonical text.
  const t = parseSchema('PROTOBUF', 'syntax="proto3"; package p; import "b.proto"; import "a.proto"; message M { int32 b=2; int32 a=1; }', s.references);
  assert.equal(t.canonical(), s.canonical());
});

test('protobuf: invalid schemas throw InvalidSchemaError with the parser message', () => {
  const bad: [string, RegExp][] = [
    ['syntax = "proto3"; message X { int32 f = 1 }', /illegal token '}', ';' expected \(line 1\)/],
    ['syntax = "proto3"; message X { Foo f = 1; }', /no such Type or Enum 'Foo'/],
    ['syntax = "proto3"; import "missing.proto"; message X { int32 f = 1; }', /Import not found: missing.proto/],
    ['syntax = "proto3"; message X { int32 f = 1; int32 g = 1; }', /duplicate id 1/],
    ['bm90IGEgZGVzY3JpcHRvcg==', /Invalid Protobuf/],
    ['edition = "2023";\nmessage X { int32 f = 1; }', /Protobuf editions are not supported/],
  ];
  for (const [text, message] of bad) {
    assert.throws(() => parseSchema('PROTOBUF', text, []), (e: unknown) => e instanceof InvalidSchemaError && message.test(e.message), text);
  }
});

test('protobuf: import cycles and reference cycles are refused', () => {
  const a = ref('a.proto', 'syntax = "proto3";\nimport "b.proto";\nmessage A {}\n');
  const b = ref('b.proto', 'syntax = "proto3";\nimport "a.proto";\nmessage B {}\n');
  assert.throws(() => parseSchema('PROTOBUF', 'syntax = "proto3";\nimport "a.proto";\nmessage M {}\n', [a, b]), /Circular import: schema.proto -> a.proto -> b.proto -> a.proto/);
  const c = ref('c.proto', 'syntax = "proto3";\nmessage C {}\n');
  const d = ref('d.proto', 'syntax = "proto3";\nmessage D {}\n', [c]);
  c.references.push(d);
  assert.throws(() => parseSchema('PROTOBUF', 'syntax = "proto3";\nmessage M {}\n', [c]), /Circular schema reference/);
});

test('protobuf: well-known types and Confluent types import without references', () => {
  for (const f of ['any', 'duration', 'empty', 'field_mask', 'struct', 'timestamp', 'wrappers', 'descriptor']) {
    parseSchema('PROTOBUF', `syntax = "proto3";\nimport "google/protobuf/${f}.proto";\nmessage M { int32 x = 1; }\n`, []);
  }
  parseSchema('PROTOBUF', 'syntax = "proto3";\nimport "confluent/meta.proto";\nimport "confluent/type/decimal.proto";\nmessage M { confluent.type.Decimal d = 1; }\n', []);
  parseSchema('PROTOBUF', 'syntax = "proto3";\nimport "google/type/date.proto";\nmessage M { google.type.Date d = 1; }\n', []);
});

test(`protobuf oracle: ${PROTOBUF_CASES.length} evolution cases give Confluent's documented answer`, () => {
  assert.ok(PROTOBUF_CASES.length >= 100);
  assert.equal(new Set(PROTOBUF_CASES.map((c) => c.id)).size, PROTOBUF_CASES.length, 'case ids are unique');
  const refsOf = (m: Record<string, string> | undefined, version: number): ResolvedReference[] => Object.entries(m ?? {}).map(([n, s]) => ref(n, s, [], version));
  const wrong: string[] = [];
  for (const c of PROTOBUF_CASES) {
    const writer = parseSchema('PROTOBUF', c.writer, refsOf(c.refs, 1)) as ProtobufParsedSchema;
    const reader = parseSchema('PROTOBUF', c.reader, c.readerRefs ? refsOf(c.readerRefs, 2) : refsOf(c.refs, 1)) as ProtobufParsedSchema;
    const diffs = protobufDiff(writer, reader);
    const compatible = diffs.every((d) => PROTOBUF_COMPATIBLE_CHANGES.has(d.type));
    const cited = c.rule === 'NONE' ? diffs.length === 0 : diffs.some((d) => d.type === c.rule);
    const viaModes = checkCompatibility('BACKWARD', reader, [writer]).compatible;
    if (compatible !== c.compatible || !cited || viaModes !== c.compatible) {
      wrong.push(`${c.id}: expected ${String(c.compatible)} (${c.rule}), got ${String(compatible)} [${diffs.map((d) => `${d.type}@${d.path}`).join(', ')}]`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('protobuf: verbose messages name the message, field number and reason', () => {
  const v1 = parseSchema('PROTOBUF', 'syntax = "proto3";\npackage shop;\nmessage CustomerReturn { string order_id = 1; double amount = 2; }\n', []);
  const v2 = parseSchema('PROTOBUF', 'syntax = "proto3";\npackage shop;\nmessage CustomerReturn { string order_id = 1; string amount = 2; }\n', []);
  const r = checkCompatibility('BACKWARD', v2, [v1]);
  assert.equal(r.compatible, false);
  assert.match(r.messages[0]!, /FIELD_SCALAR_KIND_CHANGED/);
  assert.match(r.messages[0]!, /#\/CustomerReturn\/2/);
});
