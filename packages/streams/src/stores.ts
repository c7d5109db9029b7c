// In-memory state stores: key-value, window and session. Changes go to a changelog sink on
// flush() (the compacted topic `<app>-<store>-changelog`, partition = task partition; runners
// flush before each commit) and a store is rebuilt from that topic by restore(). Entries may expire after ttlMs of wall-clock
// time without an update (the expiry is logged as a tombstone).
//
// Changelog key layout: key-value stores use the serialized key; window and session stores use
// 8 bytes of window start, 8 bytes of window end (big-endian int64) and then the serialized key.
import { join } from 'node:path';
import { PersistentKeyValueStore, PersistentWindowStore } from './persistent-store.js';
import { KeyValueView, WindowView } from './store-views.js';
import type { Serde } from './serdes.js';

const EMPTY = Buffer.alloc(0);

export type ChangelogSink = (store: string, key: Buffer, value: Buffer | null, timestamp: number) => void;

export interface StoreOptions {
  /** Write changes to a changelog topic (default true). */
  logging?: boolean;
  /** Expire entries not updated for this long (wall clock). Default: never. */
  ttlMs?: number;
  /**
   * Keep the state in an SQLite database under StreamsConfig.stateDir instead of memory (state
   * larger than memory; a clean restart restores only the changelog's tail). Default false.
   */
  persistent?: boolean;
  /** Persistent stores: clean entries kept in memory (the read cache). Default 10,000. */
  cacheEntries?: number;
}

export interface KeyValueStore<K, V> {
  readonly name: string;
  get(key: K): V | undefined;
  put(key: K, value: V): void;
  delete(key: K): void;
  entries(): Array<[K, V]>;
  readonly size: number;
}

export interface WindowEntry<K, V> {
  key: K;
  start: number;
  end: number;
  value: V;
}

/** Window store: values per (key, window); session stores use the same shape (end = last event). */
export interface WindowStore<K, V> {
  readonly name: string;
  get(key: K, start: number, end: number): V | undefined;
  put(key: K, start: number, end: number, value: V): void;
  delete(key: K, start: number, end: number): void;
  fetch(key: K): Array<WindowEntry<K, V>>;
  entries(): Array<WindowEntry<K, V>>;
  readonly size: number;
}

/** Windows that ended by a time, and when the next one ends (window operators close windows with it). */
export interface WindowClosing<K, V> {
  closed: Array<WindowEntry<K, V>>;
  /** The smallest window end after the time asked; Infinity when there is none. */
  nextEnd: number;
}

/** A window store that finds its ended windows without a full read (both built-in kinds). */
export interface ClosingWindowStore<K, V> extends WindowStore<K, V> {
  closing(t: number): WindowClosing<K, V>;
}

/** What a task needs from any store. */
export interface ManagedStore {
  readonly name: string;
  readonly logging: boolean;
  attach(sink: ChangelogSink, clock: () => number): void;
  restore(key: Buffer, value: Buffer | null, timestamp: number): void;
  /** Drops entries older than the TTL; returns how many. */
  expire(now: number): number;
  /** Writes the changes since the last flush to the changelog sink; returns how many records. */
  flush(): number;
  /** Persistent stores only: the changelog offset the local database reflects (written on a clean close), or null. */
  checkpoint?(): bigint | null;
  writeCheckpoint?(offset: bigint | null): void;
  /** Persistent stores only: empties the local database (before a full restore). */
  wipe?(): void;
  /** Releases the store's resources (its database) when its task is closed. */
  close?(): void;
}

interface Entry<K, V> {
  key: K;
  /** The serialized key as a latin1 string (one char per byte). */
  keyId: string;
  start: number;
  end: number;
  value: V;
  updated: number;
  /** The changelog holds this entry (it was flushed or restored). */
  logged: boolean;
  /** Changed since the last flush. */
  dirty: boolean;
}

const KEY_ID_CACHE_MAX = 65_536;

/**
 * A map of (key, start, end) -> value with a changelog; the three store kinds are views of it.
 * Entries are found by the serialized key, then (windowed stores) by a short scan of that key's
 * windows. Changes are not written to the changelog at once: flush() writes one record per entry
 * changed since the last flush (its latest value) and one tombstone per logged entry removed
 * (the record cache). Runners flush before every commit, so an entry updated a thousand times in
 * one commit interval costs one changelog record; one created and removed between two flushes
 * costs none.
 */
class MemoryStore<K, V> implements ManagedStore {
  /** Key-value stores: keyId -> entry; windowed stores: keyId -> the key's windows. */
  private readonly kv = new Map<string, Entry<K, V>>();
  private readonly windows = new Map<string, Array<Entry<K, V>>>();
  private count = 0;
  private readonly dirty: Array<Entry<K, V>> = [];
  private readonly removed: Array<Entry<K, V>> = [];
  /** Primitive keys -> their serialized id (saves serializing hot keys on every access). */
  private readonly keyIds = new Map<K, string>();
  private sink: ChangelogSink | null = null;
  private clock: () => number = Date.now;
  readonly logging: boolean;
  private readonly ttlMs: number;

