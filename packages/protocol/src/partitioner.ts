// Producer-side partitioning, compatible with Kafka's Java client:
// - keyed records: toPositive(murmur2(key)) % numPartitions (org.apache.kafka.common.utils.Utils),
//   so a key lands on the same partition whichever client produced it;
// - null keys: the sticky partitioner of KIP-480 (Java's StickyPartitionCache): keep sending to one
//   partition until its batch is full or sent, then move to another random available partition.

const M = 0x5bd1e995;
const SEED = 0x9747b28c;

/** Kafka's murmur2 (32-bit, seed 0x9747b28c) as a signed int32, exactly as the Java client. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = (SEED ^ length) | 0;
  const length4 = length >>> 2;
  for (let i = 0; i < length4; i++) {
    const i4 = i << 2;
    let k = data[i4]! | (data[i4 + 1]! << 8) | (data[i4 + 2]! << 16) | (data[i4 + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  const tail = length & ~3;
  const rem = length & 3;
  if (rem === 3) h ^= data[tail + 2]! << 16;
  if (rem >= 2) h ^= data[tail + 1]! << 8;
  if (rem >= 1) {
    h ^= data[tail]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs). */
export const toPositive = (n: number): number => n & 0x7fffffff;

export function partitionForKey(key: Uint8Array, numPartitions: number): number {
  if (!Number.isInteger(numPartitions) || numPartitions <= 0) throw new RangeError(`invalid partition count ${numPartitions}`);
  return toPositive(murmur2(key)) % numPartitions;
}

/** Random source returning a float in [0, 1), like Math.random (injectable for tests). */
export type RandomSource = () => number;

/**
 * Sticky partitioning for records without a key (KIP-480). `partition()` returns the topic's
 * current sticky partition; the producer calls `onNewBatch()` with the partition whose batch just
 * filled up or was sent, which moves the topic to a different random available partition.
 * `available` lists the partitions that have a leader; when it is empty any partition may be used.
 */
export class StickyPartitioner {
  private readonly sticky = new Map<string, number>();
  private readonly random: RandomSource;

  constructor(random: RandomSource = Math.random) {
    this.random = random;
  }

  partition(topic: string, numPartitions: number, available?: readonly number[]): number {
    const current = this.sticky.get(topic);
    if (current !== undefined && current < numPartitions) return current;
    return this.next(topic, numPartitions, -1, available);
  }

  /** Called when the batch for `prevPartition` is full or was sent; returns the new sticky partition. */
  onNewBatch(topic: string, numPartitions: number, prevPartition: number, available?: readonly number[]): number {
    return this.next(topic, numPartitions, prevPartition, available);
  }

  /** Full partitioning decision: murmur2 for keyed records, sticky for null keys. */
  partitionFor(topic: string, key: Uint8Array | null | undefined, numPartitions: number, available?: readonly number[]): number {
    if (key !== null && key !== undefined) return partitionForKey(key, numPartitions);
    return this.partition(topic, numPartitions, available);
  }

  private randomInt(n: number): number {
    return Math.floor(this.random() * n) % n;
  }

  private next(topic: string, numPartitions: number, prevPartition: number, available?: readonly number[]): number {
    if (!Number.isInteger(numPartitions) || numPartitions <= 0) throw new RangeError(`invalid partition count ${numPartitions}`);
    const old = this.sticky.get(topic);
    // Only move when there is no sticky partition yet or the caller's batch was for the current one
    // (another batch may already have moved it).
    if (old !== undefined && old !== prevPartition && old < numPartitions) return old;
    const usable = available !== undefined && available.length > 0 ? available : undefined;
    let chosen: number;
    if (usable === undefined) {
      chosen = numPartitions === 1 || old === undefined ? this.randomInt(numPartitions) : this.other(numPartitions, old);
    } else if (usable.length === 1) {
      chosen = usable[0]!;
    } else {
      chosen = usable[this.randomInt(usable.length)]!;
      for (let tries = 0; chosen === old && tries < 64; tries++) chosen = usable[this.randomInt(usable.length)]!;
      if (chosen === old) chosen = usable[(usable.indexOf(old!) + 1) % usable.length]!;
    }
    this.sticky.set(topic, chosen);
    return chosen;
  }

  /** A random partition other than `old` among 0..n-1 (n >= 2). */
  private other(n: number, old: number): number {
    const r = this.randomInt(n - 1);
    return r >= old ? r + 1 : r;
  }
}
