// Test helper (not a test file) for the read side: PostgreSQL schemas unique per test, and the
// bank events written in the event record format (as the store's owner writes them).
import type { TestContext } from 'node:test';
import { Producer } from '@tideline/client';
import { isCI } from '@tideline/interop';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { DEFAULT_LIMITS, encodeGlobalPosition, jsonSerde } from '../src/index.js';
import { encodeEvents } from '../src/codec.js';

export const PG_URL = process.env.TIDELINE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let seq = 0;
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${++seq}_${Date.now() % 100000}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}

export interface BankEvent {
  stream: string;
  type: 'Deposited' | 'Withdrawn';
  amount: number;
  id: string;
}

/** `n` deposits and withdrawals over `streams` accounts, with stream versions from 1. */
export function bankEvents(n: number, streams: number, startVersions = new Map<string, bigint>()): Array<BankEvent & { version: bigint }> {
  const out: Array<BankEvent & { version: bigint }> = [];
  for (let i = 0; i < n; i++) {
    const stream = `account-${i % streams}`;
    const version = (startVersions.get(stream) ?? 0n) + 1n;
    startVersions.set(stream, version);
    out.push({ stream, type: i % 3 === 2 ? 'Withdrawn' : 'Deposited', amount: 1 + (i % 17), id: randomUUID(), version });
  }
  return out;
}

/** Writes events in the record format, `perTxn` per Kafka transaction (as the store's owner does). */
/**
 * Writes the events in transactions of `perTxn`; returns the global position of the last event
 * written to each partition (for EventSubscription.caughtUp: on Apache Kafka the last stable offset
 * can trail the last commit for a moment).
 */
export async function writeEvents(bootstrap: string, topic: string, events: ReadonlyArray<BankEvent & { version: bigint }>, perTxn = 50): Promise<bigint[]> {
  const p = new Producer({ bootstrap, transactionalId: `es-test-writer-${randomUUID()}`, lingerMs: 1 });
  const last = new Map<number, bigint>();
  await p.initTransactions();
  try {
    for (let i = 0; i < events.length; i += perTxn) {
      await p.beginTransaction();
      const messages = events.slice(i, i + perTxn).map((e) => {
        const [enc] = encodeEvents(e.stream, [{ type: e.type, data: { amount: e.amount } }], [e.id], e.version, undefined, jsonSerde, DEFAULT_LIMITS);
        return { key: enc!.key, value: enc!.value, headers: enc!.headers };
      });
      for (const md of await p.send({ topic, messages })) if (md.offset > (last.get(md.partition) ?? -1n)) last.set(md.partition, md.offset);
      await p.commitTransaction();
    }
  } finally {
    await p.close();
  }
  return [...last].map(([partition, offset]) => encodeGlobalPosition(partition, offset));
}

let pgReachable: Promise<boolean> | null = null;

/**
 * True when PostgreSQL answers at PG_URL. Otherwise the test is skipped, or fails under CI
 * (where .ci/provision.sh sets PostgreSQL up).
 */
export async function pgOrSkip(t: TestContext): Promise<boolean> {
  pgReachable ??= (async () => {
    const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  })();
  if (await pgReachable) return true;
  if (isCI()) throw new Error(`PostgreSQL is required under CI and does not answer at ${PG_URL}`);
  t.skip(`PostgreSQL does not answer at ${PG_URL} (set TIDELINE_PG_URL)`);
  return false;
}
