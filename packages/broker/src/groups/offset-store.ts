// Committed offsets and group records: an in-memory view of `__consumer_offsets`, written through
// with acks=-1 durability (a commit is answered only after its record is fdatasync'ed) and rebuilt
// from the topic when the broker starts. The topic is compacted, so it holds one record per key.
import { decodeBatches, encodeBatch, type RecordInput } from '@tideline/protocol';
import type { PartitionHandle, TopicManager } from '../topics.js';
import type { Purgatory } from '../purgatory.js';
import { CONSUMER_OFFSETS_TOPIC } from '../topic-names.js';
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
}

export class OffsetStore {
  private readonly offsets = new Map<string, GroupOffsets>();
  private creating: Promise<void> | null = null;

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
    if (info === undefined) return { groups, records };
    for (let p = 0; p < info.partitions; p++) {
      const log = this.topics.partitionLog(CONSUMER_OFFSETS_TOPIC, p);
      if (log === undefined) continue;
      let next = log.logStartOffset;
      const end = log.logEndOffset;
      while (next < end) {
        const r = await log.read(next, 8 * 1024 * 1024, { maxOffset: end });
        if (r.records.length === 0) break;
        for (const batch of decodeBatches(r.records)) {
          for (const rec of batch.records) {
            records++;
            next = rec.offset + 1n;
            if (rec.key === null) continue;
            const key = decodeKey(rec.key);
            if (key === undefined) continue;
            if (key.kind === 'offset') {
              this.apply(key.group, { topic: key.topic, partition: key.partition, value: rec.value === null ? null : decodeOffsetValue(rec.value) });
            } else if (rec.value === null) {
              groups.delete(key.group);
            } else {
              const g = decodeGroupValue(rec.value);
              if (g !== undefined) groups.set(key.group, g);
            }
          }
          const last = batch.header.baseOffset + BigInt(batch.header.lastOffsetDelta) + 1n;
          if (last > next) next = last;
        }
      }
    }
    return { groups, records };
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
