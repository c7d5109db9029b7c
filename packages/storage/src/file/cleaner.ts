// Log compaction (cleanup.policy=compact): keeps the latest record per key in sealed segments.
//
// 1. Cleanable range: the sealed segments, oldest first, up to the first one that is not entirely
//    older than min.compaction.lag.ms or not entirely below the high watermark. The active segment
//    is never touched.
// 2. Offset map: key -> offset of its latest record in that range.
// 3. Each segment is rewritten to `<base>.log.cleaned`: a record survives if it is the latest for
//    its key, unless it is a tombstone older than delete.retention.ms. Offsets never change: a
//    rewritten batch keeps baseOffset, lastOffsetDelta, timestamps and producer fields; only the
//    record list, recordsCount, batchLength and CRC change. Batches left with no records go away.
// 4. Swap: fdatasync the .cleaned file, drop the old index files, rename .cleaned over .log, swap
//    the in-memory segment. A crash leaves either the old or the new file; indexes are rebuilt.
//
// Uncompressed batches are walked in place and rewritten by copying the kept records' bytes.
// Compressed batches go through the protocol package's decodeBatch/encodeBatch (same codec, same
// header fields, lastOffsetDelta and maxTimestamp restored). Records with a null key are kept.
//
// Transactions (as Kafka's cleaner): a first read of the range pairs every transactional batch with
// the next end marker of its producer. Batches of aborted transactions are removed whole; batches
// of committed ones are compacted like any other (their header, producer fields included, stays);
// batches whose marker is not in the range (an open transaction) are kept whole and stay out of the
// offset map. A marker goes once no batch of its transaction is left and it is older than
// delete.retention.ms (a consumer that read the data also gets the marker). A batch counts as gone
// only once its segment was swapped, so a marker never goes while its data is still on disk.
import {
  BATCH_OVERHEAD, LOG_OVERHEAD, Off, compressionOf, decodeBatch, encodeBatch, isControl, isTransactional, writeBatchCrc,
  type DecodedBatch,
} from '@tideline/protocol/internal';
import { parseControlRecord } from '@tideline/protocol';
import { forEachRecord, isUncompressed, type RecordView } from '../records.js';
import type { FilePartitionLog } from './partition-log.js';
import { Segment, segmentFileName, type ScanOutcome } from './segment.js';

const OUT_CHUNK = 1024 * 1024;

type DecodedRecord = DecodedBatch['records'][number];

/** What the first read of the range learned about its transactions. */
interface TxnPlan {
  /** Transactional data batch (base offset) -> its outcome and its marker's base offset. */
  readonly batches: Map<bigint, { aborted: boolean; marker: bigint }>;
  /** Marker base offset -> data batches of its transaction still on disk, and its max timestamp. */
  readonly markers: Map<bigint, { remaining: number; maxTimestamp: number }>;
}

type Kind = 'keep' | 'drop' | 'plain' | 'compressed';

/** Which batches the cleaner may rewrite (or drop), and how it reads them. */
function kindOf(bytes: Buffer, plan: TxnPlan, horizon: number): Kind {
  const attrs = bytes.readInt16BE(Off.attributes);
  if (isControl(attrs)) {
    const m = plan.markers.get(bytes.readBigInt64BE(Off.baseOffset));
    return m !== undefined && m.remaining === 0 && m.maxTimestamp < horizon ? 'drop' : 'keep';
  }
  if (isTransactional(attrs)) {
    const t = plan.batches.get(bytes.readBigInt64BE(Off.baseOffset));
    if (t === undefined) return 'keep'; // its transaction is still open (no marker in the range)
    if (t.aborted) return 'drop';
  }
  return isUncompressed(bytes, 0) ? 'plain' : 'compressed';
}

/** Pairs each transactional batch of the range with the next end marker of its producer. */
async function planTransactions(range: Segment[]): Promise<TxnPlan> {
  const plan: TxnPlan = { batches: new Map(), markers: new Map() };
  const open = new Map<bigint, bigint[]>();
  for (const seg of range) {
    if (!seg.acquire()) continue;
    try {
      const outcome: ScanOutcome = { validEnd: 0, problem: null };
      for await (const { info, bytes } of seg.batches(0, seg.size, outcome)) {
        const attrs = bytes.readInt16BE(Off.attributes);
        if (!isTransactional(attrs)) continue;
        const pid = bytes.readBigInt64BE(Off.producerId);
        if (!isControl(attrs)) {
          let l = open.get(pid);
          if (l === undefined) open.set(pid, (l = []));
          l.push(info.baseOffset);
          continue;
        }
        let type: string;
        try {
          const first = decodeBatch(bytes).records[0];
          type = first === undefined ? 'other' : parseControlRecord(first).type;
        } catch {
          type = 'other';
        }
        if (type !== 'commit' && type !== 'abort') continue;
        const data = open.get(pid) ?? [];
        open.delete(pid);
        for (const b of data) plan.batches.set(b, { aborted: type === 'abort', marker: info.baseOffset });
        plan.markers.set(info.baseOffset, { remaining: data.length, maxTimestamp: Number(bytes.readBigInt64BE(Off.maxTimestamp)) });
      }
    } finally {
      seg.release();
    }
  }
  return plan;
}

