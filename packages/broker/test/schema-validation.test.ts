// Broker-side schema validation, the check itself (schema-validation.ts): which records a batch
// refuses and why, per-partition ordering of validated batches, the HTTP validator's cache, and
// the properties-file setting. The end-to-end test with a real registry and KafkaJS is
// packages/registry/test/serde-broker-validation.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeBatch } from '@tideline/protocol/internal';
import { PartitionChains, httpSchemaIdValidator, schemaIdRejections, type SchemaIdValidator } from '../src/schema-validation.js';
import { brokerOptionsFromProperties, parseProperties } from '../src/index.js';
import { logConfigOf, resolveTopicConfig, validateTopicConfigs } from '../src/configs.js';

const wire = (id: number, payload = 'x'): Buffer => Buffer.concat([Buffer.from([0, id >>> 24, (id >>> 16) & 0xff, (id >>> 8) & 0xff, id & 0xff]), Buffer.from(payload)]);
const registered: SchemaIdValidator = { isRegistered: (subject, id) => (subject === 't-value' && id === 1) || (subject === 't-key' && id === 2) };

test('value validation: no id, an id of another subject and a bad prefix are refused by index; tombstones pass', async () => {
  const batch = encodeBatch({
    records: [
      { value: wire(1) }, { value: Buffer.from('{"plain":"json"}') }, { value: wire(7) }, { value: null }, { value: Buffer.from([0, 0]) },
    ],
  });
  const r = await schemaIdRejections(batch, 't', { key: false, value: true }, registered);
  assert.deepEqual(r.map((x) => x.batchIndex), [1, 2, 4]);
  assert.match(r[0]!.batchIndexErrorMessage, /record 1: the value carries no schema id/);
  assert.match(r[1]!.batchIndexErrorMessage, /record 2: schema id 7 of the value is not registered under subject t-value/);
});

test('the schema-id header is read (id form); the GUID form and a missing registry are refused', async () => {
  const header = (v: Buffer) => [{ key: '__value_schema_id', value: v }];
  const guid = Buffer.concat([Buffer.from([1]), Buffer.alloc(16, 0xab)]);
  const batch = encodeBatch({ records: [{ value: Buffer.from('no prefix'), headers: header(wire(1, '')) }, { value: Buffer.from('p'), headers: header(guid) }] });
  const r = await schemaIdRejections(batch, 't', { key: false, value: true }, registered);
  assert.deepEqual(r.map((x) => x.batchIndex), [1]);
  assert.match(r[0]!.batchIndexErrorMessage, /GUID/);
  const none = await schemaIdRejections(encodeBatch({ records: [{ value: wire(1) }] }), 't', { key: false, value: true }, null);
  assert.match(none[0]!.batchIndexErrorMessage, /no confluent\.schema\.registry\.url/);
});

test('key validation uses the -key subject; an async validator is asked once per (subject, id) per batch', async () => {
  let asked = 0;
  const slow: SchemaIdValidator = { isRegistered: async (s, id) => (asked++, registered.isRegistered(s, id)) };
  const batch = encodeBatch({ records: Array.from({ length: 50 }, () => ({ key: wire(2), value: wire(1) })) });
  assert.deepEqual(await schemaIdRejections(batch, 't', { key: true, value: true }, slow), []);
  assert.equal(asked, 2);
  const keyless = await schemaIdRejections(encodeBatch({ records: [{ key: null, value: wire(1) }] }), 't', { key: true, value: false }, registered);
  assert.match(keyless[0]!.batchIndexErrorMessage, /the key carries no schema id/);
});

test('PartitionChains runs each batch\'s step after the previous one\'s, whatever their durations', async () => {
  const chains = new PartitionChains();
  const p = {};
  const order: number[] = [];
  const step = (n: number, ms: number) => () => new Promise<number>((r) => setTimeout(() => r(n), ms));
  await Promise.all([3, 0, 2, 1].map(async (ms, i) => {
    await chains.run(p, step(i, ms * 5));
    order.push(i);
  }));
  assert.deepEqual(order, [0, 1, 2, 3]);
});

test('the HTTP validator keeps positive answers, retries negative ones after their TTL, one request per id at a time', async () => {
  let requests = 0;
  let subjects = ['a-value'];
  const server = createServer((req, res) => {
    requests++;
    if (req.url !== '/schemas/ids/5/versions') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error_code":40403,"message":"Schema not found"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(subjects.map((subject) => ({ subject, version: 1 }))));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const v = httpSchemaIdValidator(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { negativeTtlMs: 50 });
    assert.deepEqual(await Promise.all([v.isRegistered('a-value', 5), v.isRegistered('a-value', 5)]), [true, true]);
    assert.equal(requests, 1);
    assert.equal(v.isRegistered('a-value', 5), true);
    assert.equal(await v.isRegistered('b-value', 5), false);
    assert.equal(v.isRegistered('b-value', 5), false);
    assert.equal(await v.isRegistered('a-value', 6), false);
    subjects = ['a-value', 'b-value'];
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(await v.isRegistered('b-value', 5), true);
    assert.equal(requests, 4);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('configs: the two topic configs default to false and validate as booleans; the properties file sets the registry URL', () => {
  assert.equal(resolveTopicConfig({}).valueSchemaValidation, false);
  assert.equal(resolveTopicConfig({ 'confluent.value.schema.validation': 'true' }).valueSchemaValidation, true);
  assert.equal(resolveTopicConfig({ 'confluent.key.schema.validation': 'TRUE' }).keySchemaValidation, true);
  assert.throws(() => validateTopicConfigs({ 'confluent.value.schema.validation': 'yes' }), /Invalid value yes/);
  assert.ok(logConfigOf({ 'confluent.value.schema.validation': 'true' }));
  const { options } = brokerOptionsFromProperties(parseProperties('confluent.schema.registry.url=http://127.0.0.1:8081\nconfluent.basic.auth.user.info=u:p\n'), () => '');
  assert.deepEqual(options.schemaRegistry, { url: 'http://127.0.0.1:8081', basicAuth: 'u:p' });
});
