import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileLogManager, type LogConfig } from '../../src/index.js';
import { CLEAN_SHUTDOWN_FILE } from '../../src/file/log-manager.js';
import type { FilePartitionLog } from '../../src/internal.js';
import { logConfig, makeBatch, makeBatches, parseRecords, tempDir } from '../helpers.js';

const tp = { topic: 'r', partition: 3 };

async function withLog<T>(dir: string, config: Partial<LogConfig>, fn: (log: FilePartitionLog) => Promise<T>): Promise<T> {
  const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0 });
  try {
    return await fn(await mgr.open(tp, logConfig(config)));
  } finally {
    await mgr.close();
  }
}

/** Writes `n` batches of 2 records, shuts down, and removes the clean marker unless `clean`. */
async function prepare(dir: string, n: number, config: Partial<LogConfig> = {}, clean = false): Promise<string[]> {
  await withLog(dir, config, async (log) => {
    for (let i = 0; i < n; i++) await log.append(makeBatch([{ key: 'a', value: `x${i}` }, { key: 'b', value: `y${i}` }]), { durable: true });
  });
  if (!clean) rmSync(join(dir, CLEAN_SHUTDOWN_FILE));
  return readdirSync(join(dir, 'r-3')).filter((n) => n.endsWith('.log')).sort().map((n) => join(dir, 'r-3', n));
}

async function allOffsets(log: FilePartitionLog): Promise<bigint[]> {
  const out: bigint[] = [];
  let next = log.logStartOffset;
  while (next < log.highWatermark) {
    const recs = parseRecords((await log.read(next, 1 << 20)).records);
    if (recs.length === 0) break;
    out.push(...recs.map((r) => r.offset));
    next = recs[recs.length - 1]!.offset + 1n;
  }
  return out;
}

test('a torn tail (file cut mid-batch) is truncated and reported', async (t) => {
  const dir = tempDir(t);
  const [file] = await prepare(dir, 10);
  const size = statSync(file!).size;
  truncateSync(file!, size - 7);
  await withLog(dir, {}, async (log) => {
    assert.equal(log.recovery.fullScan, true);
    assert.equal(log.recovery.truncated?.reason, 'truncated');
    assert.equal(log.recovery.truncated?.droppedBytes, size - 7 - (size / 10) * 9);
    assert.equal(log.logEndOffset, 18n);
    assert.equal((await allOffsets(log)).length, 18);
    assert.equal((await log.append(makeBatches(1))).baseOffset, 18n);
  });
  assert.equal(statSync(file!).size, (size / 10) * 9 + makeBatches(1).length);
});

test('a flipped byte in the last batch fails its CRC and the batch is dropped', async (t) => {
  const dir = tempDir(t);
  const [file] = await prepare(dir, 5);
  const bytes = readFileSync(file!);
  bytes[bytes.length - 3]! ^= 0x40;
  writeFileSync(file!, bytes);
  await withLog(dir, {}, async (log) => {
    assert.equal(log.recovery.truncated?.reason, 'bad-crc');
    assert.equal(log.logEndOffset, 8n);
    assert.deepEqual(await allOffsets(log), [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n]);
  });
});

test('after a clean shutdown the tail past the last index entry is still validated', async (t) => {
  const dir = tempDir(t);
  const [file] = await prepare(dir, 5, {}, true);
  const bytes = readFileSync(file!);
  bytes[bytes.length - 3]! ^= 0x01;
  writeFileSync(file!, bytes);
  await withLog(dir, {}, async (log) => {
    assert.equal(log.recovery.fullScan, false);
    assert.equal(log.recovery.truncated?.reason, 'bad-crc');
    assert.equal(log.logEndOffset, 8n);
  });
});

test('corruption in an older segment drops it from there and every later segment', async (t) => {
  const dir = tempDir(t);
  const files = await prepare(dir, 60, { segmentBytes: 1024 });
  assert.ok(files.length >= 3);
  const bytes = readFileSync(files[1]!);
  bytes[100]! ^= 0xff;
  writeFileSync(files[1]!, bytes);
  await withLog(dir, { segmentBytes: 1024 }, async (log) => {
    const tr = log.recovery.truncated!;
    assert.equal(tr.droppedSegments.length, files.length - 2);
    const offsets = await allOffsets(log);
    assert.equal(offsets.length, Number(log.logEndOffset));
    assert.ok(log.logEndOffset < 120n);
  });
  assert.equal(readdirSync(join(dir, 'r-3')).filter((n) => n.endsWith('.log')).length, 2);
});

test('missing or garbage index files are rebuilt', async (t) => {
  const dir = tempDir(t);
  const cfg = { segmentBytes: 2048, indexIntervalBytes: 64 };
  await withLog(dir, cfg, async (log) => {
    for (let i = 0; i < 80; i++) await log.append(makeBatch([{ value: `v${i}`, timestamp: 1000 + i }]));
  });
  const seg = join(dir, 'r-3', '00000000000000000000');
  assert.ok(statSync(`${seg}.index`).size > 0);
  rmSync(`${seg}.index`);
  rmSync(`${seg}.timeindex`);
  const files = readdirSync(join(dir, 'r-3')).filter((n) => n.endsWith('.index')).sort();
  writeFileSync(join(dir, 'r-3', files[0]!), Buffer.from('not an index!'));
  await withLog(dir, cfg, async (log) => {
    assert.equal(log.recovery.fullScan, false);
    assert.equal(log.recovery.rebuiltIndexes.length, 2);
    assert.equal(log.recovery.truncated, null);
    for (let o = 0n; o < 80n; o += 3n) assert.equal(parseRecords((await log.read(o, 1)).records)[0]!.offset, o);
    assert.deepEqual(await log.offsetForTimestamp(1042n), { offset: 42n, timestamp: 1042n });
  });
  assert.ok(statSync(`${seg}.index`).size > 0, 'index written again on close');
});
