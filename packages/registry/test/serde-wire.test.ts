// The wire format against the bytes Confluent's own client writes (its SchemaId and schema-id
// header serializers are the fixtures): magic 0 + id, magic 1 + GUID, message indexes with the
// [0] -> single 0 byte form, and the `__value_schema_id` header form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchemaId, HeaderSchemaIdSerializer, PrefixSchemaIdSerializer, SerdeType } from '@confluentinc/schemaregistry';
import {
  decodePrefix, encodeIdPrefix, encodeGuidPrefix, encodeMessageIndexes, decodeMessageIndexes, readWireHeader, frame, schemaIdOf,
  VALUE_SCHEMA_ID_HEADER, WireFormatError,
} from '../src/index.js';

const GUID = '6f1a3b2c-9d4e-4f50-8a61-7b2c3d4e5f60';

test('magic 0 + id and message indexes are byte for byte what Confluent writes', () => {
  for (const indexes of [undefined, [0], [1], [0, 2], [3, 1, 4], [200, 70000]]) {
    const theirs = new SchemaId('PROTOBUF', 1234567, undefined, indexes).idToBytes();
    assert.deepEqual(encodeIdPrefix(1234567, indexes), theirs, `indexes ${JSON.stringify(indexes)}`);
    const back = new SchemaId('PROTOBUF');
    const read = back.fromBytes(Buffer.concat([encodeIdPrefix(1234567, indexes ?? [0]), Buffer.from([8, 1])]));
    const ours = decodePrefix(Buffer.concat([theirs, Buffer.from([8, 1])]), indexes !== undefined);
    assert.equal(ours.id, 1234567);
    if (indexes !== undefined) {
      assert.deepEqual(ours.messageIndexes, indexes);
      assert.deepEqual(back.messageIndexes, indexes);
      assert.equal(ours.payloadOffset, read);
    }
  }
  assert.deepEqual(encodeMessageIndexes([0]), Buffer.from([0]));
  assert.deepEqual(decodeMessageIndexes(Buffer.from([0]), 0), { indexes: [0], pos: 1 });
  const payload = Buffer.from('abc');
  assert.deepEqual(frame(7, payload), PrefixSchemaIdSerializer('t', SerdeType.VALUE, payload, new SchemaId('AVRO', 7), {}));
  assert.equal(schemaIdOf(frame(7, payload)), 7);
  assert.equal(schemaIdOf(Buffer.from('{"a":1}')), null);
});

test('magic 1 + GUID and the __value_schema_id header form read as Confluent writes them', () => {
  const theirs = new SchemaId('AVRO', undefined, GUID).guidToBytes();
  assert.deepEqual(encodeGuidPrefix(GUID), theirs);
  const h = decodePrefix(Buffer.concat([theirs, Buffer.from('payload')]), false);
  assert.equal(h.guid, GUID);
  assert.equal(h.payloadOffset, 17);

  // The header form: the payload carries no prefix, the header holds magic 1 + GUID (+ indexes).
  const headers: Record<string, Buffer> = {};
  const payload = Buffer.from([8, 150, 1]);
  const out = HeaderSchemaIdSerializer('t', SerdeType.VALUE, payload, new SchemaId('PROTOBUF', undefined, GUID, [1, 0]), headers);
  assert.equal(out, payload);
  const rh = readWireHeader(out, true, Object.entries(headers).map(([key, value]) => ({ key, value })), false);
  assert.equal(rh.guid, GUID);
  assert.deepEqual(rh.messageIndexes, [1, 0]);
  assert.equal(rh.payloadOffset, 0);
  assert.ok(VALUE_SCHEMA_ID_HEADER in headers);
  // A key serde ignores the value header.
  assert.throws(() => readWireHeader(Buffer.from('x'), false, [{ key: VALUE_SCHEMA_ID_HEADER, value: headers[VALUE_SCHEMA_ID_HEADER]! }], true), WireFormatError);
});

test('bad prefixes are WireFormatErrors, never crashes or huge allocations', () => {
  assert.throws(() => decodePrefix(Buffer.alloc(0), false), WireFormatError);
  assert.throws(() => decodePrefix(Buffer.from([0, 0, 0]), false), WireFormatError);
  assert.throws(() => decodePrefix(Buffer.from([2, 0, 0, 0, 1]), false), /magic byte 2/);
  assert.throws(() => decodePrefix(Buffer.from([1, 0, 0]), false), WireFormatError);
  // A count of 2^31 message indexes, a negative count, a truncated varint.
  assert.throws(() => decodePrefix(Buffer.from([0, 0, 0, 0, 1, 0xfe, 0xff, 0xff, 0xff, 0x0f]), true), WireFormatError);
  assert.throws(() => decodePrefix(Buffer.from([0, 0, 0, 0, 1, 0x01]), true), WireFormatError);
  assert.throws(() => decodePrefix(Buffer.from([0, 0, 0, 0, 1, 0x04, 0x80]), true), WireFormatError);
  assert.throws(() => encodeIdPrefix(-1), WireFormatError);
});
