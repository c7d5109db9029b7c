// Idempotent producers, per partition: the sequence state Kafka keeps in its ProducerStateManager,
// for each producer id its epoch and the metadata of its last 5 batches. Pure state: snapshots and
// their stores are in producer-snapshots.ts, producer id allocation in producer-ids.ts.
//
// Semantics follow Kafka 4 for client appends:
// - a batch whose (epoch, first sequence, last sequence) equals one of the last 5 batches is a
//   duplicate: nothing is written and the answer is success with the original batch's offsets;
// - an epoch below the current one is INVALID_PRODUCER_EPOCH;
// - a new epoch must start at sequence 0 (unless the producer is unknown), else OUT_OF_ORDER_SEQUENCE_NUMBER;
// - in the same epoch the first sequence must follow the last one (with int32 wrap-around), else
//   OUT_OF_ORDER_SEQUENCE_NUMBER;
// - an unknown producer id (never seen, expired or removed by retention) is accepted at any sequence
//   (KIP-360: brokers no longer answer UNKNOWN_PRODUCER_ID on produce).
// Checks and the state update run synchronously before the log's (FIFO) append is queued, so
// concurrent in-flight requests of one producer are judged in the order their offsets are assigned.
//
// Transactions (Kafka's ProducerAppendInfo rules): a producer's first transactional batch opens its
// transaction on the partition; a non-transactional batch while one is open is INVALID_TXN_STATE;
// an end marker (control batch written by the coordinator) with an epoch below the producer's is
// INVALID_PRODUCER_EPOCH, closes the transaction and raises the producer's epoch. A transaction is
// "unstable" from its first batch until its marker is durable; the last stable offset (LSO) is the
// first offset of the oldest unstable transaction, bounded by the high watermark. Aborted
// transactions (producer, first offset, marker offset) form the index read_committed fetches need.
// Appends from the group coordinator (transactional offset commits) are checked for epoch only.
import {
  Attr, LOG_OVERHEAD, Off, batchSizeAt, decodeBatch, parseControlRecord, type ErrorName,
} from '@tideline/protocol/internal';
import type { AbortedTxnEntry, ProducerSnapshotEntry } from '@tideline/storage';

/** Batches remembered per producer for duplicate detection (Kafka: NUM_BATCHES_TO_RETAIN). */
export const BATCHES_TO_RETAIN = 5;
const NO_EPOCH = -1;
const INT32_MAX = 0x7fffffff;

/** The idempotence fields of one incoming batch (read from its header). */
export interface BatchIdentity {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  lastOffsetDelta: number;
  maxTimestamp: bigint;
  attributes: number;
}

export function batchIdentityAt(buf: Buffer, pos: number): BatchIdentity {
  return {
    producerId: buf.readBigInt64BE(pos + Off.producerId),
    producerEpoch: buf.readInt16BE(pos + Off.producerEpoch),
    baseSequence: buf.readInt32BE(pos + Off.baseSequence),
    lastOffsetDelta: buf.readInt32BE(pos + Off.lastOffsetDelta),
    maxTimestamp: buf.readBigInt64BE(pos + Off.maxTimestamp),
    attributes: buf.readInt16BE(pos + Off.attributes),
  };
}

export interface BatchMeta {
  firstSeq: number;
  lastSeq: number;
  /** -1n while the append is in flight. */
  firstOffset: bigint;
  lastOffset: bigint;
  timestamp: bigint;
  /** Settles when the append that wrote this batch settles. */
  done: Promise<void>;
}

/** A producer's transaction on this partition, from its first batch until its marker is durable. */
interface OpenTxn {
  producerId: bigint;
  /** Exact once the first batch's append resolved; until then a lower bound (the log end offset when it was queued). */
  firstOffset: bigint;
}

/** An entry of the aborted-transactions index: read_committed consumers drop this producer's batches in [firstOffset, lastOffset]. */
export interface AbortedTxn {
  producerId: bigint;
  firstOffset: bigint;
  /** Offset of the abort marker. */
  lastOffset: bigint;
}

/** What DescribeProducers reports per producer. */
export interface ProducerDescription {
  producerId: bigint;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: bigint;
  coordinatorEpoch: number;
  /** -1n without an open transaction. */
  currentTxnStartOffset: bigint;
}

