// DeleteShareGroupOffsets v0 (KIP-932): deletes the group's state for every partition of the named
// topics (the next member starts them again from share.auto.offset.reset). Only while the group
// has no members (NON_EMPTY_GROUP otherwise); unknown groups answer GROUP_ID_NOT_FOUND.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';

export const deleteShareGroupOffsetsHandler = defineHandler({
  apiKey: ApiKey.DeleteShareGroupOffsets,
  minVersion: 0,
  maxVersion: 0,
  async handle(req, ctx) {
    const b = ctx.broker;
    const top = (errorCode: number, errorMessage: string) => ({ throttleTimeMs: 0, errorCode, errorMessage, responses: [] });
    if (!allowedOnGroup(ctx, AclOperation.DELETE, req.groupId)) return top(ErrorCode.GROUP_AUTHORIZATION_FAILED, 'Authorization failed.');
    const g = b.shares.get(req.groupId);
    if (g === undefined) return top(ErrorCode.GROUP_ID_NOT_FOUND, `share group ${req.groupId} not found`);
    if (g.members.size > 0) return top(ErrorCode.NON_EMPTY_GROUP, `share group ${req.groupId} has members`);
    const responses = [];
    for (const t of req.topics) {
      const info = b.topics.get(t.topicName);
      if (!allowedOnTopic(ctx, AclOperation.READ, t.topicName)) {
        responses.push({ topicName: t.topicName, topicId: info?.topicId ?? 'AAAAAAAAAAAAAAAAAAAAAA', errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, errorMessage: null });
        continue;
      }
      if (info === undefined) {
        responses.push({ topicName: t.topicName, topicId: 'AAAAAAAAAAAAAAAAAAAAAA', errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: null });
        continue;
      }
      for (let p = 0; p < info.partitions; p++) await b.shares.deleteState(g, `${info.topicId}:${p}`);
      responses.push({ topicName: t.topicName, topicId: info.topicId, errorCode: ErrorCode.NONE, errorMessage: null });
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, responses };
  },
});
