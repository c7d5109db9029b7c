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
// names this bundle (its SHA-256, which build-bundle.mjs records in tide.js.digest with the file's
// size and mtime: hashed here again only when those differ), this Node, V8 and architecture. V8
// checks the rest itself, with --verify-snapshot-checksum on while the cache is written and read:
// without it a release build checks no checksum, and a flipped byte crashes the process. The flag
// is on only around those two calls: while it is on, V8 also rejects the checksum-less code caches
// of Node's own built-in modules, and compiles them from source. Anything else (missing, stale,
// corrupt, unwritable) means a compile without a cache.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see above */
const { readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

const dir = join(__dirname, '..', 'dist', 'bundle');
const MAGIC = 'tide-v8-code-cache 2\n';

/** The bundle's stat when it is newer than every package in it; otherwise undefined. */
function freshBundle() {
  if (process.env.TIDE_NO_BUNDLE === '1') return undefined;
  try {
    const bundle = statSync(join(dir, 'tide.js'));
    for (const line of readFileSync(join(dir, 'inputs.txt'), 'utf8').split('\n')) {
      if (line !== '' && statSync(join(dir, line)).mtimeMs > bundle.mtimeMs) return undefined;
    }
    return bundle;
  } catch {
    return undefined;
  }
}

/** The bundle's SHA-256: the one recorded at build time while the file is the one it was recorded for. */
function bundleDigest(stat, source) {
  try {
    const recorded = JSON.parse(readFileSync(join(dir, 'tide.js.digest'), 'utf8'));
    if (recorded.size === stat.size && recorded.mtimeMs === Math.round(stat.mtimeMs) && /^[0-9a-f]{64}$/.test(recorded.sha256)) return recorded.sha256;
  } catch {
    // Missing or unreadable: hash it.
  }
  return require('node:crypto').createHash('sha256').update(source).digest('hex');
}

/** Runs `fn` with V8 checking (and creating) code cache checksums; see the top of this file. */
function withChecksums(fn) {
  setFlagsFromString('--verify-snapshot-checksum');
  try {
    return fn();
  } finally {
    setFlagsFromString('--no-verify-snapshot-checksum');
  }
}

/** The cache's payload when its header names `key`; otherwise undefined (V8 checks the payload). */
function readCodeCache(file, key) {
  try {
    const bytes = readFileSync(file);
    const end = bytes.indexOf(10, MAGIC.length);
    if (end < 0 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
    const header = JSON.parse(bytes.toString('utf8', MAGIC.length, end));
    return header.key === key ? bytes.subarray(end + 1) : undefined;
  } catch {
    return undefined;
  }
}

function writeCodeCache(file, key, script) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const payload = withChecksums(() => script.createCachedData());
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify({ key })}\n`), payload]));
    renameSync(tmp, file);
  } catch {
    // A read-only install or a full disk: the next start compiles without a cache, as this one did.
    try { rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
  }
}

function runBundle(stat) {
  const file = join(dir, 'tide.js');
  const source = readFileSync(file);
  const cacheFile = process.env.TIDE_NO_CODE_CACHE === '1' ? undefined : (process.env.TIDE_CODE_CACHE || join(dir, 'tide.v8cache'));
  const key = cacheFile === undefined ? '' : [bundleDigest(stat, source), process.version, process.versions.v8, process.arch].join(' ');
  const cachedData = cacheFile === undefined ? undefined : readCodeCache(cacheFile, key);
  // ASCII (build-bundle.mjs checks): latin1 makes a one-byte string without decoding UTF-8.
  const compile = () => new Script(source.toString('latin1'), { filename: file, cachedData });
  const script = cachedData === undefined ? compile() : withChecksums(compile);
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

const bundle = freshBundle();
if (bundle !== undefined) {
  runBundle(bundle);
} else {
  import('../dist/src/main.js').catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
