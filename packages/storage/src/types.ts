// The narrow interfaces the broker uses. Engines: file (src/file) and memory (src/memory).
import type { CleanerSchedule, LogConfig } from './config.js';

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

export interface AppendOptions {
  /** acks=-1: resolve only once the appended bytes are fdatasync'ed (group commit). */
  durable?: boolean;
}

export interface AppendResult {
  baseOffset: bigint;
  lastOffset: bigint;
  /** The broker's append time when the topic uses LogAppendTime, else -1n. */
  logAppendTime: bigint;
  logStartOffset: bigint;
}

export interface ReadOptions {
  /**
   * Exclusive upper bound of offsets returned. Defaults to the high watermark (what consumers may
   * see); pass the log end offset to read unflushed data.
   */
  maxOffset?: bigint;
  /**
   * Read into a reusable buffer (file engine): the caller then hands `records` back with
   * `releaseRead` once nothing refers to it (the broker: after the response is written). Without
   * a release the buffer is garbage-collected as usual.
   */
  pooled?: boolean;
}

export interface ReadResult {
  /** Whole record batches, opaque and ready to send; empty when there is nothing to return. */
  records: Buffer;
  highWatermark: bigint;
  logStartOffset: bigint;
  logEndOffset: bigint;
}

export interface TimestampOffset {
  timestamp: bigint;
  offset: bigint;
}

/** Offsets and positions of one partition's log. */
export interface LogOffsets {
  /** First offset that may be read. */
  readonly logStartOffset: bigint;
  /** Next offset to be assigned. */
  readonly logEndOffset: bigint;
  /** Offsets below this are visible to consumers (file engine: fdatasync'ed). */
  readonly highWatermark: bigint;
  /** Total bytes of all segments. */
  readonly sizeInBytes: number;
  /** Segments of the log (engines without segments leave it out). */
  readonly segmentCount?: number;
}

export interface LogWriter {
  /**
   * Appends one or more magic-v2 record batches exactly as received, with baseOffset rewritten.
   * Offsets (and the timestamp under LogAppendTime) are written into `batches` in place. The
   * engine reads and writes `batches` only until the returned promise settles and keeps no view
   * of it after that: the broker then reuses the buffer for another request (a Produce frame from
   * its pool), so an engine that keeps batches in memory keeps copies.
   */
  append(batches: Buffer, opts?: AppendOptions): Promise<AppendResult>;
  /** fdatasync everything written so far; the high watermark then reaches the log end offset. */
  flush(): Promise<void>;
}

export interface LogReader {
  /**
   * Whole batches starting with the one containing `fetchOffset`, up to about `maxBytes`; the first
   * batch is returned even if larger than maxBytes. Throws OFFSET_OUT_OF_RANGE outside
   * [logStartOffset, logEndOffset].
   */
  read(fetchOffset: bigint, maxBytes: number, opts?: ReadOptions): Promise<ReadResult>;
  /** Gives back the buffer of a `pooled` read's records for reuse; anything else is ignored. Optional: engines without a pool have none. */
  releaseRead?(records: Buffer): void;
  /** First offset whose timestamp is >= ts (ListOffsets), or null if none below the high watermark. */
  offsetForTimestamp(ts: bigint): Promise<TimestampOffset | null>;
  /**
   * ListOffsets MAX_TIMESTAMP: the largest timestamp below the high watermark and the offset of the
   * first record that has it (as Kafka since KAFKA-16310; with LogAppendTime, the batch's base
   * offset); null when there is none.
   */
  maxTimestamp(): Promise<TimestampOffset | null>;
}

export interface LogAdmin {
  /** DeleteRecords: moves the log start offset up to `offset` (-1n = high watermark); returns it. */
  deleteRecordsBefore(offset: bigint): Promise<bigint>;
  /** Drops every batch at or above `offset` (rounded down to a batch boundary). */
  truncateTo(offset: bigint): Promise<void>;
  /** The config in force. */
  readonly currentConfig: Readonly<LogConfig>;
  /** Replaces the config in force (the caller resolves it completely). */
  updateConfig(config: LogConfig): void;
}

/** Signals that records became visible, so waiting readers need not poll. */
export interface HighWatermarkEvents {
  /**
   * Calls `listener` after every high-watermark advance, whatever caused it (a durable append's
   * group commit, a flush, the flush.ms timer), never inside the synchronous part of an append or
   * flush call. Returns the function that removes it. Keep listeners cheap: they run per advance.
   */
  onHighWatermark(listener: (highWatermark: bigint) => void): () => void;
}

export interface PartitionLog extends LogOffsets, LogWriter, LogReader, LogAdmin, HighWatermarkEvents, TopicPartition {}

export interface MaintenanceReport {
  deletedSegments: number;
  cleanedSegments: number;
}

