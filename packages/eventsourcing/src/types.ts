// The shared vocabulary of @tideline/eventsourcing: the event record on the Kafka event topic,
// positions and checkpoints, the store interface (Emmett's EventStore plus subscriptions) and the
// options the store accepts. Projections, snapshots and upcasters build on these types only.
//
// ## The event record on the event topic
// - key: the stream id (UTF-8). The partition is Kafka's default for the key (murmur2 % partitions),
//   so every event of a stream lands in one partition, in stream order.
// - value: the event's `data`, encoded by the store's serde (JSON by default).
// - headers (all UTF-8 strings; the names are the `H` constants below):
//   es-type, es-id, es-version (the event's stream position, 1-based, decimal), es-schema (the
//   event's schema version, default 1), content-type (the serde's), and when given es-correlation,
//   es-causation, es-tenant, es-metadata (any further metadata as JSON).
// - position: the record's partition and offset. Emmett's `globalPosition` is a bigint; ours packs
//   partition and offset into one (`encodeGlobalPosition`), which orders events within a partition
//   as the log does; there is no total order across partitions (Kafka has none), so subscriptions
//   checkpoint per partition (`Checkpoint`).
import type {
  AppendToStreamOptions,
  AppendToStreamResultWithGlobalPosition,
  DefaultRecord,
  Event,
  EventStore,
  ExpectedStreamVersion,
  ReadEvent,
  ReadEventMetadataWithGlobalPosition,
  ReadStreamOptions,
} from '@event-driven-io/emmett';

/** Header names on the event topic. */
export const H = {
  type: 'es-type',
  id: 'es-id',
  version: 'es-version',
  schema: 'es-schema',
  correlation: 'es-correlation',
  causation: 'es-causation',
  tenant: 'es-tenant',
  metadata: 'es-metadata',
  contentType: 'content-type',
} as const;

/** Where an event sits in Kafka. */
export interface EventPosition {
  partition: number;
  offset: bigint;
}

const OFFSET_BITS = 48n;
const OFFSET_MASK = (1n << OFFSET_BITS) - 1n;

/** Packs a partition and an offset into Emmett's bigint global position. */
export function encodeGlobalPosition(partition: number, offset: bigint): bigint {
  return (BigInt(partition) << OFFSET_BITS) | (offset & OFFSET_MASK);
}

export function decodeGlobalPosition(globalPosition: bigint): EventPosition {
  return { partition: Number(globalPosition >> OFFSET_BITS), offset: globalPosition & OFFSET_MASK };
}

/**
 * Metadata of an event read from the store: Emmett's (messageId = the event id, streamName,
 * streamPosition, globalPosition) plus ours.
 */
export type TidelineReadEventMetadata = ReadEventMetadataWithGlobalPosition<bigint> & {
  readonly partition: number;
  readonly offset: bigint;
  /** Milliseconds since the epoch (the record's timestamp). */
  readonly timestamp: number;
  readonly schemaVersion: number;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly tenant?: string;
};

export type TidelineReadEvent<E extends Event = Event> = ReadEvent<E, TidelineReadEventMetadata>;

/**
 * The expected version of a stream before an append: a version (the number of events in the
 * stream; 0 = empty), Emmett's STREAM_DOES_NOT_EXIST / STREAM_EXISTS / NO_CONCURRENCY_CHECK, or
 * the KurrentDB-style names 'no_stream' / 'stream_exists' / 'any'.
 */
export type ExpectedVersion = ExpectedStreamVersion<bigint> | number | 'no_stream' | 'stream_exists' | 'any';

/** Metadata an appender may attach to every event of an append (beyond Emmett's). */
export interface AppendMetadata {
  correlationId?: string;
  causationId?: string;
  tenant?: string;
}

/**
 * Options of appendToStream: Emmett's (`expectedStreamVersion`, `schema`) plus ours.
 * `expectedVersion` is an alias of `expectedStreamVersion` (use one).
 */
export type AppendOptions<E extends Event = Event, P extends Event = E> = AppendToStreamOptions<bigint, E, P> & {
  expectedVersion?: ExpectedVersion;
  /** Event ids, one per event; default: a fresh UUID each. An append retried with the same ids is a no-op that returns the first result. */
  eventIds?: readonly string[];
  /** A command id: a second append carrying the same command id on the same stream is a no-op that returns the first result. */
  commandId?: string;
  /** Schema version written in es-schema for every event of this append. Default 1. */
  schemaVersion?: number;
} & AppendMetadata;

