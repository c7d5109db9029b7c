// Types shared by the engine: records between operators, the source record behind them, where
// outputs go, and the per-node view of a task.
import type { RecordHeader } from '@tideline/protocol';
import type { ManagedStore } from './stores.js';

export type { RecordHeader };

/** A record flowing between operators: event-time timestamp in milliseconds. */
export interface StreamRecord<K, V> {
  key: K;
  value: V;
  timestamp: number;
  headers: RecordHeader[];
}

/** A record as read from a topic partition. */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: bigint;
  /** The record's own timestamp (ms). */
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

/** A record to write; partition unset means by key (murmur2) as the Java client. */
export interface OutputRecord {
  topic: string;
  partition?: number;
  key: Buffer | null;
  value: Buffer | null;
  timestamp: number;
  headers: RecordHeader[];
}

export type Collector = (record: OutputRecord) => void;

/** What an operator reports about a late record. */
export interface LateInfo {
  watermark: number;
  windowStart: number;
  windowEnd: number;
  /** The record's event time. */
  timestamp: number;
}

/** A late record handed to a callback (lateData: function). */
export interface LateRecord extends LateInfo {
  source: RawRecord;
  /** How far behind the watermark the record is (watermark - timestamp). */
  lateByMs: number;
  operator: string;
}

/** The task as an operator instance sees it. */
export interface NodeContext {
  readonly taskId: string;
  readonly partition: number;
  forward(record: StreamRecord<unknown, unknown>): void;
  store(name: string): ManagedStore;
  send(record: OutputRecord): void;
  /** Resolves a topology-relative internal topic name (`<app>-<name>`). */
  topic(name: string, internal: boolean): string;
  watermark(): number;
  now(): number;
  source(): RawRecord | null;
  late(operator: string, info: LateInfo): void;
  /** Windows closed by the watermark (counted for metrics). */
  windowsClosed(count: number): void;
}

export interface NodeRuntime {
  process(record: StreamRecord<unknown, unknown>): void;
  /** Called when the task's watermark advanced. */
  onWatermark?(watermark: number): void;
  /** Called on every wall-clock tick. */
  onWallClock?(now: number): void;
}
