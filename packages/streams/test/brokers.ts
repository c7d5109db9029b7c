// Test helper (not a test file): runs a scenario against a fresh Tideline broker and against one
// Apache Kafka broker shared by the test file. Under CI a missing Apache Kafka fails the test.
import { after, test, type TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { startApacheKafka, toolOrSkip, type ApacheKafka } from '@tideline/interop';

export type BrokerKind = 'tideline' | 'apache';

export interface TestBroker {
  kind: BrokerKind;
  bootstrap: string;
}

let apache: Promise<ApacheKafka> | null = null;
let registered = false;

function sharedApache(): Promise<ApacheKafka> {
  if (!registered) {
    registered = true;
    after(async () => {
      if (apache !== null) await (await apache.catch(() => null))?.stop();
    });
  }
  apache ??= startApacheKafka();
  return apache;
}

/** Call at the top level of a test file that uses Apache Kafka, so its `after` hook is registered early. */
export function useApacheKafka(): void {
  if (!registered) {
    registered = true;
    after(async () => {
      if (apache !== null) await (await apache.catch(() => null))?.stop();
    });
  }
}

let topicSeq = 0;
/** A topic name unique within the process (the Apache broker is shared by a file's tests). */
export const uniqueTopic = (prefix: string): string => `${prefix}-${process.pid}-${++topicSeq}-${Date.now() % 100000}`;

/** Registers `title [tideline]` and `title [apache]`. */
export function bothBrokers(title: string, opts: { timeout?: number; only?: BrokerKind }, fn: (b: TestBroker, t: TestContext) => Promise<void>): void {
  const kinds: BrokerKind[] = opts.only === undefined ? ['tideline', 'apache'] : [opts.only];
  for (const kind of kinds) {
    test(`${title} [${kind}]`, { timeout: opts.timeout ?? 120_000 }, async (t) => {
      if (kind === 'tideline') {
        const dir = mkdtempSync(join(tmpdir(), 'tideline-streams-'));
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
      const k = await sharedApache();
      await fn({ kind, bootstrap: k.bootstrap }, t);
    });
  }
}
