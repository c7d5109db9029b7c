// Stateful operators: aggregations (plain, time-windowed, session), joins and table
// materialization. Each is a factory for one task's instance; state lives in the task's stores.
import type { SessionWindows, TimeWindows, JoinWindows } from './windows.js';
import type { Serde, Windowed } from './serdes.js';
import type { ClosingWindowStore, InMemoryKeyValueStore, InMemoryWindowStore, ManagedStore, WindowEntry } from './stores.js';
import type { NodeContext, NodeRuntime, StreamRecord } from './types.js';

export type EmitMode = 'final' | 'update';

export interface Aggregator<K, V, A> {
  init(): A;
  add(key: K, value: V, agg: A): A;
  /** Sessions: combines two sessions' aggregates. */
  merge?(key: K, a: A, b: A): A;
}

type Rec = StreamRecord<unknown, unknown>;

/** Non-windowed aggregation into a key-value store; forwards every new aggregate. */
export function aggregateNode<K, V, A>(storeName: string, agg: Aggregator<K, V, A>) {
  return (ctx: NodeContext): NodeRuntime => {
    const store = ctx.store(storeName) as InMemoryKeyValueStore<K, A>;
    return {
      process(r: Rec) {
        const k = r.key as K;
        const next = agg.add(k, r.value as V, store.get(k) ?? agg.init());
        store.put(k, next);
        ctx.forward({ key: k, value: next, timestamp: r.timestamp, headers: r.headers });
      },
    };
  };
}

/**
 * Materializes a table from its source. A tombstone deletes the key and, when the key was in the
 * table, is passed on as a removal (a null value) to derived tables and joins (toStream skips it).
 */
export function tableNode<K, V>(storeName: string) {
  return (ctx: NodeContext): NodeRuntime => {
    const store = ctx.store(storeName) as InMemoryKeyValueStore<K, V>;
    return {
      process(r: Rec) {
        const k = r.key as K;
        if (r.value === null || r.value === undefined) {
          if (store.get(k) === undefined) return;
          store.delete(k);
          ctx.forward({ ...r, value: null });
          return;
        }
        store.put(k, r.value as V);
        ctx.forward(r);
      },
    };
  };
}

/**
 * A derived table: `fn` maps a value (undefined: the key leaves the table); materialized in
 * `storeName`. A removal is passed on as a null value to derived tables downstream (toStream and
 * joins skip it).
 */
export function tableMapNode<K, V, V2>(storeName: string, fn: (key: K, value: V) => V2 | undefined) {
  return (ctx: NodeContext): NodeRuntime => {
    const store = ctx.store(storeName) as InMemoryKeyValueStore<K, V2>;
    return {
      process(r: Rec) {
        const k = r.key as K;
        const next = r.value === null ? undefined : fn(k, r.value as V);
        if (next === undefined) {
          if (store.get(k) === undefined) return;
          store.delete(k);
          ctx.forward({ ...r, value: null });
          return;
        }
        store.put(k, next);
        ctx.forward({ ...r, value: next });
      },
    };
  };
}

const byWindow = <K, A>(a: WindowEntry<K, A>, b: WindowEntry<K, A>): number => a.end - b.end || a.start - b.start;

/** Tumbling/hopping window aggregation. */
export function timeWindowNode<K, V, A>(name: string, storeName: string, windows: TimeWindows, agg: Aggregator<K, V, A>, emit: EmitMode) {
  return (ctx: NodeContext): NodeRuntime => {
    const store = ctx.store(storeName) as ManagedStore & ClosingWindowStore<K, A>;
    const grace = windows.graceMs;
    const size = windows.sizeMs;
    const advance = windows.advanceMs;
    let nextClose = Number.NEGATIVE_INFINITY;
    return {
      process(r: Rec) {
        const k = r.key as K;
        const wm = ctx.watermark();
        const ts = r.timestamp;
        // The windows containing ts, earliest first (as windows.windowsFor, without allocating).
        const last = Math.floor(ts / advance) * advance;
        let first = last;
        while (first - advance > ts - size) first -= advance;
        let closedFrom = Number.NaN;
        let closedTo = Number.NaN;
        for (let start = first; start <= last; start += advance) {
          const end = start + size;
          if (end + grace <= wm) {
            if (Number.isNaN(closedFrom)) closedFrom = start;
            closedTo = end;
            continue;
          }
          const next = agg.add(k, r.value as V, store.get(k, start, end) ?? agg.init());
          store.put(k, start, end, next);
          if (end + grace < nextClose) nextClose = end + grace;
          if (emit === 'update') ctx.forward({ key: { key: k, start, end } satisfies Windowed<K>, value: next, timestamp: ts, headers: [] });
        }
        if (!Number.isNaN(closedFrom)) ctx.late(name, { watermark: wm, windowStart: closedFrom, windowEnd: closedTo, timestamp: ts });
      },
      onWatermark(wm: number) {
        if (wm < nextClose) return;
        nextClose = Number.POSITIVE_INFINITY;
        // Only the ended windows are read (persistent stores: an index range), then the next end.
        const { closed, nextEnd } = store.closing(wm - grace);
        ctx.windowsClosed(closed.length);
        for (const e of closed.sort(byWindow)) {
          if (emit === 'final') ctx.forward({ key: { key: e.key, start: e.start, end: e.end } satisfies Windowed<K>, value: e.value, timestamp: e.end - 1, headers: [] });
          store.delete(e.key, e.start, e.end);
        }
        nextClose = nextEnd + grace;
      },
    };
  };
}

