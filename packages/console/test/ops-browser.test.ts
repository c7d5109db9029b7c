// The operations pages in a real browser, against Tideline and Apache Kafka: replay one DLQ error
// class (dry run, then executed: the replayed records arrive once, a second run moves nothing);
// see a watermark advance (a small @tideline/streams application runs in the test, its metrics
// served to the console); a group's lag chart and status; the overview's ops cards. Every page
// screenshotted and checked with axe-core.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { Registry } from 'prom-client';
import { Admin, Producer } from '@tideline/client';
import { encodeEnvelope, readToEnd, type ErrorClass } from '@tideline/dlq';
import { toolOrSkip } from '@tideline/interop';
import { appMetrics } from '@tideline/observability';
import { KafkaStreams, Serdes, StreamsBuilder, TimeWindows } from '@tideline/streams';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { checkPage, screenshot, useBrowser } from './browser.js';
import { startConsole } from '../src/index.js';

useApacheKafka();

const browser = useBrowser();

const MIN = 60_000;

bothBrokers('operations pages: replay one DLQ error class, see a watermark advance, a group\'s lag chart and status', { timeout: 240_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'chromium')) return;
  const orders = uniqueTopic('ops-orders');
  const dlq = `${orders}.dlq`;
  const clicks = uniqueTopic('ops-clicks');
  const app = uniqueTopic('ops-app');
  const lagGroup = uniqueTopic('ops-lagging');
  const admin = new Admin({ bootstrap: b.bootstrap });
  const producer = new Producer({ bootstrap: b.bootstrap });
  const registry = new Registry();
  const metricsServer = createServer((_req, res) => {
    void registry.metrics().then((text) => res.end(text));
  });
  await new Promise<void>((r) => metricsServer.listen(0, '127.0.0.1', r));
  let streams: KafkaStreams | null = null;
  const c = await startConsole({ cluster: { bootstrap: b.bootstrap }, port: 0, appMetricsUrls: [`http://127.0.0.1:${(metricsServer.address() as { port: number }).port}/metrics`] });
  const page = await browser.newPage();
  try {
    await admin.createTopics([orders, dlq, clicks, `${app}-out`].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })));
    // Five dead letters: three permanent, two transient, with the envelope @tideline/dlq writes.
    const now = Date.now();
    const letters: Array<[ErrorClass, string]> = [['permanent', 'ValidationError'], ['transient', 'TimeoutError'], ['permanent', 'ValidationError'], ['transient', 'TimeoutError'], ['permanent', 'ValidationError']];
    await producer.send({
      topic: dlq, messages: letters.map(([errorClass, errorName], i) => ({
        key: `order-${i}`, value: JSON.stringify({ order: i }),
        headers: encodeEnvelope({
          originalTopic: orders, originalPartition: 0, originalOffset: BigInt(100 + i), originalTimestamp: now - 60_000, group: 'billing',
          errorClass, errorName, errorMessage: `order ${i} failed`, errorStack: `${errorName}: order ${i} failed\n    at check (billing.js:${10 + i}:5)`,
          attempt: errorClass === 'transient' ? 3 : 1, firstFailureMs: now - 50_000, lastFailureMs: now - 40_000 + i,
        }),
      })),
    });

    // DLQ list, then the topic: depth chart, envelope fields, replay of the permanent class.
    await page.goto(new URL('/dlq', c.url).href);
    await page.getByRole('link', { name: dlq, exact: true }).click();
    await page.getByTestId('dlq-depth-chart').waitFor();
    await page.getByTestId('dlq-count').filter({ hasText: '5 records' }).waitFor();
    await page.getByTestId('dlq-row').first().getByRole('button').click();
    const env = await page.getByTestId('envelope').innerText();
    assert.match(env, new RegExp(`${orders} / partition 0 / offset 104`));
    assert.match(env, /ValidationError/);
    assert.match(env, /billing\.js:14:5/);
    await page.locator('select[name=errorClass]').selectOption('permanent');
    await page.getByTestId('dlq-count').filter({ hasText: '3 records of class permanent' }).waitFor();
    assert.match(page.url(), /class=permanent/);
    await page.getByRole('button', { name: 'Dry run replay' }).click();
    await page.getByText('Dry run: 3 records would be replayed').waitFor();
    await checkPage(page, `dlq-${b.kind}`);
    const endBefore = (await admin.listOffsets([{ topic: orders, partition: 0, spec: 'latest' }]))[0]!.offset;
    assert.equal(endBefore, 0n, 'the dry run wrote nothing');
    await page.getByRole('button', { name: 'Execute replay of 3 records' }).click();
    await page.getByText('Replayed 3 records').waitFor();
    const replayed: string[] = [];
    await readToEnd({ bootstrap: b.bootstrap }, [orders], (r) => {
      replayed.push(`${r.key?.toString()}:${r.headers.find((h) => h.key === 'tide.dlq.replayed')?.value?.toString()}`);
    }, { isolationLevel: 'read_committed' });
    assert.deepEqual(replayed.sort(), [`order-0:${dlq}/0/0`, `order-2:${dlq}/0/2`, `order-4:${dlq}/0/4`]);
    // Again: nothing left to move in that class (the ledger).
    await page.getByRole('button', { name: 'Dry run replay' }).click();
    await page.getByText('Dry run: 0 records would be replayed (3 matching, 3 replayed before)').waitFor();

    // A small streams application: 1-minute windows, 1 minute of out-of-orderness, metrics served.
    const sb = new StreamsBuilder();
    sb.stream(clicks, { keySerde: Serdes.string(), valueSerde: Serdes.json<{ at: number }>(), timestampExtractor: (r) => r.value.at })
      .groupByKey().windowedBy(TimeWindows.tumbling(MIN)).count({ name: 'per-minute' }).to(`${app}-out`);
    streams = new KafkaStreams(sb.build(), { applicationId: app, bootstrap: b.bootstrap, maxOutOfOrdernessMs: MIN, commitIntervalMs: 200, metrics: appMetrics(registry) });
    await streams.start();
    const t0 = Date.now() - 30 * MIN;
    const click = (at: number): Promise<unknown> => producer.send({ topic: clicks, messages: [{ key: 'home', value: JSON.stringify({ at }) }] });
    await click(t0);
    await click(t0 + 2 * MIN);
    await click(t0 - 10 * MIN); // late: its window closed
    await page.goto(new URL('/streams', c.url).href);
    await page.getByRole('link', { name: app, exact: true }).click();
    const wm = page.getByTestId('watermark').first();
    const firstMark = new Date(t0 + MIN).toISOString().replace('T', ' ').replace('Z', '');
    await wm.filter({ hasText: firstMark }).waitFor({ timeout: 60_000 });
    await page.getByTestId('event-time').first().filter({ hasText: new Date(t0 + 2 * MIN).toISOString().slice(0, 16).replace('T', ' ') }).waitFor({ timeout: 30_000 });
    await page.getByTestId('late-topic').filter({ hasText: `${app}-late: 1 records` }).waitFor({ timeout: 30_000 });
    await click(t0 + 7 * MIN);
    const advanced = new Date(t0 + 6 * MIN).toISOString().replace('T', ' ').replace('Z', '');
    await wm.filter({ hasText: advanced }).waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: 'Tasks' }).waitFor();
    await page.getByRole('table', { name: 'State stores' }).getByRole('link', { name: new RegExp(`^${app}-.+-changelog$`) }).first().waitFor();
    await checkPage(page, `streams-${b.kind}`);

    // A group that committed and fell behind: lag chart and status on its page, in trouble on the overview.
    await admin.alterGroupOffsets(lagGroup, [{ topic: orders, partition: 0, offset: 1 }]);
    await page.goto(new URL(`/groups/${lagGroup}`, c.url).href);
    await page.getByTestId('lag-chart').waitFor();
    await page.locator('[data-testid=lag-chart][data-points="2"]').waitFor({ timeout: 20_000 });
    const status = await page.getByTestId('lag-status').first().innerText();
    assert.ok(['WARN', 'STALL', 'STOP'].includes(status), `status of a group committed at 1 of 3: ${status}`);
    await checkPage(page, `group-lag-${b.kind}`);
    await page.goto(c.url);
    await page.getByRole('table', { name: 'Groups in trouble' }).getByRole('link', { name: lagGroup, exact: true }).waitFor();
    await page.getByTestId('overview-ops').filter({ hasText: /Dead letters\s*[1-9]/ }).waitFor();
    await checkPage(page, `overview-ops-${b.kind}`);
    await page.goto(new URL('/topics?sort=size&dir=desc', c.url).href);
    await page.getByRole('table', { name: 'Topics' }).waitFor();
    await page.getByRole('columnheader', { name: /Size/ }).waitFor();
  } catch (e) {
    await screenshot(page, `ops-failed-${b.kind}`).catch(() => undefined);
    throw e;
  } finally {
    await page.context().close();
    await streams?.close();
    await c.close();
    metricsServer.closeAllConnections();
    await new Promise<void>((r) => metricsServer.close(() => r()));
    await producer.close();
    await admin.close();
  }
});
