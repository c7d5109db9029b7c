// What every store does the same way over two primitives (append checked records, read a stream's
// records by version range): Emmett's EventStore methods, input checks, event ids, up/downcasting.
import { randomUUID } from 'node:crypto';
import { upcastRecordedMessage, type AggregateStreamOptions, type AggregateStreamResult, type Event, type ReadStreamResult } from '@event-driven-io/emmett';
import { decodeEvent, type StoredRecord } from './codec.js';
import { EventStoreError } from './errors.js';
import type { AppendOptions, AppendResult, EventSerde, ReadOptions, StoreLimits, SubscribeOptions, SubscriptionBatch, TidelineEventStore, TidelineReadEvent, TidelineReadEventMetadata } from './types.js';
import { checkExpected, expectedFrom, normalizeExpected, validateEvents, validateReadRange, validateStreamName, type NormalExpected } from './validate.js';

/** A validated append, ready for the writer. */
export interface AppendCommand {
  streamName: string;
  events: Event[];
  ids: string[];
  expected: NormalExpected;
  opts: AppendOptions | undefined;
}

export abstract class BaseEventStore implements TidelineEventStore {
  constructor(
    protected readonly serde: EventSerde,
    protected readonly limits: StoreLimits,
  ) {}

  /** Checks the version, writes, and returns the result; throws ExpectedVersionConflict with nothing written. */
  protected abstract appendChecked(cmd: AppendCommand): Promise<AppendResult>;
  /** The stream's version and its records with versions in [from, to]. */
  protected abstract readRecords(streamName: string, from: bigint, to: bigint): Promise<{ version: bigint; records: StoredRecord[] }>;
  abstract subscribe<E extends Event = Event>(opts?: SubscribeOptions): AsyncIterable<SubscriptionBatch<E>>;
  abstract partitionCount(): Promise<number>;
  abstract close(): Promise<void>;

  async appendToStream<EventType extends Event, EventPayloadType extends Event = EventType>(streamName: string, events: EventType[], options?: AppendOptions<EventType, EventPayloadType>): Promise<AppendResult> {
    validateStreamName(streamName, this.limits);
    validateEvents(events, options as AppendOptions | undefined, this.limits);
    const expected = expectedFrom(options as AppendOptions | undefined);
    const downcast = options?.schema?.versioning?.downcast;
    const stored: Event[] = downcast === undefined ? events : events.map((e) => downcast(e));
    const ids = options?.eventIds !== undefined ? [...options.eventIds] : events.map(() => randomUUID());
    return this.appendChecked({ streamName, events: stored, ids, expected, opts: options as AppendOptions | undefined });
  }

  async readStream<EventType extends Event, EventPayloadType extends Event = EventType>(streamName: string, options?: ReadOptions<EventType, EventPayloadType>): Promise<ReadStreamResult<EventType, TidelineReadEventMetadata>> {
    validateStreamName(streamName, this.limits);
    validateReadRange(options?.from, options?.to, options?.maxCount);
    const from = options?.from === undefined ? 1n : BigInt(options.from) < 1n ? 1n : BigInt(options.from);
    let to = options?.to === undefined ? 2n ** 53n : BigInt(options.to);
    if (options?.maxCount !== undefined) {
      const byCount = from + BigInt(options.maxCount) - 1n;
      if (byCount < to) to = byCount;
    }
    const { version, records } = await this.readRecords(streamName, from, to);
    if (options?.expectedStreamVersion !== undefined) checkExpected(streamName, version, normalizeExpected(options.expectedStreamVersion));
    const upcast = options?.schema?.versioning;
    const events = records.map((r) => {
      const e = decodeEvent<EventPayloadType>(r, this.serde);
      return (upcast?.upcast === undefined ? e : upcastRecordedMessage<EventType, EventPayloadType, TidelineReadEventMetadata>(e, upcast)) as unknown as TidelineReadEvent<EventType>;
    });
    return { currentStreamVersion: version, events: events as ReadStreamResult<EventType, TidelineReadEventMetadata>['events'], streamExists: version > 0n };
  }

  async aggregateStream<State, EventType extends Event, EventPayloadType extends Event = EventType>(streamName: string, options: AggregateStreamOptions<State, EventType, TidelineReadEventMetadata, EventPayloadType>): Promise<AggregateStreamResult<State, bigint>> {
    if (typeof options?.evolve !== 'function' || typeof options.initialState !== 'function') throw new EventStoreError('INVALID_EVENT', 'aggregateStream needs evolve and initialState functions');
    const r = await this.readStream<EventType, EventPayloadType>(streamName, options.read);
    const evolve = options.evolve as (s: State, e: TidelineReadEvent<EventType>) => State;
    let state = options.initialState();
    for (const e of r.events) state = evolve(state, e as TidelineReadEvent<EventType>);
    return { currentStreamVersion: r.currentStreamVersion, state, streamExists: r.streamExists };
  }

  async streamExists(streamName: string): Promise<boolean> {
    validateStreamName(streamName, this.limits);
    const { version } = await this.readRecords(streamName, 1n, 0n);
    return version > 0n;
  }
}
