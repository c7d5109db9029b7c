// The file engine's partition log: append path (offset assignment, group write, group commit),
// read path, time lookups, retention, DeleteRecords and truncation.
//
// One writer loop per log drains a queue of appends: it assigns offsets to everything queued,
// writes it with one positional writev, then acks acks=1 appends and hands durable ones to the
// group commit. The high watermark is the last fdatasync'ed offset (see README, "Visibility").
import { rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BATCH_OVERHEAD, Off, batchSizeAt, setBaseOffset, setMaxTimestampLogAppend, writeBatchCrc } from '@tideline/protocol/internal';
import { checkBatchAt, validateIncoming, wholeBatches, type BatchInfo } from '../batches.js';
import type { LogConfig } from '../config.js';
import { StorageError, ioError, offsetOutOfRange } from '../errors.js';
import { emitHighWatermark } from '../hw-events.js';
import { firstRecordAtOrAfter } from '../records.js';
import type { AppendOptions, AppendResult, PartitionLog, ReadOptions, ReadResult, TimestampOffset } from '../types.js';
import { GroupCommit } from './group-commit.js';
import { fsyncDir, type FileIo } from './io.js';
import { LOG_START_FILE, openPartitionDir, type RecoveryReport } from './recovery.js';
import { ReadBuffers } from './read-buffers.js';
import { Segment } from './segment.js';
import type { StorageEvent } from './log-manager.js';

/** Fetch reads' reusable buffers, shared by every log of the process (see read-buffers.ts). */
const readBuffers = new ReadBuffers();

/**
 * True when the first batch in `buf` (read from a position remembered for `offset`) is one a
 * lookup of `offset` could find: it ends at or after it. It may start after it: compaction leaves
 * offset gaps where whole batches went, and the batch after a read's end is then the first one
 * holding an offset at or above it.
 */
function endsAtOrAfter(buf: Buffer, offset: bigint): boolean {
  if (buf.length < BATCH_OVERHEAD) return false;
  return buf.readBigInt64BE(Off.baseOffset) + BigInt(buf.readInt32BE(Off.lastOffsetDelta)) >= offset;
}

/**
 * A fetch read started ahead of the fetch that will want it (see `startReadAhead`): the next
 * window of a partition whose last response was cut by its maxBytes, read into a pooled buffer
 * and CRC-checked while the consumer drains that response.
 */
interface ReadAhead {
  seg: Segment;
  /** seg.generation when the read started: a truncation since voids it. */
  generation: number;
  /** The fetch offset it is for, and the position of the batch holding it. */
  offset: bigint;
  position: number;
  /** Bytes the read that started it could take: a later read asking more reads normally. */
  window: number;
  /** Bytes counted against MAX_READ_AHEAD_BYTES until claimed or dropped. */
  reserved: number;
  /** The bytes, once read (null before, after a failed read, and once claimed or dropped). */
  buf: Buffer | null;
  ready: Promise<void>;
  dropped: boolean;
  timer: NodeJS.Timeout | undefined;
}

/** Read-ahead bytes held or being read, over every log of the process. */
let aheadBytes = 0;
/** Cap on those: a few partitions' 1 MiB windows (a read-ahead that would pass it is not started). */
const MAX_READ_AHEAD_BYTES = 8 * 1024 * 1024;
/** Reads reaching the end of the active segment up to this size are synchronous (see readFrom). */
const HOT_TAIL_BYTES = 128 * 1024;
/** A read-ahead not claimed by then is dropped: its consumer went away or asks elsewhere. */
const READ_AHEAD_TTL_MS = 1000;

/** Longest delay before acks=1 writes are fsynced and become visible (see scheduleFlush). */
const MAX_FLUSH_DELAY_MS = 1000;

export interface FileLogOptions {
  dir: string;
  topic: string;
  partition: number;
  config: LogConfig;
  io: FileIo;
  clock: () => number;
  /** Whether the last shutdown was clean (decides how much recovery scans). */
  clean: boolean;
  onEvent?: (e: StorageEvent) => void;
}

interface PendingAppend {
  kind: 'append';
  buf: Buffer;
  infos: BatchInfo[];
  durable: boolean;
  resolve: (r: AppendResult) => void;
  reject: (e: unknown) => void;
}

