// In-memory state stores: key-value, window and session. Every change is reported to a changelog
// sink (written to the compacted topic `<app>-<store>-changelog`, partition = task partition) and
// a store is rebuilt from that topic by restore(). Entries may expire after ttlMs of wall-clock
// time without an update (the expiry is logged as a tombstone).
//
// Changelog key layout: key-value stores use the serialized key; window and session stores use
// 8 bytes of window start, 8 bytes of window end (big-endian int64) and then the serialized key.
import type { Serde } from './serdes.js';

export type ChangelogSink = (store: string, key: Buffer, value: Buffer | null, timestamp: number) => void;

export interface StoreOptions {
  /** Write changes to a changelog topic (default true). */
  logging?: boolean;
  /** Expire entries not updated for this long (wall clock). Default: never. */
  ttlMs?: number;
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

/** What a task needs from any store. */
export interface ManagedStore {
  readonly name: string;
  readonly logging: boolean;
  attach(sink: ChangelogSink, clock: () => number): void;
  restore(key: Buffer, value: Buffer | null, timestamp: number): void;
  /** Drops entries older than the TTL; returns how many. */
  expire(now: number): number;
}

interface Entry<K, V> {
  key: K;
  keyBytes: Buffer;
  start: number;
  end: number;
  value: V;
  updated: number;
}

const storeKey = (b: Buffer): string => b.toString('latin1');

/** A map of (key, start, end) -> value with a changelog; the three store kinds are views of it. */
class MemoryStore<K, V> implements ManagedStore {
  private readonly map = new Map<string, Entry<K, V>>();
  private readonly byKey = new Map<string, Set<string>>();
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

  private keyBytes(key: K): Buffer {
    return this.keySerde.serialize(key, this.name) ?? Buffer.alloc(0);
  }

  private composite(kb: Buffer, start: number, end: number): Buffer {
    if (!this.windowed) return kb;
    const b = Buffer.allocUnsafe(16 + kb.length);
    b.writeBigInt64BE(BigInt(start), 0);
    b.writeBigInt64BE(BigInt(end), 8);
    kb.copy(b, 16);
    return b;
  }

  private live(e: Entry<K, V> | undefined, now: number): e is Entry<K, V> {
    return e !== undefined && now - e.updated < this.ttlMs;
  }

  get(key: K, start = 0, end = 0): V | undefined {
    const id = storeKey(this.composite(this.keyBytes(key), start, end));
    const e = this.map.get(id);
    const now = this.clock();
    if (e !== undefined && !this.live(e, now)) {
      this.remove(id, e, true);
      return undefined;
    }
    return e?.value;
  }

  put(key: K, value: V, start = 0, end = 0): void {
    const kb = this.keyBytes(key);
    const comp = this.composite(kb, start, end);
    const id = storeKey(comp);
    const now = this.clock();
    this.set(id, { key, keyBytes: kb, start, end, value, updated: now });
    if (this.logging && this.sink !== null) this.sink(this.name, comp, this.valueSerde.serialize(value, this.name), now);
  }

  private set(id: string, e: Entry<K, V>): void {
    this.map.set(id, e);
    const k = storeKey(e.keyBytes);
    let ids = this.byKey.get(k);
    if (ids === undefined) this.byKey.set(k, (ids = new Set()));
    ids.add(id);
  }

  delete(key: K, start = 0, end = 0): void {
    const id = storeKey(this.composite(this.keyBytes(key), start, end));
    const e = this.map.get(id);
    if (e !== undefined) this.remove(id, e, true);
  }

  private remove(id: string, e: Entry<K, V>, log: boolean): void {
    this.map.delete(id);
    const k = storeKey(e.keyBytes);
    const ids = this.byKey.get(k);
    ids?.delete(id);
    if (ids !== undefined && ids.size === 0) this.byKey.delete(k);
    if (log && this.logging && this.sink !== null) this.sink(this.name, this.composite(e.keyBytes, e.start, e.end), null, this.clock());
  }

