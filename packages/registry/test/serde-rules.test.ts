// Data contracts and registry traffic: a CEL CONDITION rule in the schema's ruleSet refuses a bad
// record on write (ours and Confluent's serializer alike) and, when configured, on read; use-by-
// metadata picks the version by its metadata properties; the caches ask the registry once per
// schema however many records go through.
import assert from 'node:assert/strict';
import { Registry as MetricsRegistry } from 'prom-client';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SchemaRegistryClient, SerdeType, AvroSerializer, CelExecutor } from '@confluentinc/schemaregistry';
import { RegistryClient, Serializer, Deserializer, RuleViolationError, SerdeError, type RuleSet } from '../src/index.js';
import { bothBrokers, useApacheKafka, uniqueTopic, withRegistry, createTopic, produce, consume } from './serde-env.js';

useApacheKafka();
CelExecutor.register();

const SCHEMA = JSON.stringify({
  type: 'record', name: 'CustomerReturn', namespace: 'com.example.returns',
  fields: [{ name: 'return_id', type: 'string' }, { name: 'quantity', type: 'int' }],
});
const RULES: RuleSet = {
  domainRules: [{ name: 'quantityPositive', kind: 'CONDITION', mode: 'WRITEREAD', type: 'CEL', expr: 'message.quantity > 0' }],
};

bothBrokers('a CEL CONDITION rule refuses a record that breaks the contract, on write and (configured) on read', { timeout: 120_000 }, async (b) => {
  await withRegistry(b, async (reg) => {
    const topic = uniqueTopic('contract');
    const subject = `${topic}-value`;
    await createTopic(b.bootstrap, topic);
    const client = new RegistryClient({ url: reg.url });
    // The contract is registered with the schema (Confluent's ruleSet), here through Confluent's client.
    await new SchemaRegistryClient({ baseURLs: [reg.url] }).register(subject, { schemaType: 'AVRO', schema: SCHEMA, ruleSet: RULES as never });

    const ser = new Serializer<{ return_id: string; quantity: number }>({ client, type: 'AVRO', useLatest: true });
    const good = await ser.serialize(topic, { return_id: 'r1', quantity: 2 });
    await assert.rejects(ser.serialize(topic, { return_id: 'r2', quantity: 0 }), (err: unknown) => {
      assert.ok(err instanceof RuleViolationError);
      assert.equal(err.code, 'RULE_VIOLATION');
      assert.equal(err.rule, 'quantityPositive');
      assert.match(err.message, /quantityPositive/);
      return true;
    });
    // Auto-register of the same schema text without rules finds the version with the contract: still enforced.
    const auto = new Serializer<{ return_id: string; quantity: number }>({ client, type: 'AVRO', useLatest: true, enforceRules: true });
    await assert.rejects(auto.serialize(topic, { return_id: 'r3', quantity: -1 }), RuleViolationError);

    // Confluent's serializer enforces the same rule.
    const theirs = new AvroSerializer(new SchemaRegistryClient({ baseURLs: [reg.url] }), SerdeType.VALUE, { useLatestVersion: true });
    await assert.rejects(theirs.serialize(topic, { return_id: 'r4', quantity: 0 }), /quantityPositive|Condition failed|rule/i);

    // A writer that skips the rules gets a bad record through; a reader enforcing them refuses it.
    const lax = new Serializer<{ return_id: string; quantity: number }>({ client, type: 'AVRO', useLatest: true, enforceRules: false });
    const bad = await lax.serialize(topic, { return_id: 'r5', quantity: 0 });
    await produce(b.bootstrap, topic, [{ value: good }, { value: bad }]);
    const [g, x] = await consume(b.bootstrap, topic, 2);
    const strict = new Deserializer({ client, type: 'AVRO', enforceRules: true });
    assert.equal((await strict.deserialize(topic, g!.value!) as { quantity: number }).quantity, 2);
    await assert.rejects(strict.deserialize(topic, x!.value!), RuleViolationError);
    const open = new Deserializer({ client, type: 'AVRO' });
    assert.equal((await open.deserialize(topic, x!.value!) as { quantity: number }).quantity, 0);

    // CEL_FIELD with Confluent's guard form: every string field shorter than 8 characters.
    const fieldSubject = `${topic}-fields`;
    await client.register(fieldSubject, {
      schemaType: 'AVRO', schema: SCHEMA.replace('CustomerReturn', 'FieldChecked'),
      ruleSet: { domainRules: [{ name: 'shortStrings', kind: 'CONDITION', mode: 'WRITE', type: 'CEL_FIELD', expr: "typeName == 'STRING' ; value.size() < 8" }] },
    });
    const fields = new Serializer<{ return_id: string; quantity: number }>({ client, type: 'AVRO', useLatest: true, subjectNameStrategy: () => fieldSubject });
    await fields.serialize(topic, { return_id: 'short', quantity: 100000 });
    await assert.rejects(fields.serialize(topic, { return_id: 'much too long', quantity: 1 }), (err: unknown) => {
      assert.ok(err instanceof RuleViolationError);
      assert.match(err.message, /shortStrings.*field return_id/);
      return true;
    });
  });
});

