// One log segment: `<base>.log` plus its sparse `.index` and `.timeindex`.
// The .log holds whole batches back to back; `size` is the end of the last batch known good and
// nothing beyond it is ever read. Indexes live in memory and reach disk on close (see README).
import { readSync } from 'node:fs';
import { open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { BATCH_OVERHEAD, LOG_OVERHEAD, batchSizeAt } from '@tideline/protocol/internal';
import { batchInfoAt, checkBatchAt, type BatchInfo, type BatchProblem } from '../batches.js';
import { OffsetIndex, TimeIndex } from './indexes.js';
import type { ReadBuffers } from './read-buffers.js';

export const segmentFileName = (base: bigint, ext: string): string => base.toString().padStart(20, '0') + ext;

const HEADER_WINDOW = 16 * 1024;
const SCAN_WINDOW = 1024 * 1024;
/** Read ends remembered per segment: one per consumer reading it, for a few consumers. */
const READ_END_HINTS = 4;
/** Disjoint CRC-checked byte ranges kept per segment (the smallest goes when there would be more). */
const VERIFIED_RANGES = 4;

export interface ScanOutcome {
  /** End of the last valid batch. */
  validEnd: number;
  /** Why the scan stopped before the end of the file, if it did. */
  problem: BatchProblem | null;
}

export class Segment {
  readonly dir: string;
  readonly baseOffset: bigint;
  fh: FileHandle;
  size = 0;
  /** Last offset + 1 of the last batch (baseOffset when empty). */
  nextOffset: bigint;
  maxTimestamp = -1;
  private maxTimestampRel = -1;
  /** Wall-clock ms the segment.ms roll timer counts from. */
  rollStartMs: number;
  offsetIndex = new OffsetIndex();
  timeIndex = new TimeIndex();
  private bytesSinceIndex = 0;
  /** index.interval.bytes as last used by `record` (for rebuilding indexes). */
  private indexIntervalBytes = 4096;
  /** Lookups that found the offset index pointing at the wrong batch (each rebuilt the indexes). */
  indexRepairs = 0;
  /** Written but not yet fdatasync'ed. */
  dirty = false;
  /** In-memory indexes differ from the files. */
  indexesDirty = true;
  /** Name of the .log file while it is a compaction output not yet renamed into place. */
  private tempName: string | null = null;
  /**
   * Where recent fetch reads ended: the next offset and the position of the batch holding it. A
   * consumer's next fetch starts exactly there, so the log reads it without the offset-index
   * lookup and the header scan (a second file read per fetch). Cleared when the bytes change.
   */
  private readEnds: Array<{ offset: bigint; position: number }> = [];
  private nextReadEnd = 0;
  /**
   * Byte ranges [start, end) of the .log whose batches passed a CRC check in this process: appended
   * (produce checked them before the write), scanned by recovery, or served by an earlier read.
   * Fetch reads check only batches outside them (docs/architecture.md, "CRC once"). Sorted,
   * disjoint; forgotten from a position when the bytes there change (truncation).
   */
  private verified: Array<[number, number]> = [];
  /** Bumped whenever bytes already written may change (truncation): read-aheads check it. */
  generation = 0;
  private readers = 0;
  private retired = false;
  private closed = false;

  private constructor(dir: string, baseOffset: bigint, fh: FileHandle, now: number) {
    this.dir = dir;
    this.baseOffset = baseOffset;
    this.fh = fh;
    this.nextOffset = baseOffset;
    this.rollStartMs = now;
  }

  path(ext: '.log' | '.index' | '.timeindex'): string {
    if (ext === '.log' && this.tempName !== null) return join(this.dir, this.tempName);
    return join(this.dir, segmentFileName(this.baseOffset, ext));
  }

  /** A new empty segment; with `tempName`, a compaction output that owns no index files yet. */
  static async create(dir: string, baseOffset: bigint, now: number, tempName?: string): Promise<Segment> {
    const fh = await open(join(dir, tempName ?? segmentFileName(baseOffset, '.log')), 'w+');
    const seg = new Segment(dir, baseOffset, fh, now);
    seg.tempName = tempName ?? null;
    return seg;
  }

  /** Renames a compaction output over the live .log file (atomic replace). */
  async promote(): Promise<void> {
    if (this.tempName === null) return;
    await rename(join(this.dir, this.tempName), join(this.dir, segmentFileName(this.baseOffset, '.log')));
    this.tempName = null;
  }

  static async openExisting(dir: string, baseOffset: bigint, now: number): Promise<Segment> {
    const fh = await open(join(dir, segmentFileName(baseOffset, '.log')), 'r+');
    return new Segment(dir, baseOffset, fh, now);
  }

  get maxTimestampOffset(): bigint {
    return this.maxTimestampRel < 0 ? -1n : this.baseOffset + BigInt(this.maxTimestampRel);
  }

  /** Bookkeeping for a batch now on disk at info.position. */
  record(info: BatchInfo, indexIntervalBytes: number, now: number): void {
    this.indexIntervalBytes = indexIntervalBytes;
    const rel = Number(info.baseOffset - this.baseOffset);
    const lastRel = rel + info.lastOffsetDelta;
    if (this.size === 0) this.rollStartMs = now;
    if (info.maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = info.maxTimestamp;
      this.maxTimestampRel = lastRel;
    }
    if (this.bytesSinceIndex > indexIntervalBytes) {
      this.offsetIndex.append(rel, info.position);
      this.timeIndex.maybeAppend(this.maxTimestamp, this.maxTimestampRel);
      this.bytesSinceIndex = 0;
    }
    this.bytesSinceIndex += info.size;
    this.size = info.position + info.size;
    this.nextOffset = info.baseOffset + BigInt(info.lastOffsetDelta) + 1n;
    this.indexesDirty = true;
  }

  /**
   * `length` bytes from `position` (fewer at the file's end), into a buffer from `pool` when given.
   * `sync` reads on the calling thread: for the few KiB at the end of the active segment that a
   * tailing consumer asks for, written moments ago and so in the page cache, a copy costs less than
   * one trip through libuv's thread pool, whose four threads may all be waiting in fdatasync (see
   * PartitionLog.read, "hot tail").
   */
  async readAt(position: number, length: number, pool?: ReadBuffers, sync = false): Promise<Buffer> {
    const buf = pool === undefined ? Buffer.allocUnsafe(length) : pool.take(length);
    let done = 0;
    while (done < length) {
      const bytesRead = sync ? readSync(this.fh.fd, buf, done, length - done, position + done) : (await this.fh.read(buf, done, length - done, position + done)).bytesRead;
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === length ? buf : buf.subarray(0, done);
  }

  /** Batch headers (not bodies) from `from` to `this.size`, without CRC checks. */
  async *headers(from: number): AsyncGenerator<BatchInfo> {
    let pos = from;
    while (pos + BATCH_OVERHEAD <= this.size) {
      const win = await this.readAt(pos, Math.min(HEADER_WINDOW, this.size - pos));
      let p = 0;
      while (p + BATCH_OVERHEAD <= win.length) {
        const size = batchSizeAt(win, p);
        if (size < BATCH_OVERHEAD || pos + p + size > this.size) return;
        yield batchInfoAt(win, p, size, pos + p);
        p += size;
      }
      if (p === 0) return;
      pos += p;
    }
  }

  /** Whole validated batches from `from`; stops at the file's end or the first bad batch. */
  async *batches(from: number, fileEnd: number, outcome: ScanOutcome): AsyncGenerator<{ info: BatchInfo; bytes: Buffer }> {
    let pos = from;
    outcome.validEnd = from;
    outcome.problem = null;
    while (pos < fileEnd) {
      let win = await this.readAt(pos, Math.min(SCAN_WINDOW, fileEnd - pos));
      const want = batchSizeAt(win, 0);
      if (want > win.length && pos + want <= fileEnd) win = await this.readAt(pos, want);
      let p = 0;
      while (p < win.length) {
        const r = checkBatchAt(win, p);
        if (typeof r !== 'number') {
          if (r === 'truncated' && p > 0 && this.endsOutsideWindow(win, p, pos, fileEnd)) break;
          outcome.problem = r;
          return;
        }
        yield { info: batchInfoAt(win, p, r, pos + p), bytes: win.subarray(p, p + r) };
        p += r;
        outcome.validEnd = pos + p;
      }
      pos += p;
    }
  }

  /** A batch cut by the read window (not by the file's end): read again from its start. */
  private endsOutsideWindow(win: Buffer, p: number, pos: number, fileEnd: number): boolean {
    const inFile = fileEnd - (pos + p);
    if (win.length - p < LOG_OVERHEAD) return inFile >= LOG_OVERHEAD;
    const size = batchSizeAt(win, p);
    return size >= BATCH_OVERHEAD && size <= inFile;
  }

  /** The position a recent read ended at for `offset` (see `readEnds`), if any. */
  positionHint(offset: bigint): number | undefined {
    for (const h of this.readEnds) if (h.offset === offset && h.position <= this.size) return h.position;
    return undefined;
  }

  /** Notes that the batch holding `offset` (the first after a read's last batch) starts at `position`. */
  rememberReadEnd(offset: bigint, position: number): void {
    for (const h of this.readEnds) {
      if (h.offset === offset) {
        h.position = position;
        return;
      }
    }
    if (this.readEnds.length < READ_END_HINTS) this.readEnds.push({ offset, position });
    else this.readEnds[this.nextReadEnd] = { offset, position };
    this.nextReadEnd = (this.nextReadEnd + 1) % READ_END_HINTS;
  }

  /** Notes that the whole batches in [start, end) passed their CRC check in this process. */
  markVerified(start: number, end: number): void {
    if (end <= start) return;
    let lo = start;
    let hi = end;
    const kept: Array<[number, number]> = [];
    for (const r of this.verified) {
      if (r[1] < lo || r[0] > hi) kept.push(r);
      else {
        lo = Math.min(lo, r[0]);
        hi = Math.max(hi, r[1]);
      }
    }
    kept.push([lo, hi]);
    kept.sort((a, b) => a[0] - b[0]);
    while (kept.length > VERIFIED_RANGES) {
      let smallest = 0;
      for (let i = 1; i < kept.length; i++) if (kept[i]![1] - kept[i]![0] < kept[smallest]![1] - kept[smallest]![0]) smallest = i;
      kept.splice(smallest, 1);
    }
    this.verified = kept;
  }

  /** End of the verified range holding `position` (`position` itself when none does). */
  verifiedEnd(position: number): number {
    for (const r of this.verified) if (r[0] <= position && position < r[1]) return r[1];
    return position;
  }

  /** The bytes from `position` on may change (a truncation): forget checks and hints there. */
  forgetFrom(position: number): void {
    this.generation++;
    this.verified = this.verified.filter((r) => r[0] < position).map((r): [number, number] => [r[0], Math.min(r[1], position)]);
    this.readEnds = this.readEnds.filter((h) => h.position < position);
  }

  /**
   * Position of the first batch whose last offset is >= offset, or `size` if none. The index entry
   * used must point at the start of the batch it names; if it does not (an index file damaged in a
   * way that still looked plausible when loaded), the indexes are rebuilt from the batch headers
   * and `indexRepairs` counts it, rather than skipping or misreading data.
   */
  async findPosition(offset: bigint): Promise<number> {
    const rel = offset - this.baseOffset;
    if (rel > 0n) {
      const entry = this.offsetIndex.floorEntry(rel > 0xffffffffn ? 0xffffffff : Number(rel));
      if (entry !== null) {
        const found = await this.scanFor(offset, entry.position, this.baseOffset + BigInt(entry.relOffset));
        if (found !== null) return found;
        this.indexRepairs++;
        await this.rebuildIndexes();
      }
    }
    return (await this.scanFor(offset, 0, null))!;
  }

  /** First batch from `start` whose last offset is >= offset; null if the batch at `start` is not based at `expectBase`. */
  private async scanFor(offset: bigint, start: number, expectBase: bigint | null): Promise<number | null> {
    let first = expectBase !== null;
    for await (const h of this.headers(start)) {
      if (first && (h.position !== start || h.baseOffset !== expectBase)) return null;
      first = false;
      if (h.baseOffset + BigInt(h.lastOffsetDelta) >= offset) return h.position;
    }
    return first && start < this.size ? null : this.size;
  }

  /** Rebuilds the offset and time indexes from the batch headers, leaving size and offsets alone. */
  async rebuildIndexes(): Promise<void> {
    const oi = new OffsetIndex();
    const ti = new TimeIndex();
    let since = 0;
    let maxTs = -1;
    let maxRel = -1;
    for await (const h of this.headers(0)) {
      const rel = Number(h.baseOffset - this.baseOffset);
      if (h.maxTimestamp > maxTs) {
        maxTs = h.maxTimestamp;
        maxRel = rel + h.lastOffsetDelta;
      }
      if (since > this.indexIntervalBytes) {
        oi.append(rel, h.position);
        ti.maybeAppend(maxTs, maxRel);
        since = 0;
      }
      since += h.size;
    }
    this.offsetIndex = oi;
    this.timeIndex = ti;
    this.indexesDirty = true;
  }

  /** Resets in-memory state and rebuilds it from batch headers (after a truncation). */
  async rebuildFromHeaders(indexIntervalBytes: number, now: number): Promise<void> {
    const end = this.size;
    this.resetState();
    const infos: BatchInfo[] = [];
    this.size = end;
    for await (const h of this.headers(0)) infos.push(h);
    this.size = 0;
    for (const h of infos) this.record(h, indexIntervalBytes, now);
  }

  resetState(): void {
    this.size = 0;
    this.readEnds = [];
    this.verified = [];
    this.generation++;
    this.nextOffset = this.baseOffset;
    this.maxTimestamp = -1;
    this.maxTimestampRel = -1;
    this.offsetIndex = new OffsetIndex();
    this.timeIndex = new TimeIndex();
    this.bytesSinceIndex = 0;
    this.indexesDirty = true;
  }

  /** Loads index files; false if missing or implausible (the caller then rebuilds by scanning). */
  async loadIndexes(fileSize: number): Promise<boolean> {
    try {
      const [oi, ti] = await Promise.all([readFile(this.path('.index')), readFile(this.path('.timeindex'))]);
      const offsetIndex = OffsetIndex.fromBuffer(oi, fileSize);
      const timeIndex = TimeIndex.fromBuffer(ti, 0x7fffffff);
      if (offsetIndex === null || timeIndex === null) return false;
      this.offsetIndex = offsetIndex;
      this.timeIndex = timeIndex;
      return true;
    } catch {
      return false;
    }
  }

  /**
   * After loadIndexes: replays headers from the last indexed position to learn size, next offset
   * and max timestamp (with the time index's last entry, which holds the segment max on close).
   */
  async resumeFromIndexes(fileSize: number, indexIntervalBytes: number, now: number): Promise<ScanOutcome> {
    const start = this.offsetIndex.lastPosition;
    const ti = this.timeIndex;
    this.size = start;
    const outcome: ScanOutcome = { validEnd: start, problem: null };
    const infos: BatchInfo[] = [];
    for await (const b of this.batches(start, fileSize, outcome)) infos.push(b.info);
    this.bytesSinceIndex = 0;
    for (const info of infos) this.record(info, indexIntervalBytes, now);
    if (ti.lastTimestamp > this.maxTimestamp) {
      this.maxTimestamp = ti.lastTimestamp;
      this.maxTimestampRel = ti.lastRelOffset;
    }
    this.size = outcome.validEnd;
    this.markVerified(start, outcome.validEnd);
    return outcome;
  }

  async writeIndexes(): Promise<void> {
    if (!this.indexesDirty || this.tempName !== null) return;
    if (this.maxTimestamp >= 0) this.timeIndex.maybeAppend(this.maxTimestamp, this.maxTimestampRel);
    await writeFile(this.path('.index'), this.offsetIndex.toBuffer());
    await writeFile(this.path('.timeindex'), this.timeIndex.toBuffer());
    this.indexesDirty = false;
  }

  async removeIndexFiles(): Promise<void> {
    if (this.tempName !== null) return;
    await rm(this.path('.index'), { force: true });
    await rm(this.path('.timeindex'), { force: true });
  }

  /** Pins the file handle during a read; false if the segment was already closed. */
  acquire(): boolean {
    if (this.closed) return false;
    this.readers++;
    return true;
  }

  release(): void {
    this.readers--;
    if (this.retired && this.readers === 0) void this.close();
  }

  /** Takes the segment out of service: files unlinked now (if asked), handle closed when unpinned. */
  async retire(unlinkFiles: boolean): Promise<void> {
    this.retired = true;
    if (unlinkFiles) {
      await rm(this.path('.log'), { force: true });
      await this.removeIndexFiles();
    }
    if (this.readers === 0) await this.close();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.fh.close();
  }
}
