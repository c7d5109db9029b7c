// The examples in examples/streams run (each starts its own broker) and print what they promise.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const example = (name: string): string => fileURLToPath(new URL(`../../../../examples/streams/${name}`, import.meta.url));

test('page-views: hourly counts and the late click in the DLQ', { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, [example('page-views.mjs')], { timeout: 110_000 });
  assert.match(stdout, /home {2}09:00-10:00 {2}4 views/);
  assert.match(stdout, /docs {2}10:00-11:00 {2}2 views/);
  assert.match(stdout, /late: .*watermark 10:25, window 09:00-10:00, 27 min behind/);
});

test('order-reconciliation: complete orders become shipping_ready, whatever the arrival order', { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, [example('order-reconciliation.mjs')], { timeout: 110_000 });
  assert.match(stdout, /shipping_ready o-1: chair, table/);
  assert.match(stdout, /shipping_ready o-2: lamp/);
  assert.doesNotMatch(stdout, /shipping_ready o-3/);
});

test('user-sessions: 30-minute gap and 24-hour cap', { timeout: 120_000 }, async () => {
  const { stdout } = await run(process.execPath, [example('user-sessions.mjs')], { timeout: 110_000 });
  assert.match(stdout, /ann: 01-01 00:00 -> 01-01 00:25 \(0\.4 h, 3 events\)/);
  assert.match(stdout, /bob: 01-01 00:00 -> 01-02 00:00 \(24\.0 h, 73 events\)/);
});