interface PendingTask {
  kind: 'task';
  run: () => Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

const MAX_GROUP = 1024;
const MAX_REL_OFFSET = 0x7fffffffn;

export class FilePartitionLog implements PartitionLog {
  readonly topic: string;
  readonly partition: number;
  readonly dir: string;
  readonly recovery: RecoveryReport;
  private config: LogConfig;
  private readonly io: FileIo;
  private readonly clock: () => number;
  /** Replaced, never mutated, so a reader's snapshot stays consistent across awaits. */
  private segments: readonly Segment[];
  private lso: bigint;
  private leo: bigint;
  private hw: bigint;
  private readonly queue: Array<PendingAppend | PendingTask> = [];
  private writing = false;
  private offline: StorageError | null = null;
  private closed = false;
  private readonly committer: GroupCommit;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly onEvent: ((e: StorageEvent) => void) | undefined;
  private readonly hwListeners = new Set<(hw: bigint) => void>();
  /** At most one read-ahead per partition (see ReadAhead). */
  private ahead: ReadAhead | null = null;

  private constructor(opts: FileLogOptions, segments: Segment[], lso: bigint, recovery: RecoveryReport) {
    this.topic = opts.topic;
    this.partition = opts.partition;
    this.dir = opts.dir;
    this.config = opts.config;
    this.io = opts.io;
    this.clock = opts.clock;
    this.segments = segments;
    this.lso = lso;
    this.leo = segments[segments.length - 1]!.nextOffset;
    this.hw = this.leo;
    this.recovery = recovery;
    this.committer = new GroupCommit((previous) => this.syncOnce(previous));
    this.onEvent = opts.onEvent;
  }

  static async open(opts: FileLogOptions): Promise<FilePartitionLog> {
    const { segments, logStartOffset, report, createdDir, createdSegment } = await openPartitionDir(opts.dir, opts.clean, opts.config.indexIntervalBytes, opts.clock());
    // What recovery read may still sit only in the page cache: make it durable before exposing it.
    // A segment created empty here holds nothing to sync; its directory entry is the fsync below.
    if (!createdSegment) for (const s of opts.clean ? segments.slice(-1) : segments) await opts.io.datasync(s.fh);
    // A new partition directory's own entry must be durable too (in the data directory), or a crash
    // could drop the directory with records acknowledged in it; also when the directory was there
    // but empty (a previous run may have died between its mkdir and this fsync). The two fsyncs are
    // independent.
    await Promise.all([fsyncDir(opts.dir), ...(createdDir || createdSegment ? [fsyncDir(dirname(opts.dir))] : [])]);
    return new FilePartitionLog(opts, segments, logStartOffset, report);
  }

  get logStartOffset(): bigint {
    return this.lso;
  }
  get logEndOffset(): bigint {
    return this.leo;
  }
  get highWatermark(): bigint {
    return this.hw;
  }
  get sizeInBytes(): number {
    return this.segments.reduce((n, s) => n + s.size, 0);
  }
  get segmentCount(): number {
    return this.segments.length;
  }
  get currentConfig(): Readonly<LogConfig> {
    return this.config;
  }
  now(): number {
    return this.clock();
  }

  updateConfig(config: LogConfig): void {
    this.config = { ...config };
  }

  private check(): void {
    if (this.offline) throw this.offline;
    if (this.closed) throw new StorageError('KAFKA_STORAGE_ERROR', `log ${this.topic}-${this.partition} is closed`);
  }

  // ---- append path -------------------------------------------------------------------------

