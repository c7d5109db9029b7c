#!/usr/bin/env node
// Runs every bench/*.bench.mjs (or those whose name contains an argument) one after another.
// BENCH_QUICK=1 shortens each measurement (CI smoke mode: fails only on crashes, never on numbers).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const dir = new URL('../bench/', import.meta.url).pathname;
const filters = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.mjs') && (filters.length === 0 || filters.some((s) => f.includes(s)))).sort();
let failed = 0;
for (const f of files) {
  const r = spawnSync(process.execPath, [dir + f], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench ${f} failed with ${r.status ?? r.signal}`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
