// Torn and corrupt data against a `tide broker start` process: segment files cut or with a byte
// flipped (after a crash and after a clean shutdown), damaged index files, and the same damage to
// the internal __consumer_offsets log. The broker must start, keep what is valid, log what it
// dropped, and never serve a corrupt batch: everything is read back with kcat (librdkafka with
// check.crcs=true) and with Fetch requests whose batches are CRC-checked by our decoder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ApiKey, ErrorCode, decodeBatches } from '@tideline/protocol';
import { kcat, toolOrSkip } from '@tideline/interop';
import { startBrokerProcess, type BrokerProcess } from '../src/broker-process.js';
import { WireClient, createTopic } from '../src/wire.js';
import { CRC_COVERED_FROM, batchesOfFile, cutInsideLastBatch, fileSize, flipBeforeLastIndexEntry, flipByte, flipInMiddleBatch, lastNonEmptySegment, logRecords, overwrite, segmentFiles, truncateTo, type FileBatch } from '../src/corrupt.js';
import { Rng } from '../src/fuzz/mutate.js';

const TOPIC = 'data';
const RECORDS = 5000;
const GROUP = 'g';
const COMMITS = 100;
const PAD = 'x'.repeat(1000);
const value = (i: number): string => `r${i}-${PAD}`;
const rng = new Rng(Number(process.env.TIDELINE_CORRUPT_SEED ?? 7));

interface Prepared {
  dir: string;
  broker: BrokerProcess;
  commits: bigint[];
}

/** A broker with 5,000 records of 1 KB in 5 segments of ~40 batches, and 100 commits of group `g` (~12 KB, so its log has index entries). */
async function prepare(t: { diagnostic(s: string): void }): Promise<Prepared> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-corrupt-'));
  const broker = await startBrokerProcess({ dataDir: dir, logLevel: 'warn' });
  await createTopic(broker.port, TOPIC, 1, [{ name: 'segment.bytes', value: '1048576' }]);
  const input = Array.from({ length: RECORDS }, (_, i) => value(i)).join('\n') + '\n';
  await kcat(['-b', broker.bootstrap, '-P', '-t', TOPIC, '-p', '0', '-X', 'acks=all', '-X', 'batch.num.messages=25', '-X', 'linger.ms=1'], { input, timeoutMs: 60_000 });
  // Simple commits (no membership), one OffsetCommit each: KafkaJS's admin.setOffsets joins the
  // group and waits out a 5 s fetch per call. KafkaJS reads them back below.
  const commits: bigint[] = [];
  for (let i = 1; i <= COMMITS; i++) {
    const offset = BigInt(i * 40);
    await commit(broker.port, offset);
    commits.push(offset);
  }
  t.diagnostic(`${segmentFiles(join(dir, `${TOPIC}-0`)).length} segments, ${RECORDS} records, ${COMMITS} commits`);
  return { dir, broker, commits };
}

async function commit(port: number, offset: bigint): Promise<void> {
  const c = await WireClient.connect(port);
  try {
    const r = await c.send(ApiKey.OffsetCommit, 8, {
      groupId: GROUP, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
      topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: offset, committedLeaderEpoch: -1, committedMetadata: '' }] }],
    });
    assert.equal(r.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
  } finally {
    c.close();
  }
}

async function cleanup(p: Prepared): Promise<void> {
  await p.broker.stop();
  rmSync(p.dir, { recursive: true, force: true });
}

/** Every record of the topic through kcat (CRC-checked), as [offset, value]. */
async function kcatRead(bootstrap: string, from: string | number = 'beginning', count?: number): Promise<Array<[number, string]>> {
  const args = ['-b', bootstrap, '-C', '-t', TOPIC, '-p', '0', '-o', String(from), '-q', '-X', 'check.crcs=true', '-f', '%o %s\n'];
  if (count === undefined) args.push('-e');
  else args.push('-c', String(count));
  const r = await kcat(args, { timeoutMs: 60_000 });
  assert.doesNotMatch(r.stderr, /ERROR|CRC/i, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => {
    const sp = l.indexOf(' ');
    return [Number(l.slice(0, sp)), l.slice(sp + 1)];
  });
}

/** The records read are exactly records [from, to) as produced. */
function assertRange(read: Array<[number, string]>, from: number, to: number, what: string): void {
  assert.equal(read.length, to - from, `${what}: ${read.length} records read, expected ${to - from}`);
  read.forEach(([o, v], i) => {
    assert.equal(o, from + i, `${what}: offset`);
    assert.equal(v, value(from + i), `${what}: value at ${o}`);
  });
}

