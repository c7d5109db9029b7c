// Exactly-once read models: a projector child process writing the bank events into PostgreSQL
// (and SQLite) is killed with SIGKILL at random points while events keep arriving, and restarted;
// the read model then equals a reference fold of the event log read back from the topic, and the
// `applied` table (no unique key) shows every event exactly once.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import Database from 'better-sqlite3';
import { Admin, Consumer } from '@tideline/client';
import { recordDecoder } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { PG_URL, bankEvents, dropSchema, uniqueSchema, writeEvents, pgOrSkip } from './read-side-helpers.js';

useApacheKafka();

const WORKER = fileURLToPath(new URL('./projector-worker.js', import.meta.url));

function startWorker(cfg: object): { pid: number; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(cfg)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const guard = setTimeout(() => child.kill('SIGKILL'), 180_000);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === null && code !== 0) process.stderr.write(`projector exited ${code}: ${err}\n`);
      resolve({ code, signal });
    });
  });
  return { pid: child.pid!, exit };
}

/** The reference: the topic read back (read_committed) and folded in memory. */
async function referenceFold(bootstrap: string, topic: string, partitions: number, expected: number): Promise<{ balances: Map<string, { balance: number; events: number; version: bigint }>; ids: string[] }> {
  const consumer = new Consumer({ bootstrap, maxWaitMs: 100, isolationLevel: 'read_committed' });
  consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, offset: 'earliest' as const })));
  const decode = recordDecoder();
  const balances = new Map<string, { balance: number; events: number; version: bigint }>();
  const ids: string[] = [];
  const timer = setTimeout(() => void consumer.close(), 60_000);
  try {
    for await (const r of consumer) {
      const e = await decode(r);
      const a = (e.data as { amount: number }).amount;
      const b = balances.get(e.metadata.streamName) ?? { balance: 0, events: 0, version: 0n };
      b.balance += e.type === 'Withdrawn' ? -a : a;
      b.events++;
      b.version = e.metadata.streamPosition;
      balances.set(e.metadata.streamName, b);
      ids.push(e.metadata.messageId);
      if (ids.length >= expected) break;
    }
  } finally {
    clearTimeout(timer);
    await consumer.close();
  }
  assert.equal(ids.length, expected, 'the whole log was read back');
  return { balances, ids };
}

async function crashRun(opts: {
  bootstrap: string;
  topic: string;
  kills: number;
  worker: object;
  count: () => Promise<number>;
  total: number;
  onRound?: (round: number) => Promise<void>;
  beforeFinal?: () => Promise<void>;
}): Promise<number> {
  let kills = 0;
  for (let round = 0; kills < opts.kills && round < opts.kills * 3; round++) {
    await opts.onRound?.(round);
    const w = startWorker(opts.worker);
    const after = 700 + Math.floor(Math.random() * 1500);
    const timer = setTimeout(() => process.kill(w.pid, 'SIGKILL'), after);
    const r = await w.exit;
    clearTimeout(timer);
    if (r.signal === 'SIGKILL') kills++;
  }
  await opts.beforeFinal?.();
  // The last run finishes the log.
  const w = startWorker(opts.worker);
  const end = Date.now() + 180_000;
  while ((await opts.count()) < opts.total) {
    assert.ok(Date.now() < end, `the read model did not catch up in time (${await opts.count()} of ${opts.total})`);
    await new Promise((res) => setTimeout(res, 200));
  }
  await new Promise((res) => setTimeout(res, 500)); // anything applied twice would land now
  process.kill(w.pid, 'SIGKILL');
  await w.exit;
  return kills;
}

