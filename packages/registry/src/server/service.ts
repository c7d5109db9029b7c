// What the registry does, independent of HTTP: register, look up, delete, configure. Reads come
// from the in-memory state; writes are checked against the state, appended to the schemas topic,
// and answered once the reader applied them. Writes run one at a time (on the primary).
import { checkCompatibility, parseSchema } from '../formats/index.js';
import { COMPATIBILITY_LEVELS, InvalidSchemaError, type CompatibilityLevel, type ParsedSchema, type ResolvedReference, type SchemaReference, type SchemaType } from '../formats/types.js';
import { contextOf, DEFAULT_CONTEXT, parseSubject } from './contexts.js';
import { RegistryError, schemaNotFound, subjectNotFound, versionNotFound } from './errors.js';
import { schemaGuid } from './guid.js';
import type { KafkaStore } from './kafka-store.js';
import { configKey, deleteSubjectKey, encodeJson, encodeSchemaValue, modeKey, schemaKey, type ConfigValue, type RecordKey, type RuleSet, type SchemaMetadata, type SchemaValue } from './records.js';
import type { RegistryState } from './state.js';

export type RegistryMode = 'READWRITE' | 'READONLY' | 'READONLY_OVERRIDE' | 'IMPORT';
export const MODES: readonly RegistryMode[] = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'];
const DEFAULT_COMPATIBILITY: CompatibilityLevel = 'BACKWARD';
const MAX_VERSION = 2 ** 31 - 1;
const MAX_REFERENCE_DEPTH = 32;
/** A record of the schemas topic must fit Kafka's default message.max.bytes (1 MiB) with its key and batch overhead. */
const MAX_RECORD_BYTES = 1_000_000;

/** The body of a register or lookup request. */
export interface SchemaRequest {
  schema: string;
  schemaType?: SchemaType;
  references?: SchemaReference[];
  metadata?: SchemaMetadata | null;
  ruleSet?: RuleSet | null;
  id?: number;
  version?: number;
}

/** A schema as the REST API returns it (Confluent's `Schema` entity). */
export interface SchemaResponse {
  subject?: string;
  version?: number;
  id?: number;
  /** Confluent Platform 8's GUID (see guid.ts). */
  guid?: string;
  schemaType?: SchemaType;
  references?: SchemaReference[];
  metadata?: SchemaMetadata;
  ruleSet?: RuleSet;
  schema: string;
  deleted?: boolean;
}

export function toResponse(v: SchemaValue, guid: string, withSubject = true): SchemaResponse {
  const out: SchemaResponse = withSubject ? { subject: v.subject, version: v.version, id: v.id, guid, schema: '' } : { guid, schema: '' };
  if (v.schemaType !== undefined && v.schemaType !== 'AVRO') out.schemaType = v.schemaType;
  if (v.references !== undefined && v.references.length > 0) out.references = v.references;
  if (v.metadata != null) out.metadata = v.metadata;
  if (v.ruleSet != null) out.ruleSet = v.ruleSet;
  out.schema = v.schema;
  return out;
}


export class RegistryService {
  private queue: Promise<unknown> = Promise.resolve();
  /** Canonical text of stored schemas, by context and id (parsed lazily, for id reuse). */
  private readonly canonicalCache = new Map<string, string | null>();

  constructor(readonly state: RegistryState, private readonly store: KafkaStore) {}

