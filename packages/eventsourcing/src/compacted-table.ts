// A compacted topic read into memory and kept current: the latest value per key (tombstones
// delete). Snapshots and crypto-shredding keys live in such topics. Reads are local (a Map
// lookup); writes go to the topic and into the map once acknowledged. Each key remembers the
// offset of the value it holds, so the tailing reader never puts an older value over a newer write.
import { Admin, Consumer, Producer, type ClusterOptions } from '@tideline/client';

export interface CompactedTableOptions extends ClusterOptions {
  topic: string;
  /** Partitions when the topic is created here. Default 1. */
  partitions?: number;
  replicationFactor?: number;
  /** Extra topic configs when created here (cleanup.policy=compact is always set). */
  topicConfigs?: Record<string, string>;
}

interface Entry {
  value: Buffer;
  partition: number;
  offset: bigint;
}

export class CompactedTable {
  private readonly map = new Map<string, Entry>();
  /** Offsets of tombstones per key, so the tail does not resurrect a deleted key. */
  private readonly deleted = new Map<string, { partition: number; offset: bigint }>();
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  private tail: Promise<void> | null = null;
  private closed = false;
  private readonly positions = new Map<number, bigint>();
  private partitionIds: number[] = [];
  /** For catchUp (created on first use). */
  private admin: Admin | null = null;

  constructor(private readonly opts: CompactedTableOptions) {}

  get topic(): string {
    return this.opts.topic;
  }

  /** Creates the topic if missing, reads it to its end, then keeps tailing it. */
  async start(): Promise<void> {
    const { topic, partitions, replicationFactor, topicConfigs, ...cluster } = this.opts;
    const admin = new Admin(cluster);
    let ends: Array<{ partition: number; offset: bigint }>;
    try {
      await admin.createTopics([{ topic, numPartitions: partitions ?? 1, replicationFactor: replicationFactor ?? 1, configs: { ...topicConfigs, 'cleanup.policy': 'compact' } }], { ignoreExisting: true });
      const [d] = await admin.describeTopics([topic]);
      ends = await admin.listOffsets(d!.partitions.map((p) => ({ topic, partition: p.partition, spec: 'latest' as const })), { isolationLevel: 'read_committed' });
    } finally {
      await admin.close();
    }
    // close() during the reads above found no consumer or producer to close: create none.
    if (this.closed) return;
    this.partitionIds = ends.map((e) => e.partition);
    this.producer = new Producer({ ...cluster, lingerMs: 0 });
    const consumer = new Consumer({ ...cluster, maxWaitMs: 200, isolationLevel: 'read_committed' });
    this.consumer = consumer;
    consumer.assign(ends.map((e) => ({ topic, partition: e.partition, offset: 'earliest' as const })));
    const caughtUp = (): boolean => ends.every((e) => (this.positions.get(e.partition) ?? 0n) >= e.offset);
    let ready!: () => void;
    let failed!: (e: unknown) => void;
    const readyP = new Promise<void>((res, rej) => {
      ready = res;
      failed = rej;
    });
    if (caughtUp()) ready();
    this.tail = (async () => {
      try {
        for await (const b of consumer.batches()) {
          for (const r of b.records) this.applyRecord(r.key?.toString('utf8') ?? null, r.value, r.partition, r.offset);
          const last = b.records[b.records.length - 1];
          if (last !== undefined) this.positions.set(b.partition, last.offset + 1n);
          const pos = consumer.position({ topic, partition: b.partition });
          if (pos !== null && pos > (this.positions.get(b.partition) ?? 0n)) this.positions.set(b.partition, pos);
          if (caughtUp()) ready();
        }
        ready();
      } catch (e) {
        if (!this.closed) failed(e);
      }
    })();
    await readyP;
  }

  private applyRecord(key: string | null, value: Buffer | null, partition: number, offset: bigint): void {
    if (key === null) return;
    const cur = this.map.get(key);
    if (cur !== undefined && cur.partition === partition && cur.offset >= offset) return;
    const del = this.deleted.get(key);
    if (del !== undefined && del.partition === partition && del.offset >= offset) return;
    if (value === null) {
      this.map.delete(key);
      this.deleted.set(key, { partition, offset });
    } else {
      this.map.set(key, { value, partition, offset });
      this.deleted.delete(key);
    }
  }

  /** Waits until this copy has read every partition up to its current last stable offset. */
  async catchUp(timeoutMs = 30_000): Promise<void> {
    const { topic, partitions: _p, replicationFactor: _r, topicConfigs: _c, ...cluster } = this.opts;
    this.admin ??= new Admin(cluster);
    const ends = await this.admin.listOffsets(this.partitionIds.map((partition) => ({ topic, partition, spec: 'latest' as const })), { isolationLevel: 'read_committed' });
    const deadline = Date.now() + timeoutMs;
    const at = (partition: number): bigint => {
      const a = this.positions.get(partition) ?? 0n;
      const b = this.consumer?.position({ topic, partition }) ?? 0n;
      return a > b ? a : b;
    };
    while (!ends.every((e) => at(e.partition) >= e.offset)) {
      if (this.closed) throw new Error(`compacted table ${topic} is closed`);
      if (Date.now() > deadline) throw new Error(`compacted table ${topic} did not catch up in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  get(key: string): Buffer | undefined {
    return this.map.get(key)?.value;
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  get size(): number {
    return this.map.size;
  }

  /** Writes `value` (null: a tombstone) for `key`; the map holds it once the write is acknowledged. */
  async put(key: string, value: Buffer | null): Promise<void> {
    if (this.producer === null) throw new Error(`compacted table ${this.opts.topic} is not started`);
    const [md] = await this.producer.send({ topic: this.opts.topic, messages: [{ key, value }] });
    this.applyRecord(key, value, md!.partition, md!.offset);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.consumer?.close();
    await this.tail?.catch(() => undefined);
    await this.producer?.close();
    await this.admin?.close();
  }
}