interface ProducerEntry {
  epoch: number;
  batches: BatchMeta[];
  lastUpdateMs: number;
  /** The open transaction (null when none). */
  txn: OpenTxn | null;
  coordinatorEpoch: number;
  /** Timestamp of the last batch or marker (DescribeProducers). */
  lastTimestamp: bigint;
}

/** Who appends: clients (full sequence checks) or the group coordinator (epoch checks only). */
export type AppendOrigin = 'client' | 'coordinator';

export interface CheckOptions {
  /** The log end offset when the append is queued: a lower bound of the batch's offset. */
  nextOffset?: bigint;
  origin?: AppendOrigin;
}

export type MarkerCheck =
  | { kind: 'append'; apply: (appended: Promise<AppendedAt>) => void }
  | { kind: 'error'; error: ErrorName; message: string };

/** What the log append reports back (storage's AppendResult satisfies it). */
export interface AppendedAt {
  baseOffset: bigint;
  logAppendTime: bigint;
}

export type SequenceCheck =
  | { kind: 'append'; apply: (appended: Promise<AppendedAt>) => void }
  | { kind: 'duplicate'; batch: BatchMeta }
  | { kind: 'error'; error: ErrorName; message: string };

const lastSeqOf = (base: number, delta: number): number => (base > INT32_MAX - delta ? base + delta - INT32_MAX - 1 : base + delta);
const inSequence = (last: number, next: number): boolean => next === last + 1 || (next === 0 && last === INT32_MAX);
const settled: Promise<void> = Promise.resolve();

/** Sequence state of every producer that wrote to one partition. */
export class PartitionProducers {
  private readonly entries = new Map<bigint, ProducerEntry>();
  /** Open transactions and those whose marker is not yet durable. */
  private readonly unstable = new Set<OpenTxn>();
  /** Sorted by lastOffset (marker offsets only grow). */
  private aborted: AbortedTxn[] = [];
  /** Called with each aborted transaction once its marker is durable (ProducerSnapshots persists it). */
  onAborted: ((a: AbortedTxn) => void) | null = null;

  get size(): number {
    return this.entries.size;
  }

  /**
   * Judges the batches of one produce request (all for this partition). On 'append' the caller
   * queues the log append and immediately calls apply() with its promise.
   */
  check(batches: readonly BatchIdentity[], now: number, opts: CheckOptions = {}): SequenceCheck {
    const origin = opts.origin ?? 'client';
    // Working copies: later batches of the same request are judged against earlier ones.
    const work = new Map<bigint, { epoch: number; lastSeq: number; known: boolean; inTxn: boolean }>();
    for (const b of batches) {
      if (b.producerId < 0n) continue;
      if ((b.attributes & Attr.control) !== 0) return { kind: 'error', error: 'INVALID_RECORD', message: 'control batches cannot be produced by clients' };
      const transactional = (b.attributes & Attr.transactional) !== 0;
      if (origin === 'client' && b.baseSequence < 0) return { kind: 'error', error: 'INVALID_RECORD', message: `batch of producer ${b.producerId} has no sequence number` };
      const entry = this.entries.get(b.producerId);
      let w = work.get(b.producerId);
      if (w === undefined) {
        const last = entry?.batches[entry.batches.length - 1];
        w = { epoch: entry?.epoch ?? NO_EPOCH, lastSeq: last?.lastSeq ?? -1, known: entry !== undefined, inTxn: entry?.txn != null };
        work.set(b.producerId, w);
      }
      const lastSeq = lastSeqOf(b.baseSequence, b.lastOffsetDelta);
      if (origin === 'client' && entry !== undefined && b.producerEpoch === entry.epoch) {
        const dup = entry.batches.find((m) => m.firstSeq === b.baseSequence && m.lastSeq === lastSeq);
        if (dup !== undefined) return { kind: 'duplicate', batch: dup };
      }
      if (b.producerEpoch < w.epoch) {
        return { kind: 'error', error: 'INVALID_PRODUCER_EPOCH', message: `epoch ${b.producerEpoch} of producer ${b.producerId} is older than ${w.epoch}` };
      }
      if (origin === 'client') {
        if (b.producerEpoch !== w.epoch) {
          if (b.baseSequence !== 0 && w.epoch !== NO_EPOCH) {
            return { kind: 'error', error: 'OUT_OF_ORDER_SEQUENCE_NUMBER', message: `new epoch ${b.producerEpoch} of producer ${b.producerId} starts at sequence ${b.baseSequence}, not 0` };
          }
        } else if (w.epoch !== NO_EPOCH && !inSequence(w.lastSeq, b.baseSequence)) {
          return {
            kind: 'error', error: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
            message: `producer ${b.producerId} sent sequence ${b.baseSequence} after ${w.lastSeq}`,
          };
        }
      }
      if (w.inTxn && !transactional) {
        return { kind: 'error', error: 'INVALID_TXN_STATE', message: `expected a transactional write from producer ${b.producerId}: its transaction on this partition is still open` };
      }
      w.epoch = b.producerEpoch;
      w.lastSeq = lastSeq;
      if (transactional) w.inTxn = true;
    }
    const nextOffset = opts.nextOffset ?? 0n;
    return {
      kind: 'append',
      apply: (appended) => this.record(batches, appended, now, nextOffset, origin),
    };
  }

