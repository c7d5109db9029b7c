#!/usr/bin/env node
// Runs every compiled test file (packages/*/dist/test/**/*.test.js) with node's test runner.
// Optional arguments are substrings; only test files whose path contains one of them run.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', pkg, 'dist', 'test');
  if (existsSync(dir)) walk(dir, files);
}
const selected = files
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .map((f) => f.slice(root.length));
if (selected.length === 0) {
  console.error('no test files found; did the build run?');
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const child = spawn(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...selected], {
  cwd: root,
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
