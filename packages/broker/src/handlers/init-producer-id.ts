// InitProducerId v0-5 for idempotent producers: without a transactional id every request gets a
// fresh producer id with epoch 0 (Kafka ignores the producer id and epoch such a request carries).
// Ids come from ProducerIdAllocator, persisted in blocks so a restart never reuses one.
// Skipped: transactional ids (INVALID_REQUEST until a transaction coordinator exists).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { errorCodeOf } from '../errors.js';

export const initProducerIdHandler = defineHandler({
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  async handle(req, ctx) {
    if (req.transactionalId !== null) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.INVALID_REQUEST, producerId: -1n, producerEpoch: -1 };
    }
    try {
      const producerId = await ctx.broker.producerIds.allocate();
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 };
    } catch (err) {
      ctx.broker.log.error({ err }, 'producer id allocation failed');
      return { throttleTimeMs: 0, errorCode: errorCodeOf(err) === ErrorCode.UNKNOWN_SERVER_ERROR ? ErrorCode.KAFKA_STORAGE_ERROR : errorCodeOf(err), producerId: -1n, producerEpoch: -1 };
    }
  },
});
