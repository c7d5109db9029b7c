// Running one scenario against a fresh Tideline broker and against Apache Kafka. The Apache broker
// is shared by a test file's tests (started on first use, stopped in an `after` hook); Tideline is
// started per test through the factory the caller passes (interop does not depend on the broker).
import { after, test, type TestContext } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApacheKafka, type ApacheKafka } from './apache-kafka.js';
import { toolOrSkip } from './tools.js';

export type BrokerKind = 'tideline' | 'apache';

export interface TestBroker {
  kind: BrokerKind;
  bootstrap: string;
}

export interface BrokerMatrixOptions {
  /** Starts Tideline on a free port with its data in `dataDir`. */
  startTideline(dataDir: string): Promise<{ bootstrap: string; close(): Promise<void> }>;
  /** Prefix of the per-test temporary data directory. */
  tmpPrefix: string;
  /** Extra server.properties for the file's Apache Kafka broker (e.g. a lower group.min.session.timeout.ms). */
  apacheConfig?: Record<string, string | number | boolean>;
}

export interface BrokerMatrix {
  /** Registers `title [tideline]` and `title [apache]` (or only `opts.only`). */
  bothBrokers(title: string, opts: { timeout?: number; only?: BrokerKind }, fn: (b: TestBroker, t: TestContext) => Promise<void>): void;
  /** Call at the top level of a test file that uses Apache Kafka, so its `after` hook is registered early. */
  useApacheKafka(): void;
  /** A topic name unique within the process (the Apache broker is shared by a file's tests). */
  uniqueTopic(prefix: string): string;
}

export function brokerMatrix(opts: BrokerMatrixOptions): BrokerMatrix {
  let apache: Promise<ApacheKafka> | null = null;
  let registered = false;
  let seq = 0;
  const useApacheKafka = (): void => {
    if (registered) return;
    registered = true;
    after(async () => {
      if (apache !== null) await (await apache.catch(() => null))?.stop();
    });
  };
  return {
    useApacheKafka,
    uniqueTopic: (prefix) => `${prefix}-${process.pid}-${++seq}-${Date.now() % 100000}`,
    bothBrokers(title, o, fn) {
      const kinds: BrokerKind[] = o.only === undefined ? ['tideline', 'apache'] : [o.only];
      for (const kind of kinds) {
        test(`${title} [${kind}]`, { timeout: o.timeout ?? 120_000 }, async (t) => {
          if (kind === 'tideline') {
            const dir = mkdtempSync(join(tmpdir(), opts.tmpPrefix));
            const b = await opts.startTideline(dir);
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
          apache ??= startApacheKafka(opts.apacheConfig === undefined ? {} : { config: opts.apacheConfig });
          const k = await apache;
          await fn({ kind, bootstrap: k.bootstrap }, t);
        });
      }
    },
  };
}
