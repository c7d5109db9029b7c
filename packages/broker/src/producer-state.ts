// Idempotent producers: producer id allocation (persisted in blocks so ids are never reused after a
// restart) and, per partition, the sequence state Kafka keeps in its ProducerStateManager: for each
// producer id its epoch and the metadata of its last 5 batches.
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
import { open, readFile, rename, writeFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Attr, LOG_OVERHEAD, Off, batchSizeAt, type ErrorName,
} from '@tideline/protocol/internal';
import type { PartitionLog } from '@tideline/storage';

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

interface ProducerEntry {
  epoch: number;
  batches: BatchMeta[];
  lastUpdateMs: number;
}

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

  get size(): number {
    return this.entries.size;
  }

  /**
   * Judges the batches of one produce request (all for this partition). On 'append' the caller
   * queues the log append and immediately calls apply() with its promise.
   */
  check(batches: readonly BatchIdentity[], now: number): SequenceCheck {
    // Working copies: later batches of the same request are judged against earlier ones.
    const work = new Map<bigint, { epoch: number; lastSeq: number; known: boolean }>();
    for (const b of batches) {
      if (b.producerId < 0n) continue;
      if ((b.attributes & Attr.control) !== 0) return { kind: 'error', error: 'INVALID_RECORD', message: 'control batches cannot be produced by clients' };
      if (b.baseSequence < 0) return { kind: 'error', error: 'INVALID_RECORD', message: `batch of producer ${b.producerId} has no sequence number` };
      const entry = this.entries.get(b.producerId);
      let w = work.get(b.producerId);
      if (w === undefined) {
        const last = entry?.batches[entry.batches.length - 1];
        w = { epoch: entry?.epoch ?? NO_EPOCH, lastSeq: last?.lastSeq ?? -1, known: entry !== undefined };
        work.set(b.producerId, w);
      }
      const lastSeq = lastSeqOf(b.baseSequence, b.lastOffsetDelta);
      if (entry !== undefined && b.producerEpoch === entry.epoch) {
        const dup = entry.batches.find((m) => m.firstSeq === b.baseSequence && m.lastSeq === lastSeq);
        if (dup !== undefined) return { kind: 'duplicate', batch: dup };
      }
      if (b.producerEpoch < w.epoch) {
        return { kind: 'error', error: 'INVALID_PRODUCER_EPOCH', message: `epoch ${b.producerEpoch} of producer ${b.producerId} is older than ${w.epoch}` };
      }
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
      w.epoch = b.producerEpoch;
      w.lastSeq = lastSeq;
    }
    return {
      kind: 'append',
      apply: (appended) => this.record(batches, appended, now),
    };
  }

  private record(batches: readonly BatchIdentity[], appended: Promise<AppendedAt>, now: number): void {
    let delta = 0n;
    const added: Array<{ pid: bigint; meta: BatchMeta; rel: bigint; len: bigint }> = [];
    const done = appended.then(() => {}, () => {});
    for (const b of batches) {
      const rel = delta;
      delta += BigInt(b.lastOffsetDelta) + 1n;
      if (b.producerId < 0n) continue;
      const meta: BatchMeta = {
        firstSeq: b.baseSequence,
        lastSeq: lastSeqOf(b.baseSequence, b.lastOffsetDelta),
        firstOffset: -1n,
        lastOffset: -1n,
        timestamp: b.maxTimestamp,
        done,
      };
      this.addBatch(b.producerId, b.producerEpoch, meta, now);
      added.push({ pid: b.producerId, meta, rel, len: BigInt(b.lastOffsetDelta) });
    }
    if (added.length === 0) return;
    appended.then(
      (r) => {
        for (const a of added) {
          a.meta.firstOffset = r.baseOffset + a.rel;
          a.meta.lastOffset = r.baseOffset + a.rel + a.len;
          // Kafka remembers the validated batch's max timestamp: the append time under LogAppendTime.
          if (r.logAppendTime >= 0n) a.meta.timestamp = r.logAppendTime;
        }
      },
      () => {
        // The append failed (the log is then offline): forget these producers rather than keep
        // sequence numbers that were never written.
        for (const a of added) this.entries.delete(a.pid);
      },
    );
  }

  private addBatch(pid: bigint, epoch: number, meta: BatchMeta, now: number): void {
    let e = this.entries.get(pid);
    if (e === undefined) {
      e = { epoch, batches: [], lastUpdateMs: now };
      this.entries.set(pid, e);
    }
    if (e.epoch !== epoch) {
      e.epoch = epoch;
      e.batches = [];
    }
    e.batches.push(meta);
    if (e.batches.length > BATCHES_TO_RETAIN) e.batches.shift();
    e.lastUpdateMs = now;
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
          const e = this.entries.get(b.producerId);
          if (e !== undefined && b.producerEpoch > e.epoch) { e.epoch = b.producerEpoch; e.batches = []; }
        } else if (b.baseSequence >= 0) {
          this.addBatch(b.producerId, b.producerEpoch, {
            firstSeq: b.baseSequence,
            lastSeq: lastSeqOf(b.baseSequence, b.lastOffsetDelta),
            firstOffset: base,
            lastOffset: next - 1n,
            timestamp: b.maxTimestamp,
            done: settled,
          }, now);
        }
      }
      pos += size;
    }
    return next;
  }

  /** Drops producers idle for longer than `maxIdleMs` (Kafka: producer.id.expiration.ms). */
  expire(now: number, maxIdleMs: number): void {
    for (const [pid, e] of this.entries) if (now - e.lastUpdateMs > maxIdleMs) this.entries.delete(pid);
  }

  /** Forgets batches below the log start offset (DeleteRecords, retention). */
  truncateHead(logStartOffset: bigint): void {
    for (const [pid, e] of this.entries) {
      e.batches = e.batches.filter((m) => m.firstOffset < 0n || m.lastOffset >= logStartOffset);
      if (e.batches.length === 0) this.entries.delete(pid);
    }
  }

  toSnapshot(): ProducerSnapshotEntry[] {
    const out: ProducerSnapshotEntry[] = [];
    for (const [pid, e] of this.entries) {
      out.push({
        pid: String(pid),
        epoch: e.epoch,
        lastUpdateMs: e.lastUpdateMs,
        batches: e.batches.filter((m) => m.firstOffset >= 0n).map((m) => [m.firstSeq, m.lastSeq, String(m.firstOffset), String(m.lastOffset), String(m.timestamp)]),
      });
    }
    return out;
  }

  loadSnapshot(entries: readonly ProducerSnapshotEntry[]): void {
    for (const s of entries) {
      this.entries.set(BigInt(s.pid), {
        epoch: s.epoch,
        lastUpdateMs: s.lastUpdateMs,
        batches: s.batches.map(([firstSeq, lastSeq, fo, lo, ts]) => ({
          firstSeq, lastSeq, firstOffset: BigInt(fo), lastOffset: BigInt(lo), timestamp: BigInt(ts), done: settled,
        })),
      });
    }
  }
}

