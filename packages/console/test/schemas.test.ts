// The Schemas API and registry decoding against Tideline and Apache Kafka, each with our registry
// service (@tideline/registry) on its own _schemas topic: subjects, versions, diff, compatibility
// levels, a failing draft check with the registry's reasons, register; produce with the registry's
// serializer (Avro value, Protobuf key), records written by KafkaJS with
// @kafkajs/confluent-schema-registry, decoded in browse/record/scan, and the filter on decoded fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import kafkajs from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { startRegistry, type RegistryHandle } from '@tideline/registry';
import { freePort } from '@tideline/interop';
import { bothBrokers, call, uniqueTopic, useApacheKafka } from './brokers.js';
import { seedTopic } from './seed.js';
import { compileFilter, startConsole, type ConsoleServer } from '../src/index.js';
import type { ConsumerRecord } from '@tideline/client';

useApacheKafka();

interface ApiErr { error: { code: string; message: string; registryErrorCode?: number } }

const V1 = JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }] });
const V2 = JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'channel', type: 'string', default: 'web' }] });
/** Not backward compatible with V2: a new field without a default. */
const BAD = JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'channel', type: 'string', default: 'web' }, { name: 'region', type: 'string' }] });
const PROTO = 'syntax = "proto3";\npackage shop;\nmessage OrderKey {\n  string order_id = 1;\n  int32 shard = 2;\n}\n';

async function withRegistryConsole<T>(bootstrap: string, fn: (c: ConsoleServer, reg: RegistryHandle) => Promise<T>, registryUrl?: (url: string) => string): Promise<T> {
  const topic = uniqueTopic('_schemas');
  const reg = await startRegistry({ cluster: { bootstrap }, port: 0, topic, groupId: `${topic}-group`, leaderElection: false, topicReplicationFactor: 1 });
  try {
    const c = await startConsole({ cluster: { bootstrap }, port: 0, registryUrl: registryUrl === undefined ? reg.url : registryUrl(reg.url) });
    try {
      return await fn(c, reg);
    } finally {
      await c.close();
    }
  } finally {
    await reg.close();
  }
}

interface Decoded { schemaId: number | null; schemaType?: string; subjects?: Array<{ subject: string; version: number }>; value?: unknown; error?: string }
interface Rec { offset: string; partition: number; decoded?: { key?: Decoded; value?: Decoded } }

