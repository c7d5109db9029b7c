// Consumer group administration shared by Admin and Consumer: list, describe (classic groups via
// DescribeGroups, KIP-848 groups via ConsumerGroupDescribe), committed offsets, lag, offset
// commits as an admin (generation -1, no member: accepted while the group has no members, which is
// how Kafka's tools reset offsets), offset deletion and group deletion.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { sleep } from './backoff.js';
import type { Cluster } from './cluster.js';
import type { Connection } from './connection.js';
import type { Coordinators } from './coordinator.js';
import { KafkaError } from './errors.js';
import { tpKey, type TopicPartition } from './partitions.js';
import { decodeAssignment } from './consumer/assignors.js';
import type { CommittedOffset } from './consumer/types.js';

export interface GroupListing {
  groupId: string;
  /** `classic` or `consumer` (KIP-848); `classic` when the broker does not say (ListGroups < v5). */
  type: string;
  state: string;
  /** `consumer` for consumer groups, '' for groups that only store offsets. */
  protocolType: string;
  /** Node id of the coordinator that listed it. */
  coordinator: number;
}

export interface GroupMemberDescription {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  assignment: TopicPartition[];
}

export interface GroupDescription {
  groupId: string;
  type: 'classic' | 'consumer';
  /** Kafka's state name (`Stable`, `Empty`, `PreparingRebalance`, ..., `Dead` for an unknown group). */
  state: string;
  protocolType: string;
  /** Classic: the chosen assignor (protocol name); KIP-848: the server assignor. */
  assignor: string;
  coordinator: number;
  members: GroupMemberDescription[];
}

export interface PartitionLag extends TopicPartition {
  /** -1 when the group has no committed offset for the partition. */
  committed: bigint;
  /** The log end offset (high watermark; the last stable offset for read_committed). */
  logEnd: bigint;
  /** logEnd - committed; null when nothing is committed. */
  lag: bigint | null;
  /** Member id owning the partition now, if any. */
  memberId: string | null;
}


const cmpTp = (a: TopicPartition, b: TopicPartition): number => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);

export function byTopicName<T extends TopicPartition>(list: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const p of list) {
    let l = m.get(p.topic);
    if (l === undefined) m.set(p.topic, (l = []));
    l.push(p);
  }
  return m;
}

/** Runs `fn` on the group's coordinator with the cluster's retries; a moved coordinator is looked up again. */
export function onGroupCoordinator<T>(cluster: Cluster, coordinators: Coordinators, groupId: string, what: string, fn: (conn: Connection) => Promise<T>): Promise<T> {
  return cluster.retry(what, async () => {
    try {
      return await fn(await coordinators.connection('group', groupId));
    } catch (e) {
      coordinators.onError('group', groupId, e);
      throw e;
    }
  });
}

/**
 * Committed offsets of a group: for the given partitions (-1 where none), or (null) every partition
 * it has an offset for. `requireStable` waits out pending transactional commits.
 */
export async function fetchGroupOffsets(
  cluster: Cluster, coordinators: Coordinators, groupId: string, tps: readonly TopicPartition[] | null,
  opts: { requireStable?: boolean; backoffMs?: number } = {},
): Promise<CommittedOffset[]> {
  const topics = tps === null ? null : [...byTopicName(tps)].map(([name, ps]) => ({ name, partitionIndexes: ps.map((p) => p.partition) }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await onGroupCoordinator(cluster, coordinators, groupId, 'OffsetFetch', async (conn) => {
        const version = conn.versionFor(ApiKey.OffsetFetch);
        const res = await conn.request(ApiKey.OffsetFetch, { groupId, topics, groups: [{ groupId, memberId: null, memberEpoch: -1, topics }], requireStable: opts.requireStable ?? false });
        let errorCode = res.errorCode;
        let list = res.topics;
        if (version >= 8) {
          const g = res.groups[0];
          errorCode = g?.errorCode ?? ErrorCode.NONE;
          list = g?.topics ?? [];
        }
        if (errorCode !== ErrorCode.NONE && errorCode !== ErrorCode.GROUP_ID_NOT_FOUND) throw new KafkaError(errorCode, { broker: conn.label, message: `OffsetFetch for group ${groupId}` });
        const out: CommittedOffset[] = [];
        for (const t of list) for (const p of t.partitions) {
          if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label });
          if (topics === null && p.committedOffset < 0n) continue;
          out.push({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset, metadata: p.metadata, leaderEpoch: p.committedLeaderEpoch });
        }
        return out.sort(cmpTp);
      });
    } catch (e) {
      if (e instanceof KafkaError && e.errorCode === ErrorCode.UNSTABLE_OFFSET_COMMIT && Date.now() < deadline) {
        await sleep(opts.backoffMs ?? 100);
        continue;
      }
      throw e;
    }
  }
}

/** OffsetCommit outside any generation (admin commits; the group must have no members). */
export async function commitGroupOffsets(cluster: Cluster, coordinators: Coordinators, groupId: string, offsets: ReadonlyArray<TopicPartition & { offset: bigint | number; metadata?: string | null }>): Promise<void> {
  await onGroupCoordinator(cluster, coordinators, groupId, 'OffsetCommit', async (conn) => {
    const res = await conn.request(ApiKey.OffsetCommit, {
      groupId, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, retentionTimeMs: -1n,
      topics: [...byTopicName(offsets)].map(([name, ps]) => ({
        name,
        partitions: ps.map((p) => ({ partitionIndex: p.partition, committedOffset: BigInt(p.offset), committedLeaderEpoch: -1, commitTimestamp: -1n, committedMetadata: p.metadata ?? '' })),
      })),
    });
    for (const t of res.topics) for (const p of t.partitions) {
      if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label, message: `committing offsets of group ${groupId}` });
    }
  });
}

