// LeaveGroup v0-5 (classic groups). v0-2: one member id, its error at the top level; v3+: a batch
// of member identities (member id and/or group.instance.id, KIP-345), an error per member.
// Leaving triggers a rebalance of the rest. Errors: UNKNOWN_MEMBER_ID (unknown member or group),
// FENCED_INSTANCE_ID (instance id owned by another member id), INVALID_GROUP_ID (empty id).
// Skipped: nothing.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup } from '../security/authorize.js';

export const leaveGroupHandler = defineHandler({
  apiKey: ApiKey.LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  handle(req, ctx) {
    const v = ctx.apiVersion;
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, members: [] };
    if (req.groupId === '') return { throttleTimeMs: 0, errorCode: ErrorCode.INVALID_GROUP_ID, members: [] };
    const group = ctx.broker.groups.classic(req.groupId);
    if (v < 3) {
      const errorCode = group === undefined ? ErrorCode.UNKNOWN_MEMBER_ID : group.leave(req.memberId, null);
      return { throttleTimeMs: 0, errorCode };
    }
    if (group === undefined) return { throttleTimeMs: 0, errorCode: ErrorCode.UNKNOWN_MEMBER_ID, members: [] };
    const members = req.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      errorCode: group.leave(m.memberId, m.groupInstanceId),
    }));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, members };
  },
});
