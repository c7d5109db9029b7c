// Protocol fuzzing over real sockets against a `tide broker start` process (short mode: 200k
// frames). The broker must never exit, must answer ApiVersions on a separate connection
// throughout, and its RSS must stay bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokerProcess } from '../src/broker-process.js';
import { fuzzBroker } from '../src/fuzz/run.js';

const FRAMES = Number(process.env.TIDELINE_FUZZ_FRAMES ?? 200_000);

test(`protocol fuzzing: ${FRAMES} valid and mutated frames; the broker survives, answers probes, RSS bounded`, { timeout: 150_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-fuzz-'));
  const broker = await startBrokerProcess({ dataDir: dir, logLevel: 'error' });
  try {
    const s = await fuzzBroker(broker, { frames: FRAMES, seed: Number(process.env.TIDELINE_FUZZ_SEED ?? 1), deadlineMs: 110_000 });
    console.log(JSON.stringify(s));
    assert.equal(s.brokerDied, false, `broker died:\n${broker.output().slice(-4000)}`);
    assert.deepEqual(s.probeFailures, []);
    assert.ok(s.framesWritten >= FRAMES, `only ${s.framesWritten} frames in the time box`);
    assert.ok(s.rssMaxKiB < 768 * 1024, `RSS reached ${s.rssMaxKiB} KiB`);
  } finally {
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
