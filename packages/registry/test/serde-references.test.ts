// Schemas with references across subjects: ours writes with a schema that imports another
// subject's schema (Avro named type, JSON Schema $ref, Protobuf import), ours reads it back, and
// Confluent's deserializer too (Avro and JSON Schema; see the Protobuf note below).
import assert from 'node:assert/strict';
import { SchemaRegistryClient, SerdeType, AvroDeserializer, JsonDeserializer, ProtobufDeserializer } from '@confluentinc/schemaregistry';
import { RegistryClient, Serializer, Deserializer, type SchemaInfo } from '../src/index.js';
import { bothBrokers, useApacheKafka, uniqueTopic, withRegistry } from './serde-env.js';

useApacheKafka();

interface Order { order_id: string; customer: { name: string } }

const CASES: Array<{ type: 'AVRO' | 'JSON' | 'PROTOBUF'; refName: string; ref: string; main: string }> = [
  {
    type: 'AVRO', refName: 'com.example.Customer',
    ref: JSON.stringify({ type: 'record', name: 'Customer', namespace: 'com.example', fields: [{ name: 'name', type: 'string' }] }),
    main: JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.example', fields: [{ name: 'order_id', type: 'string' }, { name: 'customer', type: 'com.example.Customer' }] }),
  },
  {
    type: 'JSON', refName: 'customer.json',
    ref: JSON.stringify({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }),
    main: JSON.stringify({ title: 'Order', type: 'object', properties: { order_id: { type: 'string' }, customer: { $ref: 'customer.json' } }, required: ['order_id', 'customer'] }),
  },
  {
    type: 'PROTOBUF', refName: 'customer.proto',
    ref: 'syntax = "proto3";\npackage com.example;\nmessage Customer { string name = 1; }\n',
    main: 'syntax = "proto3";\npackage com.example;\nimport "customer.proto";\nmessage Order { string order_id = 1; Customer customer = 2; }\n',
  },
];

bothBrokers('references across subjects: Avro named types, JSON Schema $ref, Protobuf imports', { timeout: 120_000 }, async (b) => {
  await withRegistry(b, async (reg) => {
    const client = new RegistryClient({ url: reg.url });
    const confluent = new SchemaRegistryClient({ baseURLs: [reg.url] });
    for (const c of CASES) {
      const topic = uniqueTopic(`orders-${c.type.toLowerCase()}`);
      const refSubject = `${topic}-customer`;
      await client.register(refSubject, { schemaType: c.type, schema: c.ref });
      const info: SchemaInfo = { schemaType: c.type, schema: c.main, references: [{ name: c.refName, subject: refSubject, version: 1 }] };
      const ser = new Serializer<Order>({ client, type: c.type, schema: info });
      const value: Order = { order_id: 'o1', customer: { name: 'Ada' } };
      const bytes = await ser.serialize(topic, value);
      const ours = await new Deserializer<Order>({ client: new RegistryClient({ url: reg.url }), type: c.type }).deserialize(topic, bytes);
      assert.equal(ours.customer.name, 'Ada', c.type);
      // Confluent's Protobuf deserializer fetches an import as GET /subjects/{s}/versions/{v}?format=serialized.
      const de = c.type === 'AVRO' ? new AvroDeserializer(confluent, SerdeType.VALUE, {})
        : c.type === 'JSON' ? new JsonDeserializer(confluent, SerdeType.VALUE, {})
          : new ProtobufDeserializer(confluent, SerdeType.VALUE, {});
      const theirs = (await de.deserialize(topic, bytes)) as { orderId?: string; order_id?: string; customer: { name: string } };
      assert.equal(theirs.customer.name, 'Ada', `Confluent reads ${c.type}`);
      assert.equal(theirs.order_id ?? theirs.orderId, 'o1');
    }
  });
});
