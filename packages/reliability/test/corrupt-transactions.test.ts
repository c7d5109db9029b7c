// Torn and corrupt __transaction_state files against a `tide broker start` process: a KafkaJS
// transactional producer commits and aborts transactions, then the state log is cut inside its
// last batch or has a byte flipped (after kill -9, and after a clean shutdown). The broker must
// start, log what it dropped, and the transactions already decided must stay decided: a
// read_committed read (kcat, CRC-checked) returns exactly the committed records, never an aborted
// one and never part of a transaction; read_uncommitted still returns every record; and the same
// transactional id can commit and abort new transactions afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { kcat, toolOrSkip } from '@tideline/interop';
import { startBrokerProcess, type BrokerProcess } from '../src/broker-process.js';
import { createTopic } from '../src/wire.js';
import { cutInsideLastBatch, flipBeforeLastIndexEntry, flipByte, flipInMiddleBatch, lastNonEmptySegment, logRecords, type FileBatch } from '../src/corrupt.js';
import { Rng } from '../src/fuzz/mutate.js';

const TOPIC = 'txdata';
const PARTITIONS = 2;
const TXN_ID = 'corrupt-tx';
const TXNS = 60;
const PER_TXN = 5;
const rng = new Rng(Number(process.env.TIDELINE_CORRUPT_SEED ?? 11));

interface Ledger {
  committed: Set<string>;
  aborted: Set<string>;
}

async function withProducer<T>(bootstrap: string, fn: (p: Producer) => Promise<T>): Promise<T> {
  const kafka = new Kafka({ clientId: 'corrupt-tx', brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 200 } });
  const producer = kafka.producer({ transactionalId: TXN_ID, idempotent: true, maxInFlightRequests: 1, transactionTimeout: 30_000 });
  await producer.connect();
  try {
    return await fn(producer);
  } finally {
    await producer.disconnect();
  }
}

/** `n` transactions of PER_TXN records spread over the partitions; every third is aborted. */
async function transactions(bootstrap: string, tag: string, n: number, ledger: Ledger): Promise<void> {
  await withProducer(bootstrap, async (producer) => {
    for (let i = 0; i < n; i++) {
      const values = Array.from({ length: PER_TXN }, (_, j) => `${tag}-${i}-${j}`);
      const tx = await producer.transaction();
      await tx.send({ topic: TOPIC, messages: values.map((value, j) => ({ value, partition: j % PARTITIONS })) });
      const abort = i % 3 === 2;
      if (abort) await tx.abort();
      else await tx.commit();
      for (const v of values) (abort ? ledger.aborted : ledger.committed).add(v);
    }
  });
}

/** Every value of the topic through kcat (CRC-checked) at the given isolation level. */
async function readAll(bootstrap: string, isolation: 'read_committed' | 'read_uncommitted'): Promise<string[]> {
  const r = await kcat(['-b', bootstrap, '-C', '-t', TOPIC, '-o', 'beginning', '-e', '-q', '-X', 'check.crcs=true', '-X', `isolation.level=${isolation}`, '-f', '%s\n'], { timeoutMs: 60_000 });
  assert.doesNotMatch(r.stderr, /ERROR|CRC/i, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '');
}

async function assertDecided(b: BrokerProcess, ledger: Ledger, what: string): Promise<void> {
  const committed = await readAll(b.bootstrap, 'read_committed');
  const aborted = committed.filter((v) => ledger.aborted.has(v));
  assert.deepEqual(aborted, [], `${what}: read_committed returned aborted records`);
  assert.equal(new Set(committed).size, committed.length, `${what}: a committed record read twice`);
  const missing = [...ledger.committed].filter((v) => !committed.includes(v));
  assert.deepEqual(missing, [], `${what}: committed records missing from read_committed (a lost or torn transaction)`);
  assert.equal(committed.length, ledger.committed.size, `${what}: read_committed returned records nobody committed`);
  const all = await readAll(b.bootstrap, 'read_uncommitted');
  assert.equal(all.length, ledger.committed.size + ledger.aborted.size, `${what}: read_uncommitted count`);
}

test('__transaction_state cut or flipped after kill -9, or flipped after a clean shutdown: the broker starts, logs the drop, decided transactions stay decided (no aborted read, no torn or lost commit), the transactional id keeps working', { timeout: 240_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-corrupt-txn-'));
  const broker = await startBrokerProcess({ dataDir: dir, logLevel: 'warn' });
  const ledger: Ledger = { committed: new Set(), aborted: new Set() };
  try {
    await createTopic(broker.port, TOPIC, PARTITIONS);
    await transactions(broker.bootstrap, 'setup', TXNS, ledger);
    await assertDecided(broker, ledger, 'before any damage');
    const rounds: Array<[string, 'kill' | 'stop', (path: string, bs: FileBatch[]) => FileBatch]> = [
      ['byte flipped in a batch before the last index entry after a clean shutdown', 'stop', (path, bs) => flipBeforeLastIndexEntry(path, bs, rng)],
      ['cut inside the last batch after kill -9', 'kill', (path, bs) => cutInsideLastBatch(path, bs, rng)],
      ['byte flipped in a middle batch after kill -9', 'kill', (path, bs) => flipInMiddleBatch(path, bs, rng)],
      ['byte flipped in the batch length of the last batch after kill -9', 'kill', (path, bs) => {
        const b = bs.at(-1)!;
        flipByte(path, b.position + 8 + rng.int(4));
        return b;
      }],
    ];
    let round = 0;
    for (const [what, how, damage] of rounds) {
      if (how === 'kill') await broker.kill();
      else await broker.stop();
      const { path, batches } = lastNonEmptySegment(join(dir, '__transaction_state-0'));
      const b = damage(path, batches);
      const since = broker.output().length;
      await broker.restart();
      const warned = logRecords(broker.output().slice(since)).filter((r) => Number(r['level']) >= 40);
      assert.ok(warned.length > 0, `${what}: the damage is logged`);
      if (how === 'stop') assert.ok(warned.some((r) => r['msg'] === 'corrupt batch skipped while loading transaction state'), `${what}: ${JSON.stringify(warned)}`);
      await assertDecided(broker, ledger, `${what}, after the restart`);
      // The transactional id still works: new committed and aborted transactions.
      await transactions(broker.bootstrap, `round${round++}`, 6, ledger);
      await assertDecided(broker, ledger, `${what}, after new transactions`);
      t.diagnostic(`${what} (batch at offset ${b.baseOffset} of ${batches.length}); logged: ${warned.map((r) => String(r['msg'])).join('; ')}`);
    }
  } finally {
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
