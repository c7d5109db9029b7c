// The caller's side of the Kafka event store. Appends go to the partition's owner as requests on
// the append-request topic (same key, so same partition as the events) and wait for the owner's
// reply; the owner replies only after its transaction committed, so "ok" means durable and
// "conflict" means nothing was written. A request unanswered in time is sent again with the same
// request and event ids (the owner's window makes it a no-op if the first one was served).
// Reads use the index: a replica of the owners' changelog (read_committed), caught up before each
// read to the changelog's last stable offset (others' committed appends) and to the changelog
// offset carried by each answer this store received (its own appends: on Apache Kafka the
// transaction markers are written after the owner's commit returns, so the last stable offset
// can still be before an append that was already answered), then only the offsets of the
// stream's events are fetched. That gives read-your-writes on both brokers, direct path included.
import { randomUUID } from 'node:crypto';
import { Admin, Consumer, Producer, type ClusterOptions, type ConsumerRecord } from '@tideline/client';
import { partitionForKey } from '@tideline/protocol';
import type { Event } from '@event-driven-io/emmett';
import { BaseEventStore, type AppendCommand } from '../base.js';
import { decodeEvent, encodeEvents, isEventRecord, streamOf, type StoredRecord } from '../codec.js';
import { EventStoreError, ExpectedVersionConflict } from '../errors.js';
import { ChangelogRestorer, offsetsOf } from '../state.js';
import { categoryOf, DEFAULT_LIMITS, encodeGlobalPosition, jsonSerde, storeTopics, type AppendResult, type Checkpoint, type EventSerde, type StoreLimits, type StoreTopics, type SubscribeOptions, type SubscriptionBatch, type TidelineReadEvent } from '../types.js';
import { RangeReader } from './reader.js';
import type { EventStoreOwner } from './owner.js';
import { encodeRequestEvents, expFromWire, expToWire, type AppendReply, type AppendRequest } from './wire.js';

export interface KafkaEventStoreOptions extends ClusterOptions {
  /** The store's name: topics `<name>.events`, `.append-requests`, `.append-replies`, `.index-changelog`. */
  name: string;
  serde?: EventSerde;
  limits?: Partial<StoreLimits>;
  /** How long an append waits for its reply before sending the request again. Default 15000. */
  attemptTimeoutMs?: number;
  /** Longest an append may take, retries included. Default 60000. */
  appendTimeoutMs?: number;
  /** Consumers reading streams concurrently. Default 4. */
  readers?: number;
  /**
   * An owner running in this process: appends for the partitions it serves skip the request and
   * reply topics (the same checks, the same transaction). Others go the routed way.
   */
  owner?: EventStoreOwner;
}

interface Pending {
  resolve(r: AppendReply): void;
}

export class KafkaEventStore extends BaseEventStore {
  readonly topics: StoreTopics;
  private readonly cluster: ClusterOptions;
  private readonly admin: Admin;
  private readonly producer: Producer;
  private readonly replies: Consumer;
  private readonly index: Consumer;
  private readonly restorer = new ChangelogRestorer();
  /** Reads of scattered events (small fetches) and of dense runs (large fetches). */
  private readonly reader: RangeReader;
  private readonly denseReader: RangeReader;
  private readonly pending = new Map<string, Pending>();
  /** Per partition: the changelog offset the index must have read past before this store reads (from the owners' answers). */
  private readonly indexFloor = new Map<number, bigint>();
  private partitions = 0;
  private replyPartition = 0;
  private started: Promise<void> | null = null;
  private closed = false;
  private loops: Array<Promise<void>> = [];

  constructor(private readonly opts: KafkaEventStoreOptions) {
    super(opts.serde ?? jsonSerde, { ...DEFAULT_LIMITS, ...opts.limits });
    this.topics = storeTopics(opts.name);
    const { name: _n, serde: _s, limits: _l, attemptTimeoutMs: _a, appendTimeoutMs: _t, readers: _r, owner: _o, ...cluster } = opts;
    this.cluster = cluster;
    this.admin = new Admin(cluster);
    // Requests need not be durable: an unanswered one is sent again, and the owner answers a
    // request id it has seen (a duplicate) as it did the first time.
    this.producer = new Producer({ ...cluster, lingerMs: 1, acks: 1, idempotent: false });
    this.replies = new Consumer({ ...cluster, maxWaitMs: 20 });
    this.index = new Consumer({ ...cluster, isolationLevel: 'read_committed', maxWaitMs: 20 });
    this.reader = new RangeReader(cluster, opts.readers ?? 4);
    this.denseReader = new RangeReader(cluster, opts.readers ?? 4, 1024 * 1024);
  }

