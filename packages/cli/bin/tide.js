#!/usr/bin/env node
// Runs the bundled CLI (dist/bundle/tide.js, see build-bundle.mjs) when it is newer than the last
// build of every package in it; otherwise, or with TIDE_NO_BUNDLE=1, the modules tsc wrote.
//
// This file is CommonJS (bin/package.json): Node then runs it without its ES module loader, and
// the built-in modules it requires need no ES module facades.
//
// The bundle is one script compiled here with vm.Script and called as a CommonJS module would be.
// Its V8 code cache (bytecode of the functions a start ran) is kept next to it in
// dist/bundle/tide.v8cache, or in the file TIDE_CODE_CACHE names; TIDE_NO_CODE_CACHE=1 does without.
// The cache is written by the first run that found none usable, 1 s after start or at exit,
// whichever comes first, to a temporary file renamed into place; it is used only when its header
// names this bundle (SHA-256 of the file), this Node, V8 and architecture and its payload's SHA-256
// matches (V8 itself checks only the source's length and its flags, and no checksum in release
// builds). Anything else (missing, stale, corrupt, unwritable) means a compile without it.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see above */
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dir = join(__dirname, '..', 'dist', 'bundle');
const MAGIC = 'tide-v8-code-cache 1\n';

function bundleIsFresh() {
  if (process.env.TIDE_NO_BUNDLE === '1') return false;
  try {
    const built = statSync(join(dir, 'tide.js')).mtimeMs;
    for (const line of readFileSync(join(dir, 'inputs.txt'), 'utf8').split('\n')) {
      if (line !== '' && statSync(join(dir, line)).mtimeMs > built) return false;
    }
    return true;
  } catch {
    return false;
  }
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The cache's payload when its header matches `key` and its checksum its bytes; otherwise undefined. */
function readCodeCache(file, key) {
  try {
    const bytes = readFileSync(file);
    const end = bytes.indexOf(10, MAGIC.length);
    if (end < 0 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    const header = JSON.parse(bytes.toString('utf8', MAGIC.length, end));
    const payload = bytes.subarray(end + 1);
    return header.key === key && header.sha256 === sha256(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

function writeCodeCache(file, key, script) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const payload = script.createCachedData();
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify({ key, sha256: sha256(payload) })}\n`), payload]));
    renameSync(tmp, file);
  } catch {
    // A read-only install or a full disk: the next start compiles without a cache, as this one did.
    try { rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
  }
}

function runBundle() {
  const file = join(dir, 'tide.js');
  const source = readFileSync(file);
  const cacheFile = process.env.TIDE_NO_CODE_CACHE === '1' ? undefined : (process.env.TIDE_CODE_CACHE || join(dir, 'tide.v8cache'));
  const key = cacheFile === undefined ? '' : [sha256(source), process.version, process.versions.v8, process.arch].join(' ');
  const cachedData = cacheFile === undefined ? undefined : readCodeCache(cacheFile, key);
  // ASCII (build-bundle.mjs checks): latin1 makes a one-byte string without decoding UTF-8.
  const script = new Script(source.toString('latin1'), { filename: file, cachedData });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    // After the start's work, so that the functions it ran are in the cache, not only the top level.
    let pending = true;
    const write = () => {
      if (pending) writeCodeCache(cacheFile, key, script);
      pending = false;
    };
    setTimeout(write, 1000).unref();
    process.once('exit', write);
  }
  const wrapper = script.runInThisContext();
  const module = { exports: {} };
  // import() from here resolves as it would from the bundle: both are in this package.
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dir, (specifier) => import(specifier));
}

if (bundleIsFresh()) {
  runBundle();
} else {
  import('../dist/src/main.js').catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
