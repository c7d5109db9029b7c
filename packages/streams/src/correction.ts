// Batch correction of windows that late records missed. The late-data DLQ names, for each late
// record, the closed windows it belonged to (tide.dlq.late.window.start.ms/end.ms); reaggregate()
// recomputes exactly those (key, window) results from the input records plus the late ones, as a
// batch job would; correctFromDlq() does it against a cluster and can write the corrected results.
import { Producer, type ConsumerRecord, type SecurityOptions } from '@tideline/client';
import { readToEnd } from '@tideline/dlq';
import { DLQ_LATE_WINDOW_END_MS, DLQ_LATE_WINDOW_START_MS, DLQ_ORIGINAL_OFFSET, DLQ_ORIGINAL_PARTITION, DLQ_ORIGINAL_TOPIC } from './dlq-headers.js';
import { Serdes, type Serde, type Windowed } from './serdes.js';
import type { TimestampExtractor } from './topology.js';
import type { RawRecord } from './types.js';
import type { TimeWindows } from './windows.js';

export interface CorrectionOptions<K, V, A> {
  windows: TimeWindows;
  keySerde: Serde<K>;
  valueSerde: Serde<V>;
  timestampExtractor?: TimestampExtractor<K, V>;
  init: () => A;
  add: (key: K, value: V, agg: A) => A;
}

export interface CorrectedWindow<K, A> {
  key: Windowed<K>;
  value: A;
}

const header = (r: RawRecord, name: string): string | undefined => r.headers.find((h) => h.key === name)?.value?.toString();

/**
 * Recomputes the windows the late records missed. `input` is the source topic's records (the
 * late ones may be among them: they are de-duplicated by original topic, partition and offset).
 */
export function reaggregate<K, V, A>(input: Iterable<RawRecord>, late: Iterable<RawRecord>, o: CorrectionOptions<K, V, A>): Array<CorrectedWindow<K, A>> {
  const ts = (r: RawRecord, key: K, value: V): number => (o.timestampExtractor === undefined ? r.timestamp : o.timestampExtractor({ key, value, topic: r.topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp }));
  const affected = new Map<string, { key: K; start: number; end: number; value: A }>();
  const id = (kb: Buffer | null, start: number): string => `${kb?.toString('base64') ?? ''}@${start}`;
  const seen = new Set<string>();
  const all: RawRecord[] = [];
  for (const r of late) {
    const from = Number(header(r, DLQ_LATE_WINDOW_START_MS));
    const to = Number(header(r, DLQ_LATE_WINDOW_END_MS));
    const origin = `${header(r, DLQ_ORIGINAL_TOPIC)}:${header(r, DLQ_ORIGINAL_PARTITION)}:${header(r, DLQ_ORIGINAL_OFFSET)}`;
    const key = o.keySerde.deserialize(r.key, r.topic);
    const value = o.valueSerde.deserialize(r.value, r.topic);
    for (const w of o.windows.windowsFor(ts(r, key, value))) {
      if (w.start >= from && w.end <= to) affected.set(id(r.key, w.start), { key, start: w.start, end: w.end, value: o.init() });
    }
    if (!seen.has(origin)) all.push(r);
    seen.add(origin);
  }
  for (const r of input) {
    const origin = `${r.topic}:${r.partition}:${r.offset}`;
    if (!seen.has(origin)) all.push(r);
    seen.add(origin);
  }
  for (const r of all) {
    const key = o.keySerde.deserialize(r.key, r.topic);
    const value = o.valueSerde.deserialize(r.value, r.topic);
    for (const w of o.windows.windowsFor(ts(r, key, value))) {
      const a = affected.get(id(r.key, w.start));
      if (a !== undefined) a.value = o.add(key, value, a.value);
    }
  }
  return [...affected.values()].sort((a, b) => a.start - b.start).map((a) => ({ key: { key: a.key, start: a.start, end: a.end }, value: a.value }));
}

export interface CorrectFromDlqOptions<K, V, A> extends CorrectionOptions<K, V, A> {
  bootstrap: string;
  /** TLS and SASL (see @tideline/client). */
  security?: SecurityOptions;
  dlqTopic: string;
  inputTopic: string;
  /** Writes the corrected results here (windowed JSON keys), if set. */
  to?: string;
  resultSerde?: Serde<A>;
}

const raw = (r: ConsumerRecord): RawRecord => ({ topic: r.topic, partition: r.partition, offset: r.offset, timestamp: Number(r.timestamp), key: r.key, value: r.value, headers: r.headers });

/** Reads the DLQ and the input topic to their ends, recomputes the affected windows, optionally writes them. */
export async function correctFromDlq<K, V, A>(o: CorrectFromDlqOptions<K, V, A>): Promise<Array<CorrectedWindow<K, A>>> {
  const late: RawRecord[] = [];
  const input: RawRecord[] = [];
  const cluster = { bootstrap: o.bootstrap, ...(o.security !== undefined ? { security: o.security } : {}) };
  await readToEnd(cluster, [o.dlqTopic], (r) => void late.push(raw(r)), { isolationLevel: 'read_committed' });
  await readToEnd(cluster, [o.inputTopic], (r) => void input.push(raw(r)), { isolationLevel: 'read_committed' });
  const out = reaggregate(input, late, o);
  if (o.to !== undefined && out.length > 0) {
    const to = o.to;
    const ks = Serdes.windowedJson<K>();
    const vs = o.resultSerde ?? Serdes.json<A>();
    const p = new Producer(cluster);
    try {
      await p.send({ topic: to, messages: out.map((c) => ({ key: ks.serialize(c.key, to), value: vs.serialize(c.value, to), timestamp: c.key.end - 1 })) });
    } finally {
      await p.close();
    }
  }
  return out;
}
