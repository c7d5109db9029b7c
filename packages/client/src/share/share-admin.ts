// Admin operations on share groups (KIP-932): describe (ShareGroupDescribe), start offsets and lag
// (DescribeShareGroupOffsets), setting start offsets (AlterShareGroupOffsets) and deleting a
// group's state for topics (DeleteShareGroupOffsets). All go to the group's coordinator.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { Cluster } from '../cluster.js';
import type { Coordinators } from '../coordinator.js';
import { KafkaError } from '../errors.js';
import { byTopicName, onGroupCoordinator } from '../group-admin.js';
import type { TopicPartition } from '../partitions.js';

export interface ShareGroupMember {
  memberId: string;
  clientId: string;
  clientHost: string;
  memberEpoch: number;
  subscribedTopics: string[];
  assignment: TopicPartition[];
}

export interface ShareGroupDescription {
  groupId: string;
  /** Empty, Stable, or Dead for an unknown group. */
  state: string;
  groupEpoch: number;
  members: ShareGroupMember[];
}

export interface ShareGroupOffset extends TopicPartition {
  /** The share-partition start offset; -1 when the group has no state for the partition. */
  startOffset: bigint;
  /** Records not yet acknowledged or archived up to the high watermark (-1: unknown). */
  lag: bigint;
}

export async function describeShareGroup(cluster: Cluster, coordinators: Coordinators, groupId: string): Promise<ShareGroupDescription> {
  return onGroupCoordinator(cluster, coordinators, groupId, 'ShareGroupDescribe', async (conn) => {
    const res = await conn.request(ApiKey.ShareGroupDescribe, { groupIds: [groupId], includeAuthorizedOperations: false });
    const g = res.groups[0];
    if (g === undefined || g.errorCode === ErrorCode.GROUP_ID_NOT_FOUND) return { groupId, state: 'Dead', groupEpoch: -1, members: [] };
    if (g.errorCode !== ErrorCode.NONE) throw new KafkaError(g.errorCode, { broker: conn.label, message: g.errorMessage ?? `ShareGroupDescribe ${groupId}` });
    return {
      groupId, state: g.groupState, groupEpoch: g.groupEpoch,
      members: g.members.map((m) => ({
        memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost, memberEpoch: m.memberEpoch, subscribedTopics: m.subscribedTopicNames,
        assignment: m.assignment.topicPartitions.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topicName, partition }))),
      })),
    };
  });
}

export async function describeShareGroupOffsets(cluster: Cluster, coordinators: Coordinators, groupId: string, tps: readonly TopicPartition[] | null): Promise<ShareGroupOffset[]> {
  return onGroupCoordinator(cluster, coordinators, groupId, 'DescribeShareGroupOffsets', async (conn) => {
    const topics = tps === null ? null : [...byTopicName(tps)].map(([topicName, list]) => ({ topicName, partitions: list.map((p) => p.partition) }));
    const res = await conn.request(ApiKey.DescribeShareGroupOffsets, { groups: [{ groupId, topics }] });
    const g = res.groups[0];
    if (g === undefined) return [];
    if (g.errorCode !== ErrorCode.NONE) throw new KafkaError(g.errorCode, { broker: conn.label, message: g.errorMessage ?? `DescribeShareGroupOffsets ${groupId}` });
    const out: ShareGroupOffset[] = [];
    for (const t of g.topics) {
      for (const p of t.partitions) {
        if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { broker: conn.label, topic: t.topicName, partition: p.partitionIndex, message: p.errorMessage });
        out.push({ topic: t.topicName, partition: p.partitionIndex, startOffset: p.startOffset, lag: p.lag });
      }
    }
    return out;
  });
}

export async function alterShareGroupOffsets(cluster: Cluster, coordinators: Coordinators, groupId: string, offsets: ReadonlyArray<TopicPartition & { offset: bigint }>): Promise<void> {
  await onGroupCoordinator(cluster, coordinators, groupId, 'AlterShareGroupOffsets', async (conn) => {
    const topics = [...byTopicName(offsets)].map(([topicName, list]) => ({ topicName, partitions: list.map((p) => ({ partitionIndex: p.partition, startOffset: p.offset })) }));
    const res = await conn.request(ApiKey.AlterShareGroupOffsets, { groupId, topics });
    if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label, message: res.errorMessage ?? `AlterShareGroupOffsets ${groupId}` });
    for (const t of res.responses) {
      for (const p of t.partitions) if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { broker: conn.label, topic: t.topicName, partition: p.partitionIndex, message: p.errorMessage });
    }
  });
}

export async function deleteShareGroupOffsets(cluster: Cluster, coordinators: Coordinators, groupId: string, topics: readonly string[]): Promise<void> {
  await onGroupCoordinator(cluster, coordinators, groupId, 'DeleteShareGroupOffsets', async (conn) => {
    const res = await conn.request(ApiKey.DeleteShareGroupOffsets, { groupId, topics: topics.map((topicName) => ({ topicName })) });
    if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label, message: res.errorMessage ?? `DeleteShareGroupOffsets ${groupId}` });
    for (const t of res.responses) if (t.errorCode !== ErrorCode.NONE) throw new KafkaError(t.errorCode, { broker: conn.label, topic: t.topicName, message: t.errorMessage });
  });
}