  private record(batches: readonly BatchIdentity[], appended: Promise<AppendedAt>, now: number, nextOffset: bigint, origin: AppendOrigin): void {
    let delta = 0n;
    const added: Array<{ pid: bigint; meta: BatchMeta | null; rel: bigint; len: bigint; opened: OpenTxn | null }> = [];
    const done = appended.then(() => {}, () => {});
    for (const b of batches) {
      const rel = delta;
      delta += BigInt(b.lastOffsetDelta) + 1n;
      if (b.producerId < 0n) continue;
      let meta: BatchMeta | null = null;
      if (origin === 'client') {
        meta = {
          firstSeq: b.baseSequence,
          lastSeq: lastSeqOf(b.baseSequence, b.lastOffsetDelta),
          firstOffset: -1n,
          lastOffset: -1n,
          timestamp: b.maxTimestamp,
          done,
        };
      }
      const e = this.addBatch(b.producerId, b.producerEpoch, meta, now, b.maxTimestamp);
      let opened: OpenTxn | null = null;
      if ((b.attributes & Attr.transactional) !== 0 && e.txn === null) {
        opened = { producerId: b.producerId, firstOffset: nextOffset + rel };
        e.txn = opened;
        this.unstable.add(opened);
      }
      added.push({ pid: b.producerId, meta, rel, len: BigInt(b.lastOffsetDelta), opened });
    }
    if (added.length === 0) return;
    appended.then(
      (r) => {
        for (const a of added) {
          if (a.opened !== null) a.opened.firstOffset = r.baseOffset + a.rel;
          if (a.meta === null) continue;
          a.meta.firstOffset = r.baseOffset + a.rel;
          a.meta.lastOffset = r.baseOffset + a.rel + a.len;
          // Kafka remembers the validated batch's max timestamp: the append time under LogAppendTime.
          if (r.logAppendTime >= 0n) a.meta.timestamp = r.logAppendTime;
        }
      },
      () => {
        // The append failed (the log is then offline): forget these producers rather than keep
        // sequence numbers that were never written. A transaction this append opened holds no data.
        for (const a of added) {
          const e = this.entries.get(a.pid);
          if (a.opened !== null) {
            this.unstable.delete(a.opened);
            if (e?.txn === a.opened) e.txn = null;
          }
          if (e !== undefined && e.txn === null) this.entries.delete(a.pid);
        }
      },
    );
  }

  private addBatch(pid: bigint, epoch: number, meta: BatchMeta | null, now: number, timestamp: bigint): ProducerEntry {
    let e = this.entries.get(pid);
    if (e === undefined) {
      e = { epoch, batches: [], lastUpdateMs: now, txn: null, coordinatorEpoch: -1, lastTimestamp: timestamp };
      this.entries.set(pid, e);
    }
    if (e.epoch !== epoch) {
      e.epoch = epoch;
      e.batches = [];
    }
    if (meta !== null) {
      e.batches.push(meta);
      if (e.batches.length > BATCHES_TO_RETAIN) e.batches.shift();
    }
    e.lastUpdateMs = now;
    e.lastTimestamp = timestamp;
    return e;
  }