/** Opens, creates and deletes partition logs. */
export interface LogManager {
  /** Opens the log, creating it if absent; an open log takes `config` as its new config. */
  open(tp: TopicPartition, config: LogConfig): Promise<PartitionLog>;
  get(tp: TopicPartition): PartitionLog | undefined;
  list(): TopicPartition[];
  delete(tp: TopicPartition): Promise<void>;
  /** Retention and compaction once, for every log (also run on a timer by the file engine). */
  runMaintenance(): Promise<MaintenanceReport>;
  /** Changes the compaction schedule (engines that compact). */
  configureCleaner?(schedule: CleanerSchedule): void;
  /** Flushes everything and records a clean shutdown. */
  close(): Promise<void>;
}

export interface TopicMetadata {
  name: string;
  /** 16-byte topic id, base64url as in the protocol package's uuid(). */
  id: string;
  partitionCount: number;
  configs: Record<string, string>;
}

/** Topic definitions that survive restarts. */
export interface MetadataStore {
  listTopics(): TopicMetadata[];
  getTopic(name: string): TopicMetadata | undefined;
  getTopicById(id: string): TopicMetadata | undefined;
  /** Throws TOPIC_ALREADY_EXISTS. */
  createTopic(topic: TopicMetadata): Promise<void>;
  /** Throws UNKNOWN_TOPIC_OR_PARTITION. */
  updateTopic(name: string, patch: { partitionCount?: number; configs?: Record<string, string> }): Promise<TopicMetadata>;
  /** Throws UNKNOWN_TOPIC_OR_PARTITION. */
  deleteTopic(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A producer as a partition's snapshot keeps it. The broker encodes it; storage keeps it verbatim
 * (bigints are decimal strings so the file engine can write it as JSON).
 */
export interface ProducerSnapshotEntry {
  pid: string;
  epoch: number;
  lastUpdateMs: number;
  /** The last batches: [firstSeq, lastSeq, firstOffset, lastOffset, maxTimestamp]. */
  batches: Array<[number, number, string, string, string]>;
  /** First offset of the open transaction (absent in snapshots written before transactions). */
  txnFirstOffset?: string | null;
  coordinatorEpoch?: number;
  lastTimestamp?: string;
}

/** An entry of a partition's aborted-transactions index: [producerId, firstOffset, lastOffset] as decimal strings. */
export type AbortedTxnEntry = [string, string, string];

export interface ProducerSnapshot {
  /** The log end offset the state covers: replay starts here. */
  offset: bigint;
  producers: ProducerSnapshotEntry[];
  aborted: AbortedTxnEntry[];
}

/** Per-partition producer-state snapshots, written at clean shutdown so a start need not replay the log. */
export interface ProducerSnapshotStore {
  /**
   * Reads the partition's snapshot and deletes it: a snapshot is used once, so a crash after this
   * start cannot load state older than the log. Null when there is none or it cannot be read.
   */
  takeSnapshot(topicId: string, partition: number): Promise<ProducerSnapshot | null>;
  /** Durably replaces the partition's snapshot. */
  saveSnapshot(topicId: string, partition: number, snapshot: ProducerSnapshot): Promise<void>;
  deleteSnapshot(topicId: string, partition: number): Promise<void>;
}

/**
 * Per-partition aborted-transactions index, kept between snapshots: after a crash, a log too large
 * to replay whole still knows the aborts of its older part.
 */
export interface AbortedTxnIndexStore {
  /** The stored entries; an entry torn by a crash is skipped. Empty when there is no index. */
  readAborted(topicId: string, partition: number): Promise<AbortedTxnEntry[]>;
  /** Replaces the index (no entries: deletes it). */
  writeAborted(topicId: string, partition: number, entries: readonly AbortedTxnEntry[]): Promise<void>;
  /** Adds one entry. Not synced: a lost entry is recent, so the log replay finds its abort again. */
  appendAborted(topicId: string, partition: number, entry: AbortedTxnEntry): Promise<void>;
  deleteAborted(topicId: string, partition: number): Promise<void>;
}

/** Producer-id blocks: the end of the last block handed out survives restarts, so ids are never reused. */
export interface ProducerIdBlockStore {
  /** End (exclusive) of the last reserved block; null before the first reservation. */
  readBlockEnd(): Promise<bigint | null>;
  /** Durably records `end` before resolving: ids below it are then never handed out again. */
  reserveBlock(end: bigint): Promise<void>;
}

/** Facts about this node that outlive a restart. */
export interface NodeMetadataStore {
  /** The stored cluster id (trimmed), or null when none can be read. */
  readClusterId(): Promise<string | null>;
  /**
   * Durably stores the cluster id. A crash before it resolves may leave a torn value, which the
   * caller (who validates what it reads) takes for none.
   */
  writeClusterId(id: string): Promise<void>;
}

/** The broker's durable state besides logs and topics; openStorage picks the engine with the logs'. */
export interface BrokerStateStores {
  producerSnapshots: ProducerSnapshotStore;
  abortedTxns: AbortedTxnIndexStore;
  producerIds: ProducerIdBlockStore;
  node: NodeMetadataStore;
}
