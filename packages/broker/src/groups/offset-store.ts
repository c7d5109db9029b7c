// Committed offsets and group records: an in-memory view of `__consumer_offsets`, written through
// with acks=-1 durability (a commit is answered only after its record is fdatasync'ed) and rebuilt
// from the topic when the broker starts. The topic is compacted, so it holds one record per key.
// Transactional offset commits (TxnOffsetCommit) are written as a transactional batch of the
// producer and stay pending until its commit marker (then applied) or abort marker (dropped).
import { Attr, decodeBatches, encodeBatch, parseControlRecord, type RecordInput } from '@tideline/protocol';
import { BrokerError } from '../errors.js';
import { batchIdentityAt } from '../producer-state.js';
import type { PartitionHandle, TopicManager } from '../topics.js';
import type { Purgatory } from '../purgatory.js';
import { CONSUMER_OFFSETS_TOPIC } from '../topic-names.js';
import { readForLoad, type SkippedOffset } from '../log-load.js';
import {
  decodeGroupValue, decodeKey, decodeOffsetValue, encodeGroupKey, encodeGroupValue, encodeOffsetKey, encodeOffsetValue,
  offsetsPartitionFor, type CommittedOffset, type GroupRecord,
} from './offsets-format.js';

export type { CommittedOffset, GroupRecord } from './offsets-format.js';

export interface TopicPartitionOffset {
  topic: string;
  partition: number;
  /** null deletes the committed offset (a tombstone). */
  value: CommittedOffset | null;
}

/** group -> topic -> partition -> offset */
type GroupOffsets = Map<string, Map<number, CommittedOffset>>;

export interface LoadedState {
  groups: Map<string, GroupRecord>;
  records: number;
  /** Offsets of batches that failed validation and were skipped. */
  corrupt: Array<{ partition: number } & SkippedOffset>;
}

/** Pending transactional offsets: producer id -> group -> "topic\0partition" -> entry. */
type PendingTxnOffsets = Map<bigint, Map<string, Map<string, TopicPartitionOffset>>>;

export class OffsetStore {
  private readonly offsets = new Map<string, GroupOffsets>();
  private readonly pendingTxn: PendingTxnOffsets = new Map();
  private creating: Promise<void> | null = null;
  /** Called with every offset that takes effect (a commit, or a transaction's offsets at its commit); set by the metrics. */
  onCommit: ((group: string, topic: string, partition: number, value: CommittedOffset) => void) | null = null;

  constructor(
    private readonly topics: TopicManager,
    private readonly waiters: Purgatory,
    /** Partition count when the topic is created. */
    private readonly partitions: number,
  ) {}

  /**
   * Creates `__consumer_offsets` (compacted, internal) when it does not exist yet. Like Kafka, the
   * topic appears with the first write, so a broker that never sees a group has no such topic.
   */
  ensureTopic(): Promise<void> {
    if (this.topics.get(CONSUMER_OFFSETS_TOPIC) !== undefined) return Promise.resolve();
    this.creating ??= this.topics.create(CONSUMER_OFFSETS_TOPIC, {
      partitions: this.partitions,
      configs: { 'cleanup.policy': 'compact', 'segment.bytes': String(100 * 1024 * 1024) },
    }).then(() => undefined).finally(() => { this.creating = null; });
    return this.creating;
  }

