// `tide dlq inspect | replay | depth` end to end: a DeadLetterConsumer fills a DLQ (permanent and
// exhausted transient failures); inspect groups it, replay is a dry run unless --execute, moves
// only the chosen class, does not duplicate when run twice, applies a transform; depth reports by
// class and exits 2 at a threshold. kcat reads the envelope headers too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type RunningBroker } from '@tideline/broker';
import { Admin, Producer } from '@tideline/client';
import { DLQ_HEADERS, DeadLetterConsumer, RetryLater } from '@tideline/dlq';
import { kcat, toolOrSkip } from '@tideline/interop';
import { tide, tideOk } from './tide.js';

let broker: RunningBroker;
let dir: string;
let B: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tide-dlq-'));
  broker = await startBroker({ dataDir: join(dir, 'data'), port: 0, logLevel: 'silent' });
  B = broker.bootstrap;
});

after(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

interface InspectDoc {
  total: number;
  pending: number;
  byClass: Record<string, number>;
  groups: Array<{ errorClass: string; errorName: string; count: number; samples: Array<{ key: string }> }>;
}

test('tide dlq inspect, replay (dry run, --execute, twice, --transform, --to) and depth', { timeout: 180_000 }, async (t) => {
  const topic = 'orders';
  const admin = new Admin({ bootstrap: B });
  await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
  const p = new Producer({ bootstrap: B });
  await p.send({ topic, messages: ['ok1', 'bad1', 'bad2', 'slow1', 'ok2'].map((k) => ({ key: k, value: `v-${k}`, headers: { origin: 'test' } })) });
  await p.close();
  let deadLettered = 0;
  const c = new DeadLetterConsumer({
    bootstrap: B, groupId: 'orders-app', topics: [topic], retry: { delaysMs: [100] },
    consumer: { heartbeatIntervalMs: 300, maxWaitMs: 100 },
    onEvent: (e) => { if (process.env['DLQ_DEBUG'] !== undefined) console.error(e.type, 'record' in e ? `${e.record.topic}/${e.record.partition}@${e.record.offset}` : '', Date.now() % 100000); if (e.type === 'dead-letter') deadLettered++; },
    handler: (r) => {
      const k = r.key!.toString();
      if (k.startsWith('bad')) JSON.parse('{oops');
      if (k.startsWith('slow')) throw new RetryLater('upstream timeout');
    },
  });
  const run = c.run();
  const deadline = Date.now() + 60_000;
  while (deadLettered < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await c.close();
  await run;
  assert.equal(deadLettered, 3);

  const ins = JSON.parse((await tideOk(['-b', B, 'dlq', 'inspect', topic, '--format', 'json'])).stdout) as InspectDoc;
  assert.equal(ins.total, 3);
  assert.deepEqual(ins.byClass, { permanent: 2, transient: 1 });
  assert.deepEqual(ins.groups.map((g) => [g.errorClass, g.errorName, g.count]), [['permanent', 'SyntaxError', 2], ['transient', 'RetryLater', 1]]);
  const table = (await tideOk(['-b', B, 'dlq', 'inspect', 'orders.dlq'])).stdout;
  assert.match(table, /permanent\s+SyntaxError\s+2/);

  // Default: a dry run.
  const dry = await tideOk(['-b', B, 'dlq', 'replay', topic, '--error-class', 'permanent']);
  assert.match(dry.stdout, /would move 2 \(dry run/);
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const moved = JSON.parse((await tideOk(['-b', B, 'dlq', 'replay', topic, '--error-class', 'permanent', '--error-name', 'SyntaxError', '--since', since, '--until', '-0s', '--execute', '--format', 'json'])).stdout) as { moved: number; alreadyReplayed: number };
  assert.equal(moved.moved, 2);
  const again = JSON.parse((await tideOk(['-b', B, 'dlq', 'replay', topic, '--error-class', 'permanent', '--execute', '--format', 'json'])).stdout) as { moved: number; alreadyReplayed: number };
  assert.deepEqual([again.moved, again.alreadyReplayed], [0, 2]);

  // The transient one, to another topic, through a transform.
  const tf = join(dir, 'fix.mjs');
  writeFileSync(tf, 'export default (r) => ({ ...r, value: Buffer.from("fixed:" + r.value.toString()) });\n');
  const toOther = JSON.parse((await tideOk(['-b', B, 'dlq', 'replay', topic, '--error-class', 'transient', '--to', 'orders-fixed', '--transform', tf, '--execute', '--format', 'json'])).stdout) as { moved: number };
  assert.equal(toOther.moved, 1);

  const lengths = async (tp: string): Promise<number> => {
    const d = await admin.describeTopics([tp]);
    const ends = await admin.listOffsets(d[0]!.partitions.map((x) => ({ topic: tp, partition: x.partition, spec: 'latest' as const })), { isolationLevel: 'read_committed' });
    return ends.reduce((n, e) => n + Number(e.offset), 0);
  };
  // 5 originals + 2 replayed (plus transaction markers, hence read the records instead of offsets).
  const consumed = JSON.parse(`[${(await tideOk(['-b', B, 'consume', topic, '--offset', 'start', '--read-committed', '--format', 'json', '-q'])).stdout.trim().split('\n').join(',')}]`) as Array<{ key: string; value: string; headers: Array<{ key: string; value: string }> }>;
  const replayed = consumed.filter((r) => r.headers.some((h) => h.key === DLQ_HEADERS.replayed));
  assert.deepEqual(replayed.map((r) => r.key).sort(), ['bad1', 'bad2']);
  assert.ok(replayed.every((r) => r.headers.some((h) => h.key === 'origin' && h.value === 'test')));
  assert.ok(await lengths('orders-fixed') >= 1);

  const depth = JSON.parse((await tideOk(['-b', B, 'dlq', 'depth', topic, '--format', 'json'])).stdout) as Array<{ records: number; pending: number; replayed: number; byClass: Record<string, number> }>;
  assert.deepEqual(depth.map((d) => [d.records, d.pending, d.replayed]), [[3, 0, 3]]);
  const alarm = await tide(['-b', B, 'dlq', 'depth', topic, '--threshold', '1']);
  assert.equal(alarm.code, 0, 'nothing pending');
  const bad = await tide(['-b', B, 'dlq', 'replay', topic, '--error-class', 'bogus']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /not one of transient, permanent, poison, late/);

  // A third-party reader sees the envelope.
  if (toolOrSkip(t, 'kcat')) {
    const r = await kcat(['-b', B, '-C', '-t', 'orders.dlq', '-o', 'beginning', '-e', '-q', '-J']);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { key: string; headers?: string[] });
    assert.equal(rows.length, 3);
    const h = rows.find((x) => x.key === 'bad1')!.headers!;
    const get = (k: string): string | undefined => h[h.indexOf(k) + 1];
    assert.equal(get(DLQ_HEADERS.originalTopic), 'orders');
    assert.equal(get(DLQ_HEADERS.errorClass), 'permanent');
    assert.equal(get(DLQ_HEADERS.errorName), 'SyntaxError');
    assert.equal(get(DLQ_HEADERS.group), 'orders-app');
    assert.match(get(DLQ_HEADERS.errorStack) ?? '', /SyntaxError/);
    assert.equal(get('origin'), 'test');
  }
  await admin.close();
});