/** Session windows: gap, maximum duration, grace. Session keys end at the last event's time. */
export function sessionWindowNode<K, V, A>(name: string, storeName: string, windows: SessionWindows, agg: Aggregator<K, V, A>, emit: EmitMode) {
  const { gapMs: gap, maxDurationMs: maxDur, graceMs: grace } = windows;
  const closeAt = (start: number, end: number): number => Math.min(end + gap, start + maxDur) + grace;
  const merge = agg.merge ?? ((_k: K, a: A) => a);
  return (ctx: NodeContext): NodeRuntime => {
    const store = ctx.store(storeName) as ManagedStore & ClosingWindowStore<K, A>;
    let nextClose = Number.NEGATIVE_INFINITY;
    return {
      process(r: Rec) {
        const k = r.key as K;
        const ts = r.timestamp;
        const wm = ctx.watermark();
        let start = ts;
        let end = ts;
        const merged: Array<WindowEntry<K, A>> = [];
        for (const s of store.fetch(k)) {
          if (ts < s.start - gap || ts > s.end + gap) continue;
          const ns = Math.min(start, s.start);
          const ne = Math.max(end, s.end);
          if (ne - ns > maxDur) continue;
          start = ns;
          end = ne;
          merged.push(s);
        }
        if (merged.length === 0 && closeAt(ts, ts) <= wm) {
          ctx.late(name, { watermark: wm, windowStart: ts, windowEnd: ts + gap, timestamp: ts });
          return;
        }
        let acc: A | undefined;
        for (const s of merged) {
          acc = acc === undefined ? s.value : merge(k, acc, s.value);
          store.delete(k, s.start, s.end);
        }
        const next = agg.add(k, r.value as V, acc ?? agg.init());
        store.put(k, start, end, next);
        const c = closeAt(start, end);
        if (c < nextClose) nextClose = c;
        if (emit === 'update') ctx.forward({ key: { key: k, start, end } satisfies Windowed<K>, value: next, timestamp: ts, headers: [] });
      },
      onWatermark(wm: number) {
        if (wm < nextClose) return;
        nextClose = Number.POSITIVE_INFINITY;
        // A session closes at end + gap + grace, or earlier (not before end + grace) when its
        // maximum duration ends first: only sessions ended by wm - that lead are candidates, and
        // the next end plus the lead bounds when the next one can close.
        const lead = Number.isFinite(maxDur) ? grace : gap + grace;
        const { closed, nextEnd } = store.closing(wm - lead);
        nextClose = nextEnd + lead;
        for (const e of closed.sort(byWindow)) {
          const c = closeAt(e.start, e.end);
          if (c <= wm) {
            ctx.windowsClosed(1);
            if (emit === 'final') ctx.forward({ key: { key: e.key, start: e.start, end: e.end } satisfies Windowed<K>, value: e.value, timestamp: e.end, headers: [] });
            store.delete(e.key, e.start, e.end);
          } else if (c < nextClose) nextClose = c;
        }
      },
    };
  };
}

/** A Serde for lists of values (join buffers), built on the value's serde. */
export function listSerde<V>(inner: Serde<V>): Serde<V[]> {
  return {
    serialize: (list, topic) => Buffer.from(JSON.stringify(list.map((v) => inner.serialize(v, topic)?.toString('base64') ?? null))),
    deserialize: (b, topic) => (b === null ? [] : (JSON.parse(b.toString()) as Array<string | null>).map((s) => inner.deserialize(s === null ? null : Buffer.from(s, 'base64'), topic))),
  };
}

