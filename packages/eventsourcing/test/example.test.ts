// examples/eventsourcing/bank-account runs (it starts its own broker) and prints what it promises.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../../../../examples/eventsourcing/bank-account/run.mjs', import.meta.url));

test('bank-account: 50 concurrent writers, no account ever overdrawn', { timeout: 180_000 }, async () => {
  const env = { ...process.env };
  delete env['TIDE_BROKERS'];
  const { stdout } = await run(process.execPath, [example], { timeout: 170_000, env });
  assert.match(stdout, /account 0: balance \d+ after \d+ events/);
  assert.match(stdout, /500 operations|\d+ operations applied, \d+ refused/);
  assert.match(stdout, /invariant held: no account ever went below zero/);
});
