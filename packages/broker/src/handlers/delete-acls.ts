// DeleteAcls v1-3 (the versions Kafka 4 serves): removes the bindings each filter matches and
// answers them per filter. Needs ALTER on the cluster (CLUSTER_AUTHORIZATION_FAILED per filter); a
// filter with an unknown code answers INVALID_REQUEST and deletes nothing; without an authorizer,
// SECURITY_DISABLED. The removal is stored durably before the answer.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation, validateFilter, type AclBindingFilter } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';

export const deleteAclsHandler = defineHandler({
  apiKey: ApiKey.DeleteAcls,
  minVersion: 1,
  maxVersion: 3,
  async handle(req, ctx) {
    const a = ctx.broker.authorizer;
    const all = (errorCode: number, errorMessage: string) =>
      ({ throttleTimeMs: 0, filterResults: req.filters.map(() => ({ errorCode, errorMessage, matchingAcls: [] })) });
    if (!a.enabled) return all(ErrorCode.SECURITY_DISABLED, 'No Authorizer is configured.');
    if (!allowedOnCluster(ctx, AclOperation.ALTER)) return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const filters: Array<AclBindingFilter | string> = req.filters.map((f) => {
      const filter = {
        resourceType: f.resourceTypeFilter, resourceName: f.resourceNameFilter, patternType: f.patternTypeFilter,
        principal: f.principalFilter, host: f.hostFilter, operation: f.operation, permissionType: f.permissionType,
      };
      return validateFilter(filter) ?? filter;
    });
    const usable = filters.filter((f): f is AclBindingFilter => typeof f !== 'string');
    let deleted: Awaited<ReturnType<typeof a.delete>>;
    try {
      deleted = await a.delete(usable);
    } catch (err) {
      ctx.broker.log.error({ err }, 'storing ACLs failed');
      return all(ErrorCode.UNKNOWN_SERVER_ERROR, 'the ACL deletion could not be stored');
    }
    let i = 0;
    return {
      throttleTimeMs: 0,
      filterResults: filters.map((f) => {
        if (typeof f === 'string') return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: f, matchingAcls: [] };
        return {
          errorCode: ErrorCode.NONE, errorMessage: null,
          matchingAcls: deleted[i++]!.map((b) => ({ errorCode: ErrorCode.NONE, errorMessage: null, ...b })),
        };
      }),
    };
  },
});
