// DescribeLogDirs v0-5 (v5: isCordoned, always false). One log dir: the broker's data directory (absolute path; an in-memory
// broker started without one reports its storage URL, with -1 for the sizes). Lists every
// partition (topics: null) or the requested ones; unknown topics and partitions are left out, as
// Kafka does. Partition size is the storage layer's total segment bytes; offsetLag is 0 and
// isFutureKey false (no replica movement between dirs). v4 adds the file system's total and
// usable bytes (fs.statfs; -1 when the platform cannot tell).
// Skipped: multiple log dirs and AlterReplicaLogDirs (single data dir), KAFKA_STORAGE_ERROR for a
// failed dir (a storage failure stops the broker instead).
import { statfs } from 'node:fs/promises';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { DescribeLogDirsResponseDescribeLogDirsTopicInput } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import type { Broker, TopicInfo } from '../broker-state.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';

function partitionsOf(b: Broker, t: TopicInfo, wanted: readonly number[] | null): DescribeLogDirsResponseDescribeLogDirsTopicInput | undefined {
  const indexes = wanted === null ? Array.from({ length: t.partitions }, (_, i) => i) : [...new Set(wanted)];
  const partitions = [];
  for (const p of indexes) {
    const log = b.topics.partitionLog(t.name, p);
    if (log === undefined) continue;
    partitions.push({ partitionIndex: p, partitionSize: BigInt(log.sizeInBytes), offsetLag: 0n, isFutureKey: false });
  }
  return partitions.length === 0 ? undefined : { name: t.name, partitions };
}

async function diskSpace(dir: string): Promise<{ totalBytes: bigint; usableBytes: bigint }> {
  try {
    const s = await statfs(dir, { bigint: true });
    return { totalBytes: s.blocks * s.bsize, usableBytes: s.bavail * s.bsize };
  } catch {
    return { totalBytes: -1n, usableBytes: -1n };
  }
}

export const describeLogDirsHandler = defineHandler({
  apiKey: ApiKey.DescribeLogDirs,
  minVersion: 0,
  maxVersion: 5,
  async handle(req, ctx) {
    const b = ctx.broker;
    if (!allowedOnCluster(ctx, AclOperation.DESCRIBE)) return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, results: [] };
    const topics: DescribeLogDirsResponseDescribeLogDirsTopicInput[] = [];
    if (req.topics === null) {
      for (const t of b.topics.list()) {
        const e = partitionsOf(b, t, null);
        if (e !== undefined) topics.push(e);
      }
    } else {
      const merged = new Map<string, number[]>();
      for (const r of req.topics) merged.set(r.topic, [...(merged.get(r.topic) ?? []), ...r.partitions]);
      for (const [name, parts] of merged) {
        const t = b.topics.get(name);
        const e = t === undefined ? undefined : partitionsOf(b, t, parts);
        if (e !== undefined) topics.push(e);
      }
    }
    const logDir = b.config.dataDir; // startBroker resolves it
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      results: [{ errorCode: ErrorCode.NONE, logDir, topics, ...(await diskSpace(logDir)) }],
    };
  },
});
