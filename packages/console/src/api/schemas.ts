// Schemas: the registry's subjects, versions, a line diff between two versions, the compatibility
// level (global and per subject) read and set, a compatibility check of a draft (the registry's
// verbose messages) and registration. Every call goes to the registry named by --registry through
// @tideline/registry's RegistryClient; the registry decides, the console only shows.
import { diffLines } from 'diff';
import type { RegisteredSchema, RegistryClient, SchemaInfo, SchemaType } from '@tideline/registry';
import { RegistryErrorCode, RegistryRequestError } from '@tideline/registry';
import type { ConsoleContext } from '../context.js';
import { ApiError } from '../errors.js';
import { oneOf, optBool, optInt, readJson, reqString, type RequestContext, type Route } from '../http.js';
import { requireRegistry, shownRegistryUrl, viaRegistry } from '../registry.js';

export const COMPATIBILITY_LEVELS = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'] as const;
const SCHEMA_TYPES = ['AVRO', 'JSON', 'PROTOBUF'] as const;
const BODY_LIMIT = 4 << 20;
const MAX_SUBJECT = 1024;

export interface SchemaVersionJson {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  /** As registered. */
  schema: string;
  /** For reading and diffs: Avro and JSON Schema pretty-printed (2 spaces), Protobuf as registered. */
  pretty: string;
  references: Array<{ name: string; subject: string; version: number }>;
}

export interface DiffLine {
  /** ' ' unchanged, '-' only in `from`, '+' only in `to`. */
  op: ' ' | '-' | '+';
  text: string;
  /** Line number in `from` / `to` (1-based) where the line is there. */
  a: number | null;
  b: number | null;
}

export function pretty(schema: string, type: SchemaType): string {
  if (type === 'PROTOBUF') return schema.endsWith('\n') ? schema : schema + '\n';
  try {
    return JSON.stringify(JSON.parse(schema), null, 2) + '\n';
  } catch {
    return schema;
  }
}

function versionJson(r: RegisteredSchema): SchemaVersionJson {
  const type = r.schemaType ?? 'AVRO';
  return {
    subject: r.subject ?? '', version: r.version ?? 0, id: r.id, schemaType: type, schema: r.schema, pretty: pretty(r.schema, type),
    references: (r.references ?? []).map((x) => ({ name: x.name, subject: x.subject, version: x.version })),
  };
}

/** A line diff of two texts (the `diff` package's line diff, split into numbered lines). */
export function lineDiff(from: string, to: string): DiffLine[] {
  const out: DiffLine[] = [];
  let a = 1;
  let b = 1;
  for (const part of diffLines(from, to)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) {
      if (part.added === true) out.push({ op: '+', text, a: null, b: b++ });
      else if (part.removed === true) out.push({ op: '-', text, a: a++, b: null });
      else out.push({ op: ' ', text, a: a++, b: b++ });
    }
  }
  return out;
}

function subjectParam(v: string | undefined): string {
  const s = reqString(v, 'subject', MAX_SUBJECT);
  if (/[\u0000-\u001f]/.test(s)) throw new ApiError('BAD_REQUEST', 'subject must not contain control characters');
  return s;
}

function versionParam(v: string | null | undefined, name: string): number | 'latest' {
  if (v === undefined || v === null || v === '' || v === 'latest' || v === '-1') return 'latest';
  const n = optInt(v, name, 1, 0x7fffffff);
  return n ?? 'latest';
}

