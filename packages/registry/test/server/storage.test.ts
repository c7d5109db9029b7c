// The `_schemas` topic format: a topic written by hand in Confluent's (and Karapace's) format loads
// into ours, what we write reads back in that format byte for byte, and a restart reloads it all.
// The hand-written records go in and come out through kcat (librdkafka), not our client.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Admin } from '@tideline/client';
import { kcat } from '@tideline/interop';
import { AVRO_V1, AVRO_V2, bothBrokers, call, idOf, registryOn, uniqueTopic, useApacheKafka } from '../helpers.js';

useApacheKafka();

const PROTO = 'syntax = "proto3";\npackage shop;\n\nmessage Return {\n  string order_id = 1;\n}\n';
const JSONS = '{"type":"object","properties":{"a":{"type":"string"}}}';

/** Records as Confluent Schema Registry (and Karapace in its old key order) would have written them. */
function confluentRecords(): Array<[string, string | null]> {
  const sv = (subject: string, version: number, id: number, schema: string, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({ subject, version, id, ...extra, schema, deleted: false });
  return [
    ['{"keytype":"CONFIG","subject":null,"magic":0}', '{"compatibilityLevel":"FULL"}'],
    ['{"keytype":"SCHEMA","subject":"a-value","version":1,"magic":1}', sv('a-value', 1, 1, AVRO_V1)],
    ['{"keytype":"SCHEMA","subject":"a-value","version":2,"magic":1}', sv('a-value', 2, 2, AVRO_V2)],
    ['{"keytype":"SCHEMA","subject":"b-value","version":1,"magic":1}', sv('b-value', 1, 1, AVRO_V1)],
    ['{"keytype":"SCHEMA","subject":"p-value","version":1,"magic":1}', sv('p-value', 1, 3, PROTO, { schemaType: 'PROTOBUF' })],
    // Karapace's deprecated key order: still a SCHEMA key.
    ['{"subject":"k-value","version":1,"magic":1,"keytype":"SCHEMA"}', sv('k-value', 1, 4, JSONS, { schemaType: 'JSON' })],
    ['{"keytype":"NOOP","magic":0}', null],
    ['{"keytype":"SCHEMA","subject":"c-value","version":1,"magic":1}', sv('c-value', 1, 5, '{"type":"string"}')],
    ['{"keytype":"SCHEMA","subject":"c-value","version":1,"magic":1}', null],
    ['{"keytype":"DELETE_SUBJECT","subject":"b-value","magic":0}', '{"subject":"b-value","version":1}'],
    ['{"keytype":"MODE","subject":"a-value","magic":0}', '{"mode":"READONLY"}'],
    ['{"keytype":"CONFIG","subject":"a-value","magic":0}', '{"compatibilityLevel":"NONE"}'],
    ['not a registry key', 'whatever'],
  ];
}

async function produceByHand(bootstrap: string, topic: string, records: Array<[string, string | null]>): Promise<void> {
  const admin = new Admin({ bootstrap });
  await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1, configs: { 'cleanup.policy': 'compact' } }]);
  await admin.close();
  const input = records.map(([k, v]) => `${k}\t${v ?? ''}\n`).join('');
  await kcat(['-b', bootstrap, '-P', '-t', topic, '-p', '0', '-K', '\t', '-Z', '-X', 'acks=all'], { input, timeoutMs: 30_000 });
}

