// Protocol fuzzing over real sockets against a `tide broker start` process (short mode: 200k
// frames; the long mode, `npm run reliability -w @tideline/reliability -- --only fuzz`, runs the
// same `runFuzz` with 10M). The broker must never exit, must answer ApiVersions on a separate
// connection throughout, and its RSS must stay bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFuzz } from '../src/fuzz/run.js';

const FRAMES = Number(process.env.TIDELINE_FUZZ_FRAMES ?? 200_000);

test(`protocol fuzzing: ${FRAMES} valid and mutated frames; the broker survives, answers probes, RSS bounded`, { timeout: 150_000 }, async (t) => {
  const r = await runFuzz({ frames: FRAMES, seed: Number(process.env.TIDELINE_FUZZ_SEED ?? 1), deadlineMs: 110_000 });
  t.diagnostic(JSON.stringify(r.stats));
  assert.deepEqual(r.failures, []);
});
