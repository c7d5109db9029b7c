// DescribeUserScramCredentials v0 (KIP-554): the mechanisms and iteration counts of users' SCRAM
// credentials, never salts or keys. No users (null or empty): every user with a credential.
// A user named twice is DUPLICATE_RESOURCE, a user without a credential RESOURCE_NOT_FOUND, with
// Kafka's messages; the top-level error stays NONE. Needs DESCRIBE on the cluster: without it the
// top-level error is CLUSTER_AUTHORIZATION_FAILED, repeated (without a name) for each user asked.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { SCRAM_MECHANISM_IDS } from '../security/scram-credentials.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';

export const describeUserScramCredentialsHandler = defineHandler({
  apiKey: ApiKey.DescribeUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  handle(req, ctx) {
    if (!allowedOnCluster(ctx, AclOperation.DESCRIBE)) {
      const errorCode = ErrorCode.CLUSTER_AUTHORIZATION_FAILED;
      const errorMessage = 'Cluster authorization failed.';
      return { throttleTimeMs: 0, errorCode, errorMessage, results: (req.users ?? []).map(() => ({ user: '', errorCode, errorMessage, credentialInfos: [] })) };
    }
    const all = ctx.broker.scram.store.list();
    const byUser = new Map<string, Array<{ mechanism: number; iterations: number }>>();
    for (const c of all) {
      const list = byUser.get(c.user) ?? [];
      list.push({ mechanism: SCRAM_MECHANISM_IDS[c.mechanism], iterations: c.iterations });
      byUser.set(c.user, list);
    }
    const named = req.users === null || req.users.length === 0 ? null : req.users.map((u) => u.name);
    const results = [];
    if (named === null) {
      for (const [user, credentialInfos] of byUser) results.push({ user, errorCode: ErrorCode.NONE, errorMessage: null, credentialInfos });
    } else {
      const counts = new Map<string, number>();
      for (const n of named) counts.set(n, (counts.get(n) ?? 0) + 1);
      for (const [user, count] of counts) {
        const infos = byUser.get(user);
        if (count > 1) {
          results.push({ user, errorCode: ErrorCode.DUPLICATE_RESOURCE, errorMessage: `Cannot describe SCRAM credentials for the same user twice in a single request: ${user}`, credentialInfos: [] });
        } else if (infos === undefined) {
          results.push({ user, errorCode: ErrorCode.RESOURCE_NOT_FOUND, errorMessage: `Attempt to describe a user credential that does not exist: ${user}`, credentialInfos: [] });
        } else {
          results.push({ user, errorCode: ErrorCode.NONE, errorMessage: null, credentialInfos: infos });
        }
      }
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, results };
  },
});