  /** Runs writes one at a time, each after the reader caught up with the topic. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await this.store.catchUp();
      return fn();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  // ---- subjects and versions -----------------------------------------------------------------

  checkSubject(subject: string): string {
    if (subject.length === 0 || /[\u0000-\u001f]/.test(subject) || subject === '__GLOBAL' || subject === '__EMPTY') {
      throw new RegistryError('INVALID_SUBJECT', `The specified subject '${subject}' is not a valid.`);
    }
    return parseSubject(subject).qualified;
  }

  subjects(opts: { prefix?: string; deleted?: boolean; deletedOnly?: boolean; offset?: number; limit?: number }): string[] {
    const out: string[] = [];
    for (const [s, vs] of this.state.subjects) {
      if (opts.prefix !== undefined && opts.prefix !== ':*:' && !s.startsWith(parseSubject(opts.prefix).qualified)) continue;
      const values = [...vs.values()];
      const live = values.some((v) => !v.deleted);
      const dead = values.some((v) => v.deleted);
      if (opts.deletedOnly === true ? dead && !live : live || (opts.deleted === true && dead)) out.push(s);
    }
    out.sort();
    return page(out, opts.offset, opts.limit);
  }

  versions(subject: string, opts: { deleted?: boolean; deletedOnly?: boolean; offset?: number; limit?: number } = {}): number[] {
    const all = this.state.versions(subject, true);
    const vs = all.filter((v) => (opts.deletedOnly === true ? v.deleted : opts.deleted === true || !v.deleted));
    if (vs.length === 0 && (opts.deletedOnly !== true || all.length === 0)) throw subjectNotFound(subject);
    return page(vs.map((v) => v.version), opts.offset, opts.limit);
  }

  /** `latest`, `-1` or a number in [1, 2^31-1]. */
  static parseVersion(text: string): number | 'latest' {
    if (text === 'latest' || text === '-1') return 'latest';
    if (!/^[0-9]{1,10}$/.test(text) || Number(text) < 1 || Number(text) > MAX_VERSION) {
      throw new RegistryError('INVALID_VERSION', `The specified version '${text}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`);
    }
    return Number(text);
  }

  getVersion(subject: string, version: number | 'latest', includeDeleted = false): SchemaValue {
    const all = this.state.versions(subject, true);
    if (all.length === 0 || (!includeDeleted && all.every((v) => v.deleted))) throw subjectNotFound(subject);
    if (version === 'latest') {
      const live = all.filter((v) => includeDeleted || !v.deleted);
      return live[live.length - 1]!;
    }
    const v = all.find((x) => x.version === version);
    if (v === undefined || (v.deleted && !includeDeleted)) throw versionNotFound(version);
    return v;
  }

  latestWithMetadata(subject: string, props: Record<string, string>, includeDeleted = false): SchemaValue {
    const all = this.state.versions(subject, includeDeleted);
    if (all.length === 0) throw subjectNotFound(subject);
    for (let i = all.length - 1; i >= 0; i--) {
      const p = all[i]!.metadata?.properties ?? {};
      if (Object.entries(props).every(([k, v]) => p[k] === v)) return all[i]!;
    }
    throw new RegistryError('VERSION_NOT_FOUND', `Version with metadata ${JSON.stringify(props)} not found in subject '${subject}'`);
  }

  referencedBy(subject: string, version: number | 'latest'): number[] {
    const v = this.getVersion(subject, version);
    return this.state.referencedBy(subject, v.version).map((x) => x.id).sort((a, b) => a - b);
  }

  // ---- parsing -------------------------------------------------------------------------------

  /** Resolves references depth first; a missing one or a cycle is an invalid schema (42201). */
  resolveReferences(refs: readonly SchemaReference[], path: string[] = []): ResolvedReference[] {
    if (path.length > MAX_REFERENCE_DEPTH) throw new RegistryError('INVALID_SCHEMA', `Invalid schema: references nest deeper than ${MAX_REFERENCE_DEPTH}`);
    return refs.map((r) => {
      if (typeof r.name !== 'string' || typeof r.subject !== 'string' || !Number.isInteger(r.version)) {
        throw new RegistryError('INVALID_SCHEMA', 'Invalid schema: a reference needs name, subject and version');
      }
      const id = `${r.subject}/${r.version}`;
      if (path.includes(id)) throw new RegistryError('INVALID_SCHEMA', `Invalid schema: reference cycle ${[...path, id].join(' -> ')}`);
      const all = this.state.versions(r.subject, true);
      const v = r.version === -1 ? all.filter((x) => !x.deleted).at(-1) : all.find((x) => x.version === r.version);
      if (v === undefined) {
        throw new RegistryError('INVALID_SCHEMA', `Invalid schema: no schema reference found for subject "${r.subject}" and version ${r.version}`);
      }
      return {
        name: r.name, subject: r.subject, version: v.version, schemaType: v.schemaType ?? 'AVRO', schema: v.schema,
        references: this.resolveReferences(v.references ?? [], [...path, id]),
      };
    });
  }

