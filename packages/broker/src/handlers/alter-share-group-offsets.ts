// AlterShareGroupOffsets v0 (KIP-932): sets share-partitions' start offsets (clamped to the log's
// start and high watermark); the in-flight state of those partitions is dropped. Only while the
// group has no members (NON_EMPTY_GROUP otherwise); a group that does not exist yet is created, so
// offsets can be set before the first member joins. Answered once the new states are durable.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';

export const alterShareGroupOffsetsHandler = defineHandler({
  apiKey: ApiKey.AlterShareGroupOffsets,
  minVersion: 0,
  maxVersion: 0,
  async handle(req, ctx) {
    const b = ctx.broker;
    const top = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, errorCode, errorMessage, responses: [] });
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return top(ErrorCode.GROUP_AUTHORIZATION_FAILED, 'Authorization failed.');
    if (req.groupId === '') return top(ErrorCode.INVALID_GROUP_ID, 'the group id is empty');
    if (b.groups.get(req.groupId) !== undefined) return top(ErrorCode.GROUP_ID_NOT_FOUND, `group ${req.groupId} is not a share group`);
    const existing = b.shares.get(req.groupId);
    if (existing !== undefined && existing.members.size > 0) return top(ErrorCode.NON_EMPTY_GROUP, `share group ${req.groupId} has members`);
    const g = b.shares.groupForAdmin(req.groupId, true)!;
    const responses = [];
    for (const t of req.topics) {
      const info = b.topics.get(t.topicName);
      const partitions = [];
      for (const p of t.partitions) {
        const h = info === undefined ? undefined : b.topics.partition(info.name, p.partitionIndex);
        if (!allowedOnTopic(ctx, AclOperation.READ, t.topicName)) partitions.push({ partitionIndex: p.partitionIndex, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, errorMessage: null });
        else if (h === undefined) partitions.push({ partitionIndex: p.partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: null });
        else if (p.startOffset < 0n) partitions.push({ partitionIndex: p.partitionIndex, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'the start offset is negative' });
        else {
          await b.shares.alterStart(g, h, p.startOffset);
          partitions.push({ partitionIndex: p.partitionIndex, errorCode: ErrorCode.NONE, errorMessage: null });
        }
      }
      responses.push({ topicName: t.topicName, topicId: info?.topicId ?? 'AAAAAAAAAAAAAAAAAAAAAA', partitions });
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, responses };
  },
});