/** Fetch v12 at `offset`: error code and the decoded (CRC-checked) batches. */
async function fetchAt(port: number, offset: bigint, maxBytes = 64 * 1024): Promise<{ errorCode: number; batches: ReturnType<typeof decodeBatches> }> {
  const c = await WireClient.connect(port);
  try {
    const r = await c.send(ApiKey.Fetch, 12, {
      replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
      topics: [{ topic: TOPIC, partitions: [{ partition: 0, fetchOffset: offset, partitionMaxBytes: maxBytes, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
      forgottenTopicsData: [], rackId: '',
    });
    const p = r.responses[0]!.partitions[0]!;
    return { errorCode: p.errorCode, batches: p.records === null ? [] : decodeBatches(p.records) };
  } finally {
    c.close();
  }
}

async function committed(bootstrap: string): Promise<bigint> {
  const kafka = new Kafka({ clientId: 'corrupt-check', brokers: [bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const r = await admin.fetchOffsets({ groupId: GROUP, topics: [TOPIC] });
    return BigInt(r[0]!.partitions.find((p) => p.partition === 0)!.offset);
  } finally {
    await admin.disconnect();
  }
}

function truncations(b: BrokerProcess, since: number): Array<Record<string, unknown>> {
  return logRecords(b.output().slice(since)).filter((r) => r['msg'] === 'log recovery truncated a corrupt or torn tail');
}


test('kill -9, then the last segment cut inside a batch (5 rounds): the log ends at the last whole batch, the drop is logged, kcat reads an intact prefix', { timeout: 120_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const p = await prepare(t);
  try {
    const partDir = join(p.dir, `${TOPIC}-0`);
    for (let round = 0; round < 5; round++) {
      await p.broker.kill();
      const { path, batches } = lastNonEmptySegment(partDir);
      const b = batches[rng.int(batches.length)]!;
      const cut = b.position + 1 + rng.int(b.size - 1);
      truncateTo(path, cut);
      const since = p.broker.output().length;
      await p.broker.restart();
      const logged = truncations(p.broker, since);
      assert.equal(logged.length, 1, `one truncation logged:\n${p.broker.output().slice(since)}`);
      assert.deepEqual([logged[0]!['topic'], logged[0]!['droppedBytes']], [TOPIC, cut - b.position]);
      assertRange(await kcatRead(p.broker.bootstrap), 0, Number(b.baseOffset), `round ${round}`);
      t.diagnostic(`round ${round}: cut at byte ${cut} of ${path.slice(-24)} inside the batch at offset ${b.baseOffset}; ${b.baseOffset} records kept`);
    }
  } finally {
    await cleanup(p);
  }
});

test('kill -9, then one byte flipped in a batch (CRC, magic, length, attributes, record bytes): that batch and all after it are dropped and logged, never served', { timeout: 120_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const p = await prepare(t);
  try {
    const partDir = join(p.dir, `${TOPIC}-0`);
    const regions: Array<[string, (b: FileBatch) => number]> = [
      ['crc', (b) => b.position + 17 + rng.int(4)],
      ['magic', (b) => b.position + 16],
      ['length', (b) => b.position + 8 + rng.int(4)],
      ['attributes', (b) => b.position + CRC_COVERED_FROM + rng.int(2)],
      ['records', (b) => b.position + 61 + rng.int(b.size - 61)],
    ];
    for (const [region, at] of regions) {
      await p.broker.kill();
      const { path, batches } = lastNonEmptySegment(partDir);
      const b = batches[rng.int(batches.length)]!;
      const pos = at(b);
      flipByte(path, pos, 1 << rng.int(8));
      const since = p.broker.output().length;
      await p.broker.restart();
      const logged = truncations(p.broker, since);
      assert.equal(logged.length, 1, `${region}: one truncation logged:\n${p.broker.output().slice(since)}`);
      assertRange(await kcatRead(p.broker.bootstrap), 0, Number(b.baseOffset), region);
      t.diagnostic(`${region}: byte ${pos} of the batch at offset ${b.baseOffset} flipped; log ends at ${b.baseOffset} (${String(logged[0]!['reason'])}, ${String(logged[0]!['droppedBytes'])} bytes dropped)`);
    }
  } finally {
    await cleanup(p);
  }
});

test('kill -9, then a byte flipped in an older segment: the full scan stops there and later segments are dropped (Kafka\'s rule), all logged', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const p = await prepare(t);
  try {
    const segs = segmentFiles(join(p.dir, `${TOPIC}-0`));
    assert.ok(segs.length >= 4);
    await p.broker.kill();
    const path = segs[1]!;
    const batches = batchesOfFile(path);
    const b = batches[rng.int(batches.length)]!;
    flipByte(path, b.position + CRC_COVERED_FROM + rng.int(b.size - CRC_COVERED_FROM));
    const since = p.broker.output().length;
    await p.broker.restart();
    const logged = truncations(p.broker, since);
    assert.equal(logged.length, 1);
    assert.equal((logged[0]!['droppedSegments'] as unknown[]).length, segs.length - 2, 'later segments listed as dropped');
    assertRange(await kcatRead(p.broker.bootstrap), 0, Number(b.baseOffset), 'prefix');
    assert.equal(segmentFiles(join(p.dir, `${TOPIC}-0`)).length, 2);
    t.diagnostic(`flip in segment 1 at the batch of offset ${b.baseOffset}: ${segs.length - 2} later segments dropped, ${b.baseOffset} records kept`);
  } finally {
    await cleanup(p);
  }
});

test('clean shutdown, then a byte flipped in a sealed segment: not rescanned at start (as Kafka), but never served: Fetch there answers KAFKA_STORAGE_ERROR; kcat reads all records before and after it', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const p = await prepare(t);
  try {
    const segs = segmentFiles(join(p.dir, `${TOPIC}-0`));
    await p.broker.stop();
    const batches = batchesOfFile(segs[2]!);
    const b = batches[1 + rng.int(batches.length - 2)]!;
    flipByte(segs[2]!, b.position + 61 + rng.int(b.size - 61));
    await p.broker.restart();
    const bad = await fetchAt(p.broker.port, b.baseOffset);
    assert.equal(bad.errorCode, ErrorCode.KAFKA_STORAGE_ERROR, 'the corrupt batch is refused');
    const before = await fetchAt(p.broker.port, b.baseOffset - 1n, 1024 * 1024);
    assert.equal(before.errorCode, ErrorCode.NONE);
    assert.ok(before.batches.length > 0 && before.batches.every((x) => x.header.baseOffset < b.baseOffset), 'a read across it stops before it');
    const first = Number(b.baseOffset);
    assertRange(await kcatRead(p.broker.bootstrap, 'beginning', first), 0, first, 'before');
    const after = Number(b.lastOffset) + 1;
    assertRange(await kcatRead(p.broker.bootstrap, after), after, RECORDS, 'after');
    assert.ok(p.broker.alive());
    t.diagnostic(`batch ${b.baseOffset}..${b.lastOffset} refused with KAFKA_STORAGE_ERROR; ${first} records before and ${RECORDS - after} after read by kcat`);
  } finally {
    await cleanup(p);
  }
});

test('clean shutdown, then index files damaged (cut, garbage, plausible but wrong entries, deleted; time index garbage): every offset is still found', { timeout: 180_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const p = await prepare(t);
  try {
    const partDir = join(p.dir, `${TOPIC}-0`);
    // ListOffsets by timestamp before any damage, for a sample of timestamps.
    const stamps = await (async () => {
      const c = await WireClient.connect(p.broker.port);
      try {
        const out: Array<{ ts: bigint; offset: bigint }> = [];
        const f = await fetchAt(p.broker.port, 0n, 4 * 1024 * 1024);
        const ts = [...new Set(f.batches.map((x) => x.header.maxTimestamp))].slice(0, 20);
        for (const s of ts) {
          const r = await c.send(ApiKey.ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: s }] }] });
          out.push({ ts: s, offset: r.topics[0]!.partitions[0]!.offset });
        }
        return out;
      } finally {
        c.close();
      }
    })();
    const damages: Array<[string, () => void]> = [
      ['index cut to 5 bytes', () => truncateTo(segmentFiles(partDir)[1]!.replace(/\.log$/, '.index'), 5)],
      ['every index overwritten with garbage', () => {
        for (const s of segmentFiles(partDir)) {
          const ix = s.replace(/\.log$/, '.index');
          const n = fileSize(ix);
          overwrite(ix, 0, Buffer.from(Array.from({ length: n }, () => rng.int(256))));
        }
      }],
      ['plausible but wrong entries (relative offsets lowered, positions kept)', () => {
        for (const s of segmentFiles(partDir)) {
          const ix = s.replace(/\.log$/, '.index');
          const buf = readFileSync(ix);
          for (let e = 1; e < buf.length / 8; e++) {
            const prev = buf.readUInt32BE((e - 1) * 8);
            const rel = buf.readUInt32BE(e * 8);
            if (rel - prev > 1) buf.writeUInt32BE(prev + 1, e * 8);
          }
          writeFileSync(ix, buf);
        }
      }],
      ['index files deleted', () => {
        for (const s of segmentFiles(partDir)) rmSync(s.replace(/\.log$/, '.index'));
      }],
      ['time indexes overwritten with garbage', () => {
        for (const s of segmentFiles(partDir)) {
          const ix = s.replace(/\.log$/, '.timeindex');
          overwrite(ix, 0, Buffer.from(Array.from({ length: fileSize(ix) }, () => rng.int(256))));
        }
      }],
    ];
    for (const [what, damage] of damages) {
      await p.broker.stop();
      damage();
      await p.broker.restart();
      for (let off = 0; off < RECORDS; off += 13) {
        const f = await fetchAt(p.broker.port, BigInt(off), 1);
        assert.equal(f.errorCode, ErrorCode.NONE, `${what}: fetch at ${off}`);
        const h = f.batches[0]?.header;
        assert.ok(h !== undefined && h.baseOffset <= BigInt(off) && BigInt(off) <= h.baseOffset + BigInt(h.lastOffsetDelta),
          `${what}: fetch at ${off} answered the batch ${h?.baseOffset}+${h?.lastOffsetDelta}`);
      }
      const c = await WireClient.connect(p.broker.port);
      try {
        for (const s of stamps) {
          const r = await c.send(ApiKey.ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: s.ts }] }] });
          assert.equal(r.topics[0]!.partitions[0]!.offset, s.offset, `${what}: ListOffsets for timestamp ${s.ts}`);
        }
      } finally {
        c.close();
      }
      assertRange(await kcatRead(p.broker.bootstrap), 0, RECORDS, what);
      if (what.startsWith('plausible')) {
        const repaired = logRecords(p.broker.output()).filter((r) => String(r['msg']).startsWith('offset index pointed at the wrong batch'));
        assert.ok(repaired.length > 0, 'the index repair is logged');
      }
      t.diagnostic(`${what}: ${Math.ceil(RECORDS / 13)} fetches and ${stamps.length} timestamp lookups correct; kcat read all ${RECORDS}`);
    }
  } finally {
    await cleanup(p);
  }
});

