// Turns a Fetch partition's records field into consumer records: complete batches only, control
// batches skipped, and with read_committed the batches of aborted transactions dropped (using
// the response's abortedTransactions list and the abort markers).
import { Attr, batchSlices, iterateBatches, isControl, isTransactional, Off, type DecodedBatch } from '@tideline/protocol';
import type { ConsumerRecord } from './types.js';

export interface AbortedTxn {
  producerId: bigint;
  firstOffset: bigint;
}

/** Decodes records at or after `from`; returns them and the offset after the last complete batch. */
export function decodePartitionRecords(
  topic: string,
  partition: number,
  data: Buffer,
  from: bigint,
  aborted: readonly AbortedTxn[] | null,
): { records: ConsumerRecord[]; nextOffset: bigint } {
  const records: ConsumerRecord[] = [];
  let nextOffset = from;
  const pendingAborts = aborted === null ? [] : [...aborted].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0));
  const active = new Set<bigint>();
  for (const batch of iterateBatches(data) as Iterable<DecodedBatch>) {
    const h = batch.header;
    const last = h.baseOffset + BigInt(h.lastOffsetDelta);
    if (last < from) continue;
    nextOffset = last + 1n;
    while (pendingAborts.length > 0 && pendingAborts[0]!.firstOffset <= last) active.add(pendingAborts.shift()!.producerId);
    const transactional = isTransactional(h.attributes);
    if (isControl(h.attributes)) {
      // An abort (type 0) or commit marker ends the producer's transaction either way.
      if (transactional) active.delete(h.producerId);
      continue;
    }
    if (transactional && active.has(h.producerId)) continue;
    for (const r of batch.records) {
      if (r.offset < from) continue;
      records.push({ topic, partition, offset: r.offset, timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers });
    }
  }
  return { records, nextOffset };
}

/**
 * From the batch headers only (no CRC check, no decoding): the offset after the last complete
 * batch at or after `from` (as decodePartitionRecords returns it), and how many records the data
 * batches among them hold (control batches not counted; aborted ones are).
 */
export function scanPartitionRecords(data: Buffer, from: bigint): { nextOffset: bigint; count: number } {
  let nextOffset = from;
  let count = 0;
  for (const { pos } of batchSlices(data)) {
    const last = data.readBigInt64BE(pos + Off.baseOffset) + BigInt(data.readInt32BE(pos + Off.lastOffsetDelta));
    if (last < from) continue;
    nextOffset = last + 1n;
    if ((data.readInt16BE(pos + Off.attributes) & Attr.control) === 0) count += Math.max(0, data.readInt32BE(pos + Off.recordsCount));
  }
  return { nextOffset, count };
}
