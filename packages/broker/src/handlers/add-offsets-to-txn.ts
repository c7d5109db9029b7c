// AddOffsetsToTxn v0-4: adds the group's __consumer_offsets partition to the transaction (the
// topic is created when absent), so a TxnOffsetCommit may follow. Same errors as
// AddPartitionsToTxn; PRODUCER_FENCED is INVALID_PRODUCER_EPOCH before v2. Skipped: authorization.
import { ApiKey, ErrorCode, type ErrorName } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { errorCodeOf } from '../errors.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTxnId } from '../security/authorize.js';

export const addOffsetsToTxnHandler = defineHandler({
  apiKey: ApiKey.AddOffsetsToTxn,
  minVersion: 0,
  maxVersion: 4,
  async handle(req, ctx) {
    const txns = ctx.broker.transactions;
    if (!allowedOnTxnId(ctx, AclOperation.WRITE, req.transactionalId)) return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED };
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED };
    let partition;
    try {
      partition = await txns.offsetsPartitionOf(req.groupId);
    } catch (err) {
      ctx.broker.log.warn({ err, group: req.groupId }, 'offsets topic not available for AddOffsetsToTxn');
      return { throttleTimeMs: 0, errorCode: errorCodeOf(err) === ErrorCode.UNKNOWN_SERVER_ERROR ? ErrorCode.COORDINATOR_NOT_AVAILABLE : errorCodeOf(err) };
    }
    let err: ErrorName = await txns.addPartitions(req.transactionalId, req.producerId, req.producerEpoch, [partition]);
    if (err === 'PRODUCER_FENCED' && ctx.apiVersion < 2) err = 'INVALID_PRODUCER_EPOCH';
    return { throttleTimeMs: 0, errorCode: ErrorCode[err] };
  },
});
