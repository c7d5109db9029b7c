// DescribeTransactions v0: state, producer id and epoch, timeout, start time and partitions of each
// transactional id (TRANSACTIONAL_ID_NOT_FOUND when unknown, INVALID_REQUEST when empty). State
// names are Kafka's (Empty, Ongoing, PrepareCommit, PrepareAbort, CompleteCommit, CompleteAbort).
// Skipped: authorization.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTxnId } from '../security/authorize.js';

export const describeTransactionsHandler = defineHandler({
  apiKey: ApiKey.DescribeTransactions,
  minVersion: 0,
  maxVersion: 0,
  handle(req, ctx) {
    return {
      throttleTimeMs: 0,
      transactionStates: req.transactionalIds.map((transactionalId) => {
        const empty = { transactionalId, transactionState: '', transactionTimeoutMs: 0, transactionStartTimeMs: -1n, producerId: -1n, producerEpoch: -1, topics: [] };
        if (transactionalId === '') return { ...empty, errorCode: ErrorCode.INVALID_REQUEST };
        if (!allowedOnTxnId(ctx, AclOperation.DESCRIBE, transactionalId)) return { ...empty, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED };
        const d = ctx.broker.transactions.describe(transactionalId);
        if (d === undefined) return { ...empty, errorCode: ErrorCode.TRANSACTIONAL_ID_NOT_FOUND };
        const topics = new Map<string, number[]>();
        for (const p of d.partitions) {
          const list = topics.get(p.topic);
          if (list === undefined) topics.set(p.topic, [p.partition]);
          else list.push(p.partition);
        }
        return {
          errorCode: ErrorCode.NONE,
          transactionalId,
          transactionState: d.state,
          transactionTimeoutMs: d.timeoutMs,
          transactionStartTimeMs: BigInt(d.startMs),
          producerId: d.producerId,
          producerEpoch: d.producerEpoch,
          topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })),
        };
      }),
    };
  },
});
