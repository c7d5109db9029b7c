// The typed DSL. A StreamsBuilder collects operator definitions; build() returns the Topology.
// Key-changing operations (map, selectKey, flatMap, process) mark a stream so that a following
// groupByKey or join first writes it through a repartition topic (`<app>-<name>-repartition`),
// keyed by the new key; groupBy always does.
import { StreamsError } from './errors.js';
import { aggregateNode, listSerde, tableMapNode, sessionWindowNode, streamJoinSide, streamTableJoinNode, tableJoinSide, tableNode, timeWindowNode, type Aggregator, type EmitMode } from './operators.js';
import { processorNode, type ProcessorSupplier } from './processor.js';
import { Serdes, type Serde, type Windowed } from './serdes.js';
import { InMemoryKeyValueStore, InMemoryWindowStore, keyValueStore, windowStore, type StoreBuilder } from './stores.js';
import { Topology, type NodeDef, type SourceDef, type TimestampExtractor } from './topology.js';
import type { NodeContext, NodeRuntime, StreamRecord } from './types.js';
import type { JoinWindows, SessionWindows, TimeWindows } from './windows.js';

export interface SourceOptions<K, V> {
  keySerde: Serde<K>;
  valueSerde: Serde<V>;
  /** Event time of a record; default: the record's timestamp. */
  timestampExtractor?: TimestampExtractor<K, V>;
}

export interface TableOptions<K, V> extends SourceOptions<K, V> {
  storeName?: string;
  ttlMs?: number;
  /** Keep the table in a persistent (SQLite) store under StreamsConfig.stateDir. Default false. */
  persistent?: boolean;
}

export interface SinkOptions<K, V> {
  keySerde?: Serde<K>;
  valueSerde?: Serde<V>;
}

export interface AggregateOptions<A> {
  valueSerde: Serde<A>;
  /** Operator and store name (stable names keep changelog topics stable across versions). */
  name?: string;
  ttlMs?: number;
  /** Keep the state in a persistent (SQLite) store under StreamsConfig.stateDir. Default false. */
  persistent?: boolean;
}

export interface WindowAggregateOptions<A> extends AggregateOptions<A> {
  /** 'final' (default): one result per window when it closes; 'update': a result per change. */
  emit?: EmitMode;
}

type Rec = StreamRecord<unknown, unknown>;
type Make = (ctx: NodeContext) => NodeRuntime;

const stateless = (fn: (r: Rec, forward: (r: Rec) => void) => void): Make => (ctx) => ({ process: (r) => fn(r, (o) => ctx.forward(o)) });

export class StreamsBuilder {
  private readonly nodes: NodeDef[] = [];
  private readonly sources: SourceDef[] = [];
  private readonly storeBuilders = new Map<string, StoreBuilder>();
  private readonly repartitions: string[] = [];
  private seq = 0;

  /** @internal */
  name(kind: string, given?: string): string {
    const n = given ?? `${kind}-${String(this.seq).padStart(4, '0')}`;
    this.seq++;
    return n;
  }

  /** @internal */
  node(name: string, parents: readonly NodeDef[], make: Make, stores: string[] = []): NodeDef {
    const def: NodeDef = { id: this.nodes.length, name, children: [], stores, make };
    this.nodes.push(def);
    for (const p of parents) p.children.push(def);
    return def;
  }

  /** @internal */
  source<K, V>(topics: string[], internal: boolean, keySerde: Serde<K>, valueSerde: Serde<V>, extractor: TimestampExtractor<K, V> | null): NodeDef {
    const node = this.node(this.name('source'), [], stateless((r, f) => f(r)));
    this.sources.push({ node, topics, internal, keySerde: keySerde as Serde<unknown>, valueSerde: valueSerde as Serde<unknown>, extractor: extractor as TimestampExtractor<unknown, unknown> | null });
    return node;
  }

  /** @internal */
  repartitionTopic(name: string): string {
    const t = `${name}-repartition`;
    this.repartitions.push(t);
    return t;
  }

