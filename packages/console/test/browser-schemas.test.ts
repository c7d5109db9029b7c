// The Schemas page and registry decoding in a real browser (Debian's chromium, playwright-core),
// against Tideline with our registry service: the subject list, a draft checked (compatible, then
// refused with the registry's reasons) and registered, the diff between two versions; then a
// message produced in the page with the subject's Avro schema and read back decoded in Messages,
// and found by the server-side filter on a decoded field. Screenshots and axe-core on each view.
import assert from 'node:assert/strict';
import { toolOrSkip } from '@tideline/interop';
import { startRegistry } from '@tideline/registry';
import { bothBrokers, call, uniqueTopic } from './brokers.js';
import { checkPage, useBrowser } from './browser.js';
import { seedTopic } from './seed.js';
import { startConsole } from '../src/index.js';

const browser = useBrowser();

const V1 = JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }] });
const V2 = JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'channel', type: 'string', default: 'web' }] }, null, 2);
const BAD = JSON.stringify({ type: 'record', name: 'Order', namespace: 'shop', fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'channel', type: 'string', default: 'web' }, { name: 'region', type: 'string' }] }, null, 2);

bothBrokers('schemas page: list, check a draft (compatible, then refused with reasons), register, diff; produce with Avro in Messages and read it decoded', { timeout: 180_000, only: 'tideline' }, async (b, t) => {
  if (!toolOrSkip(t, 'chromium')) return;
  const schemasTopic = uniqueTopic('_schemas');
  const reg = await startRegistry({ cluster: { bootstrap: b.bootstrap }, port: 0, topic: schemasTopic, groupId: `${schemasTopic}-group`, leaderElection: false, topicReplicationFactor: 1 });
  const c = await startConsole({ cluster: { bootstrap: b.bootstrap }, port: 0, registryUrl: reg.url });
  const topic = uniqueTopic('web-avro');
  const subject = `${topic}-value`;
  try {
    await seedTopic(b.bootstrap, topic, { count: 0 });
    assert.equal((await call(c, 'POST', `/api/schemas/subjects/${subject}/versions`, { schema: V1 })).status, 200);
    const page = await browser.newPage();
    try {
      await page.goto(new URL('/schemas', c.url).href);
      await page.getByRole('heading', { name: 'Schemas' }).waitFor();
      await page.getByTestId('subject-row').filter({ hasText: subject }).waitFor();
      await checkPage(page, 'schemas-tideline');

      await page.getByRole('link', { name: subject }).click();
      await page.waitForURL(`**/schemas/${subject}`);
      await page.getByTestId('version-meta').filter({ hasText: 'Version 1' }).waitFor();
      // A compatible draft, then registered.
      await page.getByLabel('Draft schema').fill(V2);
      await page.getByRole('button', { name: 'Check compatibility' }).click();
      await page.getByTestId('check-result').filter({ hasText: 'Compatible with' }).waitFor();
      await page.getByRole('button', { name: 'Register', exact: true }).click();
      await page.getByTestId('register-result').filter({ hasText: 'Registered as version 2' }).waitFor();
      await page.getByTestId('version-meta').filter({ hasText: 'Version 2' }).waitFor();
      // An incompatible draft: the registry's reasons are listed.
      await page.getByLabel('Draft schema').fill(BAD);
      await page.getByRole('button', { name: 'Check compatibility' }).click();
      await page.getByTestId('check-result').filter({ hasText: 'Incompatible with' }).waitFor();
      assert.match(await page.getByTestId('check-result').innerText(), /region/);
      await page.getByTestId('check-result').scrollIntoViewIfNeeded();
      await checkPage(page, 'schema-check-tideline');
      // The diff between the two versions.
      await page.getByRole('button', { name: 'Show diff' }).click();
      await page.getByTestId('diff-summary').filter({ hasText: 'Version 1' }).waitFor();
      assert.match(await page.getByTestId('diff-summary').innerText(), /→ version 2/);
      await page.locator('.diff .add').filter({ hasText: '"channel"' }).first().waitFor();
      assert.match(page.url(), /diff=1/, 'the diff is in the URL');
      await checkPage(page, 'schema-diff-tideline');
      // The diff's colours in the dark theme pass axe's contrast check too.
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await page.locator('html[data-theme=dark]').waitFor();
      await checkPage(page, 'schema-diff-dark-tideline');
      await page.getByRole('button', { name: 'Switch to light theme' }).click();

      // Produce with the subject's latest schema (Avro), then read it back decoded.
      await page.goto(new URL(`/topics/${topic}/messages`, c.url).href);
      await page.getByText('Produce a message').click();
      await page.getByLabel('Key (empty: null)').fill('o-7');
      await page.getByLabel('Serialize value with subject').fill(subject);
      await page.getByLabel('Value', { exact: true }).fill('{"order_id": "o-7", "amount": 99.5, "channel": "console"}');
      await page.getByRole('button', { name: 'Produce', exact: true }).click();
      await page.getByTestId('produce-result').filter({ hasText: 'schema id' }).waitFor();
      await page.getByRole('button', { name: 'Refresh' }).click();
      await page.getByTestId('record-row').filter({ hasText: '"order_id":"o-7"' }).waitFor();
      await page.getByRole('button', { name: 'Record 0/0' }).click();
      await page.getByTestId('detail-value').filter({ hasText: '"channel": "console"' }).waitFor();
      assert.match(await page.getByTestId('value-note').innerText(), new RegExp(`decoded: AVRO · schema id \\d+ · ${subject} v2`));
      await page.getByText('Produce a message').click();
      await checkPage(page, 'messages-registry-tideline');
      // The server-side filter reads the decoded value.
      await page.getByLabel('Filter (runs on the server').fill('value.amount > 50 && value.channel == "console"');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByTestId('scan-status').filter({ hasText: '1 matching' }).waitFor();
      await page.getByTestId('scan-status').filter({ hasText: 'reached the end' }).waitFor();
    } finally {
      await page.context().close();
    }
  } finally {
    await c.close();
    await reg.close();
  }
});
