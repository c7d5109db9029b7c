import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiKey, ErrorCode, decodeBatches } from '@tideline/protocol';
import { batch, withBroker, WireClient } from './wire-client.js';

const produceIdem = (c: WireClient, topic: string, pid: bigint, seq: number, values: string[]) =>
  c.send(ApiKey.Produce, 9, {
    acks: -1, timeoutMs: 5000,
    topicData: [{ name: topic, partitionData: [{ index: 0, records: batch(values, { producerId: pid, producerEpoch: 0, baseSequence: seq }) }] }],
  }).then((r) => r.responses[0]!.partitionResponses[0]!);

async function readAll(c: WireClient, topic: string): Promise<string[]> {
  const r = await c.send(ApiKey.Fetch, 12, {
    maxWaitMs: 0, minBytes: 0, maxBytes: 64 << 20, sessionEpoch: -1,
    topics: [{ topic, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 64 << 20 }] }],
  });
  const p = r.responses[0]!.partitions[0]!;
  assert.equal(p.errorCode, ErrorCode.NONE);
  return decodeBatches(p.records ?? Buffer.alloc(0)).flatMap((b) => b.records.map((x) => `${x.offset}:${x.value!.toString()}`));
}

/** A broker in a child process on `dir` (fixtures/broker-child), to be killed with SIGKILL. */
function spawnChildBroker(dir: string): ChildProcess {
  const script = fileURLToPath(new URL('./fixtures/broker-child.js', import.meta.url));
  return spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** The port the child broker prints once it listens. */
function portOf(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('child broker did not start')), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

async function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

const initPid = async (c: WireClient): Promise<bigint> =>
  (await c.send(ApiKey.InitProducerId, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 })).producerId;

test('clean restart: topics, ids, configs, records at the same offsets, producer state and ids survive', async () => {
  await withBroker(async (t) => {
    const c0 = t.client;
    await c0.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'keep', numPartitions: 2, replicationFactor: 1, configs: [{ name: 'retention.ms', value: '123456789' }] }] });
    const topicId = t.broker.broker.topics.get('keep')!.topicId;
    const clusterId = t.broker.broker.config.clusterId;
    const pid = await initPid(c0);
    const acked: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await produceIdem(c0, 'keep', pid, i * 2, [`v${i}a`, `v${i}b`]);
      assert.equal(r.errorCode, ErrorCode.NONE);
      acked.push(`${r.baseOffset}:v${i}a`, `${r.baseOffset + 1n}:v${i}b`);
    }
    await t.restart();
    const c = t.client;
    const info = t.broker.broker.topics.get('keep')!;
    assert.deepEqual([info.topicId, info.partitions, info.configs['retention.ms']], [topicId, 2, '123456789']);
    assert.equal(t.broker.broker.config.clusterId, clusterId);
    assert.deepEqual(await readAll(c, 'keep'), acked);
    // The producer's last batch, retried across the restart, is still recognised as a duplicate.
    const dup = await produceIdem(c, 'keep', pid, 38, ['v19a', 'v19b']);
    assert.deepEqual([dup.errorCode, dup.baseOffset], [ErrorCode.NONE, 38n]);
    assert.equal((await produceIdem(c, 'keep', pid, 41, ['gap'])).errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    assert.ok((await initPid(c)) > pid, 'producer ids are not reused');
  });
});

test('kill -9 of a child-process broker: every acks=all record is readable at its offset after restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-crash-'));
  const child = spawnChildBroker(dir);
  try {
    const port = await portOf(child);
    const c = await WireClient.connect(port);
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'crash', numPartitions: 1, replicationFactor: 1 }] });
    const pid = await initPid(c);
    const acked: string[] = [];
    // Concurrent in-flight produces (like a client pipelining), all acks=all.
    for (let round = 0; round < 10; round++) {
      const rs = await Promise.all([0, 1, 2, 3, 4].map((k) => {
        const i = round * 5 + k;
        return produceIdem(c, 'crash', pid, i, [`r${i}`]).then((r) => ({ r, i }));
      }));
      for (const { r, i } of rs) {
        assert.equal(r.errorCode, ErrorCode.NONE);
        acked.push(`${r.baseOffset}:r${i}`);
      }
    }
    // Unacknowledged writes in flight while the process dies.
    for (let i = 50; i < 60; i++) void produceIdem(c, 'crash', pid, i, [`r${i}`]).catch(() => {});
    await kill9(child);
    c.close();
    await withBroker(async (t) => {
      const all = await readAll(t.client, 'crash');
      assert.deepEqual(all.slice(0, acked.length), acked.sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0])));
      // Producer state was rebuilt from the log (no snapshot after a crash): a retry of the last
      // acked batch is a duplicate; the next sequence continues after what the log holds.
      const lastSeq = all.length - 1;
      const retry = await produceIdem(t.client, 'crash', pid, lastSeq, [`r${lastSeq}`]);
      assert.deepEqual([retry.errorCode, retry.baseOffset], [ErrorCode.NONE, BigInt(lastSeq)]);
      assert.equal((await produceIdem(t.client, 'crash', pid, all.length, ['next'])).baseOffset, BigInt(all.length));
      assert.ok((await initPid(t.client)) > pid);
    }, { dataDir: dir });
  } finally {
    await kill9(child);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kill -9 while the producer-id block is reserved ahead: no producer id is handed out twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-pid-crash-'));
  const seen = new Set<bigint>();
  let child: ChildProcess | undefined;
  try {
    // Killed at once (the block reserved at start may be half written), then after handing out
    // ids (the first from the block reserved ahead, the others from the same block).
    for (const asks of [0, 3, 0, 2, 5]) {
      child = spawnChildBroker(dir);
      const port = await portOf(child);
      const c = await WireClient.connect(port);
      const ids = await Promise.all(Array.from({ length: asks }, () => initPid(c)));
      await kill9(child);
      c.close();
      for (const id of ids) {
        assert.ok(!seen.has(id), `producer id ${id} handed out twice`);
        seen.add(id);
      }
    }
    assert.equal(seen.size, 10);
    await withBroker(async (t) => {
      const next = await initPid(t.client);
      assert.ok([...seen].every((id) => id < next), 'a restart continues after every id handed out');
    }, { dataDir: dir });
  } finally {
    if (child !== undefined) await kill9(child);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a torn cluster id (a crash during the first start) is replaced by a fresh one that then stays', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-cluster-id-'));
  try {
    mkdirSync(join(dir, 'broker-state'));
    writeFileSync(join(dir, 'broker-state', 'cluster-id'), 'hok0Yg');
    await withBroker(async (t) => {
      const id = t.broker.broker.config.clusterId;
      assert.match(id, /^[A-Za-z0-9_-]{22}$/);
      await t.restart();
      assert.equal(t.broker.broker.config.clusterId, id);
    }, { dataDir: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
