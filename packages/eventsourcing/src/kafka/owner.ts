// The single writer: a member of the owners' consumer group over the append-request topic. For
// each partition it is assigned it takes the partition's transactional id (`<name>.owner-<p>`,
// fencing any previous owner and aborting its open transaction), restores the partition's state
// from the changelog (read_committed, to the last stable offset), then serves requests batch by
// batch: check each append against the state, write the accepted events to the event topic, the
// streams' new state to the changelog and the next request offset in ONE transaction; once it
// committed, answer the callers (a reply is only ever sent for committed state).
//
// Invariants:
// - Only the holder of `<name>.owner-<p>`'s current epoch can commit to partition p of the event
//   topic and the changelog: a zombie's transaction is aborted or fenced.
// - A reply is sent after the commit, outside the transaction: lost with the owner, the caller
//   asks again with the same request and event ids, and the next owner answers from the window.
// - The in-memory state equals the changelog's committed state plus the current batch; when a
//   batch fails the transaction is aborted and the state restored again before serving on.
// - Requests are served in request-topic order per partition; a request delivered twice (after a
//   failover) meets the event-id window and answers what it answered the first time.
import { Admin, Consumer, Producer, type ClusterOptions, type ConsumerRecord, type Logger, type RecordMetadata } from '@tideline/client';
import { H, jsonSerde, storeTopics, type EventSerde, type StoreTopics, type TidelineReadEvent } from '../types.js';
import { decodeEvent } from '../codec.js';
import { applyAppend, ChangelogRestorer, changelogRecords, emptyStream, findDuplicate, recordConflict, type StreamState } from '../state.js';
import { expFromWire, parseRequest, type AppendReply, type AppendRequest } from './wire.js';
import { readPartitionToEnd } from './reader.js';
import { NO_CONCURRENCY_CHECK, STREAM_DOES_NOT_EXIST, STREAM_EXISTS } from '@event-driven-io/emmett';

/** Requests queued per partition before fetching it pauses; requests per transaction. */
const MAX_QUEUED = 5000;
const MAX_BATCH = 1000;

/** Changelog key of the next request offset (stream names cannot hold control characters). */
const REQUEST_OFFSET_KEY = '\u0001requests';

export interface OwnerOptions extends ClusterOptions {
  /** The store's name (topic prefix). */
  name: string;
  /** Default 10000: a killed owner's partitions move after about this long. */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Default 15000. */
  transactionTimeoutMs?: number;
  /** Static membership id (optional). */
  groupInstanceId?: string;
  /**
   * Inline work: called inside each transaction with the events it appends (decoded, with their
   * offsets) before the commit; records sent through `tx` commit or abort with the events. A
   * throw aborts the batch, which is then served again (so it must be deterministic).
   */
  inline?: InlineHandler;
  /**
   * Ready-made inline projections (e.g. `InlineDocuments`): each is opened for a partition when
   * this owner takes it (and again after a failed batch), applied inside each transaction with
   * the events it appends, and told once the transaction committed (before the callers are answered).
   */
  projections?: readonly InlineProjection[];
  /** Serde of the events handed to `inline` and `projections`. Default JSON. */
  serde?: EventSerde;
}

/** An inline projection's life in the owner, per partition. */
export interface InlineProjection {
  /** Loads the partition's committed state (the owner fenced any previous owner before this). */
  open(partition: number, cluster: ClusterOptions, admin: Admin): Promise<void>;
  /** Inside the transaction: computes the batch's changes and sends them through `tx`; deterministic (a failed batch is served again). */
  apply(batch: { partition: number; events: TidelineReadEvent[] }, tx: InlineTx): Promise<void>;
  /** The transaction of the last `apply` on this partition committed. */
  committed(partition: number): void;
  /** The owner let the partition go. */
  close(partition: number): void;
}

/** Sends records inside the owner's transaction. */
export interface InlineTx {
  send(topic: string, messages: ReadonlyArray<{ key?: string | Buffer | null; value: string | Buffer | null; partition?: number; headers?: Record<string, string | Buffer> }>): Promise<void>;
}

export type InlineHandler = (batch: { partition: number; events: TidelineReadEvent[] }, tx: InlineTx) => Promise<void> | void;

/** A request waiting for its partition's next transaction: fetched (with its offset) or local (with a callback). */
interface Queued {
  offset: bigint | null;
  req: AppendRequest | null;
  answer?: (r: AppendReply) => void;
}

