// Self-test of the real-client harness against a reference Apache Kafka broker: every client
// produces and consumes, the Java partitioner answers, and the capture proxy records frames.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import {
  confluentKafka,
  kafkaTools,
  KAFKA_TOOLS,
  kcat,
  python,
  requireTool,
  runJavaClient,
  runKafkaStreams,
  startApacheKafka,
  startCaptureProxy,
  toolOrSkip,
  TOOL_NAMES,
  type ApacheKafka,
} from '../src/index.js';

const TEST_TIMEOUT = 90_000;

describe('provisioned tools', () => {
  for (const name of TOOL_NAMES) {
    test(`${name} is provisioned`, (t) => {
      if (!toolOrSkip(t, name)) return;
    });
  }
});

describe('librdkafka', () => {
  test('kcat and @confluentinc/kafka-javascript run the same provisioned librdkafka (not Debian\'s 2.0.2)', { timeout: 30_000 }, async (t) => {
    if (!toolOrSkip(t, 'kcat', 'confluent-kafka')) return;
    const ckjs = confluentKafka().librdkafkaVersion;
    const v = await kcat(['-V']);
    const m = /librdkafka (\d+)\.(\d+)\.(\d+)/.exec(v.stdout + v.stderr);
    assert.ok(m, v.stdout + v.stderr);
    assert.equal(`${m[1]}.${m[2]}.${m[3]}`, ckjs);
    assert.ok(Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 12), `librdkafka ${ckjs} predates KIP-848 (2.12)`);
  });
});

describe('java partitioner', () => {
  test('3.9 and 4.x agree on murmur2 placement, and kcat with murmur2_random matches', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!toolOrSkip(t, 'java-client-3.9', 'java-client-4')) return;
    const keys = ['a', 'key-1', 'hello', 'ünïcødé', 'x'.repeat(100)];
    const [v39, v4] = await Promise.all([
      runJavaClient('3.9', ['partition', '12', ...keys]),
      runJavaClient('4', ['partition', '12', ...keys]),
    ]);
    assert.equal(v4.rows.length, keys.length);
    assert.deepEqual(v39.rows, v4.rows);
    for (const row of v4.rows) {
      assert.equal(typeof row['partition'], 'number');
      assert.ok((row['partition'] as number) >= 0 && (row['partition'] as number) < 12);
    }
  });
});

