// The REST API, as data: one row per route (method, path template, whether it writes, handler).
// Routes are grouped by resource, in Confluent's order: root and metadata, subjects, schemas by id,
// compatibility, config, mode, contexts. Templates are also the `route` label of the metrics.
import { SCHEMA_TYPES, type SchemaType } from '../formats/types.js';
import { RegistryError } from './errors.js';
import { RegistryService, type SchemaRequest, type SchemaResponse } from './service.js';
import type { SchemaValue } from './records.js';
import type { SubjectOperation } from './auth.js';

export interface RouteContext {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body (null without one). */
  body: unknown;
  service: RegistryService;
  /** Throws 403 unless the caller may (a no-op without auth). */
  authorize(type: 'SUBJECT' | 'GLOBAL', subject: string, op: SubjectOperation): void;
  /** Without acls: true. */
  mayRead(subject: string): boolean;
  /** Whether requests are authenticated (permission checks cost something only then). */
  secured: boolean;
  clusterId(): Promise<string>;
}

/** A raw text answer (GET .../schema), sent as is. */
export class RawBody {
  constructor(readonly text: string) {}
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  template: string;
  /** Writes go to the primary. */
  write: boolean;
  handle(ctx: RouteContext): unknown;
}

const flag = (q: URLSearchParams, name: string): boolean => q.get(name)?.toLowerCase() === 'true';
const int = (q: URLSearchParams, name: string, dflt: number): number => {
  const v = q.get(name);
  if (v === null || v === '') return dflt;
  const n = Number(v);
  return Number.isInteger(n) ? n : dflt;
};

