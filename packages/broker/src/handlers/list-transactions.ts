// ListTransactions v0-2: every transactional id, filtered by state names (unknown names are
// echoed in unknownStateFilters), producer ids, (v1) a minimum running time in ms (transactions
// started more than durationFilter ms ago; -1: no filter) and (v2, KIP-1152) a regular expression
// the whole id must match (null or empty: no filter; one that does not compile is
// INVALID_REGULAR_EXPRESSION). Kafka compiles it with RE2/J; JavaScript's RegExp accepts a little
// more (lookarounds, backreferences) and refuses no pattern RE2 accepts that clients use in practice.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { TXN_STATES } from '../txn/txn-log-format.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTxnId } from '../security/authorize.js';

export const listTransactionsHandler = defineHandler({
  apiKey: ApiKey.ListTransactions,
  minVersion: 0,
  maxVersion: 2,
  handle(req, ctx) {
    const known = new Set<string>(TXN_STATES);
    const states = new Set(req.stateFilters);
    const pids = new Set(req.producerIdFilters);
    const now = ctx.broker.now();
    const minRunning = ctx.apiVersion >= 1 ? req.durationFilter : -1n;
    let pattern: RegExp | null = null;
    const source = ctx.apiVersion >= 2 ? req.transactionalIdPattern : null;
    if (source !== null && source !== '') {
      try {
        pattern = new RegExp(`^(?:${source})$`, 'u');
      } catch {
        return { throttleTimeMs: 0, errorCode: ErrorCode.INVALID_REGULAR_EXPRESSION, unknownStateFilters: [], transactionStates: [] };
      }
    }
    const transactionStates = ctx.broker.transactions.list()
      .filter((d) => allowedOnTxnId(ctx, AclOperation.DESCRIBE, d.transactionalId))
      .filter((d) => states.size === 0 || states.has(d.state))
      .filter((d) => pids.size === 0 || pids.has(d.producerId))
      .filter((d) => minRunning < 0n || (d.startMs >= 0 && BigInt(now - d.startMs) > minRunning))
      .filter((d) => pattern === null || pattern.test(d.transactionalId))
      .map((d) => ({ transactionalId: d.transactionalId, producerId: d.producerId, transactionState: d.state }));
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      unknownStateFilters: req.stateFilters.filter((s) => !known.has(s)),
      transactionStates,
    };
  },
});
