// Sign-in and the Security page in a real browser (Debian's chromium via playwright-core) against
// Tideline with SASL and ACLs and against Apache Kafka with SASL/SCRAM and its StandardAuthorizer:
// the admin signs in, creates ACLs for alice on the Security page, deletes one; alice signs in and
// is refused what the ACLs refuse, with the Kafka error's name on the page. Screenshots and axe.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { Admin } from '@tideline/client';
import { toolOrSkip } from '@tideline/interop';
import { uniqueTopic, waitFor } from './brokers.js';
import { checkPage, screenshot, useBrowser } from './browser.js';
import { secureMatrix, TEST_USERS, withSignInConsole } from './secure.js';

const { bothBrokers } = secureMatrix(['tideline', 'apache']);

const browser = useBrowser();

async function signInAs(page: Page, user: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

bothBrokers('sign in as the admin, manage ACLs on the Security page, sign in as a restricted user and be refused what the ACLs refuse', { timeout: 180_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'chromium')) return;
  const topic = uniqueTopic('sec-web');
  const admin = new Admin({ bootstrap: b.listeners.SASL_PLAINTEXT, security: { protocol: 'SASL_PLAINTEXT', sasl: { mechanism: 'SCRAM-SHA-256', username: 'admin', password: TEST_USERS.admin } } });
  try {
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
    await withSignInConsole(b.listeners.SASL_PLAINTEXT, async (c) => {
      const page = await browser.newPage();
      try {
        await page.goto(new URL('/security', c.url).href);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await checkPage(page, `signin-${b.kind}`);
        await signInAs(page, 'alice', 'wrong-password');
        await page.getByRole('alert').filter({ hasText: 'SASL_AUTHENTICATION_FAILED' }).waitFor();

        // The admin: the Security page (the deep link survives the sign-in), create and delete ACLs.
        await signInAs(page, 'admin', TEST_USERS.admin);
        await page.getByRole('heading', { name: 'Security' }).waitFor();
        assert.equal(await page.getByTestId('signed-in-as').textContent(), 'User:admin');
        const form = page.getByRole('form', { name: 'Create ACLs' });
        await form.getByLabel('Principal', { exact: true }).fill('User:alice');
        await form.getByLabel('Resource name').fill(topic);
        await form.getByRole('textbox', { name: /^Operations/ }).fill('DESCRIBE, READ');
        await form.getByRole('button', { name: 'Create ACLs' }).click();
        await page.getByText('Created 2 ACLs.').waitFor();
        await page.goto(new URL(`/security?tab=acls&principal=User:alice&resourceName=${topic}`, c.url).href);
        const acls = page.getByRole('table', { name: 'ACLs' });
        // Apache Kafka applies ACLs through its metadata log: refresh until the list has both.
        await waitFor('both ACLs listed', async () => {
          if ((await acls.getByRole('row').count()) === 3) return true;
          await page.getByRole('button', { name: 'Refresh' }).click();
          return false;
        });
        await checkPage(page, `security-acls-${b.kind}`);
        await page.getByRole('button', { name: `Delete ALLOW READ on TOPIC ${topic} for User:alice` }).click();
        await page.getByText('Deleted 1 ACL.').waitFor();
        await waitFor('READ gone', async () => {
          if ((await acls.getByRole('row').count()) === 2) return true;
          await page.getByRole('button', { name: 'Refresh' }).click();
          return false;
        });
        await page.goto(new URL('/security?tab=users', c.url).href);
        await page.getByRole('table', { name: 'SCRAM users' }).getByText('alice').first().waitFor();
        await checkPage(page, `security-users-${b.kind}`);
        await page.goto(new URL('/security?tab=quotas', c.url).href);
        const quotaForm = page.getByRole('form', { name: 'Set a quota' });
        await quotaForm.getByRole('textbox', { name: /^Entity name/ }).fill('alice');
        await quotaForm.getByLabel('Value').fill('1048576');
        await quotaForm.getByRole('button', { name: 'Set quota' }).click();
        await page.getByText('Set producer_byte_rate of user=alice.').waitFor();
        const removeQuota = page.getByRole('button', { name: 'Remove producer_byte_rate of user=alice' });
        await waitFor('the quota listed', async () => {
          if ((await removeQuota.count()) === 1) return true;
          await page.reload();
          await page.getByRole('heading', { name: 'Client quotas' }).waitFor();
          return false;
        });
        await checkPage(page, `security-quotas-${b.kind}`);
        await removeQuota.click();
        await page.getByText('Removed producer_byte_rate of user=alice.').waitFor();
        await page.getByRole('button', { name: 'Sign out' }).click();

        // alice may describe the topic, not write to it nor read the ACLs.
        await signInAs(page, 'alice', TEST_USERS.alice);
        await page.getByTestId('signed-in-as').filter({ hasText: 'User:alice' }).waitFor();
        await page.goto(new URL('/topics', c.url).href);
        await waitFor('alice sees the topic', async () => {
          if ((await page.getByRole('link', { name: topic, exact: true }).count()) === 1) return true;
          await page.waitForTimeout(300);
          if ((await page.getByRole('link', { name: topic, exact: true }).count()) === 0) await page.reload();
          return false;
        });
        await page.goto(new URL(`/topics/${topic}/messages`, c.url).href);
        await page.getByText('Produce a message').click();
        await page.getByLabel('Value', { exact: true }).fill('not allowed');
        await page.getByRole('button', { name: 'Produce', exact: true }).click();
        // The producer is idempotent: without IDEMPOTENT_WRITE (or WRITE on a topic) InitProducerId is
        // refused with CLUSTER_AUTHORIZATION_FAILED before any TOPIC_AUTHORIZATION_FAILED.
        await page.getByRole('alert').filter({ hasText: /(TOPIC|CLUSTER)_AUTHORIZATION_FAILED/ }).first().waitFor();
        await checkPage(page, `refused-produce-${b.kind}`);
        await page.goto(new URL('/security', c.url).href);
        await page.getByRole('alert').filter({ hasText: 'CLUSTER_AUTHORIZATION_FAILED' }).first().waitFor();
        await checkPage(page, `refused-security-${b.kind}`);
      } catch (e) {
        await screenshot(page, `failed-security-${b.kind}`).catch(() => undefined);
        throw e;
      } finally {
        await page.context().close();
      }
    });
  } finally {
    await admin.deleteTopics([topic]).catch(() => undefined);
    await admin.close();
  }
});
