#!/usr/bin/env node
// Runs every bench/*.bench.mjs (or those whose name contains an argument) one after another.
//
//   npm run bench                    quick mode (CI smoke: small counts, fails only on crashes)
//   npm run bench -- --full          full mode (the numbers in docs/benchmarks.md)
//   npm run bench -- --full systems  one suite
//
// Quick mode sets BENCH_QUICK=1 for every suite; BENCH_QUICK in the environment also selects it.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const dir = new URL('../bench/', import.meta.url).pathname;
const args = process.argv.slice(2);
const full = args.includes('--full');
const filters = args.filter((a) => a !== '--full' && a !== '--quick');
const env = { ...process.env };
if (full) delete env.BENCH_QUICK;
else env.BENCH_QUICK ||= '1';
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.mjs') && (filters.length === 0 || filters.some((s) => f.includes(s)))).sort();
console.log(`bench: ${full ? 'full' : 'quick'} mode: ${files.join(', ')}`);
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, [dir + f], { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`bench ${f} failed with ${r.status ?? r.signal}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