  /** A stream from one or more topics. */
  stream<K, V>(topics: string | string[], opts: SourceOptions<K, V>): KStream<K, V> {
    const node = this.source(Array.isArray(topics) ? topics : [topics], false, opts.keySerde, opts.valueSerde, opts.timestampExtractor ?? null);
    return new KStream(this, node, opts.keySerde, opts.valueSerde, false);
  }

  /** A table from a (compacted) topic: the latest value per key; a null value deletes the key. */
  table<K, V>(topic: string, opts: TableOptions<K, V>): KTable<K, V> {
    const src = this.source([topic], false, opts.keySerde, opts.valueSerde, opts.timestampExtractor ?? null);
    const storeName = opts.storeName ?? `${this.name('table')}-store`;
    this.addStateStore({ name: storeName, build: (ctx) => keyValueStore(storeName, opts.keySerde, opts.valueSerde, { ttlMs: opts.ttlMs, persistent: opts.persistent }, ctx) });
    const node = this.node(`${storeName}-materialize`, [src], tableNode<K, V>(storeName), [storeName]);
    return new KTable(this, node, storeName, opts.keySerde, opts.valueSerde);
  }

  /** Registers a store for the processor API (connect it with KStream.process). */
  addStateStore(builder: StoreBuilder): this {
    if (this.storeBuilders.has(builder.name)) throw new StreamsError('INVALID_TOPOLOGY', `store ${builder.name} is defined twice`);
    this.storeBuilders.set(builder.name, builder);
    return this;
  }

  build(): Topology {
    if (this.sources.length === 0) throw new StreamsError('INVALID_TOPOLOGY', 'a topology needs at least one source');
    return new Topology(this.nodes, this.sources, this.storeBuilders, this.repartitions);
  }
}

function need<T>(s: Serde<T> | undefined, what: string): Serde<T> {
  if (s === undefined) throw new StreamsError('MISSING_SERDE', `${what}: no serde known here; pass one in the options`);
  return s;
}

export class KStream<K, V> {
  /** @internal */
  constructor(readonly builder: StreamsBuilder, readonly node: NodeDef, readonly keySerde: Serde<K> | undefined, readonly valueSerde: Serde<V> | undefined, readonly keyChanged: boolean) {}

  private child<K2, V2>(kind: string, make: Make, keySerde: Serde<K2> | undefined, valueSerde: Serde<V2> | undefined, keyChanged: boolean): KStream<K2, V2> {
    return new KStream<K2, V2>(this.builder, this.builder.node(this.builder.name(kind), [this.node], make), keySerde, valueSerde, keyChanged);
  }

  map<K2, V2>(fn: (key: K, value: V) => [K2, V2], serdes: SinkOptions<K2, V2> = {}): KStream<K2, V2> {
    return this.child('map', stateless((r, f) => {
      const [key, value] = fn(r.key as K, r.value as V);
      f({ ...r, key, value });
    }), serdes.keySerde, serdes.valueSerde, true);
  }

  mapValues<V2>(fn: (value: V, key: K) => V2, valueSerde?: Serde<V2>): KStream<K, V2> {
    return this.child('map-values', stateless((r, f) => f({ ...r, value: fn(r.value as V, r.key as K) })), this.keySerde, valueSerde, this.keyChanged);
  }

  selectKey<K2>(fn: (key: K, value: V) => K2, keySerde?: Serde<K2>): KStream<K2, V> {
    return this.child('select-key', stateless((r, f) => f({ ...r, key: fn(r.key as K, r.value as V) })), keySerde, this.valueSerde, true);
  }

  filter(pred: (key: K, value: V) => boolean): KStream<K, V> {
    return this.child('filter', stateless((r, f) => {
      if (pred(r.key as K, r.value as V)) f(r);
    }), this.keySerde, this.valueSerde, this.keyChanged);
  }

  filterNot(pred: (key: K, value: V) => boolean): KStream<K, V> {
    return this.filter((k, v) => !pred(k, v));
  }

