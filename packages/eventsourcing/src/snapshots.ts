// Snapshots: an aggregate's state at a stream version, stored in a compacted topic keyed by stream
// id with the state's schema version. Loading = the latest snapshot + the tail of the stream read
// from the snapshot's version (through the store's stream index, not a scan). A snapshot whose
// schema version differs from the loader's is ignored and the stream is folded from its start.
// Policies decide when a load leaves a new snapshot behind: every N events since the last one, or
// when the load took longer than T.
import type { Event, EventStore } from '@event-driven-io/emmett';
import { CompactedTable, type CompactedTableOptions } from './compacted-table.js';
import type { TidelineReadEvent, TidelineReadEventMetadata } from './types.js';

export interface Snapshot<S> {
  streamId: string;
  /** The stream version of the last event folded into `state`. */
  version: bigint;
  /** The version of the state's shape (bump it when `evolve` or the state type changes). */
  schemaVersion: number;
  state: S;
  /** Milliseconds since the epoch. */
  takenAt: number;
}

export interface SnapshotStore {
  load(streamId: string): Promise<Snapshot<unknown> | null>;
  save(snapshot: Snapshot<unknown>): Promise<void>;
  /** Removes a stream's snapshot (a tombstone in the compacted topic). */
  delete(streamId: string): Promise<void>;
}

export class InMemorySnapshotStore implements SnapshotStore {
  private readonly m = new Map<string, Snapshot<unknown>>();
  async load(streamId: string): Promise<Snapshot<unknown> | null> {
    return this.m.get(streamId) ?? null;
  }
  async save(s: Snapshot<unknown>): Promise<void> {
    this.m.set(s.streamId, s);
  }
  async delete(streamId: string): Promise<void> {
    this.m.delete(streamId);
  }
}

export interface StateCodec {
  /** State to a JSON-able value (default: as is). Seal personal fields here (PersonalDataCodec.sealState). */
  encode(state: unknown): unknown | Promise<unknown>;
  /** Back (default: as is). Open personal fields here (PersonalDataCodec.decrypt). */
  decode(json: unknown): unknown | Promise<unknown>;
}

/** Snapshots in a compacted topic: value = JSON { version, schemaVersion, state, takenAt }. */
export class KafkaSnapshotStore implements SnapshotStore {
  private readonly table: CompactedTable;

  constructor(opts: CompactedTableOptions & { codec?: StateCodec }) {
    this.table = new CompactedTable(opts);
    this.codec = opts.codec ?? { encode: (s) => s, decode: (j) => j };
  }
  private readonly codec: StateCodec;

  get topic(): string {
    return this.table.topic;
  }

  start(): Promise<void> {
    return this.table.start();
  }

  close(): Promise<void> {
    return this.table.close();
  }

  async load(streamId: string): Promise<Snapshot<unknown> | null> {
    const v = this.table.get(streamId);
    if (v === undefined) return null;
    const j = JSON.parse(v.toString('utf8')) as { version: string; schemaVersion: number; state: unknown; takenAt: number };
    return { streamId, version: BigInt(j.version), schemaVersion: j.schemaVersion, state: await this.codec.decode(j.state), takenAt: j.takenAt };
  }

  async save(s: Snapshot<unknown>): Promise<void> {
    const state = await this.codec.encode(s.state);
    await this.table.put(s.streamId, Buffer.from(JSON.stringify({ version: s.version.toString(), schemaVersion: s.schemaVersion, state, takenAt: s.takenAt })));
  }

  delete(streamId: string): Promise<void> {
    return this.table.put(streamId, null);
  }
}

export interface LoadInfo {
  /** Events folded in this load (the tail, or the whole stream). */
  eventsApplied: number;
  /** Events since the last snapshot (the whole stream when there was none). */
  eventsSinceSnapshot: number;
  loadMs: number;
  version: bigint | null;
}

/** Decides whether a load should leave a snapshot behind. */
export type SnapshotPolicy = (info: LoadInfo) => boolean;

export const SnapshotPolicies = {
  /** When at least `n` events were folded on top of the last snapshot. */
  everyNEvents: (n: number): SnapshotPolicy => (i) => i.eventsSinceSnapshot >= n,
  /** When the load took longer than `ms`. */
  slowerThan: (ms: number): SnapshotPolicy => (i) => i.eventsSinceSnapshot > 0 && i.loadMs > ms,
  any: (...ps: SnapshotPolicy[]): SnapshotPolicy => (i) => ps.some((p) => p(i)),
  never: (): SnapshotPolicy => () => false,
};

/** Reads a stream's events after `afterVersion` (null: from the start), in order. */
export type ReadTail<E> = (streamId: string, afterVersion: bigint | null) => Promise<Iterable<E> | AsyncIterable<E>>;

export interface SnapshotLoaderOptions<S, E> {
  store: SnapshotStore;
  read: ReadTail<E>;
  evolve: (state: S, event: E) => S;
  initialState: () => S;
  /** Stream version of an event. */
  versionOf: (event: E) => bigint;
  /** The state's schema version: snapshots with another are ignored. */
  schemaVersion: number;
  policy?: SnapshotPolicy;
}

export interface LoadResult<S> extends LoadInfo {
  state: S;
  fromSnapshot: boolean;
  /** The snapshot was ignored because its schema version did not match. */
  snapshotStale: boolean;
  snapshotTaken: boolean;
}

/**
 * The tail reader over a store's readStream (the store reads by its stream index from the given
 * version; give it the store wrapped by withReadHooks so the tail is upcast and decrypted).
 */
export function storeTail<E extends Event = Event>(store: Pick<EventStore<TidelineReadEventMetadata>, 'readStream'>): ReadTail<TidelineReadEvent<E>> {
  return async (streamId, after) => {
    const r = await store.readStream<E>(streamId, after === null ? undefined : { from: after + 1n });
    return r.events as TidelineReadEvent<E>[];
  };
}

/** Stream version of a store event (for SnapshotLoaderOptions.versionOf). */
export const streamPositionOf = (e: TidelineReadEvent): bigint => e.metadata.streamPosition;

export class SnapshotLoader<S, E> {
  constructor(private readonly o: SnapshotLoaderOptions<S, E>) {}

  async load(streamId: string): Promise<LoadResult<S>> {
    const t0 = performance.now();
    const snap = await this.o.store.load(streamId);
    const usable = snap !== null && snap.schemaVersion === this.o.schemaVersion;
    let state = usable ? (snap.state as S) : this.o.initialState();
    let version: bigint | null = usable ? snap.version : null;
    let n = 0;
    for await (const e of await this.o.read(streamId, version)) {
      state = this.o.evolve(state, e);
      version = this.o.versionOf(e);
      n++;
    }
    const info: LoadInfo = { eventsApplied: n, eventsSinceSnapshot: n, loadMs: performance.now() - t0, version };
    let taken = false;
    if (version !== null && this.o.policy !== undefined && this.o.policy(info)) {
      await this.o.store.save({ streamId, version, schemaVersion: this.o.schemaVersion, state, takenAt: Date.now() });
      taken = true;
    }
    return { ...info, state, fromSnapshot: usable, snapshotStale: snap !== null && !usable, snapshotTaken: taken };
  }

  /** Folds the stream and stores a snapshot whatever the policy says. */
  async snapshot(streamId: string): Promise<LoadResult<S>> {
    const r = await new SnapshotLoader({ ...this.o, policy: (i) => i.eventsApplied > 0 }).load(streamId);
    return r;
  }
}
