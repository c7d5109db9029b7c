// Opt-in application metrics of the producer and the consumer, against Tideline and Apache Kafka:
// N records produced move the producer's counters by N; a record the topic refuses counts one record
// error (MESSAGE_TOO_LARGE); a consumer that has handed out K of N
// records reports a lag of N - K on its partition; the exposition passes `promtool check metrics`;
// a producer without `metrics` registers nothing.
import assert from 'node:assert/strict';
import { Registry, register } from 'prom-client';
import { appMetrics } from '@tideline/observability';
import { promtoolCheckMetrics, toolOrSkip } from '@tideline/interop';
import { Admin, Consumer, Producer } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

/** The value of one sample of a metric (summing every sample whose labels include `labels`). */
async function value(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<number> {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === name);
  if (m === undefined) return Number.NaN;
  let sum = 0;
  for (const v of m.values as Array<{ value: number; labels: Record<string, string | number>; metricName?: string }>) {
    if (v.metricName !== undefined && v.metricName !== name && !v.metricName.endsWith('_count')) continue;
    if (Object.entries(labels).every(([k, x]) => String(v.labels[k]) === x)) sum += v.value;
  }
  return sum;
}

bothBrokers('producer and consumer metrics move by what the test did', { timeout: 120_000 }, async (b, t) => {
  const topic = uniqueTopic('metrics');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const registry = new Registry();
  const metrics = appMetrics(registry);
  const N = 50;
  const producer = new Producer({ bootstrap: b.bootstrap, clientId: 'app-producer', metrics, lingerMs: 0 });
  const value100 = 'x'.repeat(100);
  for (let i = 0; i < 5; i++) await producer.send({ topic, messages: Array.from({ length: N / 5 }, (_, j) => ({ key: `k${i}-${j}`, value: value100 })) });
  await producer.close();

  assert.equal(await value(registry, 'tideline_producer_records_sent_total', { client_id: 'app-producer', topic }), N);
  const batches = await value(registry, 'tideline_producer_batch_records', { client_id: 'app-producer' }); // _count samples: one per batch
  assert.ok(batches >= 5 && batches <= N, `batches sent: ${batches}`);
  const sent = await value(registry, 'tideline_producer_sent_bytes_total', { topic });
  assert.ok(sent > N * 100 && sent < N * 200, `bytes sent ${sent} for ${N} records of 100 bytes`);
  assert.equal(await value(registry, 'tideline_producer_record_errors_total'), 0);

  // A record the topic refuses (max.message.bytes): one record error, by its Kafka error name.
  const small = uniqueTopic('metrics-small');
  const admin2 = new Admin({ bootstrap: b.bootstrap });
  await admin2.createTopics([{ topic: small, numPartitions: 1, replicationFactor: 1, configs: { 'max.message.bytes': '1000' } }]);
  await admin2.close();
  const refused = new Producer({ bootstrap: b.bootstrap, clientId: 'app-producer', metrics, lingerMs: 0 });
  await assert.rejects(refused.send({ topic: small, messages: [{ value: 'y'.repeat(5000) }] }), /MESSAGE_TOO_LARGE/);
  await refused.close();
  assert.equal(await value(registry, 'tideline_producer_record_errors_total', { client_id: 'app-producer', error: 'MESSAGE_TOO_LARGE' }), 1);
  assert.equal(await value(registry, 'tideline_producer_records_sent_total', { topic: small }), 0);

  // Consume K of the N records: lag = N - K on the partition (the high watermark is N).
  const K = 20;
  const consumer = new Consumer({ bootstrap: b.bootstrap, clientId: 'app-consumer', groupId: uniqueTopic('g'), metrics, maxWaitMs: 100 });
  consumer.assign([{ topic, partition: 0, offset: 'earliest' }]);
  let seen = 0;
  let lagAtK = Number.NaN;
  for await (const r of consumer) {
    assert.equal(r.offset, BigInt(seen));
    if (++seen === K) lagAtK = await value(registry, 'tideline_consumer_records_lag', { client_id: 'app-consumer', topic, partition: '0' });
    if (seen === N) break;
  }
  assert.equal(lagAtK, N - K);
  assert.equal(await value(registry, 'tideline_consumer_records_lag', { topic, partition: '0' }), 0);
  assert.equal(await value(registry, 'tideline_consumer_records_consumed_total', { topic }), N);
  assert.ok((await value(registry, 'tideline_consumer_fetch_latency_seconds', { client_id: 'app-consumer' })) >= 1);
  const exposition = await registry.metrics();
  await consumer.close();
  // A closed consumer stops reporting lag.
  assert.ok(!(await registry.metrics()).includes(`tideline_consumer_records_lag{client_id="app-consumer"`));

  if (!toolOrSkip(t, 'promtool')) return;
  const check = promtoolCheckMetrics(exposition);
  assert.ok(check.ok && check.output === '', `promtool check metrics:\n${check.output}`);
});

bothBrokers('without metrics nothing is registered', { timeout: 60_000, only: 'tideline' }, async (b) => {
  const topic = uniqueTopic('plain');
  const producer = new Producer({ bootstrap: b.bootstrap });
  await producer.send({ topic, messages: [{ value: 'v' }] });
  await producer.close();
  const consumer = new Consumer({ bootstrap: b.bootstrap, maxWaitMs: 100 });
  consumer.assign([{ topic, partition: 0, offset: 'earliest' }]);
  for await (const _ of consumer) break;
  await consumer.close();
  // Nothing went to prom-client's default registry either.
  assert.deepEqual((await register.getMetricsAsJSON()).filter((m) => m.name.startsWith('tideline_')), []);
});
