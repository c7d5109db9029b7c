// End to end in a real browser (Debian's chromium, driven by playwright-core) against Tideline and
// Apache Kafka: every page rendered, screenshotted and checked with axe-core; a topic created and
// a message produced in the page (and one with KafkaJS); a filter found over 100,000 records with
// progress; a group reset with its dry run; a broker that goes away and comes back; 10,000 topics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import type { Page } from 'playwright-core';
import { Admin } from '@tideline/client';
import { startBroker } from '@tideline/broker';
import { freePort, startApacheKafka, toolOrSkip } from '@tideline/interop';
import { bothBrokers, startRelay, uniqueTopic, useApacheKafka, waitFor, withConsole } from './brokers.js';
import { checkPage, screenshot, useBrowser } from './browser.js';
import { seedTopic } from './seed.js';
import { startConsole } from '../src/index.js';

useApacheKafka();

const browser = useBrowser();

bothBrokers('pages: overview, create a topic and produce in the page (and with KafkaJS), browse and decode, a group reset with its dry run', { timeout: 240_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'chromium')) return;
  const topic = uniqueTopic('web-orders');
  const group = uniqueTopic('web-group');
  await withConsole(b.bootstrap, async (c) => {
    const page = await browser.newPage();
    try {
      await page.goto(c.url);
      await page.getByRole('heading', { name: 'Overview' }).waitFor();
      await page.getByTestId('overview-cards').waitFor();
      await checkPage(page, `overview-${b.kind}`);

      // Create a topic through the form.
      await page.goto(new URL('/topics?create=1', c.url).href);
      await page.getByLabel('Name', { exact: true }).fill(topic);
      await page.getByLabel('Partitions').fill('2');
      await page.getByLabel('Replication factor').fill('1');
      await page.getByRole('button', { name: 'Create topic' }).last().click();
      await page.waitForURL(`**/topics/${topic}`);
      await page.getByRole('table', { name: 'Partitions' }).waitFor();
      await checkPage(page, `topic-${b.kind}`);

      // Produce in the page, then with KafkaJS (a binary key too).
      await page.goto(new URL(`/topics/${topic}/messages`, c.url).href);
      await page.getByText('Produce a message').click();
      await page.getByLabel('Key (empty: null)').fill('order-1');
      await page.getByLabel('Value', { exact: true }).fill('{"customer":"ada","total":42}');
      await page.getByLabel('Headers (key=value per line)').fill('source=console');
      await page.getByRole('button', { name: 'Produce', exact: true }).click();
      await page.getByTestId('produce-result').waitFor();
      const kafka = new kafkajs.Kafka({ clientId: 'console-web-test', brokers: [b.bootstrap], logLevel: kafkajs.logLevel.NOTHING });
      const kp = kafka.producer();
      await kp.connect();
      await kp.send({ topic, messages: [{ key: Buffer.from([0xde, 0xad, 0xbe, 0xef]), value: 'from kafkajs', partition: 1 }] });
      await kp.disconnect();
      await page.getByRole('button', { name: 'Refresh' }).click();
      await waitFor('both records listed', async () => (await page.getByTestId('record-row').count()) === 2);
      await page.getByText('0xdeadbeef').waitFor();
      // Open the page's own record, decoded as JSON, by its deep link.
      await page.goto(new URL(`/topics/${topic}/messages?venc=json`, c.url).href);
      await page.getByRole('button', { name: /Record 0\/0|Record 1\/0/ }).first().waitFor();
      const rows = page.getByTestId('record-row').filter({ hasText: 'order-1' });
      await rows.getByRole('button').click();
      await page.getByTestId('detail-value').filter({ hasText: '"total": 42' }).waitFor();
      await page.getByText('source').first().waitFor();
      await checkPage(page, `messages-${b.kind}`);

      // A group that read the topic, then a reset: dry run first, then executed.
      const kc = kafka.consumer({ groupId: group, heartbeatInterval: 500 });
      await kc.connect();
      await kc.subscribe({ topics: [topic], fromBeginning: true });
      let seen = 0;
      await kc.run({ autoCommitInterval: 100, eachMessage: async () => void seen++ });
      await waitFor('KafkaJS reads both', () => seen >= 2, 60_000);
      await kc.disconnect();
      await page.goto(new URL('/groups', c.url).href);
      await page.getByRole('link', { name: group }).waitFor();
      await checkPage(page, `groups-${b.kind}`);
      await page.getByRole('link', { name: group }).click();
      await page.getByRole('table', { name: 'Offsets and lag' }).waitFor();
      await page.locator('select[name=resetTo]').selectOption('earliest');
      await page.getByRole('button', { name: 'Dry run' }).click();
      await page.getByText('Dry run: these offsets would be committed:').waitFor();
      const plan = await page.getByRole('table', { name: 'New offsets' }).innerText();
      assert.match(plan, /new/);
      await checkPage(page, `group-${b.kind}`);
      const before = await new Admin({ bootstrap: b.bootstrap }).listGroupOffsets(group);
      assert.ok(before.some((o) => o.offset > 0n), 'the dry run changed nothing');
      await page.getByRole('button', { name: 'Execute reset' }).click();
      await page.getByText("Executed: the group's offsets are now:").waitFor();
      const admin = new Admin({ bootstrap: b.bootstrap });
      try {
        assert.ok((await admin.listGroupOffsets(group)).every((o) => o.offset === 0n));
      } finally {
        await admin.close();
      }
      // Dark theme, keyboard: the theme switch is a button reachable with Tab.
      await page.goto(c.url);
      await page.getByRole('heading', { name: 'Overview' }).waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.getByRole('button', { name: /Switch to dark theme/ }).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { dataset: { theme?: string } } } }).document.documentElement.dataset.theme === 'dark');
      await page.getByRole('button', { name: /Switch to light theme/ }).waitFor();
      await page.getByTestId('overview-cards').waitFor();
      await checkPage(page, `overview-dark-${b.kind}`);
    } finally {
      await page.context().close();
    }
  });
});

