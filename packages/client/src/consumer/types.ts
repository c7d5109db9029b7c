// Public types of the consumer.
import type { AppMetrics } from '@tideline/observability';
import type { RecordHeader } from '@tideline/protocol';
import type { ClusterOptions } from '../cluster.js';
import type { TopicPartition } from '../partitions.js';
import type { Assignor } from './assignors.js';

export interface ConsumerRecord {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

export interface ConsumerBatch {
  topic: string;
  partition: number;
  records: ConsumerRecord[];
  /** The partition's high watermark when fetched. */
  highWatermark: bigint;
}

/** An offset, or where to start: the log start or the log end. */
export type StartOffset = bigint | number | 'earliest' | 'latest';

export interface Assignment {
  topic: string;
  partition: number;
  /** Default: `autoOffsetReset`. */
  offset?: StartOffset;
}

export interface ConsumerOptions extends ClusterOptions {
  /** Longest a fetch waits for `minBytes`. Default 500. */
  maxWaitMs?: number;
  /** Default 1. */
  minBytes?: number;
  /** Per fetch response. Default 50 MiB. */
  maxBytes?: number;
  /** Per partition per fetch. Default 1 MiB. */
  maxPartitionBytes?: number;
  /** Default 'read_uncommitted'. */
  isolationLevel?: 'read_uncommitted' | 'read_committed';
  /** Where to go when the position is out of range (or unset). Default 'earliest'. */
  autoOffsetReset?: 'earliest' | 'latest' | 'none';
  /** Use incremental fetch sessions (KIP-227). Default true. */
  fetchSessions?: boolean;
  /** Records buffered before fetching pauses. Default 10000. */
  maxBufferedRecords?: number;
  /**
   * Fetched bytes buffered before fetching pauses (as librdkafka's queued.max.messages.kbytes);
   * a fetch in flight may add up to `maxBytes` beyond it. Default 64 MiB.
   */
  maxBufferedBytes?: number;

  /** Consumer group: needed for subscribe() and for committing offsets. */
  groupId?: string;
  /** Static membership (KIP-345 / KIP-848): a stable id for this instance. */
  groupInstanceId?: string | null;
  /** `classic` (JoinGroup/SyncGroup, client-side assignors; default) or `consumer` (KIP-848). */
  groupProtocol?: 'classic' | 'consumer';
  /**
   * Classic protocol assignors, by preference: names (`range`, `roundrobin`,
   * `cooperative-sticky`) or custom Assignor objects. Default ['range', 'cooperative-sticky']
   * (eager, as the Java client's default, able to upgrade to cooperative-sticky).
   */
  assignors?: ReadonlyArray<string | Assignor>;
  /** KIP-848: the broker-side assignor (`uniform`, `range`); default: the broker's. */
  remoteAssignor?: string | null;
  /** Default 45000. */
  sessionTimeoutMs?: number;
  /** How long the group waits for members to rejoin during a rebalance. Default 300000. */
  rebalanceTimeoutMs?: number;
  /** Classic protocol heartbeat interval. Default 3000. */
  heartbeatIntervalMs?: number;
  /**
   * Longest the application may hold a record (or batch) before asking for the next while in a
   * group; beyond it the consumer leaves the group (its partitions go to others, onLost) and
   * rejoins when the application asks again, as the Java client's max.poll.interval.ms.
   * Default 300000.
   */
  maxPollIntervalMs?: number;
  /** Commit processed offsets periodically, before revocation and on close. Default true. */
  autoCommit?: boolean;
  /** Default 5000. */
  autoCommitIntervalMs?: number;
  /** How often a pattern subscription (and the leader's partition counts) is re-checked. Default 300000. */
  metadataMaxAgeMs?: number;
  rackId?: string | null;
  /**
   * Opt-in Prometheus metrics: `appMetrics(registry)` from @tideline/observability (fetch latency,
   * records and bytes consumed, records lag per assigned partition read at scrape time). Default: none.
   */
  metrics?: AppMetrics;
}

/** Called around rebalances; the consumer waits for the returned promise. */
export interface RebalanceListener {
  /** Partitions now assigned to this member (only the new ones with cooperative rebalancing). */
  onAssigned?(partitions: TopicPartition[]): void | Promise<void>;
  /** Partitions taken away in an orderly way; processed offsets are committed before this (auto commit). */
  onRevoked?(partitions: TopicPartition[]): void | Promise<void>;
  /** Partitions that already belong to someone else (the membership was lost); do not commit them. */
  onLost?(partitions: TopicPartition[]): void | Promise<void>;
}

export interface CommittedOffset extends TopicPartition {
  /** -1 when the group has no committed offset for the partition. */
  offset: bigint;
  metadata: string | null;
  leaderEpoch: number;
}
