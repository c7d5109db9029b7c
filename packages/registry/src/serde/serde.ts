// Serializers and deserializers in Confluent's wire format for Avro, JSON Schema and Protobuf.
// A serializer resolves, once per topic, which schema it writes (auto-register, lookup, use-latest
// or use-by-metadata) and keeps the id, the codec and the compiled rules; after that a record costs
// one encode, the rule checks and one buffer. A deserializer keeps one codec per schema id (or GUID).
// Both have an async path (serialize/deserialize: loads what is missing) and a synchronous one for
// callers that cannot await per record (streams): prepare() first, then serializeSync/deserializeSync.
import type { ResolvedReference, SchemaType } from '../formats/types.js';
import type { RegistryClient, SchemaInfo } from '../client.js';
import { buildCodec, type Codec, type CodecOptions } from './codecs.js';
import { Lru } from './lru.js';
import { RuleRunner } from './rules.js';
import { SerdeError } from './errors.js';
import { WireFormatError, frame, readWireHeader, type HeaderLike, type WireHeader } from './wire.js';

/** Confluent's subject name strategies, or your own function. */
export type SubjectNameStrategy =
  | 'topic'
  | 'record'
  | 'topic-record'
  | ((topic: string, isKey: boolean, recordName: string) => string);

/** TopicNameStrategy: `<topic>-key` / `<topic>-value`. */
export function topicNameStrategy(topic: string, isKey: boolean): string {
  return `${topic}-${isKey ? 'key' : 'value'}`;
}

export function subjectFor(strategy: SubjectNameStrategy, topic: string, isKey: boolean, recordName: string): string {
  if (typeof strategy === 'function') return strategy(topic, isKey, recordName);
  if (strategy === 'topic') return topicNameStrategy(topic, isKey);
  if (recordName === '') throw new SerdeError('CONFIG', `the ${strategy} name strategy needs a record name and the schema has none`);
  return strategy === 'record' ? recordName : `${topic}-${recordName}`;
}

export interface SerdeCommonOptions extends CodecOptions {
  client: RegistryClient;
  /** Serdes for record keys use the `-key` subject and the key schema-id header. */
  isKey?: boolean;
  /** Default 'topic'. */
  subjectNameStrategy?: SubjectNameStrategy;
  /** Codecs kept (one per schema id); default 1000. */
  cacheCapacity?: number;
}

export interface SerializerOptions extends SerdeCommonOptions {
  type: SchemaType;
  /** The schema to write with (Avro/JSON text or object, Protobuf `.proto` text), for auto-register or lookup. */
  schema?: string | object | SchemaInfo;
  /** Register `schema` when it is not registered yet (Confluent's auto.register.schemas); default true when a schema is given. */
  autoRegister?: boolean;
  /** Write with the subject's latest version (use.latest.version). */
  useLatest?: boolean;
  /** Write with the latest version whose metadata has these properties (use.latest.with.metadata). */
  useLatestWithMetadata?: Record<string, string>;
  /** Register and look up with `normalize=true`. */
  normalize?: boolean;
  /** Protobuf: the message type written (full name); default the schema's first message. */
  messageType?: string;
  /** Record name for the record strategies when no schema is given (use-latest). */
  recordName?: string;
  /** Enforce the schema's CONDITION rules on write; default true. */
  enforceRules?: boolean;
}

export interface DeserializerOptions extends SerdeCommonOptions {
  /** Expected format; a payload whose schema is of another format is refused. */
  type?: SchemaType;
  /** Read into the subject's latest version (Avro resolves writer to reader). */
  useLatest?: boolean;
  /** Read into the latest version with these metadata properties. */
  useLatestWithMetadata?: Record<string, string>;
  /** Enforce the writer schema's READ/WRITEREAD CONDITION rules on read; default false. */
  enforceRules?: boolean;
}

function toInfo(type: SchemaType, schema: string | object | SchemaInfo): SchemaInfo {
  if (typeof schema === 'string') return { schema, schemaType: type };
  const s = schema as Partial<SchemaInfo>;
  if (typeof s.schema === 'string') return { ...(schema as SchemaInfo), schemaType: s.schemaType ?? type };
  return { schema: JSON.stringify(schema), schemaType: type };
}

