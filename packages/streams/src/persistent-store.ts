// Persistent state stores: the same key-value / window / session views as the in-memory stores,
// kept in an SQLite database (better-sqlite3) at `<stateDir>/<applicationId>/<taskId>/<store>.db`
// so state may be larger than memory. The changelog topic stays the source of truth: the database
// is written in one transaction per flush (before every commit) with WAL and synchronous=OFF, and
// a database without a checkpoint (a crash, or exactly-once state that may hold uncommitted
// writes) is wiped and rebuilt from the changelog. A clean close writes the changelog offset the
// database reflects (the checkpoint), so the next assignment restores only the changelog's tail.
//
// Reads go through a write-back cache: entries changed since the last flush (dirty, with their
// deserialized values) and a bounded number of clean entries read recently. Hot keys are served
// from it; flush() writes each dirty entry once to the database and once to the changelog (the
// record cache, with the same key layout as the in-memory stores).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { KeyValueView, WindowView } from './store-views.js';
import type { Serde } from './serdes.js';
import type { ChangelogSink, ManagedStore, StoreOptions, WindowClosing, WindowEntry } from './stores.js';

const EMPTY = Buffer.alloc(0);

/** Clean entries kept in the read cache (dirty ones are kept until the next flush). */
export const DEFAULT_CACHE_ENTRIES = 10_000;

interface CEntry<K, V> {
  key: K;
  kid: string;
  start: number;
  end: number;
  /** null: deleted since the last flush. */
  value: V | null;
  updated: number;
  /** The database (and so the changelog) holds this entry; undefined: not known yet. */
  inDb: boolean | undefined;
  dirty: boolean;
}

interface Row {
  k: Buffer;
  s: number;
  e: number;
  v: Buffer;
  t: number;
}

export interface PersistentOptions extends StoreOptions {
  /** Database file, or ':memory:' (the test driver without a stateDir). */
  path: string;
  /** Clean entries kept in memory. Default 10,000. */
  cacheEntries?: number;
}

const CHECKPOINT = 'checkpoint';

export class PersistentStore<K, V> implements ManagedStore {
  readonly logging: boolean;
  readonly persistent = true;
  private readonly ttlMs: number;
  private readonly db: Database.Database;
  private readonly cache = new Map<string, CEntry<K, V>>();
  private dirty: Array<CEntry<K, V>> = [];
  /** Windowed stores: the dirty entries of each key (fetch() overlays them on the database rows). */
  private dirtyByKey = new Map<string, Array<CEntry<K, V>>>();
  /** No live dirty entry ends before this (entriesUntil() scans the dirty entries only past it). */
  private minDirtyEnd = Number.POSITIVE_INFINITY;
  private readonly cacheMax: number;
  private sink: ChangelogSink | null = null;
  private clock: () => number = Date.now;
  private restoring = false;
  private closed = false;
  private readonly st: {
    get: Database.Statement<[Buffer, number, number], Row>;
    has: Database.Statement<[Buffer, number, number], { one: number }>;
    put: Database.Statement<[Buffer, number, number, Buffer, number]>;
    del: Database.Statement<[Buffer, number, number]>;
    byKey: Database.Statement<[Buffer], Row>;
    all: Database.Statement<[], Row>;
    until: Database.Statement<[number], Row>;
    old: Database.Statement<[number], Row>;
    count: Database.Statement<[], { n: number }>;
    nextEnd: Database.Statement<[number], { m: number | null }>;
    getMeta: Database.Statement<[string], { value: string }>;
    setMeta: Database.Statement<[string, string]>;
    delMeta: Database.Statement<[string]>;
  };

