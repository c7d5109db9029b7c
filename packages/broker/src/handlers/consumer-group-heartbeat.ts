// ConsumerGroupHeartbeat v0-1 (KIP-848; see groups/consumer-group.ts). Epoch 0 joins (the member
// id is the client's own, or one we generate when it sends none), -1 leaves, -2 leaves
// temporarily (static members keep their assignment until their session expires). The answer
// carries the member's epoch, the heartbeat interval and, when it changed, its assignment.
// Request errors (INVALID_REQUEST): empty group id; a join without rebalance timeout or
// subscription; a member id missing after joining; v0 asking for a regex. UNSUPPORTED_ASSIGNOR for
// an assignor other than "uniform" and "range"; GROUP_ID_NOT_FOUND when a non-empty classic group
// holds the id; UNKNOWN_MEMBER_ID, FENCED_MEMBER_EPOCH, UNRELEASED_INSTANCE_ID, FENCED_INSTANCE_ID
// as Kafka. Skipped: rack-aware assignment, classic members inside consumer groups, group.max.size.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';

const fail = (errorCode: number, errorMessage: string) =>
  ({ throttleTimeMs: 0, errorCode, errorMessage, memberId: null, memberEpoch: -1, heartbeatIntervalMs: 0, assignment: null });

export const consumerGroupHeartbeatHandler = defineHandler({
  apiKey: ApiKey.ConsumerGroupHeartbeat,
  minVersion: 0,
  maxVersion: 1,
  async handle(req, ctx) {
    const coordinator = ctx.broker.groups;
    const regex = ctx.apiVersion >= 1 ? req.subscribedTopicRegex : null;
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return fail(ErrorCode.GROUP_AUTHORIZATION_FAILED, 'Group authorization failed.');
    const refusedTopic = (req.subscribedTopicNames ?? []).find((t) => !allowedOnTopic(ctx, AclOperation.DESCRIBE, t));
    if (refusedTopic !== undefined) return fail(ErrorCode.TOPIC_AUTHORIZATION_FAILED, `not authorized to describe subscribed topic ${refusedTopic}`);
    if (req.groupId === '') return fail(ErrorCode.INVALID_REQUEST, 'GroupId can\'t be empty.');
    if (req.memberEpoch === 0) {
      if (req.rebalanceTimeoutMs === -1) return fail(ErrorCode.INVALID_REQUEST, 'RebalanceTimeoutMs must be provided in first request.');
      if (req.subscribedTopicNames === null && regex === null) return fail(ErrorCode.INVALID_REQUEST, 'SubscribedTopicNames or SubscribedTopicRegex must be set in first request.');
    } else if (req.memberId === '') {
      return fail(ErrorCode.INVALID_REQUEST, 'MemberId can\'t be empty.');
    } else if (req.memberEpoch < -2) {
      return fail(ErrorCode.INVALID_REQUEST, `MemberEpoch ${req.memberEpoch} is invalid.`);
    }
    if (req.serverAssignor !== null && !coordinator.config.consumerAssignors.includes(req.serverAssignor)) {
      return fail(ErrorCode.UNSUPPORTED_ASSIGNOR, `ServerAssignor ${req.serverAssignor} is not supported. Supported assignors: ${coordinator.config.consumerAssignors.join(', ')}.`);
    }
    const group = coordinator.consumerForHeartbeat(req.groupId, req.memberEpoch === 0);
    if (group === undefined) {
      return coordinator.get(req.groupId) === undefined
        ? fail(ErrorCode.UNKNOWN_MEMBER_ID, `group ${req.groupId} does not exist`)
        : fail(ErrorCode.GROUP_ID_NOT_FOUND, `Group ${req.groupId} is not a consumer group.`);
    }
    const r = group.heartbeat({
      memberId: req.memberId,
      memberEpoch: req.memberEpoch,
      instanceId: req.instanceId,
      rackId: req.rackId,
      rebalanceTimeoutMs: req.rebalanceTimeoutMs,
      subscribedTopicNames: req.subscribedTopicNames,
      subscribedTopicRegex: regex,
      serverAssignor: req.serverAssignor,
      topicPartitions: req.topicPartitions,
      clientId: ctx.header.clientId ?? '',
      clientHost: `/${ctx.connection.remoteAddress}`,
    });
    // The answer goes out once the group record holding this member's new epoch and assignment
    // is durable (as Kafka), so a restarted broker never knows less than a member was told.
    try {
      await coordinator.persistGroup(group);
    } catch {
      return fail(ErrorCode.COORDINATOR_NOT_AVAILABLE, `group ${req.groupId} could not be written`);
    }
    return { throttleTimeMs: 0, ...r };
  },
});
