// Our serdes next to Confluent's own JS client (@confluentinc/schemaregistry) and
// @kafkajs/confluent-schema-registry, all against our registry over plain HTTP, with the records
// going through a real broker (Tideline and Apache Kafka): each writes with auto-register or
// use-latest, the schema evolves (the origin documents' customer_returns gains return_reason), and
// every client decodes what every other one wrote.
import assert from 'node:assert/strict';
import {
  SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer, JsonSerializer, JsonDeserializer,
  ProtobufSerializer, ProtobufDeserializer,
} from '@confluentinc/schemaregistry';
import { SchemaRegistry, SchemaType as KjsType } from '@kafkajs/confluent-schema-registry';
import { createFileRegistry, createMutableRegistry, create, fromBinary, type DescMessage, type MutableRegistry } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { RegistryClient, Serializer, Deserializer, type SchemaInfo } from '../src/index.js';
import { bothBrokers, useApacheKafka, uniqueTopic, withRegistry, createTopic, produce, consume, headerObject, type Out } from './serde-env.js';

useApacheKafka();

interface Return {
  return_id: string;
  order_id: string;
  quantity: number;
  return_reason?: string;
}

const AVRO_V1 = JSON.stringify({
  type: 'record', name: 'CustomerReturn', namespace: 'com.example.returns',
  fields: [{ name: 'return_id', type: 'string' }, { name: 'order_id', type: 'string' }, { name: 'quantity', type: 'int' }],
});
const AVRO_V2 = JSON.stringify({
  type: 'record', name: 'CustomerReturn', namespace: 'com.example.returns',
  fields: [{ name: 'return_id', type: 'string' }, { name: 'order_id', type: 'string' }, { name: 'quantity', type: 'int' },
    { name: 'return_reason', type: 'string', default: 'unknown' }],
});
const jsonSchema = (v2: boolean): string => JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#', title: 'CustomerReturn', type: 'object',
  properties: {
    return_id: { type: 'string' }, order_id: { type: 'string' }, quantity: { type: 'integer', minimum: 0 },
    ...(v2 ? { return_reason: { type: 'string' } } : {}),
  },
  required: ['return_id', 'order_id', 'quantity'], additionalProperties: false,
});
const protoSchema = (v2: boolean): string => `syntax = "proto3";
package com.example.returns;

message CustomerReturn {
  string return_id = 1;
  string order_id = 2;
  int32 quantity = 3;${v2 ? '\n  string return_reason = 4;' : ''}
}
`;

type Format = 'AVRO' | 'JSON' | 'PROTOBUF';
const V1: Record<Format, string> = { AVRO: AVRO_V1, JSON: jsonSchema(false), PROTOBUF: protoSchema(false) };
const V2: Record<Format, string> = { AVRO: AVRO_V2, JSON: jsonSchema(true), PROTOBUF: protoSchema(true) };

const r = (n: number, reason?: string): Return => ({ return_id: `r-${n}`, order_id: `o-${n}`, quantity: n, ...(reason === undefined ? {} : { return_reason: reason }) });

/** A plain object of the fields we compare (avsc records, bufbuild messages and JSON alike). */
function plain(v: unknown): Return {
  // @bufbuild/protobuf messages (Confluent's Protobuf serdes) use camelCase field names.
  const o = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), x]));
  const out: Return = { return_id: String(o.return_id), order_id: String(o.order_id), quantity: Number(o.quantity) };
  if (o.return_reason !== undefined && o.return_reason !== '') out.return_reason = String(o.return_reason);
  return out;
}

function confluentSerde(format: Format, client: SchemaRegistryClient, conf: { useLatestVersion?: boolean; autoRegisterSchemas?: boolean }, pbRegistry?: MutableRegistry) {
  switch (format) {
    case 'AVRO':
      return { ser: new AvroSerializer(client, SerdeType.VALUE, conf), de: new AvroDeserializer(client, SerdeType.VALUE, {}) };
    case 'JSON':
      return { ser: new JsonSerializer(client, SerdeType.VALUE, conf), de: new JsonDeserializer(client, SerdeType.VALUE, {}) };
    case 'PROTOBUF':
      return { ser: new ProtobufSerializer(client, SerdeType.VALUE, { ...conf, registry: pbRegistry }), de: new ProtobufDeserializer(client, SerdeType.VALUE, {}) };
  }
}

/** The CustomerReturn message descriptor of a registered Protobuf schema, as Confluent's client needs it (from our registry's `format=serialized`). */
async function protoDesc(url: string, id: number): Promise<{ registry: MutableRegistry; desc: DescMessage }> {
  const res = await fetch(`${url}/schemas/ids/${id}?format=serialized`);
  const body = (await res.json()) as { schema: string };
  const fdp = fromBinary(FileDescriptorProtoSchema, Buffer.from(body.schema, 'base64'));
  const desc = createFileRegistry(fdp, () => undefined).getMessage('com.example.returns.CustomerReturn');
  assert.ok(desc !== undefined, 'descriptor has CustomerReturn');
  return { registry: createMutableRegistry(desc), desc };
}