test('__consumer_offsets cut or flipped after kill -9, or flipped after a clean shutdown: the broker starts, the committed offset is an earlier acknowledged commit, never garbage or ahead', { timeout: 120_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const p = await prepare(t);
  try {
    const dir = join(p.dir, '__consumer_offsets-0');
    const last = p.commits.at(-1)!;
    assert.equal(await committed(p.broker.bootstrap), last);
    const rounds: Array<[string, 'kill' | 'stop', (path: string, bs: FileBatch[]) => FileBatch]> = [
      // A clean shutdown rescans only past the last index entry: this batch is met by the load's CRC check.
      ['byte flipped in a batch before the last index entry after a clean shutdown', 'stop', (path, bs) => flipBeforeLastIndexEntry(path, bs, rng)],
      ['cut inside the last batch after kill -9', 'kill', (path, bs) => cutInsideLastBatch(path, bs, rng)],
      ['byte flipped in a middle batch after kill -9', 'kill', (path, bs) => flipInMiddleBatch(path, bs, rng)],
    ];
    let prev = last;
    for (const [what, how, damage] of rounds) {
      if (how === 'kill') await p.broker.kill();
      else await p.broker.stop();
      const { path, batches } = lastNonEmptySegment(dir);
      const b = damage(path, batches);
      const since = p.broker.output().length;
      await p.broker.restart();
      const got = await committed(p.broker.bootstrap);
      assert.ok(p.commits.includes(got), `${what}: committed offset ${got} is one that was acknowledged`);
      assert.ok(got <= prev, `${what}: committed offset ${got} is not ahead of ${prev}`);
      const warned = logRecords(p.broker.output().slice(since)).filter((r) => Number(r['level']) >= 40);
      assert.ok(warned.length > 0, `${what}: the damage is logged`);
      if (how === 'stop') {
        assert.equal(got, prev, 'only the damaged batch is lost: later commits still load');
        assert.ok(warned.some((r) => r['msg'] === 'corrupt batch skipped while loading committed offsets'));
      }
      t.diagnostic(`${what} (batch at offset ${b.baseOffset}): committed offset ${got} (was ${prev}); logged: ${warned.map((r) => String(r['msg'])).join('; ')}`);
      prev = got;
    }
    // The group keeps working: a new commit is stored and read back.
    await commit(p.broker.port, 4999n);
    assert.equal(await committed(p.broker.bootstrap), 4999n);
  } finally {
    await cleanup(p);
  }
});

test('kill -9, then a torn metadata.jsonl line and garbage producer-state files: the broker starts with its topics and data', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const p = await prepare(t);
  try {
    await p.broker.stop(); // writes producer-state snapshots
    appendFileSync(join(p.dir, 'metadata.jsonl'), '{"op":"put","topic":{"name":"half');
    const snaps = join(p.dir, 'broker-state', 'producer-snapshots');
    for (const f of (await import('node:fs')).readdirSync(snaps)) writeFileSync(join(snaps, f), '{"offset":"12", garbage');
    await p.broker.restart();
    assertRange(await kcatRead(p.broker.bootstrap), 0, RECORDS, 'after damage');
    assert.equal(await committed(p.broker.bootstrap), p.commits.at(-1)!);
    t.diagnostic('torn metadata line skipped, unreadable producer snapshots replaced by a log replay');
  } finally {
    await cleanup(p);
  }
});
