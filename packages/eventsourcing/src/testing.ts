// Testing helpers for projections, runnable without a broker: events are given as plain objects,
// positioned on a one-partition log in order, decoded through the same hooks as in production
// (upcasters, personal data) and handed to the read model in batches. `then` runs the assertions;
// every spec also re-delivers the whole log afterwards and checks the read model did not change
// (the checkpoint must make a redelivery a no-op: nothing applied twice).
import type { ConsumerRecord } from '@tideline/client';
import { decodeEventRecord, encodeEventRecord, type EventDecoder, type ReadEvent } from './read-event.js';
import type { CheckpointTarget } from './projections/subscription.js';

export interface GivenEvent {
  streamId: string;
  type: string;
  data: unknown;
  eventId?: string;
  streamVersion?: bigint | number;
  schemaVersion?: number;
  metadata?: Record<string, unknown>;
}

/** Records of the event record format for `events` on `topic`/0 from offset `from`. */
export function eventRecords(events: readonly GivenEvent[], opts: { topic?: string; from?: bigint; now?: number } = {}): ConsumerRecord[] {
  const versions = new Map<string, bigint>();
  const topic = opts.topic ?? 'events';
  let offset = opts.from ?? 0n;
  return events.map((e) => {
    const v = e.streamVersion !== undefined ? BigInt(e.streamVersion) : (versions.get(e.streamId) ?? 0n) + 1n;
    versions.set(e.streamId, v);
    const enc = encodeEventRecord({ ...e, eventId: e.eventId ?? `${e.streamId}#${v}`, streamVersion: v });
    const o = offset++;
    return {
      topic,
      partition: 0,
      offset: o,
      timestamp: BigInt(opts.now ?? Date.now()),
      key: Buffer.from(enc.key),
      value: Buffer.from(enc.value),
      headers: Object.entries(enc.headers).map(([key, value]) => ({ key, value: Buffer.from(value) })),
    };
  });
}

export interface ProjectionSpecOptions {
  decode?: EventDecoder;
  /** Events per batch (default 3, so batch boundaries are exercised). */
  batchSize?: number;
  topic?: string;
}

export interface ProjectionSpec {
  given(events: readonly GivenEvent[]): ProjectionSpec;
  when(events: readonly GivenEvent[]): ProjectionSpec;
  then(check: () => void | Promise<void>): Promise<void>;
}

export function projectionSpec(target: CheckpointTarget & { init?(): void | Promise<void> }, opts: ProjectionSpecOptions = {}): ProjectionSpec {
  const all: GivenEvent[] = [];
  const spec: ProjectionSpec = {
    given(events) {
      all.push(...events);
      return spec;
    },
    when(events) {
      all.push(...events);
      return spec;
    },
    async then(check) {
      await target.init?.();
      const topic = opts.topic ?? 'events';
      const decode = opts.decode ?? decodeEventRecord;
      const records = eventRecords(all, { topic });
      const size = opts.batchSize ?? 3;
      const deliver = async (): Promise<void> => {
        for (let i = 0; i < records.length; i += size) {
          const slice = records.slice(i, i + size);
          const events: ReadEvent[] = [];
          for (const r of slice) events.push(await decode(r));
          await target.handle({ topic, partition: 0, events, nextOffset: slice[slice.length - 1]!.offset + 1n });
        }
      };
      await deliver();
      await check();
      await deliver(); // a redelivery after a crash: the checkpoint must skip everything
      await check();
    },
  };
  return spec;
}
