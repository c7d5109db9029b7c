// ConsumerGroupDescribe v0-1 (KIP-848 groups; v1 adds each member's type: always 1, consumer, as
// classic members never join these groups here): group state (Empty, Assigning, Reconciling, Stable),
// group and assignment epochs, the assignor, and per member its epoch, subscription, current and
// target assignment (topic ids and names). GROUP_ID_NOT_FOUND for unknown groups and for classic
// groups. Skipped: authorized operations.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { toList, type TopicPartitions, type TopicsView } from '../groups/consumer-group.js';
import { AclOperation } from '../security/acl.js';
import { OPERATIONS_NOT_REQUESTED, allowedOnGroup, authorizedOperations } from '../security/authorize.js';


function described(tp: TopicPartitions, topics: TopicsView) {
  return {
    topicPartitions: toList(tp).map((t) => ({ topicId: t.topicId, topicName: topics.byId(t.topicId)?.name ?? '', partitions: t.partitions })),
  };
}

export const consumerGroupDescribeHandler = defineHandler({
  apiKey: ApiKey.ConsumerGroupDescribe,
  minVersion: 0,
  maxVersion: 1,
  handle(req, ctx) {
    const coordinator = ctx.broker.groups;
    const topics = coordinator.topics;
    return {
      throttleTimeMs: 0,
      groups: req.groupIds.map((groupId) => {
        if (!allowedOnGroup(ctx, AclOperation.DESCRIBE, groupId)) {
          return { groupId, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, errorMessage: 'Group authorization failed.', authorizedOperations: OPERATIONS_NOT_REQUESTED };
        }
        const g = coordinator.get(groupId);
        if (g === undefined || g.type !== 'consumer' || g.state === 'Dead') {
          return {
            groupId, errorCode: ErrorCode.GROUP_ID_NOT_FOUND, authorizedOperations: OPERATIONS_NOT_REQUESTED,
            errorMessage: g === undefined ? `Group ${groupId} not found.` : `Group ${groupId} is not a consumer group.`,
          };
        }
        return {
          groupId,
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          groupState: g.state,
          groupEpoch: g.groupEpoch,
          assignmentEpoch: g.assignmentEpoch,
          assignorName: g.assignorName(),
          authorizedOperations: req.includeAuthorizedOperations ? authorizedOperations(ctx, 'group', groupId) : OPERATIONS_NOT_REQUESTED,
          members: [...g.members.values()].map((m) => ({
            memberId: m.memberId,
            memberType: 1,
            instanceId: m.instanceId,
            rackId: m.rackId,
            memberEpoch: m.memberEpoch,
            clientId: m.clientId,
            clientHost: m.clientHost,
            subscribedTopicNames: m.subscribedTopicNames,
            subscribedTopicRegex: m.subscribedTopicRegex,
            assignment: described(m.assigned, topics),
            targetAssignment: described(g.targetOf(m.memberId), topics),
          })),
        };
      }),
    };
  },
});
