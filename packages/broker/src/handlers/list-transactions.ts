// ListTransactions v0-1: every transactional id, filtered by state names (unknown names are
// echoed in unknownStateFilters), producer ids and (v1) a minimum running time in ms (transactions
// started more than durationFilter ms ago; -1: no filter). Skipped: authorization.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { TXN_STATES } from '../txn/txn-log-format.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTxnId } from '../security/authorize.js';

export const listTransactionsHandler = defineHandler({
  apiKey: ApiKey.ListTransactions,
  minVersion: 0,
  maxVersion: 1,
  handle(req, ctx) {
    const known = new Set<string>(TXN_STATES);
    const states = new Set(req.stateFilters);
    const pids = new Set(req.producerIdFilters);
    const now = ctx.broker.now();
    const minRunning = ctx.apiVersion >= 1 ? req.durationFilter : -1n;
    const transactionStates = ctx.broker.transactions.list()
      .filter((d) => allowedOnTxnId(ctx, AclOperation.DESCRIBE, d.transactionalId))
      .filter((d) => states.size === 0 || states.has(d.state))
      .filter((d) => pids.size === 0 || pids.has(d.producerId))
      .filter((d) => minRunning < 0n || (d.startMs >= 0 && BigInt(now - d.startMs) > minRunning))
      .map((d) => ({ transactionalId: d.transactionalId, producerId: d.producerId, transactionState: d.state }));
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      unknownStateFilters: req.stateFilters.filter((s) => !known.has(s)),
      transactionStates,
    };
  },
});