  /**
   * Judges an end-transaction marker for `producerId` (WriteTxnMarkers, the coordinator). On
   * 'append' the caller queues the control batch and immediately calls apply() with its promise.
   */
  checkMarker(producerId: bigint, producerEpoch: number, coordinatorEpoch: number, abort: boolean, now: number): MarkerCheck {
    const e = this.entries.get(producerId);
    if (e !== undefined && producerEpoch < e.epoch) {
      return { kind: 'error', error: 'INVALID_PRODUCER_EPOCH', message: `marker epoch ${producerEpoch} of producer ${producerId} is older than ${e.epoch}` };
    }
    if (e !== undefined && coordinatorEpoch < e.coordinatorEpoch) {
      return { kind: 'error', error: 'TRANSACTION_COORDINATOR_FENCED', message: `coordinator epoch ${coordinatorEpoch} is older than ${e.coordinatorEpoch}` };
    }
    return {
      kind: 'append',
      apply: (appended) => {
        const entry = this.addBatch(producerId, producerEpoch, null, now, BigInt(now));
        entry.coordinatorEpoch = coordinatorEpoch;
        const txn = entry.txn;
        entry.txn = null;
        appended.then(
          (r) => {
            if (txn === null) return;
            this.unstable.delete(txn);
            if (!abort) return;
            const a = { producerId, firstOffset: txn.firstOffset, lastOffset: r.baseOffset };
            this.addAborted(a);
            this.onAborted?.(a);
          },
          () => {
            // Not written: the transaction is still open (the coordinator retries the marker).
            const cur = this.entries.get(producerId);
            if (txn !== null && cur !== undefined && cur.txn === null) cur.txn = txn;
          },
        );
      },
    };
  }

  /** Adds an entry to the aborted-transactions index (kept sorted; an entry at a known marker offset is ignored). */
  addAborted(a: AbortedTxn): void {
    const list = this.aborted;
    let i = list.length;
    while (i > 0 && list[i - 1]!.lastOffset > a.lastOffset) i--;
    if (i > 0 && list[i - 1]!.lastOffset === a.lastOffset) return;
    list.splice(i, 0, a);
  }

  /** First offset of the oldest unstable transaction, bounded by `highWatermark` (Kafka's LSO). */
  lastStableOffset(highWatermark: bigint): bigint {
    let lso = highWatermark;
    for (const t of this.unstable) if (t.firstOffset < lso) lso = t.firstOffset;
    return lso;
  }