  parse(req: SchemaRequest): ParsedSchema {
    if (typeof req.schema !== 'string') throw new RegistryError('INVALID_SCHEMA', 'Invalid schema: the schema field must be a string');
    const type = req.schemaType ?? 'AVRO';
    if (type !== 'AVRO' && type !== 'JSON' && type !== 'PROTOBUF') throw new RegistryError('INVALID_SCHEMA', `Invalid schema: unknown schema type ${String(type)}`);
    const refs = this.resolveReferences(req.references ?? []);
    try {
      return parseSchema(type, req.schema, refs);
    } catch (e) {
      if (e instanceof InvalidSchemaError) throw new RegistryError('INVALID_SCHEMA', e.message);
      if (e instanceof RegistryError) throw e;
      throw new RegistryError('INVALID_SCHEMA', `Invalid schema: ${(e as Error).message}`);
    }
  }

  private parseStored(v: SchemaValue): ParsedSchema | null {
    try {
      return parseSchema(v.schemaType ?? 'AVRO', v.schema, this.resolveReferences(v.references ?? []));
    } catch {
      return null;
    }
  }

  private canonicalOf(v: SchemaValue): string | null {
    const k = `${contextOf(v.subject)}\u0000${v.id}`;
    if (!this.canonicalCache.has(k)) this.canonicalCache.set(k, this.parseStored(v)?.canonical() ?? null);
    return this.canonicalCache.get(k)!;
  }

  private sameSchema(v: SchemaValue, type: SchemaType, text: string, canonical: string, refs: readonly SchemaReference[]): boolean {
    if ((v.schemaType ?? 'AVRO') !== type || !sameRefs(v.references ?? [], refs)) return false;
    return v.schema === text || v.schema === canonical || this.canonicalOf(v) === canonical;
  }

  // ---- register and look up ------------------------------------------------------------------

  /** POST /subjects/{s}: the version of this subject with this schema. */
  lookup(subject: string, req: SchemaRequest, opts: { normalize?: boolean; deleted?: boolean } = {}): SchemaValue {
    const all = this.state.versions(subject, opts.deleted === true);
    if (all.length === 0) throw subjectNotFound(subject);
    const parsed = this.parse(req);
    const text = opts.normalize === true ? parsed.normalized() : parsed.canonical();
    const type = req.schemaType ?? 'AVRO';
    const refs = req.references ?? [];
    for (let i = all.length - 1; i >= 0; i--) {
      const v = all[i]!;
      if (this.sameSchema(v, type, req.schema, text, refs) || (opts.normalize === true && this.sameSchema(v, type, req.schema, parsed.canonical(), refs))) return v;
    }
    throw schemaNotFound();
  }

  mode(subject: string | null): RegistryMode {
    const m = (subject !== null ? this.state.mode(subject) : undefined) ?? this.state.mode(null) ?? 'READWRITE';
    return m as RegistryMode;
  }

  private checkWritable(subject: string): RegistryMode {
    const m = this.mode(subject);
    if (m === 'READONLY' || m === 'READONLY_OVERRIDE') throw new RegistryError('OPERATION_NOT_PERMITTED', `Subject ${subject} is in read-only mode`);
    return m;
  }

