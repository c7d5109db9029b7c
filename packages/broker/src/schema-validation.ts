// Broker-side schema validation (Confluent Server's `confluent.value.schema.validation` and
// `confluent.key.schema.validation` topic configs; what Bufstream calls broker-side semantic
// validation). Off by default. When a topic turns it on, Produce refuses a batch unless every
// record's value (and/or key) carries, in Confluent's wire format, a schema id registered under
// the topic's subject (TopicNameStrategy: `<topic>-value` / `<topic>-key`): INVALID_RECORD with one
// recordErrors entry per offending record, nothing of the batch written (as for keyless records on
// compacted topics). A null value (tombstone) passes. The id is read from the 5-byte prefix (magic
// 0) or from the `__value_schema_id` / `__key_schema_id` header Confluent's newer clients write
// (magic 0 + id there; the GUID form needs the registry's GUID lookup and is refused as unknown).
// Only ids are checked, not payloads: that is what Confluent Server does too.
//
// Where ids are checked: the broker setting `confluent.schema.registry.url` (an HTTP registry,
// answers cached) or, programmatically, any SchemaIdValidator (`tide dev` runs the registry in
// the same process). A topic with validation on and no validator configured refuses every batch.
//
// Ordering: the lookup may await the registry, so validated batches of one partition go through
// a per-partition chain; each batch's append runs right after its own check, in arrival order.
import { ProtocolError, decodeBatch } from '@tideline/protocol/internal';
import { BrokerError } from './errors.js';

/** Answers whether a schema id is registered under a subject; a cached answer may be synchronous. */
export interface SchemaIdValidator {
  isRegistered(subject: string, id: number): boolean | Promise<boolean>;
}

export const KEY_SCHEMA_ID_HEADER = '__key_schema_id';
export const VALUE_SCHEMA_ID_HEADER = '__value_schema_id';

export interface SchemaValidationConfig {
  key: boolean;
  value: boolean;
}

interface Rejection {
  batchIndex: number;
  batchIndexErrorMessage: string;
}

/** The schema id in a value's 5-byte prefix or in its schema-id header; null when it has neither. */
function schemaIdOf(bytes: Buffer | null, headers: ReadonlyArray<{ key: string; value: Buffer | null }>, header: string): number | null | 'guid' {
  let h: Buffer | null = null;
  for (const x of headers) if (x.key === header && x.value !== null) h = x.value;
  const src = h ?? bytes;
  if (src === null || src.length < 1) return null;
  if (src[0] === 1 && h !== null && src.length >= 17) return 'guid';
  if (src[0] !== 0 || src.length < 5) return null;
  const id = src.readInt32BE(1);
  return id < 0 ? null : id;
}

/** Checks every record of a (whole, CRC-checked) batch; returns the records refused. */
export async function schemaIdRejections(records: Buffer, topic: string, cfg: SchemaValidationConfig, validator: SchemaIdValidator | null): Promise<Rejection[]> {
  let decoded;
  try {
    decoded = decodeBatch(records);
  } catch (err) {
    if (err instanceof ProtocolError) throw new BrokerError('CORRUPT_MESSAGE', err.message);
    throw err;
  }
  const out: Rejection[] = [];
  const checks: Array<{ index: number; subject: string; id: number; what: string }> = [];
  decoded.records.forEach((r, index) => {
    const parts: Array<['key' | 'value', Buffer | null, string]> = [];
    if (cfg.key) parts.push(['key', r.key, KEY_SCHEMA_ID_HEADER]);
    if (cfg.value && r.value !== null) parts.push(['value', r.value, VALUE_SCHEMA_ID_HEADER]);
    for (const [what, bytes, header] of parts) {
      const subject = `${topic}-${what}`;
      const id = schemaIdOf(bytes, r.headers, header);
      if (id === null) {
        out.push({ batchIndex: index, batchIndexErrorMessage: `record ${index}: the ${what} carries no schema id (Confluent wire format: magic byte 0 + 4-byte id) and topic ${topic} requires one registered under ${subject}` });
        return;
      }
      if (id === 'guid') {
        out.push({ batchIndex: index, batchIndexErrorMessage: `record ${index}: the ${what}'s schema is given by GUID; topic ${topic} validates schema ids only` });
        return;
      }
      checks.push({ index, subject, id, what });
    }
  });
  if (checks.length > 0 && validator === null) {
    return decoded.records.map((_, i) => ({ batchIndex: i, batchIndexErrorMessage: `topic ${topic} has schema validation on but the broker has no confluent.schema.registry.url` }));
  }
  // One lookup per distinct (subject, id) of the batch.
  const answers = new Map<string, boolean | Promise<boolean>>();
  for (const c of checks) {
    const k = `${c.subject}\u0000${c.id}`;
    if (!answers.has(k)) answers.set(k, validator!.isRegistered(c.subject, c.id));
  }
  const resolved = new Map<string, boolean>();
  for (const [k, a] of answers) {
    try {
      resolved.set(k, a instanceof Promise ? await a : a);
    } catch (err) {
      throw new BrokerError('UNKNOWN_SERVER_ERROR', `schema registry lookup failed: ${(err as Error).message}`);
    }
  }
  const refused = new Set(out.map((o) => o.batchIndex));
  for (const c of checks) {
    if (refused.has(c.index) || resolved.get(`${c.subject}\u0000${c.id}`) === true) continue;
    refused.add(c.index);
    out.push({ batchIndex: c.index, batchIndexErrorMessage: `record ${c.index}: schema id ${c.id} of the ${c.what} is not registered under subject ${c.subject}` });
  }
  return out.sort((a, b) => a.batchIndex - b.batchIndex);
}

