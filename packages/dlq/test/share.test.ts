// Dead letters from a share group: a DeadLetter goes to the DLQ at once (REJECT), a retryable
// failure is RELEASEd and dead-lettered on its last allowed delivery, a success is accepted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Producer, ShareConsumer, type ConsumerRecord } from '@tideline/client';
import { DeadLetter, RetryLater, decodeEnvelope, handleShareRecord, readToEnd, type ShareOutcome } from '../src/index.js';

test('share group records: accept, DeadLetter -> DLQ, retryable -> released, then DLQ at the delivery limit', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-dlq-share-'));
  const b = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
  const cluster = { bootstrap: b.bootstrap };
  try {
    const admin = new Admin(cluster);
    await admin.createTopics([{ topic: 'jobs', numPartitions: 1 }, { topic: 'jobs.dlq', numPartitions: 1 }]);
    await admin.incrementalAlterConfigs([{ type: 'group', name: 'g', ops: [
      { op: 'set', name: 'share.auto.offset.reset', value: 'earliest' }, { op: 'set', name: 'share.delivery.count.limit', value: '2' },
    ] }]);
    await admin.close();
    const producer = new Producer(cluster);
    await producer.send({ topic: 'jobs', messages: [{ value: 'ok' }, { value: 'bad' }, { value: 'flaky' }] });
    const c = new ShareConsumer({ ...cluster, groupId: 'g', acknowledgementMode: 'explicit', maxWaitMs: 100 });
    await c.subscribe(['jobs']);
    const outcomes: Array<[string, number, ShareOutcome]> = [];
    const end = Date.now() + 20_000;
    while (outcomes.length < 4 && Date.now() < end) {
      for (const r of await c.poll()) {
        const o = await handleShareRecord(c, producer, r, (x) => {
          if (x.value?.toString() === 'bad') throw new DeadLetter('cannot parse');
          if (x.value?.toString() === 'flaky') throw new RetryLater('downstream busy');
        }, { groupId: 'g', maxDeliveries: 2 });
        outcomes.push([r.value!.toString(), r.deliveryCount, o]);
      }
    }
    await c.close();
    assert.deepEqual(outcomes.sort(), [['bad', 1, 'dead-lettered'], ['flaky', 1, 'released'], ['flaky', 2, 'dead-lettered'], ['ok', 1, 'accepted']]);
    const dlq: ConsumerRecord[] = [];
    await readToEnd(cluster, ['jobs.dlq'], (r) => {
      dlq.push(r);
    });
    const envs = dlq.map((r) => decodeEnvelope(r.headers)!);
    assert.deepEqual(envs.map((e) => [e.originalOffset, e.errorClass, e.attempt, e.group]).sort(), [[1n, 'permanent', 1, 'g'], [2n, 'poison', 2, 'g']]);
    await producer.close();
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
