// The data path against real clients: kcat (librdkafka), KafkaJS and the Java client 3.9 / 4.x.
// Under CI=true a missing client fails the test; elsewhere it is skipped with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kcat, runJavaClient, toolOrSkip } from '@tideline/interop';
import { startBroker, type RunningBroker } from '../src/index.js';

const TIMEOUT = 120_000;

async function withBroker(fn: (b: RunningBroker) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-interop-'));
  const b = await startBroker({ dataDir: dir, port: 0 });
  try {
    await fn(b);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const ok = (r: { code: number | null; stderr: string }, what: string): void => {
  assert.equal(r.code, 0, `${what} failed: ${r.stderr}`);
};

test('kcat: metadata, produce with keys, headers and every codec, consume from the beginning, offsets by timestamp', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(async (b) => {
    const bs = ['-b', b.bootstrap];
    const codecs = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
    for (const z of codecs) {
      const input = [1, 2, 3].map((i) => `${z}-k${i}:${z}-v${i}`).join('\n') + '\n';
      ok(await kcat([...bs, '-P', '-t', 'kc', '-K:', '-H', `codec=${z}`, '-H', 'h2=two', '-z', z, '-X', 'acks=all'], { input }), `produce ${z}`);
    }
    const meta = await kcat([...bs, '-L', '-J']);
    ok(meta, 'metadata');
    const m = JSON.parse(meta.stdout) as { brokers: Array<{ id: number }>; topics: Array<{ topic: string; partitions: Array<{ leader: number; isrs: Array<{ id: number }> }> }> };
    assert.deepEqual(m.brokers.map((x) => x.id), [1]);
    const kc = m.topics.find((x) => x.topic === 'kc');
    assert.ok(kc, 'kcat auto-created kc through Metadata');
    assert.deepEqual(kc.partitions.map((p) => [p.leader, p.isrs.map((r) => r.id)]), [[1, [1]]]);

    const out = await kcat([...bs, '-C', '-t', 'kc', '-o', 'beginning', '-e', '-f', '%o|%k|%s|%h\n']);
    ok(out, 'consume');
    const lines = out.stdout.trim().split('\n');
    assert.equal(lines.length, 15);
    lines.forEach((line, i) => {
      const z = codecs[Math.floor(i / 3)]!;
      const n = (i % 3) + 1;
      assert.equal(line, `${i}|${z}-k${n}|${z}-v${n}|codec=${z},h2=two`);
    });

    // Offsets by timestamp: everything produced after `ts` starts at offset 15.
    await new Promise((r) => setTimeout(r, 20));
    const ts = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    ok(await kcat([...bs, '-P', '-t', 'kc', '-K:'], { input: 'late:after\n' }), 'produce late');
    const byTime = await kcat([...bs, '-C', '-t', 'kc', '-o', `s@${ts}`, '-e', '-f', '%o|%s\n']);
    ok(byTime, 'consume by timestamp');
    assert.equal(byTime.stdout.trim(), '15|after');
    const q = await kcat([...bs, '-Q', '-t', `kc:0:${ts}`]);
    ok(q, 'query');
    assert.match(q.stdout, /kc \[0\] offset 15/);
    const tail = await kcat([...bs, '-C', '-t', 'kc', '-o', '-2', '-e', '-f', '%o\n']);
    assert.deepEqual(tail.stdout.trim().split('\n'), ['14', '15']);
  });
});

test('KafkaJS: admin create/list/delete topics, producer (acks=all, idempotent) with keys and headers, offsets', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withBroker(async (b) => {
    const kafka = new Kafka({ brokers: [b.bootstrap], clientId: 'interop', logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    const idem = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await Promise.all([admin.connect(), producer.connect(), idem.connect()]);
    try {
      assert.equal(await admin.createTopics({ topics: [{ topic: 'kjs', numPartitions: 3 }] }), true);
      assert.equal(await admin.createTopics({ topics: [{ topic: 'kjs', numPartitions: 3 }] }), false, 'already exists');
      assert.ok((await admin.listTopics()).includes('kjs'));
      const md = await admin.fetchTopicMetadata({ topics: ['kjs'] });
      assert.deepEqual(md.topics[0]!.partitions.map((p) => [p.partitionId, p.leader]).sort(), [[0, 1], [1, 1], [2, 1]]);

      const sent = await producer.send({
        topic: 'kjs', acks: -1,
        messages: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, headers: { n: String(i) }, partition: i % 3 })),
      });
      assert.deepEqual(sent.map((r) => [r.partition, r.errorCode, r.baseOffset]).sort(), [[0, 0, '0'], [1, 0, '0'], [2, 0, '0']]);
      const again = await idem.send({ topic: 'kjs', messages: [{ key: 'i', value: 'idem', partition: 1 }] });
      assert.equal(again[0]!.baseOffset, '10');
      const offsets = await admin.fetchTopicOffsets('kjs');
      assert.deepEqual(offsets.map((o) => [o.partition, o.low, o.high]).sort(), [[0, '0', '10'], [1, '0', '11'], [2, '0', '10']]);
      const byTs = await admin.fetchTopicOffsetsByTimestamp('kjs', 0);
      assert.deepEqual(byTs.map((o) => o.offset), ['0', '0', '0']);
      await admin.deleteTopics({ topics: ['kjs'] });
      assert.ok(!(await admin.listTopics()).includes('kjs'));
    } finally {
      await Promise.all([admin.disconnect(), producer.disconnect(), idem.disconnect()]);
    }
  });
});

