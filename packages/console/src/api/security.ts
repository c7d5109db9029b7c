// Security: ACLs (list with filters, create — one resource and its operations, or the producer /
// consumer conveniences as kafka-acls expands them — and delete), SCRAM users (mechanisms and
// iterations, create/update, delete) and client quotas (list, set, remove). All through
// @tideline/client's Admin, as the request's principal: the broker decides who may do this.
import type { AclBinding, AclFilter, AclOperation, AclPatternType, AclPermissionType, AclResourceType, QuotaEntity, QuotaEntityType, QuotaFilterComponent, ScramMechanism } from '@tideline/client';
import { ApiError } from '../errors.js';
import { oneOf, optBool, optInt, optString, readJson, reqString, type Route } from '../http.js';

const BODY_LIMIT = 64 << 10;

export const RESOURCE_TYPES = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'] as const satisfies readonly AclResourceType[];
export const PATTERN_TYPES = ['LITERAL', 'PREFIXED'] as const satisfies readonly AclPatternType[];
export const OPERATIONS = [
  'ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE', 'CREATE_TOKENS', 'DESCRIBE_TOKENS', 'TWO_PHASE_COMMIT',
] as const satisfies readonly AclOperation[];
const PERMISSIONS = ['ALLOW', 'DENY'] as const satisfies readonly AclPermissionType[];
const SCRAM = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const satisfies readonly ScramMechanism[];
const ENTITY_TYPES = ['user', 'client-id', 'ip'] as const satisfies readonly QuotaEntityType[];

function principal(v: unknown, name = 'principal'): string {
  const p = reqString(v, name, 1000);
  if (!/^[^:]+:.+$/.test(p)) throw new ApiError('BAD_REQUEST', `${name} must be Type:name, e.g. User:alice`);
  return p;
}

/** `any` (or absent) → undefined: the filter's ANY. */
function filterEnum<T extends string>(v: string | null, name: string, allowed: readonly T[]): T | undefined {
  if (v === null || v === '' || v.toUpperCase() === 'ANY') return undefined;
  const u = v.toUpperCase();
  if (!(allowed as readonly string[]).includes(u)) throw new ApiError('BAD_REQUEST', `${name} must be one of ANY, ${allowed.join(', ')}`);
  return u as T;
}

const upper = (v: unknown): unknown => (typeof v === 'string' ? v.toUpperCase() : v);

interface Pair { resourceType: AclResourceType; resourceName: string; operation: AclOperation }

/**
 * The bindings' (resource, operation) pairs: the producer convenience is WRITE, DESCRIBE, CREATE on
 * the topic (WRITE, DESCRIBE on a transactional id, IDEMPOTENT_WRITE on the cluster with
 * idempotent); the consumer one is READ, DESCRIBE on the topic and READ on the group. Otherwise
 * one resource and its operations.
 */
export function aclPairs(b: Record<string, unknown>): Pair[] {
  const producer = optBool(b.producer, 'producer') ?? false;
  const consumer = optBool(b.consumer, 'consumer') ?? false;
  const out: Pair[] = [];
  if (producer || consumer) {
    if (b.operations !== undefined) throw new ApiError('BAD_REQUEST', 'operations cannot be combined with producer or consumer');
    const topic = reqString(b.topic, 'topic', 300);
    const group = optString(b.group, 'group', 1000);
    const txn = optString(b.transactionalId, 'transactionalId', 1000);
    if (producer) {
      for (const operation of ['WRITE', 'DESCRIBE', 'CREATE'] as const) out.push({ resourceType: 'TOPIC', resourceName: topic, operation });
      if (txn !== undefined && txn !== '') for (const operation of ['WRITE', 'DESCRIBE'] as const) out.push({ resourceType: 'TRANSACTIONAL_ID', resourceName: txn, operation });
      if (optBool(b.idempotent, 'idempotent') === true) out.push({ resourceType: 'CLUSTER', resourceName: 'kafka-cluster', operation: 'IDEMPOTENT_WRITE' });
    }
    if (consumer) {
      if (group === undefined || group === '') throw new ApiError('BAD_REQUEST', 'consumer needs group');
      for (const operation of ['READ', 'DESCRIBE'] as const) if (!out.some((p) => p.resourceType === 'TOPIC' && p.operation === operation)) out.push({ resourceType: 'TOPIC', resourceName: topic, operation });
      out.push({ resourceType: 'GROUP', resourceName: group, operation: 'READ' });
    }
    return out;
  }
  const resourceType = oneOf(upper(b.resourceType), 'resourceType', RESOURCE_TYPES, 'TOPIC');
  const resourceName = resourceType === 'CLUSTER' ? 'kafka-cluster' : reqString(b.resourceName, 'resourceName', 1000);
  const ops = b.operations;
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > OPERATIONS.length) throw new ApiError('BAD_REQUEST', `operations must be a non-empty list of ${OPERATIONS.join(', ')} (or use producer / consumer)`);
  for (const o of ops) out.push({ resourceType, resourceName, operation: oneOf(upper(o), 'operations[]', OPERATIONS, 'ALL') });
  return out;
}

