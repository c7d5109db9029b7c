// ApiVersions v0-4. Answers with the versions every registered handler serves (built from the
// registry, never a hand-kept list). Unknown request versions are answered by the server with a
// v0 response and UNSUPPORTED_VERSION (KIP-511). Finalized features: none advertised.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';

export const apiVersionsHandler = defineHandler({
  apiKey: ApiKey.ApiVersions,
  minVersion: 0,
  maxVersion: 4,
  handle(_req, ctx) {
    return {
      errorCode: ErrorCode.NONE,
      apiKeys: ctx.broker.registry.list(),
      throttleTimeMs: 0,
    };
  },
});
