// Inline projection: a balance document per account written in the append's own transaction.
// Checked on both brokers: read-your-writes through the owner (direct path) and through a reader
// of the document topic (routed path, waiting for the version the append returned); a conflicting
// append changes no document; a batch whose projection throws once is aborted and served again,
// and its event is folded in exactly once; a new owner restores the documents from the topic and
// continues them; every document equals the fold of its stream's events.
import assert from 'node:assert/strict';
import { Admin } from '@tideline/client';
import { createDocumentTopic, EventStoreOwner, ExpectedVersionConflict, InlineDocumentReader, InlineDocuments, KafkaEventStore } from '../src/index.js';
import { bothBrokers, makeStore, useApacheKafka } from './brokers.js';

useApacheKafka();

interface Balance {
  balance: number;
  deposits: number;
}

const STREAMS = 6;

bothBrokers('inline documents: written in the append transaction, read-your-writes through the owner and a reader', { timeout: 180_000 }, async (b, t) => {
  const name = await makeStore(b.bootstrap, 'es-inline', 2);
  const topic = `${name}.documents.balances`;
  const admin = new Admin({ bootstrap: b.bootstrap });
  await createDocumentTopic(admin, topic, 2);
  await admin.close();
  let failOnce = true;
  const balances = (): InlineDocuments<Balance> =>
    new InlineDocuments<Balance>({
      topic,
      initialState: () => ({ balance: 0, deposits: 0 }),
      evolve: (s, e) => {
        const amount = (e.data as { amount: number }).amount;
        // One poisoned event fails its batch the first time: the owner aborts and serves it again.
        if (amount === 13 && failOnce) {
          failOnce = false;
          throw new Error('poisoned once');
        }
        return { balance: s.balance + amount, deposits: s.deposits + 1 };
      },
      streams: (s) => s.startsWith('acct-'),
    });
  const startOwner = async (docs: InlineDocuments<Balance>): Promise<EventStoreOwner> => {
    const owner = new EventStoreOwner({ bootstrap: b.bootstrap, name, sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, projections: [docs] });
    owner.start();
    const deadline = Date.now() + 60_000;
    while (owner.owned().length < 2) {
      assert.ok(Date.now() < deadline, 'the owner was not assigned the partitions');
      await new Promise((r) => setTimeout(r, 50));
    }
    return owner;
  };
  const expected = new Map<string, Balance>();
  const fold = (s: string, amount: number): void => {
    const cur = expected.get(s) ?? { balance: 0, deposits: 0 };
    expected.set(s, { balance: cur.balance + amount, deposits: cur.deposits + 1 });
  };
  const reader = new InlineDocumentReader<Balance>({ bootstrap: b.bootstrap, topic });
  await reader.start();
  let docs = balances();
  let owner = await startOwner(docs);
  let direct = new KafkaEventStore({ bootstrap: b.bootstrap, name, owner });
  const routed = new KafkaEventStore({ bootstrap: b.bootstrap, name });
  try {
    const versions = new Map<string, bigint>();
    let amount = 0;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < STREAMS; i++) {
        const s = `acct-${i}`;
        const v = versions.get(s) ?? 0n;
        amount++;
        // Direct on even rounds, read back through the owner at once.
        if (round % 2 === 0) {
          const r = await direct.appendToStream(s, [{ type: 'Deposited', data: { amount } }], { expectedVersion: v === 0n ? 'no_stream' : v });
          versions.set(s, r.nextExpectedStreamVersion);
          fold(s, amount);
          assert.deepEqual(docs.get(s), { state: expected.get(s), version: Number(r.nextExpectedStreamVersion) }, `owner read of ${s} after round ${round}`);
        } else {
          const r = await routed.appendToStream(s, [{ type: 'Deposited', data: { amount } }], { expectedVersion: v });
          versions.set(s, r.nextExpectedStreamVersion);
          fold(s, amount);
          const d = await reader.get(s, { minVersion: r.nextExpectedStreamVersion });
          assert.deepEqual(d, { state: expected.get(s), version: Number(r.nextExpectedStreamVersion) }, `reader read of ${s} after round ${round}`);
        }
      }
      // A conflicting append writes neither an event nor a document change.
      await assert.rejects(routed.appendToStream('acct-0', [{ type: 'Deposited', data: { amount: 1000 } }], { expectedVersion: 0n }), (e: unknown) => e instanceof ExpectedVersionConflict);
      assert.deepEqual(docs.get('acct-0')?.state, expected.get('acct-0'));
    }
    assert.equal(failOnce, false, 'the poisoned event was projected');
    // Streams outside the projection get no document.
    await direct.appendToStream('other-1', [{ type: 'Noted', data: { amount: 5 } }]);
    assert.equal(docs.get('other-1'), undefined);

    // A new owner (a restart) restores the documents from the topic and continues them.
    await direct.close();
    await owner.close();
    docs = balances();
    owner = await startOwner(docs);
    direct = new KafkaEventStore({ bootstrap: b.bootstrap, name, owner });
    for (let i = 0; i < STREAMS; i++) assert.deepEqual(docs.get(`acct-${i}`)?.state, expected.get(`acct-${i}`), `restored acct-${i}`);
    const r = await direct.appendToStream('acct-1', [{ type: 'Deposited', data: { amount: 7 } }], { expectedVersion: versions.get('acct-1')! });
    fold('acct-1', 7);
    assert.deepEqual(docs.get('acct-1'), { state: expected.get('acct-1'), version: Number(r.nextExpectedStreamVersion) });

    // Every document equals the fold of its stream's events as the store reads them.
    for (let i = 0; i < STREAMS; i++) {
      const s = `acct-${i}`;
      const agg = await routed.aggregateStream(s, { initialState: () => ({ balance: 0, deposits: 0 }), evolve: (st: Balance, e: { data: unknown }) => ({ balance: st.balance + (e.data as { amount: number }).amount, deposits: st.deposits + 1 }) });
      const d = await reader.get(s, { minVersion: agg.currentStreamVersion });
      assert.deepEqual(d, { state: agg.state, version: Number(agg.currentStreamVersion) }, `fold of ${s}`);
      assert.deepEqual(agg.state, expected.get(s));
    }
    t.diagnostic(`${b.kind}: ${STREAMS} documents equal their streams' folds after ${amount + 1} appends, one aborted batch and one owner restart`);
  } finally {
    await direct.close();
    await routed.close();
    await owner.close();
    await reader.close();
  }
});
