// Broker-side schema validation on Tideline (Confluent Server's confluent.value.schema.validation):
// with the topic config on, a third-party producer (KafkaJS) sending a record without a schema id,
// or with an id not registered under the topic's subject, gets INVALID_RECORD and nothing of the
// batch is written; records from our serializer go through. The broker finds the registry through
// `confluent.schema.registry.url` (here: the URL our registry then listens on).
import assert from 'node:assert/strict';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker } from '@tideline/broker';
import { freePort, brokerMatrix } from '@tideline/interop';
import { Producer, KafkaError, ErrorCode } from '@tideline/client';
import { startRegistry, RegistryClient, Serializer } from '../src/index.js';
import { createTopic, consume } from './serde-env.js';

const SCHEMA = JSON.stringify({ type: 'record', name: 'CustomerReturn', fields: [{ name: 'return_id', type: 'string' }, { name: 'quantity', type: 'int' }] });

const { bothBrokers, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-serde-validation-',
  // The broker is told the registry's URL before the registry (which stores in the broker) starts.
  startTideline: async (dataDir) => {
    const port = await freePort();
    const broker = await startBroker({ dataDir, port: 0, schemaRegistry: { url: `http://127.0.0.1:${port}` } });
    registryPort = port;
    return broker;
  },
});
let registryPort = 0;

bothBrokers('broker-side validation: INVALID_RECORD for a record without a registered schema id, for KafkaJS and our client', { only: 'tideline', timeout: 120_000 }, async (b) => {
  const reg = await startRegistry({ cluster: { bootstrap: b.bootstrap }, port: registryPort, leaderElection: false, topicReplicationFactor: 1 });
  const kafka = new Kafka({ brokers: [b.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const producer = kafka.producer({ retry: { retries: 0 } });
  try {
    const topic = uniqueTopic('validated');
    const open = uniqueTopic('open');
    await createTopic(b.bootstrap, topic, { 'confluent.value.schema.validation': 'true' });
    await createTopic(b.bootstrap, open);
    const client = new RegistryClient({ url: reg.url });
    const ser = new Serializer({ client, type: 'AVRO', schema: SCHEMA });
    const good = await ser.serialize(topic, { return_id: 'r1', quantity: 1 });
    // Registered, but under another subject.
    const other = await new Serializer({ client, type: 'AVRO', schema: SCHEMA.replace('CustomerReturn', 'Other') }).serialize(open, { return_id: 'x', quantity: 1 });

    await producer.connect();
    const refused = async (messages: Array<{ value: Buffer | string | null }>): Promise<void> => {
      await assert.rejects(producer.send({ topic, messages, acks: -1 }), (err: unknown) => {
        // KafkaJS: a KafkaJSProtocolError with type INVALID_RECORD (maybe wrapped as the cause).
        const e = err as { type?: string; cause?: { type?: string } };
        assert.equal(e.type ?? e.cause?.type, 'INVALID_RECORD', String(err));
        return true;
      });
    };
    await refused([{ value: '{"return_id":"r2","quantity":2}' }]);
    await refused([{ value: good }, { value: other }]);
    await refused([{ value: Buffer.from([0, 0x7f, 0xff, 0xff, 0xff, 1]) }]);
    await producer.send({ topic, messages: [{ value: good }, { value: null }], acks: -1 });
    await producer.send({ topic: open, messages: [{ value: 'anything' }], acks: -1 });

    // Our client sees the code and the message naming the record.
    const ours = new Producer({ bootstrap: b.bootstrap, retries: 0 });
    try {
      await assert.rejects(ours.send({ topic, messages: [{ value: good }, { value: Buffer.from('plain') }] }), (err: unknown) => {
        assert.ok(err instanceof KafkaError, String(err));
        assert.equal(err.errorCode, ErrorCode.INVALID_RECORD);
        assert.match(err.message, /record 1/);
        return true;
      });
    } finally {
      await ours.close();
    }
    // Only the accepted batch was written.
    const records = await consume(b.bootstrap, topic, 2);
    assert.deepEqual(records.map((r) => r.value), [good, null]);
  } finally {
    await producer.disconnect();
    await reg.close();
  }
});