bothBrokers('filter scan in the page: one record found among 100,000 with progress and the scanned count; a malformed filter is explained', { timeout: 240_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'chromium')) return;
  const topic = uniqueTopic('web-scan');
  const N = 100_000;
  await seedTopic(b.bootstrap, topic, { partitions: 2, count: N, make: (i) => ({ key: `k${i}`, value: JSON.stringify({ n: i, customer: { id: i === 54_321 ? 'needle' : `c-${i % 997}` } }) }) });
  await withConsole(b.bootstrap, async (c) => {
    const page = await browser.newPage();
    try {
      await page.goto(new URL(`/topics/${topic}/messages`, c.url).href);
      await page.getByLabel(/Filter \(runs on the server/).fill('value.customer.id = "needle"');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('alert').filter({ hasText: 'BAD_FILTER' }).waitFor();
      await page.getByLabel(/Filter \(runs on the server/).fill('value.customer.id == "needle"');
      await page.getByRole('button', { name: 'Search' }).click();
      const status = page.getByTestId('scan-status');
      await status.filter({ hasText: 'reached the end of the range' }).waitFor({ timeout: 120_000 });
      assert.match(await status.innerText(), /Scanned 100,000 of 100,000 records, 1 matching/);
      assert.equal(await page.getByTestId('record-row').count(), 1);
      await page.getByText('k54321').waitFor();
      assert.match(page.url(), /filter=value\.customer\.id/);
      await checkPage(page, `messages-scan-${b.kind}`);
    } finally {
      await page.context().close();
    }
  });
});

async function brokerOutage(page: Page, consoleUrl: string, cut: () => Promise<void>, restore: () => Promise<void>, kind: string): Promise<void> {
  await page.goto(new URL('/topics', consoleUrl).href);
  await page.getByRole('table', { name: 'Topics' }).waitFor();
  await cut();
  await page.getByRole('button', { name: 'Create topic' }).click();
  await page.goto(new URL('/topics', consoleUrl).href);
  await page.getByTestId('broker-down').waitFor({ timeout: 60_000 });
  await screenshot(page, `broker-down-${kind}`);
  await restore();
  await page.getByTestId('broker-down').waitFor({ state: 'detached', timeout: 90_000 });
  await page.getByRole('table', { name: 'Topics' }).waitFor({ timeout: 60_000 });
}