  compatibility(subject: string | null): CompatibilityLevel {
    const c = (subject !== null ? this.state.config(subject)?.compatibilityLevel : undefined) ?? this.state.config(null)?.compatibilityLevel;
    return COMPATIBILITY_LEVELS.includes(c as CompatibilityLevel) ? (c as CompatibilityLevel) : DEFAULT_COMPATIBILITY;
  }

  register(subject: string, req: SchemaRequest, opts: { normalize?: boolean } = {}): Promise<{ id: number; version: number; existed: boolean; value: SchemaValue }> {
    return this.exclusive(async () => {
      const mode = this.checkWritable(subject);
      const importing = req.id !== undefined && req.id >= 0;
      if (importing && mode !== 'IMPORT') throw new RegistryError('OPERATION_NOT_PERMITTED', `Subject ${subject} is not in import mode`);
      const parsed = this.parse(req);
      const normalize = opts.normalize === true || this.state.config(subject)?.normalize === true || this.state.config(null)?.normalize === true;
      const text = normalize ? parsed.normalized() : parsed.canonical();
      const type = req.schemaType ?? 'AVRO';
      const refs = req.references ?? [];
      const ctx = contextOf(subject);
      const all = this.state.versions(subject, true);
      const metadata = req.metadata ?? null;
      const ruleSet = req.ruleSet ?? null;

      // Already registered (and not deleted) under this subject: answer its id, write nothing.
      for (let i = all.length - 1; i >= 0 && !importing; i--) {
        const v = all[i]!;
        if (!v.deleted && this.sameSchema(v, type, req.schema, text, refs) && sameJson(v.metadata, metadata) && sameJson(v.ruleSet, ruleSet)) {
          return { id: v.id, version: v.version, existed: true, value: v };
        }
      }

      const live = all.filter((v) => !v.deleted);
      if (mode !== 'IMPORT' && live.length > 0) {
        const level = this.compatibility(subject);
        const previous = live.map((v) => this.parseStored(v)).filter((p): p is ParsedSchema => p !== null);
        const res = checkCompatibility(level, parsed, previous);
        if (!res.compatible) {
          throw new RegistryError('INCOMPATIBLE_SCHEMA', `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${res.messages.join(', ')}]`);
        }
      }

      let id: number;
      if (importing) {
        id = req.id!;
        const existing = this.state.schemaById(ctx, id);
        if (existing !== undefined && !this.sameSchema(existing, type, req.schema, text, refs)) {
          throw new RegistryError('OPERATION_NOT_PERMITTED', `Overwrite new schema with id ${id} is not permitted.`);
        }
      } else {
        id = this.findId(ctx, type, req.schema, text, refs, metadata, ruleSet) ?? this.state.maxId(ctx) + 1;
      }
      let version = (all.at(-1)?.version ?? 0) + 1;
      if (req.version !== undefined && req.version > 0) {
        if (mode !== 'IMPORT' && req.version !== version) {
          throw new RegistryError('INVALID_SCHEMA', `Version is not one more than previous version (previous ${version - 1}, given ${req.version})`);
        }
        version = req.version;
      }
      const value: SchemaValue = { subject, version, id, schemaType: type, references: refs, metadata, ruleSet, schema: text, deleted: false };
      const encoded = encodeSchemaValue(value);
      if (encoded.length > MAX_RECORD_BYTES) {
        throw new RegistryError('SCHEMA_TOO_LARGE', `Schema too large: its record would be ${encoded.length} bytes; the schemas topic takes at most ${MAX_RECORD_BYTES}`);
      }
      await this.store.write([[schemaKey(subject, version), encoded]]);
      return { id, version, existed: false, value };
    });
  }