/** (key, offsetDelta, timestamp, tombstone) of every record of a cleanable batch. */
function eachRecord(bytes: Buffer, size: number, kind: 'plain' | 'compressed', fn: (key: Buffer | null, offsetDelta: number, timestamp: number, tombstone: boolean, i: number) => void): DecodedRecord[] | null {
  if (kind === 'plain') {
    let i = 0;
    forEachRecord(bytes, 0, size, (r) => fn(r.key, r.offsetDelta, r.timestamp, r.valueIsNull, i++));
    return null;
  }
  const { records } = decodeBatch(bytes);
  records.forEach((r, i) => fn(r.key, r.offsetDelta, Number(r.timestamp), r.value === null, i));
  return records;
}

export interface CleanResult {
  cleanedSegments: number;
  removedRecords: number;
  /** End (next offset) of the range compacted; -1 when nothing was in range. */
  cleanedUpTo: bigint;
}

/** The sealed segments compaction may rewrite: below the high watermark and older than min.compaction.lag.ms. */
export function cleanableRange(log: FilePartitionLog): Segment[] {
  const cfg = log.currentConfig;
  const now = log.now();
  const segs = log.snapshotSegments();
  const range: Segment[] = [];
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    if (s.nextOffset > log.highWatermark || s.maxTimestamp > now - cfg.minCompactionLagMs) break;
    range.push(s);
  }
  return range;
}

/**
 * Whether the cleaner should compact `log` now, given the first offset not yet compacted
 * (`firstDirty`): the dirty bytes of the cleanable range reach min.cleanable.dirty.ratio, or its
 * oldest dirty segment is older than max.compaction.lag.ms.
 */
export function needsCleaning(log: FilePartitionLog, firstDirty: bigint): boolean {
  const cfg = log.currentConfig;
  if (!cfg.cleanupCompact) return false;
  let total = 0;
  let dirty = 0;
  let oldestDirty = Number.POSITIVE_INFINITY;
  for (const s of cleanableRange(log)) {
    total += s.size;
    if (s.nextOffset > firstDirty) {
      dirty += s.size;
      oldestDirty = Math.min(oldestDirty, s.maxTimestamp);
    }
  }
  if (dirty === 0) return false;
  const maxLag = cfg.maxCompactionLagMs;
  if (maxLag !== undefined && oldestDirty < log.now() - maxLag) return true;
  return dirty / total >= (cfg.minCleanableDirtyRatio ?? 0);
}

export async function cleanLog(log: FilePartitionLog): Promise<CleanResult> {
  const cfg = log.currentConfig;
  const result: CleanResult = { cleanedSegments: 0, removedRecords: 0, cleanedUpTo: -1n };
  if (!cfg.cleanupCompact) return result;
  const now = log.now();
  const range = cleanableRange(log);
  if (range.length === 0) return result;
  result.cleanedUpTo = range[range.length - 1]!.nextOffset;
  const plan = await planTransactions(range);
  const tombstoneHorizon = now - cfg.deleteRetentionMs;
  const latest = await buildOffsetMap(range, plan, tombstoneHorizon);
  for (const seg of range) {
    const r = await cleanSegment(log, seg, latest, tombstoneHorizon, plan);
    if (r > 0) {
      result.cleanedSegments++;
      result.removedRecords += r;
    }
  }
  return result;
}

async function buildOffsetMap(range: Segment[], plan: TxnPlan, horizon: number): Promise<Map<string, bigint>> {
  const latest = new Map<string, bigint>();
  for (const seg of range) {
    if (!seg.acquire()) continue;
    try {
      const outcome: ScanOutcome = { validEnd: 0, problem: null };
      for await (const { info, bytes } of seg.batches(0, seg.size, outcome)) {
        const kind = kindOf(bytes, plan, horizon);
        if (kind === 'keep' || kind === 'drop') continue;
        eachRecord(bytes, info.size, kind, (key, offsetDelta) => {
          if (key !== null) latest.set(key.toString('latin1'), info.baseOffset + BigInt(offsetDelta));
        });
      }
    } finally {
      seg.release();
    }
  }
  return latest;
}

