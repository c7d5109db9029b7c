// What a partition log applies, in typed units. Storage does not know Kafka's config names,
// defaults or ranges: the broker's config table (broker/src/configs.ts) resolves a topic's configs
// and hands each log a complete LogConfig.

export interface LogConfig {
  /** Roll the active segment before it would exceed this size; at most MAX_SEGMENT_BYTES. */
  segmentBytes: number;
  /** Roll when the active segment's first batch is older than this. */
  segmentMs: number;
  /** Delete sealed segments whose newest timestamp is older than this; negative = forever. */
  retentionMs: number;
  /** Delete oldest sealed segments while the log is larger than this; negative = no limit. */
  retentionBytes: number;
  /** Delete old segments by age or size (retentionMs, retentionBytes). */
  cleanupDelete: boolean;
  /** Keep only the newest record per key. */
  cleanupCompact: boolean;
  /** A segment is compacted only once all its records are older than this. */
  minCompactionLagMs: number;
  /**
   * The cleaner's schedule (min.cleanable.dirty.ratio): compact once the share of not yet compacted
   * bytes among the cleanable segments reaches this. Absent: 0 (any dirty segment qualifies).
   */
  minCleanableDirtyRatio?: number;
  /**
   * max.compaction.lag.ms: a log whose oldest dirty segment is older than this is compacted
   * whatever its dirty ratio. Absent: never forced.
   */
  maxCompactionLagMs?: number;
  /** How long a tombstone survives compaction. */
  deleteRetentionMs: number;
  /** Bytes between sparse index entries. */
  indexIntervalBytes: number;
  /** LogAppendTime: the log stamps each batch with its append time. */
  timestampType: 'CreateTime' | 'LogAppendTime';
  /**
   * Longest delay between a write and its fdatasync for non-durable (acks 0/1) appends.
   * 0 = group commit right after every write. Durable appends are always fsynced before they
   * resolve, whatever this says.
   */
  flushMs: number;
  /**
   * Largest batch the log takes from a producer. The broker's Produce handler checks it before
   * appending; the log carries it so that one object holds everything in force for a partition.
   */
  maxMessageBytes: number;
}

/** Segment positions are 32-bit in the index, so a segment never grows beyond this. */
export const MAX_SEGMENT_BYTES = 0x7fffffff;

/** log.cleaner.enable and log.cleaner.backoff.ms: whether and how often the cleaner looks for logs to compact. */
export interface CleanerSchedule {
  enabled: boolean;
  /** Pause between two cleaner passes; 0 disables the timer. */
  backoffMs: number;
}
