// Emmett's own command handling and test helpers (the npm package, unchanged) over our stores.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommandHandler, DeciderCommandHandler, DeciderSpecification, IllegalStateError, isExpectedVersionConflictError } from '@event-driven-io/emmett';
import { EventStoreOwner, ExpectedVersionConflict, InMemoryTidelineEventStore, KafkaEventStore, storeSpec, type TidelineEventStore } from '../src/index.js';
import { account, type AccountCommand, type AccountEvent, type AccountState } from './bank.js';
import { bothBrokers, makeStore, useApacheKafka } from './brokers.js';

useApacheKafka();

const opened: AccountEvent = { type: 'AccountOpened', data: { accountId: '1', owner: 'ada' } };
const deposited = (amount: number): AccountEvent => ({ type: 'MoneyDeposited', data: { accountId: '1', amount } });

test("Emmett's DeciderSpecification: the bank account decider", () => {
  const given = DeciderSpecification.for<AccountCommand, AccountEvent, AccountState>(account);
  given([opened, deposited(100)]).when({ type: 'Withdraw', data: { accountId: '1', amount: 30 } }).then([{ type: 'MoneyWithdrawn', data: { accountId: '1', amount: 30 } }]);
  given([opened, deposited(100)]).when({ type: 'Withdraw', data: { accountId: '1', amount: 130 } }).thenThrows(IllegalStateError);
  given([]).when({ type: 'OpenAccount', data: { accountId: '1', owner: 'ada' } }).then([opened]);
});

test('storeSpec: given/when/then through a command handler and the in-memory store', async () => {
  const spec = storeSpec<AccountState, AccountCommand, AccountEvent>(account);
  await spec('account-1', [opened, deposited(100)]).when({ type: 'Deposit', data: { accountId: '1', amount: 5 } }).then(deposited(5));
  await spec('account-1', [opened]).when({ type: 'Withdraw', data: { accountId: '1', amount: 1 } }).thenThrows((e) => e instanceof IllegalStateError);
});

/** 50 concurrent writers deposit and withdraw on `accounts` accounts; no balance ever goes below zero. */
async function bankRace(store: TidelineEventStore, accounts: number, writers: number, opsPerWriter: number): Promise<{ refused: number; applied: number }> {
  const handle = DeciderCommandHandler<AccountState, AccountCommand, AccountEvent>({ ...account, mapToStreamId: account.streamIdOf });
  for (let i = 0; i < accounts; i++) await handle(store, String(i), { type: 'OpenAccount', data: { accountId: String(i), owner: `o${i}` } });
  let refused = 0;
  let applied = 0;
  const retry = { onVersionConflict: { retries: 200, minTimeout: 2, maxTimeout: 50, factor: 1.3, shouldRetryError: isExpectedVersionConflictError } };
  await Promise.all(Array.from({ length: writers }, async (_, w) => {
    for (let k = 0; k < opsPerWriter; k++) {
      const id = String((w + k) % accounts);
      const deposit = Math.random() < 0.45;
      const amount = 1 + Math.floor(Math.random() * 50);
      try {
        await handle(store, id, { type: deposit ? 'Deposit' : 'Withdraw', data: { accountId: id, amount } }, { retry });
        applied++;
      } catch (e) {
        if (e instanceof IllegalStateError) refused++;
        else throw e;
      }
    }
  }));
  for (let i = 0; i < accounts; i++) {
    const { events } = await store.readStream<AccountEvent>(account.streamIdOf(String(i)));
    let balance = 0;
    for (const e of events) {
      balance = account.evolve({ status: 'open', balance }, e).balance;
      assert.ok(balance >= 0, `account ${i} went below zero at version ${e.metadata.streamPosition}`);
    }
  }
  return { refused, applied };
}

test("Emmett's CommandHandler and DeciderCommandHandler over the in-memory store; the bank invariant under 50 writers", async () => {
  const store = new InMemoryTidelineEventStore();
  const handle = CommandHandler<AccountState, AccountEvent>({ ...account, mapToStreamId: account.streamIdOf });
  await handle(store, 'x', () => ({ type: 'AccountOpened', data: { accountId: 'x', owner: 'bo' } }));
  const r = await handle(store, 'x', (s) => account.decide({ type: 'Deposit', data: { accountId: 'x', amount: 7 } }, s));
  assert.equal(r.newState.balance, 7);
  assert.equal(r.nextExpectedStreamVersion, 2n);
  await assert.rejects(handle(store, 'x', () => [], { expectedStreamVersion: 5n }), (e: unknown) => e instanceof ExpectedVersionConflict && e.actualVersion === 2n);
  const { refused, applied } = await bankRace(store, 5, 50, 10);
  assert.equal(refused + applied, 500);
});

bothBrokers("the bank account under 50 concurrent writers through Emmett's DeciderCommandHandler: no overdraft", { timeout: 300_000 }, async (b, t) => {
  const name = await makeStore(b.bootstrap, 'es-bank');
  const owner = new EventStoreOwner({ bootstrap: b.bootstrap, name, sessionTimeoutMs: 6000, heartbeatIntervalMs: 500 });
  owner.start();
  const store = new KafkaEventStore({ bootstrap: b.bootstrap, name });
  try {
    const { refused, applied } = await bankRace(store, 10, 50, 4);
    assert.equal(refused + applied, 200);
    t.diagnostic(`${applied} operations applied, ${refused} refused (insufficient funds)`);
  } finally {
    await store.close();
    await owner.close();
  }
});
