// InitProducerId v0-6. Without a transactional id every request gets a fresh producer id with
// epoch 0 (Kafka ignores the producer id and epoch such a request carries); ids come from
// ProducerIdAllocator, persisted in blocks so a restart never reuses one. With a transactional id
// the transaction coordinator answers (txn/coordinator.ts): epoch bump, fencing of the previous
// producer (an open transaction is aborted first and the answer is CONCURRENT_TRANSACTIONS, so the
// client retries), KIP-360 producer id/epoch checks (v3+), INVALID_TRANSACTION_TIMEOUT. As in
// Kafka, PRODUCER_FENCED is answered as INVALID_PRODUCER_EPOCH before v4, and a producer id
// without an epoch (or the reverse) is INVALID_REQUEST. v6 (KIP-939, two-phase commit with an
// external coordinator) is served without 2PC: Enable2Pc or KeepPreparedTxn is INVALID_REQUEST, and
// the ongoing-transaction fields answer -1 (2PC is not implemented; see docs/skipped-features.md).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { errorCodeOf } from '../errors.js';
import { AclOperation, ResourceType } from '../security/acl.js';
import { allowedOnAny, allowedOnCluster, allowedOnTxnId } from '../security/authorize.js';

export const initProducerIdHandler = defineHandler({
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 6,
  async handle(req, ctx) {
    const fail = (errorCode: number): { throttleTimeMs: number; errorCode: number; producerId: bigint; producerEpoch: number } =>
      ({ throttleTimeMs: 0, errorCode, producerId: -1n, producerEpoch: -1 });
    const noPid = req.producerId === -1n;
    const noEpoch = req.producerEpoch === -1;
    if (noPid !== noEpoch) return fail(ErrorCode.INVALID_REQUEST);
    if (req.enable2Pc || req.keepPreparedTxn) return fail(ErrorCode.INVALID_REQUEST);
    if (req.transactionalId !== null) {
      if (!allowedOnTxnId(ctx, AclOperation.WRITE, req.transactionalId)) return fail(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
      const expected = noPid ? null : { producerId: req.producerId, producerEpoch: req.producerEpoch };
      const r = await ctx.broker.transactions.initProducerId(req.transactionalId, req.transactionTimeoutMs, expected);
      const error = r.error === 'PRODUCER_FENCED' && ctx.apiVersion < 4 ? 'INVALID_PRODUCER_EPOCH' : r.error;
      return { throttleTimeMs: 0, errorCode: ErrorCode[error], producerId: r.producerId, producerEpoch: r.producerEpoch };
    }
    // An idempotent producer needs IDEMPOTENT_WRITE on the cluster or (KIP-679) WRITE on some topic.
    if (!allowedOnCluster(ctx, AclOperation.IDEMPOTENT_WRITE) && !allowedOnAny(ctx, AclOperation.WRITE, ResourceType.TOPIC)) {
      return fail(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    }
    try {
      const producerId = await ctx.broker.producerIds.allocate();
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 };
    } catch (err) {
      ctx.broker.log.error({ err }, 'producer id allocation failed');
      return fail(errorCodeOf(err) === ErrorCode.UNKNOWN_SERVER_ERROR ? ErrorCode.KAFKA_STORAGE_ERROR : errorCodeOf(err));
    }
  },
});