  flatMap<K2, V2>(fn: (key: K, value: V) => Iterable<[K2, V2]>, serdes: SinkOptions<K2, V2> = {}): KStream<K2, V2> {
    return this.child('flat-map', stateless((r, f) => {
      for (const [key, value] of fn(r.key as K, r.value as V)) f({ ...r, key, value });
    }), serdes.keySerde, serdes.valueSerde, true);
  }

  flatMapValues<V2>(fn: (value: V, key: K) => Iterable<V2>, valueSerde?: Serde<V2>): KStream<K, V2> {
    return this.child('flat-map-values', stateless((r, f) => {
      for (const value of fn(r.value as V, r.key as K)) f({ ...r, value });
    }), this.keySerde, valueSerde, this.keyChanged);
  }

  peek(fn: (key: K, value: V, timestamp: number) => void): KStream<K, V> {
    return this.child('peek', stateless((r, f) => {
      fn(r.key as K, r.value as V, r.timestamp);
      f(r);
    }), this.keySerde, this.valueSerde, this.keyChanged);
  }

  /** One stream per predicate; a record goes to the first branch whose predicate holds (or none). */
  branch(...preds: Array<(key: K, value: V) => boolean>): Array<KStream<K, V>> {
    return preds.map((pred, i) => this.child('branch', stateless((r, f) => {
      if (pred(r.key as K, r.value as V) && preds.slice(0, i).every((p) => !p(r.key as K, r.value as V))) f(r);
    }), this.keySerde, this.valueSerde, this.keyChanged));
  }

  merge(other: KStream<K, V>): KStream<K, V> {
    const node = this.builder.node(this.builder.name('merge'), [this.node, other.node], stateless((r, f) => f(r)));
    return new KStream(this.builder, node, this.keySerde ?? other.keySerde, this.valueSerde ?? other.valueSerde, this.keyChanged || other.keyChanged);
  }

  /** Writes through a repartition topic keyed by the current key. */
  repartition(opts: SinkOptions<K, V> & { name?: string } = {}): KStream<K, V> {
    const keySerde = need(opts.keySerde ?? this.keySerde, 'repartition key');
    const valueSerde = need(opts.valueSerde ?? this.valueSerde, 'repartition value');
    const topic = this.builder.repartitionTopic(this.builder.name('rekey', opts.name));
    this.builder.node(`${topic}-sink`, [this.node], (ctx) => ({
      process: (r) => ctx.send({ topic: ctx.topic(topic, true), key: keySerde.serialize(r.key as K, topic), value: valueSerde.serialize(r.value as V, topic), timestamp: r.timestamp, headers: r.headers }),
    }));
    return new KStream(this.builder, this.builder.source([topic], true, keySerde, valueSerde, null), keySerde, valueSerde, false);
  }

  private copartitioned(): KStream<K, V> {
    return this.keyChanged ? this.repartition() : this;
  }

  groupByKey(serdes: SinkOptions<K, V> = {}): KGroupedStream<K, V> {
    const s = this.keyChanged ? this.repartition(serdes) : this;
    return new KGroupedStream(this.builder, s.node, serdes.keySerde ?? s.keySerde, serdes.valueSerde ?? s.valueSerde);
  }

  groupBy<K2>(fn: (key: K, value: V) => K2, serdes: { keySerde: Serde<K2>; valueSerde?: Serde<V> }): KGroupedStream<K2, V> {
    return this.selectKey(fn, serdes.keySerde).groupByKey({ keySerde: serdes.keySerde, valueSerde: serdes.valueSerde ?? this.valueSerde });
  }

  /** Stream-stream join: records of both streams with the same key and times at most `windows.withinMs` apart. */
  join<V2, O>(other: KStream<K, V2>, joiner: (left: V, right: V2) => O, windows: JoinWindows, opts?: { name?: string }): KStream<K, O>;
  /** Stream-table join: each record with the table's current value for its key (records without one are dropped). */
  join<T, O>(table: KTable<K, T>, joiner: (value: V, tableValue: T) => O): KStream<K, O>;
  join<X, O>(other: KStream<K, X> | KTable<K, X>, joiner: (a: V, b: X) => O, windows?: JoinWindows, opts: { name?: string } = {}): KStream<K, O> {
    if (other instanceof KTable) return this.tableJoin(other, (v, t) => joiner(v, t as X), false);
    return this.streamJoin(other, (l, r) => joiner(l, r as X), windows, opts, false);
  }

