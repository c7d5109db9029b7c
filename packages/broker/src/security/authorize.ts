// Authorization as handlers use it: `allowed(ctx, op, type, name)` and the filtering helpers. With
// authorization off (no authorizer configured) each is one property read answering "allowed", so
// the request path costs nothing more than before.
import type { RequestContext } from '../registry.js';
import { BrokerError } from '../errors.js';
import { ConfigResourceType } from '../configs.js';
import { AclOperation, CLUSTER_NAME, ResourceType, operationName } from './acl.js';
import { normalizeHost } from './authorizer.js';
import type { Principal } from './types.js';

/** The principal of a request: its connection's (SASL, mTLS, or User:ANONYMOUS). */
export function principalOf(ctx: RequestContext): Principal {
  return ctx.connection.session.principal;
}

/** May this request's principal perform `operation` on the resource? */
export function allowed(ctx: RequestContext, operation: number, resourceType: number, name: string): boolean {
  const a = ctx.broker.authorizer;
  if (!a.enabled) return true;
  return a.authorize(principalOf(ctx), normalizeHost(ctx.connection.remoteAddress), operation, resourceType, name);
}

export const allowedOnCluster = (ctx: RequestContext, operation: number): boolean => allowed(ctx, operation, ResourceType.CLUSTER, CLUSTER_NAME);
export const allowedOnTopic = (ctx: RequestContext, operation: number, topic: string): boolean => allowed(ctx, operation, ResourceType.TOPIC, topic);
export const allowedOnGroup = (ctx: RequestContext, operation: number, group: string): boolean => allowed(ctx, operation, ResourceType.GROUP, group);
export const allowedOnTxnId = (ctx: RequestContext, operation: number, id: string): boolean => allowed(ctx, operation, ResourceType.TRANSACTIONAL_ID, id);

/** May the principal perform `operation` on some resource of the type (Kafka's authorizeByResourceType)? */
export function allowedOnAny(ctx: RequestContext, operation: number, resourceType: number): boolean {
  const a = ctx.broker.authorizer;
  if (!a.enabled) return true;
  return a.authorizeAny(principalOf(ctx), normalizeHost(ctx.connection.remoteAddress), operation, resourceType);
}

/** Creating a topic needs CREATE on the cluster or on the topic. */
export const allowedToCreateTopic = (ctx: RequestContext, topic: string): boolean =>
  allowedOnCluster(ctx, AclOperation.CREATE) || allowedOnTopic(ctx, AclOperation.CREATE, topic);

/** The operations Kafka reports for each resource type in `*AuthorizedOperations` fields. */
export const REPORTED_OPERATIONS = {
  topic: [AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER, AclOperation.DESCRIBE,
    AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS],
  cluster: [AclOperation.CREATE, AclOperation.ALTER, AclOperation.DESCRIBE, AclOperation.CLUSTER_ACTION, AclOperation.DESCRIBE_CONFIGS,
    AclOperation.ALTER_CONFIGS, AclOperation.IDEMPOTENT_WRITE, AclOperation.CREATE_TOKENS, AclOperation.DESCRIBE_TOKENS],
  group: [AclOperation.READ, AclOperation.DELETE, AclOperation.DESCRIBE],
} as const;

/** Kafka's "not requested" value of an authorized-operations field. */
export const OPERATIONS_NOT_REQUESTED = -2147483648;

/** The bit field of operations the principal may perform on the resource (every reported one when ACLs are off). */
export function authorizedOperations(ctx: RequestContext, kind: keyof typeof REPORTED_OPERATIONS, name: string): number {
  const type = kind === 'topic' ? ResourceType.TOPIC : kind === 'group' ? ResourceType.GROUP : ResourceType.CLUSTER;
  const ops = REPORTED_OPERATIONS[kind];
  const a = ctx.broker.authorizer;
  if (!a.enabled) return ops.reduce((n, op) => n | (1 << op), 0);
  return a.authorizedOperations(principalOf(ctx), normalizeHost(ctx.connection.remoteAddress), type, kind === 'cluster' ? CLUSTER_NAME : name, ops);
}

/**
 * The refusal for DESCRIBE_CONFIGS / ALTER_CONFIGS on a config resource (DescribeConfigs,
 * AlterConfigs, IncrementalAlterConfigs): a topic needs the operation on the topic, a broker or
 * broker logger on the cluster, a group on the group. Null when allowed (or an unknown type, which
 * the handler refuses itself).
 */
const { TOPIC: CONFIG_TOPIC, BROKER: CONFIG_BROKER, BROKER_LOGGER: CONFIG_BROKER_LOGGER, GROUP: CONFIG_GROUP } = ConfigResourceType;

export function configResourceRefusal(ctx: RequestContext, operation: number, configResourceType: number, name: string): BrokerError | null {
  switch (configResourceType) {
    case CONFIG_TOPIC:
      return allowedOnTopic(ctx, operation, name) ? null : new BrokerError('TOPIC_AUTHORIZATION_FAILED', `not authorized to ${operationName(operation)} of topic ${name}`);
    case CONFIG_BROKER:
    case CONFIG_BROKER_LOGGER:
      return allowedOnCluster(ctx, operation) ? null : new BrokerError('CLUSTER_AUTHORIZATION_FAILED', `not authorized to ${operationName(operation)} of the cluster`);
    case CONFIG_GROUP:
      return allowedOnGroup(ctx, operation, name) ? null : new BrokerError('GROUP_AUTHORIZATION_FAILED', `not authorized to ${operationName(operation)} of group ${name}`);
    default:
      return null;
  }
}
