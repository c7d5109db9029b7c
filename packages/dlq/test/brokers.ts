// Test helper (not a test file): runs a scenario against a fresh Tideline broker and against one
// Apache Kafka broker shared by the test file. Under CI a missing Apache Kafka fails the test.
import { after, test, type TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { startApacheKafka, toolOrSkip, type ApacheKafka } from '@tideline/interop';
import { Consumer, type ConsumerRecord } from '@tideline/client';

export type BrokerKind = 'tideline' | 'apache';

export interface TestBroker {
  kind: BrokerKind;
  bootstrap: string;
}

let apache: Promise<ApacheKafka> | null = null;
let registered = false;

/** Call at the top level of a test file that uses Apache Kafka, so its `after` hook is registered early. */
export function useApacheKafka(): void {
  if (registered) return;
  registered = true;
  after(async () => {
    if (apache !== null) await (await apache.catch(() => null))?.stop();
  });
}

let seq = 0;
export const uniqueTopic = (prefix: string): string => `${prefix}-${process.pid}-${++seq}-${Date.now() % 100000}`;

/** Registers `title [tideline]` and `title [apache]`. */
export function bothBrokers(title: string, opts: { timeout?: number; only?: BrokerKind }, fn: (b: TestBroker, t: TestContext) => Promise<void>): void {
  const kinds: BrokerKind[] = opts.only === undefined ? ['tideline', 'apache'] : [opts.only];
  for (const kind of kinds) {
    test(`${title} [${kind}]`, { timeout: opts.timeout ?? 120_000 }, async (t) => {
      if (kind === 'tideline') {
        const dir = mkdtempSync(join(tmpdir(), 'tideline-dlq-'));
        const b = await startBroker({ dataDir: dir, port: 0 });
        try {
          await fn({ kind, bootstrap: b.bootstrap }, t);
        } finally {
          await b.close();
          rmSync(dir, { recursive: true, force: true });
        }
        return;
      }
      if (!toolOrSkip(t, 'apache-kafka')) return;
      useApacheKafka();
      apache ??= startApacheKafka();
      const k = await apache;
      await fn({ kind, bootstrap: k.bootstrap }, t);
    });
  }
}

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