/** A schema's references, fetched and resolved depth first (their own references nested), as the formats take them. */
async function resolveDeps(client: RegistryClient, info: SchemaInfo, depth = 0): Promise<ResolvedReference[]> {
  // The formats name a cycle; this only stops a registry that answers one from recursing forever.
  if (depth > 32) throw new SerdeError('INVALID_SCHEMA', 'schema references nest deeper than 32 levels');
  const out: ResolvedReference[] = [];
  for (const ref of info.references ?? []) {
    const r = await client.version(ref.subject, ref.version);
    out.push({ name: ref.name, subject: ref.subject, version: ref.version, schemaType: r.schemaType ?? 'AVRO', schema: r.schema, references: await resolveDeps(client, r, depth + 1) });
  }
  return out;
}

interface Writer {
  id: number;
  subject: string;
  codec: Codec;
  rules: RuleRunner;
}

export class Serializer<T = unknown> {
  readonly type: SchemaType;
  private readonly isKey: boolean;
  private readonly strategy: SubjectNameStrategy;
  private readonly given: SchemaInfo | null;
  private givenCodec: Promise<Codec> | null = null;
  private readonly writers = new Map<string, Writer>();
  private readonly pending = new Map<string, Promise<Writer>>();

  constructor(private readonly opts: SerializerOptions) {
    this.type = opts.type;
    this.isKey = opts.isKey === true;
    this.strategy = opts.subjectNameStrategy ?? 'topic';
    this.given = opts.schema === undefined ? null : toInfo(opts.type, opts.schema);
    const latest = opts.useLatest === true || opts.useLatestWithMetadata !== undefined;
    if (this.given === null && !latest) throw new SerdeError('CONFIG', 'a serializer needs a schema, useLatest or useLatestWithMetadata');
  }

  private codecOfGiven(): Promise<Codec> {
    this.givenCodec ??= (async () => buildCodec(this.given!, await resolveDeps(this.opts.client, this.given!), this.opts))();
    return this.givenCodec;
  }

  private async resolve(topic: string): Promise<Writer> {
    const o = this.opts;
    const client = o.client;
    let recordName = o.recordName ?? '';
    let codec: Codec | null = null;
    if (this.given !== null) {
      codec = await this.codecOfGiven();
      recordName = o.recordName ?? codec.recordName();
    }
    const subject = subjectFor(this.strategy, topic, this.isKey, recordName);
    let id: number;
    let info: SchemaInfo;
    if (o.useLatestWithMetadata !== undefined) {
      const r = await client.latestWithMetadata(subject, o.useLatestWithMetadata);
      id = r.id;
      info = r;
      codec = null;
    } else if (o.useLatest === true) {
      const r = await client.latestVersion(subject);
      id = r.id;
      info = r;
      codec = null;
    } else if (o.autoRegister ?? true) {
      const r = await client.register(subject, this.given!, o.normalize === true);
      id = r.id;
      // The registered version carries the contract (rules, metadata) even when ours had none.
      info = r.ruleSet === undefined && r.metadata === undefined ? await this.registeredInfo(r.id, subject) : r;
    } else {
      const r = await client.lookup(subject, this.given!, o.normalize === true);
      id = r.id;
      info = r;
    }
    if (info.schemaType !== undefined && info.schemaType !== this.type) {
      throw new SerdeError('CONFIG', `subject ${subject} holds a ${info.schemaType} schema; this serializer writes ${this.type}`);
    }
    codec ??= buildCodec(info, await resolveDeps(client, info), o);
    const rules = o.enforceRules === false ? RuleRunner.compile({ schema: '' }, subject, 'WRITE') : RuleRunner.compile(info, subject, 'WRITE');
    return { id, subject, codec, rules };
  }

  private async registeredInfo(id: number, subject: string): Promise<SchemaInfo> {
    return this.opts.client.schemaById(id, subject);
  }

  /** Resolves (once) the schema this serializer writes to `topic`. */
  async prepare(topic: string): Promise<{ id: number; subject: string }> {
    const w = await this.writer(topic);
    return { id: w.id, subject: w.subject };
  }

