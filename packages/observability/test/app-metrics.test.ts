// The opt-in wrapper: one per registry, families registered on first use per component and
// shared, scrape-time values from the sources registered (and gone once closed), read back with
// the exposition parser; prom-client loaded only once an application asks for metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { appMetrics, parsePrometheusText as parseExposition, sumSamples } from '../src/index.js';

const names = async (r: Registry): Promise<string[]> => (await r.getMetricsAsJSON()).map((m) => m.name).sort();

test('appMetrics: one wrapper per registry; families appear only for the components used', async () => {
  const registry = new Registry();
  const m = appMetrics(registry);
  assert.equal(appMetrics(registry), m);
  assert.deepEqual(await names(registry), []);
  const a = m.producer({ clientId: 'a' });
  const b = m.producer({ clientId: 'b' });
  assert.ok((await names(registry)).every((n) => n.startsWith('tideline_producer_')));
  a.delivered('orders', 3, 300);
  b.delivered('orders', 2, 200);
  a.failed('MESSAGE_TOO_LARGE', 4);
  a.batchSent(300, 3, 0.004);
  const samples = parseExposition(await registry.metrics());
  assert.equal(sumSamples(samples, 'tideline_producer_records_sent_total', { topic: 'orders' }), 5);
  assert.equal(sumSamples(samples, 'tideline_producer_records_sent_total', { client_id: 'a' }), 3);
  assert.equal(sumSamples(samples, 'tideline_producer_record_errors_total', { error: 'MESSAGE_TOO_LARGE' }), 4);
  assert.equal(sumSamples(samples, 'tideline_producer_batch_size_bytes_count', { client_id: 'a' }), 1);
  assert.equal(sumSamples(samples, 'tideline_producer_batch_size_bytes_bucket', { client_id: 'a', le: '512' }), 1);
  assert.equal(sumSamples(samples, 'tideline_producer_batch_size_bytes_bucket', { client_id: 'a', le: '128' }), 0);
});

test('scrape-time sources: consumer lag and streams watermarks come and go with their owners', async () => {
  const registry = new Registry();
  const m = appMetrics(registry);
  let lag = 7n;
  const c = m.consumer({ clientId: 'c', groupId: 'g' }, () => [{ topic: 't', partition: 0, lag }]);
  let s = parseExposition(await registry.metrics());
  assert.equal(sumSamples(s, 'tideline_consumer_records_lag', { group: 'g', partition: '0' }), 7);
  lag = 2n;
  s = parseExposition(await registry.metrics());
  assert.equal(sumSamples(s, 'tideline_consumer_records_lag', { group: 'g' }), 2);
  c.close();
  s = parseExposition(await registry.metrics());
  assert.equal(s.filter((x) => x.name === 'tideline_consumer_records_lag').length, 0);

  const now = Date.now();
  const st = m.streams('app', () => ({
    commits: 3,
    tasks: [{ taskId: '0_0', processed: 10, lateRecords: 1, lateDropped: 2, restored: 5, windowsClosed: 4, partitions: [{ topic: 'in', partition: 0, watermark: now - 30_000 }, { topic: 'in', partition: 1, watermark: Number.NEGATIVE_INFINITY }] }],
  }));
  s = parseExposition(await registry.metrics());
  assert.equal(sumSamples(s, 'tideline_streams_processed_records_total', { task: '0_0' }), 10);
  assert.equal(sumSamples(s, 'tideline_streams_late_records_total', { action: 'dropped' }), 2);
  assert.equal(sumSamples(s, 'tideline_streams_commits_total'), 3);
  assert.equal(sumSamples(s, 'tideline_streams_watermark_timestamp_seconds', { partition: '0' }), (now - 30_000) / 1000);
  const lagS = sumSamples(s, 'tideline_streams_watermark_lag_seconds', { partition: '0' });
  assert.ok(lagS >= 30 && lagS < 40, String(lagS));
  // No watermark yet: no sample (rather than -Infinity).
  assert.equal(s.filter((x) => x.name === 'tideline_streams_watermark_lag_seconds' && x.labels['partition'] === '1').length, 0);
  st.close();
  assert.equal(parseExposition(await registry.metrics()).filter((x) => x.name.startsWith('tideline_streams_') && !x.name.startsWith('tideline_streams_commit_latency')).length, 0);
});

test('prom-client is loaded on the first appMetrics() call, not with the package', async () => {
  // A fresh process: importing the package (as the client does for tracing) leaves prom-client unloaded.
  const { spawnSync } = await import('node:child_process');
  const index = new URL('../src/index.js', import.meta.url).href;
  const script = `import { createRequire } from 'node:module';
    const req = createRequire(${JSON.stringify(index)});
    const loaded = () => Object.keys(req.cache).some((k) => k.includes('prom-client'));
    await import(${JSON.stringify(index)});
    const before = loaded();
    const { appMetrics } = await import(${JSON.stringify(index)});
    const { Registry } = req('prom-client');
    appMetrics(new Registry()).producer({});
    console.log(JSON.stringify({ before, after: loaded() }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout.trim()), { before: false, after: true });
});
