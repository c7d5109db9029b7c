// Admin operations for security: ACLs (Create/Describe/DeleteAcls), SCRAM credentials
// (Describe/AlterUserScramCredentials, the salted password computed here as Kafka's Admin does)
// and client quotas (Describe/AlterClientQuotas). Kafka's enums appear as their names.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { Cluster } from './cluster.js';
import { ClientError, ClientErrorCode, KafkaError } from './errors.js';
import { scramCredential, type ScramMechanism } from './security.js';

const RESOURCE_TYPES = ['UNKNOWN', 'ANY', 'TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'] as const;
const PATTERN_TYPES = ['UNKNOWN', 'ANY', 'MATCH', 'LITERAL', 'PREFIXED'] as const;
const OPERATIONS = [
  'UNKNOWN', 'ANY', 'ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE', 'CREATE_TOKENS', 'DESCRIBE_TOKENS', 'TWO_PHASE_COMMIT',
] as const;
const PERMISSIONS = ['UNKNOWN', 'ANY', 'DENY', 'ALLOW'] as const;

/** Kafka's ResourceType (ANY only in filters). */
export type AclResourceType = Exclude<(typeof RESOURCE_TYPES)[number], 'UNKNOWN'>;
/** Kafka's PatternType (ANY and MATCH only in filters). */
export type AclPatternType = Exclude<(typeof PATTERN_TYPES)[number], 'UNKNOWN'>;
/** Kafka's AclOperation (ANY only in filters). */
export type AclOperation = Exclude<(typeof OPERATIONS)[number], 'UNKNOWN'>;
/** Kafka's AclPermissionType (ANY only in filters). */
export type AclPermissionType = Exclude<(typeof PERMISSIONS)[number], 'UNKNOWN'>;

/** One ACL binding: a resource pattern and an access-control entry. */
export interface AclBinding {
  resourceType: AclResourceType;
  resourceName: string;
  patternType: AclPatternType;
  /** `User:alice`, or `User:*`. */
  principal: string;
  /** `*` for any host. */
  host: string;
  operation: AclOperation;
  permission: AclPermissionType;
}

/** A filter over bindings: unset fields match anything (ANY / null). */
export interface AclFilter {
  resourceType?: AclResourceType;
  resourceName?: string | null;
  /** Default ANY; MATCH also matches wildcard and prefixed patterns that apply to `resourceName`. */
  patternType?: AclPatternType;
  principal?: string | null;
  host?: string | null;
  operation?: AclOperation;
  permission?: AclPermissionType;
}

function code<T extends string>(table: readonly string[], name: T, what: string): number {
  const i = table.indexOf(name);
  if (i <= 0) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `unknown ${what} ${JSON.stringify(name)}`);
  return i;
}
const named = <T extends string>(table: readonly string[], n: number): T => (table[n] ?? 'UNKNOWN') as T;

const filterBody = (f: AclFilter): { resourceTypeFilter: number; resourceNameFilter: string | null; patternTypeFilter: number; principalFilter: string | null; hostFilter: string | null; operation: number; permissionType: number } => ({
  resourceTypeFilter: code(RESOURCE_TYPES, f.resourceType ?? 'ANY', 'resource type'),
  resourceNameFilter: f.resourceName ?? null,
  patternTypeFilter: code(PATTERN_TYPES, f.patternType ?? 'ANY', 'pattern type'),
  principalFilter: f.principal ?? null,
  hostFilter: f.host ?? null,
  operation: code(OPERATIONS, f.operation ?? 'ANY', 'operation'),
  permissionType: code(PERMISSIONS, f.permission ?? 'ANY', 'permission type'),
});

export async function createAcls(cluster: Cluster, acls: readonly AclBinding[]): Promise<void> {
  if (acls.length === 0) return;
  const res = await cluster.retry('createAcls', async () => {
    const conn = await cluster.controllerConnection();
    return conn.request(ApiKey.CreateAcls, {
      creations: acls.map((a) => ({
        resourceType: code(RESOURCE_TYPES, a.resourceType, 'resource type'),
        resourceName: a.resourceName,
        resourcePatternType: code(PATTERN_TYPES, a.patternType, 'pattern type'),
        principal: a.principal,
        host: a.host,
        operation: code(OPERATIONS, a.operation, 'operation'),
        permissionType: code(PERMISSIONS, a.permission, 'permission type'),
      })),
    });
  });
  for (const r of res.results) if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, { message: r.errorMessage });
}