type Decision =
  | { kind: 'ok'; req: AppendRequest; stream: StreamState; count: number }
  | { kind: 'dup'; req: AppendRequest; next: number; created: boolean; last: number }
  | { kind: 'conflict'; req: AppendRequest; actual: number; repeated?: boolean }
  | { kind: 'error'; req: AppendRequest; code: string; message: string };

class OwnedPartition {
  readonly producer: Producer;
  streams = new Map<string, StreamState>();
  ready = false;
  /** Where serving resumes on the request topic (kept in the changelog, written in each transaction). */
  nextRequestOffset = 0n;
  /** The event partition's log end: where the next event will be written. */
  nextEventOffset = 0;
  /** Requests fetched (or handed in directly) and not yet served, and the offset after the last one fetched. */
  private queue: Queued[] = [];
  private queuedUpTo = -1n;
  draining: Promise<void> | null = null;
  onDrained: (() => void) | null = null;

  enqueue(records: readonly ConsumerRecord[]): void {
    for (const r of records) {
      if (r.offset < this.queuedUpTo || r.offset < this.nextRequestOffset) continue; // already queued or served
      this.queue.push({ offset: r.offset, req: parseRequest(r.value) });
      this.queuedUpTo = r.offset + 1n;
    }
  }

  /** A request from this process (the caller owns the partition): no request or reply record. */
  enqueueLocal(req: AppendRequest, answer: (r: AppendReply) => void): void {
    this.queue.push({ offset: null, req, answer });
  }

  queued(): number {
    return this.queue.length;
  }

  take(n: number): Queued[] {
    return this.queue.splice(0, n);
  }

  /** Forgets what is queued (after a failed batch the consumer is sent back to nextRequestOffset); local callers are told to go the routed way. */
  clear(failed: readonly Queued[] = []): void {
    for (const q of [...failed, ...this.queue]) q.answer?.({ rid: q.req?.rid ?? '', ok: false, error: 'NOT_SERVED', message: 'the owner could not serve this request' });
    this.queue = [];
    this.queuedUpTo = -1n;
  }

  constructor(
    private readonly cluster: ClusterOptions,
    private readonly admin: Admin,
    private readonly topics: StoreTopics,
    readonly partition: number,
    name: string,
    transactionTimeoutMs: number,
    private readonly reply: (messages: Array<{ partition: number; key: string; value: string }>) => void,
    private readonly inline?: InlineHandler,
    private readonly serde: EventSerde = jsonSerde,
    private readonly projections: readonly InlineProjection[] = [],
  ) {
    this.producer = new Producer({ ...cluster, transactionalId: `${name}.owner-${partition}`, transactionTimeoutMs, lingerMs: 0 });
  }

  /** Fences the previous owner, then restores the state from the changelog. */
  async open(): Promise<void> {
    await this.producer.initTransactions();
    await this.restore();
  }

  async restore(): Promise<void> {
    this.ready = false;
    const restorer = new ChangelogRestorer();
    let nextRequest = 0n;
    await readPartitionToEnd(this.cluster, this.admin, this.topics.changelog, this.partition, 'earliest', (records) => {
      for (const r of records) {
        if (r.key === null) continue;
        const k = r.key.toString('utf8');
        if (k === REQUEST_OFFSET_KEY) nextRequest = r.value === null ? 0n : BigInt(r.value.toString());
        else restorer.apply(k, r.value);
      }
    });
    this.streams = restorer.streams();
    this.nextRequestOffset = nextRequest;
    // This producer is the only writer now (initTransactions fenced the previous one and wrote its abort marker).
    const [end] = await this.admin.listOffsets([{ topic: this.topics.events, partition: this.partition, spec: 'latest' }]);
    this.nextEventOffset = Number(end?.offset ?? 0n);
    for (const pr of this.projections) await pr.open(this.partition, this.cluster, this.admin);
    this.ready = true;
  }

  private decide(req: AppendRequest, s: StreamState): Decision {
    const exp = expFromWire(req.exp);
    if (exp === null) return { kind: 'error', req, code: 'INVALID_EXPECTED_VERSION', message: `bad expected version '${req.exp}'` };
    const dup = findDuplicate(s, req.ids, req.cmd, req.rid);
    if (dup !== undefined && dup.conflict !== undefined) return { kind: 'conflict', req, actual: dup.conflict, repeated: true };
    if (dup !== undefined) return { kind: 'dup', req, next: dup.next, created: dup.created, last: dup.lastOffset };
    const v = BigInt(s.version);
    const ok = exp === NO_CONCURRENCY_CHECK ? true : exp === STREAM_DOES_NOT_EXIST ? v === 0n : exp === STREAM_EXISTS ? v !== 0n : v === exp;
    if (!ok) return { kind: 'conflict', req, actual: s.version };
    return { kind: 'ok', req, stream: s, count: req.ev.length };
  }

