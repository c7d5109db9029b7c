// The runnable example of docs/dlq.md (examples/dlq/orders.mjs) runs to the end and says what it should.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '@tideline/interop';

const EXAMPLE = fileURLToPath(new URL('../../../../examples/dlq/orders.mjs', import.meta.url));

test('examples/dlq/orders.mjs', { timeout: 120_000 }, async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['TIDE_BROKERS'];
  const r = await run(process.execPath, [EXAMPLE], { env, timeoutMs: 100_000 });
  assert.match(r.stdout, /processed {3}o3 \(attempt 2\)/);
  assert.match(r.stdout, /permanent\/SyntaxError: 1/);
  assert.match(r.stdout, /permanent\/DeadLetter: 1/);
  assert.match(r.stdout, /replayed 1; a second replay moves 0 \(1 already replayed\)/);
});
