// The REST API surface and its error codes, against a registry on Tideline and on Apache Kafka.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AVRO_BAD, AVRO_V1, AVRO_V2, bothBrokers, call, idOf, registryOn, useApacheKafka } from '../helpers.js';

useApacheKafka();

bothBrokers('register, look up, get by id and version; ids are global and reused across subjects', {}, async (b) => {
  const r = await registryOn(b.bootstrap);
  try {
    const u = r.url;
    assert.equal(idOf(await call(u, 'POST', '/subjects/returns-value/versions', { schema: AVRO_V1 })), 1);
    // Registering the same schema again: same id, no new version.
    assert.equal(idOf(await call(u, 'POST', '/subjects/returns-value/versions', { schema: AVRO_V1 })), 1);
    // The same schema under another subject reuses the id.
    assert.equal(idOf(await call(u, 'POST', '/subjects/other-value/versions', { schema: AVRO_V1 })), 1);
    assert.equal(idOf(await call(u, 'POST', '/subjects/returns-value/versions', { schema: AVRO_V2 })), 2);

    const latest = await call(u, 'GET', '/subjects/returns-value/versions/latest');
    assert.equal(latest.status, 200);
    assert.equal(latest.contentType, 'application/vnd.schemaregistry.v1+json');
    const stored = (latest.body as { schema: string }).schema;
    // The GUID is Confluent Platform 8's: the MD5 of the stored text (no references, metadata or rules), as a UUID.
    const md5 = createHash('md5').update(stored).digest('hex');
    const guid = `${md5.slice(0, 8)}-${md5.slice(8, 12)}-${md5.slice(12, 16)}-${md5.slice(16, 20)}-${md5.slice(20)}`;
    assert.deepEqual(latest.body, { subject: 'returns-value', version: 2, id: 2, guid, schema: stored });
    assert.deepEqual(JSON.parse(stored), JSON.parse(AVRO_V2));
    assert.deepEqual((await call(u, 'GET', `/schemas/guids/${guid}`)).body, { guid, schema: stored });
    assert.equal(((await call(u, 'GET', '/schemas/guids/00000000-0000-0000-0000-000000000000')).body as { error_code: number }).error_code, 40403);
    // The registration answer is the schema itself, as Confluent Platform 8 answers it.
    assert.deepEqual((await call(u, 'POST', '/subjects/returns-value/versions', { schema: AVRO_V2 })).body, { id: 2, version: 2, guid, schema: stored });
    assert.equal(((await call(u, 'GET', '/subjects/returns-value/versions/-1')).body as { version: number }).version, 2);
    assert.equal(((await call(u, 'GET', '/subjects/returns-value/versions/1')).body as { id: number }).id, 1);
    const raw = await call(u, 'GET', '/subjects/returns-value/versions/1/schema');
    assert.deepEqual(raw.body, JSON.parse(AVRO_V1));
    assert.deepEqual((await call(u, 'GET', '/subjects/returns-value/versions')).body, [1, 2]);
    assert.deepEqual((await call(u, 'GET', '/subjects')).body, ['other-value', 'returns-value']);
    assert.deepEqual((await call(u, 'GET', '/subjects?subjectPrefix=ret')).body, ['returns-value']);
    assert.deepEqual((await call(u, 'GET', '/subjects?offset=1&limit=1')).body, ['returns-value']);

    const byId = await call(u, 'GET', '/schemas/ids/1');
    assert.deepEqual(Object.keys(byId.body as object), ['guid', 'schema']);
    assert.deepEqual((await call(u, 'GET', '/schemas/ids/1/subjects')).body, ['other-value', 'returns-value']);
    assert.deepEqual((await call(u, 'GET', '/schemas/ids/1/versions')).body, [{ subject: 'other-value', version: 1 }, { subject: 'returns-value', version: 1 }]);
    assert.deepEqual((await call(u, 'GET', '/schemas/types')).body, ['JSON', 'PROTOBUF', 'AVRO']);
    assert.equal(((await call(u, 'GET', '/schemas')).body as unknown[]).length, 3);
    assert.equal(((await call(u, 'GET', '/schemas?latestOnly=true')).body as unknown[]).length, 2);

    // Lookup: POST /subjects/{s} answers the version holding the schema (whitespace does not matter).
    const found = await call(u, 'POST', '/subjects/returns-value', { schema: JSON.stringify(JSON.parse(AVRO_V1), null, 2) });
    assert.equal(found.status, 200);
    assert.deepEqual([(found.body as { id: number }).id, (found.body as { version: number }).version], [1, 1]);
    const notThere = await call(u, 'POST', '/subjects/returns-value', { schema: '{"type":"long"}' });
    assert.deepEqual([notThere.status, (notThere.body as { error_code: number }).error_code], [404, 40403]);
    const noSubject = await call(u, 'POST', '/subjects/nope', { schema: AVRO_V1 });
    assert.deepEqual(noSubject.body, { error_code: 40401, message: "Subject 'nope' not found." });

    // Errors for what does not exist.
    assert.deepEqual((await call(u, 'GET', '/schemas/ids/99')).body, { error_code: 40403, message: 'Schema 99 not found' });
    assert.equal((await call(u, 'GET', '/subjects/returns-value/versions/7')).body && ((await call(u, 'GET', '/subjects/returns-value/versions/7')).body as { error_code: number }).error_code, 40402);
    assert.equal(((await call(u, 'GET', '/subjects/returns-value/versions/abc')).body as { error_code: number }).error_code, 42202);
    assert.equal(((await call(u, 'GET', '/subjects/returns-value/versions/0')).body as { error_code: number }).error_code, 42202);
    assert.equal(((await call(u, 'GET', '/subjects/nope/versions')).body as { error_code: number }).error_code, 40401);

    // Unknown routes are 404 (never 500): Confluent's JS client probes /associations first.
    for (const p of ['/associations/subjects/x', '/nothing', '/subjects/a/b/c/d/e', '/dek-registry/v1/keks']) {
      const a = await call(u, 'GET', p);
      assert.equal(a.status, 404, p);
      assert.deepEqual(a.body, { error_code: 404, message: 'HTTP 404 Not Found' });
    }
    assert.equal((await call(u, 'PATCH', '/subjects')).status, 405);
    assert.deepEqual((await call(u, 'GET', '/')).body, {});
    const meta = (await call(u, 'GET', '/v1/metadata/id')).body as { scope: { clusters: Record<string, string> } };
    assert.equal(typeof meta.scope.clusters['kafka-cluster'], 'string');
    assert.ok(meta.scope.clusters['kafka-cluster']!.length > 0);
  } finally {
    await r.close();
  }
});