  constructor(readonly name: string, private readonly windowed: boolean, private readonly keySerde: Serde<K>, private readonly valueSerde: Serde<V>, opts: StoreOptions) {
    this.logging = opts.logging ?? true;
    this.ttlMs = opts.ttlMs ?? Number.POSITIVE_INFINITY;
  }

  attach(sink: ChangelogSink, clock: () => number): void {
    this.sink = sink;
    this.clock = clock;
  }

  private keyId(key: K): string {
    const primitive = typeof key === 'string' || typeof key === 'number';
    if (primitive) {
      const cached = this.keyIds.get(key);
      if (cached !== undefined) return cached;
    }
    const id = (this.keySerde.serialize(key, this.name) ?? EMPTY).toString('latin1');
    if (primitive) {
      if (this.keyIds.size >= KEY_ID_CACHE_MAX) this.keyIds.clear();
      this.keyIds.set(key, id);
    }
    return id;
  }

  private find(keyId: string, start: number, end: number): Entry<K, V> | undefined {
    if (!this.windowed) return this.kv.get(keyId);
    const ws = this.windows.get(keyId);
    if (ws === undefined) return undefined;
    for (let i = 0; i < ws.length; i++) {
      const e = ws[i]!;
      if (e.start === start && e.end === end) return e;
    }
    return undefined;
  }

  private expired(e: Entry<K, V>, now: number): boolean {
    return now - e.updated >= this.ttlMs;
  }

  get(key: K, start = 0, end = 0): V | undefined {
    const e = this.find(this.keyId(key), start, end);
    if (e === undefined) return undefined;
    if (this.ttlMs !== Number.POSITIVE_INFINITY && this.expired(e, this.clock())) {
      this.remove(e, true);
      return undefined;
    }
    return e.value;
  }

  put(key: K, value: V, start = 0, end = 0): void {
    const keyId = this.keyId(key);
    let e = this.find(keyId, start, end);
    if (e !== undefined) {
      e.value = value;
      e.updated = this.clock();
    } else {
      e = { key, keyId, start, end, value, updated: this.clock(), logged: false, dirty: false };
      this.insert(e);
    }
    if (this.logging && !e.dirty) {
      e.dirty = true;
      this.dirty.push(e);
    }
  }

  private insert(e: Entry<K, V>): void {
    this.count++;
    if (!this.windowed) {
      this.kv.set(e.keyId, e);
      return;
    }
    const ws = this.windows.get(e.keyId);
    if (ws === undefined) this.windows.set(e.keyId, [e]);
    else ws.push(e);
  }

  delete(key: K, start = 0, end = 0): void {
    const e = this.find(this.keyId(key), start, end);
    if (e !== undefined) this.remove(e, true);
  }

  private remove(e: Entry<K, V>, log: boolean): void {
    this.count--;
    if (!this.windowed) this.kv.delete(e.keyId);
    else {
      const ws = this.windows.get(e.keyId)!;
      if (ws.length === 1) this.windows.delete(e.keyId);
      else ws.splice(ws.indexOf(e), 1);
    }
    // A removed entry is never flushed as a value; a logged one is deleted from the changelog.
    e.dirty = false;
    if (log && this.logging && e.logged) this.removed.push(e);
  }

