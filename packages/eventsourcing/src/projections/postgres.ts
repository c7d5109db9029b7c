// A read model in PostgreSQL, exactly-once: each batch's changes and the partition's checkpoint
// (topic, partition → next offset) are written in ONE database transaction. The checkpoint row is
// locked (SELECT ... FOR UPDATE) first and events below it are skipped, so a crash at any point
// leaves either the whole batch with its checkpoint or neither, and even two projector instances
// racing on a partition (a zombie after a rebalance) cannot apply an event twice.
//
// Tables are versioned: a projection at version N writes `<table>_v<N>`, and the view `<table>`
// selects from the live version. A rebuild builds version N+1 alongside from offset 0, then
// `switchOver()` replaces the views in one transaction: readers never see a missing or half-built
// read model.
import type pg from 'pg';
import { ReadSideError, ReadSideErrorCode } from '../read-errors.js';
import type { ReadEvent } from '../read-event.js';
import type { CheckpointTarget, EventBatch } from './subscription.js';

/** Quoted, schema-qualified names of a projection version's tables. */
export interface PgTables {
  /** `"schema"."<base>_v<N>"`. */
  table(base: string): string;
  schema: string;
}

export interface PgProjection {
  name: string;
  /** Version of the read model's shape. Default 1. */
  version?: number;
  /** Base names of the tables it owns (each gets a view of the same name). */
  tables: readonly string[];
  /** Event types it handles (default: all). */
  eventTypes?: readonly string[];
  /** Creates its tables (IF NOT EXISTS), inside a transaction. */
  init(client: pg.ClientBase, t: PgTables): Promise<void>;
  /** Applies one event inside the batch's transaction. */
  apply(client: pg.ClientBase, event: ReadEvent, t: PgTables): Promise<void>;
  /**
   * Optional: applies a whole batch's events (already filtered by type and checkpoint) inside
   * its transaction, in place of one `apply` per event, so a projection can write them in a few
   * multi-row statements.
   */
  applyBatch?(client: pg.ClientBase, events: readonly ReadEvent[], t: PgTables): Promise<void>;
}

export function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export interface PostgresReadModelOptions {
  pool: pg.Pool;
  /** Schema of the read model, the checkpoints and the views. Default 'public'. */
  schema?: string;
  projection: PgProjection;
}

export class PostgresReadModel implements CheckpointTarget {
  readonly version: number;
  readonly tables: PgTables;
  private readonly schema: string;
  private readonly types: Set<string> | null;

  constructor(private readonly o: PostgresReadModelOptions) {
    this.version = o.projection.version ?? 1;
    this.schema = o.schema ?? 'public';
    const s = quoteIdent(this.schema);
    this.tables = { schema: this.schema, table: (base) => `${s}.${quoteIdent(`${base}_v${this.version}`)}` };
    this.types = o.projection.eventTypes === undefined ? null : new Set(o.projection.eventTypes);
  }

  get name(): string {
    return this.o.projection.name;
  }