export interface ProducerSnapshotEntry {
  pid: string;
  epoch: number;
  lastUpdateMs: number;
  batches: Array<[number, number, string, string, string]>;
}

interface SnapshotFile {
  /** The log end offset the state covers: replay starts here. */
  offset: string;
  producers: ProducerSnapshotEntry[];
}

/** Bytes read per step while replaying a log into producer state. */
const REPLAY_CHUNK = 4 * 1024 * 1024;
/** Without a snapshot, logs larger than this are replayed from a time-based start only. */
const FULL_REPLAY_MAX_BYTES = 256 * 1024 * 1024;

/** Producer-state snapshots: one small JSON file per partition, written on clean shutdown. */
export class ProducerSnapshots {
  constructor(private readonly dir: string) {}

  private file(topicId: string, partition: number): string {
    return join(this.dir, `${topicId}-${partition}.json`);
  }

  /**
   * Rebuilds a partition's producer state: loads its snapshot when it still matches the log, then
   * replays the batch headers written after it (all of them after a crash without a snapshot).
   */
  async load(topicId: string, partition: number, log: PartitionLog, now: number, windowMs: number): Promise<PartitionProducers> {
    const state = new PartitionProducers();
    let from = log.logStartOffset;
    const snap = await readFile(this.file(topicId, partition), 'utf8').then((t) => JSON.parse(t) as SnapshotFile, () => null);
    // A snapshot is only used once: a crash after this start must not reuse it.
    await rm(this.file(topicId, partition), { force: true });
    if (snap !== null && BigInt(snap.offset) <= log.logEndOffset && BigInt(snap.offset) >= log.logStartOffset) {
      state.loadSnapshot(snap.producers);
      from = BigInt(snap.offset);
    } else if (log.sizeInBytes > FULL_REPLAY_MAX_BYTES) {
      const t = await log.offsetForTimestamp(BigInt(now - windowMs)).catch(() => null);
      if (t !== null && t.offset > from) from = t.offset;
    }
    while (from < log.logEndOffset) {
      const r = await log.read(from, REPLAY_CHUNK, { maxOffset: log.logEndOffset });
      if (r.records.length === 0) break;
      const next = state.replay(r.records, now);
      if (next <= from) break;
      from = next;
    }
    return state;
  }

  async save(topicId: string, partition: number, log: PartitionLog, state: PartitionProducers): Promise<void> {
    const body: SnapshotFile = { offset: String(log.logEndOffset), producers: state.toSnapshot() };
    await mkdir(this.dir, { recursive: true });
    const f = this.file(topicId, partition);
    await writeFile(`${f}.tmp`, JSON.stringify(body), { flush: true });
    await rename(`${f}.tmp`, f);
  }

  async remove(topicId: string, partition: number): Promise<void> {
    await rm(this.file(topicId, partition), { force: true });
  }
}

/**
 * Allocates producer ids. The end of the current block is persisted (fsync'ed) before any id
 * in it is handed out, so a restart continues after the block and never reuses an id.
 */
export class ProducerIdAllocator {
  private next = 0n;
  private blockEnd = 0n;
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(private readonly file: string, private readonly blockSize: bigint) {}

  static async open(file: string, blockSize = 1000): Promise<ProducerIdAllocator> {
    const a = new ProducerIdAllocator(file, BigInt(blockSize));
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null && /^\d+\s*$/.test(text)) {
      a.next = BigInt(text.trim());
      a.blockEnd = a.next;
    }
    return a;
  }

  allocate(): Promise<bigint> {
    const p = this.chain.then(async () => {
      if (this.next >= this.blockEnd) await this.reserve(this.next + this.blockSize);
      return this.next++;
    });
    this.chain = p.catch(() => {});
    return p;
  }

  private async reserve(end: bigint): Promise<void> {
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, `${end}\n`, { flush: true });
    await rename(tmp, this.file);
    const dir = await open(join(this.file, '..'), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    this.blockEnd = end;
  }
}
