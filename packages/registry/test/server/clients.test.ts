// Confluent's own JS client and KafkaJS's registry client against our registry (the serde-level
// interop lives in serde-interop.test.ts); basic auth and subject permissions seen through
// Confluent's client; the request metrics at GET /metrics.
import assert from 'node:assert/strict';
import { SchemaRegistryClient } from '@confluentinc/schemaregistry';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { RegistryErrorCode } from '../../src/index.js';
import { AVRO_BAD, AVRO_V1, AVRO_V2, bothBrokers, call, registryOn, useApacheKafka } from '../helpers.js';

useApacheKafka();

bothBrokers('@confluentinc/schemaregistry and @kafkajs/confluent-schema-registry: register, look up, test, delete', {}, async (b) => {
  const r = await registryOn(b.bootstrap);
  try {
    const c = new SchemaRegistryClient({ baseURLs: [r.url], maxRetries: 0 });
    const id = await c.register('cc-value', { schemaType: 'AVRO', schema: AVRO_V1 });
    assert.equal(id, 1);
    const info = await c.getBySubjectAndId('cc-value', id);
    assert.deepEqual(JSON.parse(info.schema), JSON.parse(AVRO_V1));
    assert.equal(await c.testCompatibility('cc-value', 1, { schemaType: 'AVRO', schema: AVRO_V2 }), true);
    assert.equal(await c.testCompatibility('cc-value', 1, { schemaType: 'AVRO', schema: AVRO_BAD }), false);
    assert.equal(await c.register('cc-value', { schemaType: 'AVRO', schema: AVRO_V2 }), 2);
    const latest = await c.getLatestSchemaMetadata('cc-value');
    assert.deepEqual([latest.id, latest.version, latest.subject], [2, 2, 'cc-value']);
    assert.equal(await c.getId('cc-value', { schemaType: 'AVRO', schema: AVRO_V1 }), 1);
    await assert.rejects(c.register('cc-value', { schemaType: 'AVRO', schema: AVRO_BAD }), (e: { status?: number; errorCode?: number }) => e.errorCode === RegistryErrorCode.INCOMPATIBLE_SCHEMA);
    assert.deepEqual(await c.getAllSubjects(), ['cc-value']);
    assert.deepEqual(await c.getAllVersions('cc-value'), [1, 2]);
    assert.deepEqual(await c.deleteSubject('cc-value'), [1, 2]);
    assert.deepEqual(await c.deleteSubject('cc-value', true), [1, 2]);
    assert.deepEqual(await c.getAllSubjects(), []);
    c.close();

    const k = new SchemaRegistry({ host: r.url });
    // Ids are never reused: the permanently deleted schema comes back under a new one.
    const kr = await k.register({ type: SchemaType.AVRO, schema: AVRO_V1 }, { subject: 'kjs-value' });
    assert.equal(kr.id, 3);
    assert.equal(await k.getLatestSchemaId('kjs-value'), 3);
    assert.deepEqual(await k.getRegistryId('kjs-value', 1), 3);
    const { id: jsonId } = await k.register({ type: SchemaType.JSON, schema: '{"type":"object","properties":{"a":{"type":"string"}}}' }, { subject: 'kjs-json' });
    assert.equal(jsonId, 4);
  } finally {
    await r.close();
  }
});