  private writer(topic: string): Promise<Writer> | Writer {
    const hit = this.writers.get(topic);
    if (hit !== undefined) return hit;
    let p = this.pending.get(topic);
    if (p === undefined) {
      p = this.resolve(topic).then((w) => {
        this.writers.set(topic, w);
        return w;
      }).finally(() => this.pending.delete(topic));
      this.pending.set(topic, p);
    }
    return p;
  }

  private write(w: Writer, value: T): Buffer {
    if (!w.rules.empty) w.rules.check(value);
    const { bytes, messageIndexes } = w.codec.encode(value, this.opts.messageType);
    return frame(w.id, bytes, messageIndexes);
  }

  /** The value in wire format: magic byte, schema id, (Protobuf: message indexes), payload. */
  async serialize(topic: string, value: T): Promise<Buffer> {
    const w = this.writer(topic);
    return this.write(w instanceof Promise ? await w : w, value);
  }

  /** As serialize, for a topic already prepared (throws SerdeError NOT_READY otherwise). */
  serializeSync(topic: string, value: T): Buffer {
    const w = this.writers.get(topic);
    if (w === undefined) throw new SerdeError('NOT_READY', `serializer for ${topic} is not prepared: await prepare(topic) first`);
    return this.write(w, value);
  }

  /** The schema id written to a topic, when prepared. */
  schemaId(topic: string): number | undefined {
    return this.writers.get(topic)?.id;
  }
}

interface ReaderEntry {
  info: SchemaInfo;
  codec: Codec;
  rules: RuleRunner | null;
}

export class Deserializer<T = unknown> {
  private readonly isKey: boolean;
  private readonly strategy: SubjectNameStrategy;
  private readonly byRef: Lru<string, ReaderEntry>;
  private readonly loading = new Map<string, Promise<ReaderEntry>>();
  private readonly readers = new Map<string, Codec>();
  private readonly readerLoading = new Map<string, Promise<Codec>>();

  constructor(private readonly opts: DeserializerOptions) {
    this.isKey = opts.isKey === true;
    this.strategy = opts.subjectNameStrategy ?? 'topic';
    this.byRef = new Lru(opts.cacheCapacity ?? 1000);
  }

  private refKey(h: WireHeader): string {
    return h.id !== undefined ? `i${h.id}` : `g${h.guid!}`;
  }

  private async load(topic: string, h: WireHeader): Promise<ReaderEntry> {
    const client = this.opts.client;
    const subjectHint = this.strategy === 'topic' ? topicNameStrategy(topic, this.isKey) : undefined;
    const info: SchemaInfo = h.id !== undefined ? await client.schemaById(h.id, subjectHint) : await client.schemaByGuid(h.guid!);
    const type = info.schemaType ?? 'AVRO';
    if (this.opts.type !== undefined && type !== this.opts.type) {
      throw new SerdeError('UNKNOWN_SCHEMA', `schema ${h.id ?? h.guid} is ${type}; this deserializer reads ${this.opts.type}`);
    }
    const codec = buildCodec(info, await resolveDeps(client, info), this.opts);
    let rules: RuleRunner | null = null;
    if (this.opts.enforceRules === true) {
      rules = RuleRunner.compile(info, subjectFor(this.strategy, topic, this.isKey, codec.recordName()), 'READ');
      if (rules.empty) rules = null;
    }
    return { info, codec, rules };
  }

  private entry(topic: string, h: WireHeader): ReaderEntry | Promise<ReaderEntry> {
    const key = this.refKey(h);
    const hit = this.byRef.get(key);
    if (hit !== undefined) return hit;
    let p = this.loading.get(key);
    if (p === undefined) {
      p = this.load(topic, h).then((e) => {
        this.byRef.set(key, e);
        return e;
      }).finally(() => this.loading.delete(key));
      this.loading.set(key, p);
    }
    return p;
  }

  private wantsReader(): boolean {
    return this.opts.useLatest === true || this.opts.useLatestWithMetadata !== undefined;
  }

