// The bank account on Tideline: 50 concurrent writers deposit into and withdraw from 10 accounts
// through Emmett's DeciderCommandHandler over the Kafka event store; the no-overdraft invariant
// holds because every append checks the stream's version at its partition's single writer.
//
//   tide dev &                       (or any Kafka: TIDE_BROKERS=host:port)
//   TIDE_BROKERS=127.0.0.1:9092 node examples/eventsourcing/bank-account/run.mjs
//
// Without TIDE_BROKERS it starts a temporary Tideline broker of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin } from '@tideline/client';
import { DeciderCommandHandler, EventStoreOwner, IllegalStateError, KafkaEventStore, createStoreTopics, isExpectedVersionConflictError } from '@tideline/eventsourcing';
import { decider, evolve, initialState, streamIdOf } from './account.mjs';

const ACCOUNTS = 10;
const WRITERS = 50;
const OPS = 10;

async function broker() {
  if (process.env.TIDE_BROKERS) return { bootstrap: process.env.TIDE_BROKERS, close: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'tideline-bank-example-'));
  const b = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
  return { bootstrap: b.bootstrap, close: async () => { await b.close(); rmSync(dir, { recursive: true, force: true }); } };
}

const b = await broker();
const name = process.env.BANK_STORE ?? `bank-${Date.now()}`;
const admin = new Admin({ bootstrap: b.bootstrap });
await createStoreTopics(admin, name, { partitions: 4 });
await admin.close();
// The single writer for the store's partitions (run several, anywhere: they share the partitions).
const owner = new EventStoreOwner({ bootstrap: b.bootstrap, name, sessionTimeoutMs: 6000 });
owner.start();
const store = new KafkaEventStore({ bootstrap: b.bootstrap, name });
const handle = DeciderCommandHandler({ ...decider, mapToStreamId: streamIdOf });
const retry = { onVersionConflict: { retries: 200, minTimeout: 2, maxTimeout: 50, factor: 1.3, shouldRetryError: isExpectedVersionConflictError } };
try {
  for (let i = 0; i < ACCOUNTS; i++) await handle(store, String(i), { type: 'OpenAccount', data: { accountId: String(i), owner: `owner-${i}` } });
  let applied = 0;
  let refused = 0;
  await Promise.all(Array.from({ length: WRITERS }, async (_, w) => {
    for (let k = 0; k < OPS; k++) {
      const accountId = String((w + k) % ACCOUNTS);
      const type = Math.random() < 0.45 ? 'Deposit' : 'Withdraw';
      try {
        await handle(store, accountId, { type, data: { accountId, amount: 1 + Math.floor(Math.random() * 50) } }, { retry });
        applied++;
      } catch (e) {
        if (!(e instanceof IllegalStateError)) throw e;
        refused++;
      }
    }
  }));
  let lowest = Infinity;
  for (let i = 0; i < ACCOUNTS; i++) {
    let state = initialState();
    const { events, currentStreamVersion } = await store.readStream(streamIdOf(String(i)));
    for (const e of events) {
      state = evolve(state, e);
      lowest = Math.min(lowest, state.balance);
    }
    console.log(`account ${i}: balance ${state.balance} after ${currentStreamVersion} events`);
  }
  console.log(`${applied} operations applied, ${refused} refused for insufficient funds; lowest balance ever ${lowest}`);
  if (lowest < 0) throw new Error('an account was overdrawn');
  console.log('invariant held: no account ever went below zero');
} finally {
  await store.close();
  await owner.close();
  await b.close();
}
