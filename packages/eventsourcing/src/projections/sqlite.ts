// A read model in SQLite (better-sqlite3), exactly-once: a batch's changes and the checkpoint are
// written in one SQLite transaction (better-sqlite3 transactions are synchronous, so nothing else
// interleaves). Versioned tables and views as in postgres.ts.
import type Database from 'better-sqlite3';
import { ReadSideError, ReadSideErrorCode } from '../read-errors.js';
import type { ReadEvent } from '../read-event.js';
import type { CheckpointTarget, EventBatch } from './subscription.js';
import { quoteIdent } from './postgres.js';

export interface SqliteTables {
  /** `"<base>_v<N>"`. */
  table(base: string): string;
}

export interface SqliteProjection {
  name: string;
  version?: number;
  tables: readonly string[];
  eventTypes?: readonly string[];
  init(db: Database.Database, t: SqliteTables): void;
  apply(db: Database.Database, event: ReadEvent, t: SqliteTables): void;
}

export class SqliteReadModel implements CheckpointTarget {
  readonly version: number;
  readonly tables: SqliteTables;
  private readonly types: Set<string> | null;

  constructor(
    private readonly db: Database.Database,
    private readonly projection: SqliteProjection,
  ) {
    this.version = projection.version ?? 1;
    this.tables = { table: (base) => quoteIdent(`${base}_v${this.version}`) };
    this.types = projection.eventTypes === undefined ? null : new Set(projection.eventTypes);
  }

  get name(): string {
    return this.projection.name;
  }

  init(): void {
    this.db.transaction(() => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS tideline_checkpoints (projection TEXT NOT NULL, version INTEGER NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, next_offset INTEGER NOT NULL, PRIMARY KEY (projection, version, topic, partition))`);
      this.db.exec(`CREATE TABLE IF NOT EXISTS tideline_projections (projection TEXT PRIMARY KEY, live_version INTEGER NOT NULL)`);
      this.projection.init(this.db, this.tables);
      const live = this.db.prepare('SELECT live_version FROM tideline_projections WHERE projection = ?').get(this.name);
      if (live === undefined) this.makeLive();
    }).immediate();
  }

  private makeLive(): void {
    for (const base of this.projection.tables) {
      this.db.exec(`DROP VIEW IF EXISTS ${quoteIdent(base)}`);
      this.db.exec(`CREATE VIEW ${quoteIdent(base)} AS SELECT * FROM ${this.tables.table(base)}`);
    }
    this.db.prepare('INSERT INTO tideline_projections (projection, live_version) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET live_version = excluded.live_version').run(this.name, this.version);
  }

  switchOver(): void {
    this.db.transaction(() => this.makeLive()).immediate();
  }

  liveVersion(): number | null {
    const r = this.db.prepare('SELECT live_version FROM tideline_projections WHERE projection = ?').get(this.name) as { live_version: number } | undefined;
    return r?.live_version ?? null;
  }

  async checkpoints(topic: string): Promise<Map<number, bigint>> {
    const rows = this.db.prepare('SELECT partition, next_offset FROM tideline_checkpoints WHERE projection = ? AND version = ? AND topic = ?').safeIntegers(true).all(this.name, this.version, topic) as Array<{ partition: bigint; next_offset: bigint }>;
    return new Map(rows.map((r) => [Number(r.partition), r.next_offset]));
  }

  async handle(b: EventBatch): Promise<void> {
    this.applyBatch(b);
  }

  /** The synchronous form of handle(): the whole batch and its checkpoint in one transaction. */
  applyBatch(b: EventBatch): void {
    const get = this.db.prepare('SELECT next_offset FROM tideline_checkpoints WHERE projection = ? AND version = ? AND topic = ? AND partition = ?').safeIntegers(true);
    this.db.transaction(() => {
      const row = get.get(this.name, this.version, b.topic, b.partition) as { next_offset: bigint } | undefined;
      const from = row?.next_offset ?? 0n;
      if (b.nextOffset <= from) return;
      for (const e of b.events) {
        if (e.metadata.offset < from) continue;
        if (this.types !== null && !this.types.has(e.type)) continue;
        try {
          this.projection.apply(this.db, e, this.tables);
        } catch (err) {
          throw new ReadSideError(ReadSideErrorCode.ProjectionFailed, `${this.name} v${this.version} failed on ${e.type} ${e.metadata.messageId} (${b.topic}/${b.partition}@${e.metadata.offset})`, { cause: err });
        }
      }
      this.db
        .prepare('INSERT INTO tideline_checkpoints (projection, version, topic, partition, next_offset) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET next_offset = excluded.next_offset')
        .run(this.name, this.version, b.topic, b.partition, b.nextOffset);
    }).immediate();
  }
}
