// The lower-level processor API: a Processor sees each record, may keep keyed state in the stores
// it was connected to, forward any number of records, and register timers per key that fire when
// the task's watermark (event time) or the wall clock reaches them.
// Timers live in memory: after a restart or reassignment a processor registers them again
// (init() runs on the new task after its stores are restored).
import type { KeyValueStore, WindowStore, ManagedStore } from './stores.js';
import type { NodeContext, NodeRuntime, StreamRecord } from './types.js';

export type TimerKind = 'event' | 'wall';

export interface Timer<K> {
  kind: TimerKind;
  time: number;
  key: K;
}

export interface ProcessorContext<KIn, KOut, VOut> {
  readonly taskId: string;
  readonly partition: number;
  forward(record: StreamRecord<KOut, VOut>): void;
  /** A key-value store connected to this processor (the caller states its types). */
  keyValueStore<K, V>(name: string): KeyValueStore<K, V>;
  windowStore<K, V>(name: string): WindowStore<K, V>;
  /** Fires `onTimer` once the watermark (event) or the wall clock (wall) reaches `time`. Idempotent per (kind, time, key). */
  registerTimer(kind: TimerKind, time: number, key: KIn): void;
  cancelTimer(kind: TimerKind, time: number, key: KIn): void;
  watermark(): number;
  wallClock(): number;
}

export interface Processor<KIn, VIn, KOut, VOut> {
  init?(ctx: ProcessorContext<KIn, KOut, VOut>): void;
  process(record: StreamRecord<KIn, VIn>): void;
  onTimer?(timer: Timer<KIn>): void;
}

export type ProcessorSupplier<KIn, VIn, KOut, VOut> = () => Processor<KIn, VIn, KOut, VOut>;

export function processorNode<KIn, VIn, KOut, VOut>(supplier: ProcessorSupplier<KIn, VIn, KOut, VOut>, stores: readonly string[]) {
  return (ctx: NodeContext): NodeRuntime => {
    const p = supplier();
    const timers = new Map<string, Timer<KIn>>();
    const id = (kind: TimerKind, time: number, key: KIn): string => `${kind}|${time}|${JSON.stringify(key)}`;
    const store = (name: string): ManagedStore => {
      if (!stores.includes(name)) throw new Error(`store ${name} is not connected to this processor`);
      return ctx.store(name);
    };
    const fire = (kind: TimerKind, upTo: number): void => {
      const due = [...timers.entries()].filter(([, t]) => t.kind === kind && t.time <= upTo).sort((a, b) => a[1].time - b[1].time);
      for (const [k, t] of due) {
        timers.delete(k);
        p.onTimer?.(t);
      }
    };
    p.init?.({
      taskId: ctx.taskId,
      partition: ctx.partition,
      forward: (r) => ctx.forward(r),
      keyValueStore: <K, V>(name: string) => store(name) as unknown as KeyValueStore<K, V>,
      windowStore: <K, V>(name: string) => store(name) as unknown as WindowStore<K, V>,
      registerTimer: (kind, time, key) => void timers.set(id(kind, time, key), { kind, time, key }),
      cancelTimer: (kind, time, key) => void timers.delete(id(kind, time, key)),
      watermark: () => ctx.watermark(),
      wallClock: () => ctx.now(),
    });
    return {
      process: (r) => p.process(r as StreamRecord<KIn, VIn>),
      onWatermark: (wm) => fire('event', wm),
      onWallClock: (now) => fire('wall', now),
    };
  };
}
