// RegistryClient: a small HTTP client for a Confluent-compatible schema registry (ours, Confluent's,
// Karapace...). Every answer the serdes need is cached in bounded LRU maps and concurrent asks for
// the same thing share one request, so a serializer asks the registry once per schema, not once
// per record. Basic auth (`user:password`, Confluent's `basic.auth.user.info`) is sent when given.
import type { SchemaReference, SchemaType } from './formats/types.js';
import { Counter, type Registry as MetricsRegistry } from 'prom-client';
import { Lru } from './serde/lru.js';

/** A rule of a schema's data contract (Confluent's `ruleSet`). */
export interface Rule {
  name: string;
  doc?: string;
  kind?: 'CONDITION' | 'TRANSFORM';
  mode?: 'WRITE' | 'READ' | 'WRITEREAD' | 'UPGRADE' | 'DOWNGRADE' | 'UPDOWN';
  type: string;
  tags?: string[];
  params?: Record<string, string>;
  expr?: string;
  onSuccess?: string;
  onFailure?: string;
  disabled?: boolean;
}

export interface RuleSet {
  migrationRules?: Rule[];
  domainRules?: Rule[];
  encodingRules?: Rule[];
}

export interface SchemaMetadataProps {
  tags?: Record<string, string[]>;
  properties?: Record<string, string>;
  sensitive?: string[];
}

/** A schema as the registry answers it. */
export interface SchemaInfo {
  schema: string;
  schemaType?: SchemaType;
  references?: SchemaReference[];
  metadata?: SchemaMetadataProps;
  ruleSet?: RuleSet;
}

/** A registered schema: the info plus where it is registered. */
export interface RegisteredSchema extends SchemaInfo {
  id: number;
  guid?: string;
  subject?: string;
  version?: number;
}

export interface RegistryClientOptions {
  /** Base URL, e.g. `http://127.0.0.1:8081`. */
  url: string;
  /** `user:password` for HTTP basic auth. */
  basicAuth?: string;
  /** Entries kept per cache (ids, GUIDs, subject+schema lookups); default 1000. */
  cacheCapacity?: number;
  /** How long `latest` and metadata lookups are trusted, ms; default 60,000 (0: ask every time). */
  latestTtlMs?: number;
  /** Per-request timeout, ms; default 30,000. */
  timeoutMs?: number;
  /**
   * Opt-in metrics: cache lookups by cache and result (`tideline_registry_client_cache_lookups_total`)
   * and HTTP requests by method and status class (`tideline_registry_client_requests_total`).
   */
  metrics?: MetricsRegistry;
}

type CacheName = 'schema' | 'id' | 'guid' | 'latest' | 'version';

interface ClientMetrics {
  lookups: Counter<'cache' | 'result'>;
  requests: Counter<'method' | 'status'>;
}

function clientMetrics(registry: MetricsRegistry): ClientMetrics {
  // Several clients may share one application registry: reuse the families they registered.
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> =>
    (registry.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames, registers: [registry] });
  return {
    lookups: counter('tideline_registry_client_cache_lookups_total', 'Schema registry client cache lookups by cache and result (hit, miss)', ['cache', 'result']),
    requests: counter('tideline_registry_client_requests_total', 'Schema registry client HTTP requests by method and status class', ['method', 'status']),
  };
}

/** An error answer of the registry: Confluent's `{error_code, message}` and the HTTP status. */
export class RegistryRequestError extends Error {
  override readonly name = 'RegistryRequestError';
  constructor(readonly status: number, readonly errorCode: number, message: string) {
    super(message);
  }
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

interface Timed<T> {
  value: T;
  at: number;
}

function schemaKey(subject: string, info: SchemaInfo, normalize: boolean): string {
  return JSON.stringify([subject, normalize, info.schemaType ?? 'AVRO', info.schema, info.references ?? [], info.metadata ?? null, info.ruleSet ?? null]);
}

export class RegistryClient {
  private readonly base: string;
  private readonly auth: string | null;
  private readonly ttl: number;
  private readonly timeoutMs: number;
  private readonly byId: Lru<string, SchemaInfo>;
  private readonly byGuid: Lru<string, RegisteredSchema>;
  private readonly idBySchema: Lru<string, RegisteredSchema>;
  private readonly latest: Lru<string, Timed<RegisteredSchema>>;
  private readonly versions: Lru<string, RegisteredSchema>;
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly metrics: ClientMetrics | null;
  /** HTTP requests sent so far (tests and benchmarks read it). */
  requests = 0;

