// Kafka's ACL model: resource patterns, access-control entries, bindings and binding filters, with
// the numeric codes of Kafka's enums (ResourceType, PatternType, AclOperation, AclPermissionType)
// that CreateAcls / DescribeAcls / DeleteAcls carry on the wire.
//
// Filter semantics (DescribeAcls, DeleteAcls) are Kafka's AclBindingFilter: a null name, principal
// or host matches anything; ANY matches every value of an enum; pattern type MATCH matches the
// bindings that would apply to the named resource (the literal name, the literal `*` and every
// prefixed pattern the name starts with).

/** Kafka ResourceType codes. */
export const ResourceType = {
  UNKNOWN: 0, ANY: 1, TOPIC: 2, GROUP: 3, CLUSTER: 4, TRANSACTIONAL_ID: 5, DELEGATION_TOKEN: 6, USER: 7,
} as const;
export type ResourceTypeCode = (typeof ResourceType)[keyof typeof ResourceType];

/** Kafka PatternType codes. */
export const PatternType = { UNKNOWN: 0, ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 } as const;
export type PatternTypeCode = (typeof PatternType)[keyof typeof PatternType];

/** Kafka AclOperation codes. */
export const AclOperation = {
  UNKNOWN: 0, ANY: 1, ALL: 2, READ: 3, WRITE: 4, CREATE: 5, DELETE: 6, ALTER: 7, DESCRIBE: 8, CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10, ALTER_CONFIGS: 11, IDEMPOTENT_WRITE: 12, CREATE_TOKENS: 13, DESCRIBE_TOKENS: 14, TWO_PHASE_COMMIT: 15,
} as const;
export type AclOperationCode = (typeof AclOperation)[keyof typeof AclOperation];

/** Kafka AclPermissionType codes. */
export const AclPermissionType = { UNKNOWN: 0, ANY: 1, DENY: 2, ALLOW: 3 } as const;
export type AclPermissionTypeCode = (typeof AclPermissionType)[keyof typeof AclPermissionType];

/** The one name a CLUSTER resource has. */
export const CLUSTER_NAME = 'kafka-cluster';
/** The literal name (and principal `User:*`, host `*`) that matches everything. */
export const WILDCARD = '*';
export const WILDCARD_PRINCIPAL = 'User:*';

/** Resource types a binding may name (not UNKNOWN or ANY). */
export type ConcreteResourceType = 2 | 3 | 4 | 5 | 6 | 7;

/** One ACL: who may (or may not) do what on which resources, from where. */
export interface AclBinding {
  readonly resourceType: ConcreteResourceType;
  readonly resourceName: string;
  /** LITERAL or PREFIXED. */
  readonly patternType: 3 | 4;
  readonly principal: string;
  readonly host: string;
  /** Not UNKNOWN or ANY. */
  readonly operation: number;
  /** DENY or ALLOW. */
  readonly permissionType: 2 | 3;
}

export interface AclBindingFilter {
  readonly resourceType: number;
  readonly resourceName: string | null;
  readonly patternType: number;
  readonly principal: string | null;
  readonly host: string | null;
  readonly operation: number;
  readonly permissionType: number;
}

const nameOf = <T extends Record<string, number>>(table: T, code: number): string =>
  Object.keys(table).find((k) => table[k] === code) ?? String(code);
export const resourceTypeName = (c: number): string => nameOf(ResourceType, c);
export const patternTypeName = (c: number): string => nameOf(PatternType, c);
export const operationName = (c: number): string => nameOf(AclOperation, c);
export const permissionTypeName = (c: number): string => nameOf(AclPermissionType, c);

const isKnown = (table: Record<string, number>, c: number): boolean => c > 0 && Object.values(table).includes(c);