for (const format of ['AVRO', 'JSON', 'PROTOBUF'] as const) {
  bothBrokers(`${format}: ours, Confluent's and kafkajs' serdes write and read each other's records through the broker`, { timeout: 180_000 }, async (b) => {
    await withRegistry(b, async (reg) => {
      const topic = uniqueTopic(`returns-${format.toLowerCase()}`);
      const subject = `${topic}-value`;
      await createTopic(b.bootstrap, topic);
      const ours = new RegistryClient({ url: reg.url });
      const confluent = new SchemaRegistryClient({ baseURLs: [reg.url] });
      const kjs = new SchemaRegistry({ host: reg.url });
      const out: Out[] = [];
      const expected: Return[] = [];

      // 1. Ours auto-registers v1.
      const ourV1 = new Serializer<Return>({ client: ours, type: format, schema: V1[format] });
      out.push({ value: await ourV1.serialize(topic, r(1)) });
      expected.push(r(1));
      const v1Id = ourV1.schemaId(topic)!;

      // 2. Confluent's serializer with use-latest writes v1.
      let pb = format === 'PROTOBUF' ? await protoDesc(reg.url, v1Id) : undefined;
      const c1 = confluentSerde(format, confluent, { useLatestVersion: true, autoRegisterSchemas: false }, pb?.registry);
      const v2msg = (v: Return): unknown => (pb === undefined ? v : create(pb.desc, { returnId: v.return_id, orderId: v.order_id, quantity: v.quantity, returnReason: v.return_reason ?? '' } as never));
      out.push({ value: await c1.ser.serialize(topic, v2msg(r(2))) });
      expected.push(r(2));

      // 3. kafkajs encodes with the latest id. Not for Protobuf: @kafkajs/confluent-schema-registry
      // writes Protobuf without the message indexes Confluent's format requires (it only reads
      // them, by skipping leading zero bytes), so neither Confluent's client nor ours can read it.
      const latestId = await kjs.getLatestSchemaId(subject);
      assert.equal(latestId, v1Id);
      if (format !== 'PROTOBUF') {
        out.push({ value: await kjs.encode(latestId, r(3)) });
        expected.push(r(3));
      }

      // 4. The schema evolves through Confluent's client (BACKWARD, the default): return_reason.
      const v2Id = await confluent.register(subject, { schemaType: format, schema: V2[format] });
      assert.notEqual(v2Id, v1Id);

      // 5. Ours writes v2 with use-latest; Confluent's (a fresh serializer) too.
      const ourLatest = new Serializer<Return>({ client: ours, type: format, useLatest: true });
      out.push({ value: await ourLatest.serialize(topic, r(4, 'damaged')) });
      expected.push(r(4, 'damaged'));
      assert.equal(ourLatest.schemaId(topic), v2Id);
      pb = format === 'PROTOBUF' ? await protoDesc(reg.url, v2Id) : undefined;
      const c2 = confluentSerde(format, new SchemaRegistryClient({ baseURLs: [reg.url] }), { useLatestVersion: true, autoRegisterSchemas: false }, pb?.registry);
      out.push({ value: await c2.ser.serialize(topic, v2msg(r(5, 'wrong size'))) });
      expected.push(r(5, 'wrong size'));

      // 6. kafkajs registers v2 again (same id) and encodes.
      const kReg = await kjs.register({ type: KjsType[format], schema: V2[format] } as never, { subject });
      assert.equal(kReg.id, v2Id);
      if (format !== 'PROTOBUF') {
        out.push({ value: await kjs.encode(kReg.id, r(6, 'late')) });
        expected.push(r(6, 'late'));
      }

      await produce(b.bootstrap, topic, out);
      const records = await consume(b.bootstrap, topic, out.length);

      const ourReader = new Deserializer<Return>({ client: ours, type: format });
      const ourLatestReader = new Deserializer<Return>({ client: ours, type: format, useLatest: true });
      for (let i = 0; i < records.length; i++) {
        const rec = records[i]!;
        const want = expected[i]!;
        assert.deepEqual(plain(await ourReader.deserialize(topic, rec.value!, rec.headers)), want, `ours reads record ${i}`);
        assert.deepEqual(plain(await c1.de.deserialize(topic, rec.value!, headerObject(rec))), want, `Confluent reads record ${i}`);
        assert.deepEqual(plain(await kjs.decode(rec.value!)), want, `kafkajs reads record ${i}`);
        if (format === 'AVRO') {
          // Read into v2: v1 records get the default.
          const latest = plain(await ourLatestReader.deserialize(topic, rec.value!));
          assert.equal(latest.return_reason, want.return_reason ?? 'unknown');
        }
      }

      // 7. Confluent's serializer auto-registering on a fresh subject; ours reads it.
      if (format !== 'PROTOBUF') {
        const topic2 = uniqueTopic(`returns-auto-${format.toLowerCase()}`);
        const c3 = confluentSerde(format, confluent, { autoRegisterSchemas: true });
        const bytes = await c3.ser.serialize(topic2, r(7));
        assert.deepEqual(plain(await ourReader.deserialize(topic2, bytes)), r(7));
        const info: SchemaInfo = await ours.latestVersion(`${topic2}-value`);
        assert.equal(info.schemaType, format);
      }
    });
  });
}