/**
 * One side of a windowed stream-stream join. Both sides buffer their records by (key, time) and
 * probe the other side's buffer: records join when their times differ by at most `within`.
 * The joined record's time is the later of the two. With `leftOuter` (left side only), a left
 * record that no right record can match any more (watermark >= ts + 2·within + grace: a matching
 * right record would be late) and matched none is emitted with null.
 */
export function streamJoinSide<K, L, R, O>(name: string, side: 'left' | 'right', ownStore: string, otherStore: string, windows: JoinWindows, joiner: (l: L, r: R | null) => O, leftOuter = false) {
  const within = windows.withinMs;
  const grace = windows.graceMs;
  return (ctx: NodeContext): NodeRuntime => {
    const own = ctx.store(ownStore) as InMemoryWindowStore<K, unknown[]>;
    const other = ctx.store(otherStore) as InMemoryWindowStore<K, unknown[]>;
    return {
      process(r: Rec) {
        const k = r.key as K;
        const ts = r.timestamp;
        const wm = ctx.watermark();
        if (ts + within + grace <= wm) {
          ctx.late(name, { watermark: wm, windowStart: ts - within, windowEnd: ts + within, timestamp: ts });
          return;
        }
        own.put(k, ts, ts, [...(own.get(k, ts, ts) ?? []), r.value]);
        for (const e of other.fetch(k)) {
          if (Math.abs(e.start - ts) > within) continue;
          for (const v of e.value) {
            const value = side === 'left' ? joiner(r.value as L, v as R) : joiner(v as L, r.value as R);
            ctx.forward({ key: k, value, timestamp: Math.max(ts, e.start), headers: r.headers });
          }
        }
      },
      onWatermark(wm: number) {
        // Left buffers close at ts + 2·within + grace; right buffers are kept `within` longer so
        // a closing left record still sees every right record it could have matched.
        const horizon = wm - 2 * within - grace - (side === 'right' ? within : 0);
        for (const e of own.entries().sort((a, b) => a.start - b.start)) {
          if (e.start > horizon) continue;
          if (leftOuter && !other.fetch(e.key).some((o) => Math.abs(o.start - e.start) <= within)) {
            for (const v of e.value) ctx.forward({ key: e.key, value: joiner(v as L, null), timestamp: e.start, headers: [] });
          }
          own.delete(e.key, e.start, e.end);
        }
      },
    };
  };
}

/** Stream-table join: the stream record looks up the table's current value. */
export function streamTableJoinNode<K, V, T, O>(tableStore: string, joiner: (v: V, t: T | null) => O, left: boolean) {
  return (ctx: NodeContext): NodeRuntime => {
    const table = ctx.store(tableStore) as InMemoryKeyValueStore<K, T>;
    return {
      process(r: Rec) {
        const t = table.get(r.key as K);
        if (t === undefined && !left) return;
        ctx.forward({ key: r.key, value: joiner(r.value as V, t ?? null), timestamp: r.timestamp, headers: r.headers });
      },
    };
  };
}

/**
 * One side of a table-table join: an update on this side joins the other side's current value;
 * a removal (null value) on this side removes the joined result (a null value: a tombstone when
 * written to a topic), except that a right-side removal in a left join re-joins the left value with null.
 */
export function tableJoinSide<K, L, R, O>(side: 'left' | 'right', otherStore: string, joiner: (l: L | null, r: R | null) => O, mode: 'inner' | 'left') {
  return (ctx: NodeContext): NodeRuntime => {
    const other = ctx.store(otherStore) as InMemoryKeyValueStore<K, unknown>;
    return {
      process(r: Rec) {
        const o = other.get(r.key as K);
        if (r.value === null) {
          // Was there a joined result for this key?
          const existed = side === 'left' ? mode === 'left' || o !== undefined : o !== undefined;
          if (!existed) return;
          const value = side === 'right' && mode === 'left' ? joiner(o as L, null) : null;
          ctx.forward({ key: r.key, value, timestamp: r.timestamp, headers: r.headers });
          return;
        }
        if (o === undefined && (mode === 'inner' || side === 'right')) return;
        const value = side === 'left' ? joiner(r.value as L, (o ?? null) as R | null) : joiner((o ?? null) as L | null, r.value as R);
        ctx.forward({ key: r.key, value, timestamp: r.timestamp, headers: r.headers });
      },
    };
  };
}
