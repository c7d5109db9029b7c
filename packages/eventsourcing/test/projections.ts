// Test helper (not a test file): the balances projection of the bank events, in PostgreSQL and in
// SQLite. `applied` has no unique key on purpose: an event applied twice shows up as two rows.
import type { PgProjection, SqliteProjection } from '../src/index.js';

function signed(e: { type: string; data: unknown }): number {
  const a = (e.data as { amount: number }).amount;
  return e.type === 'Withdrawn' ? -a : a;
}

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

export function balancesPg(delayMs = 0, version = 1): PgProjection {
  return {
    name: 'balances',
    version,
    tables: ['balances', 'applied'],
    eventTypes: ['Deposited', 'Withdrawn'],
    async init(c, t) {
      await c.query(`CREATE TABLE IF NOT EXISTS ${t.table('balances')} (account text PRIMARY KEY, balance bigint NOT NULL, events int NOT NULL, version bigint NOT NULL)`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${t.table('applied')} (event_id text NOT NULL, account text NOT NULL)`);
    },
    async apply(c, e, t) {
      await c.query(
        `INSERT INTO ${t.table('balances')} (account, balance, events, version) VALUES ($1, $2, 1, $3)
         ON CONFLICT (account) DO UPDATE SET balance = ${t.table('balances')}.balance + EXCLUDED.balance, events = ${t.table('balances')}.events + 1, version = EXCLUDED.version`,
        [e.metadata.streamName, signed(e), e.metadata.streamPosition.toString()],
      );
      await c.query(`INSERT INTO ${t.table('applied')} (event_id, account) VALUES ($1, $2)`, [e.metadata.messageId, e.metadata.streamName]);
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
    },
  };
}

export function balancesSqlite(delayMs = 0, version = 1): SqliteProjection {
  return {
    name: 'balances',
    version,
    tables: ['balances', 'applied'],
    eventTypes: ['Deposited', 'Withdrawn'],
    init(db, t) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${t.table('balances')} (account TEXT PRIMARY KEY, balance INTEGER NOT NULL, events INTEGER NOT NULL, version INTEGER NOT NULL)`);
      db.exec(`CREATE TABLE IF NOT EXISTS ${t.table('applied')} (event_id TEXT NOT NULL, account TEXT NOT NULL)`);
    },
    apply(db, e, t) {
      db.prepare(`INSERT INTO ${t.table('balances')} (account, balance, events, version) VALUES (?, ?, 1, ?) ON CONFLICT (account) DO UPDATE SET balance = balance + excluded.balance, events = events + 1, version = excluded.version`).run(
        e.metadata.streamName,
        signed(e),
        e.metadata.streamPosition,
      );
      db.prepare(`INSERT INTO ${t.table('applied')} (event_id, account) VALUES (?, ?)`).run(e.metadata.messageId, e.metadata.streamName);
      if (delayMs > 0) busyWait(delayMs);
    },
  };
}