bothBrokers('metadata and ruleSet are stored and returned; use-by-metadata lookup; Protobuf format=serialized', {}, async (b) => {
  const r = await registryOn(b.bootstrap);
  try {
    const u = r.url;
    const metadata = { properties: { owner: 'returns-team', major: '1' }, tags: { 'CustomerReturn.order_id': ['PII'] } };
    const ruleSet = { domainRules: [{ name: 'positive', kind: 'CONDITION', mode: 'WRITE', type: 'CEL', expr: 'message.amount > 0' }] };
    assert.equal(idOf(await call(u, 'POST', '/subjects/dc-value/versions', { schema: AVRO_V1, metadata, ruleSet })), 1);
    // Same schema, other metadata: a new version (the contract changed) and, as Confluent keys ids by
    // schema + references + metadata + rules, a new id.
    assert.equal(idOf(await call(u, 'POST', '/subjects/dc-value/versions', { schema: AVRO_V1, metadata: { properties: { owner: 'returns-team', major: '2' } } })), 2);
    // The same again under another subject: that id again.
    assert.equal(idOf(await call(u, 'POST', '/subjects/dc2-value/versions', { schema: AVRO_V1, metadata: { properties: { owner: 'returns-team', major: '2' } } })), 2);
    const v1 = (await call(u, 'GET', '/subjects/dc-value/versions/1')).body as { metadata: unknown; ruleSet: unknown };
    assert.deepEqual([v1.metadata, v1.ruleSet], [metadata, ruleSet]);
    assert.equal(((await call(u, 'GET', '/subjects/dc-value/metadata?key=major&value=1')).body as { version: number }).version, 1);
    assert.equal(((await call(u, 'GET', '/subjects/dc-value/metadata?key=owner&value=returns-team')).body as { version: number }).version, 2);
    assert.equal(((await call(u, 'GET', '/subjects/dc-value/metadata?key=major&value=9')).body as { error_code: number }).error_code, 40402);

    const proto = 'syntax = "proto3";\npackage shop;\nmessage Return { string order_id = 1; double amount = 2; }\n';
    const pid = ((await call(u, 'POST', '/subjects/pb-value/versions', { schema: proto, schemaType: 'PROTOBUF' })).body as { id: number }).id;
    const text = (await call(u, 'GET', `/schemas/ids/${pid}`)).body as { schema: string; schemaType: string };
    assert.equal(text.schemaType, 'PROTOBUF');
    assert.match(text.schema, /message Return/);
    const serialized = (await call(u, 'GET', `/schemas/ids/${pid}?format=serialized`)).body as { schema: string };
    assert.match(serialized.schema, /^[A-Za-z0-9+/]+=*$/, 'base64 FileDescriptorProto');
    assert.ok(Buffer.from(serialized.schema, 'base64').includes(Buffer.from('order_id')));
  } finally {
    await r.close();
  }
});

