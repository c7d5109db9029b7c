// Serdes.avro() / json() / protobuf() in a streams topology through a real broker: the source
// reads Avro written by Confluent's serializer (the runtime awaits the serde's prepare hook for
// the unseen schema id), the sink writes JSON Schema records that Confluent's deserializer reads.
import assert from 'node:assert/strict';
import { SchemaRegistryClient, SerdeType, AvroSerializer, JsonDeserializer } from '@confluentinc/schemaregistry';
import { KafkaStreams, StreamsBuilder, Serdes as StreamsSerdes } from '@tideline/streams';
import { RegistryClient, Serdes } from '../src/index.js';
import { bothBrokers, useApacheKafka, uniqueTopic, withRegistry, createTopic, produce, consume } from './serde-env.js';

useApacheKafka();

interface Return { return_id: string; quantity: number }

const AVRO = JSON.stringify({ type: 'record', name: 'CustomerReturn', fields: [{ name: 'return_id', type: 'string' }, { name: 'quantity', type: 'int' }] });
const JSON_SCHEMA = JSON.stringify({
  title: 'ReturnTotal', type: 'object', additionalProperties: false, required: ['return_id', 'units'],
  properties: { return_id: { type: 'string' }, units: { type: 'integer' } },
});

bothBrokers('streams: a registry Avro source and a registry JSON sink, read by Confluent\'s client', { timeout: 180_000 }, async (b) => {
  await withRegistry(b, async (reg) => {
    const input = uniqueTopic('returns-in');
    const output = uniqueTopic('returns-out');
    await createTopic(b.bootstrap, input);
    await createTopic(b.bootstrap, output);
    const confluent = new SchemaRegistryClient({ baseURLs: [reg.url] });
    await confluent.register(`${input}-value`, { schemaType: 'AVRO', schema: AVRO });
    const theirs = new AvroSerializer(confluent, SerdeType.VALUE, { useLatestVersion: true });
    const n = 20;
    await produce(b.bootstrap, input, await Promise.all(Array.from({ length: n }, async (_, i) => ({
      key: Buffer.from(`r${i}`), value: await theirs.serialize(input, { return_id: `r${i}`, quantity: i + 1 }),
    }))));

    const client = new RegistryClient({ url: reg.url });
    const inSerde = Serdes.avro<Return>({ client });
    const outSerde = Serdes.json<{ return_id: string; units: number }>({ client, schema: JSON_SCHEMA, topics: [output] });
    await outSerde.ready();
    const builder = new StreamsBuilder();
    builder.stream(input, { keySerde: StreamsSerdes.string(), valueSerde: inSerde })
      .mapValues((v) => ({ return_id: v.return_id, units: v.quantity * 10 }), outSerde)
      .to(output, { valueSerde: outSerde });
    const streams = new KafkaStreams(builder.build(), { applicationId: uniqueTopic('serde-app'), bootstrap: b.bootstrap });
    await streams.start();
    try {
      const records = await consume(b.bootstrap, output, n);
      const de = new JsonDeserializer(confluent, SerdeType.VALUE, {});
      const got = await Promise.all(records.map((r) => de.deserialize(output, r.value!) as Promise<{ return_id: string; units: number }>));
      assert.deepEqual(got.map((g) => g.units).sort((a, c) => a - c), Array.from({ length: n }, (_, i) => (i + 1) * 10));
    } finally {
      await streams.close();
    }
  });
});
