// In-memory engine with the same interfaces, for broker unit tests. Batches are kept as copies;
// the high watermark equals the log end offset as soon as an append resolves; its listeners run in
// the next microtask, after the appender's synchronous follow-up (as in the file engine, where the
// advance comes after an fsync). Retention works at batch granularity (retention.ms /
// retention.bytes); compaction is not implemented here.
import { setBaseOffset, setMaxTimestampLogAppend, writeBatchCrc } from '@tideline/protocol/internal';
import { validateIncoming, type BatchInfo } from '../batches.js';
import type { LogConfig } from '../config.js';
import { offsetOutOfRange } from '../errors.js';
import { emitHighWatermark } from '../hw-events.js';
import { firstRecordAtOrAfter } from '../records.js';
import type {
  AppendOptions, AppendResult, LogManager, MaintenanceReport, PartitionLog, ReadOptions, ReadResult,
  TimestampOffset, TopicPartition,
} from '../types.js';

interface StoredBatch {
  info: BatchInfo;
  bytes: Buffer;
  lastOffset: bigint;
}

export class MemoryPartitionLog implements PartitionLog {
  readonly topic: string;
  readonly partition: number;
  private config: LogConfig;
  private readonly clock: () => number;
  private batches: StoredBatch[] = [];
  private lso = 0n;
  private leo = 0n;
  private readonly hwListeners = new Set<(hw: bigint) => void>();
  /** One emit per microtask however many appends it covers; bound once (no allocation per append). */
  private emitPending = false;
  private readonly emit = (): void => {
    this.emitPending = false;
    emitHighWatermark(this.hwListeners, this.leo);
  };

  constructor(tp: TopicPartition, config: LogConfig, clock: () => number = Date.now) {
    this.topic = tp.topic;
    this.partition = tp.partition;
    this.config = { ...config };
    this.clock = clock;
  }

  get logStartOffset(): bigint {
    return this.lso;
  }
  get logEndOffset(): bigint {
    return this.leo;
  }
  get highWatermark(): bigint {
    return this.leo;
  }
  get sizeInBytes(): number {
    return this.batches.reduce((n, b) => n + b.bytes.length, 0);
  }

  get currentConfig(): Readonly<LogConfig> {
    return this.config;
  }

  updateConfig(config: LogConfig): void {
    this.config = { ...config };
  }

  async append(batches: Buffer, _opts: AppendOptions = {}): Promise<AppendResult> {
    const infos = validateIncoming(batches);
    const now = this.clock();
    const logAppend = this.config.timestampType === 'LogAppendTime';
    const base = this.leo;
    for (const info of infos) {
      const bytes = Buffer.from(batches.subarray(info.position, info.position + info.size));
      setBaseOffset(bytes, this.leo);
      if (logAppend) {
        setMaxTimestampLogAppend(bytes, BigInt(now));
        writeBatchCrc(bytes);
        info.maxTimestamp = now;
      }
      info.baseOffset = this.leo;
      const lastOffset = this.leo + BigInt(info.lastOffsetDelta);
      this.batches.push({ info, bytes, lastOffset });
      this.leo = lastOffset + 1n;
    }
    if (this.hwListeners.size > 0 && infos.length > 0 && !this.emitPending) {
      this.emitPending = true;
      queueMicrotask(this.emit);
    }
    return { baseOffset: base, lastOffset: this.leo - 1n, logAppendTime: logAppend ? BigInt(now) : -1n, logStartOffset: this.lso };
  }

  async flush(): Promise<void> {}

  onHighWatermark(listener: (hw: bigint) => void): () => void {
    this.hwListeners.add(listener);
    return () => this.hwListeners.delete(listener);
  }

  async read(fetchOffset: bigint, maxBytes: number, opts: ReadOptions = {}): Promise<ReadResult> {
    if (fetchOffset < this.lso || fetchOffset > this.leo) throw offsetOutOfRange(fetchOffset, this.lso, this.leo);
    const limit = opts.maxOffset !== undefined && opts.maxOffset < this.leo ? opts.maxOffset : this.leo;
    const out: Buffer[] = [];
    let bytes = 0;
    for (const b of this.batches) {
      if (b.lastOffset < fetchOffset) continue;
      if (b.info.baseOffset >= limit) break;
      if (out.length > 0 && bytes + b.bytes.length > maxBytes) break;
      out.push(b.bytes);
      bytes += b.bytes.length;
    }
    return { records: Buffer.concat(out), highWatermark: this.leo, logStartOffset: this.lso, logEndOffset: this.leo };
  }

