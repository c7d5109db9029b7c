// Fetched data waiting for the application: a queue of per-partition batches, counted in records
// (from the batch headers until decoded) and bytes so the fetcher can stop at the limits. A batch
// is decoded only when the application reaches it.
import type { ApiTypes } from '@tideline/protocol';
import type { PartitionState } from './partition-state.js';
import { decodePartitionRecords } from './records.js';
import type { ConsumerBatch, ConsumerRecord } from './types.js';

type AbortedTransactions = ApiTypes[1]['response']['responses'][number]['partitions'][number]['abortedTransactions'];

/** A fetched batch waiting for (or being handed to) the application. */
export interface Queued {
  state: PartitionState;
  gen: number;
  batch: ConsumerBatch;
  /** Index of the next record to hand out. */
  pos: number;
  /** Fetch position after this batch (past control records and aborted data). */
  nextOffset: bigint;
  /**
   * The fetched bytes, decoded only when the batch is handed out: a fetch response holds tens of
   * thousands of small records, and decoding them all at once keeps them alive (and copied by
   * the young-generation GC) while the application works through the partitions before them.
   */
  raw: { data: Buffer; from: bigint; aborted: AbortedTransactions } | null;
  /** Records counted into `buffered` (from the batch headers until decoded). */
  count: number;
  /** Fetched bytes counted into `bufferedBytes`. */
  bytes: number;
}

export class FetchBuffer {
  private readonly queue: Queued[] = [];
  private buffered = 0;
  private bufferedBytes = 0;
  private dataWaiters: Array<() => void> = [];
  /** The batch the application is being handed. */
  current: Queued | null = null;

  /** `onTaken` runs whenever a batch leaves the queue (there may be room to fetch again). */
  constructor(
    private readonly maxRecords: number,
    private readonly maxBytes: number,
    private readonly onTaken: () => void,
  ) {}

  full(): boolean {
    return this.buffered >= this.maxRecords || this.bufferedBytes >= this.maxBytes;
  }

  /** Queues a partition's fetched records (`count` of them, from the batch headers) for the application. */
  push(s: PartitionState, batch: ConsumerBatch, nextOffset: bigint, raw: NonNullable<Queued['raw']>, count: number): void {
    this.queue.push({ state: s, gen: s.generation, batch, pos: 0, nextOffset, raw, count, bytes: raw.data.length });
    this.buffered += count;
    this.bufferedBytes += raw.data.length;
  }

  /**
   * Fetched data with only control records or aborted data: move the commit point past them once
   * the application has everything before.
   */
  skipTo(s: PartitionState, nextOffset: bigint): void {
    let last: Queued | undefined;
    for (const q of this.queue) if (q.state === s) last = q;
    const cur = this.current;
    if (last !== undefined) last.nextOffset = nextOffset;
    else if (cur !== null && cur.state === s && cur.gen === s.generation) cur.nextOffset = nextOffset;
    else s.consumed = nextOffset;
  }

  /** Removes buffered batches of a partition. */
  drop(s: PartitionState): void {
    for (let i = 0; i < this.queue.length; ) {
      const q = this.queue[i]!;
      if (q.state === s) {
        this.buffered -= q.count;
        this.bufferedBytes -= q.bytes;
        this.queue.splice(i, 1);
      } else {
        i++;
      }
    }
  }

  /** The offset of the first buffered record of a partition not handed out yet. */
  firstUndelivered(s: PartitionState): bigint | null {
    const cur = this.current;
    if (cur !== null && cur.state === s && cur.gen === s.generation && cur.pos < cur.batch.records.length) return cur.batch.records[cur.pos]!.offset;
    for (const q of this.queue) {
      if (q.state !== s) continue;
      if (q.raw !== null) return q.raw.from;
      if (q.pos < q.batch.records.length) return q.batch.records[q.pos]!.offset;
    }
    return null;
  }

  /** The next batch with records for the application (decoded), or null when nothing is buffered. */
  take(): Queued | null {
    for (;;) {
      const q = this.queue.shift();
      if (q === undefined) return null;
      this.buffered -= q.count;
      this.bufferedBytes -= q.bytes;
      this.onTaken();
      if (q.gen !== q.state.generation) continue;
      if (q.raw !== null && !this.decode(q)) continue;
      return q;
    }
  }

  /**
   * Decodes a queued batch about to be handed out; false when it holds no records for the
   * application (only control records or aborted data), whose offsets then count as processed.
   */
  private decode(q: Queued): boolean {
    const raw = q.raw!;
    const s = q.state;
    let records: ConsumerRecord[];
    try {
      records = decodePartitionRecords(q.batch.topic, q.batch.partition, raw.data, raw.from, raw.aborted).records;
    } catch (e) {
      // Fetch these offsets again (and fail again) rather than skip them.
      s.generation++;
      s.position = raw.from;
      this.drop(s);
      throw e;
    }
    q.raw = null;
    q.batch.records = records;
    if (records.length > 0) return true;
    s.consumed = q.nextOffset;
    return false;
  }

  /** Resolves at the next notify(). */
  wait(): Promise<void> {
    return new Promise<void>((r) => this.dataWaiters.push(r));
  }

  notify(): void {
    for (const w of this.dataWaiters.splice(0)) w();
  }
}
