#!/usr/bin/env node
// Runs the bundled CLI (dist/bundle, see build-bundle.mjs) when it is newer than the last build of
// every package in it; otherwise, or with TIDE_NO_BUNDLE=1, the modules tsc wrote.
import { readFileSync, statSync } from 'node:fs';

function bundleIsFresh() {
  if (process.env.TIDE_NO_BUNDLE === '1') return false;
  try {
    const dir = new URL('../dist/bundle/', import.meta.url);
    const built = statSync(new URL('tide.mjs', dir)).mtimeMs;
    for (const line of readFileSync(new URL('inputs.txt', dir), 'utf8').split('\n')) {
      if (line !== '' && statSync(new URL(line, dir)).mtimeMs > built) return false;
    }
    return true;
  } catch {
    return false;
  }
}

await import(bundleIsFresh() ? '../dist/bundle/tide.mjs' : '../dist/src/main.js');
