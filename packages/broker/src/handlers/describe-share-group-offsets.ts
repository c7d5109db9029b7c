// DescribeShareGroupOffsets v0-1 (KIP-932): each share-partition's start offset (-1 when the group
// has no state for it yet) and, from v1, its lag: records not yet acknowledged or archived, from
// the start offset up to the high watermark. Topics null: every partition the group has state for.
// Unknown groups answer GROUP_ID_NOT_FOUND; unknown topics UNKNOWN_TOPIC_OR_PARTITION per partition.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';

export const describeShareGroupOffsetsHandler = defineHandler({
  apiKey: ApiKey.DescribeShareGroupOffsets,
  minVersion: 0,
  maxVersion: 1,
  handle(req, ctx) {
    const b = ctx.broker;
    const groups = req.groups.map((rg) => {
      const fail = (errorCode: number, errorMessage: string) => ({ groupId: rg.groupId, topics: [], errorCode, errorMessage });
      if (!allowedOnGroup(ctx, AclOperation.DESCRIBE, rg.groupId)) return fail(ErrorCode.GROUP_AUTHORIZATION_FAILED, 'Authorization failed.');
      const g = b.shares.get(rg.groupId);
      if (g === undefined) return fail(ErrorCode.GROUP_ID_NOT_FOUND, `share group ${rg.groupId} not found`);
      let wanted: Array<{ topicName: string; partitions: number[] }>;
      if (rg.topics === null) {
        const byTopic = new Map<string, number[]>();
        for (const k of g.partitions.keys()) {
          const i = k.lastIndexOf(':');
          const name = b.topics.getById(k.slice(0, i))?.name;
          if (name === undefined) continue;
          byTopic.set(name, [...(byTopic.get(name) ?? []), Number(k.slice(i + 1))]);
        }
        wanted = [...byTopic].sort().map(([topicName, partitions]) => ({ topicName, partitions: partitions.sort((x, y) => x - y) }));
      } else {
        wanted = rg.topics;
      }
      const topics = wanted.filter((t) => allowedOnTopic(ctx, AclOperation.DESCRIBE, t.topicName)).map((t) => {
        const info = b.topics.get(t.topicName);
        return {
          topicName: t.topicName, topicId: info?.topicId ?? 'AAAAAAAAAAAAAAAAAAAAAA',
          partitions: t.partitions.map((partitionIndex) => {
            const h = info === undefined ? undefined : b.topics.partition(info.name, partitionIndex);
            if (h === undefined) return { partitionIndex, startOffset: -1n, leaderEpoch: -1, lag: -1n, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: null };
            const sp = g.partitions.get(h.key);
            if (sp === undefined) return { partitionIndex, startOffset: -1n, leaderEpoch: -1, lag: -1n, errorCode: ErrorCode.NONE, errorMessage: null };
            const hw = h.log.highWatermark;
            const lag = BigInt(sp.inFlightUndone) + (hw > sp.endOffset ? hw - sp.endOffset : 0n);
            return { partitionIndex, startOffset: sp.startOffset, leaderEpoch: 0, lag, errorCode: ErrorCode.NONE, errorMessage: null };
          }),
        };
      });
      return { groupId: rg.groupId, topics, errorCode: ErrorCode.NONE, errorMessage: null };
    });
    return { throttleTimeMs: 0, groups };
  },
});