bothBrokers('compatibility: levels, verbose messages, 40901 on register, config per subject and global', {}, async (b) => {
  const r = await registryOn(b.bootstrap);
  try {
    const u = r.url;
    await call(u, 'POST', '/subjects/c-value/versions', { schema: AVRO_V1 });
    assert.deepEqual((await call(u, 'POST', '/compatibility/subjects/c-value/versions/latest', { schema: AVRO_V2 })).body, { is_compatible: true });
    const bad = await call(u, 'POST', '/compatibility/subjects/c-value/versions/latest?verbose=true', { schema: AVRO_BAD });
    assert.equal((bad.body as { is_compatible: boolean }).is_compatible, false);
    assert.ok(((bad.body as { messages: string[] }).messages.join(' ')).includes('channel'), JSON.stringify(bad.body));
    assert.deepEqual((await call(u, 'POST', '/compatibility/subjects/c-value/versions', { schema: AVRO_BAD })).body, { is_compatible: false });
    // No such subject: anything is compatible with nothing.
    assert.deepEqual((await call(u, 'POST', '/compatibility/subjects/fresh/versions/latest', { schema: AVRO_BAD })).body, { is_compatible: true });
    const rejected = await call(u, 'POST', '/subjects/c-value/versions', { schema: AVRO_BAD });
    assert.equal(rejected.status, 409);
    assert.equal((rejected.body as { error_code: number }).error_code, 40901);

    // Config: global default BACKWARD; a subject without its own answers 40408 unless defaultToGlobal.
    assert.deepEqual((await call(u, 'GET', '/config')).body, { compatibilityLevel: 'BACKWARD' });
    assert.equal(((await call(u, 'GET', '/config/c-value')).body as { error_code: number }).error_code, 40408);
    assert.deepEqual((await call(u, 'GET', '/config/c-value?defaultToGlobal=true')).body, { compatibilityLevel: 'BACKWARD' });
    assert.deepEqual((await call(u, 'PUT', '/config/c-value', { compatibility: 'none' })).body, { compatibility: 'NONE' });
    assert.deepEqual((await call(u, 'GET', '/config/c-value')).body, { compatibilityLevel: 'NONE' });
    assert.equal(idOf(await call(u, 'POST', '/subjects/c-value/versions', { schema: AVRO_BAD })), 2);
    assert.equal(((await call(u, 'PUT', '/config/c-value', { compatibility: 'SIDEWAYS' })).body as { error_code: number }).error_code, 42203);
    assert.deepEqual((await call(u, 'DELETE', '/config/c-value')).body, { compatibilityLevel: 'NONE' });
    assert.equal(((await call(u, 'GET', '/config/c-value')).body as { error_code: number }).error_code, 40408);
    assert.deepEqual((await call(u, 'PUT', '/config', { compatibility: 'FULL_TRANSITIVE' })).body, { compatibility: 'FULL_TRANSITIVE' });
    assert.deepEqual((await call(u, 'GET', '/config')).body, { compatibilityLevel: 'FULL_TRANSITIVE' });
  } finally {
    await r.close();
  }
});

