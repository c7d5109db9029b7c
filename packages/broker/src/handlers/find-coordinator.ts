// FindCoordinator v0-5. This node coordinates every group (key type 0) and every transactional id
// (key type 1): v0-3 answer the single key, v4+ one entry per coordinatorKeys item. Other key
// types (share groups, v6) are INVALID_REQUEST. Skipped: authorization, v6.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { advertisedEndpoint } from '../broker-state.js';

const GROUP = 0;
const TRANSACTION = 1;

export const findCoordinatorHandler = defineHandler({
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 5,
  handle(req, ctx) {
    const { nodeId } = ctx.broker.config;
    const { host, port } = advertisedEndpoint(ctx.broker.config, ctx.connection.session.listener);
    const keyType = ctx.apiVersion >= 1 ? req.keyType : GROUP;
    const bad = keyType !== GROUP && keyType !== TRANSACTION;
    const errorCode = bad ? ErrorCode.INVALID_REQUEST : ErrorCode.NONE;
    const errorMessage = bad ? `unsupported coordinator key type ${keyType}` : null;
    if (ctx.apiVersion >= 4) {
      return {
        throttleTimeMs: 0,
        coordinators: req.coordinatorKeys.map((key) => (bad
          ? { key, nodeId: -1, host: '', port: -1, errorCode, errorMessage }
          : { key, nodeId, host, port, errorCode, errorMessage })),
      };
    }
    return bad
      ? { throttleTimeMs: 0, errorCode, errorMessage, nodeId: -1, host: '', port: -1 }
      : { throttleTimeMs: 0, errorCode, errorMessage: ctx.apiVersion >= 1 ? 'NONE' : null, nodeId, host, port };
  },
});