export async function describeAcls(cluster: Cluster, filter: AclFilter = {}): Promise<AclBinding[]> {
  const res = await cluster.retry('describeAcls', async () => {
    const conn = await cluster.anyConnection();
    return conn.request(ApiKey.DescribeAcls, filterBody(filter));
  });
  if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { message: res.errorMessage });
  const out: AclBinding[] = [];
  for (const r of res.resources) for (const a of r.acls) {
    out.push({
      resourceType: named(RESOURCE_TYPES, r.resourceType), resourceName: r.resourceName, patternType: named(PATTERN_TYPES, r.patternType),
      principal: a.principal, host: a.host, operation: named(OPERATIONS, a.operation), permission: named(PERMISSIONS, a.permissionType),
    });
  }
  return out;
}

/** Deletes every binding matching any of the filters; resolves with the bindings deleted. */
export async function deleteAcls(cluster: Cluster, filters: readonly AclFilter[]): Promise<AclBinding[]> {
  if (filters.length === 0) return [];
  const res = await cluster.retry('deleteAcls', async () => {
    const conn = await cluster.controllerConnection();
    return conn.request(ApiKey.DeleteAcls, { filters: filters.map(filterBody) });
  });
  const out: AclBinding[] = [];
  for (const f of res.filterResults) {
    if (f.errorCode !== ErrorCode.NONE) throw new KafkaError(f.errorCode, { message: f.errorMessage });
    for (const m of f.matchingAcls) {
      if (m.errorCode !== ErrorCode.NONE) throw new KafkaError(m.errorCode, { message: m.errorMessage });
      out.push({
        resourceType: named(RESOURCE_TYPES, m.resourceType), resourceName: m.resourceName, patternType: named(PATTERN_TYPES, m.patternType),
        principal: m.principal, host: m.host, operation: named(OPERATIONS, m.operation), permission: named(PERMISSIONS, m.permissionType),
      });
    }
  }
  return out;
}

// --- SCRAM credentials ---

const SCRAM_MECHANISMS = ['UNKNOWN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

export interface ScramCredentialInfo {
  mechanism: ScramMechanism;
  iterations: number;
}

export interface UserScramCredentials {
  user: string;
  credentials: ScramCredentialInfo[];
}

export type ScramAlteration =
  | { op: 'upsert'; user: string; mechanism: ScramMechanism; password: string; iterations?: number; salt?: Buffer }
  | { op: 'delete'; user: string; mechanism: ScramMechanism };

/** Users' SCRAM mechanisms and iterations (never secrets); all users when `users` is omitted. */
export async function describeUserScramCredentials(cluster: Cluster, users?: readonly string[]): Promise<UserScramCredentials[]> {
  const res = await cluster.retry('describeUserScramCredentials', async () => {
    const conn = await cluster.anyConnection();
    return conn.request(ApiKey.DescribeUserScramCredentials, { users: users === undefined ? null : users.map((name) => ({ name })) });
  });
  if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { message: res.errorMessage });
  const out: UserScramCredentials[] = [];
  for (const r of res.results) {
    if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, { message: r.errorMessage ?? `user ${r.user}` });
    out.push({ user: r.user, credentials: r.credentialInfos.map((c) => ({ mechanism: named<ScramMechanism>(SCRAM_MECHANISMS, c.mechanism), iterations: c.iterations })) });
  }
  return out;
}

