// Child process for the crash tests (not a test file): a projector of the bank events into
// PostgreSQL or SQLite, slowed down inside its transactions so kills land mid-batch. Runs until
// killed. Config: JSON in argv[2].
import pg from 'pg';
import Database from 'better-sqlite3';
import { EventSubscription, PostgresReadModel, SqliteReadModel, type CheckpointTarget } from '../src/index.js';
import { balancesPg, balancesSqlite } from './projections.js';

interface Config {
  bootstrap: string;
  topic: string;
  kind: 'postgres' | 'sqlite';
  schema?: string;
  pgUrl?: string;
  sqliteFile?: string;
  delayMs: number;
}

const cfg = JSON.parse(process.argv[2]!) as Config;
let target: CheckpointTarget;
if (cfg.kind === 'postgres') {
  const pool = new pg.Pool({ connectionString: cfg.pgUrl, max: 2 });
  const rm = new PostgresReadModel({ pool, schema: cfg.schema!, projection: balancesPg(cfg.delayMs) });
  await rm.init();
  target = rm;
} else {
  const db = new Database(cfg.sqliteFile!);
  db.pragma('journal_mode = WAL');
  const rm = new SqliteReadModel(db, balancesSqlite(cfg.delayMs));
  rm.init();
  target = rm;
}
const sub = new EventSubscription({ bootstrap: cfg.bootstrap, topic: cfg.topic, target, maxWaitMs: 100, onError: (e) => {
  console.error(e);
  process.exit(2);
} });
await sub.start();
process.stdout.write('started\n');
