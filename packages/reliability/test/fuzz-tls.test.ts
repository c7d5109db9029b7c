// Protocol fuzzing of TLS listeners (see src/fuzz/tls.ts): garbage and mutated/truncated TLS records
// before, during and after the handshake on SSL and SASL_SSL listeners, and fuzzed Kafka frames in
// every pre-authentication state over TLS on SASL_SSL. Nothing but ApiVersions / SaslHandshake /
// SaslAuthenticate is answered before authentication, every health probe (TLS and plain TCP) after
// each batch succeeds, and the broker process never dies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTlsFuzz } from '../src/fuzz/tls.js';

const CONNECTIONS = Number(process.env.TIDELINE_FUZZ_TLS_CONNECTIONS ?? 2_000);
// A longer campaign (the env var set) runs to its connection count: allow ~100 ms a connection.
const TIMEOUT = process.env.TIDELINE_FUZZ_TLS_CONNECTIONS === undefined ? 150_000 : 120_000 + CONNECTIONS * 100;

test(`TLS listener fuzzing: ${CONNECTIONS} connections of garbage, mutated ClientHellos, forged records and pre-authentication frames over TLS`, { timeout: TIMEOUT }, async (t) => {
  // The deadline only bounds the default run on a loaded machine; the assertions below need no timing.
  const deadlineMs = process.env.TIDELINE_FUZZ_TLS_CONNECTIONS === undefined ? 50_000 : undefined;
  const s = await runTlsFuzz({ connections: CONNECTIONS, seed: Number(process.env.TIDELINE_FUZZ_SEED ?? 1), deadlineMs });
  t.diagnostic(JSON.stringify({ ...s, violations: s.violations.length, probeFailures: s.probeFailures.length }));
  assert.deepEqual(s.violations.slice(0, 10), []);
  assert.deepEqual(s.probeFailures, []);
  assert.equal(s.brokerDied, false);
  assert.ok(s.batches > 0 && s.probes === s.batches * 3);
  for (const k of ['garbage', 'hello', 'records', 'sasl'] as const) assert.ok(s.byKind[k] > 0, `${k} connections ran`);
  assert.ok(s.handshakes > 0, 'TLS handshakes completed');
  assert.ok(s.preAuthAnswers > 0, 'pre-authentication requests were answered over TLS');
});
