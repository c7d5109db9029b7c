// The Tideline-native conditional append (`KafkaEventStore({ conditionalAppend: true })`): the
// broker checks each append's expected version inside Produce; no owner runs. The same race as the
// owner's tests (50 writers on 100 streams: one event per version, no gaps, every loser got
// ExpectedVersionConflict, nothing of a loser written), verified by a second store instance whose
// index is read from the event topic; the expected-version forms, a retried append deduplicated
// by its event ids, and read-your-writes. Tideline only (Apache Kafka has no conditional append).
import assert from 'node:assert/strict';
import { Admin } from '@tideline/client';
import { createStoreTopics, ExpectedVersionConflict, KafkaEventStore } from '../src/index.js';
import { bothBrokers, race, uniqueTopic, verifyRace } from './brokers.js';

bothBrokers('native conditional append: the 50-writer race, expected-version forms, event-id and command-id dedup, read-your-writes', { timeout: 180_000, only: 'tideline' }, async (b, t) => {
  const name = uniqueTopic('es-native');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await createStoreTopics(admin, name, { partitions: 4, conditionalAppend: true });
  await admin.close();
  const store = new KafkaEventStore({ bootstrap: b.bootstrap, name, conditionalAppend: true, appendProducers: 8 });
  const other = new KafkaEventStore({ bootstrap: b.bootstrap, name, conditionalAppend: true });
  try {
    // Expected-version forms.
    const r1 = await store.appendToStream('acct-1', [{ type: 'Opened', data: {} }, { type: 'Deposited', data: { amount: 5 } }], { expectedVersion: 'no_stream', eventIds: ['e1', 'e2'] } as never);
    assert.equal(r1.nextExpectedStreamVersion, 2n);
    assert.equal(r1.createdNewStream, true);
    // The same append again (a retry after a lost answer): a no-op answered as the first time.
    const again = await store.appendToStream('acct-1', [{ type: 'Opened', data: {} }, { type: 'Deposited', data: { amount: 5 } }], { expectedVersion: 'no_stream', eventIds: ['e1', 'e2'] } as never);
    assert.deepEqual([again.nextExpectedStreamVersion, again.deduplicated], [2n, true]);
    await assert.rejects(store.appendToStream('acct-1', [{ type: 'Deposited', data: { amount: 1 } }], { expectedVersion: 1n }), (e: unknown) => e instanceof ExpectedVersionConflict && e.actualVersion === 2n);
    await assert.rejects(store.appendToStream('acct-none', [{ type: 'Deposited', data: { amount: 1 } }], { expectedVersion: 'stream_exists' }), (e: unknown) => e instanceof ExpectedVersionConflict && e.actualVersion === 0n);
    assert.equal((await store.appendToStream('acct-1', [{ type: 'Deposited', data: { amount: 2 } }], { expectedVersion: 'stream_exists' })).nextExpectedStreamVersion, 3n);
    // `any` from another instance, which learns the version from the topic.
    assert.equal((await other.appendToStream('acct-1', [{ type: 'Deposited', data: { amount: 3 } }], { expectedVersion: 'any' })).nextExpectedStreamVersion, 4n);
    // A command id: the same command again (even with a fresh expected version) is not applied twice.
    const c1 = await store.appendToStream('acct-2', [{ type: 'Deposited', data: { amount: 9 } }], { expectedVersion: 'no_stream', commandId: 'cmd-1' } as never);
    const c2 = await other.appendToStream('acct-2', [{ type: 'Deposited', data: { amount: 9 } }], { expectedVersion: 1n, commandId: 'cmd-1' } as never);
    assert.deepEqual([c1.nextExpectedStreamVersion, c2.nextExpectedStreamVersion, c2.deduplicated], [1n, 1n, true]);
    assert.equal((await store.readStream('acct-2')).events.length, 1);
    // Read-your-writes, and nothing of the refused appends written.
    const read = await store.readStream('acct-1');
    assert.deepEqual(read.events.map((e) => [Number(e.metadata.streamPosition), e.type, e.metadata.messageId]).slice(0, 2), [[1, 'Opened', 'e1'], [2, 'Deposited', 'e2']]);
    assert.deepEqual(read.events.map((e) => (e.data as { amount?: number }).amount ?? 0), [0, 5, 2, 3]);
    assert.equal(await store.streamExists('acct-none'), false);
    for (let i = 0; i < 10; i++) {
      const r = await other.appendToStream('ryw', [{ type: 'Tick', data: { i } }], { expectedVersion: i === 0 ? 'no_stream' : BigInt(i) });
      assert.equal((await other.readStream('ryw')).currentStreamVersion, r.nextExpectedStreamVersion);
    }

    // The race.
    const res = await race(store, { writers: 50, streams: 100, attempts: 20, prefix: 'race' });
    assert.deepEqual(res.otherErrors, []);
    assert.ok(res.conflicts > 0, 'the race produced conflicts');
    const { events } = await verifyRace(other, res);
    assert.equal(events, res.appends);
    t.diagnostic(`native conditional append: ${res.appends} appends, ${res.conflicts} conflicts, ${events} events verified by a second instance`);
  } finally {
    await store.close();
    await other.close();
  }
});
