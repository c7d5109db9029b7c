// Inspection and selective replay: only the chosen error class (and name, and time range) moves,
// with the original key, value and headers; a second replay moves nothing; a dry run moves nothing.
import assert from 'node:assert/strict';
import { Admin, Producer } from '@tideline/client';
import { DLQ_HEADERS, dlqDepthByClass, encodeEnvelope, inspectDlq, readToEnd, replayDlq, type ErrorClass } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka, waitFor } from './brokers.js';

useApacheKafka();

const BASE_TS = Date.now() - 60_000;

async function seedDlq(bootstrap: string, src: string, dlq: string): Promise<void> {
  const admin = new Admin({ bootstrap });
  await admin.createTopics([{ topic: src, numPartitions: 2, replicationFactor: 1 }, { topic: dlq, numPartitions: 2, replicationFactor: 1 }]);
  await admin.close();
  const p = new Producer({ bootstrap });
  const rows: Array<[string, ErrorClass, string, number]> = [
    ['t1', 'transient', 'TimeoutError', 1000], ['t2', 'transient', 'TimeoutError', 2000], ['t3', 'transient', 'FetchError', 3000],
    ['p1', 'permanent', 'SyntaxError', 4000], ['p2', 'permanent', 'SyntaxError', 5000], ['x1', 'poison', 'PoisonPill', 6000],
  ];
  await p.send({
    topic: dlq,
    messages: rows.map(([key, cls, name, t], i) => ({
      key, value: `value-${key}`, partition: i % 2, timestamp: BASE_TS + i,
      headers: [{ key: 'trace', value: `tr-${key}` }, ...encodeEnvelope({
        originalTopic: src, originalPartition: i % 2, originalOffset: BigInt(i), originalTimestamp: BASE_TS + i,
        group: 'g', errorClass: cls, errorName: name, errorMessage: `${name} on ${key}`, attempt: 1, firstFailureMs: t, lastFailureMs: t,
      })],
    })),
  });
  await p.close();
}

bothBrokers('selective replay moves only the chosen error class; twice does not duplicate', { timeout: 120_000 }, async (b) => {
  const src = uniqueTopic('src');
  const dlq = `${src}.dlq`;
  const cluster = { bootstrap: b.bootstrap };
  await seedDlq(b.bootstrap, src, dlq);

  const ins = await inspectDlq(cluster, dlq);
  assert.equal(ins.total, 6);
  assert.deepEqual(ins.byClass, { transient: 3, permanent: 2, poison: 1 });
  assert.deepEqual(ins.groups.map((g) => [g.errorClass, g.errorName, g.count]), [
    ['permanent', 'SyntaxError', 2], ['transient', 'TimeoutError', 2], ['poison', 'PoisonPill', 1], ['transient', 'FetchError', 1],
  ]);

  const dry = await replayDlq(cluster, dlq, { filter: { errorClass: ['transient'], errorName: ['TimeoutError'] } });
  assert.equal(dry.dryRun, true);
  assert.equal(dry.moved, 2);
  const srcRecords = async (): Promise<Array<{ key: string; headers: Record<string, string>; value: string; ts: bigint }>> => {
    const out: Array<{ key: string; headers: Record<string, string>; value: string; ts: bigint }> = [];
    await readToEnd(cluster, [src], (r) => void out.push({
      key: r.key!.toString(), value: r.value!.toString(), ts: r.timestamp,
      headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value?.toString() ?? ''])),
    }), { isolationLevel: 'read_committed' });
    return out;
  };
  assert.equal((await srcRecords()).length, 0, 'a dry run moves nothing');

  // Transient TimeoutErrors that failed from t=1500 on: only t2.
  const r1 = await replayDlq(cluster, dlq, { filter: { errorClass: ['transient'], errorName: ['TimeoutError'], since: 1500 }, dryRun: false, runId: 'run-1' });
  assert.equal(r1.moved, 1);
  let moved = await srcRecords();
  await waitFor('the replayed record is visible to read_committed', async () => (moved = await srcRecords()).length >= 1);
  assert.deepEqual(moved.map((m) => m.key), ['t2']);
  assert.equal(moved[0]!.value, 'value-t2');
  assert.equal(moved[0]!.ts, BigInt(BASE_TS + 1));
  assert.equal(moved[0]!.headers['trace'], 'tr-t2');
  assert.equal(moved[0]!.headers[DLQ_HEADERS.replayRun], 'run-1');
  assert.match(moved[0]!.headers[DLQ_HEADERS.replayed]!, new RegExp(`^${dlq}/1/\\d+$`));
  assert.equal(moved[0]!.headers[DLQ_HEADERS.errorClass], undefined, 'the envelope is not republished');

  // All transient: t1 and t3 move, t2 is skipped as already replayed.
  const r2 = await replayDlq(cluster, dlq, { filter: { errorClass: ['transient'] }, dryRun: false });
  assert.equal(r2.matched, 3);
  assert.equal(r2.alreadyReplayed, 1);
  assert.equal(r2.moved, 2);
  const r3 = await replayDlq(cluster, dlq, { filter: { errorClass: ['transient'] }, dryRun: false });
  assert.equal(r3.moved, 0);
  assert.equal(r3.alreadyReplayed, 3);
  await waitFor('3 replayed records', async () => (moved = await srcRecords()).length >= 3);
  assert.deepEqual(moved.map((m) => m.key).sort(), ['t1', 't2', 't3']);

  // To another topic, with a transform that drops one record.
  const other = uniqueTopic('other');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic: other, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const r4 = await replayDlq(cluster, dlq, {
    filter: { errorClass: ['permanent'] }, to: other, dryRun: false,
    transform: (r) => (r.key?.toString() === 'p1' ? null : { ...r, value: Buffer.from(`fixed-${r.value!.toString()}`) }),
  });
  assert.equal(r4.dropped, 1);
  assert.equal(r4.moved, 1);
  let o: string[] = [];
  await waitFor('the record sent elsewhere', async () => {
    o = [];
    await readToEnd(cluster, [other], (r) => void o.push(`${r.key!.toString()}=${r.value!.toString()}`), { isolationLevel: 'read_committed' });
    return o.length >= 1;
  });
  assert.deepEqual(o, ['p2=fixed-value-p2']);

  const depth = await dlqDepthByClass(cluster, dlq);
  assert.deepEqual(depth, { topic: dlq, records: 6, byClass: { transient: 3, permanent: 2, poison: 1 }, replayed: 4, pending: 2 });
});