  /** Rebuilds offsets and returns the group records, reading every partition of the topic once. */
  async load(): Promise<LoadedState> {
    const info = this.topics.get(CONSUMER_OFFSETS_TOPIC);
    const groups = new Map<string, GroupRecord>();
    let records = 0;
    const corrupt: LoadedState['corrupt'] = [];
    if (info === undefined) return { groups, records, corrupt };
    for (let p = 0; p < info.partitions; p++) {
      const log = this.topics.partitionLog(CONSUMER_OFFSETS_TOPIC, p);
      if (log === undefined) continue;
      const skipped: SkippedOffset[] = [];
      for await (const chunk of readForLoad(log, log.logStartOffset, log.logEndOffset, 8 * 1024 * 1024, skipped)) {
        for (const batch of decodeBatches(chunk)) {
          const attrs = batch.header.attributes;
          const pid = batch.header.producerId;
          if ((attrs & Attr.control) !== 0) {
            const rec = batch.records[0];
            const marker = rec === undefined ? undefined : parseControlRecord(rec);
            if (marker !== undefined && marker.type !== 'other') this.completePending(pid, marker.type === 'commit', p, info.partitions);
          }
          for (const rec of batch.records) {
            records++;
            if (rec.key === null || (attrs & Attr.control) !== 0) continue;
            const key = decodeKey(rec.key);
            if (key === undefined) continue;
            if (key.kind === 'offset') {
              const e = { topic: key.topic, partition: key.partition, value: rec.value === null ? null : decodeOffsetValue(rec.value) };
              if ((attrs & Attr.transactional) !== 0) this.addPending(pid, key.group, e);
              else this.apply(key.group, e);
            } else if (rec.value === null) {
              groups.delete(key.group);
            } else {
              const g = decodeGroupValue(rec.value);
              if (g !== undefined) groups.set(key.group, g);
            }
          }
        }
      }
      for (const x of skipped) corrupt.push({ partition: p, ...x });
    }
    return { groups, records, corrupt };
  }

  get(group: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.offsets.get(group)?.get(topic)?.get(partition);
  }

  /** Every committed offset of a group, topics sorted by name, partitions ascending. */
  list(group: string): Array<{ topic: string; partitions: Array<{ partition: number; value: CommittedOffset }> }> {
    const g = this.offsets.get(group);
    if (g === undefined) return [];
    return [...g.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([topic, ps]) => ({ topic, partitions: [...ps.entries()].sort(([a], [b]) => a - b).map(([partition, value]) => ({ partition, value })) }));
  }

  hasOffsets(group: string): boolean {
    return (this.offsets.get(group)?.size ?? 0) > 0;
  }

  /** Group ids that have committed offsets. */
  groupIds(): string[] {
    return [...this.offsets.keys()];
  }

  /** Writes offsets (and tombstones) durably, then makes them visible. */
  async write(group: string, entries: readonly TopicPartitionOffset[]): Promise<void> {
    if (entries.length === 0) return;
    const records: RecordInput[] = entries.map((e) => ({
      key: encodeOffsetKey(group, e.topic, e.partition),
      value: e.value === null ? null : encodeOffsetValue(e.value),
    }));
    await this.append(group, records);
    for (const e of entries) this.apply(group, e);
  }

  /**
   * TxnOffsetCommit: writes offsets as a transactional batch of the producer (epoch-checked by the
   * partition's producer state). They stay pending, invisible to OffsetFetch, until completeTxn.
   */
  async writeTxn(group: string, producerId: bigint, producerEpoch: number, entries: readonly TopicPartitionOffset[], now: number): Promise<void> {
    if (entries.length === 0) return;
    await this.ensureTopic();
    const p = this.partitionFor(group);
    const batch = encodeBatch({
      transactional: true, producerId, producerEpoch, baseSequence: -1,
      records: entries.map((e) => ({ key: encodeOffsetKey(group, e.topic, e.partition), value: e.value === null ? null : encodeOffsetValue(e.value) })),
    });
    // Producer-state check and append with no await in between (see producer-state.ts).
    const check = p.producers.check([batchIdentityAt(batch, 0)], now, { nextOffset: p.log.logEndOffset, origin: 'coordinator' });
    if (check.kind === 'error') throw new BrokerError(check.error, check.message);
    if (check.kind === 'duplicate') return;
    const appended = p.log.append(batch, { durable: true });
    check.apply(appended);
    const added = entries.map((e) => this.addPending(producerId, group, e));
    try {
      const r = await appended;
      this.waiters.afterAppend(p, r.lastOffset);
    } catch (err) {
      for (const undo of added) undo();
      throw err;
    }
  }