bothBrokers('use-by-metadata writes with the version whose metadata matches; normalize registers once', { timeout: 120_000 }, async (b) => {
  await withRegistry(b, async (reg) => {
    const topic = uniqueTopic('by-metadata');
    const subject = `${topic}-value`;
    const client = new RegistryClient({ url: reg.url });
    const v1 = await client.register(subject, { schema: SCHEMA, schemaType: 'AVRO', metadata: { properties: { app_version: '1' } } });
    const v2schema = JSON.stringify({ ...JSON.parse(SCHEMA), fields: [...(JSON.parse(SCHEMA) as { fields: unknown[] }).fields, { name: 'return_reason', type: 'string', default: 'unknown' }] });
    const v2 = await client.register(subject, { schema: v2schema, schemaType: 'AVRO', metadata: { properties: { app_version: '2' } } });
    assert.notEqual(v1.id, v2.id);
    const old = new Serializer({ client, type: 'AVRO', useLatestWithMetadata: { app_version: '1' } });
    assert.equal((await old.prepare(topic)).id, v1.id);
    const cur = new Serializer({ client, type: 'AVRO', useLatest: true });
    assert.equal((await cur.prepare(topic)).id, v2.id);
    // normalize: the same schema with other whitespace and key order maps to the same id.
    const spaced = JSON.stringify(JSON.parse(v2schema), null, 2);
    const n = new Serializer({ client, type: 'AVRO', schema: spaced, normalize: true, autoRegister: false });
    await n.prepare(`${topic}-other`).then(() => assert.fail('other subject has no schema'), (e: unknown) => assert.ok(e instanceof Error));
    const found = new Serializer({ client: new RegistryClient({ url: reg.url }), type: 'AVRO', schema: spaced, normalize: true, autoRegister: false, subjectNameStrategy: () => subject });
    assert.equal((await found.prepare(topic)).id, v2.id);
  });
});

/** An HTTP proxy in front of the registry that counts the requests reaching it. */
async function countingProxy(target: string): Promise<{ url: string; count: () => number; paths: string[]; close(): Promise<void> }> {
  const paths: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url}`);
      const body = chunks.length === 0 ? undefined : Buffer.concat(chunks);
      fetch(target + req.url!, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body }).then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await r.arrayBuffer()));
      }, () => {
        res.writeHead(502);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, count: () => paths.length, paths, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

bothBrokers('the caches ask the registry once per schema, not per record (also under concurrent first use)', { timeout: 120_000 }, async (b) => {
  await withRegistry(b, async (reg) => {
    const proxy = await countingProxy(reg.url);
    try {
      const topic = uniqueTopic('cache');
      await createTopic(b.bootstrap, topic);
      const client = new RegistryClient({ url: proxy.url });
      const ser = new Serializer<{ return_id: string; quantity: number }>({ client, type: 'AVRO', schema: SCHEMA });
      // 200 records at once on a cold cache: one registration (and one read of the registered version).
      const values = await Promise.all(Array.from({ length: 200 }, (_, i) => ser.serialize(topic, { return_id: `r${i}`, quantity: i + 1 })));
      const afterWrite = proxy.count();
      assert.ok(afterWrite <= 2, `serializer sent ${afterWrite} requests: ${proxy.paths.join(', ')}`);
      for (let i = 0; i < 300; i++) await ser.serialize(topic, { return_id: 'x', quantity: 1 });
      assert.equal(proxy.count(), afterWrite, 'a warm serializer sends nothing');

      await produce(b.bootstrap, topic, values.map((value) => ({ value })));
      const records = await consume(b.bootstrap, topic, values.length);
      const metrics = new MetricsRegistry();
      const de = new Deserializer({ client: new RegistryClient({ url: proxy.url, metrics }), type: 'AVRO' });
      const before = proxy.count();
      await Promise.all(records.map((r) => de.deserialize(topic, r.value!)));
      for (const r of records) await de.deserialize(topic, r.value!);
      assert.equal(proxy.count() - before, 1, `deserializer sent ${proxy.count() - before} requests for one schema id`);
      // The opt-in metrics say the same: one lookup reached the client (the deserializer keeps its
      // codec per id) and it missed; a second client sharing the registry misses once,
      // then hits.
      const lookups = async (result: string): Promise<number> => Number(new RegExp(`^tideline_registry_client_cache_lookups_total\\{cache="id",result="${result}"\\} (\\d+)$`, 'm').exec(await metrics.metrics())?.[1] ?? 0);
      assert.equal(await lookups('miss'), 1);
      assert.match(await metrics.metrics(), /^tideline_registry_client_requests_total\{method="GET",status="2xx"\} 1$/m);
      const id = records[0]!.value!.readUInt32BE(1);
      const second = new RegistryClient({ url: proxy.url, metrics });
      await second.schemaById(id);
      await second.schemaById(id);
      assert.deepEqual([await lookups('miss'), await lookups('hit')], [2, 1]);

      // Bounded: a cache of 2 ids still answers correctly past its capacity.
      const small = new RegistryClient({ url: proxy.url, cacheCapacity: 2 });
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) {
        const s = JSON.stringify({ type: 'record', name: `R${i}`, fields: [{ name: 'a', type: 'int' }] });
        ids.push((await small.register(`${topic}-r${i}`, { schema: s, schemaType: 'AVRO' })).id);
      }
      for (const id of ids) assert.match((await small.schemaById(id)).schema, /"name"/);
      await assert.rejects(new Deserializer({ client: small }).deserialize(topic, Buffer.from([1, 2, 3])), SerdeError);
    } finally {
      await proxy.close();
    }
  });
});
