// The bank account's CQRS read model: deposits and withdrawals are appended to one stream per
// account through the partition owner (no overdraft: the decision is made on the aggregate at its
// version, and the expected version makes a concurrent decision on a stale state fail), and a
// projection keeps the balances in PostgreSQL, exactly once (each batch and its checkpoint in one
// transaction). The write side here is a minimal decider; the full account example with its
// concurrent writers lives next to this file.
//
//   npm run build && node examples/eventsourcing/bank-balances.mjs
//   with `tide dev` running: TIDE_BROKERS=127.0.0.1:9092 node examples/eventsourcing/bank-balances.mjs
//   PostgreSQL: TIDELINE_PG_URL (default postgres://postgres@127.0.0.1:5432/test)
import pg from 'pg';
import { Admin } from '@tideline/client';
import { EventStoreOwner, EventSubscription, ExpectedVersionConflict, KafkaEventStore, PostgresReadModel, createStoreTopics } from '@tideline/eventsourcing';
import { broker } from '../streams/common.mjs';

const b = await broker();
const run = Date.now();
const name = `bank-${run}`;
const schema = `bank_${run}`;
const pool = new pg.Pool({ connectionString: process.env.TIDELINE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', max: 3 });
const admin = new Admin({ bootstrap: b.bootstrap });
await createStoreTopics(admin, name, { partitions: 2 });
await admin.close();
const owner = new EventStoreOwner({ bootstrap: b.bootstrap, name });
owner.start();
const store = new KafkaEventStore({ bootstrap: b.bootstrap, name });

const evolve = (balance, e) => (e.type === 'Deposited' ? balance + e.data.amount : e.type === 'Withdrawn' ? balance - e.data.amount : balance);
async function handle(account, cmd) {
  for (;;) {
    const { state: balance, currentStreamVersion } = await store.aggregateStream(`account-${account}`, { initialState: () => 0, evolve });
    if (cmd.type === 'Withdraw' && cmd.amount > balance) return `refused: withdrawing ${cmd.amount} from ${balance}`;
    const event = cmd.type === 'Deposit' ? { type: 'Deposited', data: { amount: cmd.amount } } : { type: 'Withdrawn', data: { amount: cmd.amount } };
    try {
      await store.appendToStream(`account-${account}`, [event], { expectedVersion: currentStreamVersion });
      return 'ok';
    } catch (e) {
      if (!(e instanceof ExpectedVersionConflict)) throw e;
      // Someone else changed the account since we read it: decide again on the new state.
    }
  }
}

const balances = new PostgresReadModel({
  pool,
  schema,
  projection: {
    name: 'balances',
    tables: ['balances'],
    eventTypes: ['Deposited', 'Withdrawn'],
    init: async (c, t) => void (await c.query(`CREATE TABLE IF NOT EXISTS ${t.table('balances')} (account text PRIMARY KEY, balance numeric NOT NULL, version bigint NOT NULL)`)),
    apply: async (c, e, t) => {
      const delta = e.type === 'Deposited' ? e.data.amount : -e.data.amount;
      await c.query(`INSERT INTO ${t.table('balances')} VALUES ($1, $2, $3) ON CONFLICT (account) DO UPDATE SET balance = ${t.table('balances')}.balance + EXCLUDED.balance, version = EXCLUDED.version`, [e.metadata.streamName, delta, e.metadata.streamPosition.toString()]);
    },
  },
});
await balances.init();
const projector = new EventSubscription({ bootstrap: b.bootstrap, topic: store.topics.events, target: balances, name: 'balances' });
await projector.start();

console.log('deposit 100 to a-1:', await handle('a-1', { type: 'Deposit', amount: 100 }));
// Ten concurrent withdrawals of 30 on a-1: at most three can succeed.
const results = await Promise.all(Array.from({ length: 10 }, () => handle('a-1', { type: 'Withdraw', amount: 30 })));
console.log(`10 concurrent withdrawals of 30: ${results.filter((r) => r === 'ok').length} ok, ${results.filter((r) => r !== 'ok').length} refused`);
console.log('deposit 5 to a-2:', await handle('a-2', { type: 'Deposit', amount: 5 }));

await projector.caughtUp(60_000);
const { rows } = await pool.query(`SELECT account, balance::float8 AS balance, version FROM "${schema}".balances ORDER BY account`);
for (const r of rows) console.log(`balances read model: ${r.account} = ${r.balance} (version ${r.version})`);

await projector.stop();
await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
await pool.end();
await store.close();
await owner.close();
await b.close();