  constructor(readonly name: string, private readonly windowed: boolean, private readonly keySerde: Serde<K>, private readonly valueSerde: Serde<V>, opts: PersistentOptions) {
    this.logging = opts.logging ?? true;
    this.ttlMs = opts.ttlMs ?? Number.POSITIVE_INFINITY;
    this.cacheMax = opts.cacheEntries ?? DEFAULT_CACHE_ENTRIES;
    if (opts.path !== ':memory:') mkdirSync(dirname(opts.path), { recursive: true });
    this.db = new Database(opts.path);
    this.db.pragma('journal_mode = WAL');
    // The changelog is the source of truth: a database that may have lost writes has no checkpoint and is rebuilt.
    this.db.pragma('synchronous = OFF');
    this.db.exec(`CREATE TABLE IF NOT EXISTS entries (k BLOB NOT NULL, s INTEGER NOT NULL, e INTEGER NOT NULL, v BLOB NOT NULL, t INTEGER NOT NULL, PRIMARY KEY (k, s, e)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);`);
    if (windowed) this.db.exec('CREATE INDEX IF NOT EXISTS entries_end ON entries (e)');
    if (Number.isFinite(this.ttlMs)) this.db.exec('CREATE INDEX IF NOT EXISTS entries_updated ON entries (t)');
    const p = <P extends unknown[], R = unknown>(sql: string) => this.db.prepare<P, R>(sql);
    this.st = {
      get: p('SELECT k, s, e, v, t FROM entries WHERE k = ? AND s = ? AND e = ?'),
      has: p('SELECT 1 AS one FROM entries WHERE k = ? AND s = ? AND e = ?'),
      put: p('INSERT OR REPLACE INTO entries (k, s, e, v, t) VALUES (?, ?, ?, ?, ?)'),
      del: p('DELETE FROM entries WHERE k = ? AND s = ? AND e = ?'),
      byKey: p('SELECT k, s, e, v, t FROM entries WHERE k = ? ORDER BY s, e'),
      all: p('SELECT k, s, e, v, t FROM entries'),
      until: p(windowed ? 'SELECT k, s, e, v, t FROM entries WHERE e <= ? ORDER BY e, s' : 'SELECT k, s, e, v, t FROM entries WHERE e <= ?'),
      old: p('SELECT k, s, e, v, t FROM entries WHERE t <= ?'),
      count: p('SELECT count(*) AS n FROM entries'),
      nextEnd: p('SELECT min(e) AS m FROM entries WHERE e > ?'),
      getMeta: p('SELECT value FROM meta WHERE name = ?'),
      setMeta: p('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)'),
      delMeta: p('DELETE FROM meta WHERE name = ?'),
    };
  }

  attach(sink: ChangelogSink, clock: () => number): void {
    this.sink = sink;
    this.clock = clock;
  }

  private id(kid: string, start: number, end: number): string {
    return this.windowed ? `${start}:${end}:${kid}` : kid;
  }

  private kid(key: K): string {
    return (this.keySerde.serialize(key, this.name) ?? EMPTY).toString('latin1');
  }

  private expired(updated: number, now: number): boolean {
    return now - updated >= this.ttlMs;
  }

  private endRestore(): void {
    if (this.restoring) {
      this.db.exec('COMMIT');
      this.restoring = false;
    }
  }

  private fromRow(r: Row, kid?: string): CEntry<K, V> {
    return { key: this.keySerde.deserialize(r.k, this.name), kid: kid ?? r.k.toString('latin1'), start: r.s, end: r.e, value: this.valueSerde.deserialize(r.v, this.name), updated: r.t, inDb: true, dirty: false };
  }

  /** The entry (cached, or read from the database and cached), deleted ones included (value null). */
  private lookup(key: K, start: number, end: number): CEntry<K, V> | undefined {
    this.endRestore();
    const kid = this.kid(key);
    const id = this.id(kid, start, end);
    const c = this.cache.get(id);
    if (c !== undefined) return c;
    const row = this.st.get.get(Buffer.from(kid, 'latin1'), start, end);
    if (row === undefined) return undefined;
    const e = this.fromRow(row, kid);
    this.cache.set(id, e);
    if (this.cache.size > this.cacheMax + this.dirty.length) this.evict();
    return e;
  }

  /** Drops clean entries from the cache (oldest first) down to half its size. */
  private evict(): void {
    const target = this.cacheMax >> 1;
    for (const [id, e] of this.cache) {
      if (this.cache.size <= target + this.dirty.length) break;
      if (!e.dirty) this.cache.delete(id);
    }
  }

  private markDirty(e: CEntry<K, V>): void {
    if (!e.dirty) {
      e.dirty = true;
      this.dirty.push(e);
      if (this.windowed) {
        const l = this.dirtyByKey.get(e.kid);
        if (l === undefined) this.dirtyByKey.set(e.kid, [e]);
        else l.push(e);
      }
    }
    if (e.value !== null && e.end < this.minDirtyEnd) this.minDirtyEnd = e.end;
  }

  get(key: K, start = 0, end = 0): V | undefined {
    const e = this.lookup(key, start, end);
    if (e === undefined || e.value === null) return undefined;
    if (Number.isFinite(this.ttlMs) && this.expired(e.updated, this.clock())) {
      e.value = null;
      this.markDirty(e);
      return undefined;
    }
    return e.value;
  }

