// The public store classes are views over a backing store (the in-memory map of stores.ts or the
// SQLite-backed store of persistent-store.ts): the key-value view hides (start, end), the window
// view passes them on. Persistent backings add checkpoints, wipe and close, which the runtime
// finds as the optional ManagedStore methods.
import type { ChangelogSink, KeyValueStore, ManagedStore, WindowClosing, WindowEntry, WindowStore, ClosingWindowStore } from './stores.js';

/** What a store view delegates to. */
export interface StoreBacking<K, V> {
  readonly logging: boolean;
  readonly size: number;
  attach(sink: ChangelogSink, clock: () => number): void;
  restore(key: Buffer, value: Buffer | null, timestamp: number): void;
  expire(now: number): number;
  flush(): number;
  get(key: K, start?: number, end?: number): V | undefined;
  put(key: K, value: V, start?: number, end?: number): void;
  delete(key: K, start?: number, end?: number): void;
  fetch(key: K): Array<WindowEntry<K, V>>;
  all(): Array<WindowEntry<K, V>>;
  closing(t: number): WindowClosing<K, V>;
}

/** A backing kept on disk: checkpoints (the changelog offset it reflects), wipe and close. */
export interface Persistence {
  checkpoint(): bigint | null;
  writeCheckpoint(offset: bigint | null): void;
  wipe(): void;
  close(): void;
}

abstract class StoreView<K, V> implements ManagedStore {
  readonly checkpoint?: () => bigint | null;
  readonly writeCheckpoint?: (offset: bigint | null) => void;
  readonly wipe?: () => void;
  readonly close?: () => void;

  constructor(readonly name: string, protected readonly s: StoreBacking<K, V>, persistence?: Persistence) {
    if (persistence !== undefined) {
      this.checkpoint = () => persistence.checkpoint();
      this.writeCheckpoint = (offset) => persistence.writeCheckpoint(offset);
      this.wipe = () => persistence.wipe();
      this.close = () => persistence.close();
    }
  }
  get logging(): boolean {
    return this.s.logging;
  }
  get size(): number {
    return this.s.size;
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
  flush(): number {
    return this.s.flush();
  }
}

/** A key-value store over a backing. */
export class KeyValueView<K, V> extends StoreView<K, V> implements KeyValueStore<K, V> {
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
}

/** A window (or session) store over a backing. */
export class WindowView<K, V> extends StoreView<K, V> implements ClosingWindowStore<K, V>, WindowStore<K, V> {
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
  /** Windows that ended at or before `t`, and the smallest end after `t` (Infinity: none). */
  closing(t: number): WindowClosing<K, V> {
    return this.s.closing(t);
  }
}