  /**
   * The id this schema already has in the context: the same text, references, metadata and rule set
   * (Confluent keys ids by the MD5 of all four, its GUID), or the same in canonical form.
   */
  private findId(ctx: string, type: SchemaType, raw: string, text: string, refs: readonly SchemaReference[], metadata: SchemaMetadata | null, ruleSet: RuleSet | null): number | undefined {
    const exact = this.state.idByGuidIn(ctx, schemaGuid({ schema: text, references: refs, metadata, ruleSet }));
    if (exact !== undefined && (this.state.schemaById(ctx, exact)?.schemaType ?? 'AVRO') === type) return exact;
    for (const [id, v] of this.state.idsIn(ctx)) {
      if (this.sameSchema(v, type, raw, text, refs) && sameJson(v.metadata, metadata) && sameJson(v.ruleSet, ruleSet)) return id;
    }
    return undefined;
  }

  /** A schema as the REST API returns it, with its GUID. */
  response(v: SchemaValue, withSubject = true): SchemaResponse {
    return toResponse(v, this.state.guidOf(v), withSubject);
  }

  byGuid(guid: string): SchemaValue {
    const found = this.state.idByGuid(guid.toLowerCase());
    const v = found === undefined ? undefined : this.state.schemaById(found.context, found.id);
    if (v === undefined) throw new RegistryError('SCHEMA_NOT_FOUND', `Schema ${guid} not found`);
    return v;
  }

  // ---- ids -----------------------------------------------------------------------------------

  byId(id: number, subject?: string): SchemaValue {
    const ctx = subject !== undefined && subject !== '' ? contextOf(subject) : DEFAULT_CONTEXT;
    const v = this.state.schemaById(ctx, id);
    if (v === undefined) throw new RegistryError('SCHEMA_NOT_FOUND', `Schema ${id} not found`);
    return v;
  }

  formatted(v: SchemaValue, format: string): string {
    const p = this.parseStored(v);
    return p?.formatted(format) ?? v.schema;
  }

