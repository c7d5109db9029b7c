// The event as the read side sees it (projections, subscriptions, snapshots' tails), and the decoder
// hook from a Kafka record to it. The record format (key = stream id, headers for type, event id,
// stream version, schema version, metadata; value = the data as JSON) is the core's; this file reads
// it through `EventDecoder` so the read paths share one place where upcasting and decryption happen.
import type { ConsumerRecord } from '@tideline/client';
import { ReadSideError, ReadSideErrorCode } from './read-errors.js';

export interface ReadEvent<Data = unknown> {
  streamId: string;
  type: string;
  data: Data;
  eventId: string;
  /** The event's position in its stream. */
  streamVersion: bigint;
  /** The version of the event type's schema the data follows (after upcasting: the current one). */
  schemaVersion: number;
  metadata: Record<string, unknown>;
  /** Where the event sits in the global log. */
  topic: string;
  partition: number;
  offset: bigint;
  /** Append time, milliseconds since the epoch. */
  timestamp: bigint;
}

/** Turns a record of the event topic into an event; async so a decoder can fetch keys. */
export type EventDecoder = (record: ConsumerRecord) => ReadEvent | Promise<ReadEvent>;

/** Header names of the event record format. */
export const EventHeaders = {
  type: 'es-type',
  eventId: 'es-event-id',
  version: 'es-version',
  schemaVersion: 'es-schema-version',
  metadata: 'es-metadata',
} as const;

function header(r: ConsumerRecord, name: string): string | null {
  for (let i = r.headers.length - 1; i >= 0; i--) {
    const h = r.headers[i]!;
    if (h.key === name) return h.value === null ? null : h.value.toString('utf8');
  }
  return null;
}

/** Decodes the record format without transformation (no upcasting, no decryption). */
export function decodeEventRecord(r: ConsumerRecord): ReadEvent {
  const type = header(r, EventHeaders.type);
  const version = header(r, EventHeaders.version);
  if (r.key === null || type === null || version === null || r.value === null) {
    throw new ReadSideError(ReadSideErrorCode.MalformedEventRecord, `record ${r.topic}/${r.partition}@${r.offset} is not an event (key, ${EventHeaders.type}, ${EventHeaders.version} and a value are required)`);
  }
  let data: unknown;
  let metadata: Record<string, unknown> = {};
  try {
    data = JSON.parse(r.value.toString('utf8'));
    const m = header(r, EventHeaders.metadata);
    if (m !== null) metadata = JSON.parse(m) as Record<string, unknown>;
  } catch (e) {
    throw new ReadSideError(ReadSideErrorCode.MalformedEventRecord, `record ${r.topic}/${r.partition}@${r.offset}: value or metadata is not JSON`, { cause: e });
  }
  const sv = header(r, EventHeaders.schemaVersion);
  return {
    streamId: r.key.toString('utf8'),
    type,
    data,
    eventId: header(r, EventHeaders.eventId) ?? `${r.topic}/${r.partition}@${r.offset}`,
    streamVersion: BigInt(version),
    schemaVersion: sv === null ? 1 : Number(sv),
    metadata,
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    timestamp: r.timestamp,
  };
}

/** The record (key, value, headers) for an event; used by tests and tools that write the format. */
export function encodeEventRecord(e: { streamId: string; type: string; data: unknown; eventId: string; streamVersion: bigint | number; schemaVersion?: number; metadata?: Record<string, unknown> }): {
  key: string;
  value: string;
  headers: Record<string, string>;
} {
  const headers: Record<string, string> = {
    [EventHeaders.type]: e.type,
    [EventHeaders.eventId]: e.eventId,
    [EventHeaders.version]: String(e.streamVersion),
    [EventHeaders.schemaVersion]: String(e.schemaVersion ?? 1),
  };
  if (e.metadata !== undefined) headers[EventHeaders.metadata] = JSON.stringify(e.metadata);
  return { key: e.streamId, value: JSON.stringify(e.data), headers };
}