/** Why a binding cannot be created (Kafka answers INVALID_REQUEST with this), or null when it is valid. */
export function validateBinding(b: AclBindingFilter): string | null {
  if (!isKnown(ResourceType, b.resourceType) || b.resourceType === ResourceType.ANY) return `Invalid resourceType ${b.resourceType}: an ACL names one resource type`;
  if (b.patternType !== PatternType.LITERAL && b.patternType !== PatternType.PREFIXED) return `Invalid patternType ${patternTypeName(b.patternType)}: an ACL is LITERAL or PREFIXED`;
  if (!isKnown(AclOperation, b.operation) || b.operation === AclOperation.ANY) return `Invalid operation ${b.operation}: an ACL names one operation or ALL`;
  if (b.permissionType !== AclPermissionType.ALLOW && b.permissionType !== AclPermissionType.DENY) return `Invalid permissionType ${b.permissionType}: an ACL is ALLOW or DENY`;
  if (b.resourceName === null || b.resourceName === '') return 'Invalid empty resource name';
  if (b.resourceType === ResourceType.CLUSTER && b.resourceName !== CLUSTER_NAME) return `The only valid name for the CLUSTER resource is ${CLUSTER_NAME}`;
  if (b.principal === null || !/^[^:]+:.*$/.test(b.principal) || b.principal.endsWith(':')) return `Invalid principal ${String(b.principal)}: expected TYPE:NAME, e.g. User:alice`;
  if (b.host === null || b.host === '') return 'Invalid empty host: use * for any host';
  return null;
}

/** Why a filter is unusable (INVALID_REQUEST), or null: codes must be known; UNKNOWN is refused. */
export function validateFilter(f: AclBindingFilter): string | null {
  if (!isKnown(ResourceType, f.resourceType)) return `Invalid resourceType filter ${f.resourceType}`;
  if (!isKnown(PatternType, f.patternType)) return `Invalid patternType filter ${f.patternType}`;
  if (!isKnown(AclOperation, f.operation)) return `Invalid operation filter ${f.operation}`;
  if (!isKnown(AclPermissionType, f.permissionType)) return `Invalid permissionType filter ${f.permissionType}`;
  return null;
}

/** Kafka's ResourcePatternFilter.matches. */
function patternMatches(f: AclBindingFilter, b: AclBinding): boolean {
  if (f.resourceType !== ResourceType.ANY && f.resourceType !== b.resourceType) return false;
  if (f.patternType !== PatternType.ANY && f.patternType !== PatternType.MATCH && f.patternType !== b.patternType) return false;
  if (f.resourceName === null) return true;
  if (f.patternType === PatternType.ANY || f.patternType === b.patternType) return f.resourceName === b.resourceName;
  // MATCH: the bindings that apply to the named resource.
  if (b.patternType === PatternType.LITERAL) return f.resourceName === b.resourceName || b.resourceName === WILDCARD;
  return f.resourceName.startsWith(b.resourceName);
}

/** Kafka's AclBindingFilter.matches. */
export function filterMatches(f: AclBindingFilter, b: AclBinding): boolean {
  return patternMatches(f, b)
    && (f.principal === null || f.principal === b.principal)
    && (f.host === null || f.host === b.host)
    && (f.operation === AclOperation.ANY || f.operation === b.operation)
    && (f.permissionType === AclPermissionType.ANY || f.permissionType === b.permissionType);
}

/** A stable identity of a binding (duplicates are stored once). */
export function bindingKey(b: AclBinding): string {
  return JSON.stringify([b.resourceType, b.resourceName, b.patternType, b.principal, b.host, b.operation, b.permissionType]);
}

/** A binding from wire fields already validated by validateBinding. */
export function toBinding(f: AclBindingFilter): AclBinding {
  return {
    resourceType: f.resourceType as ConcreteResourceType, resourceName: f.resourceName ?? '', patternType: f.patternType as 3 | 4,
    principal: f.principal ?? '', host: f.host ?? '', operation: f.operation, permissionType: f.permissionType as 2 | 3,
  };
}

/** Human-readable, as Kafka's AclBinding.toString, for logs and errors. */
export function describeBinding(b: AclBinding): string {
  return `(pattern=(resourceType=${resourceTypeName(b.resourceType)}, name=${b.resourceName}, patternType=${patternTypeName(b.patternType)}), `
    + `entry=(principal=${b.principal}, host=${b.host}, operation=${operationName(b.operation)}, permissionType=${permissionTypeName(b.permissionType)}))`;
}
