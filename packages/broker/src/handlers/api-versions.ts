// ApiVersions v0-5. Answers with the versions every registered handler serves (built from the
// registry, never a hand-kept list). Unknown request versions are answered by the server with a
// v0 response and UNSUPPORTED_VERSION (KIP-511). Features (v3+): `transaction.version` is
// supported 0-2 and finalized at the broker's level (transactions.transactionVersion, default 2),
// which is how Kafka's clients decide to use KIP-890 part 2. v5 (KIP-1242): a client that names
// the cluster or node it means to reach and gets another one is told REBOOTSTRAP_REQUIRED.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';

/** Epoch of the finalized features: they never change while the broker runs. */
const FEATURES_EPOCH = 1n;

export const apiVersionsHandler = defineHandler({
  apiKey: ApiKey.ApiVersions,
  minVersion: 0,
  maxVersion: 5,
  handle(req, ctx) {
    const b = ctx.broker;
    const wrongTarget = ctx.apiVersion >= 5
      && ((req.clusterId !== null && req.clusterId !== b.config.clusterId) || (req.nodeId >= 0 && req.nodeId !== b.config.nodeId));
    const tv = b.transactions.config.transactionVersion;
    return {
      errorCode: wrongTarget ? ErrorCode.REBOOTSTRAP_REQUIRED : ErrorCode.NONE,
      apiKeys: b.registry.list(),
      throttleTimeMs: 0,
      supportedFeatures: [{ name: 'transaction.version', minVersion: 0, maxVersion: 2 }],
      finalizedFeaturesEpoch: FEATURES_EPOCH,
      finalizedFeatures: [{ name: 'transaction.version', maxVersionLevel: tv, minVersionLevel: tv }],
    };
  },
});
