// WriteTxnMarkers v0-1: writes commit/abort markers for a producer to the listed partitions (Kafka's
// coordinators send it to partition leaders; Admin.abortTransaction sends it to abort a hanging
// transaction). Per partition: UNKNOWN_TOPIC_OR_PARTITION, INVALID_PRODUCER_EPOCH (the partition
// knows a newer epoch), TRANSACTION_COORDINATOR_FENCED, storage errors. A marker on a
// __consumer_offsets partition completes the producer's pending transactional offsets there.
// Skipped: authorization.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster } from '../security/authorize.js';

export const writeTxnMarkersHandler = defineHandler({
  apiKey: ApiKey.WriteTxnMarkers,
  minVersion: 0,
  maxVersion: 1,
  async handle(req, ctx) {
    const txns = ctx.broker.transactions;
    if (!allowedOnCluster(ctx, AclOperation.CLUSTER_ACTION)) {
      return {
        markers: req.markers.map((m) => ({
          producerId: m.producerId,
          topics: m.topics.map((t) => ({ name: t.name, partitions: t.partitionIndexes.map((partitionIndex) => ({ partitionIndex, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED })) })),
        })),
      };
    }
    const markers = await Promise.all(req.markers.map(async (m) => ({
      producerId: m.producerId,
      topics: await Promise.all(m.topics.map(async (t) => ({
        name: t.name,
        partitions: await Promise.all(t.partitionIndexes.map(async (partitionIndex) => {
          const err = await txns.writeMarker(t.name, partitionIndex, m.producerId, m.producerEpoch, m.transactionResult, m.coordinatorEpoch);
          return { partitionIndex, errorCode: ErrorCode[err ?? 'NONE'] };
        })),
      }))),
    })));
    return { markers };
  },
});