bothBrokers('schemas: subjects, versions, diff, compatibility levels, a failing check with the registry\'s reasons, register; bad input', { timeout: 120_000 }, async (b) => {
  await withRegistryConsole(b.bootstrap, async (c) => {
    const subject = uniqueTopic('orders') + '-value';
    const empty = await call<{ subjects: unknown[]; compatibility: string; registryUrl: string }>(c, 'GET', '/api/schemas');
    assert.equal(empty.status, 200, JSON.stringify(empty.body));
    assert.doesNotMatch(empty.body.registryUrl, /secret/, 'basic-auth credentials in --registry are never shown');
    assert.doesNotMatch(JSON.stringify((await call(c, 'GET', '/api/overview')).body), /secret/);
    assert.deepEqual(empty.body.subjects, []);
    assert.equal(empty.body.compatibility, 'BACKWARD');

    const first = await call<{ compatible: boolean }>(c, 'POST', `/api/schemas/subjects/${subject}/check`, { schema: V1 });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.compatible, true, 'anything is compatible with a subject that has no versions');
    const r1 = await call<{ id: number; version: number }>(c, 'POST', `/api/schemas/subjects/${subject}/versions`, { schema: V1, schemaType: 'AVRO' });
    assert.equal(r1.status, 200, JSON.stringify(r1.body));
    assert.equal(r1.body.version, 1);
    const ok = await call<{ compatible: boolean; messages: string[] }>(c, 'POST', `/api/schemas/subjects/${subject}/check`, { schema: V2 });
    assert.equal(ok.body.compatible, true, JSON.stringify(ok.body));
    const r2 = await call<{ id: number; version: number }>(c, 'POST', `/api/schemas/subjects/${subject}/versions`, { schema: JSON.parse(V2) as object });
    assert.equal(r2.body.version, 2, JSON.stringify(r2.body));

    const bad = await call<{ compatible: boolean; messages: string[] }>(c, 'POST', `/api/schemas/subjects/${subject}/check`, { schema: BAD });
    assert.equal(bad.status, 200);
    assert.equal(bad.body.compatible, false);
    assert.ok(bad.body.messages.length > 0 && bad.body.messages.some((m) => /region/.test(m)), `verbose reasons name the field: ${JSON.stringify(bad.body.messages)}`);
    const refused = await call<ApiErr>(c, 'POST', `/api/schemas/subjects/${subject}/versions`, { schema: BAD });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'INCOMPATIBLE_SCHEMA');

    const list = await call<{ subjects: Array<{ subject: string; latestVersion: number; id: number; schemaType: string }> }>(c, 'GET', '/api/schemas');
    assert.deepEqual(list.body.subjects, [{ subject, latestVersion: 2, id: r2.body.id, schemaType: 'AVRO' }]);
    const one = await call<{ versions: number[]; latest: { version: number; pretty: string }; compatibility: { subject: string | null; global: string; effective: string } }>(c, 'GET', `/api/schemas/subjects/${subject}`);
    assert.deepEqual(one.body.versions, [1, 2]);
    assert.equal(one.body.latest.version, 2);
    assert.match(one.body.latest.pretty, /\n {2}"fields": \[/);
    assert.deepEqual(one.body.compatibility, { subject: null, global: 'BACKWARD', effective: 'BACKWARD' });
    const v1 = await call<{ id: number; schema: string }>(c, 'GET', `/api/schemas/subjects/${subject}/versions/1`);
    assert.equal(v1.body.id, r1.body.id);

    const diff = await call<{ added: number; removed: number; lines: Array<{ op: string; text: string }> }>(c, 'GET', `/api/schemas/subjects/${subject}/diff?from=1&to=2`);
    assert.equal(diff.status, 200, JSON.stringify(diff.body));
    assert.ok(diff.body.lines.some((l) => l.op === '+' && l.text.includes('"channel"')), JSON.stringify(diff.body.lines));
    assert.ok(diff.body.added > 0);
    assert.deepEqual((await call(c, 'GET', `/api/schemas/subjects/${subject}/diff`)).body, diff.body, 'default: latest against the version before it');

    const set = await call<{ compatibility: { subject: string } }>(c, 'PUT', `/api/schemas/subjects/${subject}/config`, { compatibility: 'forward' });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.compatibility.subject, 'FORWARD');
    assert.equal((await call<{ compatibility: { effective: string } }>(c, 'GET', `/api/schemas/subjects/${subject}`)).body.compatibility.effective, 'FORWARD');
    assert.equal((await call<{ compatibility: { subject: null } }>(c, 'DELETE', `/api/schemas/subjects/${subject}/config`, {})).body.compatibility.subject, null);
    assert.equal((await call<{ compatibility: string }>(c, 'PUT', '/api/schemas/config', { compatibility: 'FULL' })).body.compatibility, 'FULL');
    assert.equal((await call<{ compatibility: string }>(c, 'GET', '/api/schemas/config')).body.compatibility, 'FULL');
    await call(c, 'PUT', '/api/schemas/config', { compatibility: 'BACKWARD' });

    for (const [method, path, body, status, code] of [
      ['PUT', '/api/schemas/config', { compatibility: 'SOMETIMES' }, 400, 'BAD_REQUEST'],
      ['PUT', '/api/schemas/config', {}, 400, 'BAD_REQUEST'],
      ['POST', `/api/schemas/subjects/${subject}/check`, {}, 400, 'BAD_REQUEST'],
      ['POST', `/api/schemas/subjects/${subject}/check`, { schema: V1, schemaType: 'XML' }, 400, 'BAD_REQUEST'],
      ['POST', `/api/schemas/subjects/${subject}/versions`, { schema: '{"type": "nonsense"}' }, 422, 'REGISTRY_ERROR'],
      ['GET', '/api/schemas/subjects/no-such-subject', undefined, 404, 'UNKNOWN_SUBJECT'],
      ['GET', `/api/schemas/subjects/${subject}/versions/9`, undefined, 404, 'UNKNOWN_SUBJECT'],
      ['GET', `/api/schemas/subjects/${subject}/versions/x`, undefined, 400, 'BAD_REQUEST'],
      ['GET', '/api/schemas/ids/999999', undefined, 404, 'UNKNOWN_SCHEMA'],
    ] as const) {
      const r = await call<ApiErr>(c, method, path, body);
      assert.equal(r.status, status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, code);
    }
  }, (url) => url.replace('http://', 'http://console:secret@'));
  // Without --registry the Schemas routes say so, and decode=registry is refused.
  const plain = await startConsole({ cluster: { bootstrap: b.bootstrap }, port: 0 });
  try {
    const r = await call<ApiErr>(plain, 'GET', '/api/schemas');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'REGISTRY_NOT_CONFIGURED');
  } finally {
    await plain.close();
  }
});