describe('against Apache Kafka', { timeout: 10 * 60_000 }, () => {
  let kafka: ApacheKafka | undefined;
  const broker = (): ApacheKafka => {
    assert.ok(kafka, 'Apache Kafka did not start');
    return kafka;
  };

  before(async () => {
    if (!requireTool('apache-kafka')) return;
    kafka = await startApacheKafka();
  }, { timeout: 90_000 });

  after(async () => {
    await kafka?.stop();
  });

  const skipUnlessBroker = (t: Parameters<typeof toolOrSkip>[0], ...more: Parameters<typeof toolOrSkip>[1][]): boolean =>
    toolOrSkip(t, 'apache-kafka', ...more) && kafka !== undefined;

  test('java admin creates topics and describes them (4.x)', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'java-client-4')) return;
    const b = broker().bootstrap;
    for (const topic of ['kcat-t', 'kjs-t', 'ckjs-t', 'java-t']) {
      await runJavaClient('4', ['admin', 'create-topic', '--bootstrap', b, '--topic', topic, '--partitions', '3']);
    }
    const list = await runJavaClient('4', ['admin', 'list-topics', '--bootstrap', b]);
    const topics = list.rows[0]?.['topics'];
    assert.ok(Array.isArray(topics) && topics.includes('java-t'), JSON.stringify(list.rows));
    const d = await runJavaClient('4', ['admin', 'describe-topic', '--bootstrap', b, '--topic', 'java-t']);
    assert.equal((d.rows[0]?.['partitions'] as unknown[]).length, 3);
    const c = await runJavaClient('4', ['admin', 'describe-configs', '--bootstrap', b, '--topic', 'java-t']);
    assert.equal((c.rows[0]?.['configs'] as Record<string, unknown>)['cleanup.policy'], 'delete');
  });

  test('kcat produces and consumes; murmur2 placement matches the Java client', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'kcat', 'java-client-4')) return;
    const b = broker().bootstrap;
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
    const input = keys.map((k) => `${k}:v-${k}`).join('\n') + '\n';
    await kcat(['-b', b, '-P', '-t', 'kcat-t', '-K', ':', '-X', 'partitioner=murmur2_random'], { input });
    const out = await kcat(['-b', b, '-C', '-t', 'kcat-t', '-o', 'beginning', '-e', '-J', '-q']);
    const got = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { key: string; payload: string; partition: number });
    assert.equal(got.length, keys.length);
    const java = await runJavaClient('4', ['partition', '3', ...keys]);
    const expected = new Map(java.rows.map((r) => [r['key'] as string, r['partition'] as number]));
    for (const r of got) {
      assert.equal(r.payload, `v-${r.key}`);
      assert.equal(r.partition, expected.get(r.key), `partition of ${r.key}`);
    }
  });

  test('Kafka Streams (4.x) runs a topology: upper-cases an input topic into an output topic', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'kcat', 'java-client-4')) return;
    const b = broker().bootstrap;
    for (const topic of ['streams-in', 'streams-out']) {
      await runJavaClient('4', ['admin', 'create-topic', '--bootstrap', b, '--topic', topic, '--partitions', '2']);
    }
    const input = Array.from({ length: 20 }, (_, i) => `k${i}:value-${i}`).join('\n') + '\n';
    await kcat(['-b', b, '-P', '-t', 'streams-in', '-K', ':'], { input });
    const r = await runKafkaStreams({ bootstrap: b, applicationId: `harness-${Date.now()}`, input: 'streams-in', output: 'streams-out', count: 20 });
    assert.equal(r.rows[0]?.['processed'], 20, r.stdout + r.stderr);
    const out = await kcat(['-b', b, '-C', '-t', 'streams-out', '-o', 'beginning', '-e', '-q', '-f', '%k=%s\n']);
    const got = out.stdout.trim().split('\n').sort();
    assert.deepEqual(got, Array.from({ length: 20 }, (_, i) => `k${i}=VALUE-${i}`).sort());
  });

  test('KafkaJS produces and consumes in a group', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'kafkajs')) return;
    const client = new Kafka({ brokers: [broker().bootstrap], clientId: 'interop-kafkajs', logLevel: logLevel.NOTHING });
    const producer = client.producer();
    const consumer = client.consumer({ groupId: 'kjs-group', sessionTimeout: 10_000 });
    try {
      await producer.connect();
      await producer.send({
        topic: 'kjs-t',
        messages: [1, 2, 3].map((i) => ({ key: `k${i}`, value: `v${i}`, headers: { h: 'x' } })),
      });
      await consumer.connect();
      await consumer.subscribe({ topic: 'kjs-t', fromBeginning: true });
      const seen: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`KafkaJS consumed only ${seen.length}`)), 45_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            seen.push(message.value?.toString() ?? '');
            assert.equal(message.headers?.['h']?.toString(), 'x');
            if (seen.length === 3) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      assert.deepEqual(seen.sort(), ['v1', 'v2', 'v3']);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
    }
  });

  test('@confluentinc/kafka-javascript produces and consumes', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'confluent-kafka')) return;
    const { KafkaJS } = confluentKafka();
    const kafkaClient = new KafkaJS.Kafka({ kafkaJS: { brokers: [broker().bootstrap], logLevel: KafkaJS.logLevel.NOTHING } });
    const producer = kafkaClient.producer();
    const consumer = kafkaClient.consumer({ kafkaJS: { groupId: 'ckjs-group', fromBeginning: true } });
    try {
      await producer.connect();
      const md = await producer.send({ topic: 'ckjs-t', messages: [{ key: 'a', value: 'one' }, { key: 'b', value: 'two' }] });
      assert.equal(md.length > 0, true);
      await consumer.connect();
      await consumer.subscribe({ topics: ['ckjs-t'] });
      const seen: string[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`ckjs consumed only ${seen.length}`)), 45_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            seen.push(message.value?.toString() ?? '');
            if (seen.length === 2) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
      assert.deepEqual(seen.sort(), ['one', 'two']);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
    }
  });

  for (const version of ['3.9', '4', '4.4'] as const) {
    test(`Java client ${version} produces (zstd, headers) and consumes by offset and by group`, { timeout: TEST_TIMEOUT }, async (t) => {
      if (!skipUnlessBroker(t, `java-client-${version}`)) return;
      const b = broker().bootstrap;
      const topic = `java-${version.replace('.', '')}`;
      const p = await runJavaClient(version, [
        'produce', '--bootstrap', b, '--topic', topic, '--count', '5', '--compression', 'zstd',
        '--acks', 'all', '--header', 'trace=abc', '--partition', '0',
      ]);
      assert.deepEqual(p.rows.at(-1), { produced: 5 });
      assert.deepEqual(p.rows.slice(0, 5).map((r) => r['offset']), [0, 1, 2, 3, 4]);
      const c = await runJavaClient(version, ['consume', '--bootstrap', b, '--topic', topic, '--partition', '0', '--offset', '2', '--max', '3']);
      assert.deepEqual(c.rows.slice(0, 3).map((r) => r['value']), ['value-2', 'value-3', 'value-4']);
      assert.deepEqual(c.rows[0]?.['headers'], { trace: 'abc' });
      const g = await runJavaClient(version, ['consume', '--bootstrap', b, '--topic', topic, '--group', `g-${topic}`, '--max', '5']);
      assert.deepEqual(g.rows.at(-1), { consumed: 5 });
    });
  }

  test('cross-client: kcat reads what Java 3.9 wrote, Java 4 reads what KafkaJS wrote', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'kcat', 'java-client-3.9', 'java-client-4', 'kafkajs')) return;
    const b = broker().bootstrap;
    await runJavaClient('3.9', ['produce', '--bootstrap', b, '--topic', 'x1', '--count', '2', '--compression', 'lz4']);
    const k = await kcat(['-b', b, '-C', '-t', 'x1', '-o', 'beginning', '-e', '-q', '-f', '%k=%s\\n']);
    assert.deepEqual(k.stdout.trim().split('\n').sort(), ['key-0=value-0', 'key-1=value-1']);
    const client = new Kafka({ brokers: [b], logLevel: logLevel.NOTHING });
    const producer = client.producer({ allowAutoTopicCreation: true });
    await producer.connect();
    try {
      await producer.send({ topic: 'x2', messages: [{ key: 'kk', value: 'from-kafkajs' }] });
    } finally {
      await producer.disconnect();
    }
    const j = await runJavaClient('4', ['consume', '--bootstrap', b, '--topic', 'x2', '--max', '1']);
    assert.equal(j.rows[0]?.['value'], 'from-kafkajs');
  });

  test('kafka-tools ProducerPerformance and consumer groups', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'kafka-tools')) return;
    const b = broker().bootstrap;
    const perf = await kafkaTools(KAFKA_TOOLS.producerPerformance, [
      '--topic', 'perf-t', '--num-records', '200', '--record-size', '100', '--throughput', '-1',
      '--producer-props', `bootstrap.servers=${b}`,
    ]);
    assert.match(perf.stdout, /200 records sent/);
    const groups = await kafkaTools(KAFKA_TOOLS.consumerGroups, ['--bootstrap-server', b, '--list']);
    assert.equal(groups.code, 0);
  });

  test('Debian Python clients (system interpreter) produce', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'python-confluent-kafka', 'python-kafka')) return;
    const b = broker().bootstrap;
    const script = [
      'import sys, confluent_kafka, kafka',
      "p = confluent_kafka.Producer({'bootstrap.servers': sys.argv[1]})",
      "p.produce('py-t', key=b'k', value=b'from-python')",
      'assert p.flush(20) == 0',
      "c = kafka.KafkaConsumer('py-t', bootstrap_servers=sys.argv[1], auto_offset_reset='earliest', consumer_timeout_ms=15000)",
      "print(next(iter(c)).value.decode())",
      'c.close()',
    ].join('\n');
    const r = await python(script, [b]);
    assert.equal(r.stdout.trim(), 'from-python');
  });

  test('capture proxy records paired ApiVersions and Metadata frames from kcat', { timeout: TEST_TIMEOUT }, async (t) => {
    if (!skipUnlessBroker(t, 'kcat')) return;
    const proxy = await startCaptureProxy({ target: broker().bootstrap });
    try {
      await kcat(['-b', proxy.address, '-L', '-t', 'kcat-t']);
      const ex = proxy.exchanges();
      const apiVersions = ex.find((e) => e.request.apiKey === 18);
      const metadata = ex.find((e) => e.request.apiKey === 3);
      assert.ok(apiVersions?.response, 'ApiVersions exchange captured');
      assert.ok(metadata?.response, 'Metadata exchange captured');
      assert.equal(metadata.response.apiVersion, metadata.request.apiVersion);
      assert.equal(metadata.response.bytes.readInt32BE(0), metadata.request.correlationId);
    } finally {
      await proxy.stop();
    }
  });
});