bothBrokers('deletes: soft then permanent, with Confluent preconditions; references block deletes', {}, async (b) => {
  const r = await registryOn(b.bootstrap);
  try {
    const u = r.url;
    await call(u, 'POST', '/subjects/d/versions', { schema: AVRO_V1 });
    await call(u, 'POST', '/subjects/d/versions', { schema: AVRO_V2 });
    const code = async (m: string, p: string): Promise<number | undefined> => ((await call(u, m, p)).body as { error_code?: number }).error_code;
    assert.equal(await code('DELETE', '/subjects/d/versions/1?permanent=true'), 40407);
    assert.deepEqual((await call(u, 'DELETE', '/subjects/d/versions/1')).body, 1);
    assert.equal(await code('DELETE', '/subjects/d/versions/1'), 40406);
    assert.equal(await code('GET', '/subjects/d/versions/1'), 40402);
    assert.equal(((await call(u, 'GET', '/subjects/d/versions/1?deleted=true')).body as { version: number }).version, 1);
    assert.deepEqual((await call(u, 'GET', '/subjects/d/versions')).body, [2]);
    assert.deepEqual((await call(u, 'GET', '/subjects/d/versions?deleted=true')).body, [1, 2]);
    assert.deepEqual((await call(u, 'DELETE', '/subjects/d/versions/1?permanent=true')).body, 1);
    assert.deepEqual((await call(u, 'GET', '/subjects/d/versions?deleted=true')).body, [2]);
    // The id of the permanently deleted version is gone; the other one stays.
    assert.equal(await code('GET', '/schemas/ids/1'), 40403);

    assert.equal(await code('DELETE', '/subjects/d?permanent=true'), 40405);
    assert.deepEqual((await call(u, 'DELETE', '/subjects/d')).body, [2]);
    assert.equal(await code('DELETE', '/subjects/d'), 40404);
    assert.deepEqual((await call(u, 'GET', '/subjects')).body, []);
    assert.deepEqual((await call(u, 'GET', '/subjects?deleted=true')).body, ['d']);
    assert.deepEqual((await call(u, 'GET', '/subjects?deletedOnly=true')).body, ['d']);
    // Soft-deleted ids still resolve (serializers may still hold data written with them).
    assert.equal((await call(u, 'GET', '/schemas/ids/2')).status, 200);
    assert.deepEqual((await call(u, 'DELETE', '/subjects/d?permanent=true')).body, [2]);
    assert.equal(await code('GET', '/subjects/d/versions?deleted=true'), 40401);
    assert.equal(await code('DELETE', '/subjects/d'), 40401);

    // References: a schema referenced by another cannot be deleted (42206).
    await call(u, 'POST', '/subjects/address/versions', { schema: JSON.stringify({ type: 'record', name: 'Address', namespace: 'shop', fields: [{ name: 'city', type: 'string' }] }) });
    const withRef = await call(u, 'POST', '/subjects/customer/versions', {
      schema: JSON.stringify({ type: 'record', name: 'Customer', namespace: 'shop', fields: [{ name: 'home', type: 'shop.Address' }] }),
      references: [{ name: 'shop.Address', subject: 'address', version: 1 }],
    });
    assert.equal(withRef.status, 200, withRef.text);
    const refId = (withRef.body as { id: number }).id;
    assert.deepEqual((await call(u, 'GET', '/subjects/address/versions/1/referencedby')).body, [refId]);
    const customer = (await call(u, 'GET', '/subjects/customer/versions/1')).body as { guid: string; schema: string };
    assert.deepEqual(customer, {
      subject: 'customer', version: 1, id: refId, guid: customer.guid, references: [{ name: 'shop.Address', subject: 'address', version: 1 }], schema: customer.schema,
    });
    assert.equal(await code('DELETE', '/subjects/address/versions/1'), 42206);
    assert.equal(await code('DELETE', '/subjects/address'), 42206);
  } finally {
    await r.close();
  }
});