  /** Aborted transactions overlapping [fetchOffset, upTo): what a read_committed fetch of that range needs. */
  abortedIn(fetchOffset: bigint, upTo: bigint): AbortedTxn[] {
    const list = this.aborted;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.lastOffset < fetchOffset) lo = mid + 1;
      else hi = mid;
    }
    const out: AbortedTxn[] = [];
    for (let i = lo; i < list.length; i++) if (list[i]!.firstOffset < upTo) out.push(list[i]!);
    return out;
  }

  /** Whether `producerId` has an open transaction here. */
  hasOpenTxn(producerId: bigint): boolean {
    return this.entries.get(producerId)?.txn != null;
  }

  /** Every known producer (DescribeProducers). */
  describe(): ProducerDescription[] {
    const out: ProducerDescription[] = [];
    for (const [pid, e] of this.entries) {
      const last = e.batches[e.batches.length - 1];
      out.push({
        producerId: pid,
        producerEpoch: e.epoch,
        lastSequence: last?.lastSeq ?? -1,
        lastTimestamp: last?.timestamp ?? e.lastTimestamp,
        coordinatorEpoch: e.coordinatorEpoch,
        currentTxnStartOffset: e.txn?.firstOffset ?? -1n,
      });
    }
    return out;
  }

  /** Replays the batches in `buf` (read from the log, offsets assigned) into the state. */
  replay(buf: Buffer, now: number): bigint {
    let pos = 0;
    let next = -1n;
    while (buf.length - pos >= LOG_OVERHEAD) {
      const size = batchSizeAt(buf, pos);
      if (size < LOG_OVERHEAD || pos + size > buf.length) break;
      const base = buf.readBigInt64BE(pos + Off.baseOffset);
      const b = batchIdentityAt(buf, pos);
      next = base + BigInt(b.lastOffsetDelta) + 1n;
      if (b.producerId >= 0n) {
        if ((b.attributes & Attr.control) !== 0) {
          this.replayMarker(buf.subarray(pos, pos + size), b, base, now);
        } else {
          const meta: BatchMeta | null = b.baseSequence < 0 ? null : {
            firstSeq: b.baseSequence,
            lastSeq: lastSeqOf(b.baseSequence, b.lastOffsetDelta),
            firstOffset: base,
            lastOffset: next - 1n,
            timestamp: b.maxTimestamp,
            done: settled,
          };
          const e = this.addBatch(b.producerId, b.producerEpoch, meta, now, b.maxTimestamp);
          if ((b.attributes & Attr.transactional) !== 0 && e.txn === null) {
            e.txn = { producerId: b.producerId, firstOffset: base };
            this.unstable.add(e.txn);
          }
        }
      }
      pos += size;
    }
    return next;
  }

  private replayMarker(bytes: Buffer, b: BatchIdentity, offset: bigint, now: number): void {
    let type: 'commit' | 'abort' | 'other' = 'other';
    let coordinatorEpoch = -1;
    try {
      const rec = decodeBatch(bytes).records[0];
      if (rec !== undefined) {
        const c = parseControlRecord(rec);
        type = c.type;
        coordinatorEpoch = c.coordinatorEpoch ?? -1;
      }
    } catch {
      return; // not a marker we understand: leave the producer as it is
    }
    if (type === 'other') return;
    const e = this.addBatch(b.producerId, b.producerEpoch, null, now, b.maxTimestamp);
    e.coordinatorEpoch = coordinatorEpoch;
    const txn = e.txn;
    e.txn = null;
    if (txn === null) return;
    this.unstable.delete(txn);
    if (type === 'abort') this.addAborted({ producerId: b.producerId, firstOffset: txn.firstOffset, lastOffset: offset });
  }

  /** Drops producers idle for longer than `maxIdleMs` (Kafka: producer.id.expiration.ms), never one in a transaction. */
  expire(now: number, maxIdleMs: number): void {
    for (const [pid, e] of this.entries) if (e.txn === null && now - e.lastUpdateMs > maxIdleMs) this.entries.delete(pid);
  }

  /** Forgets batches and aborted transactions below the log start offset (DeleteRecords, retention). */
  truncateHead(logStartOffset: bigint): void {
    for (const [pid, e] of this.entries) {
      e.batches = e.batches.filter((m) => m.firstOffset < 0n || m.lastOffset >= logStartOffset);
      if (e.batches.length === 0 && e.txn === null) this.entries.delete(pid);
    }
    this.aborted = this.aborted.filter((a) => a.lastOffset >= logStartOffset);
  }

  toSnapshot(): ProducerSnapshotEntry[] {
    const producers: ProducerSnapshotEntry[] = [];
    for (const [pid, e] of this.entries) {
      producers.push({
        pid: String(pid),
        epoch: e.epoch,
        lastUpdateMs: e.lastUpdateMs,
        batches: e.batches.filter((m) => m.firstOffset >= 0n).map((m) => [m.firstSeq, m.lastSeq, String(m.firstOffset), String(m.lastOffset), String(m.timestamp)]),
        txnFirstOffset: e.txn === null ? null : String(e.txn.firstOffset),
        coordinatorEpoch: e.coordinatorEpoch,
        lastTimestamp: String(e.lastTimestamp),
      });
    }
    return producers;
  }

  /** The aborted-transactions index as [producerId, firstOffset, lastOffset] strings. */
  abortedSnapshot(): AbortedTxnEntry[] {
    return this.aborted.map((a) => [String(a.producerId), String(a.firstOffset), String(a.lastOffset)]);
  }

  loadSnapshot(entries: readonly ProducerSnapshotEntry[], aborted: readonly AbortedTxnEntry[] = []): void {
    for (const s of entries) {
      const pid = BigInt(s.pid);
      const txn = s.txnFirstOffset === undefined || s.txnFirstOffset === null ? null : { producerId: pid, firstOffset: BigInt(s.txnFirstOffset) };
      if (txn !== null) this.unstable.add(txn);
      this.entries.set(pid, {
        epoch: s.epoch,
        lastUpdateMs: s.lastUpdateMs,
        batches: s.batches.map(([firstSeq, lastSeq, fo, lo, ts]) => ({
          firstSeq, lastSeq, firstOffset: BigInt(fo), lastOffset: BigInt(lo), timestamp: BigInt(ts), done: settled,
        })),
        txn,
        coordinatorEpoch: s.coordinatorEpoch ?? -1,
        lastTimestamp: BigInt(s.lastTimestamp ?? '-1'),
      });
    }
    for (const [pid, first, last] of aborted) this.addAborted({ producerId: BigInt(pid), firstOffset: BigInt(first), lastOffset: BigInt(last) });
  }
}