/** The draft in a check or register body: {schema, schemaType?, references?}. */
function draftOf(b: Record<string, unknown>): SchemaInfo {
  const schema = b.schema;
  let text: string;
  if (typeof schema === 'string') text = schema;
  else if (typeof schema === 'object' && schema !== null) text = JSON.stringify(schema);
  else throw new ApiError('BAD_REQUEST', 'schema is required (the schema text, or a JSON object for Avro/JSON Schema)');
  if (text.trim() === '') throw new ApiError('BAD_REQUEST', 'schema is empty');
  const schemaType = oneOf(typeof b.schemaType === 'string' ? b.schemaType.toUpperCase() : b.schemaType, 'schemaType', SCHEMA_TYPES, 'AVRO');
  const info: SchemaInfo = { schema: text, schemaType };
  if (b.references !== undefined && b.references !== null) {
    if (!Array.isArray(b.references)) throw new ApiError('BAD_REQUEST', 'references must be an array of {name, subject, version}');
    info.references = (b.references as unknown[]).map((r, i) => {
      const x = r as { name?: unknown; subject?: unknown; version?: unknown };
      if (typeof r !== 'object' || r === null || typeof x.name !== 'string' || typeof x.subject !== 'string' || typeof x.version !== 'number' || !Number.isInteger(x.version)) {
        throw new ApiError('BAD_REQUEST', `references[${i}] must be {name: string, subject: string, version: integer}`);
      }
      return { name: x.name, subject: x.subject, version: x.version };
    });
  }
  return info;
}

function requestBody(info: SchemaInfo): Record<string, unknown> {
  return { schema: info.schema, ...(info.schemaType !== 'AVRO' ? { schemaType: info.schemaType } : {}), ...(info.references !== undefined ? { references: info.references } : {}) };
}

function level(v: unknown): (typeof COMPATIBILITY_LEVELS)[number] {
  const s = typeof v === 'string' ? v.toUpperCase() : v;
  if (s === undefined || s === null || s === '') throw new ApiError('BAD_REQUEST', `compatibility is required: one of ${COMPATIBILITY_LEVELS.join(', ')}`);
  return oneOf(s, 'compatibility', COMPATIBILITY_LEVELS, 'BACKWARD');
}

/** What the handlers share: the registry client and the reads several of them make. */
interface Helpers {
  ctx: ConsoleContext;
  reg(): RegistryClient;
  globalLevel(): Promise<string>;
  subjectLevel(subject: string): Promise<string | null>;
  getVersion(subject: string, version: number | 'latest'): Promise<SchemaVersionJson>;
}

function helpers(ctx: ConsoleContext): Helpers {
  const reg = (): RegistryClient => requireRegistry(ctx);
  const globalLevel = async (): Promise<string> => (await reg().request<{ compatibilityLevel?: string }>('GET', '/config')).compatibilityLevel ?? 'BACKWARD';
  const subjectLevel = async (subject: string): Promise<string | null> => {
    try {
      return (await reg().request<{ compatibilityLevel?: string }>('GET', `/config/${encodeURIComponent(subject)}`)).compatibilityLevel ?? null;
    } catch (e) {
      if (e instanceof RegistryRequestError && e.status === 404) return null; // 40408: none of its own (or Confluent's 40401)
      throw e;
    }
  };
  const getVersion = async (subject: string, version: number | 'latest'): Promise<SchemaVersionJson> => {
    const r = await reg().request<RegisteredSchema>('GET', `/subjects/${encodeURIComponent(subject)}/versions/${version}`);
    return versionJson({ ...r, subject: r.subject ?? subject });
  };
  return { ctx, reg, globalLevel, subjectLevel, getVersion };
}

/** A route whose handler gets the helpers of the request's context (the console's, or with sign-in the session's). */
type SchemaRoute = Omit<Route, 'handler'> & { handle(h: Helpers, rc: RequestContext): Promise<unknown> };

