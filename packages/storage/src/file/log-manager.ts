// The file engine's LogManager: one directory per partition under dataDir, a clean-shutdown
// marker, and a maintenance timer running retention and compaction.
import { access, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { LogConfig } from '../config.js';
import { StorageError } from '../errors.js';
import type { LogManager, MaintenanceReport, TopicPartition } from '../types.js';
import { cleanLog } from './cleaner.js';
import { fsyncDir, nodeFileIo, type FileIo } from './io.js';
import { FilePartitionLog } from './partition-log.js';
import type { RecoveryReport } from './recovery.js';

export const CLEAN_SHUTDOWN_FILE = '.clean-shutdown';
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export type StorageEvent =
  | { type: 'recovered'; topic: string; partition: number; report: RecoveryReport }
  | { type: 'maintenance-error'; topic: string; partition: number; error: unknown }
  /** A read found an offset index entry pointing at the wrong batch; the segment's indexes were rebuilt. */
  | { type: 'index-rebuilt'; topic: string; partition: number; segment: bigint }
  /** One group commit: the fdatasync of a partition's dirty segments took `seconds` and made `records` offsets durable. */
  | { type: 'flushed'; topic: string; partition: number; seconds: number; records: number };

export interface FileLogManagerOptions {
  dataDir: string;
  io?: FileIo;
  clock?: () => number;
  /** Period of retention + compaction; 0 disables the timer (call runMaintenance yourself). */
  maintenanceIntervalMs?: number;
  onEvent?: (e: StorageEvent) => void;
}

const key = (tp: TopicPartition): string => `${tp.topic}-${tp.partition}`;

export class FileLogManager implements LogManager {
  private readonly opts: FileLogManagerOptions;
  private readonly io: FileIo;
  private readonly clock: () => number;
  private readonly logs = new Map<string, FilePartitionLog>();
  private readonly opening = new Map<string, Promise<FilePartitionLog>>();
  private readonly cleanStart: boolean;
  private timer: NodeJS.Timeout | null = null;
  private maintenance: Promise<MaintenanceReport> | null = null;
  private closed = false;

  private constructor(opts: FileLogManagerOptions, cleanStart: boolean) {
    this.opts = opts;
    this.io = opts.io ?? nodeFileIo;
    this.clock = opts.clock ?? Date.now;
    this.cleanStart = cleanStart;
  }

  /** Reads and removes the clean-shutdown marker; finishes deletions a crash interrupted. */
  static async open(opts: FileLogManagerOptions): Promise<FileLogManager> {
    await mkdir(opts.dataDir, { recursive: true });
    const marker = join(opts.dataDir, CLEAN_SHUTDOWN_FILE);
    const clean = await access(marker).then(() => true, () => false);
    if (clean) {
      await rm(marker);
      await fsyncDir(opts.dataDir);
    }
    for (const name of await readdir(opts.dataDir)) {
      if (name.endsWith('-delete')) await rm(join(opts.dataDir, name), { recursive: true, force: true });
    }
    const mgr = new FileLogManager(opts, clean);
    const every = opts.maintenanceIntervalMs ?? 5 * 60 * 1000;
    if (every > 0) {
      mgr.timer = setInterval(() => void mgr.runMaintenance().catch(() => {}), every);
      mgr.timer.unref();
    }
    return mgr;
  }

  /** Whether the previous run shut down cleanly. */
  get wasClean(): boolean {
    return this.cleanStart;
  }

  async open(tp: TopicPartition, config: LogConfig): Promise<FilePartitionLog> {
    if (this.closed) throw new StorageError('KAFKA_STORAGE_ERROR', 'log manager is closed');
    if (!TOPIC_NAME.test(tp.topic) || !Number.isInteger(tp.partition) || tp.partition < 0) {
      throw new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `invalid partition ${key(tp)}`);
    }
    const k = key(tp);
    const existing = this.logs.get(k);
    if (existing) {
      existing.updateConfig(config);
      return existing;
    }
    let pending = this.opening.get(k);
    if (!pending) {
      pending = FilePartitionLog.open({
        dir: join(this.opts.dataDir, k),
        topic: tp.topic,
        partition: tp.partition,
        config: { ...config },
        io: this.io,
        clock: this.clock,
        clean: this.cleanStart,
        onEvent: this.opts.onEvent,
      }).then((log) => {
        this.logs.set(k, log);
        this.opts.onEvent?.({ type: 'recovered', topic: tp.topic, partition: tp.partition, report: log.recovery });
        return log;
      }).finally(() => this.opening.delete(k));
      this.opening.set(k, pending);
    }
    return pending;
  }

  get(tp: TopicPartition): FilePartitionLog | undefined {
    return this.logs.get(key(tp));
  }

  list(): TopicPartition[] {
    return [...this.logs.values()].map((l) => ({ topic: l.topic, partition: l.partition }));
  }

  /** Closes the log, renames its directory aside (atomic) and removes it. */
  async delete(tp: TopicPartition): Promise<void> {
    const k = key(tp);
    const log = this.logs.get(k) ?? (await this.opening.get(k));
    this.logs.delete(k);
    if (log) await log.close();
    const dir = join(this.opts.dataDir, k);
    const doomed = join(this.opts.dataDir, `${k}.${randomBytes(6).toString('hex')}-delete`);
    try {
      await rename(dir, doomed);
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return;
      throw e;
    }
    await fsyncDir(this.opts.dataDir);
    await rm(doomed, { recursive: true, force: true });
  }

  /** Retention then compaction for every open log; one run at a time. */
  runMaintenance(): Promise<MaintenanceReport> {
    this.maintenance ??= this.maintain().finally(() => {
      this.maintenance = null;
    });
    return this.maintenance;
  }

  private async maintain(): Promise<MaintenanceReport> {
    const report: MaintenanceReport = { deletedSegments: 0, cleanedSegments: 0 };
    for (const log of [...this.logs.values()]) {
      try {
        report.deletedSegments += await log.applyRetention();
        report.cleanedSegments += (await cleanLog(log)).cleanedSegments;
      } catch (error) {
        this.opts.onEvent?.({ type: 'maintenance-error', topic: log.topic, partition: log.partition, error });
      }
    }
    return report;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.maintenance?.catch(() => {});
    await Promise.all([...this.opening.values()].map((p) => p.catch(() => {})));
    let healthy = true;
    for (const log of this.logs.values()) {
      await log.close();
      healthy &&= log.isHealthy;
    }
    this.logs.clear();
    if (healthy) {
      await writeFile(join(this.opts.dataDir, CLEAN_SHUTDOWN_FILE), '', { flush: true });
      await fsyncDir(this.opts.dataDir);
    }
  }
}
