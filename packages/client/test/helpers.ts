// Test helpers (not a test file): reading a known number of records with a deadline.
import { Consumer, type ConsumerRecord, type ConsumerOptions } from '../src/index.js';

/** Reads `count` records from the given partitions (from the start) or fails after `timeoutMs`. */
export async function consumeN(opts: ConsumerOptions, topic: string, partitions: number[], count: number, timeoutMs = 20_000): Promise<ConsumerRecord[]> {
  const consumer = new Consumer(opts);
  consumer.assign(partitions.map((partition) => ({ topic, partition, offset: 'earliest' as const })));
  const out: ConsumerRecord[] = [];
  const timer = setTimeout(() => void consumer.close(), timeoutMs);
  try {
    if (count > 0) {
      for await (const r of consumer) {
        out.push(r);
        if (out.length >= count) break;
      }
    }
  } finally {
    clearTimeout(timer);
    await consumer.close();
  }
  if (out.length < count) throw new Error(`read ${out.length} of ${count} records from ${topic} within ${timeoutMs} ms`);
  return out;
}
