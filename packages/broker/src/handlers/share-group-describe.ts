// ShareGroupDescribe v1 (KIP-932): each share group's state (Empty with no members, else Stable),
// epochs, members with their subscriptions and assignments. Unknown ids answer GROUP_ID_NOT_FOUND,
// as do ids of classic or consumer groups. The assignor is "simple" (every member gets every
// subscribed partition). Authorized operations are reported when asked, else left unset.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup } from '../security/authorize.js';

const UNSET_OPERATIONS = -2147483648;
/** READ, DESCRIBE, DELETE, DESCRIBE_CONFIGS, ALTER_CONFIGS as a bit set (Kafka's AclOperation codes). */
const GROUP_OPERATIONS = (1 << 3) | (1 << 8) | (1 << 6) | (1 << 10) | (1 << 11);

export const shareGroupDescribeHandler = defineHandler({
  apiKey: ApiKey.ShareGroupDescribe,
  minVersion: 1,
  maxVersion: 1,
  handle(req, ctx) {
    const b = ctx.broker;
    const groups = req.groupIds.map((groupId) => {
      const empty = { groupId, groupState: '', groupEpoch: -1, assignmentEpoch: -1, assignorName: '', members: [], authorizedOperations: UNSET_OPERATIONS };
      if (!allowedOnGroup(ctx, AclOperation.DESCRIBE, groupId)) return { ...empty, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, errorMessage: 'Authorization failed.' };
      const g = b.shares.get(groupId);
      if (g === undefined) return { ...empty, errorCode: ErrorCode.GROUP_ID_NOT_FOUND, errorMessage: `share group ${groupId} not found` };
      const members = [...g.members.values()].map((m) => ({
        memberId: m.memberId, rackId: m.rackId, memberEpoch: m.epoch, clientId: m.clientId, clientHost: m.clientHost,
        subscribedTopicNames: m.subscribed,
        assignment: {
          topicPartitions: b.shares.assignmentOf(g, m).map((a) => ({ topicId: a.topicId, topicName: b.topics.getById(a.topicId)?.name ?? '', partitions: a.partitions })),
        },
      }));
      return {
        errorCode: ErrorCode.NONE, errorMessage: null, groupId, groupState: g.state, groupEpoch: g.epoch, assignmentEpoch: g.epoch,
        assignorName: 'simple', members, authorizedOperations: req.includeAuthorizedOperations ? GROUP_OPERATIONS : UNSET_OPERATIONS,
      };
    });
    return { throttleTimeMs: 0, groups };
  },
});