function schemaRequest(body: unknown): SchemaRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RegistryError('UNPROCESSABLE_ENTITY', 'The request body must be a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b['schema'] !== 'string' || b['schema'] === '') throw new RegistryError('INVALID_SCHEMA', 'Empty schema');
  const t = b['schemaType'];
  if (t !== undefined && t !== null && !SCHEMA_TYPES.includes(t as SchemaType)) throw new RegistryError('INVALID_SCHEMA', `Invalid schema type ${String(t)}; expected one of ${SCHEMA_TYPES.join(', ')}`);
  if (b['references'] !== undefined && b['references'] !== null && !Array.isArray(b['references'])) throw new RegistryError('INVALID_SCHEMA', 'references must be an array');
  const req: SchemaRequest = { schema: b['schema'] };
  if (typeof t === 'string') req.schemaType = t as SchemaType;
  if (Array.isArray(b['references'])) req.references = b['references'] as SchemaRequest['references'];
  if (typeof b['metadata'] === 'object' && b['metadata'] !== null) req.metadata = b['metadata'] as SchemaRequest['metadata'];
  if (typeof b['ruleSet'] === 'object' && b['ruleSet'] !== null) req.ruleSet = b['ruleSet'] as SchemaRequest['ruleSet'];
  if (typeof b['id'] === 'number') req.id = b['id'];
  if (typeof b['version'] === 'number') req.version = b['version'];
  return req;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RegistryError('UNPROCESSABLE_ENTITY', 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}

function schemaId(text: string): number {
  if (!/^-?[0-9]{1,10}$/.test(text)) throw new RegistryError('NOT_FOUND', 'HTTP 404 Not Found');
  return Number(text);
}

const subj = (c: RouteContext, op: SubjectOperation = 'read'): string => {
  const s = c.service.checkSubject(c.params['subject']!);
  c.authorize('SUBJECT', s, op);
  return s;
};

export const ROUTES: readonly Route[] = [
  // ---- root and metadata ----
  { method: 'GET', template: '/', write: false, handle: () => ({}) },
  { method: 'POST', template: '/', write: false, handle: () => ({}) },
  {
    method: 'GET', template: '/v1/metadata/id', write: false,
    handle: async (c) => ({ scope: { path: [], clusters: { 'kafka-cluster': await c.clusterId(), 'schema-registry-cluster': 'schema-registry' } } }),
  },
  { method: 'GET', template: '/v1/metadata/version', write: false, handle: () => ({ version: '7.9.0-tideline', commitId: 'tideline' }) },

  // ---- subjects ----
  {
    method: 'GET', template: '/subjects', write: false,
    handle: (c) => c.service.subjects({
      prefix: c.query.get('subjectPrefix') ?? undefined, deleted: flag(c.query, 'deleted'), deletedOnly: flag(c.query, 'deletedOnly'),
      offset: int(c.query, 'offset', 0), limit: int(c.query, 'limit', -1),
    }).filter((s) => c.mayRead(s)),
  },
  {
    method: 'POST', template: '/subjects/:subject', write: false,
    handle: (c) => {
      const s = subj(c);
      return c.service.response(c.service.lookup(s, schemaRequest(c.body), { normalize: flag(c.query, 'normalize'), deleted: flag(c.query, 'deleted') }));
    },
  },
  {
    method: 'DELETE', template: '/subjects/:subject', write: true,
    handle: (c) => c.service.deleteSubject(subj(c, 'write'), flag(c.query, 'permanent')),
  },
  {
    method: 'GET', template: '/subjects/:subject/versions', write: false,
    handle: (c) => c.service.versions(subj(c), {
      deleted: flag(c.query, 'deleted'), deletedOnly: flag(c.query, 'deletedOnly'), offset: int(c.query, 'offset', 0), limit: int(c.query, 'limit', -1),
    }),
  },
  {
    method: 'POST', template: '/subjects/:subject/versions', write: true,
    handle: async (c) => {
      // Confluent Platform 8 answers the whole registered schema (7.x: only the id; clients read `id`).
      const r = await c.service.register(subj(c, 'write'), schemaRequest(c.body), { normalize: flag(c.query, 'normalize') });
      const { subject: _subject, version, id, ...rest } = c.service.response(r.value);
      return { id, version, ...rest };
    },
  },
  {
    method: 'GET', template: '/subjects/:subject/versions/:version', write: false,
    handle: (c) => withFormat(c, c.service.getVersion(subj(c), RegistryService.parseVersion(c.params['version']!), flag(c.query, 'deleted'))),
  },
  {
    method: 'GET', template: '/subjects/:subject/versions/:version/schema', write: false,
    handle: (c) => new RawBody(c.service.getVersion(subj(c), RegistryService.parseVersion(c.params['version']!), flag(c.query, 'deleted')).schema),
  },
  {
    method: 'GET', template: '/subjects/:subject/versions/:version/referencedby', write: false,
    handle: (c) => c.service.referencedBy(subj(c), RegistryService.parseVersion(c.params['version']!)),
  },
  {
    method: 'DELETE', template: '/subjects/:subject/versions/:version', write: true,
    handle: (c) => c.service.deleteVersion(subj(c, 'write'), c.params['version']!, flag(c.query, 'permanent')),
  },
  {
    method: 'GET', template: '/subjects/:subject/metadata', write: false,
    handle: (c) => {
      const props: Record<string, string> = {};
      const keys = c.query.getAll('key');
      const values = c.query.getAll('value');
      keys.forEach((k, i) => (props[k] = values[i] ?? ''));
      return c.service.response(c.service.latestWithMetadata(subj(c), props, flag(c.query, 'deleted')));
    },
  },

  // ---- schemas by id ----
  { method: 'GET', template: '/schemas/types', write: false, handle: () => ['JSON', 'PROTOBUF', 'AVRO'] },
  {
    method: 'GET', template: '/schemas', write: false,
    handle: (c) => c.service.schemas({
      prefix: c.query.get('subjectPrefix') ?? undefined, deleted: flag(c.query, 'deleted'), latestOnly: flag(c.query, 'latestOnly'),
      offset: int(c.query, 'offset', 0), limit: int(c.query, 'limit', -1),
    }).filter((v) => c.mayRead(v.subject)).map((v) => c.service.response(v)),
  },
  {
    method: 'GET', template: '/schemas/ids/:id', write: false,
    handle: (c) => {
      return withFormat(c, readableId(c), false);
    },
  },
  {
    method: 'GET', template: '/schemas/guids/:guid', write: false,
    handle: (c) => {
      const v = c.service.byGuid(c.params['guid']!);
      if (c.secured && !c.service.idUses(v.id, v.subject, true).some((u) => c.mayRead(u.subject))) c.authorize('SUBJECT', v.subject, 'read');
      return withFormat(c, v, false);
    },
  },
  {
    method: 'GET', template: '/schemas/ids/:id/schema', write: false,
    handle: (c) => new RawBody(readableId(c).schema),
  },
  {
    method: 'GET', template: '/schemas/ids/:id/subjects', write: false,
    handle: (c) => [...new Set(c.service.idUses(schemaId(c.params['id']!), c.query.get('subject') ?? undefined, flag(c.query, 'deleted')).map((v) => v.subject))].filter((s) => c.mayRead(s)),
  },
  {
    method: 'GET', template: '/schemas/ids/:id/versions', write: false,
    handle: (c) => c.service.idUses(schemaId(c.params['id']!), c.query.get('subject') ?? undefined, flag(c.query, 'deleted'))
      .filter((v) => c.mayRead(v.subject)).map((v) => ({ subject: v.subject, version: v.version })),
  },

  // ---- compatibility ----
  {
    method: 'POST', template: '/compatibility/subjects/:subject/versions', write: false,
    handle: (c) => compat(c, null),
  },
  {
    method: 'POST', template: '/compatibility/subjects/:subject/versions/:version', write: false,
    handle: (c) => compat(c, RegistryService.parseVersion(c.params['version']!)),
  },

  // ---- config ----
  {
    method: 'GET', template: '/config', write: false,
    handle: (c) => {
      c.authorize('GLOBAL', '*', 'read');
      return c.service.getConfig(null, true);
    },
  },
  {
    method: 'PUT', template: '/config', write: true,
    handle: (c) => {
      c.authorize('GLOBAL', '*', 'write');
      return c.service.setConfig(null, objectBody(c.body));
    },
  },
  {
    method: 'DELETE', template: '/config', write: true,
    handle: (c) => {
      c.authorize('GLOBAL', '*', 'write');
      return c.service.deleteConfig(null);
    },
  },
  { method: 'GET', template: '/config/:subject', write: false, handle: (c) => c.service.getConfig(subj(c), flag(c.query, 'defaultToGlobal')) },
  { method: 'PUT', template: '/config/:subject', write: true, handle: (c) => c.service.setConfig(subj(c, 'write'), objectBody(c.body)) },
  { method: 'DELETE', template: '/config/:subject', write: true, handle: (c) => c.service.deleteConfig(subj(c, 'write')) },

  // ---- mode ----
  {
    method: 'GET', template: '/mode', write: false,
    handle: (c) => {
      c.authorize('GLOBAL', '*', 'read');
      return c.service.getMode(null, true);
    },
  },
  {
    method: 'PUT', template: '/mode', write: true,
    handle: (c) => {
      c.authorize('GLOBAL', '*', 'write');
      return c.service.setMode(null, objectBody(c.body)['mode'], flag(c.query, 'force'));
    },
  },
  { method: 'GET', template: '/mode/:subject', write: false, handle: (c) => c.service.getMode(subj(c), flag(c.query, 'defaultToGlobal')) },
  { method: 'PUT', template: '/mode/:subject', write: true, handle: (c) => c.service.setMode(subj(c, 'write'), objectBody(c.body)['mode'], flag(c.query, 'force')) },
  { method: 'DELETE', template: '/mode/:subject', write: true, handle: (c) => c.service.deleteMode(subj(c, 'write')) },

  // ---- contexts ----
  {
    method: 'GET', template: '/contexts', write: false,
    handle: (c) => {
      c.authorize('GLOBAL', '*', 'read');
      return c.service.contexts();
    },
  },
  {
    method: 'DELETE', template: '/contexts/:context', write: true,
    handle: async (c) => {
      c.authorize('GLOBAL', '*', 'write');
      await c.service.deleteContext(c.params['context']!);
      return null;
    },
  },
];

/** A schema answer, its `schema` in the form `?format=` asks for (Protobuf `serialized`, Avro `resolved`). */
function withFormat(c: RouteContext, v: SchemaValue, withSubject = true): SchemaResponse {
  const out = c.service.response(v, withSubject);
  const format = c.query.get('format');
  if (format !== null && format !== '') out.schema = c.service.formatted(v, format);
  return out;
}

function readableId(c: RouteContext): ReturnType<RegistryService['byId']> {
  const subject = c.query.get('subject') ?? undefined;
  const v = c.service.byId(schemaId(c.params['id']!), subject);
  if (c.secured && !c.service.idUses(v.id, subject, true).some((u) => c.mayRead(u.subject))) c.authorize('SUBJECT', v.subject, 'read');
  return v;
}

function compat(c: RouteContext, version: number | 'latest' | null): unknown {
  const s = subj(c);
  const res = c.service.testCompatibility(s, version, schemaRequest(c.body), { normalize: flag(c.query, 'normalize') });
  return flag(c.query, 'verbose') ? res : { is_compatible: res.is_compatible };
}