  private streamJoin<X, O>(other: KStream<K, X>, joiner: (a: V, b: X | null) => O, windows: JoinWindows | undefined, opts: { name?: string }, leftOuter: boolean): KStream<K, O> {
    if (windows === undefined) throw new StreamsError('INVALID_TOPOLOGY', 'a stream-stream join needs JoinWindows');
    const left = this.copartitioned();
    const right = other.copartitioned();
    const name = this.builder.name('join', opts.name);
    const ls = `${name}-left-store`;
    const rs = `${name}-right-store`;
    const keySerde = need(left.keySerde ?? right.keySerde, 'join key');
    const lv = need(left.valueSerde, 'join left value');
    const rv = need(right.valueSerde, 'join right value');
    this.builder.addStateStore({ name: ls, build: () => new InMemoryWindowStore(ls, keySerde, listSerde(lv)) });
    this.builder.addStateStore({ name: rs, build: () => new InMemoryWindowStore(rs, keySerde, listSerde(rv)) });
    const l = this.builder.node(`${name}-left`, [left.node], streamJoinSide<K, V, X, O>(name, 'left', ls, rs, windows, joiner, leftOuter), [ls, rs]);
    const r = this.builder.node(`${name}-right`, [right.node], streamJoinSide<K, V, X, O>(name, 'right', rs, ls, windows, joiner), [rs, ls]);
    const out = this.builder.node(`${name}-merge`, [l, r], stateless((x, f) => f(x)));
    return new KStream<K, O>(this.builder, out, keySerde, undefined, false);
  }

  /** Stream-stream left join: as join, and a left record that matched nothing is emitted with null once no right record can match it any more. */
  leftJoin<V2, O>(other: KStream<K, V2>, joiner: (left: V, right: V2 | null) => O, windows: JoinWindows, opts?: { name?: string }): KStream<K, O>;
  /** Stream-table left join: records without a table value join with null. */
  leftJoin<T, O>(table: KTable<K, T>, joiner: (value: V, tableValue: T | null) => O): KStream<K, O>;
  leftJoin<X, O>(other: KStream<K, X> | KTable<K, X>, joiner: (a: V, b: X | null) => O, windows?: JoinWindows, opts: { name?: string } = {}): KStream<K, O> {
    if (other instanceof KTable) return this.tableJoin(other, joiner, true);
    return this.streamJoin(other, joiner, windows, opts, true);
  }

  private tableJoin<T, O>(table: KTable<K, T>, joiner: (value: V, t: T | null) => O, left: boolean): KStream<K, O> {
    const s = this.copartitioned();
    const node = this.builder.node(this.builder.name(left ? 'left-join-table' : 'join-table'), [s.node], streamTableJoinNode<K, V, T, O>(table.storeName, (v, t) => joiner(v, t as T), left), [table.storeName]);
    return new KStream<K, O>(this.builder, node, s.keySerde, undefined, false);
  }

  /** The processor API: `supplier` makes one processor per task; `stores` are registered with addStateStore. */
  process<K2, V2>(supplier: ProcessorSupplier<K, V, K2, V2>, stores: string[] = [], serdes: SinkOptions<K2, V2> = {}): KStream<K2, V2> {
    const node = this.builder.node(this.builder.name('processor'), [this.node], processorNode(supplier, stores), [...stores]);
    return new KStream<K2, V2>(this.builder, node, serdes.keySerde, serdes.valueSerde, true);
  }