test('a broker that goes away: the page says so and recovers when it is back [tideline]', { timeout: 180_000 }, async (t) => {
  if (!toolOrSkip(t, 'chromium')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-console-outage-'));
  const port = await freePort();
  let broker = await startBroker({ dataDir: dir, port });
  const c = await startConsole({ cluster: { bootstrap: broker.bootstrap }, port: 0 });
  const page = await browser.newPage();
  try {
    await brokerOutage(page, c.url, () => broker.close(), async () => {
      broker = await startBroker({ dataDir: dir, port });
    }, 'tideline');
  } finally {
    await page.context().close();
    await c.close();
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a broker that goes away: the page says so and recovers when it is back [apache]', { timeout: 240_000 }, async (t) => {
  if (!toolOrSkip(t, 'chromium', 'apache-kafka')) return;
  // The broker advertises a relay's port; cutting the relay cuts the console off the broker.
  const port = await freePort();
  const relay = await startRelay({ host: '127.0.0.1', port });
  const kafka = await startApacheKafka({ port, advertisedPort: relay.port });
  const c = await startConsole({ cluster: { bootstrap: `127.0.0.1:${relay.port}` }, port: 0 });
  const page = await browser.newPage();
  try {
    await brokerOutage(page, c.url, () => relay.cut(), () => relay.restore(), 'apache');
  } finally {
    await page.context().close();
    await c.close();
    await relay.close();
    await kafka.stop();
  }
});

test('bad input in the page: 10,000 topics render virtualised and sort; a huge value is truncated with a full download; binary keys show as hex [tideline]', { timeout: 300_000 }, async (t) => {
  if (!toolOrSkip(t, 'chromium')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-console-many-'));
  const broker = await startBroker({ dataDir: dir, port: 0 });
  const admin = new Admin({ bootstrap: broker.bootstrap });
  try {
    for (let i = 0; i < 10_000; i += 500) {
      await admin.createTopics(Array.from({ length: 500 }, (_v, j) => ({ topic: `many-${String(i + j).padStart(5, '0')}`, numPartitions: 1, replicationFactor: 1 })), { waitForLeaders: false });
    }
    const huge = 'y'.repeat(900_000);
    await seedTopic(broker.bootstrap, 'big-values', { count: 1, make: () => ({ key: Buffer.from([0, 1, 2, 255]), value: huge }) });
    await withConsole(broker.bootstrap, async (c) => {
      const page = await browser.newPage();
      try {
        await page.goto(new URL('/topics', c.url).href);
        await page.getByTestId('topic-count').filter({ hasText: '10,001 of' }).waitFor({ timeout: 60_000 });
        const rendered = await page.locator('.vbody [role=row]').count();
        assert.ok(rendered > 10 && rendered < 100, `virtualised: ${rendered} rows in the DOM for 10,001 topics`);
        await page.getByRole('button', { name: 'Name' }).click();
        await page.getByRole('link', { name: 'many-09999', exact: true }).waitFor();
        assert.match(page.url(), /dir=desc/);
        await page.locator('.vbody').evaluate((el) => {
          (el as unknown as { scrollTop: number }).scrollTop = 32 * 5000;
        });
        await page.getByRole('link', { name: /^many-0499\d$/ }).first().waitFor();
        await checkPage(page, 'topics-10000-tideline');
        await page.getByLabel('Filter by name').fill('big');
        await page.getByRole('link', { name: 'big-values', exact: true }).waitFor();

        await page.goto(new URL('/topics/big-values/messages', c.url).href);
        await page.getByText('0x000102ff').waitFor();
        await page.getByTestId('record-row').getByRole('button').click();
        await page.getByTestId('value-note').filter({ hasText: 'showing 16384 of 900000 bytes' }).waitFor();
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: /Download value \(900,000 bytes\)/ }).click();
        const d = await download;
        const { readFile } = await import('node:fs/promises');
        const path = await d.path();
        assert.equal((await readFile(path)).length, 900_000);
        assert.match(await page.getByTestId('detail-key').innerText(), /^00 01 02 ff/);
      } finally {
        await page.context().close();
      }
    });
  } finally {
    await admin.close();
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the overview reads rates and disk from --metrics [tideline]', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'chromium')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-console-metrics-'));
  const broker = await startBroker({ dataDir: dir, port: 0 });
  let bytes = 0;
  const metrics = createServer((_req, res) => {
    bytes += 5_000_000;
    res.end(`# TYPE tideline_bytes_in_total counter\ntideline_bytes_in_total ${bytes}\ntideline_log_size_bytes 123456789\n`);
  });
  await new Promise<void>((r) => metrics.listen(0, '127.0.0.1', r));
  const c = await startConsole({ cluster: { bootstrap: broker.bootstrap }, port: 0, metricsUrl: `http://127.0.0.1:${(metrics.address() as { port: number }).port}/metrics` });
  const page = await browser.newPage();
  try {
    await page.goto(c.url);
    await page.getByRole('cell', { name: 'tideline_log_size_bytes' }).waitFor();
    await page.getByRole('cell', { name: 'tideline_bytes_in_total' }).waitFor({ timeout: 30_000 });
    assert.match(await page.getByRole('row', { name: /tideline_bytes_in_total/ }).innerText(), /\/s/);
    await checkPage(page, 'overview-metrics-tideline');
  } finally {
    await page.context().close();
    await c.close();
    metrics.closeAllConnections();
    await new Promise<void>((r) => metrics.close(() => r()));
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
