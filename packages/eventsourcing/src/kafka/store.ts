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
import { Admin, Consumer, KafkaError, Producer, type ClusterOptions, type ConsumerRecord, type RecordMetadata } from '@tideline/client';
import { ErrorCode, partitionForKey } from '@tideline/protocol';
import type { Event } from '@event-driven-io/emmett';
import { BaseEventStore, type AppendCommand } from '../base.js';
import { decodeEvent, encodeEvents, header, isEventRecord, streamOf, type StoredRecord } from '../codec.js';
import { EventStoreError, ExpectedVersionConflict } from '../errors.js';
import { applyAppend, ChangelogRestorer, emptyStream, offsetsOf, type StreamState } from '../state.js';
import { categoryOf, DEFAULT_LIMITS, encodeGlobalPosition, H, jsonSerde, storeTopics, type AppendResult, type Checkpoint, type EventSerde, type StoreLimits, type StoreTopics, type SubscribeOptions, type SubscriptionBatch, type TidelineReadEvent } from '../types.js';
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
  /**
   * Tideline only: append with the broker's conditional append (the event topic created with
   * `createStoreTopics(..., { conditionalAppend: true })`): one produce per append, no owner, no
   * request, reply or changelog; the index is read from the event topic itself. See
   * docs/eventsourcing.md ("The native conditional append") for what differs.
   */
  conditionalAppend?: boolean;
  /** Producers appending concurrently in conditional mode (one append per produce batch). Default 16. */
  appendProducers?: number;
}

