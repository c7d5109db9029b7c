// bin/tide.js's start paths: the bundle with its V8 code cache, the bundle without one, the
// modules tsc wrote (TIDE_NO_BUNDLE=1), and a cache that is stale, corrupt or unwritable, which
// must be ignored (compiled without, then rewritten) and never crash the start. Each start runs a
// real broker and waits for an acknowledged produce. The cache lives where TIDE_CODE_CACHE says,
// so these tests do not touch the shared one in dist/bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Producer } from '@tideline/client';
import { TIDE_BIN, waitForOutput } from './tide.js';

const bundleDir = new URL('../../dist/bundle/', import.meta.url);
const MAGIC = 'tide-v8-code-cache 2\n';

/** The bundle is what `npm run build` wrote, newer than every package it holds (else bin/tide.js would not use it). */
function assertBundleFresh(): void {
  const built = statSync(new URL('tide.js', bundleDir)).mtimeMs;
  for (const line of readFileSync(new URL('inputs.txt', bundleDir), 'utf8').split('\n')) {
    if (line !== '') assert.ok(statSync(new URL(line, bundleDir)).mtimeMs <= built, `the CLI bundle is older than ${line}: run npm run build`);
  }
}

/** `tide broker start` with `env`, one acknowledged produce, SIGTERM; fails unless it exits 0. */
async function startProduceStop(dir: string, env: Record<string, string>): Promise<void> {
  const data = mkdtempSync(join(dir, 'data-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const k of ['TIDE_NO_BUNDLE', 'TIDE_NO_CODE_CACHE', 'TIDE_CODE_CACHE']) if (!(k in env)) delete childEnv[k];
  const child = spawn(process.execPath, [TIDE_BIN, 'broker', 'start', '--data-dir', data, '--listen', '127.0.0.1:0', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  try {
    const [address] = await waitForOutput(child, [/listening on (\S+)/], 30_000);
    const producer = new Producer({ bootstrap: address, lingerMs: 0 });
    try {
      const [meta] = await producer.send({ topic: 'start-path', messages: [{ value: 'x' }] });
      assert.equal(meta?.offset, 0n);
    } finally {
      await producer.close();
    }
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.equal(stderr.replace(/^SIGTERM: stopping\n/m, ''), '', 'nothing on stderr');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

/** The cache file's header and payload (throws unless it has the launcher's format). */
function readCache(file: string): { header: { key: string }; payload: Buffer; bytes: Buffer } {
  const bytes = readFileSync(file);
  assert.equal(bytes.toString('latin1', 0, MAGIC.length), MAGIC);
  const end = bytes.indexOf(10, MAGIC.length);
  return { header: JSON.parse(bytes.toString('utf8', MAGIC.length, end)) as { key: string }, payload: bytes.subarray(end + 1), bytes };
}

test('tide broker start: written, then used, code cache; stale and corrupt caches are ignored and rewritten', { timeout: 180_000 }, async () => {
  assertBundleFresh();
  const dir = mkdtempSync(join(tmpdir(), 'tide-bundle-'));
  const cache = join(dir, 'tide.v8cache');
  try {
    // No cache yet: compiled from source, the cache written (after 1 s or at exit).
    await startProduceStop(dir, { TIDE_CODE_CACHE: cache });
    const first = readCache(cache);
    assert.ok(first.payload.length > 0);
    assert.match(first.header.key, new RegExp(` ${process.version.replace(/\./g, '\\.')} `));
    const bundleSha = createHash('sha256').update(readFileSync(new URL('tide.js', bundleDir))).digest('hex');
    assert.equal(first.header.key.slice(0, 64), bundleSha, 'the key names the bundle by its SHA-256 (recorded at build time)');

    // A usable cache is read and left as it is.
    await startProduceStop(dir, { TIDE_CODE_CACHE: cache });
    assert.deepEqual(readFileSync(cache), first.bytes, 'a usable cache is not rewritten');

    // A flipped payload byte (V8 checks no checksum in a release build unless the launcher asks: it
    // would load the bytes and crash).
    const corrupt = Buffer.from(first.bytes);
    corrupt[corrupt.length - Math.floor(first.payload.length / 2)]! ^= 0xff;
    writeFileSync(cache, corrupt);
    await startProduceStop(dir, { TIDE_CODE_CACHE: cache });
    assert.equal(readCache(cache).header.key, first.header.key);
    assert.notDeepEqual(readFileSync(cache), corrupt, 'a corrupt cache is replaced');

    // A cache made for another bundle (V8 would take it if the lengths matched) or another Node.
    for (const key of [`${'0'.repeat(64)}${first.header.key.slice(64)}`, first.header.key.replace(process.version, 'v20.0.0')]) {
      const stale = Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify({ ...first.header, key })}\n`), first.payload]);
      writeFileSync(cache, stale);
      await startProduceStop(dir, { TIDE_CODE_CACHE: cache });
      assert.equal(readCache(cache).header.key, first.header.key, 'a stale cache is replaced');
    }

    // Garbage and an empty file.
    for (const junk of [Buffer.from('not a cache'), Buffer.alloc(0), first.bytes.subarray(0, 100)]) {
      writeFileSync(cache, junk);
      await startProduceStop(dir, { TIDE_CODE_CACHE: cache });
      assert.equal(readCache(cache).header.key, first.header.key);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tide broker start without a code cache, with an unwritable one, and from the modules (TIDE_NO_BUNDLE=1)', { timeout: 120_000 }, async () => {
  assertBundleFresh();
  const dir = mkdtempSync(join(tmpdir(), 'tide-bundle-'));
  try {
    const cache = join(dir, 'tide.v8cache');
    await startProduceStop(dir, { TIDE_CODE_CACHE: cache, TIDE_NO_CODE_CACHE: '1' });
    assert.equal(existsSync(cache), false, 'TIDE_NO_CODE_CACHE=1 writes no cache');
    await startProduceStop(dir, { TIDE_CODE_CACHE: join(dir, 'no-such-dir', 'tide.v8cache') });
    await startProduceStop(dir, { TIDE_CODE_CACHE: cache, TIDE_NO_BUNDLE: '1' });
    assert.equal(existsSync(cache), false, 'the modules write no cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bundle that is not the one its recorded digest names is hashed again: the cache key stays its SHA-256', { timeout: 120_000 }, async () => {
  assertBundleFresh();
  const bundle = new URL('tide.js', bundleDir);
  const before = statSync(bundle);
  const dir = mkdtempSync(join(tmpdir(), 'tide-bundle-'));
  try {
    // A new mtime (the bundle stays newer than its inputs, so it is still run): the recorded digest
    // no longer matches the file's stat, and the launcher must hash the file itself.
    utimesSync(bundle, before.atime, new Date(before.mtimeMs + 1000));
    const cache = join(dir, 'tide.v8cache');
    await startProduceStop(dir, { TIDE_CODE_CACHE: cache });
    const bundleSha = createHash('sha256').update(readFileSync(bundle)).digest('hex');
    assert.equal(readCache(cache).header.key.slice(0, 64), bundleSha);
  } finally {
    // Back to the millisecond the digest recorded, so later starts use it again.
    const recorded = JSON.parse(readFileSync(new URL('tide.js.digest', bundleDir), 'utf8')) as { mtimeMs: number };
    utimesSync(bundle, before.atime, new Date(recorded.mtimeMs));
    rmSync(dir, { recursive: true, force: true });
  }
});
