// AlterClientQuotas v0-1: sets or removes quota values per entity (user, client-id, both, their
// defaults with a null name, or ip), durably before answering. Each entry is checked as Kafka's
// controller checks it (INVALID_REQUEST with its message: empty or duplicate entity types, unknown
// types, ip mixed with user/client-id, duplicate keys or entities, unknown keys, values <= 0,
// fractions for byte rates); valid entries are applied even when others fail. validateOnly checks
// and changes nothing. Removing a key that is not set is accepted. Needs ALTER_CONFIGS on the
// cluster: without it every entry answers CLUSTER_AUTHORIZATION_FAILED and nothing is validated.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';

export const alterClientQuotasHandler = defineHandler({
  apiKey: ApiKey.AlterClientQuotas,
  minVersion: 0,
  maxVersion: 1,
  async handle(req, ctx) {
    if (!allowedOnCluster(ctx, AclOperation.ALTER_CONFIGS)) {
      return {
        throttleTimeMs: 0,
        entries: req.entries.map((e) => ({
          errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
          errorMessage: 'Cluster authorization failed.',
          entity: e.entity.map((c) => ({ entityType: c.entityType, entityName: c.entityName })),
        })),
      };
    }
    const entries = req.entries.map((e) => ({
      entity: e.entity.map((c) => [c.entityType, c.entityName] as const),
      ops: e.ops.map((o) => ({ key: o.key, value: o.remove ? null : o.value })),
    }));
    const results = await ctx.broker.quotas.alter(entries, req.validateOnly);
    return {
      throttleTimeMs: 0,
      entries: req.entries.map((e, i) => ({
        errorCode: results[i] === null ? ErrorCode.NONE : ErrorCode.INVALID_REQUEST,
        errorMessage: results[i] ?? null,
        entity: e.entity.map((c) => ({ entityType: c.entityType, entityName: c.entityName })),
      })),
    };
  },
});