  /**
   * The end marker of `producerId` is durable on offsets partition `partition`: its pending offsets
   * for groups of that partition become committed offsets (commit) or are dropped (abort).
   */
  completeTxn(producerId: bigint, partition: number, commit: boolean): void {
    const info = this.topics.get(CONSUMER_OFFSETS_TOPIC);
    if (info !== undefined) this.completePending(producerId, commit, partition, info.partitions);
  }

  /** Whether a transaction holds an uncommitted offset for this partition (OffsetFetch requireStable). */
  hasPendingTxn(group: string, topic: string, partition: number): boolean {
    const key = `${topic}\u0000${partition}`;
    for (const byGroup of this.pendingTxn.values()) if (byGroup.get(group)?.has(key) === true) return true;
    return false;
  }

  private addPending(producerId: bigint, group: string, e: TopicPartitionOffset): () => void {
    let byGroup = this.pendingTxn.get(producerId);
    if (byGroup === undefined) this.pendingTxn.set(producerId, (byGroup = new Map()));
    let m = byGroup.get(group);
    if (m === undefined) byGroup.set(group, (m = new Map()));
    const key = `${e.topic}\u0000${e.partition}`;
    m.set(key, e);
    return () => {
      if (m.get(key) === e) m.delete(key);
    };
  }

  private completePending(producerId: bigint, commit: boolean, partition: number, partitions: number): void {
    const byGroup = this.pendingTxn.get(producerId);
    if (byGroup === undefined) return;
    for (const [group, m] of byGroup) {
      if (offsetsPartitionFor(group, partitions) !== partition) continue;
      if (commit) for (const e of m.values()) this.apply(group, e);
      byGroup.delete(group);
    }
    if (byGroup.size === 0) this.pendingTxn.delete(producerId);
  }

  /** Writes (or, with null, deletes) a group's record. */
  async writeGroup(group: string, value: GroupRecord | null): Promise<void> {
    await this.append(group, [{ key: encodeGroupKey(group), value: value === null ? null : encodeGroupValue(value) }]);
  }

  /** Tombstones every offset of the group and the group record. */
  async deleteGroup(group: string): Promise<void> {
    const entries: TopicPartitionOffset[] = [];
    for (const t of this.list(group)) for (const p of t.partitions) entries.push({ topic: t.topic, partition: p.partition, value: null });
    await this.write(group, entries);
    await this.writeGroup(group, null);
    this.offsets.delete(group);
  }

  private apply(group: string, e: TopicPartitionOffset): void {
    let g = this.offsets.get(group);
    if (e.value === null) {
      const t = g?.get(e.topic);
      t?.delete(e.partition);
      if (t !== undefined && t.size === 0) g!.delete(e.topic);
      if (g !== undefined && g.size === 0) this.offsets.delete(group);
      return;
    }
    if (g === undefined) {
      g = new Map();
      this.offsets.set(group, g);
    }
    let t = g.get(e.topic);
    if (t === undefined) {
      t = new Map();
      g.set(e.topic, t);
    }
    t.set(e.partition, e.value);
    this.onCommit?.(group, e.topic, e.partition, e.value);
  }

  private partitionFor(group: string): PartitionHandle {
    const info = this.topics.get(CONSUMER_OFFSETS_TOPIC);
    const p = info === undefined ? undefined : this.topics.partition(CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor(group, info.partitions));
    if (p === undefined) throw new Error(`${CONSUMER_OFFSETS_TOPIC} does not exist`);
    return p;
  }

  private async append(group: string, records: RecordInput[]): Promise<void> {
    await this.ensureTopic();
    const p = this.partitionFor(group);
    const r = await p.log.append(encodeBatch({ records }), { durable: true });
    this.waiters.afterAppend(p, r.lastOffset);
  }
}