  fetch(key: K): Array<WindowEntry<K, V>> {
    const ids = this.byKey.get(storeKey(this.keyBytes(key)));
    if (ids === undefined) return [];
    const now = this.clock();
    const out: Array<WindowEntry<K, V>> = [];
    for (const id of [...ids]) {
      const e = this.map.get(id)!;
      if (!this.live(e, now)) this.remove(id, e, true);
      else out.push({ key: e.key, start: e.start, end: e.end, value: e.value });
    }
    return out.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  all(): Array<WindowEntry<K, V>> {
    const now = this.clock();
    const out: Array<WindowEntry<K, V>> = [];
    for (const e of this.map.values()) if (this.live(e, now)) out.push({ key: e.key, start: e.start, end: e.end, value: e.value });
    return out;
  }

  get size(): number {
    return this.map.size;
  }

  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    const id = storeKey(key);
    const old = this.map.get(id);
    if (old !== undefined) this.remove(id, old, false);
    if (value === null) return;
    const kb = this.windowed ? key.subarray(16) : key;
    const start = this.windowed ? Number(key.readBigInt64BE(0)) : 0;
    const end = this.windowed ? Number(key.readBigInt64BE(8)) : 0;
    this.set(id, { key: this.keySerde.deserialize(Buffer.from(kb), this.name), keyBytes: Buffer.from(kb), start, end, value: this.valueSerde.deserialize(value, this.name), updated: timestamp });
  }

  expire(now: number): number {
    if (!Number.isFinite(this.ttlMs)) return 0;
    let n = 0;
    for (const [id, e] of [...this.map]) {
      if (now - e.updated >= this.ttlMs) {
        this.remove(id, e, true);
        n++;
      }
    }
    return n;
  }
}

export class InMemoryKeyValueStore<K, V> implements KeyValueStore<K, V>, ManagedStore {
  private readonly s: MemoryStore<K, V>;
  constructor(readonly name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions = {}) {
    this.s = new MemoryStore(name, false, keySerde, valueSerde, opts);
  }
  get logging(): boolean {
    return this.s.logging;
  }
  attach(sink: ChangelogSink, clock: () => number): void {
    this.s.attach(sink, clock);
  }
  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    this.s.restore(key, value, timestamp);
  }
  expire(now: number): number {
    return this.s.expire(now);
  }
  get(key: K): V | undefined {
    return this.s.get(key);
  }
  put(key: K, value: V): void {
    this.s.put(key, value);
  }
  delete(key: K): void {
    this.s.delete(key);
  }
  entries(): Array<[K, V]> {
    return this.s.all().map((e) => [e.key, e.value]);
  }
  get size(): number {
    return this.s.size;
  }
}

export class InMemoryWindowStore<K, V> implements WindowStore<K, V>, ManagedStore {
  private readonly s: MemoryStore<K, V>;
  constructor(readonly name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions = {}) {
    this.s = new MemoryStore(name, true, keySerde, valueSerde, opts);
  }
  get logging(): boolean {
    return this.s.logging;
  }
  attach(sink: ChangelogSink, clock: () => number): void {
    this.s.attach(sink, clock);
  }
  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    this.s.restore(key, value, timestamp);
  }
  expire(now: number): number {
    return this.s.expire(now);
  }
  get(key: K, start: number, end: number): V | undefined {
    return this.s.get(key, start, end);
  }
  put(key: K, start: number, end: number, value: V): void {
    this.s.put(key, value, start, end);
  }
  delete(key: K, start: number, end: number): void {
    this.s.delete(key, start, end);
  }
  fetch(key: K): Array<WindowEntry<K, V>> {
    return this.s.fetch(key);
  }
  entries(): Array<WindowEntry<K, V>> {
    return this.s.all();
  }
  get size(): number {
    return this.s.size;
  }
}

/** Store definitions for the processor API (a fresh store per task). */
export interface StoreBuilder {
  readonly name: string;
  build(): ManagedStore;
}

export const Stores = {
  keyValue<K, V>(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions = {}): StoreBuilder {
    return { name, build: () => new InMemoryKeyValueStore(name, keySerde, valueSerde, opts) };
  },
  window<K, V>(name: string, keySerde: Serde<K>, valueSerde: Serde<V>, opts: StoreOptions = {}): StoreBuilder {
    return { name, build: () => new InMemoryWindowStore(name, keySerde, valueSerde, opts) };
  },
};
