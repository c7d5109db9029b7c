// A subscription over the event topic with checkpoints: the consumer is positioned at each
// partition's checkpoint (the next offset to apply) read from the target, every fetched batch is
// decoded (upcast, decrypted: the decoder hook) and handed to the target, which stores the batch's
// effect and the new checkpoint together. Kafka's committed offsets are not used: the target's
// checkpoint is the only truth, which is what makes a SQL read model exactly-once (see sql.ts).
//
// Without `groupId` the subscription reads every partition of the topic (or `partitions`); with it,
// members of the group share the partitions and each seeks to the target's checkpoint on
// assignment.
import { Gauge, type Registry } from 'prom-client';
import { Admin, Consumer, type ClusterOptions, type ConsumerRecord, type TopicPartition } from '@tideline/client';
import { recordDecoder, type EventDecoder, type ReadEvent } from '../read-event.js';
import { decodeGlobalPosition, type EventSubscriber } from '../types.js';

export interface EventBatch {
  topic: string;
  partition: number;
  events: ReadEvent[];
  /** The checkpoint to store with this batch's effect: the next offset to read. */
  nextOffset: bigint;
}

/** Where a subscription's effects and checkpoints go (a SQL read model, or anything transactional). */
export interface CheckpointTarget {
  /** The next offset to apply per partition (absent: from the start). */
  checkpoints(topic: string): Promise<Map<number, bigint>>;
  /** Applies the batch's events and stores `nextOffset` as the partition's checkpoint, atomically. */
  handle(batch: EventBatch): Promise<void>;
}

export interface SubscriptionOptions extends ClusterOptions {
  topic: string;
  target: CheckpointTarget;
  /** Default: the record format's decoder. Add upcasting and decryption with decoderWith(recordDecoder(), upcasters.transform, personal.transform). */
  decode?: EventDecoder;
  /** Partitions to read without a group (default: all). */
  partitions?: readonly number[];
  /** Share the partitions with other members of this group. */
  groupId?: string;
  /** Default 'read_committed' (the store appends in Kafka transactions). */
  isolationLevel?: 'read_committed' | 'read_uncommitted';
  /** Called when a batch fails (the subscription stops; the checkpoint did not move). */
  onError?: (e: unknown) => void;
  maxWaitMs?: number;
  /** Name in metrics and logs. Default: the topic. */
  name?: string;
  /**
   * Exposes `tideline_projection_lag_events` and `tideline_projection_lag_seconds` (labels
   * projection, partition) in this registry, measured by lag() at each scrape.
   */
  registry?: Registry;
}

export interface PartitionLag {
  partition: number;
  /** Offsets between the checkpoint and the partition's end (transaction markers count as one each). */
  events: number;
  /** Age of the oldest event not yet applied (approximated by the last applied one's age when not fetched yet). */
  seconds: number;
}

export interface Lag {
  events: number;
  seconds: number;
  partitions: PartitionLag[];
}

const metricSubscriptions = new WeakMap<Registry, Set<EventSubscription>>();

interface PartState {
  checkpoint: bigint;
  lastAppliedTs: number | null;
  inflightFrom: bigint | null;
  inflightTs: number | null;
}