/** Upserts (salted password computed here, as Kafka's Admin) and deletes; per-user errors are thrown. */
export async function alterUserScramCredentials(cluster: Cluster, alterations: readonly ScramAlteration[]): Promise<void> {
  if (alterations.length === 0) return;
  const upsertions = alterations.filter((a) => a.op === 'upsert').map((a) => {
    const cred = scramCredential(a.mechanism, a.password, a.iterations, a.salt);
    return { name: a.user, mechanism: code(SCRAM_MECHANISMS, a.mechanism, 'SCRAM mechanism'), iterations: cred.iterations, salt: cred.salt, saltedPassword: cred.saltedPassword };
  });
  const deletions = alterations.filter((a) => a.op === 'delete').map((a) => ({ name: a.user, mechanism: code(SCRAM_MECHANISMS, a.mechanism, 'SCRAM mechanism') }));
  const res = await cluster.retry('alterUserScramCredentials', async () => {
    const conn = await cluster.controllerConnection();
    return conn.request(ApiKey.AlterUserScramCredentials, { deletions, upsertions });
  });
  for (const r of res.results) if (r.errorCode !== ErrorCode.NONE) throw new KafkaError(r.errorCode, { message: r.errorMessage ?? `user ${r.user}` });
}

// --- client quotas ---

/** Entity types of client quotas; `null` name = the default entity of that type. */
export type QuotaEntityType = 'user' | 'client-id' | 'ip';
export type QuotaEntity = Partial<Record<QuotaEntityType, string | null>>;
/** Kafka's quota keys (others are passed through as given). */
export type QuotaKey = 'producer_byte_rate' | 'consumer_byte_rate' | 'request_percentage' | 'controller_mutation_rate' | 'connection_creation_rate' | (string & {});

export interface QuotaFilterComponent {
  entityType: QuotaEntityType;
  /** `exact` with a name, `default` (the default entity), `any` (any specified name). */
  match: { exact: string } | 'default' | 'any';
}

export interface ClientQuotaEntry {
  entity: QuotaEntity;
  values: Record<string, number>;
}

export async function describeClientQuotas(cluster: Cluster, components: readonly QuotaFilterComponent[], opts: { strict?: boolean } = {}): Promise<ClientQuotaEntry[]> {
  const res = await cluster.retry('describeClientQuotas', async () => {
    const conn = await cluster.anyConnection();
    return conn.request(ApiKey.DescribeClientQuotas, {
      components: components.map((c) => (
        c.match === 'default' ? { entityType: c.entityType, matchType: 1, match: null }
        : c.match === 'any' ? { entityType: c.entityType, matchType: 2, match: null }
        : { entityType: c.entityType, matchType: 0, match: c.match.exact })),
      strict: opts.strict ?? false,
    });
  });
  if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { message: res.errorMessage });
  return (res.entries ?? []).map((e) => {
    const entity: QuotaEntity = {};
    for (const x of e.entity) entity[x.entityType as QuotaEntityType] = x.entityName;
    const values: Record<string, number> = {};
    for (const v of e.values) values[v.key] = v.value;
    return { entity, values };
  });
}

export interface QuotaAlteration {
  entity: QuotaEntity;
  /** A number sets the key; null removes it. */
  ops: Partial<Record<QuotaKey, number | null>>;
}

export async function alterClientQuotas(cluster: Cluster, alterations: readonly QuotaAlteration[], opts: { validateOnly?: boolean } = {}): Promise<void> {
  if (alterations.length === 0) return;
  const res = await cluster.retry('alterClientQuotas', async () => {
    const conn = await cluster.controllerConnection();
    return conn.request(ApiKey.AlterClientQuotas, {
      entries: alterations.map((a) => ({
        entity: Object.entries(a.entity).map(([entityType, entityName]) => ({ entityType, entityName: entityName ?? null })),
        ops: Object.entries(a.ops).map(([key, value]) => ({ key, value: value ?? 0, remove: value === null || value === undefined })),
      })),
      validateOnly: opts.validateOnly ?? false,
    });
  });
  for (const e of res.entries) {
    if (e.errorCode !== ErrorCode.NONE) {
      const who = e.entity.map((x) => `${x.entityType}=${x.entityName ?? '<default>'}`).join(',');
      throw new KafkaError(e.errorCode, { message: `${who}${e.errorMessage === null ? '' : `: ${e.errorMessage}`}` });
    }
  }
}