/** The broker's answer to a conditional append whose expected version did not match. */
const CONFLICT = /conditional append conflict: key version is (\d+), expected (-?\d+)/;
/** Event ids remembered per stream in conditional mode (a retried append is recognised among them). */
const NATIVE_ID_WINDOW = 1024;
/** Conditional mode: the command id, on the last event of an append (indexed as `\u0001<id>` → the version after it). */
const COMMAND_HEADER = 'es-command';

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
  private readonly native: boolean;
  /** Conditional mode: the index read from the event topic, and recent event ids → version per stream. */
  private readonly nativeIndex = new Map<string, StreamState>();
  private readonly nativeIds = new Map<string, Map<string, number>>();
  private readonly appenders: Producer[] = [];
  private readonly freeAppenders: Producer[] = [];
  private readonly waitingAppenders: Array<(p: Producer) => void> = [];

  constructor(private readonly opts: KafkaEventStoreOptions) {
    super(opts.serde ?? jsonSerde, { ...DEFAULT_LIMITS, ...opts.limits });
    this.topics = storeTopics(opts.name);
    const { name: _n, serde: _s, limits: _l, attemptTimeoutMs: _a, appendTimeoutMs: _t, readers: _r, owner: _o, conditionalAppend: _c, appendProducers: _ap, ...cluster } = opts;
    this.native = opts.conditionalAppend === true;
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
    const desc = await this.admin.describeTopics(this.native ? [this.topics.events] : [this.topics.events, this.topics.replies]);
    const ev = desc.find((d) => d.name === this.topics.events);
    const rp = desc.find((d) => d.name === this.topics.replies);
    if (ev === undefined || (rp === undefined && !this.native) || ev.partitions.length === 0) throw new EventStoreError('CLOSED', `the store's topics do not exist (create them with createStoreTopics(admin, '${this.opts.name}'))`);
    this.partitions = ev.partitions.length;
    if (this.native || rp === undefined) {
      this.index.assign(Array.from({ length: this.partitions }, (_, p) => ({ topic: this.indexTopic, partition: p, offset: 'earliest' as const })));
      this.track(this.indexLoop());
      return;
    }
    this.replyPartition = Math.floor(Math.random() * rp.partitions.length);
    const [end] = await this.admin.listOffsets([{ topic: this.topics.replies, partition: this.replyPartition, spec: 'latest' }]);
    this.replies.assign([{ topic: this.topics.replies, partition: this.replyPartition, offset: end?.offset ?? 0n }]);
    this.index.assign(Array.from({ length: this.partitions }, (_, p) => ({ topic: this.indexTopic, partition: p, offset: 'earliest' as const })));
    this.track(this.replyLoop());
    this.track(this.indexLoop());
  }

  /**
   * A background read loop: awaited only by close(), so a failure before then is logged here
   * rather than left an unhandled rejection (appends then time out, as with a lost reply).
   */
  private track(loop: Promise<void>): void {
    loop.catch((e: unknown) => this.cluster.logger?.('error', `event store ${this.opts.name}: a background reader stopped`, e));
    this.loops.push(loop);
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

  /** The topic the index replica reads: the owners' changelog, or in conditional mode the event topic. */
  private get indexTopic(): string {
    return this.native ? this.topics.events : this.topics.changelog;
  }

  private async indexLoop(): Promise<void> {
    try {
      for await (const b of this.index.batches()) {
        for (const r of b.records) {
          if (r.key === null) continue;
          if (this.native) this.indexEvent(r);
          else this.restorer.apply(r.key.toString('utf8'), r.value);
        }
      }
    } catch (e) {
      if (!this.closed) throw e;
    }
  }

  /** Conditional mode: one event record into the index (its version is the broker-checked next one). */
  private indexEvent(r: ConsumerRecord): void {
    if (!isEventRecord(r)) return;
    const stream = streamOf(r);
    let st = this.nativeIndex.get(stream);
    if (st === undefined) this.nativeIndex.set(stream, (st = emptyStream()));
    const id = header(r, H.id) ?? '';
    applyAppend(st, [id], undefined, Number(r.offset), 1);
    st.recent.length = 0; // the ids live in nativeIds
    let ids = this.nativeIds.get(stream);
    if (ids === undefined) this.nativeIds.set(stream, (ids = new Map()));
    ids.set(id, st.version);
    const command = header(r, COMMAND_HEADER);
    if (command !== undefined) ids.set(`\u0001${command}`, st.version);
    while (ids.size > NATIVE_ID_WINDOW) ids.delete(ids.keys().next().value!);
  }

  /** Conditional mode: the version at which these event ids already are, consecutively, in the stream (a retried append), or null. */
  private nativeDuplicate(stream: string, ids: readonly string[], commandId: string | undefined): number | null {
    const known = this.nativeIds.get(stream);
    const byCommand = commandId === undefined ? undefined : known?.get(`\u0001${commandId}`);
    if (byCommand !== undefined) return byCommand - ids.length;
    const v0 = known?.get(ids[0]!);
    if (known === undefined || v0 === undefined) return null;
    for (let i = 1; i < ids.length; i++) if (known.get(ids[i]!) !== v0 + i) return null;
    return v0 - 1;
  }

  private async takeAppender(): Promise<Producer> {
    const p = this.freeAppenders.pop();
    if (p !== undefined) return p;
    if (this.appenders.length < (this.opts.appendProducers ?? 16)) {
      // One append per produce batch: the broker checks the version carried by a batch's first record.
      const n = new Producer({ ...this.cluster, lingerMs: 0, acks: 'all', idempotent: false, maxInFlightPerPartition: 1 });
      this.appenders.push(n);
      return n;
    }
    return new Promise((resolve) => this.waitingAppenders.push(resolve));
  }

  private giveAppender(p: Producer): void {
    const w = this.waitingAppenders.shift();
    if (w !== undefined) w(p);
    else this.freeAppenders.push(p);
  }

  /**
   * Conditional mode: the broker checks the version. Versions of the events must be known before
   * they are written (the es-version header), so `stream_exists` and `any` take the version from
   * the index (caught up first) and send it as an exact expectation; when another writer got in
   * between, `any` tries again and `stream_exists` too while the stream exists. A conflict is
   * checked against the index for the same event ids (a retried append answers as the first time).
   */
  private async appendNative(cmd: AppendCommand): Promise<AppendResult> {
    const p = this.partitionOf(cmd.streamName);
    const exp = cmd.expected;
    const exact = typeof exp === 'bigint' ? exp : exp === 'STREAM_DOES_NOT_EXIST' ? 0n : null;
    const deadline = Date.now() + (this.opts.appendTimeoutMs ?? 60_000);
    const commandId = cmd.opts?.commandId;
    let known: bigint = exact ?? 0n;
    /** The version the broker reported with the last conflict (it may be ahead of the index: appends not yet at the high watermark). */
    let reported = 0n;
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new EventStoreError('CLOSED', 'store closed');
      if (Date.now() > deadline) throw new EventStoreError('TIMEOUT', `append to '${cmd.streamName}' did not complete within ${this.opts.appendTimeoutMs ?? 60_000} ms`);
      // A command id is looked up before the first attempt too (a retried command may come with a fresh expected version).
      if (exact === null || attempt > 0 || commandId !== undefined) {
        await this.catchUp(p);
        const dup = this.nativeDuplicate(cmd.streamName, cmd.ids, commandId);
        if (dup !== null) return this.nativeResult(p, cmd, BigInt(dup), true);
        const indexed = BigInt(this.nativeIndex.get(cmd.streamName)?.version ?? 0);
        const current = indexed > reported ? indexed : reported;
        if (exact !== null && attempt > 0) throw new ExpectedVersionConflict(cmd.streamName, current, exp);
        if (exact !== null && current !== exact) throw new ExpectedVersionConflict(cmd.streamName, current, exp);
        if (exp === 'STREAM_EXISTS' && current === 0n) throw new ExpectedVersionConflict(cmd.streamName, current, exp);
        if (exact === null) known = current;
      }
      const encoded = encodeEvents(cmd.streamName, cmd.events, cmd.ids, known + 1n, cmd.opts, this.serde, this.limits);
      const messages = encoded.map((e, i) => {
        const headers = [...e.headers];
        if (i === 0) headers.push({ key: 'tl-expected-version', value: Buffer.from(known.toString()) });
        if (i === encoded.length - 1 && commandId !== undefined) headers.push({ key: COMMAND_HEADER, value: Buffer.from(commandId) });
        return { key: e.key, value: e.value, partition: p, headers };
      });
      const producer = await this.takeAppender();
      let metas: RecordMetadata[];
      try {
        metas = await producer.send({ topic: this.topics.events, messages });
      } catch (e) {
        const m = e instanceof KafkaError && e.errorCode === ErrorCode.INVALID_RECORD ? CONFLICT.exec(e.message) : null;
        if (m === null) throw e;
        reported = BigInt(m[1]!);
        continue; // the stream moved: look again (a duplicate, a conflict, or for `any` a new attempt)
      } finally {
        this.giveAppender(producer);
      }
      const last = metas[metas.length - 1]!.offset;
      if (last + 1n > (this.indexFloor.get(p) ?? 0n)) this.indexFloor.set(p, last + 1n);
      return { nextExpectedStreamVersion: known + BigInt(cmd.events.length), createdNewStream: known === 0n, lastEventGlobalPosition: encodeGlobalPosition(p, last), deduplicated: false };
    }
  }

  private nativeResult(p: number, cmd: AppendCommand, before: bigint, dup: boolean): AppendResult {
    const st = this.nativeIndex.get(cmd.streamName)!;
    const next = before + BigInt(cmd.events.length);
    const [run] = offsetsOf(st, Number(next), Number(next));
    return { nextExpectedStreamVersion: next, createdNewStream: before === 0n, lastEventGlobalPosition: encodeGlobalPosition(p, BigInt(run?.[0] ?? -1)), deduplicated: dup };
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
    if (this.native) return this.appendNative(cmd);
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
    const [end] = await this.admin.listOffsets([{ topic: this.indexTopic, partition: p, spec: 'latest' }], { isolationLevel: 'read_committed' });
    const lso = end?.offset ?? 0n;
    const floor = this.indexFloor.get(p) ?? 0n;
    const target = floor > lso ? floor : lso;
    if (floor > lso) this.lsoBehindAnswers++;
    const deadline = Date.now() + 30_000;
    while ((this.index.position({ topic: this.indexTopic, partition: p }) ?? -1n) < target) {
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
    const s = this.native ? this.nativeIndex.get(streamName) : this.restorer.stream(streamName);
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
    await Promise.all([this.replies.close(), this.index.close(), this.reader.close(), this.denseReader.close(), this.producer.close().catch(() => undefined), ...this.appenders.map((a) => a.close().catch(() => undefined))]);
    await Promise.all(this.loops.map((l) => l.catch(() => undefined)));
    await this.admin.close();
  }
}
