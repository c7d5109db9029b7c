// EndTxn v0-4: commits or aborts the producer's transaction (txn/coordinator.ts): the Prepare
// state is written to __transaction_state, then markers to every partition of the transaction,
// then the Complete state. A retry after completion answers NONE; the wrong outcome for the
// transaction's state is INVALID_TXN_STATE; PRODUCER_FENCED is INVALID_PRODUCER_EPOCH before v2.
// v5 (KIP-890 part 2, an epoch bump per transaction) is not served, so clients stay on
// transaction version 1. Skipped: authorization.
import { ApiKey, ErrorCode, type ErrorName } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTxnId } from '../security/authorize.js';

export const endTxnHandler = defineHandler({
  apiKey: ApiKey.EndTxn,
  minVersion: 0,
  maxVersion: 4,
  async handle(req, ctx) {
    if (!allowedOnTxnId(ctx, AclOperation.WRITE, req.transactionalId)) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 };
    }
    let err: ErrorName = await ctx.broker.transactions.endTxn(req.transactionalId, req.producerId, req.producerEpoch, req.committed);
    if (err === 'PRODUCER_FENCED' && ctx.apiVersion < 2) err = 'INVALID_PRODUCER_EPOCH';
    return { throttleTimeMs: 0, errorCode: ErrorCode[err], producerId: -1n, producerEpoch: -1 };
  },
});