  constructor(opts: RegistryClientOptions) {
    this.base = opts.url.replace(/\/+$/, '');
    this.auth = opts.basicAuth === undefined ? null : `Basic ${Buffer.from(opts.basicAuth, 'utf8').toString('base64')}`;
    this.ttl = opts.latestTtlMs ?? 60_000;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    const cap = opts.cacheCapacity ?? 1000;
    this.byId = new Lru(cap);
    this.byGuid = new Lru(cap);
    this.idBySchema = new Lru(cap);
    this.latest = new Lru(cap);
    this.versions = new Lru(cap);
    this.metrics = opts.metrics === undefined ? null : clientMetrics(opts.metrics);
  }

  private looked<T>(cache: CacheName, hit: T | undefined): T | undefined {
    this.metrics?.lookups.inc({ cache, result: hit === undefined ? 'miss' : 'hit' });
    return hit;
  }

  /** One request; an answer other than 2xx becomes a RegistryRequestError. */
  async request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    this.requests++;
    const headers: Record<string, string> = { accept: `${CONTENT_TYPE}, application/json` };
    if (body !== undefined) headers['content-type'] = CONTENT_TYPE;
    if (this.auth !== null) headers.authorization = this.auth;
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    this.metrics?.requests.inc({ method, status: `${Math.floor(res.status / 100)}xx` });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = null;
    }
    if (!res.ok) {
      const e = (parsed ?? {}) as { error_code?: unknown; message?: unknown };
      const code = typeof e.error_code === 'number' ? e.error_code : res.status;
      const msg = typeof e.message === 'string' ? e.message : `${method} ${path}: HTTP ${res.status}`;
      throw new RegistryRequestError(res.status, code, msg);
    }
    return parsed as T;
  }

  /** Shares one request among concurrent callers asking the same thing. */
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key);
    if (running !== undefined) return running as Promise<T>;
    const p = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /** Registers (or finds) a schema under a subject; returns its id (and GUID when the registry has them). */
  async register(subject: string, info: SchemaInfo, normalize = false): Promise<RegisteredSchema> {
    const key = 'r' + schemaKey(subject, info, normalize);
    const hit = this.looked('schema', this.idBySchema.get(key));
    if (hit !== undefined) return hit;
    return this.once(key, async () => {
      const r = await this.request<{ id: number; guid?: string; version?: number }>('POST', `/subjects/${encodeURIComponent(subject)}/versions${normalize ? '?normalize=true' : ''}`, requestBody(info, true));
      const out: RegisteredSchema = { ...info, id: r.id, subject };
      if (r.guid !== undefined) out.guid = r.guid;
      if (r.version !== undefined) out.version = r.version;
      this.idBySchema.set(key, out);
      this.byId.set(idKey(r.id, subject), info);
      return out;
    });
  }

  /** Finds a schema already registered under a subject (40403 when it is not). */
  async lookup(subject: string, info: SchemaInfo, normalize = false): Promise<RegisteredSchema> {
    const key = 'l' + schemaKey(subject, info, normalize);
    const hit = this.looked('schema', this.idBySchema.get(key));
    if (hit !== undefined) return hit;
    return this.once(key, async () => {
      const r = await this.request<RegisteredSchema>('POST', `/subjects/${encodeURIComponent(subject)}${normalize ? '?normalize=true' : ''}`, requestBody(info, false));
      const out = withType(r);
      this.idBySchema.set(key, out);
      return out;
    });
  }

  /** The schema with this id (`subject` scopes it in a context, as Confluent's `?subject=`). */
  async schemaById(id: number, subject?: string): Promise<SchemaInfo> {
    const key = idKey(id, subject);
    const hit = this.looked('id', this.byId.get(key));
    if (hit !== undefined) return hit;
    return this.once('i' + key, async () => {
      const q = subject === undefined ? '' : `?subject=${encodeURIComponent(subject)}`;
      const r = withType(await this.request<SchemaInfo>('GET', `/schemas/ids/${id}${q}`));
      this.byId.set(key, r);
      return r;
    });
  }

  /** The schema with this GUID (the magic-1 wire form). */
  async schemaByGuid(guid: string): Promise<RegisteredSchema> {
    const hit = this.looked('guid', this.byGuid.get(guid));
    if (hit !== undefined) return hit;
    return this.once('g' + guid, async () => {
      const r = withType(await this.request<RegisteredSchema>('GET', `/schemas/guids/${encodeURIComponent(guid)}`));
      this.byGuid.set(guid, r);
      return r;
    });
  }

  /** The subject's latest version (cached for `latestTtlMs`). */
  async latestVersion(subject: string): Promise<RegisteredSchema> {
    return this.timed(`v${subject}`, `/subjects/${encodeURIComponent(subject)}/versions/latest`);
  }

  /** The subject's latest version whose metadata properties include all of `props` (Confluent's use.latest.with.metadata). */
  async latestWithMetadata(subject: string, props: Readonly<Record<string, string>>): Promise<RegisteredSchema> {
    const q = Object.keys(props).sort().map((k) => `key=${encodeURIComponent(k)}&value=${encodeURIComponent(props[k]!)}`).join('&');
    return this.timed(`m${subject}?${q}`, `/subjects/${encodeURIComponent(subject)}/metadata?${q}`);
  }

  /** One version of a subject. */
  async version(subject: string, version: number): Promise<RegisteredSchema> {
    const key = `${version}@${subject}`;
    const hit = this.looked('version', this.versions.get(key));
    if (hit !== undefined) return hit;
    return this.once('n' + key, async () => {
      const r = withType(await this.request<RegisteredSchema>('GET', `/subjects/${encodeURIComponent(subject)}/versions/${version}`));
      this.versions.set(key, r);
      return r;
    });
  }

  private async timed(key: string, path: string): Promise<RegisteredSchema> {
    const entry = this.latest.get(key);
    const hit = this.looked('latest', entry !== undefined && this.ttl > 0 && Date.now() - entry.at < this.ttl ? entry : undefined);
    if (hit !== undefined) return hit.value;
    return this.once(key, async () => {
      const r = withType(await this.request<RegisteredSchema>('GET', path));
      this.latest.set(key, { value: r, at: Date.now() });
      this.byId.set(idKey(r.id, undefined), r);
      return r;
    });
  }

  /** Forgets every cached answer. */
  clearCaches(): void {
    this.byId.clear();
    this.byGuid.clear();
    this.idBySchema.clear();
    this.latest.clear();
    this.versions.clear();
  }
}

/**
 * The body of a register or lookup: the schema, its type unless Avro (Confluent's default), its
 * references when any; a registration also sends the data contract (metadata, ruleSet).
 */
function requestBody(info: SchemaInfo, withContract: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { schema: info.schema };
  if (info.schemaType !== undefined && info.schemaType !== 'AVRO') body.schemaType = info.schemaType;
  if (info.references !== undefined && info.references.length > 0) body.references = info.references;
  if (withContract && info.metadata !== undefined) body.metadata = info.metadata;
  if (withContract && info.ruleSet !== undefined) body.ruleSet = info.ruleSet;
  return body;
}

function idKey(id: number, subject: string | undefined): string {
  // Ids are global outside contexts; a subject only matters when it names a context (`:.ctx:s`).
  return subject !== undefined && subject.startsWith(':.') ? `${subject.slice(0, subject.indexOf(':', 2))}/${id}` : String(id);
}

function withType<T extends SchemaInfo>(r: T): T {
  return r.schemaType === undefined ? { ...r, schemaType: 'AVRO' } : r;
}
