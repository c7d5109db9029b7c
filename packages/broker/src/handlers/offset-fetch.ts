// OffsetFetch v0-9: committed offsets of one group (v0-7) or of several (v8+); a null topic list
// (v2+) asks for every committed offset of the group. Partitions without a commit answer offset -1
// and empty metadata, as do unknown groups. v9 carries the KIP-848 member id and epoch: checked
// for consumer groups (UNKNOWN_MEMBER_ID, STALE_MEMBER_EPOCH as the group's error). requireStable
// (v7+, KIP-447: read_committed consumers) answers UNSTABLE_OFFSET_COMMIT for a partition whose
// offset a transaction has written but not yet committed or aborted. Skipped: authorization.
import { ApiKey } from '@tideline/protocol';
import { defineHandler } from '../registry.js';

const asRequested = (topics: ReadonlyArray<{ name: string; partitionIndexes: number[] }> | null) =>
  topics === null ? null : topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes }));

export const offsetFetchHandler = defineHandler({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 9,
  handle(req, ctx) {
    const coordinator = ctx.broker.groups;
    if (ctx.apiVersion >= 8) {
      return {
        throttleTimeMs: 0,
        groups: req.groups.map((g) => {
          const member = ctx.apiVersion >= 9 && g.memberId !== null ? { memberId: g.memberId, memberEpoch: g.memberEpoch } : undefined;
          const r = coordinator.fetchOffsets(g.groupId, asRequested(g.topics), member, req.requireStable);
          return {
            groupId: g.groupId,
            errorCode: r.errorCode,
            topics: r.topics.map((t) => ({
              name: t.name,
              partitions: t.partitions.map((p) => ({
                partitionIndex: p.partition, committedOffset: p.offset, committedLeaderEpoch: p.leaderEpoch, metadata: p.metadata, errorCode: p.errorCode,
              })),
            })),
          };
        }),
      };
    }
    const r = coordinator.fetchOffsets(req.groupId, asRequested(req.topics), undefined, ctx.apiVersion >= 7 && req.requireStable);
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