  /**
   * Reads that found the changelog's last stable offset before a transaction that had already
   * answered one of this store's appends (Apache Kafka writes the markers after the commit
   * returns), and so waited for the answer's offset instead.
   */
  lsoBehindAnswers = 0;

  /** Records fetched by readStream so far (every record of every fetch, wanted or not). */
  get recordsFetched(): number {
    return this.reader.recordsFetched + this.denseReader.recordsFetched;
  }

  /** Connects: learns the partition counts, starts reading replies and the index. Called by the first operation. */
  start(): Promise<void> {
    this.started ??= this.doStart();
    return this.started;
  }

  private async doStart(): Promise<void> {
    const desc = await this.admin.describeTopics([this.topics.events, this.topics.replies]);
    const ev = desc.find((d) => d.name === this.topics.events);
    const rp = desc.find((d) => d.name === this.topics.replies);
    if (ev === undefined || rp === undefined || ev.partitions.length === 0) throw new EventStoreError('CLOSED', `the store's topics do not exist (create them with createStoreTopics(admin, '${this.opts.name}'))`);
    this.partitions = ev.partitions.length;
    this.replyPartition = Math.floor(Math.random() * rp.partitions.length);
    const [end] = await this.admin.listOffsets([{ topic: this.topics.replies, partition: this.replyPartition, spec: 'latest' }]);
    this.replies.assign([{ topic: this.topics.replies, partition: this.replyPartition, offset: end?.offset ?? 0n }]);
    this.index.assign(Array.from({ length: this.partitions }, (_, p) => ({ topic: this.topics.changelog, partition: p, offset: 'earliest' as const })));
    this.loops.push(this.replyLoop(), this.indexLoop());
  }

  private async replyLoop(): Promise<void> {
    try {
      for await (const r of this.replies) {
        if (r.key === null || r.value === null) continue;
        const p = this.pending.get(r.key.toString('utf8'));
        if (p === undefined) continue;
        p.resolve(JSON.parse(r.value.toString('utf8')) as AppendReply);
      }
    } catch (e) {
      if (!this.closed) throw e;
    }
  }

  private async indexLoop(): Promise<void> {
    try {
      for await (const b of this.index.batches()) for (const r of b.records) if (r.key !== null) this.restorer.apply(r.key.toString('utf8'), r.value);
    } catch (e) {
      if (!this.closed) throw e;
    }
  }

  partitionOf(streamName: string): number {
    return partitionForKey(Buffer.from(streamName), this.partitions);
  }

  async partitionCount(): Promise<number> {
    await this.start();
    return this.partitions;
  }

  protected async appendChecked(cmd: AppendCommand): Promise<AppendResult> {
    if (this.closed) throw new EventStoreError('CLOSED', 'store closed');
    await this.start();
    // Encoded (and size-checked) here; the owner only adds the version header.
    const encoded = encodeEvents(cmd.streamName, cmd.events, cmd.ids, 0n, cmd.opts, this.serde, this.limits);
    for (const e of encoded) e.headers = e.headers.filter((h) => h.key !== 'es-version');
    const req: AppendRequest = { rid: randomUUID(), rp: this.replyPartition, stream: cmd.streamName, exp: expToWire(cmd.expected), ids: cmd.ids, ev: encodeRequestEvents(encoded) };
    if (cmd.opts?.commandId !== undefined) req.cmd = cmd.opts.commandId;
    const value = Buffer.from(JSON.stringify(req));
    const p = this.partitionOf(cmd.streamName);
    const attemptMs = this.opts.attemptTimeoutMs ?? 15_000;
    const deadline = Date.now() + (this.opts.appendTimeoutMs ?? 60_000);
    let reply: AppendReply | null = null;
    const direct = this.opts.owner?.appendLocal(p, req) ?? null;
    if (direct !== null) {
      const r = await direct;
      if (r.ok || !('error' in r) || r.error !== 'NOT_SERVED') reply = r;
    }
    try {
      while (reply === null) {
        if (this.closed) throw new EventStoreError('CLOSED', 'store closed');
        if (Date.now() > deadline) throw new EventStoreError('TIMEOUT', `append to '${cmd.streamName}' was not answered within ${this.opts.appendTimeoutMs ?? 60_000} ms`);
        const answered = new Promise<AppendReply | null>((resolve) => {
          const t = setTimeout(() => resolve(null), attemptMs);
          this.pending.set(req.rid, { resolve: (r) => (clearTimeout(t), resolve(r)) });
        });
        await this.producer.send({ topic: this.topics.requests, messages: [{ key: cmd.streamName, value, partition: p }] });
        reply = await answered;
      }
    } finally {
      this.pending.delete(req.rid);
    }
    if (reply.ix !== undefined) {
      const ix = BigInt(reply.ix);
      if (ix > (this.indexFloor.get(p) ?? 0n)) this.indexFloor.set(p, ix);
    }
    if (reply.ok) return { nextExpectedStreamVersion: BigInt(reply.next), createdNewStream: reply.created, lastEventGlobalPosition: encodeGlobalPosition(p, BigInt(reply.last)), deduplicated: reply.dup };
    if ('conflict' in reply) throw new ExpectedVersionConflict(cmd.streamName, BigInt(reply.conflict), expFromWire(reply.exp) ?? 'NO_CONCURRENCY_CHECK');
    throw new EventStoreError(reply.error as 'INVALID_EXPECTED_VERSION', reply.message);
  }

