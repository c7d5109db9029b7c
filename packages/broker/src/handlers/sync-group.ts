// SyncGroup v0-5 (classic groups). The leader's assignments are stored and handed to every member
// of the generation; followers wait for the leader. Errors as Kafka: UNKNOWN_MEMBER_ID,
// FENCED_INSTANCE_ID, ILLEGAL_GENERATION, INCONSISTENT_GROUP_PROTOCOL (v5 protocolType/protocolName
// not those of the generation), REBALANCE_IN_PROGRESS (a rebalance started meanwhile),
// INVALID_GROUP_ID (empty id). Skipped: nothing.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { errorSync, type SyncResult } from '../groups/classic-group.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup } from '../security/authorize.js';

export const syncGroupHandler = defineHandler({
  apiKey: ApiKey.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  async handle(req, ctx) {
    const v = ctx.apiVersion;
    let r: SyncResult;
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) r = errorSync(ErrorCode.GROUP_AUTHORIZATION_FAILED);
    else if (req.groupId === '') r = errorSync(ErrorCode.INVALID_GROUP_ID);
    else {
      const group = ctx.broker.groups.classic(req.groupId);
      r = group === undefined
        ? errorSync(ErrorCode.UNKNOWN_MEMBER_ID)
        : await group.sync(
          req.memberId, v >= 3 ? req.groupInstanceId : null, req.generationId,
          v >= 5 ? req.protocolType : null, v >= 5 ? req.protocolName : null, req.assignments,
        );
    }
    return { throttleTimeMs: 0, errorCode: r.errorCode, protocolType: r.protocolType, protocolName: r.protocolName, assignment: r.assignment };
  },
});