  append(batches: Buffer, opts: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.check();
      const infos = validateIncoming(batches);
      return new Promise((resolve, reject) => {
        this.queue.push({ kind: 'append', buf: batches, infos, durable: opts.durable === true, resolve, reject });
        this.kick();
      });
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /**
   * Runs `run` on the writer loop, between two append groups. Every change to the segment list
   * other than a roll (retention, DeleteRecords, truncation, the cleaner's swap) goes through here,
   * so they never interleave with each other or with a write.
   */
  runExclusive<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let value: T;
      const task: PendingTask = {
        kind: 'task',
        run: async () => {
          value = await run();
        },
        resolve: () => resolve(value),
        reject,
      };
      this.queue.push(task);
      this.kick();
    });
  }

  private kick(): void {
    if (this.writing) return;
    this.writing = true;
    void this.drain().finally(() => {
      this.writing = false;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.kind === 'task') {
        this.queue.shift();
        await head.run().then(head.resolve, head.reject);
        continue;
      }
      if (this.offline) {
        this.queue.shift();
        head.reject(this.offline);
        continue;
      }
      let active = this.segments[this.segments.length - 1]!;
      try {
        if (this.shouldRoll(active, head)) active = await this.roll();
      } catch (e) {
        this.queue.shift();
        head.reject(ioError('segment roll', e));
        continue;
      }
      await this.writeGroup(active, this.takeGroup(active));
    }
  }

  private shouldRoll(active: Segment, next: PendingAppend): boolean {
    if (active.size === 0) return false;
    const lastDelta = next.infos.reduce((n, i) => n + i.lastOffsetDelta + 1, 0);
    return active.size + next.buf.length > this.config.segmentBytes
      || this.clock() - active.rollStartMs >= this.config.segmentMs
      || this.leo + BigInt(lastDelta) - active.baseOffset > MAX_REL_OFFSET;
  }

  private takeGroup(active: Segment): PendingAppend[] {
    const group: PendingAppend[] = [];
    let bytes = active.size;
    while (group.length < MAX_GROUP && this.queue.length > 0) {
      const it = this.queue[0]!;
      if (it.kind !== 'append') break;
      if (group.length > 0 && bytes + it.buf.length > this.config.segmentBytes) break;
      group.push(it);
      bytes += it.buf.length;
      this.queue.shift();
    }
    return group;
  }

  private async writeGroup(active: Segment, group: PendingAppend[]): Promise<void> {
    const now = this.clock();
    const logAppend = this.config.timestampType === 'LogAppendTime';
    let next = this.leo;
    const results: AppendResult[] = [];
    for (const it of group) {
      const base = next;
      for (const info of it.infos) {
        setBaseOffset(it.buf, next, info.position);
        info.baseOffset = next;
        if (logAppend) {
          setMaxTimestampLogAppend(it.buf, BigInt(now), info.position);
          writeBatchCrc(it.buf, info.position, info.size);
          info.maxTimestamp = now;
        }
        next += BigInt(info.lastOffsetDelta) + 1n;
      }
      results.push({ baseOffset: base, lastOffset: next - 1n, logAppendTime: logAppend ? BigInt(now) : -1n, logStartOffset: this.lso });
    }
    const start = active.size;
    try {
      await this.io.writev(active.fh, group.map((g) => g.buf), start);
    } catch (e) {
      const err = ioError(`append to ${this.topic}-${this.partition}`, e);
      await this.truncateAfterFailedWrite(active, start);
      for (const g of group) g.reject(err);
      return;
    }
    let pos = start;
    for (const it of group) {
      for (const info of it.infos) active.record({ ...info, position: pos + info.position }, this.config.indexIntervalBytes, now);
      pos += it.buf.length;
    }
    // validateIncoming checked every batch's CRC; the bytes written are those bytes (base offsets
    // sit outside the CRC, a LogAppendTime stamp was re-CRC'd above).
    active.markVerified(start, pos);
    active.dirty = true;
    this.leo = next;
    let durable = false;
    group.forEach((g, i) => {
      if (!g.durable) g.resolve(results[i]!);
      else durable = true;
    });
    if (durable) {
      this.committer.sync().then(
        () => group.forEach((g, i) => g.durable && g.resolve(results[i]!)),
        (e: unknown) => group.forEach((g) => g.durable && g.reject(e)),
      );
    } else {
      this.scheduleFlush();
    }
  }

  /** A failed write may have left partial bytes: cut them so the file ends at the last good batch. */
  private async truncateAfterFailedWrite(active: Segment, position: number): Promise<void> {
    active.forgetFrom(position);
    try {
      await active.fh.truncate(position);
    } catch (e) {
      // Reads never pass `size`, and the next write overwrites from `position`; recovery would
      // drop the garbage by CRC. Still, a log that cannot truncate is not one to keep writing to.
      this.offline = ioError(`truncate after failed write to ${this.topic}-${this.partition}`, e);
    }
  }

  private scheduleFlush(): void {
    if (this.config.flushMs <= 0) {
      this.committer.sync().catch(() => {});
      return;
    }
    if (this.flushTimer) return;
    // The high watermark only covers fsynced data, so flush.ms also bounds how long acks=1 data
    // stays invisible to consumers: cap it (Kafka's default, Long.MAX_VALUE, would mean never).
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.committer.sync().catch(() => {});
    }, Math.min(this.config.flushMs, MAX_FLUSH_DELAY_MS));
    this.flushTimer.unref();
  }

  /**
   * One group-commit round: fdatasync every segment with unsynced writes, then, once the round
   * started before it (`previous`) has settled too, raise the HW.
   */
  private async syncOnce(previous: Promise<void> | null): Promise<void> {
    if (this.offline) throw this.offline;
    const upTo = this.leo;
    const dirty = this.segments.filter((s) => s.dirty);
    for (const s of dirty) s.dirty = false;
    const t0 = this.onEvent !== undefined && dirty.length > 0 ? performance.now() : 0;
    try {
      await Promise.all(dirty.map((s) => this.io.datasync(s.fh)));
    } catch (e) {
      // After a failed fsync the page cache cannot be trusted (fsyncgate): take the log offline.
      this.offline = ioError(`fdatasync of ${this.topic}-${this.partition}`, e);
      throw this.offline;
    }
    const seconds = t0 > 0 ? (performance.now() - t0) / 1000 : 0;
    // An earlier round may still be syncing bytes written before this one started (this round
    // found its segment clean, or its fdatasync simply returned first): the HW and the acks of
    // this round wait for it, and fail with it.
    if (previous) await previous;
    if (t0 > 0) {
      const records = upTo > this.hw ? Number(upTo - this.hw) : 0;
      this.onEvent!({ type: 'flushed', topic: this.topic, partition: this.partition, seconds, records });
    }
    if (upTo > this.hw && upTo <= this.leo) {
      this.hw = upTo;
      if (this.hwListeners.size > 0) emitHighWatermark(this.hwListeners, upTo);
    }
  }

  onHighWatermark(listener: (hw: bigint) => void): () => void {
    this.hwListeners.add(listener);
    return () => this.hwListeners.delete(listener);
  }

  flush(): Promise<void> {
    try {
      this.check();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.committer.sync();
  }

  private async roll(): Promise<Segment> {
    const seg = await Segment.create(this.dir, this.leo, this.clock());
    await fsyncDir(this.dir);
    this.segments = [...this.segments, seg];
    return seg;
  }

  // ---- read path ---------------------------------------------------------------------------

  async read(fetchOffset: bigint, maxBytes: number, opts: ReadOptions = {}): Promise<ReadResult> {
    this.check();
    const result: ReadResult = { records: Buffer.alloc(0), highWatermark: this.hw, logStartOffset: this.lso, logEndOffset: this.leo };
    if (fetchOffset < this.lso || fetchOffset > this.leo) throw offsetOutOfRange(fetchOffset, this.lso, this.leo);
    const limit = opts.maxOffset !== undefined && opts.maxOffset < this.leo ? opts.maxOffset : opts.maxOffset === undefined ? this.hw : this.leo;
    if (fetchOffset >= limit) return result;
    const segs = this.segments;
    const pooled = opts.pooled === true;
    const pool = pooled ? readBuffers : undefined;
    const window = Math.max(maxBytes, BATCH_OVERHEAD);
    for (let i = Math.max(0, this.floorSegment(segs, fetchOffset)); i < segs.length; i++) {
      const seg = segs[i]!;
      if (seg.baseOffset >= limit) break;
      if (!seg.acquire()) continue;
      try {
        let start = -1;
        let buf: Buffer | undefined;
        // Read ahead of this fetch by the last one: the bytes are already in memory.
        const ahead = pooled ? await this.claimReadAhead(seg, fetchOffset, window) : null;
        if (ahead !== null) {
          start = ahead.position;
          buf = ahead.buf;
        } else {
          // Where the last read of this consumer ended, if remembered: one file read instead of two.
          start = seg.positionHint(fetchOffset) ?? -1;
        }
        if (buf === undefined && start >= 0 && start < seg.size) {
          buf = await this.readFrom(seg, i === segs.length - 1, start, Math.min(seg.size - start, window), pool);
          if (!endsAtOrAfter(buf, fetchOffset)) {
            readBuffers.release(buf); // nothing else saw it
            buf = undefined;
          }
        }
        if (buf === undefined) {
          const repairs = seg.indexRepairs;
          start = await seg.findPosition(fetchOffset);
          this.reportRepair(seg, repairs);
        }
        const end = seg.size;
        if (start >= end) continue;
        const generation = seg.generation;
        buf ??= await this.readFrom(seg, i === segs.length - 1, start, Math.min(end - start, window), pool);
        const first = batchSizeAt(buf, 0);
        if (first > buf.length && start + first <= end) {
          readBuffers.release(buf); // nothing else saw it
          buf = await seg.readAt(start, first);
        }
        const cut = wholeBatches(buf, maxBytes, limit, seg.verifiedEnd(start) - start);
        if (cut.end === 0) {
          readBuffers.release(buf);
          if (cut.firstProblem !== null) {
            throw new StorageError('KAFKA_STORAGE_ERROR', `${this.topic}-${this.partition}: batch at ${seg.baseOffset}+${start} failed validation (${cut.firstProblem})`, { corruptBatch: true });
          }
          return result;
        }
        result.records = buf.subarray(0, cut.end);
        if (seg.generation === generation) seg.markVerified(start, start + cut.end);
        const next = buf.readBigInt64BE(cut.last + Off.baseOffset) + BigInt(buf.readInt32BE(cut.last + Off.lastOffsetDelta)) + 1n;
        seg.rememberReadEnd(next, start + cut.end);
        // Cut by maxBytes: the consumer most likely asks for `next` as soon as it has this.
        if (pooled && cut.byMaxBytes && next < limit && start + cut.end < seg.size) this.startReadAhead(seg, next, start + cut.end, window);
        return result;
      } finally {
        seg.release();
      }
    }
    return result;
  }

  /**
   * Hot tail: a read that ends at the end of the active segment and is at most HOT_TAIL_BYTES long
   * (a consumer keeping up with producers) is a copy of bytes written moments ago, in the page
   * cache: done synchronously it answers the fetch in the same turn, without waiting for a thread
   * of libuv's pool (often all busy in fdatasync under many partitions). Anything else is async.
   */
  private readFrom(seg: Segment, active: boolean, start: number, length: number, pool: ReadBuffers | undefined): Promise<Buffer> {
    return seg.readAt(start, length, pool, active && length <= HOT_TAIL_BYTES && start + length === seg.size);
  }

  /**
   * The read-ahead for `offset` in `seg` if there is one that fits a read of `window` bytes (taken:
   * its buffer is now the caller's); any other read-ahead of this log is dropped.
   */
  private async claimReadAhead(seg: Segment, offset: bigint, window: number): Promise<{ position: number; buf: Buffer } | null> {
    const a = this.ahead;
    if (a === null) return null;
    if (a.seg !== seg || a.offset !== offset || a.window < window) {
      this.dropReadAhead();
      return null;
    }
    this.ahead = null;
    clearTimeout(a.timer);
    aheadBytes -= a.reserved;
    await a.ready;
    const buf = a.buf;
    a.buf = null;
    if (buf === null) return null;
    // Truncated (or truncated and rewritten) since: the bytes read may not be the log's any more.
    if (seg.generation !== a.generation || a.position + buf.length > seg.size || !endsAtOrAfter(buf, offset)) {
      readBuffers.release(buf);
      return null;
    }
    return { position: a.position, buf: buf.length > window ? buf.subarray(0, window) : buf };
  }

  /** Starts reading `window` bytes of `seg` from `position` (the batch holding `offset`) into a pooled buffer. */
  private startReadAhead(seg: Segment, offset: bigint, position: number, window: number): void {
    this.dropReadAhead();
    const length = Math.min(seg.size - position, window);
    if (length < BATCH_OVERHEAD || aheadBytes + length > MAX_READ_AHEAD_BYTES || !seg.acquire()) return;
    aheadBytes += length;
    const a: ReadAhead = { seg, generation: seg.generation, offset, position, window, reserved: length, buf: null, dropped: false, timer: undefined, ready: Promise.resolve() };
    a.timer = setTimeout(() => {
      if (this.ahead === a) this.dropReadAhead();
    }, READ_AHEAD_TTL_MS);
    a.timer.unref();
    a.ready = seg.readAt(position, length, readBuffers).then((buf) => {
      if (a.dropped) {
        readBuffers.release(buf);
        return;
      }
      // CRC-check now, between fetches: what passes joins the verified range the claim relies on.
      if (seg.generation === a.generation) {
        const trusted = seg.verifiedEnd(position) - position;
        let p = 0;
        while (p < buf.length) {
          const r = checkBatchAt(buf, p, buf.length, trusted);
          if (typeof r !== 'number') break;
          p += r;
        }
        seg.markVerified(position, position + p);
      }
      a.buf = buf;
    }).catch(() => {
      // The claim finds no buffer and reads normally (and meets the error there, if it persists).
    }).finally(() => seg.release());
    this.ahead = a;
  }

  /** Drops the pending read-ahead; its buffer goes back to the pool (once its read is done, if it is not). */
  private dropReadAhead(): void {
    const a = this.ahead;
    if (a === null) return;
    this.ahead = null;
    a.dropped = true;
    clearTimeout(a.timer);
    aheadBytes -= a.reserved;
    if (a.buf !== null) readBuffers.release(a.buf);
    a.buf = null;
  }

  releaseRead(records: Buffer): void {
    readBuffers.release(records);
  }

  private reportRepair(seg: Segment, before: number): void {
    if (seg.indexRepairs !== before) this.onEvent?.({ type: 'index-rebuilt', topic: this.topic, partition: this.partition, segment: seg.baseOffset });
  }

  /** Index of the last segment whose base offset is <= offset (-1 if none). */
  private floorSegment(segs: readonly Segment[], offset: bigint): number {
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (segs[mid]!.baseOffset <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  async offsetForTimestamp(ts: bigint): Promise<TimestampOffset | null> {
    this.check();
    const target = Number(ts);
    for (const seg of this.segments) {
      if (seg.maxTimestamp < target) continue;
      const found = await this.firstAtOrAfter(seg, target);
      if (found === undefined) continue;
      if (found === null) return null;
      if (found.offset < this.lso) found.offset = this.lso;
      return found.offset < this.hw ? found : null;
    }
    return null;
  }

  async maxTimestamp(): Promise<TimestampOffset | null> {
    this.check();
    // The first segment holding the log's largest timestamp (its max is kept per segment, as
    // Kafka's maxTimestampSoFar), then the first record in it with that timestamp: one time-index
    // lookup and the batches from there, decoded only for the batch that has it.
    let best: Segment | null = null;
    for (const s of this.segments) if (s.maxTimestamp >= 0 && (best === null || s.maxTimestamp > best.maxTimestamp)) best = s;
    if (best === null) return null;
    const found = await this.firstAtOrAfter(best, best.maxTimestamp);
    return found !== undefined && found !== null && found.offset < this.hw ? found : null;
  }

  /**
   * The first record of `seg` whose timestamp is >= target; undefined when the segment has none
   * (or is being removed), null when its batch is at or above the high watermark.
   */
  private async firstAtOrAfter(seg: Segment, target: number): Promise<TimestampOffset | null | undefined> {
    if (!seg.acquire()) return undefined;
    try {
      const repairs = seg.indexRepairs;
      const from = await seg.findPosition(seg.baseOffset + BigInt(seg.timeIndex.lookup(target)));
      this.reportRepair(seg, repairs);
      for await (const h of seg.headers(from)) {
        if (h.maxTimestamp < target) continue;
        if (h.baseOffset >= this.hw) return null;
        const found = firstRecordAtOrAfter(await seg.readAt(h.position, h.size), target);
        if (found !== null) return found;
      }
      return undefined;
    } finally {
      seg.release();
    }
  }

  // ---- admin -------------------------------------------------------------------------------

  async deleteRecordsBefore(offset: bigint): Promise<bigint> {
    this.check();
    return this.runExclusive(async () => {
      const target = offset === -1n ? this.hw : offset;
      if (target < 0n || target > this.hw) throw offsetOutOfRange(target, this.lso, this.hw);
      if (target <= this.lso) return this.lso;
      const tmp = join(this.dir, `${LOG_START_FILE}.tmp`);
      await writeFile(tmp, `${target}\n`, { flush: true });
      await rename(tmp, join(this.dir, LOG_START_FILE));
      await fsyncDir(this.dir);
      this.lso = target;
      await this.deleteSegmentsBelowStart();
      return this.lso;
    });
  }

  /** Deletes sealed segments whose every offset is below the log start offset. */
  private async deleteSegmentsBelowStart(): Promise<number> {
    const segs = this.segments;
    let n = 0;
    while (n < segs.length - 1 && segs[n + 1]!.baseOffset <= this.lso) n++;
    return this.removeOldest(n);
  }

  private async removeOldest(n: number): Promise<number> {
    if (n <= 0) return 0;
    const doomed = this.segments.slice(0, n);
    this.dropReadAhead();
    this.segments = this.segments.slice(n);
    const first = this.segments[0]!.baseOffset;
    if (first > this.lso) this.lso = first;
    for (const s of doomed) await s.retire(true);
    return n;
  }

  /** retention.ms and retention.bytes: whole sealed segments below the high watermark, oldest first. */
  async applyRetention(): Promise<number> {
    if (this.offline || this.closed || !this.config.cleanupDelete) return 0;
    return this.runExclusive(async () => {
      const { retentionMs, retentionBytes } = this.config;
      const segs = this.segments;
      const now = this.clock();
      let total = this.sizeInBytes;
      let n = 0;
      while (n < segs.length - 1) {
        const s = segs[n]!;
        if (segs[n + 1]!.baseOffset > this.hw) break;
        const expired = retentionMs >= 0 && s.maxTimestamp < now - retentionMs;
        const oversize = retentionBytes >= 0 && total - s.size >= retentionBytes;
        if (!expired && !oversize) break;
        total -= s.size;
        n++;
      }
      return (await this.removeOldest(n)) + (await this.deleteSegmentsBelowStart());
    });
  }

  truncateTo(offset: bigint): Promise<void> {
    return this.runExclusive(async () => {
      this.check();
      if (offset >= this.leo) return;
      this.dropReadAhead();
      const keep = this.segments.filter((s) => s.baseOffset < offset);
      const drop = this.segments.filter((s) => s.baseOffset >= offset);
      if (keep.length === 0) {
        const fresh = await Segment.create(this.dir, offset > this.lso ? offset : this.lso, this.clock());
        keep.push(fresh);
        this.lso = fresh.baseOffset;
      }
      const last = keep[keep.length - 1]!;
      const pos = await last.findPosition(offset);
      if (pos < last.size) {
        last.forgetFrom(pos);
        await last.removeIndexFiles();
        await last.fh.truncate(pos);
        last.size = pos;
        await last.rebuildFromHeaders(this.config.indexIntervalBytes, this.clock());
        await this.io.datasync(last.fh);
      }
      this.segments = keep;
      for (const s of drop) await s.retire(true);
      await fsyncDir(this.dir);
      this.leo = last.nextOffset;
      if (this.hw > this.leo) this.hw = this.leo;
    });
  }

  // ---- used by the cleaner -----------------------------------------------------------------

  snapshotSegments(): readonly Segment[] {
    return this.segments;
  }

  /** Swaps `old` for `replacement` (or drops it) if it is still live and unchanged. */
  replaceSegment(old: Segment, oldSize: number, replacement: Segment | null): boolean {
    const i = this.segments.indexOf(old);
    if (i < 0 || i === this.segments.length - 1 || old.size !== oldSize) return false;
    const next = [...this.segments];
    if (replacement) next[i] = replacement;
    else next.splice(i, 1);
    this.dropReadAhead();
    this.segments = next;
    return true;
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  /** Flushes, writes indexes and closes every file. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.runExclusive(async () => {
      this.closed = true;
      this.dropReadAhead();
    });
    await this.committer.idle();
    if (!this.offline) {
      await this.syncOnce(null).catch(() => {});
      for (const s of this.segments) await s.writeIndexes().catch(() => {});
    }
    for (const s of this.segments) await s.close();
  }

  /** Whether close() found everything durable (a clean shutdown for this log). */
  get isHealthy(): boolean {
    return this.offline === null;
  }
}