  async offsetForTimestamp(ts: bigint): Promise<TimestampOffset | null> {
    const target = Number(ts);
    for (const b of this.batches) {
      if (b.info.maxTimestamp < target || b.lastOffset < this.lso) continue;
      const found = firstRecordAtOrAfter(b.bytes, target);
      if (found === null) continue;
      if (found.offset < this.lso) found.offset = this.lso;
      return found;
    }
    return null;
  }

  async maxTimestamp(): Promise<TimestampOffset | null> {
    let best: StoredBatch | null = null;
    for (const b of this.batches) if (b.info.maxTimestamp >= 0 && (best === null || b.info.maxTimestamp > best.info.maxTimestamp)) best = b;
    if (best === null) return null;
    // The first batch with the largest timestamp, then its first record that has it.
    return firstRecordAtOrAfter(best.bytes, best.info.maxTimestamp);
  }

  async deleteRecordsBefore(offset: bigint): Promise<bigint> {
    const target = offset === -1n ? this.leo : offset;
    if (target < 0n || target > this.leo) throw offsetOutOfRange(target, this.lso, this.leo);
    if (target > this.lso) this.lso = target;
    this.batches = this.batches.filter((b) => b.lastOffset >= this.lso);
    return this.lso;
  }

  async truncateTo(offset: bigint): Promise<void> {
    if (offset >= this.leo) return;
    this.batches = this.batches.filter((b) => b.info.baseOffset < offset && b.lastOffset < offset);
    this.leo = this.batches.length > 0 ? this.batches[this.batches.length - 1]!.lastOffset + 1n : offset < this.lso ? this.lso : offset;
    if (this.leo < this.lso) this.lso = this.leo;
  }

  /** Batch-granularity retention; returns how many batches went. */
  applyRetention(): number {
    if (!this.config.cleanupDelete) return 0;
    const now = this.clock();
    let total = this.sizeInBytes;
    let n = 0;
    while (n < this.batches.length - 1) {
      const b = this.batches[n]!;
      const expired = this.config.retentionMs >= 0 && b.info.maxTimestamp < now - this.config.retentionMs;
      const oversize = this.config.retentionBytes >= 0 && total - b.bytes.length >= this.config.retentionBytes;
      if (!expired && !oversize) break;
      total -= b.bytes.length;
      n++;
    }
    if (n > 0) {
      this.batches = this.batches.slice(n);
      this.lso = this.batches[0]!.info.baseOffset;
    }
    return n;
  }
}

export class MemoryLogManager implements LogManager {
  private readonly logs = new Map<string, MemoryPartitionLog>();
  private readonly clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.clock = clock;
  }

  async open(tp: TopicPartition, config: LogConfig): Promise<MemoryPartitionLog> {
    const k = `${tp.topic}-${tp.partition}`;
    let log = this.logs.get(k);
    if (!log) {
      log = new MemoryPartitionLog(tp, config, this.clock);
      this.logs.set(k, log);
    } else {
      log.updateConfig(config);
    }
    return log;
  }
  get(tp: TopicPartition): MemoryPartitionLog | undefined {
    return this.logs.get(`${tp.topic}-${tp.partition}`);
  }
  list(): TopicPartition[] {
    return [...this.logs.values()].map((l) => ({ topic: l.topic, partition: l.partition }));
  }
  async delete(tp: TopicPartition): Promise<void> {
    this.logs.delete(`${tp.topic}-${tp.partition}`);
  }
  async runMaintenance(): Promise<MaintenanceReport> {
    let deleted = 0;
    for (const l of this.logs.values()) deleted += l.applyRetention();
    return { deletedSegments: deleted, cleanedSegments: 0 };
  }
  async close(): Promise<void> {}
}
