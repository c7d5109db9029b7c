// Reading records for the API: the JSON form of a record (bytes as base64, capped for display),
// and readRange, which reads [from, to) of some partitions with @tideline/client's Consumer
// (assigned, no group, nothing committed) and stops when every partition has reached its end.
import { Consumer, type ClusterOptions, type ConsumerBatch, type ConsumerRecord } from '@tideline/client';
import type { DecodedJson, RecordDecoder } from './registry.js';

export interface BytesJson {
  /** Full size in bytes. */
  size: number;
  /** The first bytes (all of them unless `truncated`), base64. */
  base64: string;
  truncated: boolean;
}

export interface RecordJson {
  topic: string;
  partition: number;
  /** Decimal string: offsets do not fit a double. */
  offset: string;
  /** Milliseconds since the epoch. */
  timestamp: number;
  key: BytesJson | null;
  value: BytesJson | null;
  headers: Array<{ key: string; value: BytesJson | null }>;
  /** Key/value decoded through the schema registry (present only for those in Confluent's wire format). */
  decoded?: { key?: DecodedJson; value?: DecodedJson };
}

export function bytesJson(b: Uint8Array | Buffer | null, max: number): BytesJson | null {
  if (b === null) return null;
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  const truncated = buf.length > max;
  return { size: buf.length, base64: (truncated ? buf.subarray(0, max) : buf).toString('base64'), truncated };
}

export function recordJson(r: ConsumerRecord, max: number, decoder?: RecordDecoder | null): RecordJson {
  const out: RecordJson = {
    topic: r.topic,
    partition: r.partition,
    offset: r.offset.toString(),
    timestamp: Number(r.timestamp),
    key: bytesJson(r.key, max),
    value: bytesJson(r.value, max),
    headers: r.headers.map((h) => ({ key: h.key, value: bytesJson(h.value, max) })),
  };
  if (decoder !== undefined && decoder !== null) {
    const key = decoder.decode(r, 'key');
    const value = decoder.decode(r, 'value');
    if (key !== undefined || value !== undefined) out.decoded = { ...(key !== undefined ? { key } : {}), ...(value !== undefined ? { value } : {}) };
  }
  return out;
}

export interface PartitionRange {
  topic: string;
  partition: number;
  /** First offset to read. */
  from: bigint;
  /** Stop before this offset (the high watermark when the read began). */
  to: bigint;
}

export interface ReadRangeOptions {
  cluster: ClusterOptions;
  ranges: readonly PartitionRange[];
  signal: AbortSignal;
  /** Per partition per fetch. Default 1 MiB. */
  maxPartitionBytes?: number;
  /**
   * Called for each fetched batch with its records inside the range; return false to stop
   * reading that partition (e.g. enough records), 'stop' to stop everything.
   */
  onRecords(records: readonly ConsumerRecord[], range: PartitionRange): boolean | 'stop' | Promise<boolean | 'stop'>;
}

/** Reads the ranges to their ends (or until stopped or aborted); resolves with why it ended. */
export async function readRange(o: ReadRangeOptions): Promise<'end' | 'stopped' | 'aborted'> {
  const ranges = o.ranges.filter((r) => r.from < r.to);
  if (ranges.length === 0) return 'end';
  if (o.signal.aborted) return 'aborted';
  const consumer = new Consumer({
    ...o.cluster,
    autoCommit: false,
    // Callers clamp ranges to the watermarks; should the log start move past `from` meanwhile,
    // 'latest' ends the read (position >= to) instead of re-reading from the start forever.
    autoOffsetReset: 'latest',
    maxWaitMs: 100,
    maxPartitionBytes: o.maxPartitionBytes ?? 1 << 20,
  });
  const open = new Map<string, PartitionRange>(ranges.map((r) => [`${r.topic}\0${r.partition}`, r]));
  let why: 'end' | 'stopped' | 'aborted' = 'end';
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => (closing ??= consumer.close().catch(() => undefined));
  const finish = (key: string, r: PartitionRange): void => {
    open.delete(key);
    consumer.pause([{ topic: r.topic, partition: r.partition }]);
  };
  // A partition whose last offsets are transaction markers yields no record at the end: its
  // position passing `to` ends it. Checked on a timer too, since no batch may come.
  const sweep = (): void => {
    for (const [k, r] of open) {
      const pos = consumer.position({ topic: r.topic, partition: r.partition });
      if (pos !== null && pos >= r.to) finish(k, r);
    }
    if (open.size === 0) void close();
  };
  const timer = setInterval(sweep, 200);
  const onAbort = (): void => {
    why = 'aborted';
    void close();
  };
  o.signal.addEventListener('abort', onAbort, { once: true });
  try {
    consumer.assign(ranges.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.from })));
    for await (const batch of consumer.batches() as AsyncIterable<ConsumerBatch>) {
      if (o.signal.aborted) break;
      const key = `${batch.topic}\0${batch.partition}`;
      const r = open.get(key);
      if (r === undefined) continue;
      let recs = batch.records;
      const last = recs.length === 0 ? -1n : recs[recs.length - 1]!.offset;
      if (last >= r.to || (recs.length > 0 && recs[0]!.offset < r.from)) recs = recs.filter((x) => x.offset >= r.from && x.offset < r.to);
      const more = recs.length === 0 ? true : await o.onRecords(recs, r);
      if (more === 'stop') {
        why = 'stopped';
        break;
      }
      if (more === false || last + 1n >= r.to) finish(key, r);
      sweep();
      if (open.size === 0) break;
    }
  } finally {
    clearInterval(timer);
    o.signal.removeEventListener('abort', onAbort);
    await close();
  }
  return why;
}
