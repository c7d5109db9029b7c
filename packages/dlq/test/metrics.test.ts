// DLQ depth as a health metric, against Tideline and Apache Kafka: a DeadLetterConsumer with
// `metrics` counts what it dead-letters and retries and publishes the dead-letter topic's depth by
// error class and its retry topics' depth; the depth monitor reads incrementally and forgets
// records the log dropped (deleteRecords); the exposition passes `promtool check metrics`.
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { appMetrics } from '@tideline/observability';
import { promtoolCheckMetrics, toolOrSkip } from '@tideline/interop';
import { Admin, Producer } from '@tideline/client';
import { DeadLetter, DeadLetterConsumer, DlqDepthMonitor, RetryLater } from '../src/index.js';
import { bothBrokers, started, uniqueTopic, useApacheKafka, waitFor } from './brokers.js';

useApacheKafka();

async function sample(registry: Registry, name: string, labels: Record<string, string>): Promise<number> {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === name);
  const v = (m?.values as Array<{ value: number; labels: Record<string, string | number> }> | undefined)?.find((x) => Object.entries(labels).every(([k, s]) => String(x.labels[k]) === s));
  return v?.value ?? Number.NaN;
}

bothBrokers('dead-letter and retry counters, DLQ depth by error class and retry depth', { timeout: 120_000 }, async (b, t) => {
  const topic = uniqueTopic('orders');
  const dlq = `${topic}.dlq`;
  const retryTopic = `${topic}.retry.200ms`;
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
  const p = new Producer({ bootstrap: b.bootstrap });
  await p.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
  await p.close();

  const registry = new Registry();
  const metrics = appMetrics(registry);
  let outcomes = 0;
  const c = new DeadLetterConsumer({
    bootstrap: b.bootstrap, groupId: uniqueTopic('g'), topics: [topic], retry: { delaysMs: [200] }, metrics, metricsIntervalMs: 200,
    consumer: { heartbeatIntervalMs: 300, maxWaitMs: 100, sessionTimeoutMs: 10_000, autoCommitIntervalMs: 200 },
    onEvent: (e) => {
      if (e.type === 'processed' || e.type === 'dead-letter') outcomes++;
    },
    handler: (r) => {
      const k = r.key!.toString();
      if (k === 'k0' || k === 'k1' || k === 'k2') throw new DeadLetter(`bad order ${k}`);
      if (k === 'k5') throw new RetryLater('still busy'); // retried once, then dead-lettered as transient
    },
  });
  const run = started(c);
  try {
    await waitFor('10 outcomes', () => outcomes === 10);
    assert.equal(await sample(registry, 'tideline_dlq_dead_lettered_records_total', { topic: dlq, error_class: 'permanent' }), 3);
    assert.equal(await sample(registry, 'tideline_dlq_dead_lettered_records_total', { topic: dlq, error_class: 'transient' }), 1);
    assert.equal(await sample(registry, 'tideline_dlq_retried_records_total', { topic: retryTopic }), 1);
    await waitFor('DLQ depth 3 permanent + 1 transient, retry topic drained', async () =>
      (await sample(registry, 'tideline_dlq_depth_records', { topic: dlq, error_class: 'permanent' })) === 3
      && (await sample(registry, 'tideline_dlq_depth_records', { topic: dlq, error_class: 'transient' })) === 1
      && (await sample(registry, 'tideline_dlq_retry_depth_records', { topic: retryTopic })) === 0);
    // The inner producer and consumer report too (same registry).
    assert.ok((await sample(registry, 'tideline_consumer_records_consumed_total', { topic })) >= 10);
  } finally {
    await c.close();
    await run;
  }

  // A standalone monitor: the retry topic seen by a group that consumed nothing holds its one record;
  // records removed from the DLQ's log leave the depth.
  const reg2 = new Registry();
  const monitor = new DlqDepthMonitor({ bootstrap: b.bootstrap, metrics: appMetrics(reg2), dlqTopics: [dlq], retry: { topics: [retryTopic], groupId: uniqueTopic('nobody') } });
  try {
    await monitor.refresh();
    assert.equal(await sample(reg2, 'tideline_dlq_retry_depth_records', { topic: retryTopic }), 1);
    // A class with no record left has no sample.
    const total = async (): Promise<number> => ((await sample(reg2, 'tideline_dlq_depth_records', { topic: dlq, error_class: 'permanent' })) || 0) + ((await sample(reg2, 'tideline_dlq_depth_records', { topic: dlq, error_class: 'transient' })) || 0);
    assert.equal(await total(), 4);
    const ends = await admin.listOffsets([0, 1].map((partition) => ({ topic: dlq, partition, spec: 'latest' as const })));
    const biggest = ends.reduce((a, x) => (x.offset > a.offset ? x : a));
    await admin.deleteRecords([{ topic: dlq, partition: biggest.partition, offset: biggest.offset }]);
    await monitor.refresh();
    assert.equal(await total(), 4 - Number(biggest.offset));
  } finally {
    await monitor.close();
    await admin.close();
  }

  if (!toolOrSkip(t, 'promtool')) return;
  const check = promtoolCheckMetrics(await registry.metrics());
  assert.ok(check.ok && check.output === '', `promtool check metrics:\n${check.output}`);
});
