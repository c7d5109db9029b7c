// Consumer lag: per partition, the group's committed offset against the high watermark. Used by
// the CLI and metrics; reads only in-memory state (no I/O).
import type { TopicManager } from '../topics.js';
import type { GroupCoordinator } from './coordinator.js';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** -1n when the group has no committed offset for the partition. */
  committedOffset: bigint;
  highWatermark: bigint;
  logStartOffset: bigint;
  /** highWatermark - committed offset; without a commit, everything from the log start counts. */
  lag: bigint;
}

/**
 * Lag of `groupId` on every partition it has committed offsets for, plus, when `topics` is given,
 * every partition of those topics. Partitions of deleted topics are left out.
 */
export function consumerLag(groups: GroupCoordinator, topics: TopicManager, groupId: string, extraTopics: readonly string[] = []): PartitionLag[] {
  const wanted = new Map<string, Set<number>>();
  for (const t of groups.offsets.list(groupId)) wanted.set(t.topic, new Set(t.partitions.map((p) => p.partition)));
  for (const name of extraTopics) {
    const info = topics.get(name);
    if (info === undefined) continue;
    const s = wanted.get(name) ?? new Set<number>();
    for (let p = 0; p < info.partitions; p++) s.add(p);
    wanted.set(name, s);
  }
  const out: PartitionLag[] = [];
  for (const [topic, parts] of [...wanted].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const partition of [...parts].sort((a, b) => a - b)) {
      const log = topics.partitionLog(topic, partition);
      if (log === undefined) continue;
      const committed = groups.offsets.get(groupId, topic, partition)?.offset ?? -1n;
      const hw = log.highWatermark;
      const from = committed < 0n ? log.logStartOffset : committed;
      out.push({ topic, partition, committedOffset: committed, highWatermark: hw, logStartOffset: log.logStartOffset, lag: hw > from ? hw - from : 0n });
    }
  }
  return out;
}