bothBrokers('projections: kill -9 the PostgreSQL projector 10 times; the read model equals a fold of the log, nothing applied twice', { timeout: 600_000 }, async (b, t) => {
  if (!(await pgOrSkip(t))) return;
  const topic = uniqueTopic('bank.events');
  const schema = uniqueSchema('es_crash_pg');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic, numPartitions: 3, replicationFactor: 1 }]);
  await admin.close();
  const versions = new Map<string, bigint>();
  const batches = Array.from({ length: 12 }, () => bankEvents(150, 40, versions));
  const total = batches.reduce((a, x) => a + x.length, 0);
  await writeEvents(b.bootstrap, topic, batches[0]!);
  let writing: Promise<void> = Promise.resolve();
  let written = 1;
  const pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
  const count = async (): Promise<number> => {
    const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".applied`).catch(() => ({ rows: [{ n: '0' }] }));
    return Number(r.rows[0]!.n);
  };
  try {
    const kills = await crashRun({
      bootstrap: b.bootstrap,
      topic,
      kills: 10,
      total,
      count,
      worker: { bootstrap: b.bootstrap, topic, kind: 'postgres', schema, pgUrl: PG_URL, delayMs: 3 },
      // Events keep arriving while the projector runs and is killed (one batch per round, in order).
      onRound: async (round) => {
        if (round + 1 < batches.length) writing = writing.then(async () => void (await writeEvents(b.bootstrap, topic, batches[round + 1]!)));
        written = Math.max(written, round + 2);
      },
      beforeFinal: async () => {
        await writing;
        for (let i = written; i < batches.length; i++) await writeEvents(b.bootstrap, topic, batches[i]!);
      },
    });
    t.diagnostic(`${kills} kills`);
    assert.equal(kills, 10);
    const ref = await referenceFold(b.bootstrap, topic, 3, total);
    const rows = await pool.query<{ account: string; balance: string; events: number; version: string }>(`SELECT account, balance, events, version FROM "${schema}".balances ORDER BY account`);
    const got = new Map(rows.rows.map((r) => [r.account, { balance: Number(r.balance), events: r.events, version: BigInt(r.version) }]));
    assert.deepEqual(got, ref.balances, 'the read model equals the reference fold');
    const dups = await pool.query(`SELECT event_id, count(*) FROM "${schema}".applied GROUP BY event_id HAVING count(*) > 1`);
    assert.equal(dups.rowCount, 0, 'no event applied twice');
    assert.equal(await count(), total);
    const applied = await pool.query<{ event_id: string }>(`SELECT event_id FROM "${schema}".applied`);
    assert.deepEqual(applied.rows.map((r) => r.event_id).sort(), [...ref.ids].sort(), 'every event of the log applied once');
  } finally {
    await pool.end();
    await dropSchema(schema);
  }
});

bothBrokers('projections: kill -9 the SQLite projector; the read model equals a fold of the log, nothing applied twice', { timeout: 300_000 }, async (b, t) => {
  const topic = uniqueTopic('bank.events.sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'tideline-es-sqlite-'));
  const file = join(dir, 'read-model.db');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
  await admin.close();
  const events = bankEvents(1200, 25);
  await writeEvents(b.bootstrap, topic, events);
  const count = async (): Promise<number> => {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM applied').get() as { n: number }).n;
      } finally {
        db.close();
      }
    } catch {
      return 0;
    }
  };
  try {
    const kills = await crashRun({ bootstrap: b.bootstrap, topic, kills: 4, total: events.length, count, worker: { bootstrap: b.bootstrap, topic, kind: 'sqlite', sqliteFile: file, delayMs: 2 } });
    t.diagnostic(`${kills} kills`);
    const ref = await referenceFold(b.bootstrap, topic, 2, events.length);
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT account, balance, events, version FROM balances ORDER BY account').safeIntegers(true).all() as Array<{ account: string; balance: bigint; events: bigint; version: bigint }>;
      assert.deepEqual(new Map(rows.map((r) => [r.account, { balance: Number(r.balance), events: Number(r.events), version: r.version }])), ref.balances);
      assert.equal((db.prepare('SELECT count(*) AS n FROM (SELECT event_id FROM applied GROUP BY event_id HAVING count(*) > 1)').get() as { n: number }).n, 0, 'no event applied twice');
      assert.equal(await count(), events.length);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
