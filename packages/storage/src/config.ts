// Per-log configuration: Kafka's topic config names mapped onto one typed object.
import { StorageError } from './errors.js';

export interface LogConfig {
  /** segment.bytes: roll the active segment before it would exceed this size. */
  segmentBytes: number;
  /** segment.ms: roll when the active segment's first batch is older than this. */
  segmentMs: number;
  /** retention.ms: delete sealed segments whose newest timestamp is older than this; -1 = forever. */
  retentionMs: number;
  /** retention.bytes: delete oldest sealed segments while the log is larger than this; -1 = no limit. */
  retentionBytes: number;
  /** cleanup.policy: "delete", "compact" or both. */
  cleanupDelete: boolean;
  cleanupCompact: boolean;
  /** min.compaction.lag.ms: a segment is compacted only once all its records are older than this. */
  minCompactionLagMs: number;
  /** delete.retention.ms: how long a tombstone survives compaction. */
  deleteRetentionMs: number;
  /** index.interval.bytes: bytes between sparse index entries. */
  indexIntervalBytes: number;
  /** message.timestamp.type. */
  timestampType: 'CreateTime' | 'LogAppendTime';
  /**
   * flush.ms: longest delay between a write and its fdatasync for non-durable (acks 0/1) appends.
   * 0 (the default) = group commit right after every write. Durable appends are always fsynced
   * before they resolve, whatever this says.
   */
  flushMs: number;
}

export const DEFAULT_LOG_CONFIG: Readonly<LogConfig> = Object.freeze({
  segmentBytes: 1024 * 1024 * 1024,
  segmentMs: 7 * 24 * 3600 * 1000,
  retentionMs: 7 * 24 * 3600 * 1000,
  retentionBytes: -1,
  cleanupDelete: true,
  cleanupCompact: false,
  minCompactionLagMs: 0,
  deleteRetentionMs: 24 * 3600 * 1000,
  indexIntervalBytes: 4096,
  timestampType: 'CreateTime',
  flushMs: 0,
});

/** Segment positions are 32-bit in the index, so a segment never grows beyond this. */
export const MAX_SEGMENT_BYTES = 0x7fffffff;

/**
 * Parses a Kafka long config. Values beyond 2^53 (Kafka's "never" is Long.MAX_VALUE) clamp to
 * Number.MAX_SAFE_INTEGER; for configs where -1 means "no limit", any smaller value means the same.
 */
function int(name: string, v: string, min: number): number {
  if (!/^\s*-?\d+\s*$/.test(v)) throw new StorageError('INVALID_CONFIG', `invalid ${name}: ${v}`);
  const big = BigInt(v.trim());
  const n = big > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(big);
  if (n < min) {
    if (min === -1) return -1;
    throw new StorageError('INVALID_CONFIG', `invalid ${name}: ${v}`);
  }
  return n;
}

/** Reads the Kafka topic configs this package understands; unknown names are ignored. */
export function logConfigFromTopicConfigs(configs: Readonly<Record<string, string>>): Partial<LogConfig> {
  const out: Partial<LogConfig> = {};
  for (const [k, v] of Object.entries(configs)) {
    switch (k) {
      case 'segment.bytes': out.segmentBytes = Math.min(int(k, v, 14), MAX_SEGMENT_BYTES); break;
      case 'segment.ms': out.segmentMs = int(k, v, 1); break;
      case 'retention.ms': out.retentionMs = int(k, v, -1); break;
      case 'retention.bytes': out.retentionBytes = int(k, v, -1); break;
      case 'min.compaction.lag.ms': out.minCompactionLagMs = int(k, v, 0); break;
      case 'delete.retention.ms': out.deleteRetentionMs = int(k, v, 0); break;
      case 'index.interval.bytes': out.indexIntervalBytes = int(k, v, 0); break;
      case 'flush.ms': out.flushMs = int(k, v, 0); break;
      case 'cleanup.policy': {
        const parts = v.split(',').map((s) => s.trim());
        if (parts.length === 0 || parts.some((p) => p !== 'delete' && p !== 'compact')) {
          throw new StorageError('INVALID_CONFIG', `invalid cleanup.policy: ${v}`);
        }
        out.cleanupDelete = parts.includes('delete');
        out.cleanupCompact = parts.includes('compact');
        break;
      }
      case 'message.timestamp.type':
        if (v !== 'CreateTime' && v !== 'LogAppendTime') {
          throw new StorageError('INVALID_CONFIG', `invalid message.timestamp.type: ${v}`);
        }
        out.timestampType = v;
        break;
      default:
        break;
    }
  }
  return out;
}

export function resolveLogConfig(...layers: Array<Partial<LogConfig> | undefined>): LogConfig {
  return Object.assign({}, DEFAULT_LOG_CONFIG, ...layers.filter((l) => l !== undefined)) as LogConfig;
}
