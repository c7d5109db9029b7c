// Poison-pill detection: a record whose processing kills the process (not a thrown error) is found
// by writing, before processing, which offsets are in flight to durable storage, and reading it
// back when a partition is assigned.
//
// Cheap hot path: normally one marker per fetched batch per partition ("range": offsets from..to
// are being processed). A range marker still there when a partition is assigned means the previous
// owner died inside that range: the partition goes careful, with one marker per record ("record":
// offset, crashes so far) until it is past the range. A crash in the range counts as one for every
// offset in it; each further crash on an offset adds one; at `maxCrashes` the record is dead-
// lettered with class `poison` and skipped. An orderly close or revocation writes "clean".
import { Producer, type ClusterOptions } from '@tideline/client';
import { readToEnd } from './read.js';

export type Marker =
  | { state: 'clean' }
  | { state: 'range'; from: string; to: string }
  | { state: 'record'; offset: string; crashes: number };

/** Durable storage for markers, keyed by group/topic/partition. */
export interface InflightStore {
  /** The last marker of each key (keys without one are absent). */
  load(keys: readonly string[]): Promise<Map<string, Marker>>;
  /** Resolves once the marker is durable. */
  put(key: string, marker: Marker): Promise<void>;
  close(): Promise<void>;
}

export const markerKey = (group: string, topic: string, partition: number): string => JSON.stringify([group, topic, partition]);

function parseMarker(v: Buffer | null): Marker | null {
  if (v === null) return null;
  try {
    const m = JSON.parse(v.toString('utf8')) as Marker;
    if (m.state === 'clean' || m.state === 'range' || m.state === 'record') return m;
  } catch {
    // not ours
  }
  return null;
}

/** Markers in a compacted Kafka topic (one partition is plenty: a marker per owned partition). */
export class KafkaInflightStore implements InflightStore {
  private readonly producer: Producer;
  constructor(private readonly cluster: ClusterOptions, readonly topic: string) {
    this.producer = new Producer({ ...cluster, lingerMs: 0, acks: 'all' });
  }

  async load(keys: readonly string[]): Promise<Map<string, Marker>> {
    const want = new Set(keys);
    const out = new Map<string, Marker>();
    await readToEnd(this.cluster, [this.topic], (r) => {
      const k = r.key?.toString('utf8');
      if (k === undefined || !want.has(k)) return;
      const m = parseMarker(r.value);
      if (m === null) out.delete(k);
      else out.set(k, m);
    });
    return out;
  }

  async put(key: string, marker: Marker): Promise<void> {
    await this.producer.send({ topic: this.topic, messages: [{ key, value: JSON.stringify(marker) }] });
  }

  async close(): Promise<void> {
    await this.producer.close();
  }
}

/** Markers in memory: for tests and for consumers that do not need crash detection across processes. */
export class MemoryInflightStore implements InflightStore {
  readonly markers = new Map<string, Marker>();
  async load(keys: readonly string[]): Promise<Map<string, Marker>> {
    const out = new Map<string, Marker>();
    for (const k of keys) {
      const m = this.markers.get(k);
      if (m !== undefined) out.set(k, m);
    }
    return out;
  }
  async put(key: string, marker: Marker): Promise<void> {
    this.markers.set(key, marker);
  }
  async close(): Promise<void> {}
}

/** What to do with a record on a careful partition. */
export type Verdict = { poison: false } | { poison: true; crashes: number };

/** The crash-tracking state of one partition. */
export class PartitionGuard {
  /** Careful until past this offset (null: not careful). */
  private carefulTo: bigint | null = null;
  private rangeFrom = 0n;
  private rangeTo = -1n;
  private recordOffset = -1n;
  private recordCrashes = 0;

  constructor(private readonly store: InflightStore, readonly key: string, readonly maxCrashes: number, previous: Marker | null) {
    if (previous?.state === 'range') {
      this.rangeFrom = BigInt(previous.from);
      this.rangeTo = BigInt(previous.to);
      this.carefulTo = this.rangeTo;
    } else if (previous?.state === 'record') {
      this.recordOffset = BigInt(previous.offset);
      this.recordCrashes = previous.crashes + 1;
      this.carefulTo = this.recordOffset;
    }
  }

  get careful(): boolean {
    return this.carefulTo !== null;
  }

  /** Crashes counted so far on this offset. */
  crashesAt(offset: bigint): number {
    if (offset === this.recordOffset) return this.recordCrashes;
    return offset >= this.rangeFrom && offset <= this.rangeTo ? 1 : 0;
  }

  /** Before processing records `from`..`to` of a fetched batch (not careful): one marker. */
  async beginRange(from: bigint, to: bigint): Promise<void> {
    await this.store.put(this.key, { state: 'range', from: from.toString(), to: to.toString() });
  }

  /**
   * Before processing one record while careful. Returns a poison verdict (the caller dead-letters
   * and skips the record) or writes the record's marker. Leaves careful mode past the suspect range;
   * `restTo` is the batch's last offset, for the range marker that takes over.
   */
  async beforeRecord(offset: bigint, restTo: bigint): Promise<Verdict> {
    if (this.carefulTo === null) return { poison: false };
    if (offset > this.carefulTo) {
      this.carefulTo = null;
      await this.beginRange(offset, restTo);
      return { poison: false };
    }
    const crashes = this.crashesAt(offset);
    if (crashes >= this.maxCrashes) return { poison: true, crashes };
    await this.store.put(this.key, { state: 'record', offset: offset.toString(), crashes });
    return { poison: false };
  }

  async clean(): Promise<void> {
    await this.store.put(this.key, { state: 'clean' });
  }
}
