// Reads whole topics up to their current end (the high watermark, or the last stable offset with
// read_committed) with a group-less consumer: the poison-pill marker topic, the replay ledger and
// dead-letter topics for inspection, depth and replay.
import { Admin, Consumer, type ClusterOptions, type ConsumerRecord, type TopicPartition } from '@tideline/client';

export interface ReadOptions {
  isolationLevel?: 'read_uncommitted' | 'read_committed';
  /** Only these partitions (default: all of each topic). */
  partitions?: readonly TopicPartition[];
  /** Start these partitions at these offsets instead of their start (e.g. a state store's checkpoint). */
  from?: ReadonlyArray<TopicPartition & { offset: bigint }>;
  timeoutMs?: number;
}

/** Partitions of these topics with their start and end offsets; missing topics are left out. */
export async function topicExtents(admin: Admin, topics: readonly string[], isolationLevel: 'read_uncommitted' | 'read_committed' = 'read_uncommitted'): Promise<Array<TopicPartition & { start: bigint; end: bigint }>> {
  const existing = new Set(await admin.listTopics({ includeInternal: false }));
  const present = topics.filter((t) => existing.has(t));
  if (present.length === 0) return [];
  const desc = await admin.describeTopics(present);
  const tps = desc.flatMap((d) => d.partitions.map((p) => ({ topic: d.name, partition: p.partition })));
  const [starts, ends] = await Promise.all([
    admin.listOffsets(tps.map((tp) => ({ ...tp, spec: 'earliest' as const }))),
    admin.listOffsets(tps.map((tp) => ({ ...tp, spec: 'latest' as const })), { isolationLevel }),
  ]);
  const find = (l: typeof starts, tp: TopicPartition): bigint => l.find((o) => o.topic === tp.topic && o.partition === tp.partition)?.offset ?? 0n;
  return tps.map((tp) => ({ ...tp, start: find(starts, tp), end: find(ends, tp) }));
}

const tick = (ms: number): Promise<'tick'> => new Promise((r) => setTimeout(() => r('tick'), ms).unref());

/** Calls `fn` for every record of the topics, from the start to the end as of the call. */
export async function readToEnd(cluster: ClusterOptions, topics: readonly string[], fn: (r: ConsumerRecord) => void | Promise<void>, opts: ReadOptions = {}): Promise<void> {
  const admin = new Admin(cluster);
  let extents: Array<TopicPartition & { start: bigint; end: bigint }>;
  try {
    extents = await topicExtents(admin, topics, opts.isolationLevel);
  } finally {
    await admin.close();
  }
  if (opts.partitions !== undefined) {
    const want = new Set(opts.partitions.map((p) => `${p.topic}\u0000${p.partition}`));
    extents = extents.filter((e) => want.has(`${e.topic}\u0000${e.partition}`));
  }
  if (opts.from !== undefined) {
    const from = new Map(opts.from.map((f) => [`${f.topic}\u0000${f.partition}`, f.offset]));
    extents = extents.map((e) => {
      const o = from.get(`${e.topic}\u0000${e.partition}`);
      return o !== undefined && o > e.start ? { ...e, start: o } : e;
    });
  }
  const todo = extents.filter((e) => e.end > e.start);
  if (todo.length === 0) return;
  const consumer = new Consumer({ ...cluster, isolationLevel: opts.isolationLevel ?? 'read_uncommitted', maxWaitMs: 100 });
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  try {
    consumer.assign(todo.map((e) => ({ topic: e.topic, partition: e.partition, offset: e.start })));
    const done = (): boolean => todo.every((e) => (consumer.position(e) ?? -1n) >= e.end);
    const it = consumer[Symbol.asyncIterator]();
    let pending: ReturnType<typeof it.next> | null = null;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`reading ${topics.join(', ')} to the end took more than ${opts.timeoutMs ?? 60_000} ms`);
      pending ??= it.next();
      const got = await Promise.race([pending, tick(100)]);
      if (got === 'tick') continue;
      pending = null;
      if (got.done === true) break;
      const r = got.value;
      const e = todo.find((x) => x.topic === r.topic && x.partition === r.partition);
      if (e !== undefined && r.offset < e.end) await fn(r);
    }
  } finally {
    await consumer.close();
  }
}
