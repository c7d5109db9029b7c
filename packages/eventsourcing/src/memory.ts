// The in-memory store: the same record format, partitioning, version checks, index and dedup as
// the Kafka store, in one process. For tests (given/when/then without a broker) and as the model
// the Kafka store is compared against.
import type { Event } from '@event-driven-io/emmett';
import { partitionForKey } from '@tideline/protocol';
import { BaseEventStore, type AppendCommand } from './base.js';
import { categoryOf, DEFAULT_LIMITS, encodeGlobalPosition, jsonSerde, type AppendResult, type Checkpoint, type EventSerde, type StoreLimits, type SubscribeOptions, type SubscriptionBatch, type TidelineReadEvent } from './types.js';
import { decodeEvent, encodeEvents, streamOf, type StoredRecord } from './codec.js';
import { applyAppend, emptyStream, findDuplicate, offsetsOf, type StreamState } from './state.js';
import { checkExpected } from './validate.js';
import { EventStoreError } from './errors.js';

export interface InMemoryStoreOptions {
  /** Partitions of the simulated event topic. Default 4. */
  partitions?: number;
  serde?: EventSerde;
  limits?: Partial<StoreLimits>;
}

export class InMemoryTidelineEventStore extends BaseEventStore {
  private readonly logs: StoredRecord[][];
  private readonly streams = new Map<string, StreamState>();
  private waiters: Array<() => void> = [];
  private closed = false;
  /** Records handed out by readStream (the Kafka store counts the same way): proves reads do not scan. */
  recordsRead = 0;

  constructor(opts: InMemoryStoreOptions = {}) {
    super(opts.serde ?? jsonSerde, { ...DEFAULT_LIMITS, ...opts.limits });
    const n = opts.partitions ?? 4;
    this.logs = Array.from({ length: n }, () => []);
  }

  partitionOf(streamName: string): number {
    return partitionForKey(Buffer.from(streamName), this.logs.length);
  }

  protected appendChecked(cmd: AppendCommand): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreError('CLOSED', 'store closed'));
    const p = this.partitionOf(cmd.streamName);
    const s = this.streams.get(cmd.streamName) ?? emptyStream();
    const dup = findDuplicate(s, cmd.ids, cmd.opts?.commandId);
    if (dup !== undefined) {
      return Promise.resolve({ nextExpectedStreamVersion: BigInt(dup.next), createdNewStream: dup.created, lastEventGlobalPosition: encodeGlobalPosition(p, BigInt(dup.lastOffset)), deduplicated: true });
    }
    checkExpected(cmd.streamName, BigInt(s.version), cmd.expected);
    const encoded = encodeEvents(cmd.streamName, cmd.events, cmd.ids, BigInt(s.version + 1), cmd.opts, this.serde, this.limits);
    const log = this.logs[p]!;
    const first = log.length;
    const now = BigInt(Date.now());
    for (const e of encoded) log.push({ partition: p, offset: BigInt(log.length), timestamp: now, key: e.key, value: e.value, headers: e.headers });
    const r = applyAppend(s, cmd.ids, cmd.opts?.commandId, first, encoded.length);
    this.streams.set(cmd.streamName, s);
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
    return Promise.resolve({ nextExpectedStreamVersion: BigInt(r.next), createdNewStream: r.created, lastEventGlobalPosition: encodeGlobalPosition(p, BigInt(r.lastOffset)), deduplicated: false });
  }

  protected readRecords(streamName: string, from: bigint, to: bigint): Promise<{ version: bigint; records: StoredRecord[] }> {
    const s = this.streams.get(streamName);
    if (s === undefined) return Promise.resolve({ version: 0n, records: [] });
    const log = this.logs[this.partitionOf(streamName)]!;
    const records: StoredRecord[] = [];
    if (from <= to) {
      for (const [off, n] of offsetsOf(s, Number(from), Number(to))) for (let i = 0; i < n; i++) records.push(log[off + i]!);
    }
    this.recordsRead += records.length;
    return Promise.resolve({ version: BigInt(s.version), records });
  }

  partitionCount(): Promise<number> {
    return Promise.resolve(this.logs.length);
  }

  async *subscribe<E extends Event = Event>(opts: SubscribeOptions = {}): AsyncIterable<SubscriptionBatch<E>> {
    const parts = opts.partitions ?? this.logs.map((_, i) => i);
    const pos: Record<number, bigint> = {};
    for (const p of parts) {
      const f = opts.from;
      pos[p] = f === undefined || f === 'earliest' ? 0n : f === 'latest' ? BigInt(this.logs[p]!.length) : (f[p] ?? 0n);
    }
    const cats = opts.categories === undefined ? null : new Set(opts.categories);
    while (!this.closed && opts.signal?.aborted !== true) {
      let any = false;
      for (const p of parts) {
        const log = this.logs[p]!;
        const start = Number(pos[p]!);
        if (start >= log.length) continue;
        any = true;
        const recs = log.slice(start, start + 500);
        pos[p] = BigInt(start + recs.length);
        const events = recs.filter((r) => cats === null || cats.has(categoryOf(streamOf(r)))).map((r) => decodeEvent<E>(r, this.serde) as TidelineReadEvent<E>);
        const checkpoint: Checkpoint = { ...pos };
        yield { partition: p, events, checkpoint };
      }
      if (!any) {
        await new Promise<void>((resolve) => {
          this.waiters.push(resolve);
          opts.signal?.addEventListener('abort', () => resolve(), { once: true });
        });
      }
    }
  }

  close(): Promise<void> {
    this.closed = true;
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
    return Promise.resolve();
  }
}

export function getTidelineInMemoryEventStore(opts: InMemoryStoreOptions = {}): InMemoryTidelineEventStore {
  return new InMemoryTidelineEventStore(opts);
}
