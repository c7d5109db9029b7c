// The PostgreSQL read model without a broker (projectionSpec): per-event apply and batch apply
// give the same read model, and a redelivery of the whole log changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { PostgresReadModel, projectionSpec, type GivenEvent, type PgProjection } from '../src/index.js';
import { PG_URL, dropSchema, pgOrSkip, uniqueSchema } from './read-side-helpers.js';

const events: GivenEvent[] = Array.from({ length: 40 }, (_, i) => ({ streamName: `account-${i % 4}`, type: i % 5 === 4 ? 'Withdrawn' : 'Deposited', data: { amount: i + 1 } }));
const expected = new Map<string, number>();
for (const e of events) expected.set(e.streamName, (expected.get(e.streamName) ?? 0) + (e.type === 'Withdrawn' ? -1 : 1) * (e.data['amount'] as number));

function projection(batched: boolean): PgProjection {
  const p: PgProjection = {
    name: batched ? 'balances_batched' : 'balances_single',
    tables: [batched ? 'balances_batched' : 'balances_single'],
    init: async (c, t) => void (await c.query(`CREATE TABLE IF NOT EXISTS ${t.table(p.tables[0]!)} (account text PRIMARY KEY, balance bigint NOT NULL)`)),
    apply: async (c, e, t) => {
      const d = (e.type === 'Withdrawn' ? -1 : 1) * (e.data as { amount: number }).amount;
      await c.query(`INSERT INTO ${t.table(p.tables[0]!)} VALUES ($1, $2) ON CONFLICT (account) DO UPDATE SET balance = ${t.table(p.tables[0]!)}.balance + EXCLUDED.balance`, [e.metadata.streamName, d]);
    },
  };
  if (batched) {
    p.applyBatch = async (c, evs, t) => {
      const sums = new Map<string, number>();
      for (const e of evs) sums.set(e.metadata.streamName, (sums.get(e.metadata.streamName) ?? 0) + (e.type === 'Withdrawn' ? -1 : 1) * (e.data as { amount: number }).amount);
      const tb = t.table(p.tables[0]!);
      await c.query(`INSERT INTO ${tb} SELECT * FROM unnest($1::text[], $2::bigint[]) ON CONFLICT (account) DO UPDATE SET balance = ${tb}.balance + EXCLUDED.balance`, [[...sums.keys()], [...sums.values()]]);
    };
  }
  return p;
}

test('PostgreSQL read model: per-event and batch apply agree; a redelivered log changes nothing', async (t) => {
  if (!(await pgOrSkip(t))) return;
  const schema = uniqueSchema('es_rm');
  const pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
  try {
    for (const batched of [false, true]) {
      const p = projection(batched);
      const rm = new PostgresReadModel({ pool, schema, projection: p });
      await projectionSpec(rm, { batchSize: 7 })
        .given(events.slice(0, 20))
        .when(events.slice(20))
        .then(async () => {
          const r = await pool.query<{ account: string; balance: string }>(`SELECT account, balance FROM "${schema}".${p.tables[0]}`);
          assert.deepEqual(new Map(r.rows.map((x) => [x.account, Number(x.balance)])), expected);
        });
      assert.deepEqual(await rm.checkpoints('events'), new Map([[0, 40n]]));
    }
  } finally {
    await pool.end();
    await dropSchema(schema);
  }
});
