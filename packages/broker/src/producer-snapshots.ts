// Rebuilding and keeping a partition's producer state across restarts, through storage's
// ProducerSnapshotStore (a snapshot written on clean shutdown) and AbortedTxnIndexStore (the
// aborted-transactions index, appended as aborts happen and rewritten at each load and save: after
// a crash, a log too large to replay whole still has the index of its older part).
import type { AbortedTxnIndexStore, PartitionLog, ProducerSnapshotStore } from '@tideline/storage';
import { readForLoad } from './log-load.js';
import type { Logger } from './logger.js';
import { PartitionProducers } from './producer-state.js';

/** Bytes read per step while replaying a log into producer state. */
const REPLAY_CHUNK = 4 * 1024 * 1024;
/** Without a snapshot, logs larger than this are replayed from a time-based start only. */
const FULL_REPLAY_MAX_BYTES = 256 * 1024 * 1024;

export interface ProducerStateStores {
  producerSnapshots: ProducerSnapshotStore;
  abortedTxns: AbortedTxnIndexStore;
}

export class ProducerSnapshots {
  constructor(
    private readonly stores: ProducerStateStores,
    private readonly log?: Logger,
    /** Without a snapshot, logs larger than this are replayed from a time-based start only. */
    private readonly fullReplayMaxBytes = FULL_REPLAY_MAX_BYTES,
  ) {}

  /** Appends each new abort to the index (not synced: a lost entry is recent, hence replayed). */
  private persistAborts(topicId: string, partition: number, state: PartitionProducers): void {
    state.onAborted = (a) => {
      this.stores.abortedTxns.appendAborted(topicId, partition, [String(a.producerId), String(a.firstOffset), String(a.lastOffset)]).catch((err: unknown) => {
        this.log?.warn({ err, topicId, partition }, 'aborted-transaction index not appended');
      });
    };
  }

  /**
   * Rebuilds a partition's producer state: loads its snapshot when it still matches the log, then
   * replays the batch headers written after it (all of them after a crash without a snapshot).
   */
  async load(topicId: string, partition: number, log: PartitionLog, now: number, windowMs: number): Promise<PartitionProducers> {
    let state = new PartitionProducers();
    let from = log.logStartOffset;
    // The store drops the snapshot as it hands it over (used once); an unreadable one is null and
    // the log is replayed instead.
    const snap = await this.stores.producerSnapshots.takeSnapshot(topicId, partition);
    if (snap !== null && snap.offset <= log.logEndOffset && snap.offset >= log.logStartOffset) {
      try {
        state.loadSnapshot(snap.producers, snap.aborted);
        from = snap.offset;
      } catch {
        state = new PartitionProducers(); // malformed entries: replay the whole log instead
      }
    } else if (log.sizeInBytes > this.fullReplayMaxBytes) {
      const t = await log.offsetForTimestamp(BigInt(now - windowMs)).catch(() => null);
      if (t !== null && t.offset > from) from = t.offset;
    }
    // Aborts below the replay start come from the index (the replay finds the others).
    for (const [pid, first, last] of await this.stores.abortedTxns.readAborted(topicId, partition)) {
      const a = { producerId: BigInt(pid), firstOffset: BigInt(first), lastOffset: BigInt(last) };
      if (a.lastOffset < from && a.lastOffset >= log.logStartOffset) state.addAborted(a);
    }
    // Corrupt batches (possible only in data a clean shutdown did not rescan) are skipped here;
    // a Fetch there answers KAFKA_STORAGE_ERROR.
    for await (const chunk of readForLoad(log, from, log.logEndOffset, REPLAY_CHUNK, [])) state.replay(chunk, now);
    await this.stores.abortedTxns.writeAborted(topicId, partition, state.abortedSnapshot());
    this.persistAborts(topicId, partition, state);
    return state;
  }

  async save(topicId: string, partition: number, log: PartitionLog, state: PartitionProducers): Promise<void> {
    const aborted = state.abortedSnapshot();
    await this.stores.producerSnapshots.saveSnapshot(topicId, partition, { offset: log.logEndOffset, producers: state.toSnapshot(), aborted });
    await this.stores.abortedTxns.writeAborted(topicId, partition, aborted);
  }

  async remove(topicId: string, partition: number): Promise<void> {
    await this.stores.producerSnapshots.deleteSnapshot(topicId, partition);
    await this.stores.abortedTxns.deleteAborted(topicId, partition);
  }
}
