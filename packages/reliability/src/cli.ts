#!/usr/bin/env node
// The long mode of the reliability suite, by command:
//
//   npm run reliability -w @tideline/reliability [-- --only crash,fuzz --iterations 100 --frames 10000000]
//
// It runs the same library functions as the CI tests (test/*.test.ts), with long-mode parameters:
// - crash:   runCrashLoop, 100 iterations (CI: 10) of 10,000 Java records each (as CI);
// - fuzz:    runFuzz, 10,000,000 frames (CI: 200,000), no deadline;
// - limits:  runLimits, 10,000 idle connections (CI: 5,000), 50 slow readers, 50 never-readers;
// - corrupt, disk: the fault-injection tests themselves (test/corrupt.test.js, test/disk-full.test.js),
//   which have no size parameter, through node's test runner.
// Each part prints its progress and a JSON summary; `--json FILE` writes all summaries to FILE.
// The exit code is 1 when any part failed. Needs the provisioned real clients (kcat, the Java client).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { missingReason, type ToolName } from '@tideline/interop';
import { crashLoopFailures, runCrashLoop } from './crash/loop.js';
import { runFuzz } from './fuzz/run.js';
import { runLimits } from './limits.js';

export const PARTS = ['crash', 'fuzz', 'limits', 'corrupt', 'disk'] as const;
export type Part = (typeof PARTS)[number];

const USAGE = `usage: node dist/src/cli.js [--long] [--only ${PARTS.join('|')}[,...]] [--iterations N] [--java-records N]
       [--frames N] [--connections N] [--seed N] [--json FILE]
  --long            long-mode defaults (the default; kept for the npm script)
  --only            parts to run in this order, comma-separated or repeated (default: all, in the order above)
  --iterations N    crash loop iterations (default 100)
  --java-records N  records per Java producer run in the crash loop (default 10000)
  --frames N        fuzzing frames (default 10000000)
  --connections N   idle connections for the limits part (default 10000)
  --seed N          seed of the crash loop and the fuzzer (default: time-based, printed)
  --json FILE       write every part's summary to FILE`;

interface PartResult {
  part: Part;
  ok: boolean;
  durationMs: number;
  summary: unknown;
  failures: string[];
}

const num = (v: string | undefined, dflt: number, name: string): number => {
  if (v === undefined) return dflt;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got ${v}`);
  return n;
};

function log(line: string): void {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function missing(...tools: ToolName[]): string[] {
  return tools.map((t) => missingReason(t)).filter((r): r is string => r !== undefined).map((r) => `required tool missing: ${r}`);
}

/** Runs compiled test files of this package with node's test runner, one at a time; resolves to the exit code. */
function runTests(files: string[]): Promise<number> {
  const dir = fileURLToPath(new URL('../test/', import.meta.url));
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...files.map((f) => join(dir, f))], { stdio: 'inherit' });
    c.once('error', reject);
    c.once('exit', (code, sig) => resolve(code ?? (sig === null ? 1 : 128)));
  });
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      long: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      iterations: { type: 'string' },
      'java-records': { type: 'string' },
      frames: { type: 'string' },
      connections: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const only = (values.only ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  for (const p of only) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`unknown part ${p}; parts: ${PARTS.join(', ')}`);
  const parts = (only.length === 0 ? [...PARTS] : [...new Set(only)]) as Part[];
  const iterations = num(values.iterations, 100, 'iterations');
  const javaRecords = num(values['java-records'], 10_000, 'java-records');
  const frames = num(values.frames, 10_000_000, 'frames');
  const connections = num(values.connections, 10_000, 'connections');
  const seed = num(values.seed, (Date.now() % 100_000) + 1, 'seed');
  log(`reliability long mode: ${parts.join(', ')} (seed ${seed})`);

  const results: PartResult[] = [];
  const save = (): void => {
    if (values.json !== undefined) writeFileSync(values.json, JSON.stringify({ seed, startedParts: parts, results }, null, 2) + '\n');
  };
  for (const part of parts) {
    const t0 = performance.now();
    log(`=== ${part}`);
    let summary: unknown = null;
    let failures: string[] = [];
    try {
      if (part === 'crash') {
        failures = missing('java-client-4', 'kcat');
        if (failures.length === 0) {
          const dir = mkdtempSync(join(tmpdir(), 'tideline-crash-long-'));
          const r = await runCrashLoop({ iterations, seed, dataDir: dir, javaRecords, log });
          failures = crashLoopFailures(r);
          summary = { seed, iterations: r.iterations, javaRecords, kills: r.kills, killsDuringJavaProduction: r.killsDuringJavaProduction, anomalies: r.anomalies.length, ...r.stats, extra: r.extra };
          if (failures.length === 0) rmSync(dir, { recursive: true, force: true });
          else log(`data directory kept for inspection: ${dir}`);
        }
      } else if (part === 'fuzz') {
        let last = 0;
        const r = await runFuzz({
          frames, seed,
          onProgress: (s) => {
            const now = performance.now();
            if (now - last < 60_000) return;
            last = now;
            const secs = (now - t0) / 1000;
            log(`fuzz: ${s.framesWritten} frames (${Math.round(s.framesWritten / secs)}/s), ${s.mutatedFrames} mutated, ${s.connections} connections, ${s.probes} probes (max ${Math.round(s.maxProbeMs)} ms), RSS max ${s.rssMaxKiB} KiB`);
          },
        });
        failures = r.failures;
        summary = { seed, ...r.stats, framesPerSecond: Math.round(r.stats.framesWritten / (r.stats.elapsedMs / 1000)) };
      } else if (part === 'limits') {
        failures = missing('kcat');
        if (failures.length === 0) {
          const r = await runLimits({ idle: connections, slow: 50, never: 50 });
          failures = r.failures;
          summary = r.summary;
        }
      } else {
        failures = missing('kcat');
        if (failures.length === 0) {
          const code = await runTests(part === 'corrupt' ? ['corrupt.test.js', 'corrupt-transactions.test.js'] : ['disk-full.test.js']);
          summary = { testRunnerExitCode: code };
          if (code !== 0) failures = [`test runner exited with ${code}`];
        }
      }
    } catch (e) {
      failures.push(`threw: ${(e as Error).stack ?? String(e)}`);
    }
    const r: PartResult = { part, ok: failures.length === 0, durationMs: Math.round(performance.now() - t0), summary, failures };
    results.push(r);
    log(`${part}: ${r.ok ? 'ok' : 'FAILED'} in ${(r.durationMs / 1000).toFixed(0)} s`);
    log(JSON.stringify(summary));
    for (const f of failures) log(`  ${f}`);
    save();
  }
  log(`=== summary: ${results.map((r) => `${r.part} ${r.ok ? 'ok' : 'FAILED'}`).join(', ')}`);
  return results.every((r) => r.ok) ? 0 : 1;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
      process.exit(2);
    },
  );
}
