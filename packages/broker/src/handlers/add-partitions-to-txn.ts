// AddPartitionsToTxn v0-5. v0-3 (clients): one transaction, answered per partition. v4+ (Kafka
// brokers; any client may send it): a batch of transactions, each either added or only verified
// (verifyOnly, KIP-890: is every partition already in the transaction? NONE or
// TRANSACTION_ABORTABLE per partition). As in Kafka, any unknown partition fails the whole
// transaction: UNKNOWN_TOPIC_OR_PARTITION for it, OPERATION_NOT_ATTEMPTED for the others; the
// coordinator's answer (INVALID_PRODUCER_ID_MAPPING, PRODUCER_FENCED — INVALID_PRODUCER_EPOCH
// before v2 —, CONCURRENT_TRANSACTIONS, ...) applies to every partition. Skipped: authorization.
import { ApiKey, ErrorCode, type ErrorName } from '@tideline/protocol';
import { defineHandler, type RequestContext } from '../registry.js';
import type { TxnPartition } from '../txn/coordinator.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster, allowedOnTopic, allowedOnTxnId } from '../security/authorize.js';

interface TopicResult {
  name: string;
  resultsByPartition: Array<{ partitionIndex: number; partitionErrorCode: number }>;
}

interface Txn {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  verifyOnly: boolean;
  topics: ReadonlyArray<{ name: string; partitions: readonly number[] }>;
}

function byTopic(parts: ReadonlyArray<{ p: TxnPartition; code: number }>): TopicResult[] {
  const out = new Map<string, TopicResult>();
  for (const { p, code } of parts) {
    let t = out.get(p.topic);
    if (t === undefined) out.set(p.topic, (t = { name: p.topic, resultsByPartition: [] }));
    t.resultsByPartition.push({ partitionIndex: p.partition, partitionErrorCode: code });
  }
  return [...out.values()];
}

async function handleTxn(ctx: RequestContext, t: Txn, version: number): Promise<TopicResult[]> {
  const b = ctx.broker;
  const parts: TxnPartition[] = [];
  const seen = new Set<string>();
  for (const topic of t.topics) {
    for (const partition of topic.partitions) {
      const k = `${topic.name}\u0000${partition}`;
      if (seen.has(k)) continue;
      seen.add(k);
      parts.push({ topic: topic.name, partition });
    }
  }
  if (!allowedOnTxnId(ctx, AclOperation.WRITE, t.transactionalId)) return byTopic(parts.map((p) => ({ p, code: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED })));
  const refused = new Set(t.topics.filter((x) => !allowedOnTopic(ctx, AclOperation.WRITE, x.name)).map((x) => x.name));
  if (refused.size > 0) {
    return byTopic(parts.map((p) => ({ p, code: refused.has(p.topic) ? ErrorCode.TOPIC_AUTHORIZATION_FAILED : ErrorCode.OPERATION_NOT_ATTEMPTED })));
  }
  const unknown = parts.filter((p) => b.topics.partition(p.topic, p.partition) === undefined);
  if (unknown.length > 0) {
    return byTopic(parts.map((p) => ({ p, code: unknown.includes(p) ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.OPERATION_NOT_ATTEMPTED })));
  }
  if (t.verifyOnly) {
    return byTopic(parts.map((p) => {
      const err = b.transactions.verify(t.transactionalId, t.producerId, t.producerEpoch, p.topic, p.partition);
      return { p, code: ErrorCode[err ?? 'NONE'] };
    }));
  }
  let err: ErrorName = await b.transactions.addPartitions(t.transactionalId, t.producerId, t.producerEpoch, parts);
  if (err === 'PRODUCER_FENCED' && version < 2) err = 'INVALID_PRODUCER_EPOCH';
  return byTopic(parts.map((p) => ({ p, code: ErrorCode[err] })));
}

export const addPartitionsToTxnHandler = defineHandler({
  apiKey: ApiKey.AddPartitionsToTxn,
  minVersion: 0,
  maxVersion: 5,
  async handle(req, ctx) {
    const v = ctx.apiVersion;
    if (v < 4) {
      const results = await handleTxn(ctx, {
        transactionalId: req.v3AndBelowTransactionalId, producerId: req.v3AndBelowProducerId, producerEpoch: req.v3AndBelowProducerEpoch,
        verifyOnly: false, topics: req.v3AndBelowTopics,
      }, v);
      return { throttleTimeMs: 0, resultsByTopicV3AndBelow: results };
    }
    // v4+ batches come from brokers verifying transactions: CLUSTER_ACTION on the cluster.
    if (!allowedOnCluster(ctx, AclOperation.CLUSTER_ACTION)) return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, resultsByTransaction: [] };
    const resultsByTransaction = await Promise.all(req.transactions.map(async (t) => ({
      transactionalId: t.transactionalId,
      topicResults: await handleTxn(ctx, t, v),
    })));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, resultsByTransaction };
  },
});