  /**
   * Serves one batch of requests in one transaction, in one round of produce requests: the events'
   * offsets are known before they are written (this producer is the partition's only writer: the
   * next offset is the log end, and each committed transaction adds its events and one marker),
   * so the index entries and the next request offset go out with the events. The
   * offsets the broker assigns are checked against the prediction; a mismatch aborts the batch.
   */
  async process(records: readonly Queued[]): Promise<void> {
    if (records.length === 0) return;
    const local: Array<{ answer: (r: AppendReply) => void; reply: AppendReply }> = [];
    const touched = new Map<string, StreamState>();
    const segsBefore = new Map<string, number>();
    const seen = new Set<string>();
    const p = this.partition;
    const events: Array<{ partition: number; key: string; value: Buffer; headers: Array<{ key: string; value: Buffer }> }> = [];
    const replies: Array<{ partition: number; reply: AppendReply }> = [];
    let offset = this.nextEventOffset;
    for (const q of records) {
      const req = q.req;
      if (req === null || seen.has(req.rid)) continue;
      seen.add(req.rid);
      if (!touched.has(req.stream)) {
        const cur = this.streams.get(req.stream);
        const clone = cur === undefined ? emptyStream() : (structuredClone(cur) as StreamState);
        segsBefore.set(req.stream, clone.segs.length);
        touched.set(req.stream, clone);
      }
      const d = this.decide(req, touched.get(req.stream)!);
      let reply: AppendReply;
      if (d.kind === 'ok') {
        const first = d.stream.version + 1;
        d.req.ev.forEach((e, i) => {
          const headers = e.h.map(([k, v]) => ({ key: k, value: Buffer.from(v, 'base64') }));
          headers.splice(2, 0, { key: H.version, value: Buffer.from(String(first + i)) });
          events.push({ partition: p, key: d.req.stream, value: Buffer.from(e.v, 'base64'), headers });
        });
        const ra = applyAppend(d.stream, d.req.ids, d.req.cmd, offset, d.count, req.rid);
        offset += d.count;
        reply = { rid: req.rid, ok: true, next: ra.next, created: ra.created, last: String(ra.lastOffset), dup: false };
      } else if (d.kind === 'dup') reply = { rid: req.rid, ok: true, next: d.next, created: d.created, last: String(d.last), dup: true };
      else if (d.kind === 'conflict') {
        // Remembered, so that this request delivered again (a caller's retry) is refused again
        // rather than checked against a version that may have moved on.
        if (d.repeated !== true) recordConflict(touched.get(req.stream)!, req.rid);
        reply = { rid: req.rid, ok: false, conflict: d.actual, exp: req.exp };
      }
      else reply = { rid: req.rid, ok: false, error: d.code, message: d.message };
      if (q.answer !== undefined) local.push({ answer: q.answer, reply });
      else replies.push({ partition: req.rp, reply });
    }
    const log: Array<{ partition: number; key: string; value: Buffer }> = [];
    for (const [key, st] of touched) {
      if (st.version === 0 && st.recent.length === 0) continue;
      for (const r of changelogRecords(key, st, (segsBefore.get(key) ?? 1) - 1)) log.push({ partition: p, ...r });
    }
    let nextRequest = this.nextRequestOffset;
    for (const q of records) if (q.offset !== null && q.offset >= nextRequest) nextRequest = q.offset + 1n;
    if (nextRequest !== this.nextRequestOffset) log.push({ partition: p, key: REQUEST_OFFSET_KEY, value: Buffer.from(nextRequest.toString()) });
    await this.producer.beginTransaction();
    const logged = log.length === 0 ? null : observed(this.producer.send({ topic: this.topics.changelog, messages: log }));
    const sends: Array<Promise<unknown>> = logged === null ? [] : [logged];
    let written: Promise<RecordMetadata[]> | null = null;
    if (events.length > 0) sends.push((written = observed(this.producer.send({ topic: this.topics.events, messages: events }))));
    if ((this.inline !== undefined || this.projections.length > 0) && events.length > 0) {
      const now = BigInt(Date.now());
      const decoded = events.map((e, i) => decodeEvent({ partition: p, offset: BigInt(this.nextEventOffset + i), timestamp: now, key: Buffer.from(e.key), value: e.value, headers: e.headers }, this.serde));
      const tx: InlineTx = {
        send: async (topic, messages) => {
          sends.push(observed(this.producer.send({ topic, messages })));
          await sends[sends.length - 1];
        },
      };
      try {
        if (this.inline !== undefined) await this.inline({ partition: p, events: decoded }, tx);
        for (const pr of this.projections) await pr.apply({ partition: p, events: decoded }, tx);
      } catch (e) {
        // The sends already made settle before the batch is aborted (none is left unobserved).
        await Promise.allSettled(sends);
        throw e;
      }
    }
    await Promise.all(sends);
    if (written !== null) {
      const metas = await written;
      const first = metas[0]!.offset;
      const last = metas[metas.length - 1]!.offset;
      if (first !== BigInt(this.nextEventOffset) || last - first !== BigInt(metas.length - 1)) {
        throw new Error(`events written at ${first}..${last}, predicted ${this.nextEventOffset}..${offset - 1}`);
      }
    }
    await this.producer.commitTransaction();
    if (events.length > 0) for (const pr of this.projections) pr.committed(p);
    // Every answer of this batch carries the changelog offset past the batch's records: each
    // touched stream's state was written again in it, so a caller whose index has read that far
    // sees the state it was answered from (read-your-writes, also on conflicts and duplicates).
    const metas = logged === null ? null : await logged;
    const ix = metas === null ? undefined : String(metas[metas.length - 1]!.offset + 1n);
    if (replies.length > 0) this.reply(replies.map((r) => ({ partition: r.partition, key: r.reply.rid, value: JSON.stringify(ix === undefined ? r.reply : { ...r.reply, ix }) })));
    for (const l of local) l.answer(ix === undefined ? l.reply : { ...l.reply, ix });
    for (const [key, st] of touched) if (st.version > 0 || st.recent.length > 0) this.streams.set(key, st);
    this.nextRequestOffset = nextRequest;
    // The commit marker takes one offset after the events.
    if (events.length > 0) this.nextEventOffset = offset + 1;
  }

