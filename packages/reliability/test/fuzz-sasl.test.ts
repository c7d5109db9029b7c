// Protocol fuzzing of a SASL listener (see src/fuzz/sasl.ts): fuzzed frames in every
// pre-authentication state never reach a handler unauthenticated, and the broker survives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSaslFuzz } from '../src/fuzz/sasl.js';

const FRAMES = Number(process.env.TIDELINE_FUZZ_SASL_FRAMES ?? 20_000);

test(`SASL listener fuzzing: ${FRAMES} frames in every pre-authentication state; nothing but ApiVersions/SaslHandshake/SaslAuthenticate is answered`, { timeout: 150_000 }, async (t) => {
  const s = await runSaslFuzz({ frames: FRAMES, seed: Number(process.env.TIDELINE_FUZZ_SEED ?? 1) });
  t.diagnostic(JSON.stringify({ ...s, violations: s.violations.length }));
  assert.deepEqual(s.violations.slice(0, 10), []);
  assert.deepEqual(s.probeFailures, []);
  assert.equal(s.brokerDied, false);
  assert.ok(s.framesWritten >= FRAMES);
  assert.ok(s.preAuthAnswers > 0, 'pre-authentication requests were answered');
});
