// Heartbeat v0-4 (classic groups): restarts the member's session timer. REBALANCE_IN_PROGRESS
// while the group prepares a rebalance (the member must rejoin), ILLEGAL_GENERATION for another
// generation, UNKNOWN_MEMBER_ID / FENCED_INSTANCE_ID for members the group does not know (or an
// unknown group), INVALID_GROUP_ID for an empty id. Skipped: nothing.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup } from '../security/authorize.js';

export const heartbeatHandler = defineHandler({
  apiKey: ApiKey.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  handle(req, ctx) {
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED };
    if (req.groupId === '') return { throttleTimeMs: 0, errorCode: ErrorCode.INVALID_GROUP_ID };
    const group = ctx.broker.groups.classic(req.groupId);
    const errorCode = group === undefined
      ? ErrorCode.UNKNOWN_MEMBER_ID
      : group.heartbeat(req.memberId, ctx.apiVersion >= 3 ? req.groupInstanceId : null, req.generationId);
    return { throttleTimeMs: 0, errorCode };
  },
});