  private async loadReader(topic: string, writer: ReaderEntry): Promise<Codec> {
    const client = this.opts.client;
    const subject = subjectFor(this.strategy, topic, this.isKey, writer.codec.recordName());
    const r = this.opts.useLatestWithMetadata !== undefined ? await client.latestWithMetadata(subject, this.opts.useLatestWithMetadata) : await client.latestVersion(subject);
    return buildCodec(r, await resolveDeps(client, r), this.opts);
  }

  private reader(topic: string, writer: ReaderEntry): Codec | Promise<Codec> | undefined {
    if (!this.wantsReader()) return undefined;
    const hit = this.readers.get(topic);
    if (hit !== undefined) return hit;
    let p = this.readerLoading.get(topic);
    if (p === undefined) {
      p = this.loadReader(topic, writer).then((c) => {
        this.readers.set(topic, c);
        return c;
      }).finally(() => this.readerLoading.delete(topic));
      this.readerLoading.set(topic, p);
    }
    return p;
  }

  private read(e: ReaderEntry, h: WireHeader, bytes: Buffer, headers: readonly HeaderLike[] | undefined, reader: Codec | undefined): T {
    let idx: number[] | undefined;
    let off = h.payloadOffset;
    // Protobuf indexes follow the id (in the payload or in the schema-id header) only when the
    // schema is Protobuf: read them now that the format is known.
    if (e.codec.type === 'PROTOBUF') {
      try {
        const again = readWireHeader(bytes, true, headers, this.isKey);
        idx = again.messageIndexes;
        off = again.payloadOffset;
      } catch (err) {
        throw wireError(err);
      }
    }
    const payload = off === 0 ? bytes : bytes.subarray(off);
    let v: unknown;
    try {
      v = e.codec.decode(payload, idx, reader);
    } catch (err) {
      if (err instanceof SerdeError) throw err;
      throw new SerdeError('INVALID_VALUE', `payload does not decode with schema ${h.id ?? h.guid}: ${(err as Error).message}`, { cause: err });
    }
    if (e.rules !== null) e.rules.check(v);
    return v as T;
  }

  /** Decodes a value in wire format (the schema id from the record's schema-id header when present). */
  async deserialize(topic: string, bytes: Buffer, headers?: readonly HeaderLike[]): Promise<T> {
    const h = this.headerOf(bytes, headers);
    const e0 = this.entry(topic, h);
    const e = e0 instanceof Promise ? await e0 : e0;
    const r0 = this.reader(topic, e);
    const r = r0 instanceof Promise ? await r0 : r0;
    return this.read(e, h, bytes, headers, r);
  }

  /** Loads what deserializeSync needs for this record; null when it is all cached. */
  prepare(topic: string, bytes: Buffer, headers?: readonly HeaderLike[]): Promise<void> | null {
    const h = this.headerOf(bytes, headers);
    const e0 = this.entry(topic, h);
    if (!(e0 instanceof Promise)) {
      const r0 = this.reader(topic, e0);
      return r0 instanceof Promise ? r0.then(() => undefined) : null;
    }
    return e0.then((e) => this.reader(topic, e)).then(() => undefined);
  }

  /** As deserialize, for records whose schema is cached (throws SerdeError NOT_READY otherwise). */
  deserializeSync(topic: string, bytes: Buffer, headers?: readonly HeaderLike[]): T {
    const h = this.headerOf(bytes, headers);
    const e = this.byRef.get(this.refKey(h));
    if (e === undefined) throw new SerdeError('NOT_READY', `schema ${h.id ?? h.guid} is not loaded: call prepare() first`);
    const r = this.wantsReader() ? this.readers.get(topic) : undefined;
    if (this.wantsReader() && r === undefined) throw new SerdeError('NOT_READY', `reader schema for ${topic} is not loaded: call prepare() first`);
    return this.read(e, h, bytes, headers, r);
  }

  /** The wire header without Protobuf indexes (they are read once the schema's format is known). */
  private headerOf(bytes: Buffer, headers: readonly HeaderLike[] | undefined): WireHeader {
    try {
      return readWireHeader(bytes, false, headers, this.isKey);
    } catch (err) {
      throw wireError(err);
    }
  }
}

function wireError(err: unknown): unknown {
  return err instanceof WireFormatError ? new SerdeError('WIRE_FORMAT', err.message, { cause: err }) : err;
}