  fetch(key: K): Array<WindowEntry<K, V>> {
    const keyId = this.keyId(key);
    const out: Array<WindowEntry<K, V>> = [];
    const now = this.clock();
    const list = this.windowed ? this.windows.get(keyId) : this.kv.has(keyId) ? [this.kv.get(keyId)!] : undefined;
    if (list === undefined) return out;
    for (const e of [...list]) {
      if (this.expired(e, now)) this.remove(e, true);
      else out.push({ key: e.key, start: e.start, end: e.end, value: e.value });
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private *each(): Generator<Entry<K, V>> {
    if (!this.windowed) yield* this.kv.values();
    else for (const ws of this.windows.values()) yield* ws;
  }

  all(): Array<WindowEntry<K, V>> {
    const now = this.clock();
    const out: Array<WindowEntry<K, V>> = [];
    for (const e of this.each()) if (!this.expired(e, now)) out.push({ key: e.key, start: e.start, end: e.end, value: e.value });
    return out;
  }

  closing(t: number): WindowClosing<K, V> {
    const now = this.clock();
    const closed: Array<WindowEntry<K, V>> = [];
    let nextEnd = Number.POSITIVE_INFINITY;
    for (const e of this.each()) {
      if (this.expired(e, now)) continue;
      if (e.end <= t) closed.push({ key: e.key, start: e.start, end: e.end, value: e.value });
      else if (e.end < nextEnd) nextEnd = e.end;
    }
    return { closed, nextEnd };
  }

  get size(): number {
    return this.count;
  }

  private changelogKey(e: Entry<K, V>): Buffer {
    if (!this.windowed) return Buffer.from(e.keyId, 'latin1');
    const b = Buffer.allocUnsafe(16 + e.keyId.length);
    b.writeBigInt64BE(BigInt(e.start), 0);
    b.writeBigInt64BE(BigInt(e.end), 8);
    b.write(e.keyId, 16, 'latin1');
    return b;
  }

  /** Writes every entry changed since the last flush to the changelog: removals (tombstones) first, then latest values. */
  flush(): number {
    const n = this.removed.length + this.dirty.length;
    if (n === 0) return 0;
    if (this.sink === null) {
      for (const e of this.dirty) e.dirty = false;
      this.dirty.length = 0;
      this.removed.length = 0;
      return 0;
    }
    const now = this.clock();
    let written = 0;
    for (const e of this.removed) {
      this.sink(this.name, this.changelogKey(e), null, now);
      written++;
    }
    this.removed.length = 0;
    for (const e of this.dirty) {
      if (!e.dirty) continue; // removed after it changed
      e.dirty = false;
      e.logged = true;
      this.sink(this.name, this.changelogKey(e), this.valueSerde.serialize(e.value, this.name), e.updated);
      written++;
    }
    this.dirty.length = 0;
    return written;
  }

  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    const kb = this.windowed ? key.subarray(16) : key;
    const keyId = kb.toString('latin1');
    const start = this.windowed ? Number(key.readBigInt64BE(0)) : 0;
    const end = this.windowed ? Number(key.readBigInt64BE(8)) : 0;
    const old = this.find(keyId, start, end);
    if (old !== undefined) this.remove(old, false);
    if (value === null) return;
    this.insert({ key: this.keySerde.deserialize(Buffer.from(kb), this.name), keyId, start, end, value: this.valueSerde.deserialize(value, this.name), updated: timestamp, logged: true, dirty: false });
  }

  expire(now: number): number {
    if (!Number.isFinite(this.ttlMs)) return 0;
    let n = 0;
    for (const e of [...this.each()]) {
      if (this.expired(e, now)) {
        this.remove(e, true);
        n++;
      }
    }
    return n;
  }
}

export class InMemoryKeyValueStore<K, V> extends KeyValueView<K, V> {
  constructor(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions = {}) {
    super(name, new MemoryStore(name, false, keySerde, valueSerde, opts));
  }
}

export class InMemoryWindowStore<K, V> extends WindowView<K, V> {
  constructor(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions = {}) {
    super(name, new MemoryStore(name, true, keySerde, valueSerde, opts));
  }
}

/** Where a task's stores live: persistent stores open `<stateDir>/<applicationId>/<taskId>/<store>.db`. */
export interface StoreContext {
  applicationId: string;
  taskId: string;
  /** Undefined: persistent stores use an in-memory SQLite database (the test driver's default). */
  stateDir?: string;
}

export const storePath = (ctx: StoreContext | undefined, store: string): string => (ctx?.stateDir === undefined ? ':memory:' : join(ctx.stateDir, ctx.applicationId, ctx.taskId, `${store}.db`));

/** A key-value store as the options ask: in memory or persistent. */
export function keyValueStore<K, V>(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions, ctx: StoreContext | undefined): InMemoryKeyValueStore<K, V> | PersistentKeyValueStore<K, V> {
  return opts.persistent === true ? new PersistentKeyValueStore(name, keySerde, valueSerde, { ...opts, path: storePath(ctx, name) }) : new InMemoryKeyValueStore(name, keySerde, valueSerde, opts);
}

/** A window (or session) store as the options ask: in memory or persistent. */
export function windowStore<K, V>(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions, ctx: StoreContext | undefined): InMemoryWindowStore<K, V> | PersistentWindowStore<K, V> {
  return opts.persistent === true ? new PersistentWindowStore(name, keySerde, valueSerde, { ...opts, path: storePath(ctx, name) }) : new InMemoryWindowStore(name, keySerde, valueSerde, opts);
}

/** Store definitions for the processor API (a fresh store per task). */
export interface StoreBuilder {
  readonly name: string;
  build(ctx?: StoreContext): ManagedStore;
}

export const Stores = {
  keyValue<K, V>(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions = {}): StoreBuilder {
    return { name, build: (ctx) => keyValueStore(name, keySerde, valueSerde, opts, ctx) };
  },
  window<K, V>(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions = {}): StoreBuilder {
    return { name, build: (ctx) => windowStore(name, keySerde, valueSerde, opts, ctx) };
  },
};
