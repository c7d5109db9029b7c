// Log start offsets and high watermarks of partitions (two ListOffsets rounds), keyed `topic/partition`.
import type { Admin, TopicPartition } from '@tideline/client';

export interface Watermarks {
  start: bigint;
  end: bigint;
}

export const tpKey = (tp: TopicPartition): string => `${tp.topic}/${tp.partition}`;

export async function watermarks(admin: Admin, parts: readonly TopicPartition[]): Promise<Map<string, Watermarks>> {
  const out = new Map<string, Watermarks>();
  if (parts.length === 0) return out;
  const starts = await admin.listOffsets(parts.map((p) => ({ topic: p.topic, partition: p.partition, spec: 'earliest' as const })));
  const ends = await admin.listOffsets(parts.map((p) => ({ topic: p.topic, partition: p.partition, spec: 'latest' as const })));
  for (const s of starts) out.set(tpKey(s), { start: s.offset, end: -1n });
  for (const e of ends) {
    const w = out.get(tpKey(e));
    if (w !== undefined) w.end = e.offset;
  }
  return out;
}
