// Test helpers (not a test file): reading topics with a deadline, waiting for a condition.
import { Consumer, type ConsumerRecord } from '@tideline/client';

/** Reads `count` records from all `partitions` of `topic` (from the start) or fails after `timeoutMs`. */
export async function consumeN(bootstrap: string, topic: string, partitions: number[], count: number, opts: { timeoutMs?: number; readCommitted?: boolean } = {}): Promise<ConsumerRecord[]> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const consumer = new Consumer({ bootstrap, maxWaitMs: 200, isolationLevel: opts.readCommitted === true ? 'read_committed' : 'read_uncommitted' });
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

export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
