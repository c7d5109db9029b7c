// Watermarks. Per input partition: max event time seen - maxOutOfOrderness. A task's watermark is
// the minimum over its input partitions; a partition with no record for idleTimeoutMs (wall
// clock) stops holding it back; when every partition is idle the watermark is the maximum of the
// partitions' watermarks. With wallClockAdvanceMs, once no record has arrived on any partition
// for that long, the watermark moves forward at wall-clock speed (so windows close without new
// data). The task's watermark never goes back.
//
// Meaning: watermark W says every record with a timestamp below W is expected to have arrived.
// A time window [start, end) closes when W >= end + grace.

export interface WatermarkOptions {
  /** Default 0. */
  maxOutOfOrdernessMs?: number;
  /** Default: never idle. */
  idleTimeoutMs?: number;
  /** Default: off. */
  wallClockAdvanceMs?: number;
}

export interface PartitionWatermark {
  topic: string;
  partition: number;
  /** Max event time seen; null before the first record. */
  maxEventTime: number | null;
  /** maxEventTime - maxOutOfOrderness (-Infinity before the first record). */
  watermark: number;
  idle: boolean;
}

interface PartitionState {
  topic: string;
  partition: number;
  maxEventTime: number | null;
  lastArrival: number;
}

export const NO_WATERMARK = Number.NEGATIVE_INFINITY;

export class WatermarkTracker {
  private readonly parts = new Map<string, PartitionState>();
  private readonly ooo: number;
  private readonly idle: number;
  private readonly wallAdvance: number;
  private current = NO_WATERMARK;
  private lastAnyArrival: number;
  /** The partition observed last (records come in runs of one partition). */
  private last: PartitionState | null = null;

  constructor(inputs: ReadonlyArray<{ topic: string; partition: number }>, opts: WatermarkOptions, now: number) {
    this.ooo = opts.maxOutOfOrdernessMs ?? 0;
    this.idle = opts.idleTimeoutMs ?? Number.POSITIVE_INFINITY;
    this.wallAdvance = opts.wallClockAdvanceMs ?? Number.POSITIVE_INFINITY;
    this.lastAnyArrival = now;
    for (const i of inputs) this.parts.set(`${i.topic}:${i.partition}`, { topic: i.topic, partition: i.partition, maxEventTime: null, lastArrival: now });
  }

  /** Records an event time seen on a partition (does not recompute the task watermark). */
  observe(topic: string, partition: number, eventTime: number, now: number): void {
    let p = this.last;
    if (p === null || p.topic !== topic || p.partition !== partition) {
      p = this.parts.get(`${topic}:${partition}`) ?? null;
      if (p === null) throw new Error(`partition ${topic}:${partition} is not an input of this task`);
      this.last = p;
    }
    if (p.maxEventTime === null || eventTime > p.maxEventTime) p.maxEventTime = eventTime;
    p.lastArrival = now;
    this.lastAnyArrival = now;
  }

  /** Restores a partition's max event time (from committed offset metadata). */
  restore(topic: string, partition: number, maxEventTime: number | null): void {
    const p = this.parts.get(`${topic}:${partition}`);
    if (p === undefined || maxEventTime === null) return;
    if (p.maxEventTime === null || maxEventTime > p.maxEventTime) p.maxEventTime = maxEventTime;
  }

  maxEventTime(topic: string, partition: number): number | null {
    return this.parts.get(`${topic}:${partition}`)?.maxEventTime ?? null;
  }

  /** Recomputes the task watermark at wall-clock `now`; returns it (monotonic). */
  update(now: number): number {
    let min = Number.POSITIVE_INFINITY;
    let max = NO_WATERMARK;
    let active = 0;
    for (const p of this.parts.values()) {
      const wm = p.maxEventTime === null ? NO_WATERMARK : p.maxEventTime - this.ooo;
      if (wm > max) max = wm;
      if (now - p.lastArrival >= this.idle) continue;
      active++;
      if (wm < min) min = wm;
    }
    let wm = active === 0 ? max : min;
    const quiet = now - this.lastAnyArrival - this.wallAdvance;
    if (quiet > 0 && Number.isFinite(wm)) wm += quiet;
    if (wm > this.current) this.current = wm;
    return this.current;
  }

  get watermark(): number {
    return this.current;
  }

  partitions(now: number): PartitionWatermark[] {
    return [...this.parts.values()].map((p) => ({
      topic: p.topic,
      partition: p.partition,
      maxEventTime: p.maxEventTime,
      watermark: p.maxEventTime === null ? NO_WATERMARK : p.maxEventTime - this.ooo,
      idle: now - p.lastArrival >= this.idle,
    }));
  }
}