  idUses(id: number, subject: string | undefined, deleted: boolean): SchemaValue[] {
    const v = this.byId(id, subject);
    const ctx = contextOf(v.subject);
    const out: SchemaValue[] = [];
    for (const [s, vs] of this.state.subjects) {
      if (contextOf(s) !== ctx) continue;
      for (const x of vs.values()) if (x.id === id && (deleted || !x.deleted)) out.push(x);
    }
    return out.sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.version - b.version));
  }

  schemas(opts: { prefix?: string; deleted?: boolean; latestOnly?: boolean; offset?: number; limit?: number }): SchemaValue[] {
    const out: SchemaValue[] = [];
    for (const s of [...this.state.subjects.keys()].sort()) {
      if (opts.prefix !== undefined && !s.startsWith(opts.prefix)) continue;
      const vs = this.state.versions(s, opts.deleted === true);
      if (opts.latestOnly === true) {
        if (vs.length > 0) out.push(vs[vs.length - 1]!);
      } else {
        out.push(...vs);
      }
    }
    return page(out, opts.offset, opts.limit);
  }

  // ---- compatibility -------------------------------------------------------------------------

  testCompatibility(subject: string, version: number | 'latest' | null, req: SchemaRequest, opts: { normalize?: boolean } = {}): { is_compatible: boolean; messages: string[] } {
    const parsed = this.parse(req);
    void opts;
    const live = this.state.versions(subject, false);
    let previous: ParsedSchema[];
    let level = this.compatibility(subject);
    if (version === null) {
      previous = live.map((v) => this.parseStored(v)).filter((p): p is ParsedSchema => p !== null);
    } else {
      if (live.length === 0 && version === 'latest') return { is_compatible: true, messages: [] };
      const v = this.getVersion(subject, version);
      const p = this.parseStored(v);
      previous = p === null ? [] : [p];
      // Against one version, a transitive level means its non-transitive self.
      level = level.replace('_TRANSITIVE', '') as CompatibilityLevel;
    }
    const res = checkCompatibility(level, parsed, previous);
    return { is_compatible: res.compatible, messages: res.messages };
  }

  // ---- deletes -------------------------------------------------------------------------------

  deleteVersion(subject: string, versionText: string, permanent: boolean): Promise<number> {
    return this.exclusive(async () => {
      this.checkWritable(subject);
      const version = RegistryService.parseVersion(versionText);
      const all = this.state.versions(subject, true);
      if (all.length === 0) throw subjectNotFound(subject);
      let v: SchemaValue | undefined;
      if (version === 'latest') v = (permanent ? all : all.filter((x) => !x.deleted)).at(-1);
      else v = all.find((x) => x.version === version);
      if (v === undefined) throw versionNotFound(version);
      if (this.state.referencedBy(subject, v.version).length > 0) {
        throw new RegistryError('REFERENCE_EXISTS', `One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=${subject},version=${v.version}}.`);
      }
      if (!permanent) {
        if (v.deleted) throw new RegistryError('SCHEMA_VERSION_SOFT_DELETED', `Subject '${subject}' Version ${v.version} was soft deleted.Set permanent=true to delete permanently`);
        await this.store.write([[schemaKey(subject, v.version), encodeSchemaValue({ ...v, deleted: true })]]);
      } else {
        if (!v.deleted) throw new RegistryError('SCHEMA_VERSION_NOT_SOFT_DELETED', `Subject '${subject}' Version ${v.version} was not deleted first before being permanently deleted`);
        await this.store.write([[schemaKey(subject, v.version), null]]);
      }
      return v.version;
    });
  }

  deleteSubject(subject: string, permanent: boolean): Promise<number[]> {
    return this.exclusive(async () => {
      this.checkWritable(subject);
      const all = this.state.versions(subject, true);
      if (all.length === 0) throw subjectNotFound(subject);
      const live = all.filter((v) => !v.deleted);
      for (const v of all) {
        if (this.state.referencedBy(subject, v.version).length > 0) {
          throw new RegistryError('REFERENCE_EXISTS', `One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=${subject},version=${v.version}}.`);
        }
      }
      const records: Array<readonly [RecordKey, Buffer | null]> = [];
      if (!permanent) {
        if (live.length === 0) throw new RegistryError('SUBJECT_SOFT_DELETED', `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`);
        for (const v of live) records.push([schemaKey(subject, v.version), encodeSchemaValue({ ...v, deleted: true })]);
        records.push([deleteSubjectKey(subject), encodeJson({ subject, version: all.at(-1)!.version })]);
        await this.store.write(records);
        return live.map((v) => v.version);
      }
      if (live.length > 0) throw new RegistryError('SUBJECT_NOT_SOFT_DELETED', `Subject '${subject}' was not deleted first before being permanently deleted`);
      for (const v of all) records.push([schemaKey(subject, v.version), null]);
      if (this.state.config(subject) !== undefined) records.push([configKey(subject), null]);
      if (this.state.mode(subject) !== undefined) records.push([modeKey(subject), null]);
      await this.store.write(records);
      return all.map((v) => v.version);
    });
  }

  // ---- config and mode -----------------------------------------------------------------------

  getConfig(subject: string | null, defaultToGlobal: boolean): ConfigValue & { compatibilityLevel: string } {
    const own = subject === null ? this.state.config(null) : this.state.config(subject);
    if (subject !== null && own === undefined && !defaultToGlobal) {
      throw new RegistryError('SUBJECT_COMPATIBILITY_NOT_CONFIGURED', `Subject '${subject}' does not have subject-level compatibility configured`);
    }
    const base = own ?? (subject !== null ? this.state.config(null) : undefined) ?? {};
    return { ...stripNulls(base), compatibilityLevel: base.compatibilityLevel ?? DEFAULT_COMPATIBILITY };
  }

  setConfig(subject: string | null, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.exclusive(async () => {
      const c = body['compatibility'] ?? body['compatibilityLevel'];
      const value: ConfigValue = {};
      if (c !== undefined && c !== null) {
        const level = typeof c === 'string' ? c.toUpperCase() : '';
        if (!COMPATIBILITY_LEVELS.includes(level as CompatibilityLevel)) {
          throw new RegistryError('INVALID_COMPATIBILITY_LEVEL', 'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive');
        }
        value.compatibilityLevel = level;
      } else {
        const old = this.state.config(subject);
        if (old?.compatibilityLevel !== undefined) value.compatibilityLevel = old.compatibilityLevel;
      }
      for (const k of ['alias', 'normalize', 'validateFields', 'compatibilityGroup', 'defaultMetadata', 'overrideMetadata', 'defaultRuleSet', 'overrideRuleSet'] as const) {
        if (body[k] !== undefined && body[k] !== null) (value as Record<string, unknown>)[k] = body[k];
      }
      await this.store.write([[configKey(subject), encodeJson(value)]]);
      const out: Record<string, unknown> = { ...value };
      delete out['compatibilityLevel'];
      if (value.compatibilityLevel !== undefined) out['compatibility'] = value.compatibilityLevel;
      return out;
    });
  }

  deleteConfig(subject: string | null): Promise<ConfigValue & { compatibilityLevel: string }> {
    return this.exclusive(async () => {
      const old = this.state.config(subject);
      if (subject !== null && old === undefined) throw subjectNotFound(subject);
      await this.store.write([[configKey(subject), null]]);
      return { ...stripNulls(old ?? {}), compatibilityLevel: old?.compatibilityLevel ?? DEFAULT_COMPATIBILITY };
    });
  }

  getMode(subject: string | null, defaultToGlobal: boolean): { mode: RegistryMode } {
    if (subject !== null && this.state.mode(subject) === undefined && !defaultToGlobal) {
      throw new RegistryError('SUBJECT_MODE_NOT_CONFIGURED', `Subject '${subject}' does not have subject-level mode configured`);
    }
    return { mode: this.mode(subject) };
  }

  setMode(subject: string | null, modeText: unknown, force: boolean): Promise<{ mode: RegistryMode }> {
    return this.exclusive(async () => {
      const mode = typeof modeText === 'string' ? modeText.toUpperCase() : '';
      if (!MODES.includes(mode as RegistryMode)) {
        throw new RegistryError('INVALID_MODE', 'Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, and IMPORT.');
      }
      if (mode === 'IMPORT' && !force) {
        const hasSubjects = subject === null ? this.subjects({}).length > 0 : this.state.versions(subject, false).length > 0;
        if (hasSubjects) throw new RegistryError('OPERATION_NOT_PERMITTED', 'Cannot import since found existing subjects');
      }
      await this.store.write([[modeKey(subject), encodeJson({ mode })]]);
      return { mode: mode as RegistryMode };
    });
  }

  deleteMode(subject: string): Promise<{ mode: RegistryMode }> {
    return this.exclusive(async () => {
      const old = this.state.mode(subject);
      if (old === undefined) throw subjectNotFound(subject);
      await this.store.write([[modeKey(subject), null]]);
      return { mode: old as RegistryMode };
    });
  }

  // ---- contexts ------------------------------------------------------------------------------

  contexts(): string[] {
    return this.state.contexts();
  }

  /** Contexts exist only through their subjects: deleting one succeeds once it has none left. */
  deleteContext(context: string): Promise<void> {
    return this.exclusive(() => {
      if ([...this.state.subjects.keys()].some((s) => contextOf(s) === context)) {
        throw new RegistryError('CONTEXT_NOT_EMPTY', `Context '${context}' is not empty`);
      }
      return Promise.resolve();
    });
  }
}

function page<T>(xs: T[], offset = 0, limit = -1): T[] {
  const start = Math.max(0, offset);
  return limit > 0 ? xs.slice(start, start + limit) : xs.slice(start);
}

function sameRefs(a: readonly SchemaReference[], b: readonly SchemaReference[]): boolean {
  return a.length === b.length && a.every((r, i) => r.name === b[i]!.name && r.subject === b[i]!.subject && r.version === b[i]!.version);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function stripNulls<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}