async function readByHand(bootstrap: string, topic: string): Promise<Array<{ key: string; value: string | null }>> {
  const out = await kcat(['-b', bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%k\t%S\t%s\n'], { timeoutMs: 30_000 });
  return out.stdout.split('\n').filter((l) => l !== '').map((l) => {
    const [key, len, ...rest] = l.split('\t');
    return { key: key!, value: len === '-1' ? null : rest.join('\t') };
  });
}

bothBrokers('a _schemas topic written by hand in Confluent\'s format loads; our records read back in it; a restart reloads', { timeout: 180_000 }, async (b) => {
  const topic = uniqueTopic('_schemas');
  await produceByHand(b.bootstrap, topic, confluentRecords());
  let r = await registryOn(b.bootstrap, { topic });
  try {
    const u = r.url;
    assert.deepEqual((await call(u, 'GET', '/subjects')).body, ['a-value', 'k-value', 'p-value']);
    assert.deepEqual((await call(u, 'GET', '/subjects?deleted=true')).body, ['a-value', 'b-value', 'k-value', 'p-value']);
    assert.deepEqual((await call(u, 'GET', '/subjects/a-value/versions')).body, [1, 2]);
    const guid = (text: string): string => {
      const x = createHash('md5').update(text).digest('hex');
      return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
    };
    assert.deepEqual((await call(u, 'GET', '/subjects/p-value/versions/1')).body, { subject: 'p-value', version: 1, id: 3, guid: guid(PROTO), schemaType: 'PROTOBUF', schema: PROTO });
    assert.deepEqual((await call(u, 'GET', '/schemas/ids/4')).body, { guid: guid(JSONS), schemaType: 'JSON', schema: JSONS });
    assert.equal(((await call(u, 'GET', '/schemas/ids/5')).body as { error_code: number }).error_code, 40403);
    assert.deepEqual((await call(u, 'GET', '/schemas/ids/1/subjects?deleted=true')).body, ['a-value', 'b-value']);
    assert.deepEqual((await call(u, 'GET', '/config')).body, { compatibilityLevel: 'FULL' });
    assert.deepEqual((await call(u, 'GET', '/config/a-value')).body, { compatibilityLevel: 'NONE' });
    assert.deepEqual((await call(u, 'GET', '/mode/a-value')).body, { mode: 'READONLY' });
    assert.equal(((await call(u, 'POST', '/subjects/a-value/versions', { schema: '{"type":"string"}' })).body as { error_code: number }).error_code, 42205);

    // What we write, in Confluent's bytes: ids continue after the largest seen (5, even though deleted).
    assert.equal(idOf(await call(u, 'POST', '/subjects/z-value/versions', { schema: '{"type":"string"}' })), 6);
    assert.deepEqual((await call(u, 'POST', '/subjects/z-value/versions', { schema: PROTO, schemaType: 'PROTOBUF' })).status, 409);
    await call(u, 'PUT', '/config/z-value', { compatibility: 'FORWARD' });
    await call(u, 'PUT', '/mode/z-value', { mode: 'READWRITE' });
    await call(u, 'DELETE', '/subjects/z-value');
    await call(u, 'DELETE', '/subjects/z-value?permanent=true');
    const written = (await readByHand(b.bootstrap, topic)).slice(confluentRecords().length);
    const stored = JSON.parse(written[0]!.value!) as { schema: string };
    assert.deepEqual(written.map((w) => w.key), [
      '{"keytype":"SCHEMA","subject":"z-value","version":1,"magic":1}',
      '{"keytype":"CONFIG","subject":"z-value","magic":0}',
      '{"keytype":"MODE","subject":"z-value","magic":0}',
      '{"keytype":"SCHEMA","subject":"z-value","version":1,"magic":1}',
      '{"keytype":"DELETE_SUBJECT","subject":"z-value","magic":0}',
      '{"keytype":"SCHEMA","subject":"z-value","version":1,"magic":1}',
      '{"keytype":"CONFIG","subject":"z-value","magic":0}',
      '{"keytype":"MODE","subject":"z-value","magic":0}',
    ]);
    assert.deepEqual(written.map((w) => w.value), [
      `{"subject":"z-value","version":1,"id":6,"schema":${JSON.stringify(stored.schema)},"deleted":false}`,
      '{"compatibilityLevel":"FORWARD"}',
      '{"mode":"READWRITE"}',
      `{"subject":"z-value","version":1,"id":6,"schema":${JSON.stringify(stored.schema)},"deleted":true}`,
      '{"subject":"z-value","version":1}',
      null,
      null,
      null,
    ]);

    // A restart rebuilds the same state from the topic alone.
    await call(u, 'POST', '/subjects/y-value/versions', { schema: AVRO_V1 });
    const before = await Promise.all(['/subjects?deleted=true', '/subjects/y-value/versions/1', '/schemas/ids/3', '/config', '/mode/a-value'].map((p) => call(u, 'GET', p)));
    await r.close();
    r = await registryOn(b.bootstrap, { topic });
    const after = await Promise.all(['/subjects?deleted=true', '/subjects/y-value/versions/1', '/schemas/ids/3', '/config', '/mode/a-value'].map((p) => call(r.url, 'GET', p)));
    assert.deepEqual(after.map((a) => a.body), before.map((a) => a.body));
    assert.deepEqual(((await call(r.url, 'GET', '/subjects/y-value/versions/1')).body as { id: number }).id, 1);
    // The topic we found is compacted and single-partition; one we create is too.
    const admin = new Admin({ bootstrap: b.bootstrap });
    try {
      const own = uniqueTopic('_schemas');
      const r2 = await registryOn(b.bootstrap, { topic: own });
      await r2.close();
      const [d] = await admin.describeTopics([own]);
      assert.equal(d!.partitions.length, 1);
      const [cfg] = await admin.describeConfigs([{ type: 'topic', name: own, keys: ['cleanup.policy'] }]);
      assert.equal(cfg!.configs.find((e) => e.name === 'cleanup.policy')?.value, 'compact');
    } finally {
      await admin.close();
    }
  } finally {
    await r.close();
  }
});

bothBrokers('reference cycles in a hand-written topic are refused (42201), never followed forever', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('_schemas');
  const rec = (subject: string, id: number, ref: string): [string, string] => [
    `{"keytype":"SCHEMA","subject":"${subject}","version":1,"magic":1}`,
    JSON.stringify({ subject, version: 1, id, schemaType: 'JSON', references: [{ name: `${ref}.json`, subject: ref, version: 1 }], schema: `{"$ref":"${ref}.json"}`, deleted: false }),
  ];
  await produceByHand(b.bootstrap, topic, [rec('a', 1, 'b'), rec('b', 2, 'a')]);
  const r = await registryOn(b.bootstrap, { topic });
  try {
    assert.deepEqual((await call(r.url, 'GET', '/subjects')).body, ['a', 'b']);
    const a = await call(r.url, 'POST', '/subjects/c/versions', { schemaType: 'JSON', schema: '{"$ref":"a.json"}', references: [{ name: 'a.json', subject: 'a', version: 1 }] });
    assert.equal((a.body as { error_code: number }).error_code, 42201);
    assert.match((a.body as { message: string }).message, /cycle/);
  } finally {
    await r.close();
  }
});