  /**
   * Waits until the index replica has read partition p of the changelog up to its last stable
   * offset and past every transaction that answered this store's appends to p.
   */
  private async catchUp(p: number): Promise<void> {
    const [end] = await this.admin.listOffsets([{ topic: this.topics.changelog, partition: p, spec: 'latest' }], { isolationLevel: 'read_committed' });
    const lso = end?.offset ?? 0n;
    const floor = this.indexFloor.get(p) ?? 0n;
    const target = floor > lso ? floor : lso;
    if (floor > lso) this.lsoBehindAnswers++;
    const deadline = Date.now() + 30_000;
    while ((this.index.position({ topic: this.topics.changelog, partition: p }) ?? -1n) < target) {
      if (this.closed) throw new EventStoreError('CLOSED', 'store closed');
      if (Date.now() > deadline) throw new EventStoreError('TIMEOUT', `the index of partition ${p} did not catch up to ${target}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  protected async readRecords(streamName: string, from: bigint, to: bigint): Promise<{ version: bigint; records: StoredRecord[] }> {
    if (this.closed) throw new EventStoreError('CLOSED', 'store closed');
    await this.start();
    const p = this.partitionOf(streamName);
    await this.catchUp(p);
    const s = this.restorer.stream(streamName);
    if (s === undefined) return { version: 0n, records: [] };
    if (from > to) return { version: BigInt(s.version), records: [] };
    const runs = offsetsOf(s, Number(from), Number(to));
    // Dense: the wanted records are at least a quarter of the offsets they span.
    const wanted = runs.reduce((a, [, n]) => a + n, 0);
    const last = runs[runs.length - 1];
    const span = runs.length === 0 || last === undefined ? 0 : last[0] + last[1] - runs[0]![0];
    const reader = runs.length > 0 && wanted * 4 >= span && wanted > 64 ? this.denseReader : this.reader;
    const records = await reader.read(this.topics.events, p, runs);
    return { version: BigInt(s.version), records };
  }

  async *subscribe<E extends Event = Event>(opts: SubscribeOptions = {}): AsyncIterable<SubscriptionBatch<E>> {
    await this.start();
    const parts = opts.partitions ?? Array.from({ length: this.partitions }, (_, i) => i);
    const pos: Record<number, bigint> = {};
    if (typeof opts.from === 'object') for (const p of parts) if (opts.from[p] !== undefined) pos[p] = opts.from[p]!;
    const c = new Consumer({ ...this.cluster, isolationLevel: 'read_committed', maxWaitMs: 100 });
    const f = opts.from;
    c.assign(parts.map((p) => ({ topic: this.topics.events, partition: p, offset: f === undefined || f === 'earliest' ? ('earliest' as const) : f === 'latest' ? ('latest' as const) : (f[p] ?? 'earliest') })));
    const cats = opts.categories === undefined ? null : new Set(opts.categories);
    const stop = (): void => void c.close();
    opts.signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const b of c.batches()) {
        if (opts.signal?.aborted === true) break;
        const events: Array<TidelineReadEvent<E>> = [];
        for (const r of b.records as ConsumerRecord[]) {
          if (!isEventRecord(r) || (cats !== null && !cats.has(categoryOf(streamOf(r))))) continue;
          events.push(decodeEvent<E>(r, this.serde));
        }
        const last = b.records[b.records.length - 1];
        if (last !== undefined) pos[b.partition] = last.offset + 1n;
        const checkpoint: Checkpoint = { ...pos };
        yield { partition: b.partition, events, checkpoint };
      }
    } finally {
      opts.signal?.removeEventListener('abort', stop);
      await c.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values()) p.resolve({ rid: '', ok: false, error: 'CLOSED', message: 'store closed' });
    await Promise.all([this.replies.close(), this.index.close(), this.reader.close(), this.denseReader.close(), this.producer.close().catch(() => undefined)]);
    await Promise.all(this.loops.map((l) => l.catch(() => undefined)));
    await this.admin.close();
  }
}
