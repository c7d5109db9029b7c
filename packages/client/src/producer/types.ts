// Public types of the producer.
import type { AppMetrics } from '@tideline/observability';
import type { ClusterOptions } from '../cluster.js';

export type Bytes = Buffer | string;
export type CompressionName = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
export type Acks = 0 | 1 | -1 | 'all';

export interface Message {
  key?: Bytes | null;
  value: Bytes | null;
  headers?: Record<string, Bytes | null> | ReadonlyArray<{ key: string; value: Bytes | null }>;
  /** Explicit partition; skips the partitioner. */
  partition?: number;
  /** Milliseconds since the epoch; default: now. */
  timestamp?: number | bigint;
}

export interface ProducerRecord {
  topic: string;
  messages: readonly Message[];
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** -1 with acks=0. */
  offset: bigint;
  /** The record's timestamp (the broker's append time for LogAppendTime topics). */
  timestamp: bigint;
}

export interface PartitionerArgs {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  partitionCount: number;
}

/** Returns a partition in [0, partitionCount). */
export type Partitioner = (args: PartitionerArgs) => number;

export interface ProducerOptions extends ClusterOptions {
  /** Default 'all' (-1). */
  acks?: Acks;
  /** Default: true when acks is 'all', which it is by default. */
  idempotent?: boolean;
  compression?: CompressionName;
  /** How long a batch waits for more records. Default 5 ms (as Kafka 4's Java client). */
  lingerMs?: number;
  /**
   * Linger only while a batch of the partition is in flight (default false: every batch lingers
   * `lingerMs`, as Kafka's clients). A record for a partition with nothing in flight goes out at
   * once, with whatever else was appended in the same turn of the event loop; records that arrive
   * while a request is out wait for its response or `lingerMs`, whichever comes first. Low latency
   * when idle, the same batching under load.
   */
  adaptiveLinger?: boolean;
  /** Target batch size in bytes (uncompressed estimate). Default 16384. */
  batchSize?: number;
  /** Bytes of records buffered before send() waits. Default 32 MiB. */
  bufferMemory?: number;
  /** Upper bound on a record's time from send() to failure, retries included. Default 120000. */
  deliveryTimeoutMs?: number;
  /** Batches in flight per partition. Default 5 (at most 5 with idempotence). */
  maxInFlightPerPartition?: number;
  /** Largest Produce request. Default 1 MiB. */
  maxRequestSize?: number;
  /** Default: Kafka's (murmur2 for keys, sticky for null keys). */
  partitioner?: Partitioner;
  /** Makes the producer transactional (beginTransaction/commitTransaction/abortTransaction). */
  transactionalId?: string | null;
  /** How long the coordinator lets a transaction stay open before aborting it. Default 60000. */
  transactionTimeoutMs?: number;
  /**
   * Opt-in Prometheus metrics: `appMetrics(registry)` from @tideline/observability (batch size,
   * queue time, retries, record errors, records and bytes sent). Default: none.
   */
  metrics?: AppMetrics;
}