function quotaEntity(v: unknown): QuotaEntity {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ApiError('BAD_REQUEST', 'entity must be an object: {"user"?: name|null, "client-id"?: name|null, "ip"?: name|null} (null: the default)');
  const out: QuotaEntity = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (!(ENTITY_TYPES as readonly string[]).includes(k)) throw new ApiError('BAD_REQUEST', `entity type ${JSON.stringify(k)} must be one of ${ENTITY_TYPES.join(', ')}`);
    if (val !== null && (typeof val !== 'string' || val === '' || val.length > 1000)) throw new ApiError('BAD_REQUEST', `entity.${k} must be a name or null (the default)`);
    out[k as QuotaEntityType] = val as string | null;
  }
  if (Object.keys(out).length === 0) throw new ApiError('BAD_REQUEST', 'entity names at least one of user, client-id, ip');
  return out;
}

export function securityRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/api/acls',
      summary: 'ACL bindings matching ?resourceType &resourceName &patternType (LITERAL, PREFIXED, MATCH) &principal &host &operation &permission (absent: any)',
      handler: async ({ ctx, query }) => {
        const filter: AclFilter = {};
        const rt = filterEnum(query.get('resourceType'), 'resourceType', RESOURCE_TYPES);
        if (rt !== undefined) filter.resourceType = rt;
        const pt = filterEnum(query.get('patternType'), 'patternType', [...PATTERN_TYPES, 'MATCH'] as const);
        if (pt !== undefined) filter.patternType = pt;
        const op = filterEnum(query.get('operation'), 'operation', OPERATIONS);
        if (op !== undefined) filter.operation = op;
        const perm = filterEnum(query.get('permission'), 'permission', PERMISSIONS);
        if (perm !== undefined) filter.permission = perm;
        for (const k of ['resourceName', 'principal', 'host'] as const) {
          const v = optString(query.get(k) ?? undefined, k, 1000);
          if (v !== undefined && v !== '') filter[k] = v;
        }
        const acls = await ctx.admin.describeAcls(filter);
        acls.sort((a, b) => `${a.resourceType}\0${a.resourceName}\0${a.principal}\0${a.operation}`.localeCompare(`${b.resourceType}\0${b.resourceName}\0${b.principal}\0${b.operation}`));
        return { acls };
      },
    },
    {
      method: 'POST', path: '/api/acls',
      summary: 'create ACLs: {principal, host?, permission?, patternType?, resourceType, resourceName, operations: [...]} or {principal, ..., producer|consumer: true, topic, group?, transactionalId?, idempotent?}',
      handler: async ({ ctx, req }) => {
        const b = await readJson(req, BODY_LIMIT);
        const p = principal(b.principal);
        const host = optString(b.host, 'host', 300) || '*';
        const permission = oneOf(upper(b.permission), 'permission', PERMISSIONS, 'ALLOW');
        const patternType = oneOf(upper(b.patternType), 'patternType', PATTERN_TYPES, 'LITERAL');
        const bindings: AclBinding[] = aclPairs(b).map((x) => ({ ...x, patternType: x.resourceType === 'CLUSTER' ? 'LITERAL' : patternType, principal: p, host, permission }));
        await ctx.admin.createAcls(bindings);
        return { created: bindings };
      },
    },
    {
      method: 'DELETE', path: '/api/acls',
      summary: 'delete one ACL binding: the body names all of {resourceType, resourceName, patternType, principal, host, operation, permission}',
      handler: async ({ ctx, req }) => {
        const b = await readJson(req, BODY_LIMIT);
        const filter: AclFilter = {
          resourceType: oneOf(upper(b.resourceType), 'resourceType', RESOURCE_TYPES, 'TOPIC'),
          resourceName: reqString(b.resourceName, 'resourceName', 1000),
          patternType: oneOf(upper(b.patternType), 'patternType', PATTERN_TYPES, 'LITERAL'),
          principal: principal(b.principal),
          host: reqString(b.host, 'host', 300),
          operation: oneOf(upper(b.operation), 'operation', OPERATIONS, 'ALL'),
          permission: oneOf(upper(b.permission), 'permission', PERMISSIONS, 'ALLOW'),
        };
        if (b.operation === undefined || b.permission === undefined || b.patternType === undefined || b.resourceType === undefined) {
          throw new ApiError('BAD_REQUEST', 'name the binding exactly: resourceType, patternType, operation and permission are required');
        }
        const deleted = await ctx.admin.deleteAcls([filter]);
        return { deleted };
      },
    },
    {
      method: 'GET', path: '/api/scram-users', summary: 'SCRAM users: each user\'s mechanisms and iterations (never secrets)',
      handler: async ({ ctx }) => {
        const users = await ctx.admin.describeUserScramCredentials();
        users.sort((a, b) => a.user.localeCompare(b.user));
        return { users };
      },
    },
    {
      method: 'PUT', path: '/api/scram-users/:user',
      summary: 'create or update a SCRAM credential: {mechanism: SCRAM-SHA-256|SCRAM-SHA-512, password, iterations?} (the salted password is computed here)',
      handler: async ({ ctx, req, params }) => {
        const user = reqString(params.user, 'user', 1000);
        const b = await readJson(req, BODY_LIMIT);
        const mechanism = oneOf(upper(b.mechanism), 'mechanism', SCRAM, 'SCRAM-SHA-512');
        const password = reqString(b.password, 'password', 1024);
        const iterations = optInt(b.iterations, 'iterations', 4096, 16384);
        await ctx.admin.alterUserScramCredentials([{ op: 'upsert', user, mechanism, password, ...(iterations !== undefined ? { iterations } : {}) }]);
        return { user, mechanism };
      },
    },
    {
      method: 'DELETE', path: '/api/scram-users/:user', summary: 'delete a SCRAM credential: {mechanism}',
      handler: async ({ ctx, req, params }) => {
        const user = reqString(params.user, 'user', 1000);
        const b = await readJson(req, BODY_LIMIT);
        if (b.mechanism === undefined) throw new ApiError('BAD_REQUEST', `mechanism is required: ${SCRAM.join(' or ')}`);
        const mechanism = oneOf(upper(b.mechanism), 'mechanism', SCRAM, 'SCRAM-SHA-512');
        await ctx.admin.alterUserScramCredentials([{ op: 'delete', user, mechanism }]);
        return { user, mechanism, deleted: true };
      },
    },
    {
      method: 'GET', path: '/api/quotas',
      summary: 'client quotas: every entity with its values, or those matching ?user &client-id &ip (a name, or "default")',
      handler: async ({ ctx, query }) => {
        const components: QuotaFilterComponent[] = [];
        for (const t of ENTITY_TYPES) {
          const v = optString(query.get(t) ?? undefined, t, 1000);
          if (v === undefined || v === '') continue;
          components.push({ entityType: t, match: v === 'default' ? 'default' : { exact: v } });
        }
        const quotas = await ctx.admin.describeClientQuotas(components);
        return { quotas };
      },
    },
    {
      method: 'POST', path: '/api/quotas',
      summary: 'set or remove quota keys of one entity: {entity: {user?, client-id?, ip?} (null: the default), values: {key: number | null}} (null removes the key)',
      handler: async ({ ctx, req }) => {
        const b = await readJson(req, BODY_LIMIT);
        const entity = quotaEntity(b.entity);
        const v = b.values;
        if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).length === 0) throw new ApiError('BAD_REQUEST', 'values must be an object of quota keys, e.g. {"producer_byte_rate": 1048576}; null removes a key');
        const ops: Record<string, number | null> = {};
        for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
          if (!/^[a-z_.]{1,100}$/.test(k)) throw new ApiError('BAD_REQUEST', `quota key ${JSON.stringify(k)} is not a quota key`);
          if (val !== null && (typeof val !== 'number' || !Number.isFinite(val) || val < 0)) throw new ApiError('BAD_REQUEST', `values.${k} must be a non-negative number or null`);
          ops[k] = val as number | null;
        }
        await ctx.admin.alterClientQuotas([{ entity, ops }]);
        return { entity, values: ops };
      },
    },
  ];
}
