// ListOffsets v1-11 (Kafka 4 removed v0). Per partition: -2 earliest (log start offset), -1 latest
// (high watermark; read_committed, v2+, gets the last stable offset: the first offset of the oldest
// open transaction, bounded by the high watermark), -3 max timestamp (v7+: the largest timestamp
// and the first record that has it, as Kafka since KAFKA-16310), -4 earliest local (v8+: the log
// start offset, nothing is tiered), -5 latest tiered (v9+: -1, nothing is tiered), -6 earliest
// pending upload (v11+, KIP-1023: -1, as Kafka answers without remote storage), and a timestamp
// >= 0: the first offset whose timestamp is >= it, via the time index. As in Kafka, a timestamp
// answer must lie below the last fetchable offset (the high watermark, or for read_committed the
// last stable offset); otherwise it is -1/-1.
// Errors per partition: UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_LEADER_EPOCH (our only epoch is 0),
// INVALID_REQUEST for a partition listed twice, UNSUPPORTED_VERSION for a special timestamp older
// versions cannot ask for, storage errors. Skipped: follower requests (replica ids are ignored).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { errorCodeOf } from '../errors.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTopic } from '../security/authorize.js';

const LATEST = -1n;
const EARLIEST = -2n;
const MAX_TIMESTAMP = -3n;
const EARLIEST_LOCAL = -4n;
const LATEST_TIERED = -5n;
const EARLIEST_PENDING_UPLOAD = -6n;

const MIN_VERSION_FOR: ReadonlyMap<bigint, number> = new Map([[MAX_TIMESTAMP, 7], [EARLIEST_LOCAL, 8], [LATEST_TIERED, 9], [EARLIEST_PENDING_UPLOAD, 11]]);

export const listOffsetsHandler = defineHandler({
  apiKey: ApiKey.ListOffsets,
  minVersion: 1,
  maxVersion: 11,
  async handle(req, ctx) {
    const b = ctx.broker;
    const v = ctx.apiVersion;
    const readCommitted = v >= 2 && req.isolationLevel === 1;
    const seen = new Map<string, number>();
    for (const t of req.topics) for (const p of t.partitions) seen.set(`${t.name}\u0000${p.partitionIndex}`, (seen.get(`${t.name}\u0000${p.partitionIndex}`) ?? 0) + 1);
    const topics = await Promise.all(req.topics.map(async (t) => {
      const describable = allowedOnTopic(ctx, AclOperation.DESCRIBE, t.name);
      return {
        name: t.name,
        partitions: await Promise.all(t.partitions.map(async (p) => {
          const out = { partitionIndex: p.partitionIndex, errorCode: ErrorCode.NONE as number, timestamp: -1n, offset: -1n, leaderEpoch: -1 };
          const fail = (code: number): typeof out => ({ ...out, errorCode: code });
          if ((seen.get(`${t.name}\u0000${p.partitionIndex}`) ?? 0) > 1) return fail(ErrorCode.INVALID_REQUEST);
          if (!describable) return fail(ErrorCode.TOPIC_AUTHORIZATION_FAILED);
          const h = b.topics.partition(t.name, p.partitionIndex);
          if (h === undefined) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
          if (p.currentLeaderEpoch > 0) return fail(ErrorCode.UNKNOWN_LEADER_EPOCH);
          const needs = MIN_VERSION_FOR.get(p.timestamp);
          if (needs !== undefined && v < needs) return fail(ErrorCode.UNSUPPORTED_VERSION);
          const log = h.log;
          try {
            switch (p.timestamp) {
              case EARLIEST:
              case EARLIEST_LOCAL:
                return { ...out, offset: log.logStartOffset, leaderEpoch: 0 };
              case LATEST:
                return { ...out, offset: readCommitted ? h.producers.lastStableOffset(log.highWatermark) : log.highWatermark, leaderEpoch: 0 };
              case LATEST_TIERED:
              case EARLIEST_PENDING_UPLOAD:
                return out;
              default: {
                if (p.timestamp < 0n && p.timestamp !== MAX_TIMESTAMP) return out;
                const r = p.timestamp === MAX_TIMESTAMP ? await log.maxTimestamp() : await log.offsetForTimestamp(p.timestamp);
                const fetchable = readCommitted ? h.producers.lastStableOffset(log.highWatermark) : log.highWatermark;
                return r === null || r.offset >= fetchable ? out : { ...out, timestamp: r.timestamp, offset: r.offset, leaderEpoch: 0 };
              }
            }
          } catch (err) {
            return fail(errorCodeOf(err));
          }
        })),
      };
    }));
    return { throttleTimeMs: 0, topics };
  },
});
