// The operations routes without a browser: bad input answered 4xx, the DLQ replay of a selection
// (by replay id) through the JSON API, topic sizes from DescribeLogDirs, the pure helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, Producer } from '@tideline/client';
import { startBroker } from '@tideline/broker';
import { encodeEnvelope } from '@tideline/dlq';
import { call } from './brokers.js';
import { startConsole } from '../src/index.js';
import { isDlqTopic } from '../src/api/dlq.js';
import { eventTimeOf, internalTopics } from '../src/api/streams.js';
import { lagView } from '../src/api/ops.js';

test('dead-letter topics by name; internal topics of a streams app; event time from commit metadata', () => {
  for (const t of ['orders.dlq', 'orders-dlq', 'orders_dlq', 'orders.DLT', 'app-late', 'x-dead-letter']) assert.ok(isDlqTopic(t), t);
  for (const t of ['orders', 'orders.dlq.replayed', 'dlq', 'lately']) assert.ok(!isDlqTopic(t), t);
  assert.deepEqual(internalTopics('app', ['app-s-changelog', 'app-r-repartition', 'app-late', 'other-s-changelog', 'app']), { changelogs: ['app-s-changelog'], repartitions: ['app-r-repartition'], late: 'app-late' });
  assert.equal(eventTimeOf('{"t":1767225600000}'), 1767225600000);
  for (const m of [null, '', 'x', '{"t":"1"}', '[]', 'null']) assert.equal(eventTimeOf(m), null);
});

test('lag status from the console\'s samples: behind and committing the same offset, then caught up', () => {
  const snap = (committed: bigint, lag: bigint): Array<{ topic: string; partition: number; committed: bigint; logEnd: bigint; lag: bigint }> => [{ topic: 't', partition: 0, committed, logEnd: committed + lag, lag }];
  const stuck = lagView('g', [{ at: 1000, value: snap(5n, 10n) }, { at: 2000, value: snap(5n, 12n) }], 3000);
  assert.equal(stuck.status, 'STOP');
  assert.deepEqual(stuck.points.map((p) => p.lag), [10n, 12n]);
  const moving = lagView('g', [{ at: 1000, value: snap(5n, 10n) }, { at: 2000, value: snap(9n, 6n) }], 2500);
  assert.equal(moving.status, 'OK');
  assert.equal(lagView('g', [], 0).status, 'OK');
});

test('operations routes: replay a selection by replay id, bad input 4xx, sizes from DescribeLogDirs [tideline]', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-console-ops-'));
  const broker = await startBroker({ dataDir: dir, port: 0 });
  const admin = new Admin({ bootstrap: broker.bootstrap });
  const producer = new Producer({ bootstrap: broker.bootstrap });
  const c = await startConsole({ cluster: { bootstrap: broker.bootstrap }, port: 0 });
  try {
    await admin.createTopics(['pay', 'pay.dlq'].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })));
    const now = Date.now();
    await producer.send({
      topic: 'pay.dlq', messages: [0, 1, 2].map((i) => ({
        key: `k${i}`, value: `v${i}`,
        headers: encodeEnvelope({ originalTopic: 'pay', originalPartition: 0, originalOffset: BigInt(i), originalTimestamp: now, errorClass: 'permanent', errorName: 'E', attempt: 1, firstFailureMs: now, lastFailureMs: now }),
      })),
    });
    const list = await call<{ topics: Array<{ name: string; records: number; byClass: Record<string, number> }> }>(c, 'GET', '/api/dlq');
    assert.deepEqual(list.body.topics, [{ name: 'pay.dlq', records: 3, byClass: { permanent: 3 } }]);
    const one = await call<{ items: Array<{ replayId: string; envelope: { originalOffset: string; errorClass: string } }> }>(c, 'GET', '/api/dlq/pay.dlq?errorClass=permanent&limit=2');
    assert.deepEqual(one.body.items.map((i) => i.replayId), ['pay.dlq/0/2', 'pay.dlq/0/1']);
    assert.equal(one.body.items[0]!.envelope.originalOffset, '2');
    const dry = await call<{ moved: number; dryRun: boolean }>(c, 'POST', '/api/dlq/pay.dlq/replay', { replayIds: ['pay.dlq/0/1'] });
    assert.deepEqual([dry.status, dry.body.moved, dry.body.dryRun], [200, 1, true]);
    const run = await call<{ moved: number }>(c, 'POST', '/api/dlq/pay.dlq/replay', { replayIds: ['pay.dlq/0/1'], execute: true });
    assert.equal(run.body.moved, 1);
    const again = await call<{ moved: number; alreadyReplayed: number }>(c, 'POST', '/api/dlq/pay.dlq/replay', { replayIds: ['pay.dlq/0/1'], execute: true });
    assert.deepEqual([again.body.moved, again.body.alreadyReplayed], [0, 1]);

    for (const [method, path, body, status] of [
      ['POST', '/api/dlq/pay.dlq/replay', {}, 400],
      ['POST', '/api/dlq/pay.dlq/replay', { errorClass: ['fatal'] }, 400],
      ['POST', '/api/dlq/pay.dlq/replay', { replayIds: 'x'.repeat(2000) }, 400],
      ['POST', '/api/dlq/nope.dlq/replay', { all: true }, 404],
      ['GET', '/api/dlq/nope.dlq', undefined, 404],
      ['GET', '/api/dlq/pay.dlq?limit=0', undefined, 400],
      ['GET', '/api/dlq/bad%20name', undefined, 400],
      ['GET', '/api/streams/nope', undefined, 404],
      ['GET', '/api/groups/nope/lag', undefined, 404],
    ] as const) {
      const r = await call<{ error?: { code: string } }>(c, method, path, body);
      assert.equal(r.status, status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
    }
    const sizes = await call<{ topics: Array<{ name: string; bytes: string }> }>(c, 'GET', '/api/log-dirs');
    assert.ok(Number(sizes.body.topics.find((t) => t.name === 'pay.dlq')?.bytes) > 0, JSON.stringify(sizes.body));
    assert.deepEqual((await call<{ applications: unknown[] }>(c, 'GET', '/api/streams')).body.applications, []);
  } finally {
    await c.close();
    await producer.close();
    await admin.close();
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
