// The console's use of the schema registry (--registry URL): one @tideline/registry RegistryClient
// per console, the registry's deserializers to show keys/values written in Confluent's wire format
// (magic byte + schema id, or the schema-id header), and its serializer for produce. Nothing of
// the registry is implemented here: schemas, compatibility and codecs are the registry package's.
import {
  Deserializer, KEY_SCHEMA_ID_HEADER, RegistryClient, RegistryErrorCode, RegistryRequestError, SerdeError, Serializer, VALUE_SCHEMA_ID_HEADER,
  readWireHeader, type HeaderLike, type SchemaType,
} from '@tideline/registry';
import type { ConsumerRecord } from '@tideline/client';
import type { ConsoleContext } from './context.js';
import { ApiError } from './errors.js';

const clients = new WeakMap<ConsoleContext, RegistryClient>();

/** The registry client of this console, or null without --registry. */
export function registryClient(ctx: ConsoleContext): RegistryClient | null {
  if (ctx.registryUrl === null) return null;
  let c = clients.get(ctx);
  if (c === undefined) {
    const u = new URL(ctx.registryUrl);
    const basicAuth = u.username === '' ? undefined : `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
    u.username = '';
    u.password = '';
    // latest is asked every time: a version registered in the page is used by the next produce.
    c = new RegistryClient({ url: u.toString(), latestTtlMs: 0, timeoutMs: 10_000, ...(basicAuth !== undefined ? { basicAuth } : {}) });
    clients.set(ctx, c);
  }
  return c;
}

/** The registry URL as shown to users and scripts: without the user and password of basic auth. */
export function shownRegistryUrl(ctx: ConsoleContext): string | null {
  if (ctx.registryUrl === null) return null;
  try {
    const u = new URL(ctx.registryUrl);
    if (u.username === '' && u.password === '') return ctx.registryUrl; // as given (URL would add a trailing slash)
    u.username = '';
    u.password = '';
    return u.toString();
  } catch {
    return null;
  }
}

export function requireRegistry(ctx: ConsoleContext): RegistryClient {
  const c = registryClient(ctx);
  if (c === null) throw new ApiError('REGISTRY_NOT_CONFIGURED', 'no schema registry: start the console with --registry URL');
  return c;
}

/** Maps a registry answer or an unreachable registry onto the console's errors (the registry's message kept). */
export function registryError(e: unknown): unknown {
  if (e instanceof RegistryRequestError) {
    const details = { registryErrorCode: e.errorCode };
    if (e.status === 404) return new ApiError(e.errorCode === RegistryErrorCode.SCHEMA_NOT_FOUND ? 'UNKNOWN_SCHEMA' : 'UNKNOWN_SUBJECT', e.message, details);
    if (e.status === 409) return new ApiError('INCOMPATIBLE_SCHEMA', e.message, details);
    if (e.status === 401 || e.status === 403) return new ApiError('FORBIDDEN', `the registry refused: ${e.message}`, details);
    if (e.status >= 400 && e.status < 500) return new ApiError('REGISTRY_ERROR', e.message, details);
    return new ApiError('REGISTRY_UNAVAILABLE', `the registry answered ${e.status}: ${e.message}`, details);
  }
  if (e instanceof SerdeError) return new ApiError('BAD_REQUEST', e.message, { serdeError: e.code });
  if (e instanceof ApiError) return e;
  if (e instanceof Error && (e.name === 'TypeError' || e.name === 'TimeoutError' || e.name === 'AbortError')) {
    return new ApiError('REGISTRY_UNAVAILABLE', `the schema registry cannot be reached: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}`);
  }
  return e;
}

/** Runs a registry call with its errors mapped. */
export async function viaRegistry<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw registryError(e);
  }
}

/** What the API adds to a record whose key or value was decoded through the registry. */
export interface DecodedJson {
  /** The schema id (magic byte 0) or GUID (magic byte 1) the payload names. */
  schemaId: number | null;
  guid?: string;
  schemaType?: SchemaType;
  /** Subject(s) and version(s) the schema is registered under (the topic's own subject first). */
  subjects?: Array<{ subject: string; version: number }>;
  /** The decoded value, as JSON (bytes as base64 strings, 64-bit integers as strings). */
  value?: unknown;
  /** Why it did not decode (unknown id, not the schema's format...). */
  error?: string;
}

export type DecodeMode = 'auto' | 'registry' | 'none';

/** Does this key/value carry a schema reference (magic byte 0 + 4-byte id, magic 1 + GUID, or the schema-id header)? */
function framed(bytes: Buffer | null, headers: readonly HeaderLike[], isKey: boolean): boolean {
  if (bytes === null) return false;
  if (bytes.length >= 5 && bytes[0] === 0) return true;
  if (bytes.length >= 17 && bytes[0] === 1) return true;
  const name = isKey ? KEY_SCHEMA_ID_HEADER : VALUE_SCHEMA_ID_HEADER;
  return headers.some((h) => h.key === name && h.value !== null);
}

/** JSON-safe form of a decoded value: Buffers as base64, bigint as strings, Maps as objects. */
export function jsonSafe(v: unknown, depth = 0): unknown {
  if (depth > 256) return null;
  if (v === null || v === undefined) return v ?? null;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v !== 'object') return v;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => jsonSafe(x, depth + 1));
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), jsonSafe(x, depth + 1)]));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = jsonSafe(x, depth + 1);
  return out;
}

/**
 * Decodes records' keys and values through the registry. prepare() loads the schemas a batch
 * names (once per id: the deserializers cache codecs; failures are remembered too, so a payload
 * that only looks framed costs one request, not one per record); then decode() is synchronous,
 * which lets the filter read decoded fields while it scans.
 */
export class RecordDecoder {
  private readonly keys: Deserializer;
  private readonly values: Deserializer;
  private readonly failed = new Map<string, string>();
  private readonly uses = new Map<string, Array<{ subject: string; version: number }>>();
  private readonly types = new Map<string, SchemaType>();

  constructor(private readonly client: RegistryClient) {
    this.keys = new Deserializer({ client, isKey: true });
    this.values = new Deserializer({ client });
  }

  private static ref(bytes: Buffer, headers: readonly HeaderLike[], isKey: boolean): { key: string; id: number | null; guid?: string } {
    try {
      const h = readWireHeader(bytes, false, headers, isKey);
      if (h.guid !== undefined) return { key: `g${h.guid}`, id: null, guid: h.guid };
      return { key: `i${h.id ?? -1}`, id: h.id ?? null };
    } catch (e) {
      return { key: `!${(e as Error).message}`, id: null };
    }
  }

  /** Loads what decode() needs for these records (resolves at once when all is cached). */
  async prepare(records: readonly ConsumerRecord[]): Promise<void> {
    const waits: Array<Promise<void>> = [];
    const seen = new Set<string>();
    // The common case, a batch written with one schema id and no schema-id headers, costs a
    // 4-byte compare per record.
    let lastKeyId = -1;
    let lastValueId = -1;
    for (const r of records) {
      for (const isKey of [true, false]) {
        const bytes = isKey ? r.key : r.value;
        if (!framed(bytes, r.headers, isKey)) continue;
        if (bytes![0] === 0 && r.headers.length === 0) {
          const id = bytes!.readInt32BE(1);
          if (id === (isKey ? lastKeyId : lastValueId)) continue;
          if (isKey) lastKeyId = id;
          else lastValueId = id;
        }
        const ref = RecordDecoder.ref(bytes!, r.headers, isKey);
        const k = `${isKey ? 'k' : 'v'}${r.topic}\0${ref.key}`;
        if (seen.has(k) || this.failed.has(ref.key)) continue;
        seen.add(k);
        const d = isKey ? this.keys : this.values;
        let p: Promise<void> | null;
        try {
          p = d.prepare(r.topic, bytes!, r.headers);
        } catch (e) {
          this.remember(ref.key, e);
          continue;
        }
        if (p !== null) waits.push(p.catch((e: unknown) => this.remember(ref.key, e)));
        if (!this.uses.has(ref.key) && ref.id !== null) waits.push(this.loadUses(ref.key, ref.id));
      }
    }
    if (waits.length > 0) await Promise.all(waits);
  }

  private remember(key: string, e: unknown): void {
    if (this.failed.size > 10_000) this.failed.clear();
    this.failed.set(key, e instanceof RegistryRequestError ? `${e.message} (registry error ${e.errorCode})` : (e as Error).message);
  }

  private async loadUses(key: string, id: number): Promise<void> {
    try {
      const [versions, info] = await Promise.all([
        this.client.request<Array<{ subject: string; version: number }>>('GET', `/schemas/ids/${id}/versions`),
        this.client.schemaById(id),
      ]);
      if (this.uses.size > 10_000) this.uses.clear();
      this.uses.set(key, Array.isArray(versions) ? versions : []);
      this.types.set(key, info.schemaType ?? 'AVRO');
    } catch {
      this.uses.set(key, []);
    }
  }

  /** The decoded key or value (after prepare()), or undefined when it is not in the wire format. */
  decode(r: ConsumerRecord, which: 'key' | 'value'): DecodedJson | undefined {
    const isKey = which === 'key';
    const bytes = isKey ? r.key : r.value;
    if (!framed(bytes, r.headers, isKey)) return undefined;
    const ref = RecordDecoder.ref(bytes!, r.headers, isKey);
    const out: DecodedJson = { schemaId: ref.id };
    if (ref.guid !== undefined) out.guid = ref.guid;
    const failed = this.failed.get(ref.key);
    if (failed !== undefined) return { ...out, error: failed };
    const type = this.types.get(ref.key);
    if (type !== undefined) out.schemaType = type;
    const uses = this.uses.get(ref.key);
    if (uses !== undefined && uses.length > 0) {
      const own = `${r.topic}-${which}`;
      out.subjects = [...uses].sort((a, b) => (a.subject === own ? -1 : b.subject === own ? 1 : 0));
    }
    try {
      out.value = jsonSafe((isKey ? this.keys : this.values).deserializeSync(r.topic, bytes!, r.headers));
    } catch (e) {
      out.error = (e as Error).message;
    }
    return out;
  }

  /**
   * The decoded value for the filter's paths (undefined: fall back to the bytes read as JSON).
   * Called for every record a scan reads, so it skips what only the display needs (subjects, the
   * JSON-safe copy): the deserializer's own value is read in place.
   */
  json(r: ConsumerRecord, which: 'key' | 'value'): unknown {
    const isKey = which === 'key';
    const bytes = isKey ? r.key : r.value;
    if (bytes === null || !framed(bytes, r.headers, isKey)) return undefined;
    try {
      return (isKey ? this.keys : this.values).deserializeSync(r.topic, bytes, r.headers);
    } catch {
      return undefined;
    }
  }
}

/** The decoder a request asks for: `decode=none` none; `auto` (default) when a registry is configured; `registry` requires one. */
export function decoderFor(ctx: ConsoleContext, mode: DecodeMode): RecordDecoder | null {
  if (mode === 'none') return null;
  const client = mode === 'registry' ? requireRegistry(ctx) : registryClient(ctx);
  return client === null ? null : new RecordDecoder(client);
}

// ---- produce with the registry's serializer ----

/** `{subject, version?}`: the schema a produced key/value is serialized with. */
export interface SchemaChoice {
  subject: string;
  version: number | 'latest';
}

export function parseSchemaChoice(v: unknown, name: string): SchemaChoice | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new ApiError('BAD_REQUEST', `${name} must be {subject, version?}`);
  const o = v as { subject?: unknown; version?: unknown };
  if (typeof o.subject !== 'string' || o.subject === '' || o.subject.length > 1024) throw new ApiError('BAD_REQUEST', `${name}.subject must be a non-empty string`);
  let version: number | 'latest' = 'latest';
  if (o.version !== undefined && o.version !== null && o.version !== 'latest' && o.version !== '') {
    const n = typeof o.version === 'string' ? Number(o.version) : o.version;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 0x7fffffff) throw new ApiError('BAD_REQUEST', `${name}.version must be "latest" or a version number`);
    version = n;
  }
  return { subject: o.subject, version };
}

/**
 * Serializes `text` (the value as JSON: a record for Avro, an object for JSON Schema or Protobuf)
 * with the chosen subject's schema, through the registry's Serializer; returns the framed bytes
 * and the schema id written.
 */
export async function serializeWith(ctx: ConsoleContext, topic: string, choice: SchemaChoice, text: unknown, isKey: boolean, name: string): Promise<{ bytes: Buffer; id: number; version: number | undefined }> {
  const client = requireRegistry(ctx);
  if (typeof text !== 'string') throw new ApiError('BAD_REQUEST', `${name} must be JSON text when serialized with a schema`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ApiError('BAD_REQUEST', `${name} is not JSON: ${(e as Error).message}`);
  }
  return viaRegistry(async () => {
    const info = choice.version === 'latest' ? await client.latestVersion(choice.subject) : await client.version(choice.subject, choice.version);
    const type = info.schemaType ?? 'AVRO';
    const s = new Serializer({
      client, type, isKey, subjectNameStrategy: () => choice.subject,
      ...(choice.version === 'latest' ? { useLatest: true } : { schema: { schema: info.schema, schemaType: type, ...(info.references !== undefined ? { references: info.references } : {}) }, autoRegister: false }),
    });
    try {
      const bytes = await s.serialize(topic, value);
      return { bytes, id: s.schemaId(topic) ?? info.id, version: info.version };
    } catch (e) {
      if (e instanceof SerdeError) throw new ApiError('BAD_REQUEST', `${name} does not serialize with ${choice.subject} version ${info.version ?? choice.version}: ${e.message}`, { serdeError: e.code });
      throw e;
    }
  });
}
