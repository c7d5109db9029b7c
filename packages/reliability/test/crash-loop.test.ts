// Crash loop (short mode: 10 iterations; the long mode, `npm run reliability -w
// @tideline/reliability -- --only crash`, runs the same `runCrashLoop` with 100): Java 4.x and KafkaJS idempotent acks=all producers, a Java and a KafkaJS
// member of one consumer group committing offsets, Java transactional consume-transform-produce
// processors, the broker SIGKILLed at random moments and restarted; then kcat reads everything back
// (CRC-checked; read_committed for the transactional output) and the history checker must find no
// anomaly: no acked record lost, none at two offsets, per-partition order, no idempotent
// duplicates, commits never backwards and never lost across a restart, no aborted reads, no torn
// transactions, every input record exactly once in the committed transactional output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toolOrSkip } from '@tideline/interop';
import { crashLoopFailures, runCrashLoop } from '../src/crash/loop.js';

const ITERATIONS = Number(process.env.TIDELINE_CRASH_ITERATIONS ?? 10);
const JAVA_RECORDS = Number(process.env.TIDELINE_CRASH_JAVA_RECORDS ?? 10_000);
const SEED = Number(process.env.TIDELINE_CRASH_SEED ?? Date.now() % 100_000);

test(`crash loop: ${ITERATIONS} SIGKILLs under a mixed Java + KafkaJS workload; the checker finds no anomaly`, { timeout: 60_000 + ITERATIONS * 30_000 }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4', 'kcat')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-crash-loop-'));
  try {
    t.diagnostic(`seed ${SEED}`);
    const r = await runCrashLoop({ iterations: ITERATIONS, seed: SEED, dataDir: dir, javaRecords: JAVA_RECORDS, log: (l) => t.diagnostic(l) });
    t.diagnostic(JSON.stringify({ kills: r.kills, killsDuringJavaProduction: r.killsDuringJavaProduction, ...r.stats, ...r.extra }));
    assert.deepEqual(crashLoopFailures(r), [], `seed ${SEED}`);
    rmSync(dir, { recursive: true, force: true });
  } catch (e) {
    t.diagnostic(`data directory kept for inspection: ${dir}`);
    throw e;
  }
});