bothBrokers('basic auth and subject permissions (prefixed patterns, read/write split)', {}, async (b) => {
  const r = await registryOn(b.bootstrap, {
    auth: {
      users: { admin: 'admin-secret', writer: 'w-secret', reader: 'r-secret' },
      superUsers: ['User:admin'],
      acls: [
        { principal: 'User:writer', subject: 'orders-', patternType: 'prefixed', operation: 'write' },
        { principal: 'User:reader', subject: 'orders-', patternType: 'prefixed', operation: 'read' },
        { principal: 'User:reader', subject: 'orders-secret', operation: 'read', permission: 'deny' },
      ],
    },
  });
  const as = (user: string, pw: string): Record<string, string> => ({ authorization: `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}` });
  try {
    const u = r.url;
    const anon = await call(u, 'GET', '/subjects');
    assert.deepEqual([anon.status, anon.body], [401, { error_code: 40101, message: 'Unauthorized' }]);
    assert.equal((await call(u, 'GET', '/subjects', undefined, as('admin', 'wrong'))).status, 401);
    // The writer may register under orders-*, not elsewhere.
    const cw = new SchemaRegistryClient({ baseURLs: [u], maxRetries: 0, basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: 'writer:w-secret' } });
    assert.equal(await cw.register('orders-value', { schemaType: 'AVRO', schema: AVRO_V1 }), 1);
    await assert.rejects(cw.register('payments-value', { schemaType: 'AVRO', schema: AVRO_V1 }), (e: { status?: number }) => e.status === 403);
    cw.close();
    assert.equal((await call(u, 'POST', '/subjects/orders-secret/versions', { schema: AVRO_V1 }, as('admin', 'admin-secret'))).status, 200);
    assert.equal((await call(u, 'POST', '/subjects/payments-value/versions', { schema: AVRO_V2 }, as('admin', 'admin-secret'))).status, 200);
    // The reader reads orders-* (but not the denied one), cannot write, and lists only what it may read.
    assert.equal((await call(u, 'GET', '/subjects/orders-value/versions/1', undefined, as('reader', 'r-secret'))).status, 200);
    assert.equal((await call(u, 'GET', '/subjects/orders-secret/versions/1', undefined, as('reader', 'r-secret'))).status, 403);
    const denied = await call(u, 'POST', '/subjects/orders-value/versions', { schema: AVRO_V2 }, as('reader', 'r-secret'));
    assert.deepEqual([denied.status, (denied.body as { error_code: number }).error_code], [403, 40301]);
    assert.deepEqual((await call(u, 'GET', '/subjects', undefined, as('reader', 'r-secret'))).body, ['orders-value']);
    assert.equal((await call(u, 'GET', '/schemas/ids/1', undefined, as('reader', 'r-secret'))).status, 200);
    assert.equal((await call(u, 'GET', '/schemas/ids/2', undefined, as('reader', 'r-secret'))).status, 403);
    assert.equal((await call(u, 'PUT', '/config', { compatibility: 'NONE' }, as('writer', 'w-secret'))).status, 403);
    assert.equal((await call(u, 'PUT', '/config', { compatibility: 'NONE' }, as('admin', 'admin-secret'))).status, 200);
  } finally {
    await r.close();
  }
});

bothBrokers('GET /metrics: request counts by route template and status, latency histogram', {}, async (b) => {
  const r = await registryOn(b.bootstrap);
  try {
    await call(r.url, 'POST', '/subjects/m-value/versions', { schema: AVRO_V1 });
    await call(r.url, 'GET', '/subjects/m-value/versions/1');
    await call(r.url, 'GET', '/subjects/nope/versions/1');
    await call(r.url, 'GET', '/associations/x');
    const m = await fetch(`${r.url}/metrics`);
    assert.match(m.headers.get('content-type') ?? '', /text\/plain/);
    const text = await m.text();
    assert.match(text, /tideline_registry_http_requests_total\{route="\/subjects\/:subject\/versions",method="POST",status="200"\} 1/);
    assert.match(text, /tideline_registry_http_requests_total\{route="\/subjects\/:subject\/versions\/:version",method="GET",status="200"\} 1/);
    assert.match(text, /tideline_registry_http_requests_total\{route="\/subjects\/:subject\/versions\/:version",method="GET",status="404"\} 1/);
    assert.match(text, /tideline_registry_http_requests_total\{route="unmatched",method="GET",status="404"\} 1/);
    assert.match(text, /tideline_registry_http_request_duration_seconds_bucket\{le="[0-9.+Inf]+",route="\/subjects\/:subject\/versions",method="POST"\}/);
  } finally {
    await r.close();
  }
});
