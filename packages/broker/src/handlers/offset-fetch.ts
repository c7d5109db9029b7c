// OffsetFetch v0-10: committed offsets of one group (v0-7) or of several (v8+); a null topic list
// (v2+) asks for every committed offset of the group. Partitions without a commit answer offset -1
// and empty metadata, as do unknown groups. v9 carries the KIP-848 member id and epoch: checked
// for consumer groups (UNKNOWN_MEMBER_ID, STALE_MEMBER_EPOCH as the group's error). requireStable
// (v7+, KIP-447: read_committed consumers) answers UNSTABLE_OFFSET_COMMIT for a partition whose
// offset a transaction has written but not yet committed or aborted. v10 (KIP-1319) names topics
// by id: an unknown id answers UNKNOWN_TOPIC_ID per partition, and an all-topics fetch leaves out
// offsets of topics that no longer exist (they have no id).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler, type RequestContext } from '../registry.js';
import type { FetchedOffsets } from '../groups/coordinator.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';
import { ZERO_UUID, topicIdOf, topicNameOf } from './topic-ids.js';

const asRequested = (topics: ReadonlyArray<{ name: string; partitionIndexes: number[] }> | null) =>
  topics === null ? null : topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes }));

/**
 * The group's offsets as the principal may see them: GROUP_AUTHORIZATION_FAILED without DESCRIBE on
 * the group; an all-topics fetch leaves out the topics it may not DESCRIBE; named ones answer
 * TOPIC_AUTHORIZATION_FAILED per partition.
 */
function fetchAuthorized(
  ctx: RequestContext, groupId: string, topics: ReturnType<typeof asRequested>, member: { memberId: string; memberEpoch: number } | undefined, stable: boolean,
): FetchedOffsets {
  if (!allowedOnGroup(ctx, AclOperation.DESCRIBE, groupId)) return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, topics: [] };
  const r = ctx.broker.groups.fetchOffsets(groupId, topics, member, stable);
  if (!ctx.broker.authorizer.enabled) return r;
  const describable = (t: string): boolean => allowedOnTopic(ctx, AclOperation.DESCRIBE, t);
  if (topics === null) return { ...r, topics: r.topics.filter((t) => describable(t.name)) };
  return {
    ...r,
    topics: r.topics.map((t) => (describable(t.name) ? t : {
      ...t, partitions: t.partitions.map((p) => ({ ...p, offset: -1n, leaderEpoch: -1, metadata: '', errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED })),
    })),
  };
}

export const offsetFetchHandler = defineHandler({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 10,
  handle(req, ctx) {
    if (ctx.apiVersion >= 8) {
      return {
        throttleTimeMs: 0,
        groups: req.groups.map((g) => {
          const member = ctx.apiVersion >= 9 && g.memberId !== null ? { memberId: g.memberId, memberEpoch: g.memberEpoch } : undefined;
          const ids = ctx.apiVersion >= 10;
          const named = g.topics === null || !ids ? g.topics : g.topics.map((t) => ({ ...t, name: topicNameOf(ctx.broker, t.topicId) ?? '' }));
          const unknown = named === null || !ids ? [] : named.filter((t) => t.name === '');
          const r = fetchAuthorized(ctx, g.groupId, asRequested(named === null ? null : named.filter((t) => t.name !== '')), member, req.requireStable);
          const found = r.topics.map((t) => ({
            name: t.name,
            topicId: ids ? topicIdOf(ctx.broker, t.name) : ZERO_UUID,
            partitions: t.partitions.map((p) => ({
              partitionIndex: p.partition, committedOffset: p.offset, committedLeaderEpoch: p.leaderEpoch, metadata: p.metadata, errorCode: p.errorCode,
            })),
          }));
          const missing = unknown.map((t) => ({
            name: '',
            topicId: t.topicId,
            partitions: t.partitionIndexes.map((partitionIndex) => ({
              partitionIndex, committedOffset: -1n, committedLeaderEpoch: -1, metadata: '', errorCode: ErrorCode.UNKNOWN_TOPIC_ID,
            })),
          }));
          return {
            groupId: g.groupId,
            errorCode: r.errorCode,
            topics: [...(ids ? found.filter((t) => t.topicId !== ZERO_UUID) : found), ...missing],
          };
        }),
      };
    }
    const r = fetchAuthorized(ctx, req.groupId, asRequested(req.topics), undefined, ctx.apiVersion >= 7 && req.requireStable);
    return {
      throttleTimeMs: 0,
      errorCode: r.errorCode,
      topics: r.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({
          partitionIndex: p.partition, committedOffset: p.offset, committedLeaderEpoch: p.leaderEpoch, metadata: p.metadata, errorCode: p.errorCode,
        })),
      })),
    };
  },
});
