import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEnvelope, encodeEnvelope, withEnvelope, stripEnvelope, describeError, wireSchemaId, DLQ_HEADERS, type Envelope } from '../src/index.js';

test('envelope round-trips every field as UTF-8 decimal strings', () => {
  const e: Envelope = {
    originalTopic: 'orders', originalPartition: 3, originalOffset: 12345678901234n, originalTimestamp: 1700000000123,
    group: 'g1', errorClass: 'late', errorName: 'TypeError', errorMessage: 'bad ü', errorStack: 'TypeError: bad\n at x',
    errorCauseName: 'Error', errorCauseMessage: 'inner', attempt: 2, firstFailureMs: 1, lastFailureMs: 2, dueMs: 3,
    source: 'c1', replayed: { id: 'orders.dlq/0/7', atMs: 9, run: 'r1' },
    late: { watermarkMs: 10, windowStartMs: 0, windowEndMs: 5, lateByMs: 5 }, keySchemaId: 3, valueSchemaId: 42,
  };
  const h = encodeEnvelope(e);
  assert.equal(h.find((x) => x.key === DLQ_HEADERS.originalOffset)?.value.toString(), '12345678901234');
  assert.deepEqual(decodeEnvelope(h), e);
});

test('withEnvelope keeps own headers, replaces an older envelope; strip removes it', () => {
  const first = withEnvelope([{ key: 'a', value: Buffer.from('1') }, { key: 'n', value: null }], {
    originalTopic: 't', originalPartition: 0, originalOffset: 1n, originalTimestamp: 5, errorClass: 'transient', attempt: 1,
  });
  const second = withEnvelope(first, { originalTopic: 't', originalPartition: 0, originalOffset: 1n, originalTimestamp: 5, errorClass: 'permanent', attempt: 2 });
  assert.equal(second.filter((x) => x.key === DLQ_HEADERS.attempt).length, 1);
  assert.equal(decodeEnvelope(second)?.errorClass, 'permanent');
  assert.deepEqual(stripEnvelope(second), [{ key: 'a', value: Buffer.from('1') }, { key: 'n', value: null }]);
  assert.equal(decodeEnvelope([{ key: 'x', value: 'y' }]), null);
});

test('describeError keeps name, message, stack and cause', () => {
  const d = describeError(new RangeError('outer', { cause: new TypeError('inner') }));
  assert.equal(d.errorName, 'RangeError');
  assert.equal(d.errorCauseName, 'TypeError');
  assert.ok(d.errorStack?.includes('outer'));
  assert.equal(describeError('str').errorMessage, 'str');
});

test('wireSchemaId reads the id of a value in Confluent wire format, nothing else', () => {
  assert.equal(wireSchemaId(Buffer.from([0, 0, 0, 1, 7, 0x02, 0x61])), 263);
  assert.equal(wireSchemaId(Buffer.from('{"a":1}')), undefined);
  assert.equal(wireSchemaId(Buffer.from([0, 0, 0])), undefined);
  assert.equal(wireSchemaId(null), undefined);
});
