// ShareAcknowledge v1-2 (KIP-932): applies acknowledgements (GAP, ACCEPT, RELEASE, REJECT; RENEW
// from v2) to the member's acquired records without fetching. The share session must exist (epoch
// 0 is INVALID_SHARE_SESSION_EPOCH: only ShareFetch opens sessions); -1 closes it after the
// acknowledgements and releases what the member still holds. A batch naming records the member
// does not hold answers INVALID_RECORD_STATE for its partition; the partition's other batches
// still apply. Answered once the changed share-partition states are durable.
// v2: AcquisitionLockTimeoutMs in the answer; IsRenewAck is accepted (renewals need no fetch).
import { ApiKey, ErrorCode, type ShareAcknowledgeResponsePartitionDataInput } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';
import { FINAL_EPOCH, acknowledge, closeSession, openSession, resolve } from '../share/fetch-ops.js';

export const shareAcknowledgeHandler = defineHandler({
  apiKey: ApiKey.ShareAcknowledge,
  minVersion: 1,
  maxVersion: 2,
  async handle(req, ctx) {
    const b = ctx.broker;
    const top = (errorCode: number, errorMessage: string | null) => ({ throttleTimeMs: 0, errorCode, errorMessage, acquisitionLockTimeoutMs: 0, responses: [], nodeEndpoints: [] });
    if (req.groupId === null || req.groupId === '' || req.memberId === null || req.memberId === '') return top(ErrorCode.INVALID_REQUEST, 'the group id and member id are required');
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return top(ErrorCode.GROUP_AUTHORIZATION_FAILED, 'Authorization failed.');
    const g = b.shares.get(req.groupId);
    if (g === undefined) return top(ErrorCode.GROUP_ID_NOT_FOUND, `share group ${req.groupId} not found`);
    const memberId = req.memberId;
    const s = openSession(b, g, memberId, req.shareSessionEpoch, false, b.now());
    if (s.session === null) return top(s.errorCode, s.errorMessage);
    const changed = new Set<string>();
    const responses = req.topics.map((t) => ({
      topicId: t.topicId,
      partitions: t.partitions.map((p): ShareAcknowledgeResponsePartitionDataInput => {
        let ref = resolve(b, t.topicId, p.partitionIndex);
        if (ref.error === ErrorCode.NONE && !allowedOnTopic(ctx, AclOperation.READ, b.topics.getById(t.topicId)?.name ?? '')) {
          ref = { ...ref, handle: undefined, error: ErrorCode.TOPIC_AUTHORIZATION_FAILED };
        }
        const r = acknowledge(b, g, ref, memberId, p.acknowledgementBatches);
        if (r.changed) changed.add(`${t.topicId}:${p.partitionIndex}`);
        return { partitionIndex: p.partitionIndex, errorCode: r.errorCode, errorMessage: r.errorMessage, currentLeader: { leaderId: b.config.nodeId, leaderEpoch: 0 } };
      }),
    }));
    if (req.shareSessionEpoch === FINAL_EPOCH) {
      closeSession(g, memberId);
      b.shares.releaseMember(g, memberId);
    }
    await Promise.all([...changed].map((k) => b.shares.changed(g, k)));
    return {
      throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, acquisitionLockTimeoutMs: b.shares.limits(req.groupId).lockDurationMs,
      responses, nodeEndpoints: [],
    };
  },
});