/** The partition answer for a refused batch (the shape produce.ts returns). */
export function schemaRejectionMessage(topic: string, partition: number, rejections: readonly Rejection[]): string {
  return `${rejections.length} record(s) of the batch to ${topic}-${partition} do not carry a registered schema id (${rejections[0]!.batchIndexErrorMessage}); nothing of the batch was written`;
}

/**
 * Runs `check` then `apply` for batches of one partition in arrival order, even when a check awaits
 * (a registry lookup): each batch waits for the previous one's check to finish.
 */
export class PartitionChains {
  private readonly tails = new WeakMap<object, Promise<unknown>>();

  run<T>(partition: object, step: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(partition) ?? Promise.resolve();
    const mine = prev.then(step, step);
    this.tails.set(partition, mine.catch(() => undefined));
    return mine;
  }
}

interface CacheEntry {
  ok: boolean;
  at: number;
}

export interface HttpSchemaIdValidatorOptions {
  /** `user:password` for basic auth. */
  basicAuth?: string;
  /** How long a "not registered" answer is trusted, ms (default 1000; ids get registered). */
  negativeTtlMs?: number;
  /** Cached (subject, id) answers (default 10,000). */
  capacity?: number;
  timeoutMs?: number;
}

/**
 * A validator asking a Confluent-compatible registry `GET /schemas/ids/{id}/versions`; positive
 * answers are kept (a registered id stays registered unless hard-deleted), negative ones briefly.
 */
export function httpSchemaIdValidator(url: string, opts: HttpSchemaIdValidatorOptions = {}): SchemaIdValidator {
  const base = url.replace(/\/+$/, '');
  const cache = new Map<string, CacheEntry>();
  const inflight = new Map<string, Promise<boolean>>();
  const negativeTtl = opts.negativeTtlMs ?? 1000;
  const capacity = opts.capacity ?? 10_000;
  const headers: Record<string, string> = { accept: 'application/vnd.schemaregistry.v1+json, application/json' };
  if (opts.basicAuth !== undefined) headers.authorization = `Basic ${Buffer.from(opts.basicAuth).toString('base64')}`;
  const load = async (id: number): Promise<Set<string>> => {
    const res = await fetch(`${base}/schemas/ids/${id}/versions`, { headers, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
    if (res.status === 404) return new Set();
    if (!res.ok) throw new Error(`GET /schemas/ids/${id}/versions answered HTTP ${res.status}`);
    const body = (await res.json()) as Array<{ subject?: unknown }>;
    return new Set(body.map((v) => String(v.subject)));
  };
  return {
    isRegistered(subject, id) {
      const k = `${subject}\u0000${id}`;
      const hit = cache.get(k);
      if (hit !== undefined && (hit.ok || Date.now() - hit.at < negativeTtl)) return hit.ok;
      let p = inflight.get(k);
      if (p === undefined) {
        p = load(id).then((subjects) => {
          const ok = subjects.has(subject);
          if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
          cache.set(k, { ok, at: Date.now() });
          return ok;
        }).finally(() => inflight.delete(k));
        inflight.set(k, p);
      }
      return p;
    },
  };
}

/** The validator for BrokerOptions.schemaRegistry: an HTTP registry, an in-process one, or none. */
export function schemaIdValidatorOf(o: { url: string; basicAuth?: string } | SchemaIdValidator | undefined): SchemaIdValidator | null {
  if (o === undefined) return null;
  if ('url' in o) return httpSchemaIdValidator(o.url, o.basicAuth === undefined ? {} : { basicAuth: o.basicAuth });
  return o;
}