  async abort(): Promise<void> {
    await this.producer.abortTransaction().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.ready = false;
    this.clear();
    // Let the transaction in flight finish (an orderly revoke), then stop.
    await this.draining?.catch(() => undefined);
    await this.producer.close({ flush: false }).catch(() => undefined);
    for (const pr of this.projections) pr.close(this.partition);
  }
}

/**
 * A send awaited later, after other awaits (inline work): its failure is handled there, so it
 * must not count as an unhandled rejection meanwhile.
 */
function observed<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Serves appends for the partitions the owners' group assigns to it. */
export class EventStoreOwner {
  private readonly topics: StoreTopics;
  private readonly consumer: Consumer;
  private readonly admin: Admin;
  /** Replies, after each commit (not transactional). */
  private readonly replier: Producer;
  private readonly parts = new Map<number, OwnedPartition>();
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly log: Logger | undefined;
  /** Batches served (committed transactions). */
  batches = 0;

  constructor(private readonly opts: OwnerOptions) {
    this.topics = storeTopics(opts.name);
    this.log = opts.logger;
    this.admin = new Admin(opts);
    // A reply need not be durable: a lost one is asked for again and answered from the window.
    this.replier = new Producer({ ...opts, lingerMs: 0, acks: 1, idempotent: false });
    this.consumer = new Consumer({
      ...opts,
      groupId: `${opts.name}.owners`,
      groupInstanceId: opts.groupInstanceId ?? null,
      isolationLevel: 'read_committed',
      autoCommit: false,
      maxWaitMs: 10,
      sessionTimeoutMs: opts.sessionTimeoutMs ?? 10_000,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 1000,
      rebalanceTimeoutMs: 30_000,
      maxPartitionBytes: 1024 * 1024,
    });
  }

  /**
   * Serves an append of this process directly when this owner serves its partition (no request
   * or reply record); null when it does not. A NOT_SERVED answer means: send it the routed way,
   * with the same request id.
   */
  appendLocal(partition: number, req: AppendRequest): Promise<AppendReply> | null {
    const part = this.parts.get(partition);
    if (this.closed || part === undefined || !part.ready) return null;
    const answered = new Promise<AppendReply>((resolve) => part.enqueueLocal(req, resolve));
    if (part.draining === null) part.draining = this.drain(part);
    return answered;
  }

  /** Partitions this owner serves now. */
  owned(): number[] {
    return [...this.parts.values()].filter((p) => p.ready).map((p) => p.partition).sort((a, b) => a - b);
  }

