// Regression: on Apache Kafka, readStream right after a successful appendToStream sometimes
// missed that append. The owner answers after commitTransaction() returns, but Apache Kafka
// writes the transaction markers afterwards, so the changelog's last stable offset (what the
// caller's index replica used to catch up to) could still be before the answered transaction.
// Every answer now carries the changelog offset past its transaction and the caller's index waits
// for it. Each append here is read back at once, through every read method, on the routed and the
// direct path; `lsoBehindAnswers` counts the reads where the last stable offset was behind an
// answer (the race the fix covers; it shows on Apache Kafka, it is a diagnostic, not asserted).
import assert from 'node:assert/strict';
import { EventStoreOwner, ExpectedVersionConflict, KafkaEventStore } from '../src/index.js';
import { bothBrokers, makeStore, useApacheKafka } from './brokers.js';

useApacheKafka();

const ROUNDS = 40;

bothBrokers('read-your-writes: every read right after an append sees it (routed and direct path)', { timeout: 180_000 }, async (b, t) => {
  const name = await makeStore(b.bootstrap, 'es-ryw', 2);
  const owner = new EventStoreOwner({ bootstrap: b.bootstrap, name, sessionTimeoutMs: 6000, heartbeatIntervalMs: 500 });
  owner.start();
  const routed = new KafkaEventStore({ bootstrap: b.bootstrap, name });
  const direct = new KafkaEventStore({ bootstrap: b.bootstrap, name, owner });
  try {
    // The direct path needs the owner to serve both partitions first.
    const deadline = Date.now() + 60_000;
    while (owner.owned().length < 2) {
      assert.ok(Date.now() < deadline, 'the owner was not assigned the partitions');
      await new Promise((r) => setTimeout(r, 50));
    }
    for (const [label, store] of [['routed', routed], ['direct', direct]] as const) {
      for (let i = 1; i <= ROUNDS; i++) {
        const stream = `${label}-${i % 4}`;
        const expected = BigInt(Math.floor((i - 1) / 4));
        const r = await store.appendToStream(stream, [{ type: 'Deposited', data: { i } }], { expectedVersion: expected === 0n ? 'no_stream' : expected });
        assert.equal(r.nextExpectedStreamVersion, expected + 1n);
        const read = await store.readStream(stream);
        assert.equal(read.currentStreamVersion, expected + 1n, `${label} round ${i}: readStream right after the append`);
        assert.deepEqual(read.events[read.events.length - 1]!.data, { i });
        if (i % 4 === 1) assert.equal(await store.streamExists(`${label}-new-${i}`), false);
        if (i % 4 === 2) {
          const agg = await store.aggregateStream(stream, { initialState: () => 0, evolve: (n: number) => n + 1 });
          assert.equal(agg.currentStreamVersion, expected + 1n, `${label} round ${i}: aggregateStream`);
        }
        if (i % 4 === 3) {
          const fresh = `${label}-fresh-${i}`;
          await store.appendToStream(fresh, [{ type: 'Opened', data: {} }], { expectedVersion: 'no_stream' });
          assert.equal(await store.streamExists(fresh), true, `${label} round ${i}: streamExists right after the first append`);
          // A conflict answer too: the version it reports is what the next read shows.
          await assert.rejects(store.appendToStream(fresh, [{ type: 'Opened', data: {} }], { expectedVersion: 'no_stream' }), (e: unknown) => e instanceof ExpectedVersionConflict && e.actualVersion === 1n);
          assert.equal((await store.readStream(fresh)).currentStreamVersion, 1n);
        }
      }
    }
    t.diagnostic(`${b.kind}: reads where the changelog's last stable offset was behind an answered append: routed ${routed.lsoBehindAnswers}, direct ${direct.lsoBehindAnswers}`);
  } finally {
    await direct.close();
    await routed.close();
    await owner.close();
  }
});
