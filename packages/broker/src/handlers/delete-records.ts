// DeleteRecords v0-2: moves each partition's log start offset up to the given offset (-1 = the high
// watermark); answers the new low watermark. OFFSET_OUT_OF_RANGE above the high watermark or below
// -1, UNKNOWN_TOPIC_OR_PARTITION, storage errors per partition. Producer state for batches now
// below the log start offset is dropped, as Kafka does. Skipped: nothing.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { errorCodeOf } from '../errors.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTopic } from '../security/authorize.js';

export const deleteRecordsHandler = defineHandler({
  apiKey: ApiKey.DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  async handle(req, ctx) {
    const b = ctx.broker;
    const topics = await Promise.all(req.topics.map(async (t) => ({
      name: t.name,
      partitions: await Promise.all(t.partitions.map(async (p) => {
        if (!allowedOnTopic(ctx, AclOperation.DELETE, t.name)) return { partitionIndex: p.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED };
        const h = b.topics.partition(t.name, p.partitionIndex);
        if (h === undefined) return { partitionIndex: p.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        if (p.offset < -1n || p.offset > h.log.highWatermark) return { partitionIndex: p.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE };
        try {
          const low = await h.log.deleteRecordsBefore(p.offset);
          h.producers.truncateHead(low);
          return { partitionIndex: p.partitionIndex, lowWatermark: low, errorCode: ErrorCode.NONE };
        } catch (err) {
          return { partitionIndex: p.partitionIndex, lowWatermark: -1n, errorCode: errorCodeOf(err) };
        }
      })),
    })));
    return { throttleTimeMs: 0, topics };
  },
});