export async function listGroups(cluster: Cluster, filter: { states?: readonly string[]; types?: readonly string[] } = {}): Promise<GroupListing[]> {
  await cluster.retry('metadata', () => cluster.refreshMetadata([]));
  const nodes = [...cluster.brokers.keys()];
  const lists = await Promise.all(nodes.map((nodeId) => cluster.retry('ListGroups', async () => {
    const conn = await cluster.nodeConnection(nodeId);
    const res = await conn.request(ApiKey.ListGroups, { statesFilter: [...(filter.states ?? [])], typesFilter: [...(filter.types ?? [])] });
    if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label });
    return res.groups.map((g) => ({ groupId: g.groupId, type: g.groupType === '' ? 'classic' : g.groupType, state: g.groupState, protocolType: g.protocolType, coordinator: nodeId }));
  })));
  return lists.flat().sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
}

export async function describeGroup(cluster: Cluster, coordinators: Coordinators, groupId: string): Promise<GroupDescription> {
  return onGroupCoordinator(cluster, coordinators, groupId, 'describe group', async (conn) => {
    const nodeId = await coordinators.nodeId('group', groupId);
    if (conn.versions.version(ApiKey.ConsumerGroupDescribe) >= 0) {
      const res = await conn.request(ApiKey.ConsumerGroupDescribe, { groupIds: [groupId], includeAuthorizedOperations: false });
      const g = res.groups[0];
      if (g !== undefined && g.errorCode === ErrorCode.NONE) {
        return {
          groupId, type: 'consumer', state: g.groupState, protocolType: 'consumer', assignor: g.assignorName, coordinator: nodeId,
          members: g.members.map((m) => ({
            memberId: m.memberId, groupInstanceId: m.instanceId, clientId: m.clientId, clientHost: m.clientHost,
            assignment: m.assignment.topicPartitions.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topicName, partition }))).sort(cmpTp),
          })),
        };
      }
      // GROUP_ID_NOT_FOUND: not a KIP-848 group (or no group); ask DescribeGroups.
      if (g !== undefined && g.errorCode !== ErrorCode.GROUP_ID_NOT_FOUND) throw new KafkaError(g.errorCode, { broker: conn.label, message: g.errorMessage });
    }
    const res = await conn.request(ApiKey.DescribeGroups, { groups: [groupId], includeAuthorizedOperations: false });
    const g = res.groups[0];
    if (g === undefined) throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, { broker: conn.label, message: 'empty DescribeGroups response' });
    if (g.errorCode === ErrorCode.GROUP_ID_NOT_FOUND) return { groupId, type: 'classic', state: 'Dead', protocolType: '', assignor: '', coordinator: nodeId, members: [] };
    if (g.errorCode !== ErrorCode.NONE) throw new KafkaError(g.errorCode, { broker: conn.label, message: `group ${groupId}` });
    return {
      groupId, type: 'classic', state: g.groupState, protocolType: g.protocolType, assignor: g.protocolData, coordinator: nodeId,
      members: g.members.map((m) => ({
        memberId: m.memberId, groupInstanceId: m.groupInstanceId, clientId: m.clientId, clientHost: m.clientHost,
        assignment: g.protocolType === 'consumer' ? safeAssignment(m.memberAssignment) : [],
      })),
    };
  });
}

function safeAssignment(buf: Buffer): TopicPartition[] {
  try {
    return decodeAssignment(buf).sort(cmpTp);
  } catch {
    return [];
  }
}

/** Deletes groups (each must be empty); each group's error, null when deleted. */
export async function deleteGroups(cluster: Cluster, coordinators: Coordinators, groupIds: readonly string[]): Promise<Array<{ groupId: string; error: KafkaError | null }>> {
  const out: Array<{ groupId: string; error: KafkaError | null }> = [];
  for (const groupId of groupIds) {
    const r = await onGroupCoordinator(cluster, coordinators, groupId, 'DeleteGroups', async (conn) => {
      const res = await conn.request(ApiKey.DeleteGroups, { groupsNames: [groupId] });
      const code = res.results.find((x) => x.groupId === groupId)?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
      const e = code === ErrorCode.NONE ? null : new KafkaError(code, { broker: conn.label, message: `group ${groupId}` });
      if (e !== null && (e.retriable || code === ErrorCode.COORDINATOR_NOT_AVAILABLE || code === ErrorCode.NOT_COORDINATOR)) throw e;
      return e;
    }).catch((e: unknown) => {
      if (e instanceof KafkaError) return e;
      throw e;
    });
    out.push({ groupId, error: r });
  }
  return out;
}

/** OffsetDelete: forgets the group's committed offsets of partitions it no longer consumes. */
export async function deleteGroupOffsets(cluster: Cluster, coordinators: Coordinators, groupId: string, tps: readonly TopicPartition[]): Promise<void> {
  await onGroupCoordinator(cluster, coordinators, groupId, 'OffsetDelete', async (conn) => {
    const res = await conn.request(ApiKey.OffsetDelete, {
      groupId,
      topics: [...byTopicName(tps)].map(([name, ps]) => ({ name, partitions: ps.map((p) => ({ partitionIndex: p.partition })) })),
    });
    if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label, message: `group ${groupId}` });
    for (const t of res.topics) for (const p of t.partitions) {
      if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label });
    }
  });
}

/** Members owning each partition, from a description. */
export function ownersOf(desc: GroupDescription): Map<string, string> {
  const m = new Map<string, string>();
  for (const mem of desc.members) for (const tp of mem.assignment) m.set(tpKey(tp.topic, tp.partition), mem.memberId);
  return m;
}
