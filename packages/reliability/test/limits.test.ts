// Resource limits against a `tide broker start` process with its open-files limit raised:
// 5,000 idle connections, slow readers and clients that never read responses at the same time;
// broker memory stays bounded and a kcat produce/consume on another connection completes in time.
// The long mode (`npm run reliability -w @tideline/reliability -- --only limits`) runs the same
// `runLimits` with more connections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toolOrSkip } from '@tideline/interop';
import { runLimits } from '../src/limits.js';

const IDLE = 5000;
const SLOW = 20;
const NEVER = 20;

test(`${IDLE} idle connections, ${SLOW} slow readers, ${NEVER} never-reading clients: bounded memory, kcat still served`, { timeout: 150_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const r = await runLimits({ idle: IDLE, slow: SLOW, never: NEVER });
  t.diagnostic(JSON.stringify(r.summary));
  assert.deepEqual(r.failures, []);
});
