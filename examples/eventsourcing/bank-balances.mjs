// The bank account's CQRS read model: commands go through Emmett's DeciderCommandHandler with the
// account decider (./bank-account/account.mjs: AccountOpened, MoneyDeposited, MoneyWithdrawn in
// cents, no overdraft) over the Kafka store, which appends through the partition's owner with the
// expected version (a decision made on a stale state fails and is retried on the new one); a
// projection keeps the balances in PostgreSQL exactly once (each batch and its checkpoint in one
// transaction), and queries read the view.
//
//   npm run build && node examples/eventsourcing/bank-balances.mjs
//   with `tide dev` running: TIDE_BROKERS=127.0.0.1:9092 node examples/eventsourcing/bank-balances.mjs
//   PostgreSQL: TIDELINE_PG_URL (default postgres://postgres@127.0.0.1:5432/test)
import pg from 'pg';
import { Admin } from '@tideline/client';
import { DeciderCommandHandler, EventStoreOwner, EventSubscription, KafkaEventStore, PostgresReadModel, createStoreTopics } from '@tideline/eventsourcing';
import { broker } from '../streams/common.mjs';
import { decider, streamIdOf } from './bank-account/account.mjs';

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

const handleCommand = DeciderCommandHandler({ ...decider, mapToStreamId: streamIdOf, retry: { onVersionConflict: 20 } });
const handle = (command) =>
  handleCommand(store, command.data.accountId, command).then(
    () => 'ok',
    (e) => `refused: ${e.message}`,
  );

const balances = new PostgresReadModel({
  pool,
  schema,
  projection: {
    name: 'balances',
    tables: ['balances'],
    eventTypes: ['AccountOpened', 'MoneyDeposited', 'MoneyWithdrawn'],
    init: async (c, t) => void (await c.query(`CREATE TABLE IF NOT EXISTS ${t.table('balances')} (account_id text PRIMARY KEY, owner text, balance_cents bigint NOT NULL, version bigint NOT NULL)`)),
    apply: async (c, e, t) => {
      const tb = t.table('balances');
      const v = e.metadata.streamPosition.toString();
      if (e.type === 'AccountOpened') await c.query(`INSERT INTO ${tb} VALUES ($1, $2, 0, $3)`, [e.data.accountId, e.data.owner, v]);
      else await c.query(`UPDATE ${tb} SET balance_cents = balance_cents + $2, version = $3 WHERE account_id = $1`, [e.data.accountId, e.type === 'MoneyDeposited' ? e.data.amount : -e.data.amount, v]);
    },
  },
});
await balances.init();
const projector = new EventSubscription({ bootstrap: b.bootstrap, topic: store.topics.events, target: balances, name: 'balances' });
await projector.start();

const cmd = (type, data) => ({ type, data });
console.log('open a-1:', await handle(cmd('OpenAccount', { accountId: 'a-1', owner: 'Ada' })));
console.log('open a-2:', await handle(cmd('OpenAccount', { accountId: 'a-2', owner: 'Alan' })));
console.log('deposit 100.00 to a-1:', await handle(cmd('Deposit', { accountId: 'a-1', amount: 10_000 })));
// Ten concurrent withdrawals of 30.00 from a-1: three fit, the others are refused (no overdraft).
const results = await Promise.all(Array.from({ length: 10 }, () => handle(cmd('Withdraw', { accountId: 'a-1', amount: 3_000 }))));
console.log(`10 concurrent withdrawals of 30.00: ${results.filter((r) => r === 'ok').length} ok; ${[...new Set(results.filter((r) => r !== 'ok'))].join('; ')}`);
console.log('deposit 5.00 to a-2:', await handle(cmd('Deposit', { accountId: 'a-2', amount: 500 })));

await projector.caughtUp(60_000);
const { rows } = await pool.query(`SELECT account_id, owner, balance_cents, version FROM "${schema}".balances ORDER BY account_id`);
for (const r of rows) console.log(`balances read model: ${r.account_id} (${r.owner}) = ${(Number(r.balance_cents) / 100).toFixed(2)} at version ${r.version}`);

await projector.stop();
await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
await pool.end();
await store.close();
await owner.close();
await b.close();