export type AppendResult = AppendToStreamResultWithGlobalPosition<bigint, bigint> & {
  /** True when the append was recognised as a retry (same event ids or command id) and nothing was written. */
  deduplicated: boolean;
};

export type ReadOptions<E extends Event = Event, P extends Event = E> = ReadStreamOptions<bigint, E, P>;

/** Per partition of the event topic, the next offset to read. JSON-safe form: `checkpointToString`. */
export type Checkpoint = Readonly<Record<number, bigint>>;

export function checkpointToString(c: Checkpoint): string {
  return Object.entries(c)
    .map(([p, o]) => `${p}:${o.toString()}`)
    .join(',');
}

export function parseCheckpoint(s: string): Checkpoint {
  const out: Record<number, bigint> = {};
  if (s === '') return out;
  for (const part of s.split(',')) {
    const [p, o] = part.split(':');
    if (p === undefined || o === undefined || !/^\d+$/.test(p) || !/^\d+$/.test(o)) throw new TypeError(`bad checkpoint part '${part}'`);
    out[Number(p)] = BigInt(o);
  }
  return out;
}

export interface SubscribeOptions {
  /** Where to start: a checkpoint (partitions absent from it start at the beginning), 'earliest' (default) or 'latest'. */
  from?: Checkpoint | 'earliest' | 'latest';
  /** Only events of streams in these categories (the stream id's prefix before the first '-'). */
  categories?: readonly string[];
  /** Only these partitions of the event topic (default: all). */
  partitions?: readonly number[];
  /** Stops the iteration. */
  signal?: AbortSignal;
}

/** A batch of committed events from one partition, and the checkpoint after it (the next offsets to read). */
export interface SubscriptionBatch<E extends Event = Event> {
  partition: number;
  events: TidelineReadEvent<E>[];
  /** The position after this batch: store it with the batch's effects. Covers skipped (filtered) records too. */
  checkpoint: Checkpoint;
}

/** Reading the global log (all streams, or some categories) in order per partition, from a checkpoint. */
export interface EventSubscriber {
  subscribe<E extends Event = Event>(opts?: SubscribeOptions): AsyncIterable<SubscriptionBatch<E>>;
  /** The number of partitions of the event topic. */
  partitionCount(): Promise<number>;
}

/** Emmett's EventStore with our metadata, plus subscriptions and close(). */
export interface TidelineEventStore extends EventStore<TidelineReadEventMetadata>, EventSubscriber {
  close(): Promise<void>;
}

/** Encodes event data into record values and back. */
export interface EventSerde {
  /** Written in the content-type header. */
  readonly contentType: string;
  serialize(type: string, data: DefaultRecord): Buffer;
  deserialize(type: string, bytes: Buffer): DefaultRecord;
}

export const jsonSerde: EventSerde = {
  contentType: 'application/json',
  serialize: (_type, data) => Buffer.from(JSON.stringify(data)),
  deserialize: (_type, bytes) => JSON.parse(bytes.toString('utf8')) as DefaultRecord,
};

/** Limits applied to every append before anything is written. */
export interface StoreLimits {
  /** Longest stream id in UTF-8 bytes. Default 512. */
  maxStreamIdBytes: number;
  /** Largest encoded event (value plus headers). Default 900 KiB (under Kafka's 1 MiB default). */
  maxEventBytes: number;
  /** Most events in one append. Default 1000. */
  maxEventsPerAppend: number;
}

export const DEFAULT_LIMITS: StoreLimits = { maxStreamIdBytes: 512, maxEventBytes: 900 * 1024, maxEventsPerAppend: 1000 };

/** The category of a stream: the part of its id before the first '-' (Emmett / EventStoreDB), or the whole id. */
export function categoryOf(streamName: string): string {
  const i = streamName.indexOf('-');
  return i < 0 ? streamName : streamName.slice(0, i);
}

/** Topic names of a store called `name`. */
export interface StoreTopics {
  /** The events (the log), keyed by stream id. */
  events: string;
  /** Append requests to the partition owners, keyed by stream id (same partition count as events). */
  requests: string;
  /** Answers to append requests. */
  replies: string;
  /** The owners' state (stream versions, index of stream → offsets, dedup windows), compacted, keyed by stream id. */
  changelog: string;
}

export function storeTopics(name: string): StoreTopics {
  return { events: `${name}.events`, requests: `${name}.append-requests`, replies: `${name}.append-replies`, changelog: `${name}.index-changelog` };
}
