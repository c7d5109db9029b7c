// DescribeAcls v1-3 (the versions Kafka 4 serves): the bindings matching one filter, grouped by
// resource pattern. Needs DESCRIBE on the cluster (CLUSTER_AUTHORIZATION_FAILED); an unknown code in
// the filter is INVALID_REQUEST; without an authorizer, SECURITY_DISABLED.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation, validateFilter, type AclBinding } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';

/** Bindings grouped by (resource type, name, pattern type), in first-seen order. */
export function groupByResource(bindings: readonly AclBinding[]) {
  const out = new Map<string, { resourceType: number; resourceName: string; patternType: number; acls: Array<{ principal: string; host: string; operation: number; permissionType: number }> }>();
  for (const b of bindings) {
    const k = JSON.stringify([b.resourceType, b.resourceName, b.patternType]);
    let r = out.get(k);
    if (r === undefined) {
      r = { resourceType: b.resourceType, resourceName: b.resourceName, patternType: b.patternType, acls: [] };
      out.set(k, r);
    }
    r.acls.push({ principal: b.principal, host: b.host, operation: b.operation, permissionType: b.permissionType });
  }
  return [...out.values()];
}

export const describeAclsHandler = defineHandler({
  apiKey: ApiKey.DescribeAcls,
  minVersion: 1,
  maxVersion: 3,
  handle(req, ctx) {
    const a = ctx.broker.authorizer;
    const fail = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, errorCode, errorMessage, resources: [] });
    if (!a.enabled) return fail(ErrorCode.SECURITY_DISABLED, 'No Authorizer is configured.');
    if (!allowedOnCluster(ctx, AclOperation.DESCRIBE)) return fail(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const filter = {
      resourceType: req.resourceTypeFilter, resourceName: req.resourceNameFilter, patternType: req.patternTypeFilter,
      principal: req.principalFilter, host: req.hostFilter, operation: req.operation, permissionType: req.permissionType,
    };
    const problem = validateFilter(filter);
    if (problem !== null) return fail(ErrorCode.INVALID_REQUEST, problem);
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, resources: groupByResource(a.list(filter)) };
  },
});
