// TopologyTestDriver: runs a topology in-process without a broker. Topics are in-memory logs;
// records written to repartition topics are fed to their tasks at once; event time comes from
// the records you pipe and wall-clock time only moves with advanceWallClock().
import { partitionForKey } from '@tideline/protocol';
import { StreamsError } from './errors.js';
import type { Serde } from './serdes.js';
import type { KeyValueStore, WindowStore } from './stores.js';
import { Task, type TaskConfig, type TaskMetrics } from './task.js';
import type { Topology } from './topology.js';
import type { OutputRecord, RawRecord, RecordHeader } from './types.js';

/** Per-event: the watermark moves after every record. Micro-batch: records wait for the trigger, then the watermark moves once. */
export type ProcessingMode = { type: 'per-event' } | { type: 'micro-batch'; triggerMs: number };

export interface TestDriverOptions extends Partial<TaskConfig> {
  /** Partition counts of topics (inputs, outputs, repartition topics by resolved name); default 1. */
  partitions?: Record<string, number>;
  /** Initial wall clock (ms). Default 0. */
  wallClockMs?: number;
  mode?: ProcessingMode;
}

export interface TestRecord<K, V> {
  key: K;
  value: V;
  timestamp: number;
  partition: number;
  offset: number;
  headers: Record<string, string>;
}

interface Log {
  partitions: RawRecord[][];
  all: RawRecord[];
}

const headerMap = (hs: readonly RecordHeader[]): Record<string, string> => Object.fromEntries(hs.map((h) => [h.key, h.value?.toString() ?? '']));

export class TestInputTopic<K, V> {
  /** @internal */
  constructor(private readonly driver: TopologyTestDriver, readonly topic: string, private readonly keySerde: Serde<K>, private readonly valueSerde: Serde<V>) {}

  /** Appends a record with the given timestamp (and processes it, in per-event mode). */
  pipe(key: K, value: V, timestamp: number, opts: { partition?: number; headers?: RecordHeader[] } = {}): void {
    this.driver.append({ topic: this.topic, partition: opts.partition, key: this.keySerde.serialize(key, this.topic), value: this.valueSerde.serialize(value, this.topic), timestamp, headers: opts.headers ?? [] });
  }
}

export class TestOutputTopic<K, V> {
  private cursor = 0;
  /** @internal */
  constructor(private readonly driver: TopologyTestDriver, readonly topic: string, private readonly keySerde: Serde<K>, private readonly valueSerde: Serde<V>) {}

  /** Records not read yet, in write order. */
  readRecords(): Array<TestRecord<K, V>> {
    const all = this.driver.records(this.topic);
    const out = all.slice(this.cursor).map((r) => ({
      key: this.keySerde.deserialize(r.key, this.topic),
      value: this.valueSerde.deserialize(r.value, this.topic),
      timestamp: r.timestamp,
      partition: r.partition,
      offset: Number(r.offset),
      headers: headerMap(r.headers),
    }));
    this.cursor = all.length;
    return out;
  }

  readKeyValues(): Array<[K, V]> {
    return this.readRecords().map((r) => [r.key, r.value]);
  }

  get isEmpty(): boolean {
    return this.driver.records(this.topic).length <= this.cursor;
  }
}

export class TopologyTestDriver {
  private readonly logs = new Map<string, Log>();
  private readonly tasks = new Map<string, Task>();
  private readonly tasksByInput = new Map<string, Task>();
  private readonly pending: RawRecord[] = [];
  private readonly queue: RawRecord[] = [];
  private now: number;
  private lastTrigger: number;
  private delivering = false;
  readonly config: TaskConfig;
  readonly mode: ProcessingMode;

  constructor(readonly topology: Topology, private readonly opts: TestDriverOptions = {}) {
    this.config = { ...opts, applicationId: opts.applicationId ?? 'test-app' };
    this.mode = opts.mode ?? { type: 'per-event' };
    this.now = opts.wallClockMs ?? 0;
    this.lastTrigger = this.now;
    const app = this.config.applicationId;
    const userMax = Math.max(1, ...topology.sources.filter((s) => !s.internal).flatMap((s) => s.topics.map((t) => this.partitionCount(t))));
    for (const t of topology.repartitionTopics) {
      const name = `${app}-${t}`;
      if (opts.partitions?.[name] === undefined) this.opts.partitions = { ...this.opts.partitions, [name]: userMax };
    }
    for (const sub of topology.subtopologies()) {
      const topics = sub.sources.flatMap((s) => s.topics.map((t) => (s.internal ? `${app}-${t}` : t)));
      const counts = new Set(topics.map((t) => this.partitionCount(t)));
      if (counts.size > 1) throw new StreamsError('COPARTITIONING', `topics ${topics.join(', ')} of sub-topology ${sub.id} have different partition counts (${[...counts].join(', ')})`);
      const n = [...counts][0]!;
      for (let p = 0; p < n; p++) {
        const task = new Task(sub, p, this.config, (r) => this.collect(r), () => this.now);
        this.tasks.set(task.id, task);
        for (const i of task.inputs) this.tasksByInput.set(`${i.topic}:${i.partition}`, task);
      }
    }
  }

