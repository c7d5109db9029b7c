// An inline projection: one document per stream (the fold of its events), written by the owner in
// the append's own Kafka transaction to a compacted topic keyed by stream id, partitioned like the
// events. The events and their documents commit or abort together, so a document never shows an
// event that was not written, nor misses one that was.
//
// Reading:
// - In the owner's process, `get(stream)` answers from the documents of the partitions it serves,
//   as of the last committed transaction. Answers to appends are sent after the owner applied the
//   commit here, so a caller on the direct path reads its own writes at once.
// - Elsewhere, `InlineDocumentReader` keeps a read_committed copy of the topic; `get(stream,
//   { minVersion })` waits until the copy reached the topic's last stable offset and holds the
//   stream's document at `minVersion` or later (pass the version an append returned to read your
//   own write: Apache Kafka may write the commit markers after the owner's commit returned).
//
// Invariants:
// - `committedDocs` of a partition equals the topic's committed documents of that partition: it is
//   read from the topic when the owner takes (or, after a failed batch, restores) the partition,
//   and changed only by `committed()` after the owner's commit.
// - A batch's new documents live in `pending` until then; an aborted batch's are dropped by the
//   owner restoring the partition (which calls `open` again).
import type { Event } from '@event-driven-io/emmett';
import { Admin, type ClusterOptions } from '@tideline/client';
import { partitionForKey } from '@tideline/protocol';
import { CompactedTable } from '../compacted-table.js';
import { EventStoreError } from '../errors.js';
import type { TidelineReadEvent } from '../types.js';
import type { InlineProjection, InlineTx } from './owner.js';
import { readPartitionToEnd } from './reader.js';

/** A stream's document: the state after `version` events. */
export interface InlineDocument<S> {
  state: S;
  version: number;
}

export interface InlineDocumentsOptions<S, E extends Event = Event> {
  /** The documents' topic (compacted; create it with `createTopic`, same partition count as the events). */
  topic: string;
  initialState(): S;
  evolve(state: S, event: TidelineReadEvent<E>): S;
  /** Streams to project (default all), e.g. by category. */
  streams?: (streamName: string) => boolean;
}

const encodeDoc = (d: InlineDocument<unknown>): Buffer => Buffer.from(JSON.stringify({ v: d.version, s: d.state }));

function decodeDoc<S>(b: Buffer): InlineDocument<S> {
  const j = JSON.parse(b.toString('utf8')) as { v: number; s: S };
  return { state: j.s, version: j.v };
}

/** Creates a compacted topic for documents (`partitions` = the event topic's). */
export async function createDocumentTopic(admin: Admin, topic: string, partitions: number, replicationFactor = 1): Promise<void> {
  await admin.createTopics([{ topic, numPartitions: partitions, replicationFactor, configs: { 'cleanup.policy': 'compact' } }], { ignoreExisting: true, waitForLeaders: true });
}

/** Pass to `EventStoreOwner`'s `projections`; query with `get` in the owner's process. */
export class InlineDocuments<S, E extends Event = Event> implements InlineProjection {
  private readonly committedDocs = new Map<number, Map<string, InlineDocument<S>>>();
  private readonly pending = new Map<number, Map<string, InlineDocument<S>>>();
  private partitionCount = 0;

  constructor(private readonly opts: InlineDocumentsOptions<S, E>) {}

  get topic(): string {
    return this.opts.topic;
  }

  async open(partition: number, cluster: ClusterOptions, admin: Admin): Promise<void> {
    if (this.partitionCount === 0) {
      const [d] = await admin.describeTopics([this.opts.topic]);
      if (d === undefined || d.partitions.length === 0) throw new EventStoreError('CLOSED', `inline projection: topic ${this.opts.topic} does not exist (createDocumentTopic)`);
      this.partitionCount = d.partitions.length;
    }
    const docs = new Map<string, InlineDocument<S>>();
    await readPartitionToEnd(cluster, admin, this.opts.topic, partition, 'earliest', (records) => {
      for (const r of records) {
        if (r.key === null) continue;
        if (r.value === null) docs.delete(r.key.toString('utf8'));
        else docs.set(r.key.toString('utf8'), decodeDoc<S>(r.value));
      }
    });
    this.committedDocs.set(partition, docs);
    this.pending.delete(partition);
  }