export class EventSubscription {
  private consumer: Consumer | null = null;
  private loop: Promise<void> | null = null;
  private readonly parts = new Map<number, PartState>();
  private stopped = false;
  private failure: unknown = null;
  private applied = 0;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly o: SubscriptionOptions) {}

  /** Events applied by this instance since start. */
  get eventsApplied(): number {
    return this.applied;
  }

  private clusterOptions(): ClusterOptions {
    const { topic: _t, target: _g, decode: _d, partitions: _p, groupId: _gi, isolationLevel: _i, onError: _e, maxWaitMs: _m, name: _n, registry: _r, ...cluster } = this.o;
    return cluster;
  }

  private registerMetrics(registry: Registry): void {
    let subs = metricSubscriptions.get(registry);
    if (subs === undefined) {
      const all = new Set<EventSubscription>();
      metricSubscriptions.set(registry, all);
      subs = all;
      // One scrape measures each subscription once for both gauges.
      let pending: Promise<Array<{ name: string; lag: Lag }>> | null = null;
      const measure = (): Promise<Array<{ name: string; lag: Lag }>> => {
        pending ??= Promise.all([...all].map(async (sub) => ({ name: sub.metricName, lag: await sub.lag().catch(() => ({ events: 0, seconds: 0, partitions: [] })) }))).finally(() => setImmediate(() => (pending = null)));
        return pending;
      };
      const collect = (key: 'events' | 'seconds') =>
        async function (this: Gauge<'projection' | 'partition'>): Promise<void> {
          this.reset();
          for (const { name, lag } of await measure()) for (const p of lag.partitions) this.set({ projection: name, partition: String(p.partition) }, p[key]);
        };
      const labelNames = ['projection', 'partition'] as const;
      new Gauge({ name: 'tideline_projection_lag_events', help: 'Offsets between a projection checkpoint and the end of its partition', labelNames, registers: [registry], collect: collect('events') });
      new Gauge({ name: 'tideline_projection_lag_seconds', help: 'Age of the oldest event a projection has not applied yet', labelNames, registers: [registry], collect: collect('seconds') });
    }
    subs.add(this);
  }

  private get metricName(): string {
    return this.o.name ?? this.o.topic;
  }

  private async seekTo(consumer: Consumer, tps: readonly TopicPartition[]): Promise<void> {
    const cps = await this.o.target.checkpoints(this.o.topic);
    for (const tp of tps) {
      if (tp.topic !== this.o.topic) continue;
      const cp = cps.get(tp.partition) ?? 0n;
      this.parts.set(tp.partition, { checkpoint: cp, lastAppliedTs: null, inflightFrom: null, inflightTs: null });
      consumer.seek({ topic: this.o.topic, partition: tp.partition, offset: cp });
    }
  }

  async start(): Promise<void> {
    const topic = this.o.topic;
    const base = { ...this.clusterOptions(), maxWaitMs: this.o.maxWaitMs ?? 200, isolationLevel: this.o.isolationLevel ?? 'read_committed', autoOffsetReset: 'earliest' as const };
    if (this.o.groupId === undefined) {
      let partitions = this.o.partitions;
      if (partitions === undefined) {
        const admin = new Admin(this.clusterOptions());
        try {
          const [d] = await admin.describeTopics([topic]);
          partitions = d!.partitions.map((p) => p.partition);
        } finally {
          await admin.close();
        }
      }
      const cps = await this.o.target.checkpoints(topic);
      // stop() during the awaits above found no consumer to close: create none.
      if (this.stopped) return;
      const consumer = new Consumer(base);
      this.consumer = consumer;
      for (const p of partitions) this.parts.set(p, { checkpoint: cps.get(p) ?? 0n, lastAppliedTs: null, inflightFrom: null, inflightTs: null });
      consumer.assign(partitions.map((p) => ({ topic, partition: p, offset: cps.get(p) ?? 0n })));
    } else {
      const consumer = new Consumer({ ...base, groupId: this.o.groupId, autoCommit: false });
      this.consumer = consumer;
      consumer.subscribe([topic], {
        onAssigned: (tps) => this.seekTo(consumer, tps),
        onRevoked: (tps) => void tps.forEach((tp) => this.parts.delete(tp.partition)),
        onLost: (tps) => void tps.forEach((tp) => this.parts.delete(tp.partition)),
      });
    }
    if (this.o.registry !== undefined) this.registerMetrics(this.o.registry);
    this.loop = this.run(this.consumer!);
  }

  private async run(consumer: Consumer): Promise<void> {
    const decode = this.o.decode ?? recordDecoder();
    try {
      for await (const b of consumer.batches()) {
        if (this.stopped) break;
        const st = this.parts.get(b.partition);
        if (st === undefined) continue; // revoked meanwhile
        const first = b.records[0];
        if (first !== undefined) {
          st.inflightFrom = first.offset;
          st.inflightTs = Number(first.timestamp);
        }
        const pos = consumer.position({ topic: b.topic, partition: b.partition });
        const last: ConsumerRecord | undefined = b.records[b.records.length - 1];
        const nextOffset = pos !== null && (last === undefined || pos > last.offset) ? pos : last === undefined ? st.checkpoint : last.offset + 1n;
        const events: ReadEvent[] = [];
        for (const r of b.records) if (r.offset >= st.checkpoint) events.push(await decode(r));
        if (nextOffset > st.checkpoint) await this.o.target.handle({ topic: b.topic, partition: b.partition, events, nextOffset });
        if (nextOffset > st.checkpoint) st.checkpoint = nextOffset;
        if (last !== undefined) st.lastAppliedTs = Number(last.timestamp);
        st.inflightFrom = null;
        st.inflightTs = null;
        this.applied += events.length;
        for (const w of this.waiters) w();
      }
    } catch (e) {
      if (this.stopped) return;
      this.failure = e;
      for (const w of this.waiters) w();
      if (this.o.onError !== undefined) this.o.onError(e);
    }
  }

  /** The subscription's failure, if its loop stopped on one. */
  get error(): unknown {
    return this.failure;
  }

  /** True when the subscription serves `partition` and has applied the record at `offset`. */
  private appliedPast(partition: number, offset: bigint): boolean {
    const st = this.parts.get(partition);
    if (st === undefined) return false;
    const pos = st.inflightFrom === null ? this.consumer?.position({ topic: this.o.topic, partition }) ?? null : null;
    const at = pos !== null && pos > st.checkpoint ? pos : st.checkpoint;
    return at > offset;
  }

  /** Lag per partition and in total: offsets behind the end, and seconds. */
  async lag(): Promise<Lag> {
    const admin = new Admin(this.clusterOptions());
    let ends;
    try {
      const ps = [...this.parts.keys()];
      ends = ps.length === 0 ? [] : await admin.listOffsets(ps.map((partition) => ({ topic: this.o.topic, partition, spec: 'latest' as const })), { isolationLevel: this.o.isolationLevel ?? 'read_committed' });
    } finally {
      await admin.close();
    }
    const now = Date.now();
    const partitions: PartitionLag[] = [];
    for (const e of ends) {
      const st = this.parts.get(e.partition);
      if (st === undefined) continue;
      let at = st.inflightFrom ?? st.checkpoint;
      // Past the last record only transaction markers may remain: the consumer's position knows.
      const pos = st.inflightFrom === null ? this.consumer?.position({ topic: this.o.topic, partition: e.partition }) ?? null : null;
      if (pos !== null && pos > at) at = pos;
      const events = e.offset > at ? Number(e.offset - at) : 0;
      const ts = st.inflightTs ?? st.lastAppliedTs;
      partitions.push({ partition: e.partition, events, seconds: events === 0 || ts === null ? 0 : Math.max(0, (now - ts) / 1000) });
    }
    return { events: partitions.reduce((a, p) => a + p.events, 0), seconds: partitions.reduce((a, p) => Math.max(a, p.seconds), 0), partitions };
  }

  /**
   * Resolves once the lag is zero and every event in `past` (global positions, e.g. an append's
   * `lastEventGlobalPosition`) has been applied; rejects after `timeoutMs`, or when the loop failed.
   * The lag is measured against the last stable offset, which on Apache Kafka can still be before
   * a transaction that already committed (its markers are written after the commit returns): to
   * read your own appends, pass their positions.
   */
  async caughtUp(timeoutMs = 30_000, past: readonly bigint[] = []): Promise<void> {
    const end = Date.now() + timeoutMs;
    const wanted = past.map(decodeGlobalPosition);
    for (;;) {
      if (this.failure !== null) throw this.failure;
      if (this.parts.size > 0 && wanted.every((w) => this.appliedPast(w.partition, w.offset)) && (await this.lag()).events === 0) return;
      if (Date.now() > end) throw new Error(`subscription on ${this.o.topic} did not catch up within ${timeoutMs} ms`);
      await new Promise<void>((res) => {
        const t = setTimeout(done, 100);
        function done(): void {
          clearTimeout(t);
          res();
        }
        this.waiters.add(done);
      }).finally(() => this.waiters.clear());
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.o.registry !== undefined) metricSubscriptions.get(this.o.registry)?.delete(this);
    await this.consumer?.close();
    await this.loop;
  }
}

/**
 * Runs a target over the store's own subscription (`EventSubscriber.subscribe`: the in-memory store,
 * or a store wrapped by withReadHooks) until `signal` aborts: the same checkpointed, exactly-once
 * application as EventSubscription, without a Kafka consumer of its own. `source` names the log in
 * the checkpoints (the event topic's name).
 */
export async function runProjection(subscriber: EventSubscriber, target: CheckpointTarget, opts: { source: string; signal?: AbortSignal; onBatch?: (b: EventBatch) => void }): Promise<void> {
  const cps = await target.checkpoints(opts.source);
  const from: Record<number, bigint> = {};
  for (const [p, o] of cps) from[p] = o;
  for await (const b of subscriber.subscribe({ from, ...(opts.signal === undefined ? {} : { signal: opts.signal }) })) {
    const next = b.checkpoint[b.partition];
    if (next === undefined) continue;
    const batch: EventBatch = { topic: opts.source, partition: b.partition, events: b.events, nextOffset: next };
    await target.handle(batch);
    opts.onBatch?.(batch);
    if (opts.signal?.aborted === true) return;
  }
}
