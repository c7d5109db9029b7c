// DescribeProducers v0: the producers a partition knows (id, epoch, last sequence, last timestamp,
// coordinator epoch, first offset of the open transaction or -1), from the partition's producer
// state. Unknown partitions: UNKNOWN_TOPIC_OR_PARTITION. Skipped: authorization.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTopic } from '../security/authorize.js';

export const describeProducersHandler = defineHandler({
  apiKey: ApiKey.DescribeProducers,
  minVersion: 0,
  maxVersion: 0,
  handle(req, ctx) {
    return {
      throttleTimeMs: 0,
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => {
          if (!allowedOnTopic(ctx, AclOperation.READ, t.name)) {
            return { partitionIndex, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, errorMessage: 'Topic authorization failed.', activeProducers: [] };
          }
          const h = ctx.broker.topics.partition(t.name, partitionIndex);
          if (h === undefined) {
            return { partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: 'This server does not host this topic-partition.', activeProducers: [] };
          }
          return { partitionIndex, errorCode: ErrorCode.NONE, errorMessage: null, activeProducers: h.producers.describe() };
        }),
      })),
    };
  },
});
