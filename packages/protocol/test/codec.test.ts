import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  Reader, Writer, ProtocolError, readFetchResponse, writeFetchResponse, readApiVersionsRequest,
  writeApiVersionsRequest, APIS, ApiKey, KAFKA_ERRORS, ErrorCode, requestHeaderVersion, responseHeaderVersion,
  encodeRequest, decodeRequest,
} from '../src/index.js';

test('varints match the reference encoding (zigzag)', () => {
  const cases: Array<[number, string]> = [[0, '00'], [-1, '01'], [1, '02'], [-64, '7f'], [64, '8001'], [2147483647, 'feffffff0f'], [-2147483648, 'ffffffff0f']];
  for (const [v, hex] of cases) {
    assert.equal(new Writer().varint(v).toBuffer().toString('hex'), hex, `varint ${v}`);
    assert.equal(new Reader(Buffer.from(hex, 'hex')).varint(), v);
  }
  fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (v) => {
    assert.equal(new Reader(new Writer().varlong(v).toBuffer()).varlong(), v);
  }));
  fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (v) => {
    assert.equal(new Reader(new Writer().uvarint(v).toBuffer()).uvarint(), v);
  }));
});

test('unknown tagged fields survive a decode/encode round trip', () => {
  const w = new Writer();
  writeApiVersionsRequest(w, 3, {
    clientSoftwareName: 'x', clientSoftwareVersion: '1',
    unknownTaggedFields: [{ tag: 7, data: Buffer.from('hi') }, { tag: 3, data: Buffer.from([1, 2, 3]) }],
  });
  const bytes = w.toBuffer();
  const m = readApiVersionsRequest(new Reader(bytes), 3);
  assert.deepEqual(m.unknownTaggedFields?.map((t) => t.tag), [3, 7]);
  const w2 = new Writer();
  writeApiVersionsRequest(w2, 3, m);
  assert.deepEqual(w2.toBuffer(), bytes);
});

test('tagged fields at their default value are omitted, others are written', () => {
  // FetchResponse v12+ partitions carry tagged fields (diverging epoch, current leader, snapshot id).
  const base = { responses: [{ topic: 't', partitions: [{ partitionIndex: 0, records: null }] }] };
  const plain = new Writer();
  writeFetchResponse(plain, 12, base);
  const tagged = new Writer();
  writeFetchResponse(tagged, 12, { responses: [{ topic: 't', partitions: [{ partitionIndex: 0, records: null, currentLeader: { leaderId: 1, leaderEpoch: 2 } }] }] });
  assert.ok(tagged.length > plain.length);
  const back = readFetchResponse(new Reader(tagged.toBuffer()), 12);
  assert.deepEqual(back.responses[0]!.partitions[0]!.currentLeader, { leaderId: 1, leaderEpoch: 2 });
});

test('large records are kept by reference and framed correctly', () => {
  const big = Buffer.alloc(100_000, 7);
  const w = new Writer();
  writeFetchResponse(w, 4, { responses: [{ topic: 't', partitions: [{ partitionIndex: 0, records: [big, big] }] }] });
  const bufs = w.toBuffers();
  assert.ok(bufs.some((b) => b === big), 'the record buffer is not copied');
  const back = readFetchResponse(new Reader(w.toBuffer()), 4);
  assert.equal(back.responses[0]!.partitions[0]!.records!.length, 200_000);
});

test('header versions follow the flexible-version rules', () => {
  assert.equal(requestHeaderVersion(ApiKey.Produce, 8), 1);
  assert.equal(requestHeaderVersion(ApiKey.Produce, 9), 2);
  assert.equal(responseHeaderVersion(ApiKey.Produce, 9), 1);
  assert.equal(responseHeaderVersion(ApiKey.ApiVersions, 3), 0);
  assert.equal(requestHeaderVersion(7, 0), 0);
});

test('request frames encode and decode', () => {
  const frame = Buffer.concat(encodeRequest(ApiKey.Metadata, 12, 42, 'me', { topics: [{ name: 'a' }], allowAutoTopicCreation: true }));
  assert.equal(frame.readInt32BE(0), frame.length - 4);
  const { header, body } = decodeRequest(frame.subarray(4));
  assert.equal(header.correlationId, 42);
  assert.equal(header.clientId, 'me');
  assert.equal((body as { topics: Array<{ name: string }> }).topics[0]!.name, 'a');
  assert.throws(() => decodeRequest(frame.subarray(4, frame.length - 1)), ProtocolError);
});

test('error and api tables are complete', () => {
  assert.equal(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 3);
  assert.ok(KAFKA_ERRORS.find((e) => e.name === 'NOT_LEADER_OR_FOLLOWER')?.retriable);
  assert.equal(APIS[ApiKey.Fetch].name, 'Fetch');
  for (const api of Object.values(APIS)) assert.ok(api.minVersion <= api.maxVersion, api.name);
});

test('the error table flags Kafka\'s InvalidMetadataException family', () => {
  const flagged = KAFKA_ERRORS.filter((e) => e.invalidMetadata).map((e) => e.name);
  for (const n of ['NOT_LEADER_OR_FOLLOWER', 'UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'FENCED_LEADER_EPOCH', 'UNKNOWN_TOPIC_ID', 'INCONSISTENT_TOPIC_ID']) {
    assert.ok(flagged.includes(n as (typeof flagged)[number]), n);
  }
  for (const n of ['NONE', 'UNKNOWN_LEADER_EPOCH', 'NOT_COORDINATOR', 'OFFSET_OUT_OF_RANGE']) assert.ok(!flagged.includes(n as (typeof flagged)[number]), n);
  for (const e of KAFKA_ERRORS) if (e.invalidMetadata) assert.ok(e.retriable, `${e.name}: Kafka's InvalidMetadataException is retriable`);
});