bothBrokers('registry decoding: produce with the serializer (Avro value, Protobuf key), KafkaJS with @kafkajs/confluent-schema-registry, decoded in browse, record and scan; the filter reads decoded fields', { timeout: 120_000 }, async (b) => {
  await withRegistryConsole(b.bootstrap, async (c, reg) => {
    const topic = uniqueTopic('console-avro');
    await seedTopic(b.bootstrap, topic, { count: 0 });
    const vs = `${topic}-value`;
    const ks = `${topic}-key`;
    const v1 = await call<{ id: number }>(c, 'POST', `/api/schemas/subjects/${vs}/versions`, { schema: V1 });
    const v2 = await call<{ id: number }>(c, 'POST', `/api/schemas/subjects/${vs}/versions`, { schema: V2 });
    const k1 = await call<{ id: number }>(c, 'POST', `/api/schemas/subjects/${ks}/versions`, { schema: PROTO, schemaType: 'PROTOBUF' });
    assert.equal(k1.status, 200, JSON.stringify(k1.body));

    const p1 = await call<{ offset: string; schemas: { value: { id: number }; key: { id: number } } }>(c, 'POST', `/api/topics/${topic}/messages`, {
      key: JSON.stringify({ order_id: 'o-1', shard: 3 }), keySchema: { subject: ks },
      value: JSON.stringify({ order_id: 'o-1', amount: 12.5, channel: 'shop' }), valueSchema: { subject: vs },
    });
    assert.equal(p1.status, 200, JSON.stringify(p1.body));
    assert.equal(p1.body.schemas.value.id, v2.body.id, 'latest by default');
    assert.equal(p1.body.schemas.key.id, k1.body.id);
    const p2 = await call<{ schemas: { value: { id: number; version: number } } }>(c, 'POST', `/api/topics/${topic}/messages`, { key: 'plain-key', value: JSON.stringify({ order_id: 'o-2', amount: 7 }), valueSchema: { subject: vs, version: 1 } });
    assert.equal(p2.status, 200, JSON.stringify(p2.body));
    assert.deepEqual(p2.body.schemas.value, { id: v1.body.id, version: 1 });
    const wrong = await call<ApiErr>(c, 'POST', `/api/topics/${topic}/messages`, { value: JSON.stringify({ order_id: 5 }), valueSchema: { subject: vs } });
    assert.equal(wrong.status, 400, JSON.stringify(wrong.body));
    assert.match(wrong.body.error.message, /does not serialize/);
    assert.equal((await call<ApiErr>(c, 'POST', `/api/topics/${topic}/messages`, { value: 'not json', valueSchema: { subject: vs } })).status, 400);
    assert.equal((await call<ApiErr>(c, 'POST', `/api/topics/${topic}/messages`, { value: '{}', valueSchema: { subject: 'no-such-subject' } })).body.error.code, 'UNKNOWN_SUBJECT');

    // A third-party serializer: KafkaJS's registry client encodes, KafkaJS produces.
    const kjs = new SchemaRegistry({ host: reg.url });
    const kafka = new kafkajs.Kafka({ clientId: 'console-schemas', brokers: [b.bootstrap], logLevel: kafkajs.logLevel.NOTHING });
    const kp = kafka.producer();
    await kp.connect();
    try {
      await kp.send({
        topic, messages: [
          { key: 'kjs', value: await kjs.encode(v2.body.id, { order_id: 'o-3', amount: 1.25, channel: 'kafkajs' }) },
          // Framed like the wire format but naming a schema id the registry does not have.
          { key: 'bogus', value: Buffer.from([0, 0, 0x7f, 0xff, 0xff, 1, 2, 3]) },
        ],
      });
    } finally {
      await kp.disconnect();
    }

    const browse = await call<{ records: Rec[] }>(c, 'GET', `/api/topics/${topic}/messages?mode=offset&offset=0`);
    assert.equal(browse.status, 200, JSON.stringify(browse.body));
    const recs = browse.body.records;
    assert.equal(recs.length, 4);
    assert.deepEqual(recs[0]!.decoded?.value?.value, { order_id: 'o-1', amount: 12.5, channel: 'shop' });
    assert.equal(recs[0]!.decoded?.value?.schemaType, 'AVRO');
    assert.equal(recs[0]!.decoded?.value?.subjects?.[0]?.subject, vs);
    assert.deepEqual(recs[0]!.decoded?.key?.value, { order_id: 'o-1', shard: 3 });
    assert.equal(recs[0]!.decoded?.key?.schemaType, 'PROTOBUF');
    assert.deepEqual(recs[1]!.decoded?.value?.value, { order_id: 'o-2', amount: 7 });
    assert.equal(recs[1]!.decoded?.key, undefined, 'a plain string key is not decoded');
    assert.deepEqual(recs[2]!.decoded?.value?.value, { order_id: 'o-3', amount: 1.25, channel: 'kafkajs' });
    assert.equal(recs[3]!.decoded?.value?.schemaId, 0x7fffff);
    assert.match(recs[3]!.decoded?.value?.error ?? '', /not found|40403/i);
    const byId = await call<{ schemaType: string; pretty: string; subjects: Array<{ subject: string; version: number }> }>(c, 'GET', `/api/schemas/ids/${recs[0]!.decoded!.value!.schemaId}`);
    assert.deepEqual(byId.body.subjects, [{ subject: vs, version: 2 }], JSON.stringify(byId.body));
    assert.match(byId.body.pretty, /"channel"/);
    const none = await call<{ records: Rec[] }>(c, 'GET', `/api/topics/${topic}/messages?mode=offset&offset=0&decode=none`);
    assert.ok(none.body.records.every((r) => r.decoded === undefined));
    const one = await call<Rec>(c, 'GET', `/api/topics/${topic}/partitions/0/records/${recs[2]!.offset}`);
    assert.equal((one.body.decoded?.value?.value as { channel: string }).channel, 'kafkajs');

    // The server-side filter reads decoded fields (Avro value, Protobuf key) over the whole range.
    for (const [filter, want] of [
      ['value.order_id == "o-3"', ['o-3']],
      ['value.amount > 5', ['o-1', 'o-2']],
      ['key.shard == 3 && value.channel == "shop"', ['o-1']],
    ] as const) {
      const res = await fetch(new URL(`/api/topics/${topic}/scan?filter=${encodeURIComponent(filter)}`, c.url));
      const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; scanned?: number; record?: Rec });
      const found = lines.filter((l) => l.type === 'match').map((l) => (l.record!.decoded?.value?.value as { order_id: string }).order_id);
      assert.deepEqual(found, want, filter);
      assert.equal(lines.at(-1)!.scanned, 4);
    }

    // JSON Schema, under a subject of another name than the topic's.
    const js = `${topic}-json`;
    const jsSchema = JSON.stringify({ type: 'object', title: 'Note', properties: { text: { type: 'string' } }, required: ['text'] });
    assert.equal((await call(c, 'POST', `/api/schemas/subjects/${js}/versions`, { schema: jsSchema, schemaType: 'JSON' })).status, 200);
    assert.equal((await call<ApiErr>(c, 'POST', `/api/topics/${topic}/messages`, { value: '{"text": 5}', valueSchema: { subject: js } })).status, 400, 'validated against the JSON schema');
    assert.equal((await call(c, 'POST', `/api/topics/${topic}/messages`, { value: '{"text": "hello"}', valueSchema: { subject: js } })).status, 200);
    const last = await call<{ records: Rec[] }>(c, 'GET', `/api/topics/${topic}/messages?limit=1`);
    assert.deepEqual(last.body.records[0]!.decoded?.value?.value, { text: 'hello' });
    assert.equal(last.body.records[0]!.decoded?.value?.schemaType, 'JSON');
    assert.equal(last.body.records[0]!.decoded?.value?.subjects?.[0]?.subject, js);
  });
});

