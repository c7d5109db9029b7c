// Acceptance: keyed records land where the Java client puts them. The Java 4.x producer sends
// keyed records to a 6-partition topic on Tideline; each partition is read back with kcat; every
// key must sit in the partition the Java default partitioner computes (KafkaCli `partition`),
// which must also equal @tideline/protocol's partitionForKey.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partitionForKey } from '@tideline/protocol';
import { kcat, runJavaClient, toolOrSkip } from '@tideline/interop';
import { startBroker } from '../src/index.js';

const PARTITIONS = 6;
const COUNT = 300;

test('Java 4.x producer: 300 keyed records land in the Java partitioner\'s partition (= partitionForKey)', { timeout: 120_000 }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4', 'kcat')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-keys-'));
  const b = await startBroker({ dataDir: dir, port: 0 });
  try {
    const bs = ['--bootstrap', b.bootstrap];
    const created = await runJavaClient('4', ['admin', 'create-topic', ...bs, '--topic', 'keyed', '--partitions', String(PARTITIONS)]);
    assert.equal(created.code, 0, created.stderr);
    const keys = Array.from({ length: COUNT }, (_, i) => `user-${i}`);
    const [produced, expected] = await Promise.all([
      runJavaClient('4', ['produce', ...bs, '--topic', 'keyed', '--count', String(COUNT), '--key-prefix', 'user-', '--linger-ms', '5']),
      runJavaClient('4', ['partition', String(PARTITIONS), ...keys]),
    ]);
    assert.equal(produced.code, 0, produced.stderr);
    const javaPartition = new Map(expected.rows.map((r) => [String(r['key']), Number(r['partition'])]));
    assert.equal(javaPartition.size, COUNT);
    for (const k of keys) {
      assert.equal(partitionForKey(Buffer.from(k), PARTITIONS), javaPartition.get(k), `partitionForKey(${k})`);
    }
    const acks = produced.rows.filter((r) => 'offset' in r);
    assert.equal(acks.length, COUNT);
    for (const a of acks) assert.equal(a['partition'], javaPartition.get(String(a['key'])), `ack of ${String(a['key'])}`);

    // What the broker stored, partition by partition, read by another client.
    const where = new Map<string, number>();
    const perPartition: number[] = [];
    for (let p = 0; p < PARTITIONS; p++) {
      const out = await kcat(['-b', b.bootstrap, '-C', '-t', 'keyed', '-p', String(p), '-o', 'beginning', '-e', '-q', '-f', '%o %k %s\n']);
      const lines = out.stdout.split('\n').filter((l) => l !== '');
      perPartition.push(lines.length);
      lines.forEach((line, i) => {
        const [offset, key, value] = line.split(' ');
        assert.equal(Number(offset), i, `partition ${p} offsets are contiguous`);
        assert.equal(value, key!.replace('user-', 'value-'));
        assert.ok(!where.has(key!), `${key} stored once`);
        where.set(key!, p);
      });
    }
    assert.equal(where.size, COUNT, 'every key was read back');
    for (const k of keys) assert.equal(where.get(k), javaPartition.get(k), `${k} is in the Java partitioner's partition`);
    assert.ok(perPartition.every((n) => n > 0), `every partition got keys: ${perPartition.join(',')}`);
    t.diagnostic(`records per partition: ${perPartition.join(', ')}`);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
