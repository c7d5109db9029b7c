// The file engine's LogManager: one directory per partition under dataDir, a clean-shutdown
// marker, a retention timer (log.retention.check.interval.ms) and the cleaner's timer
// (log.cleaner.backoff.ms) that compacts the logs whose dirty ratio or compaction lag asks for it.
import { access, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CleanerSchedule, LogConfig } from '../config.js';
import { StorageError } from '../errors.js';
import type { LogManager, MaintenanceReport, TopicPartition } from '../types.js';
import { cleanLog, needsCleaning } from './cleaner.js';
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
  /** Period of retention (log.retention.check.interval.ms); 0 disables the timer (call runMaintenance yourself). */
  maintenanceIntervalMs?: number;
  /** The cleaner's schedule; absent: enabled, every 15 s. */
  cleaner?: CleanerSchedule;
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
  private cleanerTimer: NodeJS.Timeout | null = null;
  private cleaner: CleanerSchedule;
  /** Per log: the first offset not yet compacted (what min.cleanable.dirty.ratio measures from). */
  private readonly firstDirty = new Map<string, bigint>();
  private maintenance: Promise<MaintenanceReport> | null = null;
  private closed = false;

  private constructor(opts: FileLogManagerOptions, cleanStart: boolean) {
    this.opts = opts;
    this.io = opts.io ?? nodeFileIo;
    this.clock = opts.clock ?? Date.now;
    this.cleanStart = cleanStart;
    this.cleaner = { ...(opts.cleaner ?? { enabled: true, backoffMs: 15_000 }) };
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
      mgr.timer = setInterval(() => void mgr.runMaintenance({ clean: false }).catch(() => {}), every);
      mgr.timer.unref();
    }
    mgr.armCleaner();
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
    this.firstDirty.delete(k);
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

  /** Changes the cleaner's schedule (a dynamic log.cleaner.enable / log.cleaner.backoff.ms); the next pass follows it. */
  configureCleaner(schedule: CleanerSchedule): void {
    this.cleaner = { ...schedule };
    this.armCleaner();
  }

  private armCleaner(): void {
    if (this.cleanerTimer) clearTimeout(this.cleanerTimer);
    this.cleanerTimer = null;
    if (this.closed || !this.cleaner.enabled || this.cleaner.backoffMs <= 0) return;
    this.cleanerTimer = setTimeout(() => {
      this.cleanerTimer = null;
      // A pass already running (retention or an explicit runMaintenance) delays this one by a backoff.
      const run = this.maintenance === null ? this.runExclusive(() => this.maintain({ retention: false, clean: 'when-dirty' })) : Promise.resolve();
      void run.catch(() => {}).finally(() => {
        if (this.cleanerTimer === null) this.armCleaner();
      });
    }, this.cleaner.backoffMs);
    this.cleanerTimer.unref();
  }

  /**
   * Retention then compaction for every open log; one run at a time. Called without options (the
   * caller asks for it now) it compacts every compacted log whatever its dirty ratio; the retention
   * timer passes `clean: false` and leaves compaction to the cleaner's timer.
   */
  runMaintenance(opts: { clean?: boolean } = {}): Promise<MaintenanceReport> {
    return this.runExclusive(() => this.maintain({ retention: true, clean: opts.clean === false ? 'no' : 'always' }));
  }

  private runExclusive(fn: () => Promise<MaintenanceReport>): Promise<MaintenanceReport> {
    this.maintenance ??= fn().finally(() => {
      this.maintenance = null;
    });
    return this.maintenance;
  }

  private async maintain(what: { retention: boolean; clean: 'no' | 'always' | 'when-dirty' }): Promise<MaintenanceReport> {
    const report: MaintenanceReport = { deletedSegments: 0, cleanedSegments: 0 };
    for (const log of [...this.logs.values()]) {
      const k = key(log);
      try {
        if (what.retention) report.deletedSegments += await log.applyRetention();
        if (what.clean === 'no' || (what.clean === 'when-dirty' && !needsCleaning(log, this.firstDirty.get(k) ?? -1n))) continue;
        const r = await cleanLog(log);
        report.cleanedSegments += r.cleanedSegments;
        if (r.cleanedUpTo >= 0n) this.firstDirty.set(k, r.cleanedUpTo);
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
    if (this.cleanerTimer) clearTimeout(this.cleanerTimer);
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
