// Rebalance listeners run one at a time: close() does not revoke a partition whose onAssigned is
// still running, so the listener can seek, pause and resume what it was given (the Java client's
// contract: callbacks run on the polling thread, never concurrently). Classic and KIP-848 groups,
// Tideline and Apache Kafka.
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { Admin, Consumer, type TopicPartition } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

for (const groupProtocol of ['classic', 'consumer'] as const) {
  bothBrokers(`close() during a slow onAssigned revokes after it (the listener still seeks its partitions; ${groupProtocol} group)`, { timeout: 120_000 }, async (b) => {
    const topic = uniqueTopic('slow-assign');
    const admin = new Admin({ bootstrap: b.bootstrap });
    await admin.createTopics([{ topic, numPartitions: 3, replicationFactor: 1 }], { waitForLeaders: true });
    await admin.close();
    const events: string[] = [];
    let entered!: () => void;
    const inListener = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let revokedOnce!: () => void;
    const revoked = new Promise<void>((r) => (revokedOnce = r));
    let listenerError: unknown = null;
    const c = new Consumer({ bootstrap: b.bootstrap, groupId: uniqueTopic('slow-assign-group'), groupProtocol, autoCommit: false, heartbeatIntervalMs: 300, sessionTimeoutMs: 10_000, maxWaitMs: 100 });
    const gone = (event: string) => (tps: TopicPartition[]) => {
      if (tps.length === 0) return;
      events.push(event);
      revokedOnce();
    };
    c.subscribe([topic], {
      onAssigned: async (tps) => {
        if (tps.length === 0) return;
        events.push('assigned');
        entered();
        await gate;
        try {
          for (const tp of tps) {
            c.seek({ ...tp, offset: 0n });
            c.pause([tp]);
            c.resume([tp]);
          }
        } catch (e) {
          listenerError = e;
        }
        events.push('assigned done');
      },
      onRevoked: gone('revoked'),
      onLost: gone('lost'),
    });
    const consuming = (async () => {
      for await (const _ of c) {
        // nothing was produced
      }
    })();
    await inListener;
    const closing = c.close();
    // Without the ordering, close() revokes at once; with it, this wait times out. Only the outcome is asserted.
    await Promise.race([revoked, delay(1000)]);
    release();
    await closing;
    await consuming;
    assert.equal(listenerError, null);
    assert.deepEqual(events, ['assigned', 'assigned done', 'revoked']);
  });
}
