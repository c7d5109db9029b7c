// Append requests (caller → owner, on the append-request topic, keyed by stream id) and replies
// (owner → caller, on the reply topic, written in the owner's transaction). JSON values; event
// values and headers travel base64-encoded, already serialized and size-checked by the caller;
// the owner adds the es-version header once it knows the position.
import type { Admin } from '@tideline/client';
import type { EncodedEvent } from '../codec.js';
import { storeTopics, type StoreTopics } from '../types.js';
import type { NormalExpected } from '../validate.js';

export interface AppendRequest {
  /** Request id: a retry carries the same. */
  rid: string;
  /** Reply partition of the caller. */
  rp: number;
  stream: string;
  /** 'any' | 'none' | 'exists' | a decimal version. */
  exp: string;
  ids: string[];
  cmd?: string;
  ev: Array<{ v: string; h: Array<[string, string]> }>;
}

/**
 * `ix`: the changelog offset just past the owner's transaction that answered (decimal), when it
 * wrote to the changelog. A caller's index replica that has read up to it holds the stream's
 * state as of this answer; Apache Kafka writes transaction markers after the commit returns, so
 * the changelog's last stable offset may still be before it when the caller reads (the caller
 * waits for this offset, not for the last stable offset).
 */
export type AppendReply = (
  | { rid: string; ok: true; next: number; created: boolean; last: string; dup: boolean }
  | { rid: string; ok: false; conflict: number; exp: string }
  | { rid: string; ok: false; error: string; message: string }
) & { ix?: string };

export function expToWire(e: NormalExpected): string {
  if (typeof e === 'bigint') return e.toString();
  return e === 'STREAM_DOES_NOT_EXIST' ? 'none' : e === 'STREAM_EXISTS' ? 'exists' : 'any';
}

export function expFromWire(s: string): NormalExpected | null {
  if (s === 'any') return 'NO_CONCURRENCY_CHECK';
  if (s === 'none') return 'STREAM_DOES_NOT_EXIST';
  if (s === 'exists') return 'STREAM_EXISTS';
  return /^\d{1,16}$/.test(s) ? BigInt(s) : null;
}

export function encodeRequestEvents(events: readonly EncodedEvent[]): AppendRequest['ev'] {
  return events.map((e) => ({ v: e.value.toString('base64'), h: e.headers.map((h) => [h.key, h.value.toString('base64')] as [string, string]) }));
}

/** Parses a request value; null when it is not a well-formed request (the owner answers nothing, it cannot know where). */
export function parseRequest(b: Buffer | null): AppendRequest | null {
  if (b === null) return null;
  try {
    const r = JSON.parse(b.toString('utf8')) as AppendRequest;
    if (typeof r.rid !== 'string' || typeof r.rp !== 'number' || typeof r.stream !== 'string' || typeof r.exp !== 'string' || !Array.isArray(r.ids) || !Array.isArray(r.ev) || r.ids.length !== r.ev.length || r.ev.length === 0) return null;
    return r;
  } catch {
    return null;
  }
}

export interface StoreTopicOptions {
  /** Partitions of the event topic (and of the request topic and the changelog). Default 8. */
  partitions?: number;
  /** Partitions of the reply topic. Default 4. */
  replyPartitions?: number;
  replicationFactor?: number;
  /**
   * Tideline only: the event topic takes conditional appends (`tideline.conditional.append=true`,
   * kept forever: the broker counts a stream's records to know its version). For
   * `KafkaEventStore({ conditionalAppend: true })`.
   */
  conditionalAppend?: boolean;
}

/** Creates the store's four topics (existing ones are left as they are). */
export async function createStoreTopics(admin: Admin, name: string, opts: StoreTopicOptions = {}): Promise<StoreTopics> {
  const t = storeTopics(name);
  const n = opts.partitions ?? 8;
  const rf = opts.replicationFactor ?? 1;
  await admin.createTopics([
    { topic: t.events, numPartitions: n, replicationFactor: rf, ...(opts.conditionalAppend === true ? { configs: { 'tideline.conditional.append': 'true', 'retention.ms': '-1', 'retention.bytes': '-1' } } : {}) },
    { topic: t.requests, numPartitions: n, replicationFactor: rf, configs: { 'retention.ms': String(24 * 3600_000) } },
    { topic: t.replies, numPartitions: opts.replyPartitions ?? 4, replicationFactor: rf, configs: { 'retention.ms': String(3600_000) } },
    { topic: t.changelog, numPartitions: n, replicationFactor: rf, configs: { 'cleanup.policy': 'compact' } },
  ], { ignoreExisting: true, waitForLeaders: true });
  return t;
}
