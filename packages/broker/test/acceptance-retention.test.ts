// Acceptance: retention (retention.ms, retention.bytes) and compaction through real clients. Topics
// are created by the KafkaJS admin with small segment.ms, records are produced by kcat in bursts
// (each burst after segment.ms lands in a new segment), the broker's periodic maintenance
// (logRetentionCheckIntervalMs, Kafka's log.retention.check.interval.ms) runs every 200 ms, and
// the results are observed through ListOffsets (kcat -Q, KafkaJS fetchTopicOffsets) and Fetch
// (kcat -C).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kcat, toolOrSkip } from '@tideline/interop';
import { startBroker, type RunningBroker } from '../src/index.js';

const BURST = 50;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function withBrokerAndAdmin(fn: (b: RunningBroker, admin: Admin, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-accept-retention-'));
  const b = await startBroker({ dataDir: dir, port: 0, logRetentionCheckIntervalMs: 200 });
  const admin = new Kafka({ brokers: [b.bootstrap], clientId: 'acceptance', logLevel: logLevel.NOTHING }).admin();
  try {
    await admin.connect();
    await fn(b, admin, dir);
  } finally {
    await admin.disconnect();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Produces `lines` ("key:value", or "key:" for a tombstone) with kcat, acks=all. */
async function produce(b: RunningBroker, topic: string, lines: string[]): Promise<void> {
  const r = await kcat(['-b', b.bootstrap, '-P', '-t', topic, '-p', '0', '-K:', '-Z', '-X', 'acks=all'], { input: lines.join('\n') + '\n' });
  assert.equal(r.code, 0, r.stderr);
}

/** Produces bursts of records far enough apart in time that each starts a new segment (segment.ms=100). */
async function produceBursts(b: RunningBroker, topic: string, bursts: string[][]): Promise<void> {
  for (const lines of bursts) {
    await produce(b, topic, lines);
    await sleep(150);
  }
}

async function earliest(b: RunningBroker, topic: string): Promise<number> {
  const q = await kcat(['-b', b.bootstrap, '-Q', '-t', `${topic}:0:-2`]);
  const m = /offset (-?\d+)/.exec(q.stdout);
  assert.ok(m, `kcat -Q: ${q.stdout}${q.stderr}`);
  return Number(m[1]);
}

async function until<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** "offset\tkey\tvalueLength\tvalue" lines from the beginning of partition 0. */
async function consume(b: RunningBroker, topic: string): Promise<Array<{ offset: number; key: string; value: string | null }>> {
  const out = await kcat(['-b', b.bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o\t%k\t%S\t%s\n']);
  return out.stdout.split('\n').filter((l) => l !== '').map((l) => {
    const [o, k, len, v] = l.split('\t');
    return { offset: Number(o), key: k!, value: len === '-1' ? null : v! };
  });
}

const burstsOf = (n: number, prefix: string): string[][] =>
  Array.from({ length: n }, (_, s) => Array.from({ length: BURST }, (_, i) => `${prefix}${s * BURST + i}:${'v'.repeat(90)}${s * BURST + i}`));

test('retention.ms: expired sealed segments are deleted and the earliest offset advances', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat', 'kafkajs')) return;
  await withBrokerAndAdmin(async (b, admin) => {
    await admin.createTopics({
      topics: [{ topic: 'ret-ms', numPartitions: 1, configEntries: [{ name: 'segment.ms', value: '100' }, { name: 'retention.ms', value: '3000' }] }],
    });
    const t0 = Date.now();
    await produceBursts(b, 'ret-ms', burstsOf(4, 'k'));
    assert.equal(await earliest(b, 'ret-ms'), 0, 'nothing expired yet');
    // Sealed segments [0,50) [50,100) [100,150) expire; the active one [150,200) stays.
    await until('earliest offset', () => earliest(b, 'ret-ms'), (o) => o === 3 * BURST);
    t.diagnostic(`earliest offset 0 -> ${3 * BURST} after ${Date.now() - t0} ms (retention.ms=3000, check interval 200 ms)`);
    const offsets = await admin.fetchTopicOffsets('ret-ms');
    assert.deepEqual(offsets.map((o) => [o.low, o.high]), [[String(3 * BURST), String(4 * BURST)]]);
    const left = await consume(b, 'ret-ms');
    assert.deepEqual(left.map((r) => r.offset), Array.from({ length: BURST }, (_, i) => 3 * BURST + i));
    assert.deepEqual(left.map((r) => r.key), Array.from({ length: BURST }, (_, i) => `k${3 * BURST + i}`));
  });
});

test('retention.bytes: the oldest sealed segments go while the partition stays above the limit', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat', 'kafkajs')) return;
  await withBrokerAndAdmin(async (b, admin, dir) => {
    // One burst of 50 records of ~100 bytes is ~6 KB on disk: a 9000-byte limit keeps about 1.5 segments.
    await admin.createTopics({
      topics: [{
        topic: 'ret-bytes', numPartitions: 1,
        configEntries: [{ name: 'segment.ms', value: '100' }, { name: 'retention.bytes', value: '9000' }, { name: 'retention.ms', value: '-1' }],
      }],
    });
    const t0 = Date.now();
    await produceBursts(b, 'ret-bytes', burstsOf(5, 'b'));
    const low = await until('earliest offset', () => earliest(b, 'ret-bytes'), (o) => o >= 3 * BURST);
    await sleep(600); // three more maintenance runs change nothing
    assert.equal(await earliest(b, 'ret-bytes'), low);
    t.diagnostic(`earliest offset 0 -> ${low} after ${Date.now() - t0} ms (retention.bytes=9000)`);
    assert.equal(low, 3 * BURST, 'two segments (~12 KB) remain above the 9000-byte limit, the third would go below it');
    const segs = readdirSync(join(dir, 'ret-bytes-0')).filter((n) => n.endsWith('.log'));
    assert.deepEqual(segs.map((n) => Number(n.slice(0, 20))), [3 * BURST, 4 * BURST]);
    const offsets = await admin.fetchTopicOffsets('ret-bytes');
    assert.deepEqual(offsets.map((o) => [o.low, o.high]), [[String(3 * BURST), String(5 * BURST)]]);
    const left = await consume(b, 'ret-bytes');
    assert.deepEqual(left.map((r) => r.offset), Array.from({ length: 2 * BURST }, (_, i) => 3 * BURST + i));
  });
});

test('cleanup.policy=compact: the cleaner keeps the latest value per key (and the tombstone) at unchanged offsets', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat', 'kafkajs')) return;
  await withBrokerAndAdmin(async (b, admin, dir) => {
    await admin.createTopics({
      topics: [{ topic: 'compacted', numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.ms', value: '100' }] }],
    });
    const keys = ['a', 'b', 'c', 'd', 'e'];
    // Six bursts of 40 updates over 5 keys, a tombstone for 'e' in the last one, then one record
    // that rolls the last burst's segment (it stays in the active segment).
    const produced: Array<{ key: string; value: string | null }> = [];
    const bursts: string[][] = [];
    for (let s = 0; s < 6; s++) {
      const lines: string[] = [];
      for (let i = 0; i < 40; i++) {
        const key = keys[i % keys.length]!;
        const value = `${key}-${s}-${i}`;
        lines.push(`${key}:${value}`);
        produced.push({ key, value });
      }
      if (s === 5) {
        lines.push('e:');
        produced.push({ key: 'e', value: null });
      }
      bursts.push(lines);
    }
    bursts.push(['tail:last']);
    produced.push({ key: 'tail', value: 'last' });
    await produceBursts(b, 'compacted', bursts);
    const activeBase = Math.max(...readdirSync(join(dir, 'compacted-0')).filter((n) => n.endsWith('.log')).map((n) => Number(n.slice(0, 20))));
    assert.equal(activeBase, produced.length - 1, 'the tail record opened the active segment');

    // Expected: per key the latest offset below the active segment, plus the active segment.
    const latest = new Map<string, number>();
    produced.forEach((r, offset) => {
      if (offset < activeBase) latest.set(r.key, offset);
    });
    const expected = [...latest.values(), activeBase].sort((x, y) => x - y);
    const t0 = Date.now();
    const left = await until('records after compaction', () => consume(b, 'compacted'), (rs) => rs.length === expected.length);
    t.diagnostic(`${produced.length} records compacted to ${left.length} in ${Date.now() - t0} ms`);
    assert.deepEqual(left.map((r) => r.offset), expected, 'offsets are unchanged');
    for (const r of left) assert.deepEqual({ key: r.key, value: r.value }, produced[r.offset], `record at ${r.offset}`);
    assert.deepEqual(left.find((r) => r.key === 'e')?.value, null, 'the tombstone is kept (delete.retention.ms not elapsed)');
    assert.equal(await earliest(b, 'compacted'), 0, 'compaction does not move the log start offset');
    const offsets = await admin.fetchTopicOffsets('compacted');
    assert.equal(offsets[0]!.high, String(produced.length));
  });
});