bothBrokers('modes: READONLY refuses writes, IMPORT keeps explicit ids and versions', {}, async (b) => {
  const r = await registryOn(b.bootstrap);
  try {
    const u = r.url;
    assert.deepEqual((await call(u, 'GET', '/mode')).body, { mode: 'READWRITE' });
    assert.equal(((await call(u, 'GET', '/mode/m')).body as { error_code: number }).error_code, 40409);
    assert.deepEqual((await call(u, 'PUT', '/mode/m', { mode: 'READONLY' })).body, { mode: 'READONLY' });
    const ro = await call(u, 'POST', '/subjects/m/versions', { schema: AVRO_V1 });
    assert.deepEqual([ro.status, (ro.body as { error_code: number }).error_code], [422, 42205]);
    assert.deepEqual((await call(u, 'DELETE', '/mode/m')).body, { mode: 'READONLY' });
    assert.equal(((await call(u, 'PUT', '/mode', { mode: 'SOMETIMES' })).body as { error_code: number }).error_code, 42204);

    // An explicit id outside IMPORT mode is refused.
    assert.equal(((await call(u, 'POST', '/subjects/imp/versions', { schema: AVRO_V1, id: 100 })).body as { error_code: number }).error_code, 42205);
    await call(u, 'POST', '/subjects/existing/versions', { schema: AVRO_V1 });
    // IMPORT with subjects present needs force.
    assert.equal(((await call(u, 'PUT', '/mode', { mode: 'IMPORT' })).body as { error_code: number }).error_code, 42205);
    assert.deepEqual((await call(u, 'PUT', '/mode?force=true', { mode: 'IMPORT' })).body, { mode: 'IMPORT' });
    assert.equal(idOf(await call(u, 'POST', '/subjects/imp/versions', { schema: AVRO_V2, id: 100, version: 5 })), 100);
    assert.deepEqual(((await call(u, 'GET', '/subjects/imp/versions/latest')).body as { version: number; id: number }).version, 5);
    // Another schema under a taken id: refused.
    assert.equal(((await call(u, 'POST', '/subjects/imp2/versions', { schema: '{"type":"string"}', id: 100 })).body as { error_code: number }).error_code, 42205);
    await call(u, 'PUT', '/mode', { mode: 'READWRITE' });
    // New ids continue above the imported one.
    assert.equal(idOf(await call(u, 'POST', '/subjects/after/versions', { schema: '{"type":"string"}' })), 101);
  } finally {
    await r.close();
  }
});

bothBrokers('contexts: :.ctx:subject has its own ids; /contexts lists them', {}, async (b) => {
  const r = await registryOn(b.bootstrap);
  try {
    const u = r.url;
    assert.equal(idOf(await call(u, 'POST', '/subjects/plain/versions', { schema: AVRO_V1 })), 1);
    assert.equal(idOf(await call(u, 'POST', `/subjects/${encodeURIComponent(':.staging:plain')}/versions`, { schema: AVRO_V2 })), 1);
    assert.deepEqual((await call(u, 'GET', '/contexts')).body, ['.', '.staging']);
    assert.deepEqual((await call(u, 'GET', '/subjects')).body, [':.staging:plain', 'plain']);
    const inCtx = await call(u, 'GET', `/schemas/ids/1?subject=${encodeURIComponent(':.staging:x')}`);
    assert.deepEqual(JSON.parse((inCtx.body as { schema: string }).schema), JSON.parse(AVRO_V2));
    assert.deepEqual(JSON.parse(((await call(u, 'GET', '/schemas/ids/1')).body as { schema: string }).schema), JSON.parse(AVRO_V1));
    // The default context spelled out is the plain subject.
    assert.equal(((await call(u, 'GET', `/subjects/${encodeURIComponent(':.:plain')}/versions/1`)).body as { subject: string }).subject, 'plain');
    assert.equal(((await call(u, 'DELETE', '/contexts/.staging')).body as { error_code: number }).error_code, 42211);
  } finally {
    await r.close();
  }
});

