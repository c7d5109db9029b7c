// CreateAcls v2-3 (the versions Kafka 4 serves). Needs ALTER on the cluster (else every creation
// answers CLUSTER_AUTHORIZATION_FAILED). Each creation is validated on its own: INVALID_REQUEST with
// the reason for an unknown or ANY resource type, a pattern type other than LITERAL/PREFIXED, an
// ANY/UNKNOWN operation or permission, an empty name, a CLUSTER resource not named kafka-cluster,
// a principal not of the form TYPE:NAME. Valid creations are stored durably before the answer.
// Without an authorizer every creation answers SECURITY_DISABLED, as Kafka does.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation, toBinding, validateBinding, type AclBinding } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';

export const createAclsHandler = defineHandler({
  apiKey: ApiKey.CreateAcls,
  minVersion: 2,
  maxVersion: 3,
  async handle(req, ctx) {
    const a = ctx.broker.authorizer;
    const all = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, results: req.creations.map(() => ({ errorCode, errorMessage })) });
    if (!a.enabled) return all(ErrorCode.SECURITY_DISABLED, 'No Authorizer is configured.');
    if (!allowedOnCluster(ctx, AclOperation.ALTER)) return all(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'Cluster authorization failed.');
    const valid: AclBinding[] = [];
    const results = req.creations.map((c) => {
      const f = { ...c, patternType: c.resourcePatternType };
      const problem = validateBinding(f);
      if (problem !== null) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: problem };
      valid.push(toBinding(f));
      return { errorCode: ErrorCode.NONE, errorMessage: null };
    });
    try {
      await a.create(valid);
    } catch (err) {
      ctx.broker.log.error({ err }, 'storing ACLs failed');
      return { throttleTimeMs: 0, results: results.map((r) => (r.errorCode === ErrorCode.NONE ? { errorCode: ErrorCode.UNKNOWN_SERVER_ERROR, errorMessage: 'the ACLs could not be stored' } : r)) };
    }
    return { throttleTimeMs: 0, results };
  },
});
