// FindCoordinator v0-6. This node coordinates every group (key type 0, share groups included),
// every transactional id (key type 1) and every share-partition's state (key type 2, v6,
// "group:topicId:partition"): v0-3 answer the single key, v4+ one entry per coordinatorKeys item.
// Other key types are INVALID_REQUEST.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTxnId } from '../security/authorize.js';
import { advertisedEndpoint } from '../broker-state.js';

const GROUP = 0;
const TRANSACTION = 1;
const SHARE = 2;

export const findCoordinatorHandler = defineHandler({
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  handle(req, ctx) {
    const { nodeId } = ctx.broker.config;
    const { host, port } = advertisedEndpoint(ctx.broker.config, ctx.connection.session.listener);
    const keyType = ctx.apiVersion >= 1 ? req.keyType : GROUP;
    const bad = keyType !== GROUP && keyType !== TRANSACTION && keyType !== SHARE;
    const errorCode = bad ? ErrorCode.INVALID_REQUEST : ErrorCode.NONE;
    const errorMessage = bad ? `unsupported coordinator key type ${keyType}` : null;
    // GROUP keys need DESCRIBE on the group, TRANSACTION keys DESCRIBE on the transactional id.
    const refusal = (key: string): number | null => {
      if (bad) return null;
      if (keyType === GROUP) return allowedOnGroup(ctx, AclOperation.DESCRIBE, key) ? null : ErrorCode.GROUP_AUTHORIZATION_FAILED;
      // Share-state keys are inter-broker: CLUSTER_ACTION in Kafka; the group's DESCRIBE here.
      if (keyType === SHARE) return allowedOnGroup(ctx, AclOperation.DESCRIBE, key.split(':')[0] ?? '') ? null : ErrorCode.GROUP_AUTHORIZATION_FAILED;
      return allowedOnTxnId(ctx, AclOperation.DESCRIBE, key) ? null : ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
    };
    if (ctx.apiVersion >= 4) {
      return {
        throttleTimeMs: 0,
        coordinators: req.coordinatorKeys.map((key) => {
          const refused = refusal(key);
          if (refused !== null) return { key, nodeId: -1, host: '', port: -1, errorCode: refused, errorMessage: 'Authorization failed.' };
          return bad ? { key, nodeId: -1, host: '', port: -1, errorCode, errorMessage } : { key, nodeId, host, port, errorCode, errorMessage };
        }),
      };
    }
    const refused = refusal(req.key);
    if (refused !== null) return { throttleTimeMs: 0, errorCode: refused, errorMessage: 'Authorization failed.', nodeId: -1, host: '', port: -1 };
    return bad
      ? { throttleTimeMs: 0, errorCode, errorMessage, nodeId: -1, host: '', port: -1 }
      : { throttleTimeMs: 0, errorCode, errorMessage: ctx.apiVersion >= 1 ? 'NONE' : null, nodeId, host, port };
  },
});