  private q(n: string): string {
    return `${quoteIdent(this.schema)}.${quoteIdent(n)}`;
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.o.pool.connect();
    try {
      await c.query('BEGIN');
      try {
        const r = await fn(c);
        await c.query('COMMIT');
        return r;
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    } finally {
      c.release();
    }
  }

  /** Creates the schema, the checkpoint and live-version tables and this version's tables; makes it live if none is. */
  async init(): Promise<void> {
    await this.tx(async (c) => {
      // Serialise concurrent inits of the same schema (CREATE ... IF NOT EXISTS races otherwise).
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tideline-rm:${this.schema}`]);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)}`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.q('tideline_checkpoints')} (
        projection text NOT NULL, version int NOT NULL, topic text NOT NULL, partition int NOT NULL,
        next_offset bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, version, topic, partition))`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.q('tideline_projections')} (projection text PRIMARY KEY, live_version int NOT NULL)`);
      await this.o.projection.init(c, this.tables);
      const live = await c.query<{ live_version: number }>(`SELECT live_version FROM ${this.q('tideline_projections')} WHERE projection = $1`, [this.name]);
      if (live.rowCount === 0) await this.makeLive(c);
    });
  }

  private async makeLive(c: pg.ClientBase): Promise<void> {
    for (const base of this.o.projection.tables) {
      await c.query(`DROP VIEW IF EXISTS ${this.q(base)}`);
      await c.query(`CREATE VIEW ${this.q(base)} AS SELECT * FROM ${this.tables.table(base)}`);
    }
    await c.query(`INSERT INTO ${this.q('tideline_projections')} (projection, live_version) VALUES ($1, $2) ON CONFLICT (projection) DO UPDATE SET live_version = EXCLUDED.live_version`, [this.name, this.version]);
  }

  /** The version the views point at. */
  async liveVersion(): Promise<number | null> {
    const r = await this.o.pool.query<{ live_version: number }>(`SELECT live_version FROM ${this.q('tideline_projections')} WHERE projection = $1`, [this.name]);
    return r.rows[0]?.live_version ?? null;
  }

  /** Points the views at this version, in one transaction (readers wait for it, never see a gap). */
  async switchOver(): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tideline-rm:${this.schema}`]);
      await this.makeLive(c);
    });
  }

  /** Drops another version's tables and checkpoints (after a switch-over). */
  async dropVersion(version: number): Promise<void> {
    if (version === (await this.liveVersion())) throw new Error(`version ${version} of ${this.name} is live`);
    await this.tx(async (c) => {
      for (const base of this.o.projection.tables) await c.query(`DROP TABLE IF EXISTS ${this.q(`${base}_v${version}`)}`);
      await c.query(`DELETE FROM ${this.q('tideline_checkpoints')} WHERE projection = $1 AND version = $2`, [this.name, version]);
    });
  }

  async checkpoints(topic: string): Promise<Map<number, bigint>> {
    const r = await this.o.pool.query<{ partition: number; next_offset: string }>(`SELECT partition, next_offset FROM ${this.q('tideline_checkpoints')} WHERE projection = $1 AND version = $2 AND topic = $3`, [this.name, this.version, topic]);
    return new Map(r.rows.map((x) => [x.partition, BigInt(x.next_offset)]));
  }

  async handle(b: EventBatch): Promise<void> {
    await this.tx(async (c) => {
      const key = [this.name, this.version, b.topic, b.partition];
      await c.query(`INSERT INTO ${this.q('tideline_checkpoints')} (projection, version, topic, partition, next_offset) VALUES ($1, $2, $3, $4, 0) ON CONFLICT DO NOTHING`, key);
      const cur = await c.query<{ next_offset: string }>(`SELECT next_offset FROM ${this.q('tideline_checkpoints')} WHERE projection = $1 AND version = $2 AND topic = $3 AND partition = $4 FOR UPDATE`, key);
      const from = BigInt(cur.rows[0]!.next_offset);
      if (b.nextOffset <= from) return;
      const todo = b.events.filter((e) => e.metadata.offset >= from && (this.types === null || this.types.has(e.type)));
      const batchApply = this.o.projection.applyBatch;
      if (batchApply !== undefined) {
        try {
          if (todo.length > 0) await batchApply.call(this.o.projection, c, todo, this.tables);
        } catch (err) {
          throw new ReadSideError(ReadSideErrorCode.ProjectionFailed, `${this.name} v${this.version} failed on a batch of ${todo.length} events (${b.topic}/${b.partition}@${todo[0]?.metadata.offset})`, { cause: err });
        }
      } else {
        for (const e of todo) {
          try {
            await this.o.projection.apply(c, e, this.tables);
          } catch (err) {
            throw new ReadSideError(ReadSideErrorCode.ProjectionFailed, `${this.name} v${this.version} failed on ${e.type} ${e.metadata.messageId} (${b.topic}/${b.partition}@${e.metadata.offset})`, { cause: err });
          }
        }
      }
      await c.query(`UPDATE ${this.q('tideline_checkpoints')} SET next_offset = $5, updated_at = now() WHERE projection = $1 AND version = $2 AND topic = $3 AND partition = $4`, [...key, b.nextOffset.toString()]);
    });
  }
}