  put(key: K, value: V, start = 0, end = 0): void {
    this.endRestore();
    const kid = this.kid(key);
    const id = this.id(kid, start, end);
    let e = this.cache.get(id);
    if (e === undefined) {
      e = { key, kid, start, end, value, updated: this.clock(), inDb: undefined, dirty: false };
      this.cache.set(id, e);
    } else {
      e.value = value;
      e.updated = this.clock();
    }
    this.markDirty(e);
  }

  delete(key: K, start = 0, end = 0): void {
    const e = this.lookup(key, start, end);
    if (e === undefined || e.value === null) return;
    e.value = null;
    this.markDirty(e);
  }

  private live(e: CEntry<K, V>, now: number): WindowEntry<K, V> | null {
    if (e.value === null || this.expired(e.updated, now)) return null;
    return { key: e.key, start: e.start, end: e.end, value: e.value };
  }

  /** Database rows overlaid with the dirty entries (`dirty`: the candidates not in the rows). */
  private overlay(rows: Iterable<Row>, dirty: Iterable<CEntry<K, V>>, now: number): Array<WindowEntry<K, V>> {
    const out: Array<WindowEntry<K, V>> = [];
    for (const r of rows) {
      if (this.expired(r.t, now)) continue;
      const kid = r.k.toString('latin1');
      const c = this.cache.get(this.id(kid, r.s, r.e));
      if (c !== undefined && c.dirty) continue; // the dirty version is added below
      out.push({ key: c?.key ?? this.keySerde.deserialize(r.k, this.name), start: r.s, end: r.e, value: c?.value ?? this.valueSerde.deserialize(r.v, this.name) });
    }
    for (const c of dirty) {
      const w = this.live(c, now);
      if (w !== null) out.push(w);
    }
    return out;
  }

  fetch(key: K): Array<WindowEntry<K, V>> {
    this.endRestore();
    const kid = this.kid(key);
    const now = this.clock();
    const dirty = this.windowed ? (this.dirtyByKey.get(kid) ?? []) : this.dirty.filter((e) => e.kid === kid);
    return this.overlay(this.st.byKey.iterate(Buffer.from(kid, 'latin1')), dirty, now).sort((a, b) => a.start - b.start || a.end - b.end);
  }

  all(): Array<WindowEntry<K, V>> {
    this.endRestore();
    return this.overlay(this.st.all.iterate(), this.dirty, this.clock());
  }

  /** Entries whose window ended at or before `t` (an index range; windowed stores). */
  until(t: number): Array<WindowEntry<K, V>> {
    this.endRestore();
    const now = this.clock();
    let dirty: Array<CEntry<K, V>> = [];
    if (t >= this.minDirtyEnd) {
      let min = Number.POSITIVE_INFINITY;
      for (const e of this.dirty) {
        if (e.end <= t) dirty.push(e);
        else if (e.value !== null && e.end < min) min = e.end;
      }
      this.minDirtyEnd = min;
    } else dirty = [];
    return this.overlay(this.st.until.iterate(t), dirty, now);
  }

  /** Windows that ended at or before `t` (the end index) and the smallest end after `t`. */
  closing(t: number): WindowClosing<K, V> {
    const closed = this.until(t);
    let nextEnd = this.st.nextEnd.get(t)?.m ?? Number.POSITIVE_INFINITY;
    for (const e of this.dirty) if (e.value !== null && e.end > t && e.end < nextEnd) nextEnd = e.end;
    return { closed, nextEnd };
  }

  get size(): number {
    this.endRestore();
    let n = this.st.count.get()!.n;
    for (const e of this.dirty) {
      const inDb = this.knownInDb(e);
      if (e.value === null && inDb) n--;
      else if (e.value !== null && !inDb) n++;
    }
    return n;
  }

  private knownInDb(e: CEntry<K, V>): boolean {
    e.inDb ??= this.st.has.get(Buffer.from(e.kid, 'latin1'), e.start, e.end) !== undefined;
    return e.inDb;
  }

  private changelogKey(e: CEntry<K, V>): Buffer {
    if (!this.windowed) return Buffer.from(e.kid, 'latin1');
    const b = Buffer.allocUnsafe(16 + e.kid.length);
    b.writeBigInt64BE(BigInt(e.start), 0);
    b.writeBigInt64BE(BigInt(e.end), 8);
    b.write(e.kid, 16, 'latin1');
    return b;
  }

