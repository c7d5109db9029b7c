// The producer's unit of work: the records bound for one partition, sent as one record batch.
// A batch keeps its encoded bytes and its base sequence across retries, so that a broker that
// already wrote it recognises the retry as a duplicate (idempotence).
import type { RecordInput } from '@tideline/protocol';
import type { KafkaError, ClientError } from '../errors.js';
import type { RecordMetadata } from './types.js';

/** One send() call: resolves when all its records are acknowledged. */
export class SendCall {
  readonly results: RecordMetadata[];
  private remaining: number;
  private done = false;
  constructor(count: number, private readonly resolve: (r: RecordMetadata[]) => void, private readonly reject: (e: unknown) => void) {
    this.results = new Array<RecordMetadata>(count);
    this.remaining = count;
    if (count === 0) this.finish();
  }
  complete(i: number, md: RecordMetadata): void {
    this.results[i] = md;
    if (--this.remaining === 0) this.finish();
  }
  fail(e: unknown): void {
    if (this.done) return;
    this.done = true;
    this.reject(e);
  }
  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.resolve(this.results);
  }
}

export class ProducerBatch {
  readonly records: RecordInput[] = [];
  readonly calls: SendCall[] = [];
  readonly indexes: number[] = [];
  size = 0;
  full = false;
  encoded: Buffer | null = null;
  baseSequence = -1;
  attempts = 0;
  retryAt = 0;
  lastError: KafkaError | ClientError | null = null;
  constructor(readonly topic: string, readonly partition: number, readonly createdAt: number) {}

  add(record: RecordInput, call: SendCall, index: number, size: number): void {
    this.records.push(record);
    this.calls.push(call);
    this.indexes.push(index);
    this.size += size;
  }

  succeed(baseOffset: bigint, logAppendTime: bigint): void {
    for (let i = 0; i < this.records.length; i++) {
      const offset = baseOffset < 0n ? -1n : baseOffset + BigInt(i);
      const timestamp = logAppendTime >= 0n ? logAppendTime : this.records[i]!.timestamp!;
      this.calls[i]!.complete(this.indexes[i]!, { topic: this.topic, partition: this.partition, offset, timestamp });
    }
  }

  fail(e: unknown): void {
    for (const c of this.calls) c.fail(e);
  }
}

/** Estimated encoded size of a record (upper bound; varints counted at 5 bytes). */
export function estimateSize(r: RecordInput): number {
  let n = 21 + (r.key?.length ?? 0) + (r.value?.length ?? 0);
  if (r.headers !== undefined) for (const h of r.headers) n += 10 + Buffer.byteLength(h.key) + (h.value?.length ?? 0);
  return n;
}
