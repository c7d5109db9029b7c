// Records of the internal compacted topic `__transaction_state`, in Kafka's layouts (so compaction
// keeps the latest record per transactional id, and Kafka's tools could read them):
//   key   (TransactionLogKey v0):   int16 0 | string transactionalId
//   value (TransactionLogValue v0): int16 0 | int64 producerId | int16 producerEpoch |
//     int32 transactionTimeoutMs | int8 state | array (int32 count, -1 = null) of
//     { string topic | array int32 partitions } | int64 lastUpdateTimestampMs | int64 startTimestampMs
//     then Tideline's trailer, when the id has TV2 state to keep: int16 lastProducerEpoch |
//     int64 nextProducerId (a v0 reader stops before it: the layout up to there is Kafka's)
// A null value is a tombstone (the transactional id expired). Strings are int16 length + UTF-8.
// Pure functions: no I/O.

/** Kafka's transaction states, with the ids TransactionLogValue stores. */
export const TXN_STATES = ['Empty', 'Ongoing', 'PrepareCommit', 'PrepareAbort', 'CompleteCommit', 'CompleteAbort', 'Dead', 'PrepareEpochFence'] as const;
export type TxnState = typeof TXN_STATES[number];

export interface TxnPartition {
  topic: string;
  partition: number;
}

export interface TxnLogValue {
  producerId: bigint;
  producerEpoch: number;
  timeoutMs: number;
  state: TxnState;
  partitions: TxnPartition[];
  lastUpdateMs: number;
  /** -1 when no transaction is open. */
  startMs: number;
  /** The epoch before the last bump (TV2 EndTxn retries); -1 or absent when none. */
  lastProducerEpoch?: number;
  /** TV2: the producer id the id moves to when the transaction completes; -1 or absent when none. */
  nextProducerId?: bigint;
}

const KEY_VERSION = 0;
const VALUE_VERSION = 0;

function strBytes(s: string): Buffer {
  const body = Buffer.from(s, 'utf8');
  const b = Buffer.allocUnsafe(2 + body.length);
  b.writeInt16BE(body.length, 0);
  body.copy(b, 2);
  return b;
}

class Cursor {
  pos = 0;
  constructor(private readonly buf: Buffer) {}
  need(n: number): void {
    if (this.pos + n > this.buf.length) throw new RangeError('transaction log record truncated');
  }
  i8(): number { this.need(1); return this.buf.readInt8((this.pos += 1) - 1); }
  i16(): number { this.need(2); return this.buf.readInt16BE((this.pos += 2) - 2); }
  i32(): number { this.need(4); return this.buf.readInt32BE((this.pos += 4) - 4); }
  i64(): bigint { this.need(8); return this.buf.readBigInt64BE((this.pos += 8) - 8); }
  str(): string {
    const n = this.i16();
    if (n < 0) return '';
    this.need(n);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
}

export function encodeTxnKey(transactionalId: string): Buffer {
  const v = Buffer.allocUnsafe(2);
  v.writeInt16BE(KEY_VERSION, 0);
  return Buffer.concat([v, strBytes(transactionalId)]);
}

/** The transactional id, or undefined for a key version we do not know. */
export function decodeTxnKey(buf: Buffer): string | undefined {
  const c = new Cursor(buf);
  if (c.i16() !== KEY_VERSION) return undefined;
  return c.str();
}

export function encodeTxnValue(v: TxnLogValue): Buffer {
  const parts: Buffer[] = [];
  const head = Buffer.allocUnsafe(2 + 8 + 2 + 4 + 1);
  head.writeInt16BE(VALUE_VERSION, 0);
  head.writeBigInt64BE(v.producerId, 2);
  head.writeInt16BE(v.producerEpoch, 10);
  head.writeInt32BE(v.timeoutMs, 12);
  head.writeInt8(TXN_STATES.indexOf(v.state), 16);
  parts.push(head);
  const byTopic = new Map<string, number[]>();
  for (const p of v.partitions) {
    const list = byTopic.get(p.topic);
    if (list === undefined) byTopic.set(p.topic, [p.partition]);
    else list.push(p.partition);
  }
  const count = Buffer.allocUnsafe(4);
  count.writeInt32BE(byTopic.size, 0);
  parts.push(count);
  for (const [topic, ps] of byTopic) {
    parts.push(strBytes(topic));
    const arr = Buffer.allocUnsafe(4 + 4 * ps.length);
    arr.writeInt32BE(ps.length, 0);
    ps.forEach((p, i) => arr.writeInt32BE(p, 4 + 4 * i));
    parts.push(arr);
  }
  const tail = Buffer.allocUnsafe(16);
  tail.writeBigInt64BE(BigInt(v.lastUpdateMs), 0);
  tail.writeBigInt64BE(BigInt(v.startMs), 8);
  parts.push(tail);
  const lastEpoch = v.lastProducerEpoch ?? -1;
  const nextPid = v.nextProducerId ?? -1n;
  if (lastEpoch !== -1 || nextPid !== -1n) {
    const trailer = Buffer.allocUnsafe(10);
    trailer.writeInt16BE(lastEpoch, 0);
    trailer.writeBigInt64BE(nextPid, 2);
    parts.push(trailer);
  }
  return Buffer.concat(parts);
}

/** The value, or undefined for a value version we do not know. Throws RangeError on truncated bytes. */
export function decodeTxnValue(buf: Buffer): TxnLogValue | undefined {
  const c = new Cursor(buf);
  const version = c.i16();
  if (version !== VALUE_VERSION) return undefined;
  const producerId = c.i64();
  const producerEpoch = c.i16();
  const timeoutMs = c.i32();
  const stateId = c.i8();
  const state = TXN_STATES[stateId];
  if (state === undefined) throw new RangeError(`unknown transaction state ${stateId}`);
  const partitions: TxnPartition[] = [];
  const topics = c.i32();
  for (let t = 0; t < topics; t++) {
    const topic = c.str();
    const n = c.i32();
    if (n < 0 || n > buf.length) throw new RangeError(`bad partition count ${n}`);
    for (let i = 0; i < n; i++) partitions.push({ topic, partition: c.i32() });
  }
  const lastUpdateMs = Number(c.i64());
  const startMs = Number(c.i64());
  const out: TxnLogValue = { producerId, producerEpoch, timeoutMs, state, partitions, lastUpdateMs, startMs };
  if (c.pos + 10 <= buf.length) {
    out.lastProducerEpoch = c.i16();
    out.nextProducerId = c.i64();
  }
  return out;
}

/** Kafka's choice of transaction-state partition: abs(Java String.hashCode) % partitions. */
export function txnPartitionFor(transactionalId: string, partitions: number): number {
  let h = 0;
  for (let i = 0; i < transactionalId.length; i++) h = (Math.imul(h, 31) + transactionalId.charCodeAt(i)) | 0;
  const abs = h === -2147483648 ? 0 : Math.abs(h);
  return abs % partitions;
}
