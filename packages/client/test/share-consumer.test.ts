// ShareConsumer against Tideline: two members share a partition (implicit acknowledgement: every
// record once), explicit REJECT/RELEASE/RENEW, and share-partition state that survives a kill -9
// of the broker (acknowledged records stay done; held records come back with their count kept).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startBroker } from '@tideline/broker';
import { Admin, Producer, ShareConsumer, type ShareRecord } from '../src/index.js';

const brokerChild = createRequire(import.meta.url).resolve('@tideline/broker').replace(/src[\\/]index\.js$/, join('test', 'fixtures', 'broker-child.js'));

async function setup(bootstrap: string, topic: string, group: string, n: number): Promise<void> {
  const admin = new Admin({ bootstrap });
  await admin.createTopics([{ topic, numPartitions: 1 }]);
  await admin.incrementalAlterConfigs([{ type: 'group', name: group, ops: [{ op: 'set', name: 'share.auto.offset.reset', value: 'earliest' }] }]);
  await admin.close();
  const p = new Producer({ bootstrap });
  await p.send({ topic, messages: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
  await p.close();
}

async function pollUntil(c: ShareConsumer, done: (all: ShareRecord[]) => boolean, onRecord: (r: ShareRecord) => void = () => {}, timeoutMs = 20_000): Promise<ShareRecord[]> {
  const all: ShareRecord[] = [];
  const end = Date.now() + timeoutMs;
  while (!done(all)) {
    if (Date.now() > end) throw new Error(`timed out with ${all.length} records`);
    for (const r of await c.poll()) {
      all.push(r);
      onRecord(r);
    }
  }
  return all;
}

test('two implicit-mode members share one partition: every record once', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-share-client-'));
  const b = await startBroker({ dataDir: dir, port: 0, share: { heartbeatIntervalMs: 500 } });
  try {
    await setup(b.bootstrap, 'q', 'workers', 300);
    const members = [0, 1].map(() => new ShareConsumer({ bootstrap: b.bootstrap, groupId: 'workers', maxRecords: 20, maxWaitMs: 100 }));
    for (const m of members) await m.subscribe(['q']);
    const seen: bigint[] = [];
    const per = [0, 0];
    await Promise.all(members.map(async (m, i) => {
      await pollUntil(m, () => seen.length >= 300, (r) => {
        seen.push(r.offset);
        per[i]!++;
        assert.equal(r.deliveryCount, 1);
      });
    }));
    for (const m of members) await m.close();
    assert.deepEqual([...seen].sort((a, c) => (a < c ? -1 : 1)), Array.from({ length: 300 }, (_, i) => BigInt(i)));
    assert.ok(per[0]! > 0 && per[1]! > 0, `both members got records (${per.join(', ')})`);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('members split a topic\'s partitions (Kafka 4.4\'s simple assignor): two members of four partitions get two each', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-share-client-'));
  const b = await startBroker({ dataDir: dir, port: 0, share: { heartbeatIntervalMs: 300 } });
  try {
    const admin = new Admin({ bootstrap: b.bootstrap });
    await admin.createTopics([{ topic: 'q4', numPartitions: 4 }]);
    await admin.incrementalAlterConfigs([{ type: 'group', name: 'split', ops: [{ op: 'set', name: 'share.auto.offset.reset', value: 'earliest' }] }]);
    const p = new Producer({ bootstrap: b.bootstrap });
    await p.send({ topic: 'q4', messages: Array.from({ length: 200 }, (_, i) => ({ partition: i % 4, key: `k${i}`, value: `v${i}` })) });
    await p.close();
    const members = [0, 1].map(() => new ShareConsumer({ bootstrap: b.bootstrap, groupId: 'split', maxRecords: 10, maxWaitMs: 100 }));
    for (const m of members) await m.subscribe(['q4']);
    const seen: string[] = [];
    await Promise.all(members.map((m) => pollUntil(m, () => seen.length >= 200, (r) => seen.push(`${r.partition}:${r.offset}`))));
    assert.equal(new Set(seen).size, 200, 'every record once');
    // Both members heartbeat at least once more after the second joined: the assignment is balanced.
    let parts: number[][] = [];
    for (let i = 0; i < 50; i++) {
      const [g] = await admin.describeShareGroups(['split']);
      parts = g!.members.map((m) => m.assignment.map((a) => a.partition).sort());
      if (parts.length === 2 && parts.every((x) => x.length === 2)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(parts.flat().sort(), [0, 1, 2, 3], `partitions split over the members: ${JSON.stringify(parts)}`);
    assert.ok(parts.every((x) => x.length === 2));
    for (const m of members) await m.close();
    await admin.close();
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('explicit mode: REJECT archives, RELEASE redelivers with count 2, RENEW keeps the lock', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-share-client-'));
  const b = await startBroker({ dataDir: dir, port: 0, share: { heartbeatIntervalMs: 500 } });
  try {
    await setup(b.bootstrap, 'q', 'g', 10);
    const c = new ShareConsumer({ bootstrap: b.bootstrap, groupId: 'g', acknowledgementMode: 'explicit', maxWaitMs: 100 });
    await c.subscribe(['q']);
    const deliveries: Array<[bigint, number]> = [];
    let renewed = false;
    await pollUntil(c, () => deliveries.filter(([o]) => o === 1n).length >= 2 && deliveries.length >= 11, (r) => {
      deliveries.push([r.offset, r.deliveryCount]);
      if (r.offset === 0n) c.acknowledge(r, 'reject');
      else if (r.offset === 1n && r.deliveryCount === 1) c.acknowledge(r, 'release');
      else c.acknowledge(r, 'accept');
    });
    // A record held across a renew is still ours to accept.
    const p = new Producer({ bootstrap: b.bootstrap });
    await p.send({ topic: 'q', messages: [{ value: 'late' }] });
    await p.close();
    const late = await pollUntil(c, (all) => all.length > 0, (r) => deliveries.push([r.offset, r.deliveryCount]));
    await c.renew(late[0]!);
    renewed = true;
    c.acknowledge(late[0]!, 'accept');
    assert.deepEqual(await c.commit(), new Map());
    await c.close();
    assert.ok(renewed);
    assert.deepEqual(deliveries.filter(([o]) => o === 0n), [[0n, 1]], 'rejected: delivered once');
    assert.deepEqual(deliveries.filter(([o]) => o === 1n), [[1n, 1], [1n, 2]], 'released: delivered again');
    assert.equal(deliveries.length, 12);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function startChild(dir: string): Promise<{ pid: number; bootstrap: string }> {
  const child = spawn(process.execPath, [brokerChild, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('child broker did not start')), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m !== null) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
  });
  return { pid: child.pid!, bootstrap: `127.0.0.1:${port}` };
}

test('share-partition state survives kill -9 of the broker', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-share-crash-'));
  let pid = 0;
  try {
    const first = await startChild(dir);
    pid = first.pid;
    await setup(first.bootstrap, 'q', 'g', 20);
    const c = new ShareConsumer({ bootstrap: first.bootstrap, groupId: 'g', acknowledgementMode: 'explicit', maxRecords: 20, maxWaitMs: 100 });
    await c.subscribe(['q']);
    const got = await pollUntil(c, (all) => all.length >= 20);
    for (const r of got) if (r.offset < 10n) c.acknowledge(r, 'accept');
    assert.deepEqual(await c.commit(), new Map());
    // Offsets 10-19 are held (acquired, not acknowledged) when the broker dies.
    process.kill(pid, 'SIGKILL');
    pid = 0;
    await c.close().catch(() => undefined);

    const second = await startChild(dir);
    pid = second.pid;
    const d = new ShareConsumer({ bootstrap: second.bootstrap, groupId: 'g', maxWaitMs: 100 });
    await d.subscribe(['q']);
    const again = await pollUntil(d, (all) => all.length >= 10);
    await new Promise((r) => setTimeout(r, 300));
    again.push(...(await d.poll()));
    await d.close();
    assert.deepEqual(again.map((r) => [r.offset, r.deliveryCount]), Array.from({ length: 10 }, (_, i) => [BigInt(10 + i), 2]));
    const admin = new Admin({ bootstrap: second.bootstrap });
    const [cfg] = await admin.describeConfigs([{ type: 'group', name: 'g', keys: ['share.auto.offset.reset'] }]);
    await admin.close();
    assert.deepEqual(cfg!.configs.map((x) => [x.name, x.value, x.source]), [['share.auto.offset.reset', 'earliest', 'group']]);
  } finally {
    if (pid !== 0) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