  /** Writes the stream to a topic. */
  to(topic: string, opts: SinkOptions<K, V> = {}): void {
    const keySerde = need(opts.keySerde ?? this.keySerde, `to(${topic}) key`);
    const valueSerde = need(opts.valueSerde ?? this.valueSerde, `to(${topic}) value`);
    this.builder.node(this.builder.name('sink'), [this.node], (ctx) => ({
      process: (r) => ctx.send({ topic, key: keySerde.serialize(r.key as K, topic), value: valueSerde.serialize(r.value as V, topic), timestamp: r.timestamp, headers: r.headers }),
    }));
  }
}

export class KGroupedStream<K, V> {
  /** @internal */
  constructor(readonly builder: StreamsBuilder, readonly node: NodeDef, readonly keySerde: Serde<K> | undefined, readonly valueSerde: Serde<V> | undefined) {}

  aggregate<A>(init: () => A, add: (key: K, value: V, agg: A) => A, opts: AggregateOptions<A>): KTable<K, A> {
    const name = this.builder.name('aggregate', opts.name);
    const store = `${name}-store`;
    const keySerde = need(this.keySerde, 'aggregate key');
    this.builder.addStateStore({ name: store, build: (ctx) => keyValueStore(store, keySerde, opts.valueSerde, { ttlMs: opts.ttlMs, persistent: opts.persistent }, ctx) });
    const node = this.builder.node(name, [this.node], aggregateNode<K, V, A>(store, { init, add }), [store]);
    return new KTable(this.builder, node, store, keySerde, opts.valueSerde);
  }

  count(opts: { name?: string; ttlMs?: number; persistent?: boolean } = {}): KTable<K, number> {
    return this.aggregate(() => 0, (_k, _v, n) => n + 1, { ...opts, valueSerde: Serdes.number() });
  }

  reduce(fn: (a: V, b: V) => V, opts: { name?: string; ttlMs?: number; persistent?: boolean; valueSerde?: Serde<V> } = {}): KTable<K, V> {
    return this.aggregate<V | undefined>(() => undefined, (_k, v, a) => (a === undefined ? v : fn(a, v)), { ...opts, valueSerde: need(opts.valueSerde ?? this.valueSerde, 'reduce value') as Serde<V | undefined> }) as KTable<K, V>;
  }

  windowedBy(windows: TimeWindows | SessionWindows): WindowedKStream<K, V> {
    return new WindowedKStream(this.builder, this.node, this.keySerde, this.valueSerde, windows);
  }
}

export class WindowedKStream<K, V> {
  /** @internal */
  constructor(readonly builder: StreamsBuilder, readonly node: NodeDef, readonly keySerde: Serde<K> | undefined, readonly valueSerde: Serde<V> | undefined, readonly windows: TimeWindows | SessionWindows) {}

  /** Results as a stream keyed by window; `merge` combines two sessions' aggregates (session windows). */
  aggregate<A>(init: () => A, add: (key: K, value: V, agg: A) => A, opts: WindowAggregateOptions<A> & { merge?: (key: K, a: A, b: A) => A }): KStream<Windowed<K>, A> {
    const name = this.builder.name('window-aggregate', opts.name);
    const store = `${name}-store`;
    const keySerde = need(this.keySerde, 'windowed aggregate key');
    this.builder.addStateStore({ name: store, build: (ctx) => windowStore(store, keySerde, opts.valueSerde, { ttlMs: opts.ttlMs, persistent: opts.persistent }, ctx) });
    const agg: Aggregator<K, V, A> = { init, add, merge: opts.merge };
    const emit = opts.emit ?? 'final';
    const make = this.windows.kind === 'time' ? timeWindowNode(name, store, this.windows, agg, emit) : sessionWindowNode(name, store, this.windows, agg, emit);
    const node = this.builder.node(name, [this.node], make, [store]);
    return new KStream<Windowed<K>, A>(this.builder, node, Serdes.windowedJson<K>(), opts.valueSerde, false);
  }

  count(opts: { name?: string; emit?: EmitMode; ttlMs?: number; persistent?: boolean } = {}): KStream<Windowed<K>, number> {
    return this.aggregate(() => 0, (_k, _v, n) => n + 1, { ...opts, valueSerde: Serdes.number(), merge: (_k, a, b) => a + b });
  }