test('registry decoding refuses decode=registry without a registry; an unreachable registry is 502', { timeout: 30_000 }, async () => {
  const c = await startConsole({ cluster: { bootstrap: '127.0.0.1:1' }, port: 0 });
  try {
    const r = await call<ApiErr>(c, 'GET', '/api/topics/t/messages?decode=registry');
    // The registry is checked before the broker is asked anything.
    assert.equal(r.body.error.code, 'REGISTRY_NOT_CONFIGURED', JSON.stringify(r.body));
    assert.equal((await call<ApiErr>(c, 'GET', '/api/topics/t/messages?decode=sometimes')).status, 400);
  } finally {
    await c.close();
  }
  // A registry URL where nothing listens (a port we bound, then released).
  const port = await freePort();
  const gone = await startConsole({ cluster: { bootstrap: '127.0.0.1:1' }, port: 0, registryUrl: `http://127.0.0.1:${port}` });
  try {
    for (const path of ['/api/schemas', `/api/schemas/subjects/x/versions/1`]) {
      const r = await call<ApiErr>(gone, 'GET', path);
      assert.equal(r.status, 502, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'REGISTRY_UNAVAILABLE');
    }
  } finally {
    await gone.close();
  }
});

test('filter paths read the decoded value from the hook; bare key/value comparisons still see the bytes', () => {
  const rec = { topic: 't', partition: 0, offset: 0n, timestamp: 0n, key: Buffer.from('k1'), value: Buffer.from([0, 0, 0, 0, 1, 6, 0x6f, 0x2d, 0x31]), headers: [] } as unknown as ConsumerRecord;
  const hook = (_r: ConsumerRecord, which: 'key' | 'value'): unknown => (which === 'value' ? { order_id: 'o-1', amount: 3 } : undefined);
  assert.equal(compileFilter('value.order_id == "o-1" && value.amount >= 3', hook)(rec), true);
  assert.equal(compileFilter('value.order_id == "o-1"')(rec), false, 'without the hook the bytes are not JSON');
  assert.equal(compileFilter('value contains "o-1"', hook)(rec), true, 'bytes: the Avro string is in the payload');
  assert.equal(compileFilter('key == "k1" && key.x == null', hook)(rec), true, 'undefined from the hook: the key read as JSON (not JSON: null)');
});
