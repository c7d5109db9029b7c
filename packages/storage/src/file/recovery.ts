// Opening a partition directory: find segments, load or rebuild indexes, validate and truncate a
// torn or corrupt tail. After an unclean shutdown every segment is scanned batch by batch (length,
// magic, CRC, offset order); after a clean one only the bytes past each segment's last index entry.
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BatchProblem } from '../batches.js';
import { Segment, type ScanOutcome } from './segment.js';

export const LOG_START_FILE = 'log-start-offset';

export interface RecoveryReport {
  /** True when segments were scanned in full because the last shutdown was not clean. */
  fullScan: boolean;
  /** Segments whose index files were missing or implausible and were rebuilt. */
  rebuiltIndexes: bigint[];
  /** Set when bytes were dropped: where, why, and how many. */
  truncated: { segment: bigint; position: number; droppedBytes: number; reason: BatchProblem | 'offset-order'; droppedSegments: bigint[] } | null;
}

export interface OpenedDir {
  segments: Segment[];
  logStartOffset: bigint;
  report: RecoveryReport;
  /** The partition directory did not exist: its entry in the data directory is not durable yet. */
  createdDir: boolean;
  /** The directory held no segment: the one in `segments` was just created empty (nothing recovered). */
  createdSegment: boolean;
}

const LOG_NAME = /^(\d{20})\.log$/;

export async function readLogStartOffset(dir: string): Promise<bigint> {
  try {
    const text = (await readFile(join(dir, LOG_START_FILE), 'utf8')).trim();
    return /^\d+$/.test(text) ? BigInt(text) : 0n;
  } catch {
    return 0n;
  }
}

async function scanFull(seg: Segment, fileSize: number, expectNext: bigint, interval: number, now: number): Promise<ScanOutcome> {
  seg.resetState();
  const outcome: ScanOutcome = { validEnd: 0, problem: null };
  let next = expectNext;
  for await (const { info } of seg.batches(0, fileSize, outcome)) {
    if (info.baseOffset < next || info.baseOffset < seg.baseOffset) {
      outcome.validEnd = info.position;
      outcome.problem = 'offset-order';
      break;
    }
    seg.record(info, interval, now);
    next = seg.nextOffset;
  }
  seg.size = outcome.validEnd;
  seg.markVerified(0, outcome.validEnd);
  return outcome;
}

export async function openPartitionDir(dir: string, clean: boolean, interval: number, now: number): Promise<OpenedDir> {
  const createdDir = (await mkdir(dir, { recursive: true })) !== undefined;
  const names = await readdir(dir);
  // Leftovers of an interrupted compaction or checkpoint write are never live data.
  for (const n of names) if (n.endsWith('.cleaned') || n.endsWith('.tmp')) await rm(join(dir, n), { force: true });
  const bases = names.flatMap((n) => {
    const m = LOG_NAME.exec(n);
    return m ? [BigInt(m[1]!)] : [];
  }).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const checkpoint = await readLogStartOffset(dir);
  const report: RecoveryReport = { fullScan: !clean, rebuiltIndexes: [], truncated: null };
  const segments: Segment[] = [];
  if (bases.length === 0) {
    segments.push(await Segment.create(dir, checkpoint, now));
    return { segments, logStartOffset: checkpoint, report, createdDir, createdSegment: true };
  }
  let expectNext = 0n;
  for (let i = 0; i < bases.length; i++) {
    const seg = await Segment.openExisting(dir, bases[i]!, now);
    const fileSize = (await stat(seg.path('.log'))).size;
    let outcome: ScanOutcome | null = null;
    if (clean && (await seg.loadIndexes(fileSize))) {
      outcome = await seg.resumeFromIndexes(fileSize, interval, now);
      // An index pointing into the middle of a batch looks like corruption: trust only a full scan.
      if (outcome.problem !== null) outcome = null;
    } else if (clean) {
      report.rebuiltIndexes.push(seg.baseOffset);
    }
    outcome ??= await scanFull(seg, fileSize, expectNext, interval, now);
    segments.push(seg);
    expectNext = seg.nextOffset;
    if (outcome.validEnd < fileSize) {
      // Kafka's rule: the log ends at the first bad batch; later segments go too.
      await seg.fh.truncate(outcome.validEnd);
      await seg.fh.datasync();
      const dropped = bases.slice(i + 1);
      for (const b of dropped) {
        const doomed = await Segment.openExisting(dir, b, now);
        await doomed.retire(true);
      }
      report.truncated = {
        segment: seg.baseOffset,
        position: outcome.validEnd,
        droppedBytes: fileSize - outcome.validEnd,
        reason: outcome.problem ?? 'truncated',
        droppedSegments: dropped,
      };
      break;
    }
  }
  const first = segments[0]!;
  const logStartOffset = checkpoint > first.baseOffset ? checkpoint : first.baseOffset;
  return { segments, logStartOffset, report, createdDir, createdSegment: false };
}