  /** Joins the group and serves until close(); resolves once started (the loop runs in the background). */
  start(): void {
    if (this.running !== null) return;
    this.consumer.subscribe([this.topics.requests], {
      onAssigned: async (tps) => {
        for (const tp of tps) await this.acquire(tp.partition);
      },
      onRevoked: async (tps) => {
        for (const tp of tps) await this.release(tp.partition);
      },
      onLost: async (tps) => {
        for (const tp of tps) await this.release(tp.partition);
      },
    });
    this.running = this.loop();
    // Its failure is reported by done() and close(); until one of them is called it is not unhandled.
    this.running.catch(() => undefined);
  }

  /** The serving loop's end (rejects if it failed). */
  done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async acquire(p: number): Promise<void> {
    if (this.closed) return;
    const old = this.parts.get(p);
    if (old !== undefined) await old.close();
    const part = new OwnedPartition(this.opts, this.admin, this.topics, p, this.opts.name, this.opts.transactionTimeoutMs ?? 15_000, (messages) => {
      this.replier.send({ topic: this.topics.replies, messages }).catch((e: unknown) => this.log?.('warn', `owner: a reply was lost (${(e as Error).message}); the caller will ask again`));
    }, this.opts.inline, this.opts.serde, this.opts.projections);
    this.parts.set(p, part);
    await part.open();
    // Opening takes a while (restore, initTransactions): the owner may have closed or the group
    // taken the partition back meanwhile (close() revokes everything). Then it is not ours to serve.
    if (this.closed || this.parts.get(p) !== part || !this.seekRequests(p, part.nextRequestOffset)) {
      if (this.parts.get(p) === part) this.parts.delete(p);
      await part.close();
      return;
    }
    this.log?.('info', `owner: serving partition ${p}`);
  }

  /** Moves the request partition's position; false when the consumer no longer has it assigned. */
  private seekRequests(p: number, offset: bigint | 'earliest'): boolean {
    if (!this.consumer.assignment().some((tp) => tp.partition === p)) return false;
    this.consumer.seek({ topic: this.topics.requests, partition: p, offset });
    return true;
  }

  private async release(p: number): Promise<void> {
    const part = this.parts.get(p);
    if (part === undefined) return;
    this.parts.delete(p);
    await part.close();
  }

  /**
   * Hands each fetched batch to its partition's queue; every partition drains its queue on its
   * own (partitions commit concurrently, and a partition takes everything that queued up during
   * its last transaction into the next one).
   */
  private async loop(): Promise<void> {
    for await (const batch of this.consumer.batches()) {
      if (this.closed) break;
      const tp = { topic: batch.topic, partition: batch.partition };
      const part = this.parts.get(batch.partition);
      if (part === undefined || !part.ready) {
        // Not (yet) ours: serve it again from its first record once it is.
        this.seekRequests(batch.partition, batch.records[0]?.offset ?? 'earliest');
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      part.enqueue(batch.records);
      if (part.queued() > MAX_QUEUED) {
        this.consumer.pause([tp]);
        part.onDrained = () => this.consumer.resume([tp]);
      }
      if (part.draining === null) part.draining = this.drain(part);
    }
  }

  private async drain(part: OwnedPartition): Promise<void> {
    // A partition dropped here is closed after this drain ends: release() would wait for it.
    let dropped = false;
    const drop = (): void => {
      if (this.parts.get(part.partition) === part) this.parts.delete(part.partition);
      dropped = true;
    };
    try {
      for (;;) {
        const records = part.take(MAX_BATCH);
        if (records.length === 0) break;
        try {
          await part.process(records);
          this.batches++;
        } catch (e) {
          if (this.closed || this.parts.get(part.partition) !== part) {
            part.clear(records);
            return;
          }
          this.log?.('warn', `owner: partition ${part.partition}: batch failed (${(e as Error).message}); restoring`);
          part.clear(records);
          await part.abort();
          try {
            await part.restore();
            if (!this.seekRequests(part.partition, part.nextRequestOffset)) {
              drop();
              return;
            }
          } catch (e2) {
            // Fenced or gone: drop the partition; the group will hand it to whoever owns it now.
            this.log?.('warn', `owner: partition ${part.partition}: dropped (${(e2 as Error).message})`);
            drop();
            return;
          }
        }
      }
    } finally {
      part.draining = null;
      const f = part.onDrained;
      part.onDrained = null;
      if (f !== null && this.parts.get(part.partition) === part) f();
    }
    if (dropped) await part.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.consumer.close().catch(() => undefined);
    await this.running?.catch(() => undefined);
    for (const p of [...this.parts.keys()]) await this.release(p);
    await this.replier.close().catch(() => undefined);
    await this.admin.close();
  }
}
