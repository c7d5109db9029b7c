// OffsetDelete v0: removes committed offsets of a group (tombstones in `__consumer_offsets`).
// GROUP_ID_NOT_FOUND for an unknown group; NON_EMPTY_GROUP for a non-empty classic group whose
// protocol is not the consumer protocol; per partition GROUP_SUBSCRIBED_TO_TOPIC when a member
// subscribes to the topic, UNKNOWN_TOPIC_OR_PARTITION for a partition that does not exist.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic } from '../security/authorize.js';

export const offsetDeleteHandler = defineHandler({
  apiKey: ApiKey.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  async handle(req, ctx) {
    if (!allowedOnGroup(ctx, AclOperation.DELETE, req.groupId)) return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, throttleTimeMs: 0, topics: [] };
    // Topics the principal may not READ answer TOPIC_AUTHORIZATION_FAILED; their offsets stay.
    const readable = (t: string): boolean => allowedOnTopic(ctx, AclOperation.READ, t);
    const r = await ctx.broker.groups.deleteOffsets(
      req.groupId, req.topics.filter((t) => readable(t.name)).map((t) => ({ name: t.name, partitions: t.partitions.map((p) => p.partitionIndex) })),
    );
    const refused = req.topics.filter((t) => !readable(t.name))
      .map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED })) }));
    return {
      errorCode: r.errorCode,
      throttleTimeMs: 0,
      topics: [...r.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partition, errorCode: p.errorCode })) })), ...refused],
    };
  },
});