  /** Writes every entry changed since the last flush to the database (one transaction) and the changelog. */
  flush(): number {
    if (this.closed) return 0;
    this.endRestore();
    if (this.dirty.length === 0) return 0;
    const now = this.clock();
    let written = 0;
    const sink = this.logging ? this.sink : null;
    const tx = this.db.transaction(() => {
      for (const e of this.dirty) {
        e.dirty = false;
        const kb = Buffer.from(e.kid, 'latin1');
        if (e.value === null) {
          this.cache.delete(this.id(e.kid, e.start, e.end));
          if (!this.knownInDb(e)) continue; // created and removed between two flushes
          this.st.del.run(kb, e.start, e.end);
          e.inDb = false;
          if (sink !== null) {
            sink(this.name, this.changelogKey(e), null, now);
            written++;
          }
        } else {
          const v = this.valueSerde.serialize(e.value, this.name) ?? EMPTY;
          this.st.put.run(kb, e.start, e.end, v, e.updated);
          e.inDb = true;
          if (sink !== null) {
            sink(this.name, this.changelogKey(e), v, e.updated);
            written++;
          }
        }
      }
    });
    tx();
    this.dirty = [];
    this.dirtyByKey = new Map();
    this.minDirtyEnd = Number.POSITIVE_INFINITY;
    if (this.cache.size > this.cacheMax) this.evict();
    return written;
  }

  /** Applies one changelog record (restores are batched in one transaction until the next other call). */
  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    if (!this.restoring) {
      this.db.exec('BEGIN');
      this.restoring = true;
    }
    const kb = this.windowed ? key.subarray(16) : key;
    const start = this.windowed ? Number(key.readBigInt64BE(0)) : 0;
    const end = this.windowed ? Number(key.readBigInt64BE(8)) : 0;
    this.cache.delete(this.id(kb.toString('latin1'), start, end));
    if (value === null) this.st.del.run(Buffer.from(kb), start, end);
    else this.st.put.run(Buffer.from(kb), start, end, value, timestamp);
  }

  expire(now: number): number {
    if (!Number.isFinite(this.ttlMs)) return 0;
    this.endRestore();
    let n = 0;
    for (const r of this.st.old.all(now - this.ttlMs)) {
      const kid = r.k.toString('latin1');
      const id = this.id(kid, r.s, r.e);
      let c = this.cache.get(id);
      if (c !== undefined && c.dirty) continue; // handled below
      if (c === undefined) {
        c = this.fromRow(r, kid);
        this.cache.set(id, c);
      }
      c.value = null;
      this.markDirty(c);
      n++;
    }
    for (const c of this.dirty) {
      if (c.value !== null && this.expired(c.updated, now)) {
        c.value = null;
        n++;
      }
    }
    return n;
  }

  /** The changelog offset the database reflects (written on a clean close), or null. */
  checkpoint(): bigint | null {
    this.endRestore();
    const r = this.st.getMeta.get(CHECKPOINT);
    return r === undefined ? null : BigInt(r.value);
  }

  writeCheckpoint(offset: bigint | null): void {
    if (this.closed) return;
    this.endRestore();
    if (offset === null) this.st.delMeta.run(CHECKPOINT);
    else this.st.setMeta.run(CHECKPOINT, offset.toString());
  }

  /** Empties the database and the cache (before a full restore). */
  wipe(): void {
    this.endRestore();
    this.db.exec('DELETE FROM entries; DELETE FROM meta;');
    this.cache.clear();
    this.dirty = [];
    this.dirtyByKey = new Map();
    this.minDirtyEnd = Number.POSITIVE_INFINITY;
  }

  close(): void {
    if (this.closed) return;
    this.endRestore();
    this.closed = true;
    this.db.close();
  }
}

/** A key-value store in an SQLite database (`{ persistent: true }`). */
export class PersistentKeyValueStore<K, V> extends KeyValueView<K, V> {
  readonly persistent = true;
  declare readonly checkpoint: () => bigint | null;
  declare readonly writeCheckpoint: (offset: bigint | null) => void;
  declare readonly wipe: () => void;
  declare readonly close: () => void;
  constructor(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: PersistentOptions) {
    const s = new PersistentStore(name, false, keySerde, valueSerde, opts);
    super(name, s, s);
  }
}

/** A window (or session) store in an SQLite database (`{ persistent: true }`). */
export class PersistentWindowStore<K, V> extends WindowView<K, V> {
  readonly persistent = true;
  declare readonly checkpoint: () => bigint | null;
  declare readonly writeCheckpoint: (offset: bigint | null) => void;
  declare readonly wipe: () => void;
  declare readonly close: () => void;
  constructor(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: PersistentOptions) {
    const s = new PersistentStore(name, true, keySerde, valueSerde, opts);
    super(name, s, s);
  }
}
