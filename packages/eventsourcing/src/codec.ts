// Events to Kafka records and back (the record format is described in types.ts).
import type { Event } from '@event-driven-io/emmett';
import { EventStoreError } from './errors.js';
import { H, encodeGlobalPosition, type AppendOptions, type EventSerde, type StoreLimits, type TidelineReadEvent, type TidelineReadEventMetadata } from './types.js';

export interface EncodedEvent {
  key: Buffer;
  value: Buffer;
  headers: Array<{ key: string; value: Buffer }>;
}

/** What is read back from the log (a ConsumerRecord has these fields). */
export interface StoredRecord {
  partition: number;
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: ReadonlyArray<{ key: string; value: Buffer | null }>;
}

const RESERVED_META = new Set(['messageId', 'eventId', 'streamName', 'streamPosition', 'globalPosition', 'partition', 'offset', 'timestamp', 'schemaVersion', 'correlationId', 'causationId', 'tenant']);

/** Encodes an append's events at stream positions firstVersion.. ; enforces the size limit per event. */
export function encodeEvents(streamName: string, events: readonly Event[], ids: readonly string[], firstVersion: bigint, opts: AppendOptions | undefined, serde: EventSerde, limits: StoreLimits): EncodedEvent[] {
  const key = Buffer.from(streamName);
  const out: EncodedEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    let value: Buffer;
    try {
      value = serde.serialize(e.type, e.data);
    } catch (cause) {
      throw new EventStoreError('INVALID_EVENT', `event '${e.type}' could not be serialized`, { cause });
    }
    const meta = (e as { metadata?: Record<string, unknown> }).metadata ?? {};
    const s = (k: string): string | undefined => (typeof meta[k] === 'string' ? (meta[k] as string) : undefined);
    const headers: EncodedEvent['headers'] = [
      { key: H.type, value: Buffer.from(e.type) },
      { key: H.id, value: Buffer.from(ids[i]!) },
      { key: H.version, value: Buffer.from((firstVersion + BigInt(i)).toString()) },
      { key: H.schema, value: Buffer.from(String(opts?.schemaVersion ?? 1)) },
      { key: H.contentType, value: Buffer.from(serde.contentType) },
    ];
    const correlation = opts?.correlationId ?? s('correlationId');
    const causation = opts?.causationId ?? s('causationId');
    const tenant = opts?.tenant ?? s('tenant');
    if (correlation !== undefined) headers.push({ key: H.correlation, value: Buffer.from(correlation) });
    if (causation !== undefined) headers.push({ key: H.causation, value: Buffer.from(causation) });
    if (tenant !== undefined) headers.push({ key: H.tenant, value: Buffer.from(tenant) });
    const rest: Record<string, unknown> = {};
    let n = 0;
    for (const [k, v] of Object.entries(meta)) {
      if (RESERVED_META.has(k)) continue;
      rest[k] = v;
      n++;
    }
    if (n > 0) {
      try {
        headers.push({ key: H.metadata, value: Buffer.from(JSON.stringify(rest)) });
      } catch (cause) {
        throw new EventStoreError('INVALID_EVENT', `event '${e.type}': metadata is not JSON`, { cause });
      }
    }
    let size = key.length + value.length;
    for (const h of headers) size += h.key.length + h.value.length + 8;
    if (size > limits.maxEventBytes) throw new EventStoreError('EVENT_TOO_LARGE', `event '${e.type}' is ${size} bytes encoded; the limit is ${limits.maxEventBytes}`);
    out.push({ key, value, headers });
  }
  return out;
}

export function header(r: StoredRecord, name: string): string | undefined {
  for (const h of r.headers) if (h.key === name && h.value !== null) return h.value.toString('utf8');
  return undefined;
}

/** True when the record is an event of this store (has the type, id and version headers). */
export function isEventRecord(r: StoredRecord): boolean {
  return r.key !== null && header(r, H.type) !== undefined && header(r, H.version) !== undefined;
}

export function streamOf(r: StoredRecord): string {
  return r.key === null ? '' : r.key.toString('utf8');
}

export function versionOf(r: StoredRecord): bigint {
  return BigInt(header(r, H.version) ?? '0');
}

export function decodeEvent<E extends Event = Event>(r: StoredRecord, serde: EventSerde): TidelineReadEvent<E> {
  const type = header(r, H.type) ?? '';
  const user = header(r, H.metadata);
  const metadata: Record<string, unknown> = user === undefined ? {} : (JSON.parse(user) as Record<string, unknown>);
  const m: TidelineReadEventMetadata = {
    messageId: header(r, H.id) ?? '',
    streamName: streamOf(r),
    streamPosition: versionOf(r),
    globalPosition: encodeGlobalPosition(r.partition, r.offset),
    partition: r.partition,
    offset: r.offset,
    timestamp: Number(r.timestamp),
    schemaVersion: Number(header(r, H.schema) ?? '1'),
  };
  const correlationId = header(r, H.correlation);
  const causationId = header(r, H.causation);
  const tenant = header(r, H.tenant);
  Object.assign(metadata, m);
  if (correlationId !== undefined) metadata['correlationId'] = correlationId;
  if (causationId !== undefined) metadata['causationId'] = causationId;
  if (tenant !== undefined) metadata['tenant'] = tenant;
  const data = r.value === null ? {} : serde.deserialize(type, r.value);
  return { type, data, kind: 'Event', metadata } as unknown as TidelineReadEvent<E>;
}