/** Rewrites one segment; returns how many records it removed (0: nothing changed, nothing written). */
async function cleanSegment(log: FilePartitionLog, seg: Segment, latest: Map<string, bigint>, horizon: number, plan: TxnPlan): Promise<number> {
  if (!seg.acquire()) return 0;
  const sizeBefore = seg.size;
  const cfg = log.currentConfig;
  const cleanedName = segmentFileName(seg.baseOffset, '.log.cleaned');
  let out: Segment | null = null;
  let removed = 0;
  /** Base offsets of the batches this rewrite removes whole. */
  const gone: bigint[] = [];
  try {
    // Pass 1 (cheap, read-only): does anything go? Most segments of a settled log stay as they are.
    const rewrites = new Map<number, Buffer | null>();
    const outcome: ScanOutcome = { validEnd: 0, problem: null };
    for await (const { info, bytes } of seg.batches(0, sizeBefore, outcome)) {
      const kind = kindOf(bytes, plan, horizon);
      if (kind === 'keep') continue;
      if (kind === 'drop') {
        removed += bytes.readInt32BE(Off.recordsCount);
        rewrites.set(info.position, null);
        gone.push(info.baseOffset);
        continue;
      }
      const kept: number[] = [];
      let total = 0;
      const views: RecordView[] = [];
      const decoded = eachRecord(bytes, info.size, kind, (key, offsetDelta, timestamp, tombstone, i) => {
        total++;
        const isLatest = key === null || latest.get(key.toString('latin1')) === info.baseOffset + BigInt(offsetDelta);
        if (isLatest && !(tombstone && timestamp < horizon)) kept.push(i);
      });
      if (kept.length === total) continue;
      removed += total - kept.length;
      if (kept.length === 0) {
        rewrites.set(info.position, null);
        gone.push(info.baseOffset);
      } else if (decoded === null) {
        forEachRecord(bytes, 0, info.size, (r) => views.push(r));
        rewrites.set(info.position, rebuildPlain(bytes, kept.map((i) => views[i]!)));
      } else {
        rewrites.set(info.position, rebuildCompressed(bytes, kept.map((i) => decoded[i]!)));
      }
    }
    if (removed === 0) return 0;

    // Pass 2: write the cleaned copy.
    out = await Segment.create(seg.dir, seg.baseOffset, log.now(), cleanedName);
    let chunk: Buffer[] = [];
    let chunkBytes = 0;
    const flushChunk = async (): Promise<void> => {
      if (chunkBytes === 0) return;
      await out!.fh.writev(chunk, out!.size - chunkBytes);
      chunk = [];
      chunkBytes = 0;
    };
    for await (const { info, bytes } of seg.batches(0, sizeBefore, outcome)) {
      const rewritten = rewrites.get(info.position);
      const batch = rewritten === undefined ? bytes : rewritten;
      if (batch === null) continue;
      chunk.push(batch);
      chunkBytes += batch.length;
      out.record({ ...info, size: batch.length, position: out.size }, cfg.indexIntervalBytes, log.now());
      if (chunkBytes >= OUT_CHUNK) await flushChunk();
    }
    await flushChunk();
    await out.fh.datasync();
  } catch (e) {
    if (out) await out.retire(true);
    throw e;
  } finally {
    seg.release();
  }

  // Swap on the writer loop, so no truncation, retention or DeleteRecords interleaves.
  const cleaned = out;
  return log.runExclusive(async () => {
    const live = log.snapshotSegments().includes(seg) && seg.size === sizeBefore;
    if (!live) {
      await cleaned.retire(true);
      return 0;
    }
    await seg.removeIndexFiles();
    if (cleaned.size === 0) {
      log.replaceSegment(seg, sizeBefore, null);
      await cleaned.retire(true);
      await seg.retire(true);
      settle(plan, gone);
      return removed;
    }
    await cleaned.promote();
    log.replaceSegment(seg, sizeBefore, cleaned);
    await seg.retire(false);
    await cleaned.writeIndexes();
    settle(plan, gone);
    return removed;
  });
}

/** Counts the transactional batches of a swapped segment that went, against their markers. */
function settle(plan: TxnPlan, gone: readonly bigint[]): void {
  for (const b of gone) {
    const t = plan.batches.get(b);
    const m = t === undefined ? undefined : plan.markers.get(t.marker);
    if (m !== undefined) m.remaining--;
  }
}

/** Same header, only the `kept` records' bytes. */
function rebuildPlain(bytes: Buffer, kept: RecordView[]): Buffer {
  let body = 0;
  for (const r of kept) body += r.end - r.start;
  const out = Buffer.allocUnsafe(BATCH_OVERHEAD + body);
  bytes.copy(out, 0, 0, BATCH_OVERHEAD);
  let p = BATCH_OVERHEAD;
  for (const r of kept) p += bytes.copy(out, p, r.start, r.end);
  out.writeInt32BE(out.length - LOG_OVERHEAD, Off.batchLength);
  out.writeInt32BE(kept.length, Off.recordsCount);
  writeBatchCrc(out, 0, out.length);
  return out;
}

/** Re-encodes with the batch's codec; header fields outside the records are restored as they were. */
function rebuildCompressed(bytes: Buffer, kept: DecodedRecord[]): Buffer {
  const baseTimestamp = bytes.readBigInt64BE(Off.baseTimestamp);
  const out = encodeBatch({
    baseOffset: bytes.readBigInt64BE(Off.baseOffset),
    compression: compressionOf(bytes.readInt16BE(Off.attributes)),
    baseTimestamp,
    records: kept.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: baseTimestamp + r.timestampDelta, offsetDelta: r.offsetDelta })),
  });
  // Everything but batchLength, crc and recordsCount comes from the original header.
  bytes.copy(out, Off.partitionLeaderEpoch, Off.partitionLeaderEpoch, Off.crc);
  bytes.copy(out, Off.attributes, Off.attributes, Off.recordsCount);
  writeBatchCrc(out, 0, out.length);
  return out;
}