  async apply(batch: { partition: number; events: TidelineReadEvent[] }, tx: InlineTx): Promise<void> {
    const base = this.committedDocs.get(batch.partition);
    if (base === undefined) throw new EventStoreError('CLOSED', `inline projection ${this.opts.topic}: partition ${batch.partition} is not open`);
    const changed = new Map<string, InlineDocument<S>>();
    for (const e of batch.events) {
      const stream = e.metadata.streamName;
      if (this.opts.streams !== undefined && !this.opts.streams(stream)) continue;
      const cur = changed.get(stream) ?? base.get(stream);
      const pos = Number(e.metadata.streamPosition);
      if (cur !== undefined && cur.version >= pos) continue; // already folded in (cannot happen for the owner's own appends; kept for safety)
      // The state is copied before evolving so that a batch that aborts leaves the committed documents untouched.
      const state = cur === undefined ? this.opts.initialState() : (structuredClone(cur.state) as S);
      changed.set(stream, { state: this.opts.evolve(state, e as TidelineReadEvent<E>), version: pos });
    }
    this.pending.set(batch.partition, changed);
    if (changed.size > 0) await tx.send(this.opts.topic, [...changed].map(([key, d]) => ({ key, value: encodeDoc(d), partition: batch.partition })));
  }

  committed(partition: number): void {
    const changed = this.pending.get(partition);
    this.pending.delete(partition);
    const base = this.committedDocs.get(partition);
    if (changed === undefined || base === undefined) return;
    for (const [k, d] of changed) base.set(k, d);
  }

  close(partition: number): void {
    this.committedDocs.delete(partition);
    this.pending.delete(partition);
  }

  /** Partitions whose documents this process holds (those its owner serves). */
  partitions(): number[] {
    return [...this.committedDocs.keys()].sort((a, b) => a - b);
  }

  /**
   * The stream's document as of the owner's last commit; undefined when the stream has no
   * document. Throws NOT_OWNER when this process does not serve the stream's partition.
   */
  get(streamName: string): InlineDocument<S> | undefined {
    const partition = this.partitionCount === 0 ? -1 : partitionForKey(Buffer.from(streamName), this.partitionCount);
    const docs = this.committedDocs.get(partition);
    if (docs === undefined) throw new EventStoreError('NOT_OWNER', `partition ${partition} of ${this.opts.topic} is not served by this process`);
    const d = docs.get(streamName);
    return d === undefined ? undefined : { state: structuredClone(d.state) as S, version: d.version };
  }
}

/** A read_committed copy of a document topic, for processes that do not own the partitions. */
export class InlineDocumentReader<S> {
  private readonly table: CompactedTable;

  constructor(private readonly opts: ClusterOptions & { topic: string }) {
    this.table = new CompactedTable({ ...opts, topic: opts.topic });
  }

  start(): Promise<void> {
    return this.table.start();
  }

  /**
   * The stream's document once this copy has read the topic's last stable offset and holds a
   * document at `minVersion` or later (default 0: whatever is committed). Undefined when the stream
   * has no document and `minVersion` is 0.
   */
  async get(streamName: string, opts: { minVersion?: number | bigint; timeoutMs?: number } = {}): Promise<InlineDocument<S> | undefined> {
    const min = Number(opts.minVersion ?? 0);
    const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
    await this.table.catchUp(opts.timeoutMs ?? 30_000);
    for (;;) {
      const b = this.table.get(streamName);
      const d = b === undefined ? undefined : decodeDoc<S>(b);
      if ((d?.version ?? 0) >= min) return d;
      if (Date.now() > deadline) throw new EventStoreError('TIMEOUT', `the document of '${streamName}' did not reach version ${min} in ${opts.timeoutMs ?? 30_000} ms`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  close(): Promise<void> {
    return this.table.close();
  }
}
