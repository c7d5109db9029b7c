// Reading a whole internal log at start (committed offsets, transaction state, producer state).
// After a clean shutdown, sealed data is not rescanned, so a damaged batch is only found here, by
// the read's CRC check. It is skipped (one offset at a time, so a damaged header cannot make us
// skip more than its own batch) and reported, rather than keeping the broker from starting; what
// the batch held is lost, as a truncated tail would be.
import { batchSlices } from '@tideline/protocol';
import { StorageError, type PartitionLog } from '@tideline/storage';

export interface SkippedOffset {
  offset: bigint;
  reason: string;
}

/** The record buffers of `log` from `from` to `end`, in order, skipping corrupt batches. */
export async function* readForLoad(log: PartitionLog, from: bigint, end: bigint, chunkBytes: number, skipped: SkippedOffset[]): AsyncGenerator<Buffer> {
  let next = from;
  while (next < end) {
    let records: Buffer;
    try {
      records = (await log.read(next, chunkBytes, { maxOffset: end })).records;
    } catch (err) {
      if (!(err instanceof StorageError) || !err.corruptBatch) throw err;
      skipped.push({ offset: next, reason: err.message });
      next++;
      continue;
    }
    if (records.length === 0) return;
    let after = next;
    for (const { pos } of batchSlices(records)) {
      const last = records.readBigInt64BE(pos) + BigInt(records.readInt32BE(pos + 23)) + 1n;
      if (last > after) after = last;
    }
    yield records;
    if (after <= next) return;
    next = after;
  }
}