for (const version of ['3.9', '4', '4.4'] as const) {
  test(`Java client ${version}: admin create-topic, idempotent acks=all producer (compressed), consumer from explicit offsets`, { timeout: TIMEOUT }, async (t) => {
    if (!toolOrSkip(t, `java-client-${version}`)) return;
    await withBroker(async (b) => {
      const bs = ['--bootstrap', b.bootstrap];
      const created = await runJavaClient(version, ['admin', 'create-topic', ...bs, '--topic', 'jv', '--partitions', '3']);
      assert.equal(created.code, 0, created.stderr);
      // Java producer defaults: acks=all, enable.idempotence=true.
      const produced = await runJavaClient(version, ['produce', ...bs, '--topic', 'jv', '--count', '60', '--compression', 'snappy', '--header', 'h=v', '--linger-ms', '5']);
      assert.equal(produced.code, 0, produced.stderr);
      const acks = produced.rows.filter((r) => 'offset' in r) as Array<{ partition: number; offset: number; key: string }>;
      assert.equal(acks.length, 60);
      const plain = await runJavaClient(version, ['produce', ...bs, '--topic', 'jv', '--count', '3', '--partition', '2', '--key-prefix', 'tail-', '--compression', 'gzip']);
      assert.equal(plain.code, 0, plain.stderr);
      for (let p = 0; p < 3; p++) {
        const mine = acks.filter((a) => a.partition === p).map((a) => a.offset).sort((x, y) => x - y);
        assert.deepEqual(mine, mine.map((_, i) => i), `partition ${p} offsets are contiguous from 0`);
      }
      const expectP2 = acks.filter((a) => a.partition === 2).length + 3;
      const consumed = await runJavaClient(version, ['consume', ...bs, '--topic', 'jv', '--partition', '2', '--offset', '1', '--max', String(expectP2 - 1), '--timeout-ms', '20000']);
      assert.equal(consumed.code, 0, consumed.stderr);
      const recs = consumed.rows.filter((r) => 'offset' in r) as Array<{ offset: number; key: string; value: string; headers: Record<string, string> }>;
      assert.equal(recs.length, expectP2 - 1);
      assert.deepEqual(recs.map((r) => r.offset), recs.map((_, i) => i + 1));
      assert.equal(recs.at(-1)!.key, 'tail-2');
      const byKey = new Map(acks.map((a) => [a.key, a]));
      for (const r of recs.slice(0, -3)) {
        assert.equal(byKey.get(r.key)!.offset, r.offset);
        assert.equal(r.value, r.key.replace('key-', 'value-'));
        assert.deepEqual(r.headers, { h: 'v' });
      }
    });
  });
}

// A topic many fetch windows long, read from offset 0 by two kcat consumers at once (one of them
// read_committed): each fetch after the first is cut by the 1 MiB partition max bytes, so the log
// reads ahead for it, and the two readers' alternating offsets drop each other's read-ahead
// (docs/architecture.md, "Path of a Fetch"). Every record comes back, in order, byte for byte.
test('kcat: a 40 MB topic read from 0 twice at once (read_uncommitted and read_committed), every record compared', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(async (b) => {
    const bs = ['-b', b.bootstrap];
    const N = 40_000;
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const line = (i: number): string => `${String(i).padStart(8, '0')}:${letters[i % 26]!.repeat(900 + (i % 97))}`;
    const input = Array.from({ length: N }, (_, i) => line(i)).join('\n') + '\n';
    ok(await kcat([...bs, '-P', '-t', 'big', '-X', 'acks=all', '-X', 'linger.ms=20'], { input }), 'produce');
    const read = (extra: string[]): ReturnType<typeof kcat> => kcat([...bs, '-C', '-t', 'big', '-o', 'beginning', '-e', '-f', '%o|%s\n', ...extra]);
    const [plain, committed] = await Promise.all([read([]), read(['-X', 'isolation.level=read_committed'])]);
    for (const [name, out] of [['read_uncommitted', plain], ['read_committed', committed]] as const) {
      ok(out, name);
      const lines = out.stdout.split('\n');
      assert.equal(lines.pop(), '');
      assert.equal(lines.length, N, `${name}: record count`);
      for (let i = 0; i < N; i++) {
        if (lines[i] !== `${i}|${line(i)}`) assert.fail(`${name}: record ${i} differs: ${lines[i]!.slice(0, 40)}…`);
      }
    }
  });
});