  reduce(fn: (a: V, b: V) => V, opts: { name?: string; emit?: EmitMode; ttlMs?: number; persistent?: boolean; valueSerde?: Serde<V> } = {}): KStream<Windowed<K>, V> {
    const vs = need(opts.valueSerde ?? this.valueSerde, 'reduce value');
    const nullable: Serde<V | null> = { serialize: (v, t) => (v === null ? null : vs.serialize(v, t)), deserialize: (b, t) => (b === null ? null : vs.deserialize(b, t)) };
    return this.aggregate<V | null>(() => null, (_k, v, a) => (a === null ? v : fn(a, v)), { ...opts, valueSerde: nullable, merge: (_k, a, b) => (a === null ? b : b === null ? a : fn(a, b)) }) as KStream<Windowed<K>, V>;
  }
}

export class KTable<K, V> {
  /** @internal */
  constructor(readonly builder: StreamsBuilder, readonly node: NodeDef, readonly storeName: string, readonly keySerde: Serde<K>, readonly valueSerde: Serde<V>) {}

  /** A table of the mapped values (materialized in `<name>-store`). */
  mapValues<V2>(fn: (value: V, key: K) => V2, opts: { valueSerde: Serde<V2>; name?: string }): KTable<K, V2> {
    return this.derived((k, v) => fn(v, k), opts.valueSerde, opts.name, 'table-map-values');
  }

  /** A table of the entries that satisfy `pred` (an update that fails it removes the key). */
  filter(pred: (key: K, value: V) => boolean, opts: { name?: string } = {}): KTable<K, V> {
    return this.derived((k, v) => (pred(k, v) ? v : undefined), this.valueSerde, opts.name, 'table-filter');
  }

  private derived<V2>(fn: (key: K, value: V) => V2 | undefined, valueSerde: Serde<V2>, given: string | undefined, kind: string): KTable<K, V2> {
    const name = this.builder.name(kind, given);
    const store = `${name}-store`;
    const keySerde = this.keySerde;
    this.builder.addStateStore({ name: store, build: () => new InMemoryKeyValueStore(store, keySerde, valueSerde) });
    const node = this.builder.node(name, [this.node], tableMapNode<K, V, V2>(store, fn), [store]);
    return new KTable(this.builder, node, store, keySerde, valueSerde);
  }

  /** The table's updates as a stream (removals from derived tables are left out). */
  toStream(): KStream<K, V> {
    const node = this.builder.node(this.builder.name('to-stream'), [this.node], stateless((r, f) => {
      if (r.value !== null) f(r);
    }));
    return new KStream(this.builder, node, this.keySerde, this.valueSerde, false);
  }

  /** Table-table join: an update on either side emits the join with the other side's current value (a changelog stream). */
  join<V2, O>(other: KTable<K, V2>, joiner: (left: V, right: V2) => O): KStream<K, O> {
    return this.tableJoin(other, (l, r) => joiner(l as V, r as V2), 'inner');
  }

  leftJoin<V2, O>(other: KTable<K, V2>, joiner: (left: V, right: V2 | null) => O): KStream<K, O> {
    return this.tableJoin(other, (l, r) => joiner(l as V, r), 'left');
  }

  private tableJoin<V2, O>(other: KTable<K, V2>, joiner: (l: V | null, r: V2 | null) => O, mode: 'inner' | 'left'): KStream<K, O> {
    const name = this.builder.name('table-join');
    const l = this.builder.node(`${name}-left`, [this.node], tableJoinSide<K, V, V2, O>('left', other.storeName, joiner, mode), [other.storeName]);
    const r = this.builder.node(`${name}-right`, [other.node], tableJoinSide<K, V, V2, O>('right', this.storeName, joiner, mode), [this.storeName]);
    const out = this.builder.node(`${name}-merge`, [l, r], stateless((x, f) => f(x)));
    return new KStream<K, O>(this.builder, out, this.keySerde, undefined, false);
  }
}
