// Opt-in streams metrics against Tideline and Apache Kafka: the watermark per input partition
// matches the application's own (KafkaStreams.metrics()), its lag is the wall clock minus it; a
// late record moves the late counter and, through the late topic, the DLQ depth (class `late`);
// window closings, records processed and commit latency move; `promtool check metrics` passes.
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { appMetrics } from '@tideline/observability';
import { promtoolCheckMetrics, toolOrSkip } from '@tideline/interop';
import { Admin, Producer } from '@tideline/client';
import { DlqDepthMonitor } from '@tideline/dlq';
import { KafkaStreams, Serdes, StreamsBuilder, TimeWindows } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { waitFor } from './helpers.js';

useApacheKafka();

type Sample = { value: number; labels: Record<string, string | number>; metricName?: string };

async function samples(registry: Registry, name: string, labels: Record<string, string> = {}): Promise<Sample[]> {
  const m = (await registry.getMetricsAsJSON()).find((x) => x.name === name);
  return ((m?.values ?? []) as Sample[]).filter((v) => Object.entries(labels).every(([k, s]) => String(v.labels[k]) === s));
}
const sum = (l: Sample[]): number => l.reduce((s, v) => s + v.value, 0);

bothBrokers('streams metrics: watermark per partition and its lag, late records, DLQ depth, window closings, commits', { timeout: 120_000 }, async (b, t) => {
  const input = uniqueTopic('m-clicks');
  const out = uniqueTopic('m-counts');
  const app = uniqueTopic('m-app');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic: input, numPartitions: 2, replicationFactor: 1 }, { topic: out, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  // Event times a minute ago, on a second boundary.
  const base = Math.floor((Date.now() - 60_000) / 1000) * 1000;
  const p = new Producer({ bootstrap: b.bootstrap });
  const click = (ts: number, partition: number) => ({ key: 'home', value: JSON.stringify({ ts }), partition });
  // Partition 0: [base, base+1000) closes at watermark base+1500; then base+999 is late.
  await p.send({ topic: input, messages: [click(base + 500, 0), click(base + 1500, 0), click(base + 999, 0), click(base + 2500, 1)] });
  await p.close();

  const sb = new StreamsBuilder();
  sb.stream(input, { keySerde: Serdes.string(), valueSerde: Serdes.json<{ ts: number }>(), timestampExtractor: (r) => r.value.ts })
    .groupByKey()
    .windowedBy(TimeWindows.tumbling(1000))
    .count({ name: 'per-second' })
    .to(out);
  const registry = new Registry();
  const metrics = appMetrics(registry);
  const streams = new KafkaStreams(sb.build(), {
    applicationId: app, bootstrap: b.bootstrap, commitIntervalMs: 200, heartbeatIntervalMs: 300, metrics,
    stateDir: join(tmpdir(), `tideline-streams-metrics-${process.pid}`),
  });
  await streams.start();
  const monitor = new DlqDepthMonitor({ bootstrap: b.bootstrap, metrics, dlqTopics: [`${app}-late`] });
  try {
    await waitFor('4 records processed and committed', () => streams.metrics().processedTotal === 4 && streams.metrics().commits >= 1);
    assert.equal(sum(await samples(registry, 'tideline_streams_processed_records_total', { application_id: app })), 4);
    assert.equal(sum(await samples(registry, 'tideline_streams_late_records_total', { application_id: app, action: 'routed' })), 1);
    assert.equal(sum(await samples(registry, 'tideline_streams_late_records_total', { application_id: app, action: 'dropped' })), 0);
    assert.equal(sum(await samples(registry, 'tideline_streams_window_closings_total', { application_id: app })), 1);
    assert.ok(sum((await samples(registry, 'tideline_streams_commit_latency_seconds', { application_id: app })).filter((s) => s.metricName?.endsWith('_count') === true)) >= 1);

    // The watermark per partition is the application's own; the lag is the wall clock minus it.
    const own = new Map(streams.metrics().tasks.flatMap((task) => task.partitions.map((x) => [`${x.topic}/${x.partition}`, x.watermark] as const)));
    assert.equal(own.get(`${input}/0`), base + 1500);
    assert.equal(own.get(`${input}/1`), base + 2500);
    for (const partition of [0, 1]) {
      const wm = own.get(`${input}/${partition}`)!;
      const [ts] = await samples(registry, 'tideline_streams_watermark_timestamp_seconds', { application_id: app, topic: input, partition: String(partition) });
      assert.equal(ts?.value, wm / 1000);
      const before = Date.now();
      const [lag] = await samples(registry, 'tideline_streams_watermark_lag_seconds', { application_id: app, topic: input, partition: String(partition) });
      const after = Date.now();
      assert.ok(lag !== undefined && lag.value >= (before - wm) / 1000 && lag.value <= (after - wm) / 1000, `lag ${lag?.value} for watermark ${wm} between ${before} and ${after}`);
    }

    // The late record is in the late topic: DLQ depth, class `late`.
    await waitFor('DLQ depth of the late topic', async () => {
      await monitor.refresh();
      return sum(await samples(registry, 'tideline_dlq_depth_records', { topic: `${app}-late`, error_class: 'late' })) === 1;
    });

    if (toolOrSkip(t, 'promtool')) {
      const check = promtoolCheckMetrics(await registry.metrics());
      assert.ok(check.ok && check.output === '', `promtool check metrics:\n${check.output}`);
    }
  } finally {
    await monitor.close();
    await streams.close();
  }
  // A closed application stops reporting.
  assert.equal((await samples(registry, 'tideline_streams_watermark_lag_seconds', { application_id: app })).length, 0);
});
