// Testing helpers for projections, runnable without a broker: events are given as plain objects,
// positioned on a one-partition log in order, decoded through the same hooks as in production
// (upcasters, personal data) and handed to the read model in batches. `then` runs the assertions;
// every spec also re-delivers the whole log afterwards and checks the read model did not change
// (the checkpoint must make a redelivery a no-op: nothing applied twice).
import type { Event } from '@event-driven-io/emmett';
import { encodeEvents, type StoredRecord } from './codec.js';
import { recordDecoder, type EventDecoder } from './read-event.js';
import type { CheckpointTarget } from './projections/subscription.js';
import { DEFAULT_LIMITS, jsonSerde } from './types.js';

export interface GivenEvent {
  streamName: string;
  type: string;
  data: Record<string, unknown>;
  eventId?: string;
  /** The event's schema version (es-schema). Default 1. */
  schemaVersion?: number;
  metadata?: Record<string, unknown>;
}

/** Records of the event record format (the core's encoder) for `events` on one partition from offset `from`. */
export function eventRecords(events: readonly GivenEvent[], opts: { from?: bigint; now?: number } = {}): StoredRecord[] {
  const versions = new Map<string, bigint>();
  let offset = opts.from ?? 0n;
  const out: StoredRecord[] = [];
  for (const e of events) {
    const v = (versions.get(e.streamName) ?? 0n) + 1n;
    versions.set(e.streamName, v);
    const ev = { type: e.type, data: e.data, ...(e.metadata === undefined ? {} : { metadata: e.metadata }) } as Event;
    const [enc] = encodeEvents(e.streamName, [ev], [e.eventId ?? `${e.streamName}#${v}`], v, { schemaVersion: e.schemaVersion ?? 1 }, jsonSerde, DEFAULT_LIMITS);
    out.push({ partition: 0, offset: offset++, timestamp: BigInt(opts.now ?? Date.now()), key: enc!.key, value: enc!.value, headers: enc!.headers });
  }
  return out;
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
      const decode = opts.decode ?? recordDecoder();
      const records = eventRecords(all);
      const size = opts.batchSize ?? 3;
      const deliver = async (): Promise<void> => {
        for (let i = 0; i < records.length; i += size) {
          const slice = records.slice(i, i + size);
          const events = [];
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
