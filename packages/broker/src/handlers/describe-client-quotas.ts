// DescribeClientQuotas v0-1: the quota entities matching a filter. Each component names an entity
// type (user, client-id, ip) and a match: 0 exact name, 1 the default entity, 2 any entity of the
// type; `strict` also excludes entities having other types. Errors are top level, as Kafka's:
// INVALID_REQUEST for a malformed filter, UNSUPPORTED_VERSION for an unknown entity type. Needs
// DESCRIBE_CONFIGS on the cluster (a top-level CLUSTER_AUTHORIZATION_FAILED, no entries).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { QuotaRequestError, type FilterComponent } from '../quotas/quota-table.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';

const EXACT = 0;
const DEFAULT = 1;
const ANY = 2;

function component(c: { entityType: string; matchType: number; match: string | null }): FilterComponent {
  if (c.matchType === EXACT) {
    if (c.match === null) throw new QuotaRequestError('INVALID_REQUEST', `Exact match for entity type ${c.entityType} needs a name`);
    return { entityType: c.entityType, match: { kind: 'exact', name: c.match } };
  }
  if (c.matchType === DEFAULT || c.matchType === ANY) {
    if (c.match !== null) throw new QuotaRequestError('INVALID_REQUEST', `Match type ${c.matchType} for entity type ${c.entityType} takes no name`);
    return { entityType: c.entityType, match: { kind: c.matchType === DEFAULT ? 'default' : 'any' } };
  }
  throw new QuotaRequestError('INVALID_REQUEST', `Unexpected match type: ${c.matchType}`);
}

export const describeClientQuotasHandler = defineHandler({
  apiKey: ApiKey.DescribeClientQuotas,
  minVersion: 0,
  maxVersion: 1,
  handle(req, ctx) {
    if (!allowedOnCluster(ctx, AclOperation.DESCRIBE_CONFIGS)) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: 'Cluster authorization failed.', entries: null };
    }
    try {
      const found = ctx.broker.quotas.describe(req.components.map(component), req.strict);
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.NONE,
        errorMessage: null,
        entries: found.map(({ entity, values }) => ({
          entity: [...entity.entries()].map(([entityType, entityName]) => ({ entityType, entityName })),
          values: [...values.entries()].map(([key, value]) => ({ key, value })),
        })),
      };
    } catch (err) {
      if (!(err instanceof QuotaRequestError)) throw err;
      return { throttleTimeMs: 0, errorCode: ErrorCode[err.code], errorMessage: err.message, entries: null };
    }
  },
});
