// OffsetCommit v0-10 (v10 names topics by id, KIP-1319: an unknown id is UNKNOWN_TOPIC_ID). Group commits are checked against the group: classic groups by member id,
// group.instance.id and generation (UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID, ILLEGAL_GENERATION,
// REBALANCE_IN_PROGRESS while the generation's SyncGroup is pending); KIP-848 groups by member
// epoch (UNKNOWN_MEMBER_ID, STALE_MEMBER_EPOCH). Simple commits (generation -1, no member: admin
// tools, standalone consumers) are accepted while the group is empty, and create the group when
// absent; a commit with a generation for an unknown group is ILLEGAL_GENERATION. Per partition:
// UNKNOWN_TOPIC_OR_PARTITION, OFFSET_METADATA_TOO_LARGE (offset.metadata.max.bytes). Offsets are
// answered only once written to `__consumer_offsets` and fdatasync'ed. Skipped: the v1 commit
// timestamp and v2-4 retention time (the broker's clock and offsets.retention apply).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import type { OffsetCommitEntry } from '../groups/coordinator.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';
import { topicNameOf } from './topic-ids.js';

function answerAll(topics: ReadonlyArray<{ name: string; topicId: string; partitions: ReadonlyArray<{ partitionIndex: number }> }>, errorCode: number) {
  return {
    throttleTimeMs: 0,
    topics: topics.map((t) => ({ name: t.name, topicId: t.topicId, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode })) })),
  };
}

export const offsetCommitHandler = defineHandler({
  apiKey: ApiKey.OffsetCommit,
  minVersion: 0,
  maxVersion: 10,
  async handle(req, ctx) {
    const v = ctx.apiVersion;
    const topics = req.topics.map((t) => {
      if (v < 10) return t;
      const name = topicNameOf(ctx.broker, t.topicId);
      return { ...t, name: name ?? '', unknownId: name === undefined };
    });
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return answerAll(topics, ErrorCode.GROUP_AUTHORIZATION_FAILED);
    const entries: OffsetCommitEntry[] = [];
    // Partitions of topics the principal may not READ are refused; the others are committed.
    const refusedTopic = topics.map((t) => ('unknownId' in t && t.unknownId ? ErrorCode.UNKNOWN_TOPIC_ID
      : allowedOnTopic(ctx, AclOperation.READ, t.name) ? null : ErrorCode.TOPIC_AUTHORIZATION_FAILED));
    for (const [ti, t] of topics.entries()) {
      if (refusedTopic[ti] !== null) continue;
      for (const p of t.partitions) {
        entries.push({
          topic: t.name, partition: p.partitionIndex, offset: p.committedOffset,
          leaderEpoch: v >= 6 ? p.committedLeaderEpoch : -1, metadata: p.committedMetadata,
        });
      }
    }
    const codes = await ctx.broker.groups.commitOffsets(
      req.groupId, v >= 1 ? req.memberId : '', v >= 7 ? req.groupInstanceId : null, v >= 1 ? req.generationIdOrMemberEpoch : -1, entries,
    );
    let i = 0;
    return {
      throttleTimeMs: 0,
      topics: topics.map((t, ti) => ({
        name: t.name,
        topicId: t.topicId,
        partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: refusedTopic[ti] ?? codes[i++]! })),
      })),
    };
  },
});
