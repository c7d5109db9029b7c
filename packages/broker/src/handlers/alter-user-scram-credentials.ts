// AlterUserScramCredentials v0 (KIP-554), with Kafka's controller semantics: a user may appear
// once in the whole request (a second deletion or upsertion for the same name is
// DUPLICATE_RESOURCE for that user); an empty name is UNACCEPTABLE_CREDENTIAL, an unknown
// mechanism UNSUPPORTED_SASL_MECHANISM, iterations outside 4096-16384 UNACCEPTABLE_CREDENTIAL,
// deleting an absent credential RESOURCE_NOT_FOUND. The upsertion carries the salt and the salted
// password; the broker keeps only StoredKey and ServerKey. Every accepted change is applied in
// one durable write. Also refused (Kafka accepts it but such a credential cannot authenticate):
// an empty salt. Needs ALTER on the cluster: without it every user named answers
// CLUSTER_AUTHORIZATION_FAILED and nothing changes.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { ScramCredentialRecord } from '@tideline/storage';
import { errorCodeOf, errorMessageOf } from '../errors.js';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';
import { credentialFromSaltedPassword, iterationsProblem, scramMechanismOfId, type ScramMechanism } from '../security/scram-credentials.js';

interface Failure {
  errorCode: number;
  errorMessage: string;
}

const DUPLICATE: Failure = { errorCode: ErrorCode.DUPLICATE_RESOURCE, errorMessage: 'A user credential cannot be altered twice in the same request' };

function nameAndMechanism(name: string, mechanismId: number): Failure | ScramMechanism {
  if (name === '') return { errorCode: ErrorCode.UNACCEPTABLE_CREDENTIAL, errorMessage: 'Username must not be empty' };
  const m = scramMechanismOfId(mechanismId);
  return m ?? { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, errorMessage: 'Unknown SCRAM mechanism' };
}

export const alterUserScramCredentialsHandler = defineHandler({
  apiKey: ApiKey.AlterUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  async handle(req, ctx) {
    if (!allowedOnCluster(ctx, AclOperation.ALTER)) {
      const users = new Set([...req.deletions.map((d) => d.name), ...req.upsertions.map((u) => u.name)]);
      return { throttleTimeMs: 0, results: [...users].map((user) => ({ user, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: 'Cluster authorization failed.' })) };
    }
    const scram = ctx.broker.scram;
    const errors = new Map<string, Failure>();
    const deletions = new Map<string, { user: string; mechanism: ScramMechanism }>();
    const upserts = new Map<string, ScramCredentialRecord>();
    for (const d of req.deletions) {
      if (errors.has(d.name)) continue;
      if (deletions.delete(d.name)) {
        errors.set(d.name, DUPLICATE);
        continue;
      }
      const m = nameAndMechanism(d.name, d.mechanism);
      if (typeof m !== 'string') errors.set(d.name, m);
      else if (scram.get(d.name, m) === undefined) errors.set(d.name, { errorCode: ErrorCode.RESOURCE_NOT_FOUND, errorMessage: 'Attempt to delete a user credential that does not exist' });
      else deletions.set(d.name, { user: d.name, mechanism: m });
    }
    for (const u of req.upsertions) {
      if (errors.has(u.name)) continue;
      if (deletions.delete(u.name) || upserts.delete(u.name)) {
        errors.set(u.name, DUPLICATE);
        continue;
      }
      const m = nameAndMechanism(u.name, u.mechanism);
      if (typeof m !== 'string') {
        errors.set(u.name, m);
        continue;
      }
      const problem = iterationsProblem(u.iterations);
      if (problem !== null) errors.set(u.name, { errorCode: ErrorCode.UNACCEPTABLE_CREDENTIAL, errorMessage: problem });
      else if (u.salt.length === 0) errors.set(u.name, { errorCode: ErrorCode.UNACCEPTABLE_CREDENTIAL, errorMessage: 'Salt must not be empty' });
      else upserts.set(u.name, credentialFromSaltedPassword(u.name, m, u.salt, u.saltedPassword, u.iterations));
    }
    const results: Array<{ user: string; errorCode: number; errorMessage: string | null }> = [];
    const accepted = [...deletions.keys(), ...upserts.keys()];
    if (accepted.length > 0) {
      try {
        await scram.store.alter({ deletions: [...deletions.values()], upserts: [...upserts.values()] });
        for (const user of accepted) results.push({ user, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        ctx.broker.log.error({ err }, 'storing SCRAM credentials failed');
        for (const user of accepted) results.push({ user, errorCode: errorCodeOf(err), errorMessage: errorMessageOf(err) });
      }
    }
    for (const [user, f] of errors) results.push({ user, ...f });
    return { throttleTimeMs: 0, results };
  },
});
