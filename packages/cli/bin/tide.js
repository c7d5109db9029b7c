#!/usr/bin/env node
// Runs the bundled CLI (dist/bundle/tide.js, see build-bundle.mjs) when it is newer than the last
// build of every package in it; otherwise, or with TIDE_NO_BUNDLE=1, the modules tsc wrote.
// The bundle is one script compiled here with vm.Script and called as a CommonJS module would be.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const dir = new URL('../dist/bundle/', import.meta.url);

function bundleIsFresh() {
  if (process.env.TIDE_NO_BUNDLE === '1') return false;
  try {
    const built = statSync(new URL('tide.js', dir)).mtimeMs;
    for (const line of readFileSync(new URL('inputs.txt', dir), 'utf8').split('\n')) {
      if (line !== '' && statSync(new URL(line, dir)).mtimeMs > built) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function runBundle() {
  const file = fileURLToPath(new URL('tide.js', dir));
  // ASCII (build-bundle.mjs checks): latin1 makes a one-byte string without decoding UTF-8.
  const script = new Script(readFileSync(file, 'latin1'), { filename: file });
  const wrapper = script.runInThisContext();
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), (specifier) => import(specifier));
}

if (bundleIsFresh()) runBundle();
else await import('../dist/src/main.js');
