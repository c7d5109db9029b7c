// TxnOffsetCommit v0-4: offsets committed inside a transaction. Checks, in Kafka's order: an empty
// group id is INVALID_GROUP_ID; the transaction must hold the group's __consumer_offsets
// partition (AddOffsetsToTxn first; KIP-890: INVALID_TXN_STATE, TRANSACTION_ABORTABLE from v4),
// with the producer's id (INVALID_PRODUCER_ID_MAPPING) and epoch (INVALID_PRODUCER_EPOCH); then
// the group: v3+ member id, group.instance.id and generation as OffsetCommit checks them, except
// that a request without them is accepted in any group state and a rebalance in progress is no
// error (Kafka's transactional variant). Per partition: UNKNOWN_TOPIC_OR_PARTITION,
// OFFSET_METADATA_TOO_LARGE. The offsets are written as a transactional batch of the producer and
// stay pending (OffsetFetch with requireStable answers UNSTABLE_OFFSET_COMMIT) until the
// transaction's marker commits or drops them. Skipped: authorization.
import { ApiKey, ErrorCode, type ErrorName } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import type { OffsetCommitEntry } from '../groups/coordinator.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup, allowedOnTopic, allowedOnTxnId } from '../security/authorize.js';

export const txnOffsetCommitHandler = defineHandler({
  apiKey: ApiKey.TxnOffsetCommit,
  minVersion: 0,
  maxVersion: 4,
  async handle(req, ctx) {
    const b = ctx.broker;
    const v = ctx.apiVersion;
    const answer = (codes: number[]): { throttleTimeMs: number; topics: Array<{ name: string; partitions: Array<{ partitionIndex: number; errorCode: number }> }> } => {
      let i = 0;
      return {
        throttleTimeMs: 0,
        topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: codes[i++]! })) })),
      };
    };
    const entries: OffsetCommitEntry[] = [];
    for (const t of req.topics) {
      for (const p of t.partitions) {
        entries.push({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset, leaderEpoch: v >= 2 ? p.committedLeaderEpoch : -1, metadata: p.committedMetadata });
      }
    }
    const all = (code: number): ReturnType<typeof answer> => answer(entries.map(() => code));
    if (!allowedOnTxnId(ctx, AclOperation.WRITE, req.transactionalId)) return all(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) return all(ErrorCode.GROUP_AUTHORIZATION_FAILED);
    // Kafka refuses the whole commit when a topic may not be READ: its partitions answer
    // TOPIC_AUTHORIZATION_FAILED, the others are not committed either.
    const refused = new Set(req.topics.filter((t) => !allowedOnTopic(ctx, AclOperation.READ, t.name)).map((t) => t.name));
    if (refused.size > 0) {
      return answer(entries.map((e) => (refused.has(e.topic) ? ErrorCode.TOPIC_AUTHORIZATION_FAILED : ErrorCode.OPERATION_NOT_ATTEMPTED)));
    }
    if (req.groupId === '') return all(ErrorCode.INVALID_GROUP_ID);
    const target = await b.transactions.offsetsPartitionOf(req.groupId).catch(() => null);
    if (target === null) return all(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    let err: ErrorName | null = b.transactions.verify(req.transactionalId, req.producerId, req.producerEpoch, target.topic, target.partition);
    if (err === 'PRODUCER_FENCED') err = 'INVALID_PRODUCER_EPOCH';
    else if (err === 'TRANSACTION_ABORTABLE' && v < 4) err = 'INVALID_TXN_STATE';
    else if (err === 'CONCURRENT_TRANSACTIONS') err = 'COORDINATOR_NOT_AVAILABLE';
    if (err !== null) return all(ErrorCode[err]);
    const codes = await b.groups.commitTransactionalOffsets(
      req.groupId, v >= 3 ? req.memberId : '', v >= 3 ? req.groupInstanceId : null, v >= 3 ? req.generationIdOrMemberEpoch : -1,
      req.producerId, req.producerEpoch, entries,
    );
    return answer(codes);
  },
});
