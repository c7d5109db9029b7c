// Offset commits for the consumer: explicit ones, what was processed on a set of partitions, and
// the periodic auto commit.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { Cluster } from '../cluster.js';
import type { Coordinators } from '../coordinator.js';
import { ClientError, ClientErrorCode, KafkaError } from '../errors.js';
import { onGroupCoordinator } from '../group-admin.js';
import type { OffsetToCommit } from '../producer/transactions.js';
import type { Membership } from './membership.js';
import type { PartitionState } from './partition-state.js';

export interface CommitterHost {
  readonly cluster: Cluster;
  readonly coordinators: Coordinators;
  readonly groupId: string | undefined;
  /** The group membership now (its generation goes into each commit). */
  membership(): Membership | null;
  /** The partitions an auto commit covers. */
  partitions(): Iterable<PartitionState>;
}

export class Committer {
  private autoCommitTimer: NodeJS.Timeout | null = null;
  private committing: Promise<void> | null = null;

  constructor(private readonly host: CommitterHost, private readonly autoCommitIntervalMs: number) {}

  /** Commits what was processed on these partitions (those that moved since their last commit). */
  async commitStates(states: Iterable<PartitionState>): Promise<void> {
    const list: Array<OffsetToCommit & { state: PartitionState }> = [];
    for (const s of states) {
      if (s.consumed !== null && s.consumed !== s.committed) list.push({ topic: s.topic, partition: s.partition, offset: s.consumed, state: s });
    }
    if (list.length === 0) return;
    await this.commitOffsets(list);
    for (const o of list) o.state.committed = BigInt(o.offset);
  }

  async commitOffsets(offsets: readonly OffsetToCommit[]): Promise<void> {
    const { cluster, coordinators, groupId } = this.host;
    if (groupId === undefined) throw new ClientError(ClientErrorCode.INVALID_STATE, 'commit needs a groupId');
    const m = this.host.membership();
    // As the Java client: no commit between JoinGroup and SyncGroup (the broker would answer
    // REBALANCE_IN_PROGRESS and the member would rejoin again).
    if (m?.rebalancing === true) throw new KafkaError(ErrorCode.REBALANCE_IN_PROGRESS, { message: `group ${groupId} is rebalancing; commit once it completes` });
    const topics = new Map<string, OffsetToCommit[]>();
    for (const o of offsets) {
      let l = topics.get(o.topic);
      if (l === undefined) topics.set(o.topic, (l = []));
      l.push(o);
    }
    try {
      await onGroupCoordinator(cluster, coordinators, groupId, 'OffsetCommit', async (conn) => {
        const res = await conn.request(ApiKey.OffsetCommit, {
          groupId,
          generationIdOrMemberEpoch: m?.generationId ?? -1,
          memberId: m?.memberId ?? '',
          groupInstanceId: m?.groupInstanceId ?? null,
          retentionTimeMs: -1n,
          topics: [...topics].map(([name, ps]) => ({
            name,
            partitions: ps.map((p) => ({ partitionIndex: p.partition, committedOffset: BigInt(p.offset), committedLeaderEpoch: -1, commitTimestamp: -1n, committedMetadata: p.metadata ?? '' })),
          })),
        });
        for (const t of res.topics) for (const p of t.partitions) {
          if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label });
        }
      });
    } catch (e) {
      m?.onCommitError(e);
      throw e;
    }
  }

  /** Commits every `autoCommitIntervalMs` (one commit at a time, none while rebalancing). */
  startAuto(): void {
    if (this.autoCommitTimer !== null) return;
    this.autoCommitTimer = setInterval(() => {
      if (this.committing !== null || this.host.membership()?.rebalancing === true) return;
      this.committing = this.commitStates([...this.host.partitions()].filter((s) => !s.revoking))
        .catch((e: unknown) => this.host.cluster.log('warn', `group ${this.host.groupId}: auto commit failed`, e))
        .finally(() => {
          this.committing = null;
        });
    }, this.autoCommitIntervalMs);
    this.autoCommitTimer.unref();
  }

  /** Stops the auto commit; the returned promise settles with a commit still under way. */
  stopAuto(): Promise<void> {
    if (this.autoCommitTimer !== null) clearInterval(this.autoCommitTimer);
    this.autoCommitTimer = null;
    return this.committing ?? Promise.resolve();
  }
}