const ROUTES: SchemaRoute[] = [
  {
    method: 'GET', path: '/api/schemas',
    summary: 'the registry\'s subjects with their latest version, id and type, and the global compatibility level (404 REGISTRY_NOT_CONFIGURED without --registry)',
    handle: (h) => viaRegistry(async () => {
      const c = h.reg();
      const [subjects, latest, compatibility] = await Promise.all([
        c.request<string[]>('GET', '/subjects'),
        c.request<RegisteredSchema[]>('GET', '/schemas?latestOnly=true').catch(() => [] as RegisteredSchema[]),
        h.globalLevel(),
      ]);
      const bySubject = new Map((Array.isArray(latest) ? latest : []).map((s) => [s.subject ?? '', s]));
      return {
        registryUrl: shownRegistryUrl(h.ctx), compatibility,
        subjects: [...subjects].sort().map((s) => {
          const l = bySubject.get(s);
          return { subject: s, latestVersion: l?.version ?? null, id: l?.id ?? null, schemaType: l === undefined ? null : l.schemaType ?? 'AVRO' };
        }),
      };
    }),
  },
  {
    method: 'GET', path: '/api/schemas/config',
    summary: 'the global compatibility level',
    handle: (h) => viaRegistry(async () => ({ compatibility: await h.globalLevel() })),
  },
  {
    method: 'PUT', path: '/api/schemas/config',
    summary: 'set the global compatibility level: {compatibility: NONE|BACKWARD|BACKWARD_TRANSITIVE|FORWARD|FORWARD_TRANSITIVE|FULL|FULL_TRANSITIVE}',
    handle: async (h, { req }) => {
      const compatibility = level((await readJson(req, BODY_LIMIT)).compatibility);
      return viaRegistry(async () => {
        await h.reg().request('PUT', '/config', { compatibility });
        return { compatibility: await h.globalLevel() };
      });
    },
  },
  {
    method: 'GET', path: '/api/schemas/subjects/:subject',
    summary: 'one subject: its versions, its latest version (schema pretty-printed), compatibility {subject (its own level or null), global, effective}',
    handle: (h, { params }) => {
      const subject = subjectParam(params.subject);
      return viaRegistry(async () => {
        const [versions, latest, own, global] = await Promise.all([
          h.reg().request<number[]>('GET', `/subjects/${encodeURIComponent(subject)}/versions`),
          h.getVersion(subject, 'latest'),
          h.subjectLevel(subject),
          h.globalLevel(),
        ]);
        return { subject, versions, latest, compatibility: { subject: own, global, effective: own ?? global } };
      });
    },
  },
  {
    method: 'GET', path: '/api/schemas/subjects/:subject/versions/:version',
    summary: 'one version (number or latest): id, type, schema as registered and pretty-printed, references',
    handle: (h, { params }) => {
      const subject = subjectParam(params.subject);
      const version = versionParam(params.version, 'version');
      return viaRegistry(() => h.getVersion(subject, version));
    },
  },
  {
    method: 'GET', path: '/api/schemas/subjects/:subject/diff',
    summary: 'line diff of two versions\' pretty-printed schemas: ?from (default the one before to) &to (default latest); lines [{op: " "|"-"|"+", text, a, b}]',
    handle: (h, { params, query }) => {
      const subject = subjectParam(params.subject);
      return viaRegistry(async () => {
        const to = await h.getVersion(subject, versionParam(query.get('to'), 'to'));
        const fromQ = query.get('from');
        let fromV: number | 'latest';
        if (fromQ === null || fromQ === '') {
          const versions = await h.reg().request<number[]>('GET', `/subjects/${encodeURIComponent(subject)}/versions`);
          const before = versions.filter((v) => v < to.version);
          if (before.length === 0) throw new ApiError('BAD_REQUEST', `${subject} has no version before ${to.version} to compare with: give from`);
          fromV = before[before.length - 1]!;
        } else fromV = versionParam(fromQ, 'from');
        const from = await h.getVersion(subject, fromV);
        const lines = lineDiff(from.pretty, to.pretty);
        return {
          subject, from, to,
          added: lines.filter((l) => l.op === '+').length, removed: lines.filter((l) => l.op === '-').length,
          lines,
        };
      });
    },
  },
  {
    method: 'PUT', path: '/api/schemas/subjects/:subject/config',
    summary: 'set a subject\'s own compatibility level: {compatibility}',
    handle: async (h, { params, req }) => {
      const subject = subjectParam(params.subject);
      const compatibility = level((await readJson(req, BODY_LIMIT)).compatibility);
      return viaRegistry(async () => {
        await h.reg().request('PUT', `/config/${encodeURIComponent(subject)}`, { compatibility });
        return { subject, compatibility: { subject: await h.subjectLevel(subject), global: await h.globalLevel() } };
      });
    },
  },
  {
    method: 'DELETE', path: '/api/schemas/subjects/:subject/config',
    summary: 'remove a subject\'s own compatibility level (it follows the global one again)',
    handle: (h, { params }) => {
      const subject = subjectParam(params.subject);
      return viaRegistry(async () => {
        const own = await h.subjectLevel(subject);
        if (own !== null) await h.reg().request('DELETE', `/config/${encodeURIComponent(subject)}`);
        return { subject, compatibility: { subject: null, global: await h.globalLevel() } };
      });
    },
  },
  {
    method: 'POST', path: '/api/schemas/subjects/:subject/check',
    summary: 'check a draft against the subject before registering: {schema, schemaType? (AVRO|JSON|PROTOBUF), references?, version? (a number or latest; default every version the level asks for)} → {compatible, messages (the registry\'s verbose reasons)}',
    handle: async (h, { params, req }) => {
      const subject = subjectParam(params.subject);
      const b = await readJson(req, BODY_LIMIT);
      const info = draftOf(b);
      const against = b.version === undefined || b.version === null || b.version === '' || b.version === 'all' ? null : versionParam(String(b.version), 'version');
      return viaRegistry(async () => {
        const path = `/compatibility/subjects/${encodeURIComponent(subject)}/versions${against === null ? '' : `/${against}`}?verbose=true`;
        let r: { is_compatible?: boolean; messages?: unknown };
        try {
          r = await h.reg().request('POST', path, requestBody(info));
        } catch (e) {
          // A subject with no versions yet: anything is compatible (Confluent answers 40401 here).
          if (e instanceof RegistryRequestError && e.errorCode === RegistryErrorCode.SUBJECT_NOT_FOUND) return { subject, compatible: true, messages: [], against: against ?? 'all', note: `${subject} has no versions yet` };
          throw e;
        }
        return { subject, compatible: r.is_compatible === true, messages: Array.isArray(r.messages) ? r.messages.map(String) : [], against: against ?? 'all' };
      });
    },
  },
  {
    method: 'POST', path: '/api/schemas/subjects/:subject/versions',
    summary: 'register a schema under the subject: {schema, schemaType?, references?, normalize?} → {subject, id, version}; 409 INCOMPATIBLE_SCHEMA with the registry\'s reasons when the level refuses it',
    handle: async (h, { params, req }) => {
      const subject = subjectParam(params.subject);
      const b = await readJson(req, BODY_LIMIT);
      const info = draftOf(b);
      const normalize = optBool(b.normalize, 'normalize') === true;
      return viaRegistry(async () => {
        const r = await h.reg().register(subject, info, normalize);
        return { subject, id: r.id, version: r.version ?? null };
      });
    },
  },
  {
    method: 'GET', path: '/api/schemas/ids/:id',
    summary: 'the schema with this id (as records carry it) and the subjects/versions it is registered under',
    handle: (h, { params }) => {
      const id = optInt(params.id, 'id', 0, 0x7fffffff)!;
      return viaRegistry(async () => {
        const [info, uses] = await Promise.all([
          h.reg().request<SchemaInfo>('GET', `/schemas/ids/${id}`),
          h.reg().request<Array<{ subject: string; version: number }>>('GET', `/schemas/ids/${id}/versions`),
        ]);
        const type = info.schemaType ?? 'AVRO';
        return { id, schemaType: type, schema: info.schema, pretty: pretty(info.schema, type), subjects: uses };
      });
    },
  },
];

/** The routes; each request binds the helpers to its own context (with sign-in, the session's). */
export function schemaRoutes(): Route[] {
  return ROUTES.map(({ handle, ...r }) => ({ ...r, handler: (rc) => handle(helpers(rc.ctx), rc) }));
}
