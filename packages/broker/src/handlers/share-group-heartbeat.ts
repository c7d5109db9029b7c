// ShareGroupHeartbeat v1 (KIP-932): joins (epoch 0), heartbeats and leaves (epoch -1) a share
// group. share/assignor.ts spreads each topic's partitions over the members subscribed to it
// (members share a partition only when they outnumber the partitions). The assignment is sent on
// a join and whenever it changes, with a new member epoch; otherwise null. A member that sends no
// heartbeat within share.session.timeout.ms is removed. Leaving or being removed does not touch
// the member's share session or the records it holds (as in Kafka): librdkafka sends its closing
// ShareAcknowledge (session epoch -1) on another connection at the same moment as the leave
// heartbeat, and it must still find the session. UNKNOWN_MEMBER_ID / FENCED_MEMBER_EPOCH make the
// client rejoin; a classic or consumer group of the same id answers GROUP_ID_NOT_FOUND.
// Skipped: rack-aware assignment (racks are recorded and described only), server-side regex
// subscriptions (share groups have none in 4.4 either).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';

export const shareGroupHeartbeatHandler = defineHandler({
  apiKey: ApiKey.ShareGroupHeartbeat,
  minVersion: 1,
  maxVersion: 1,
  handle(req, ctx) {
    const fail = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, errorCode, errorMessage, memberId: null, memberEpoch: -1, heartbeatIntervalMs: 0, assignment: null });
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return fail(ErrorCode.GROUP_AUTHORIZATION_FAILED, 'Authorization failed.');
    const topics = req.subscribedTopicNames;
    if (topics !== null && topics.some((t) => !allowedOnTopic(ctx, AclOperation.DESCRIBE, t))) return fail(ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'Authorization failed.');
    if (req.memberEpoch !== 0 && req.memberId === '') return fail(ErrorCode.INVALID_REQUEST, 'the member id is empty');
    const r = ctx.broker.shares.heartbeat({
      groupId: req.groupId, memberId: req.memberId, memberEpoch: req.memberEpoch, rackId: req.rackId, subscribedTopicNames: topics,
      clientId: ctx.header.clientId ?? '', clientHost: `/${ctx.connection.remoteAddress}`,
    });
    return {
      throttleTimeMs: 0, errorCode: r.errorCode, errorMessage: r.errorMessage, memberId: r.memberId, memberEpoch: r.memberEpoch,
      heartbeatIntervalMs: r.heartbeatIntervalMs, assignment: r.assignment === null ? null : { topicPartitions: r.assignment },
    };
  },
});