  private partitionCount(topic: string): number {
    return this.opts.partitions?.[topic] ?? 1;
  }

  private log(topic: string): Log {
    let l = this.logs.get(topic);
    if (l === undefined) {
      l = { partitions: Array.from({ length: this.partitionCount(topic) }, () => []), all: [] };
      this.logs.set(topic, l);
    }
    return l;
  }

  private write(r: OutputRecord): RawRecord {
    const l = this.log(r.topic);
    // Changelog topics have as many partitions as their sub-topology has tasks.
    if (r.partition !== undefined && r.topic.endsWith('-changelog')) while (l.partitions.length <= r.partition) l.partitions.push([]);
    const partition = r.partition ?? (r.key === null ? 0 : partitionForKey(r.key, l.partitions.length));
    if (partition < 0 || partition >= l.partitions.length) throw new StreamsError('INVALID_STATE', `${r.topic} has no partition ${partition}`);
    const part = l.partitions[partition]!;
    const raw: RawRecord = { topic: r.topic, partition, offset: BigInt(part.length), timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers };
    part.push(raw);
    l.all.push(raw);
    return raw;
  }

  private collect(r: OutputRecord): void {
    const raw = this.write(r);
    if (this.tasksByInput.has(`${raw.topic}:${raw.partition}`)) this.queue.push(raw);
  }

  /** @internal */
  append(r: OutputRecord): void {
    const raw = this.write(r);
    if (!this.tasksByInput.has(`${raw.topic}:${raw.partition}`)) return;
    if (this.mode.type === 'micro-batch') {
      this.pending.push(raw);
      return;
    }
    this.queue.push(raw);
    this.drain(true);
  }

  private drain(perEvent: boolean): void {
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let r = this.queue.shift(); r !== undefined; r = this.queue.shift()) {
        const task = this.tasksByInput.get(`${r.topic}:${r.partition}`)!;
        task.process(r);
        if (perEvent) task.advance();
      }
      // As if every input were followed by a commit: the changelogs show each change.
      for (const t of this.tasks.values()) t.flush();
    } finally {
      this.delivering = false;
    }
  }

  private runBatch(): void {
    this.queue.push(...this.pending.splice(0));
    this.drain(false);
    for (const t of this.tasks.values()) t.advance();
    this.drain(false);
  }

  createInputTopic<K, V>(topic: string, keySerde: Serde<K>, valueSerde: Serde<V>): TestInputTopic<K, V> {
    return new TestInputTopic(this, topic, keySerde, valueSerde);
  }

  createOutputTopic<K, V>(topic: string, keySerde: Serde<K>, valueSerde: Serde<V>): TestOutputTopic<K, V> {
    return new TestOutputTopic(this, topic, keySerde, valueSerde);
  }

  /** @internal */
  records(topic: string): RawRecord[] {
    return this.logs.get(topic)?.all ?? [];
  }

  /** Every record written to a topic so far (outputs, changelogs, the late topic). */
  rawRecords(topic: string): RawRecord[] {
    return [...this.records(topic)];
  }

  /** The late-data DLQ topic's records, headers as strings. */
  lateRecords(): Array<RawRecord & { headerMap: Record<string, string> }> {
    return this.records(this.config.lateTopic ?? `${this.config.applicationId}-late`).map((r) => ({ ...r, headerMap: headerMap(r.headers) }));
  }

  /** Moves the wall clock: micro-batch triggers, idle partitions, wall-clock watermark advance, timers, TTL. */
  advanceWallClock(ms: number): void {
    const target = this.now + ms;
    if (this.mode.type === 'micro-batch') {
      for (let t = this.lastTrigger + this.mode.triggerMs; t <= target; t += this.mode.triggerMs) {
        this.now = t;
        this.lastTrigger = t;
        this.runBatch();
      }
    }
    this.now = target;
    for (const t of this.tasks.values()) {
      t.tick();
      this.drain(this.mode.type === 'per-event');
    }
  }

  get wallClock(): number {
    return this.now;
  }

  private store(name: string, partition: number): unknown {
    for (const t of this.tasks.values()) if (t.partition === partition && t.stores.has(name)) return t.stores.get(name);
    throw new StreamsError('UNKNOWN_STORE', `no store ${name} for partition ${partition}`);
  }

  keyValueStore<K, V>(name: string, partition = 0): KeyValueStore<K, V> {
    return this.store(name, partition) as KeyValueStore<K, V>;
  }

  windowStore<K, V>(name: string, partition = 0): WindowStore<K, V> {
    return this.store(name, partition) as WindowStore<K, V>;
  }

  metrics(): TaskMetrics[] {
    return [...this.tasks.values()].map((t) => t.metrics());
  }

  /** The watermark of the task that reads `topic` partition `partition`. */
  watermark(topic: string, partition = 0): number {
    const t = this.tasksByInput.get(`${topic}:${partition}`);
    if (t === undefined) throw new StreamsError('INVALID_STATE', `no task reads ${topic}:${partition}`);
    return t.watermark;
  }
}
