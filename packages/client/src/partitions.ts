// Topic-partition helpers shared by admin, producer and consumer.
import { ErrorCode } from '@tideline/protocol';
import type { Cluster } from './cluster.js';
import { KafkaError } from './errors.js';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export const tpKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** Groups partitions by their leader's node id (refreshing metadata for unknown topics). */
export async function groupByLeader<T extends TopicPartition>(cluster: Cluster, parts: readonly T[]): Promise<Map<number, T[]>> {
  const m = new Map<number, T[]>();
  for (const p of parts) {
    const t = await cluster.topic(p.topic);
    const info = t.partitions[p.partition];
    if (info === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, { topic: p.topic, partition: p.partition });
    let l = m.get(info.leader);
    if (l === undefined) m.set(info.leader, (l = []));
    l.push(p);
  }
  return m;
}
