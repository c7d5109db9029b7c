// EndTxn v0-5: commits or aborts the producer's transaction (txn/coordinator.ts): the Prepare
// state is written to __transaction_state, then markers to every partition of the transaction,
// then the Complete state; the answer comes after the markers (CONCURRENT_TRANSACTIONS, retriable,
// when they could not be written yet). A retry after completion answers NONE; the wrong outcome
// for the transaction's state is INVALID_TXN_STATE; PRODUCER_FENCED is INVALID_PRODUCER_EPOCH
// before v2. v5 is transaction version 2 (KIP-890 part 2): the epoch is bumped and the answer
// carries the producer id and epoch of the next transaction.
import { ApiKey, ErrorCode, type ErrorName } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTxnId } from '../security/authorize.js';

export const endTxnHandler = defineHandler({
  apiKey: ApiKey.EndTxn,
  minVersion: 0,
  maxVersion: 5,
  async handle(req, ctx) {
    if (!allowedOnTxnId(ctx, AclOperation.WRITE, req.transactionalId)) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 };
    }
    const r = await ctx.broker.transactions.endTxn(req.transactionalId, req.producerId, req.producerEpoch, req.committed, ctx.apiVersion >= 5);
    let err: ErrorName = r.error;
    if (err === 'PRODUCER_FENCED' && ctx.apiVersion < 2) err = 'INVALID_PRODUCER_EPOCH';
    return { throttleTimeMs: 0, errorCode: ErrorCode[err], producerId: r.producerId, producerEpoch: r.producerEpoch };
  },
});
