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
// Kept whole, never rewritten: control batches, transactional batches (aborted data and markers
// need the transaction index this engine does not have), and compressed batches (walking them
// needs the shared batch codec; their keys are not mapped, so they never cause other records to be
// removed). Records with a null key are kept.
import { BATCH_OVERHEAD, LOG_OVERHEAD, Off, isControl, isTransactional, writeBatchCrc } from '@tideline/protocol/internal';
import { forEachRecord, isUncompressed, type RecordView } from '../records.js';
import type { FilePartitionLog } from './partition-log.js';
import { Segment, segmentFileName, type ScanOutcome } from './segment.js';

const OUT_CHUNK = 1024 * 1024;

const walkable = (bytes: Buffer): boolean => {
  const attrs = bytes.readInt16BE(Off.attributes);
  return !isControl(attrs) && !isTransactional(attrs) && isUncompressed(bytes, 0);
};

export interface CleanResult {
  cleanedSegments: number;
  removedRecords: number;
}

export async function cleanLog(log: FilePartitionLog): Promise<CleanResult> {
  const cfg = log.currentConfig;
  const result: CleanResult = { cleanedSegments: 0, removedRecords: 0 };
  if (!cfg.cleanupCompact) return result;
  const now = log.now();
  const segs = log.snapshotSegments();
  const range: Segment[] = [];
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    if (s.nextOffset > log.highWatermark || s.maxTimestamp > now - cfg.minCompactionLagMs) break;
    range.push(s);
  }
  if (range.length === 0) return result;
  const latest = await buildOffsetMap(range);
  const tombstoneHorizon = now - cfg.deleteRetentionMs;
  for (const seg of range) {
    const r = await cleanSegment(log, seg, latest, tombstoneHorizon);
    if (r > 0) {
      result.cleanedSegments++;
      result.removedRecords += r;
    }
  }
  return result;
}

async function buildOffsetMap(range: Segment[]): Promise<Map<string, bigint>> {
  const latest = new Map<string, bigint>();
  for (const seg of range) {
    if (!seg.acquire()) continue;
    try {
      const outcome: ScanOutcome = { validEnd: 0, problem: null };
      for await (const { info, bytes } of seg.batches(0, seg.size, outcome)) {
        if (!walkable(bytes)) continue;
        forEachRecord(bytes, 0, info.size, (r) => {
          if (r.key !== null) latest.set(r.key.toString('latin1'), info.baseOffset + BigInt(r.offsetDelta));
        });
      }
    } finally {
      seg.release();
    }
  }
  return latest;
}

/** Rewrites one segment; returns how many records it removed (0: nothing changed, nothing written). */
async function cleanSegment(log: FilePartitionLog, seg: Segment, latest: Map<string, bigint>, horizon: number): Promise<number> {
  if (!seg.acquire()) return 0;
  const sizeBefore = seg.size;
  const cfg = log.currentConfig;
  const cleanedName = segmentFileName(seg.baseOffset, '.log.cleaned');
  let out: Segment | null = null;
  let removed = 0;
  try {
    // Pass 1 (cheap, read-only): does anything go? Most segments of a settled log stay as they are.
    const keepers = new Map<number, RecordView[] | null>();
    const outcome: ScanOutcome = { validEnd: 0, problem: null };
    for await (const { info, bytes } of seg.batches(0, sizeBefore, outcome)) {
      if (!walkable(bytes)) continue;
      const kept: RecordView[] = [];
      let total = 0;
      forEachRecord(bytes, 0, info.size, (r) => {
        total++;
        const isLatest = r.key === null || latest.get(r.key.toString('latin1')) === info.baseOffset + BigInt(r.offsetDelta);
        const expiredTombstone = r.valueIsNull && r.timestamp < horizon;
        if (isLatest && !expiredTombstone) kept.push(r);
      });
      if (kept.length < total) {
        keepers.set(info.position, kept);
        removed += total - kept.length;
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
      const kept = keepers.get(info.position);
      const batch = kept === undefined ? bytes : rebuildBatch(bytes, kept);
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
      return removed;
    }
    await cleaned.promote();
    log.replaceSegment(seg, sizeBefore, cleaned);
    await seg.retire(false);
    await cleaned.writeIndexes();
    return removed;
  });
}

/** Same header, only `kept` records; null when none are left. */
function rebuildBatch(bytes: Buffer, kept: RecordView[] | null): Buffer | null {
  if (kept === null || kept.length === 0) return null;
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
