// ConsumerOptions with every default applied once (as the producer does for its Sender), so the
// parts of the consumer read plain values.
import type { Assignor } from './assignors.js';
import type { ConsumerOptions } from './types.js';

export interface ResolvedConsumerOptions {
  groupId: string | undefined;
  groupInstanceId: string | null;
  groupProtocol: 'classic' | 'consumer';
  /** Names are looked up when subscribing (an unknown one fails subscribe()). */
  assignors: ReadonlyArray<string | Assignor>;
  remoteAssignor: string | null;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxPollIntervalMs: number;
  /** Only with a groupId. */
  autoCommit: boolean;
  autoCommitIntervalMs: number;
  metadataMaxAgeMs: number;
  rackId: string | null;

  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  maxPartitionBytes: number;
  /** The Fetch and ListOffsets isolation level: 0 read_uncommitted, 1 read_committed. */
  isolationLevel: 0 | 1;
  autoOffsetReset: 'earliest' | 'latest' | 'none';
  /** Where a partition without an offset goes ('none' fails first where it applies, else earliest). */
  resetPolicy: 'earliest' | 'latest';
  fetchSessions: boolean;
  maxBufferedRecords: number;
  maxBufferedBytes: number;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
}

export function resolveConsumerOptions(o: ConsumerOptions): ResolvedConsumerOptions {
  const autoOffsetReset = o.autoOffsetReset ?? 'earliest';
  return {
    groupId: o.groupId,
    groupInstanceId: o.groupInstanceId ?? null,
    groupProtocol: o.groupProtocol ?? 'classic',
    assignors: o.assignors ?? ['range', 'cooperative-sticky'],
    remoteAssignor: o.remoteAssignor ?? null,
    sessionTimeoutMs: o.sessionTimeoutMs ?? 45_000,
    rebalanceTimeoutMs: o.rebalanceTimeoutMs ?? 300_000,
    heartbeatIntervalMs: o.heartbeatIntervalMs ?? 3000,
    maxPollIntervalMs: o.maxPollIntervalMs ?? 300_000,
    autoCommit: o.groupId !== undefined && (o.autoCommit ?? true),
    autoCommitIntervalMs: o.autoCommitIntervalMs ?? 5000,
    metadataMaxAgeMs: o.metadataMaxAgeMs ?? 300_000,
    rackId: o.rackId ?? null,
    maxWaitMs: o.maxWaitMs ?? 500,
    minBytes: o.minBytes ?? 1,
    maxBytes: o.maxBytes ?? 50 * 1024 * 1024,
    maxPartitionBytes: o.maxPartitionBytes ?? 1024 * 1024,
    isolationLevel: o.isolationLevel === 'read_committed' ? 1 : 0,
    autoOffsetReset,
    resetPolicy: autoOffsetReset === 'none' ? 'earliest' : autoOffsetReset,
    fetchSessions: o.fetchSessions !== false,
    maxBufferedRecords: o.maxBufferedRecords ?? 10_000,
    maxBufferedBytes: o.maxBufferedBytes ?? 64 * 1024 * 1024,
    requestTimeoutMs: o.requestTimeoutMs ?? 30_000,
    retryBackoffMs: o.retryBackoffMs ?? 100,
    retryBackoffMaxMs: o.retryBackoffMaxMs ?? 1000,
  };
}
