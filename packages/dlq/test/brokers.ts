// Test helper (not a test file): runs a scenario against a fresh Tideline broker and against one
// Apache Kafka broker shared by the test file. Under CI a missing Apache Kafka fails the test.
import { startBroker } from '@tideline/broker';
import { brokerMatrix } from '@tideline/interop';
import { Consumer, type ConsumerRecord } from '@tideline/client';

export type { BrokerKind, TestBroker } from '@tideline/interop';
export const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-dlq-',
  startTideline: (dataDir) => startBroker({ dataDir, port: 0 }),
});

/** Reads `count` records from every partition of a topic (from the start) or fails after `timeoutMs`. */
export async function consumeN(bootstrap: string, topic: string, partitions: number, count: number, opts: { timeoutMs?: number; readCommitted?: boolean } = {}): Promise<ConsumerRecord[]> {
  const consumer = new Consumer({ bootstrap, maxWaitMs: 100, isolationLevel: opts.readCommitted === true ? 'read_committed' : 'read_uncommitted' });
  consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, offset: 'earliest' as const })));
  const out: ConsumerRecord[] = [];
  const timeoutMs = opts.timeoutMs ?? 30_000;
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

let runFailure: unknown = null;

/** Starts a consumer's run(); a failure makes the next waitFor fail at once (instead of timing out). */
export function started(c: { run(): Promise<void> }): Promise<void> {
  runFailure = null;
  const r = c.run();
  r.catch((e: unknown) => {
    runFailure = e;
  });
  return r;
}

/** Polls until `cond` holds or fails after `timeoutMs` (or when a run() started with `started` failed). */
export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (runFailure !== null) throw new Error(`run() failed while waiting for ${what}`, { cause: runFailure });
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