bothBrokers('bad input: invalid schemas (42201 with the parser message), bodies, references, odd subjects, content types', {}, async (b) => {
  const r = await registryOn(b.bootstrap, { maxBodyBytes: 64 * 1024 });
  try {
    const u = r.url;
    const invalid: Array<[string, string]> = [
      ['AVRO', '{"type":"record","name":"X","fields":[{"name":"a","type":"nosuchtype"}]}'],
      ['AVRO', 'not json'],
      ['JSON', '{"type": 12}'],
      ['PROTOBUF', 'syntax = "proto3"; message X { string a = ; }'],
    ];
    for (const [schemaType, schema] of invalid) {
      const a = await call(u, 'POST', '/subjects/bad/versions', { schema, schemaType });
      assert.equal(a.status, 422, `${schemaType} ${schema}: ${a.text}`);
      assert.equal((a.body as { error_code: number }).error_code, 42201);
      assert.ok(((a.body as { message: string }).message).length > 10);
    }
    assert.equal(((await call(u, 'POST', '/subjects/bad/versions', { schema: AVRO_V1, schemaType: 'XML' })).body as { error_code: number }).error_code, 42201);
    assert.equal(((await call(u, 'POST', '/subjects/bad/versions', {})).body as { error_code: number }).error_code, 42201);
    assert.equal((await call(u, 'POST', '/subjects/bad/versions', '{not json')).status, 422);
    assert.equal((await call(u, 'POST', '/subjects/bad/versions', { schema: AVRO_V1 }, { 'content-type': 'text/xml' })).status, 415);
    for (const ct of ['application/json', 'application/vnd.schemaregistry+json', 'application/octet-stream', 'application/vnd.schemaregistry.v1+json; charset=utf-8']) {
      assert.equal((await call(u, 'POST', '/subjects/ct/versions', { schema: AVRO_V1 }, { 'content-type': ct })).status, 200, ct);
    }
    // Oversized bodies: refused before they are read whole.
    const big = await call(u, 'POST', '/subjects/big/versions', { schema: JSON.stringify({ type: 'enum', name: 'E', symbols: Array.from({ length: 20_000 }, (_, i) => `S${i}`) }) });
    assert.equal(big.status, 413);
    assert.equal((big.body as { error_code: number }).error_code, 413);
    // A schema whose record would not fit the topic's 1 MiB messages (but fits the body cap): 42209.
    const r2 = await registryOn(b.bootstrap, { maxBodyBytes: 4 * 1024 * 1024 });
    try {
      const huge = await call(r2.url, 'POST', '/subjects/huge/versions', { schema: JSON.stringify({ type: 'enum', name: 'E', symbols: Array.from({ length: 150_000 }, (_, i) => `SYMBOL_${i}`) }) });
      assert.equal((huge.body as { error_code: number }).error_code, 42209, huge.text.slice(0, 200));
    } finally {
      await r2.close();
    }
    // Unknown references.
    const missing = await call(u, 'POST', '/subjects/r/versions', { schema: AVRO_V1, references: [{ name: 'x', subject: 'ghost', version: 1 }] });
    assert.equal((missing.body as { error_code: number }).error_code, 42201);
    assert.match((missing.body as { message: string }).message, /ghost/);
    // Odd subject characters, URL-encoded: stored and listed as given.
    for (const s of ['with space', 'slash/inside', 'ünïcødé-✓', 'dots.and:colons', 'percent%41']) {
      const reg = await call(u, 'POST', `/subjects/${encodeURIComponent(s)}/versions`, { schema: AVRO_V1 });
      assert.equal(reg.status, 200, `${s}: ${reg.text}`);
      assert.equal(((await call(u, 'GET', `/subjects/${encodeURIComponent(s)}/versions/latest`)).body as { subject: string }).subject, s);
    }
    const listed = (await call(u, 'GET', '/subjects')).body as string[];
    assert.ok(listed.includes('slash/inside') && listed.includes('percent%41'));
    assert.equal((await call(u, 'GET', '/subjects/%E0%A4%A/versions')).status, 404);
    assert.equal((await call(u, 'GET', '/schemas/ids/notanumber')).status, 404);
  } finally {
    await r.close();
  }
});
