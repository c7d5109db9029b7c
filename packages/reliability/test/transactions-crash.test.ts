// Transactions across crashes, with the Java client against a `tide broker start` process:
// - the broker is killed (-9) with a transaction open, and at random points while a producer
//   commits and aborts transactions over 4 partitions: after each restart no transaction is half
//   visible to read_committed, and the last stable offset reaches the high watermark once the
//   open transactions are resolved (the coordinator aborts them on timeout);
// - exactly-once: a consume-transform-produce loop (read_committed consumer, transactional
//   producer, sendOffsetsToTransaction) over 100,000 records, its process killed (-9) at random
//   points at least 10 times and restarted; a read_committed consumer of the output sees every
//   input exactly once, in order per key.
// Histories go through the checker (lost writes, offset conflicts, aborted reads, torn
// transactions, producer and poll order, phantom reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKey } from '@tideline/protocol';
import { requireTool } from '@tideline/interop';
import { startBrokerProcess, type BrokerProcess } from '../src/broker-process.js';
import { WireClient, createTopic } from '../src/wire.js';
import { checkHistory, type HistoryEvent, type PollEvent, type SendEvent, type StoredRecord } from '../src/index.js';
import { startJava, type Row } from './helpers/java-stream.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Appends without spreading into arguments (tens of thousands of events exceed the call stack). */
function append<T>(to: T[], ...from: ReadonlyArray<readonly T[]>): void {
  for (const a of from) for (const x of a) to.push(x);
}

async function withBroker(fn: (b: BrokerProcess) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-txn-crash-'));
  const b = await startBrokerProcess({ dataDir: dir, logLevel: 'warn' });
  try {
    await fn(b);
  } finally {
    await b.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** High watermark and last stable offset of every partition (ListOffsets latest, both isolation levels). */
async function offsets(port: number, topic: string, partitions: number): Promise<Array<{ hw: bigint; lso: bigint }>> {
  const c = await WireClient.connect(port);
  try {
    const ask = async (isolationLevel: number): Promise<bigint[]> => {
      const r = await c.send(ApiKey.ListOffsets, 5, {
        replicaId: -1, isolationLevel,
        topics: [{ name: topic, partitions: Array.from({ length: partitions }, (_, partitionIndex) => ({ partitionIndex, timestamp: -1n, currentLeaderEpoch: -1 })) }],
      });
      return r.topics[0]!.partitions.sort((a, b) => a.partitionIndex - b.partitionIndex).map((p) => p.offset);
    };
    const hw = await ask(0);
    const lso = await ask(1);
    return hw.map((h, i) => ({ hw: h, lso: lso[i]! }));
  } finally {
    c.close();
  }
}

async function untilStable(port: number, topic: string, partitions: number, timeoutMs = 45_000): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const o = await offsets(port, topic, partitions);
    if (o.every((x) => x.lso === x.hw)) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) throw new Error(`LSO stuck below the high watermark: ${JSON.stringify(o.map((x) => [String(x.lso), String(x.hw)]))}`);
    await sleep(200);
  }
}

/** Every record of `topic` (Java consumer, all partitions from 0) at one isolation level. */
async function readAll(bootstrap: string, topic: string, readCommitted: boolean, consumer: string): Promise<PollEvent[]> {
  const c = startJava(['consume', '--bootstrap', bootstrap, '--topic', topic, '--timeout-ms', '120000', '--idle-exit-ms', '3000',
    '--prop', `isolation.level=${readCommitted ? 'read_committed' : 'read_uncommitted'}`, '--prop', 'max.poll.records=5000']);
  const code = await c.exited;
  assert.equal(code, 0, c.stderr());
  return c.rows.filter((r) => r['value'] !== undefined).map((r) => ({
    type: 'poll', consumer, topic, partition: Number(r['partition']), offset: BigInt(Number(r['offset'])), value: String(r['value']), readCommitted,
  }));
}

const stored = (polls: readonly PollEvent[]): StoredRecord[] => polls.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.offset, value: p.value }));

/** Send events of a txn-produce/eos run; transactions without an outcome line are 'unknown'. */
function sendsOf(run: string, rows: readonly Row[], topic: string, seqFrom: number): SendEvent[] {
  const outcomes = new Map<string, 'commit' | 'abort'>();
  for (const r of rows) if (r['outcome'] === 'commit' || r['outcome'] === 'abort') outcomes.set(String(r['txn']), r['outcome']);
  let seq = seqFrom;
  return rows.filter((r) => r['offset'] !== undefined).map((r) => ({
    type: 'send', producer: run, seq: seq++, idempotent: true, topic, value: String(r['value']),
    outcome: { kind: 'ok', partition: Number(r['partition']), offset: BigInt(Number(r['offset'])) },
    txn: { id: `${run}/${String(r['txn'])}`, outcome: outcomes.get(String(r['txn'])) ?? 'unknown' },
  }));
}

/**
 * Resolves 'unknown' transactions by what read_committed saw (a transaction is committed iff any
 * of its records is visible) and checks all-or-nothing against the records each transaction sent.
 */
function resolveUnknown(sends: SendEvent[], committedValues: ReadonlySet<string>): { committed: number; aborted: number } {
  const byTxn = new Map<string, SendEvent[]>();
  for (const s of sends) if (s.txn !== undefined) byTxn.set(s.txn.id, [...(byTxn.get(s.txn.id) ?? []), s]);
  let committed = 0;
  let aborted = 0;
  for (const [id, list] of byTxn) {
    const visible = list.filter((s) => committedValues.has(s.value)).length;
    const outcome = list[0]!.txn!.outcome;
    if (outcome === 'commit') assert.equal(visible, list.length, `committed transaction ${id}: ${visible} of ${list.length} records visible`);
    else if (outcome === 'abort') assert.equal(visible, 0, `aborted transaction ${id}: ${visible} records visible`);
    else assert.ok(visible === 0 || visible === list.length, `transaction ${id} is half visible: ${visible} of ${list.length}`);
    const resolved = outcome === 'unknown' ? (visible > 0 ? 'commit' : 'abort') : outcome;
    if (resolved === 'commit') committed++;
    else aborted++;
    for (const s of list) s.txn = { id, outcome: resolved };
  }
  return { committed, aborted };
}

/**
 * Records stored but never acknowledged (their producer or the broker died first): sends with an
 * unknown outcome. Their transactions never committed (a commit waits for every ack), so
 * read_committed must not see them.
 */
function unackedSends(known: readonly SendEvent[], storedPolls: readonly PollEvent[], committedValues: ReadonlySet<string>): SendEvent[] {
  const acked = new Set(known.map((s) => s.value));
  const out: SendEvent[] = [];
  for (const p of storedPolls) {
    if (acked.has(p.value)) continue;
    assert.ok(!committedValues.has(p.value), `${p.value} is visible to read_committed but was never acknowledged`);
    out.push({ type: 'send', producer: 'unacked', seq: out.length, idempotent: false, topic: p.topic, value: p.value, outcome: { kind: 'unknown' }, txn: { id: 'unacked', outcome: 'abort' } });
  }
  return out;
}

function assertClean(events: HistoryEvent[], final: StoredRecord[]): void {
  const r = checkHistory({ events, final });
  assert.deepEqual(r.anomalies, [], `checker anomalies (${r.anomalies.length}): ${JSON.stringify(r.anomalies.slice(0, 5))}`);
}

test('broker kill -9 with a transaction open and at random points of a transactional producer: never half visible; LSO advances', { timeout: 240_000 }, async () => {
  requireTool('java-client-4');
  await withBroker(async (b) => {
    const P = 4;
    await createTopic(b.port, 'bk', P);
    const events: HistoryEvent[] = [];
    const sends: SendEvent[] = [];
    const txnArgs = (id: string, extra: string[]): string[] => ['txn-produce', '--bootstrap', b.bootstrap, '--topic', 'bk', '--transactional-id', id,
      '--prop', 'transaction.timeout.ms=3000', '--prop', 'delivery.timeout.ms=60000', '--prop', 'max.block.ms=60000', ...extra];

    // 1. Kill the broker while a transaction is open (its data acknowledged, no EndTxn yet).
    const p1 = startJava(txnArgs('bk-1', ['--transactions', '3', '--per-txn', '40', '--value-prefix', 'one-', '--stdin-control']));
    await p1.waitFor((r) => r['event'] === 'sent' && r['txn'] === 0);
    p1.send('commit');
    await p1.waitFor((r) => r['txn'] === 0 && r['outcome'] === 'commit');
    await p1.waitFor((r) => r['event'] === 'sent' && r['txn'] === 1);
    await b.kill();
    await p1.kill9();
    append(sends, sendsOf('one', p1.rows, 'bk', sends.length));
    await b.restart();
    const after = await offsets(b.port, 'bk', P);
    assert.ok(after.some((o) => o.lso < o.hw), `the open transaction holds the LSO after the restart: ${JSON.stringify(after.map((o) => [String(o.lso), String(o.hw)]))}`);
    const firstOfOpen = new Map<number, bigint>();
    for (const s of sends) {
      if (s.txn?.id !== 'one/1' || s.outcome.kind !== 'ok') continue;
      const cur = firstOfOpen.get(s.outcome.partition);
      if (cur === undefined || s.outcome.offset < cur) firstOfOpen.set(s.outcome.partition, s.outcome.offset);
    }
    for (const [partition, first] of firstOfOpen) assert.equal(after[partition]!.lso, first, `partition ${partition}: LSO = first offset of the open transaction`);
    const early = await readAll(b.bootstrap, 'bk', true, 'rc-early');
    assert.deepEqual(early.map((x) => x.value).sort(), Array.from({ length: 40 }, (_, i) => `one-0-${i}`).sort(), 'read_committed: the committed transaction only');
    append(events, early);
    const waited = await untilStable(b.port, 'bk', P);
    console.log(`# open transaction aborted by timeout ${waited} ms after the restart`);

    // 2. Kill the broker at random points while a producer runs transactions (every 5th aborts).
    for (let cycle = 0; cycle < 3; cycle++) {
      const p = startJava(txnArgs('bk-2', ['--transactions', '100000', '--per-txn', '16', '--abort-every', '5', '--value-prefix', `c${cycle}-`]));
      await p.waitFor((r) => r['event'] === 'initialized');
      await sleep(800 + Math.floor(Math.random() * 2000));
      await b.kill();
      await sleep(200);
      await b.restart();
      // The producer may carry on after the restart or fail; either way it is killed after a while.
      await Promise.race([p.exited, sleep(2500)]);
      await p.kill9();
      append(sends, sendsOf(`c${cycle}`, p.rows, 'bk', sends.length));
    }
    await untilStable(b.port, 'bk', P);
    const rc = await readAll(b.bootstrap, 'bk', true, 'rc-final');
    const ru = await readAll(b.bootstrap, 'bk', false, 'ru-final');
    const r = resolveUnknown(sends, new Set(rc.map((x) => x.value)));
    console.log(`# ${sends.length} acked transactional sends, ${r.committed} transactions committed, ${r.aborted} aborted; ${rc.length} records read_committed, ${ru.length} stored`);
    assert.ok(r.committed >= 3, 'transactions committed across the kills');
    const lost = unackedSends(sends, ru, new Set(rc.map((x) => x.value)));
    console.log(`# ${lost.length} stored records were never acknowledged (aborted with their transactions)`);
    append(events, sends, lost, rc, ru);
    assertClean(events, stored(ru));
  });
});

test('exactly-once: Java consume-transform-produce over 100,000 records, the processor killed -9 at least 10 times', { timeout: 300_000 }, async () => {
  requireTool('java-client-4');
  await withBroker(async (b) => {
    const P = 4;
    const N = 100_000;
    const KEYS = 200;
    await createTopic(b.port, 'eos-in', P);
    await createTopic(b.port, 'eos-out', P);
    const t0 = Date.now();
    // Input: value "k<key>:<i>", i increasing per key.
    const input = startJava(['produce', '--bootstrap', b.bootstrap, '--topic', 'eos-in', '--stdin', '--stream-acks', '--acks', 'all', '--linger-ms', '20', '--batch-size', '262144']);
    const lines: string[] = [];
    for (let i = 0; i < N; i++) lines.push(`k${i % KEYS}\tk${i % KEYS}:${i}\n`);
    input.send(lines.join('').trimEnd());
    input.end();
    assert.equal(await input.exited, 0, input.stderr());
    const inputSends: SendEvent[] = input.rows.filter((r) => r['offset'] !== undefined).map((r, i) => ({
      type: 'send', producer: 'input', seq: i, idempotent: true, topic: 'eos-in', value: String(r['value']),
      outcome: { kind: 'ok', partition: Number(r['partition']), offset: BigInt(Number(r['offset'])) },
    }));
    assert.equal(inputSends.length, N);
    console.log(`# input: ${N} records in ${Date.now() - t0} ms`);

    const eosArgs = (tag: string): string[] => ['eos', '--bootstrap', b.bootstrap, '--input', 'eos-in', '--output', 'eos-out', '--group', 'eos-g',
      '--transactional-id', 'eos-tx', '--tag', tag, '--idle-exit-ms', '4000', '--abort-every', '17',
      '--prop', 'group.instance.id=eos-1', '--prop', 'session.timeout.ms=30000', '--prop', 'max.poll.records=400',
      '--prop', 'transaction.timeout.ms=20000'];
    const outputSends: SendEvent[] = [];
    let kills = 0;
    let committedRecords = 0;
    let attempt = 0;
    const t1 = Date.now();
    for (; ; attempt++) {
      const tag = `a${attempt}`;
      if (attempt > 40) throw new Error(`only ${kills} kills landed in ${attempt} runs`);
      const p = startJava(eosArgs(tag));
      const last = kills >= 10;
      if (!last) {
        // Kill at a random point once it is processing: after 1-8 committed transactions (at most
        // 400 records each, so ten runs never drain the input however fast the machine) and a
        // random delay of up to 300 ms, which lands inside a transaction as often as between two.
        const commits = 1 + Math.floor(Math.random() * 8);
        await p.waitFor(() => p.rows.filter((r) => r['outcome'] === 'commit').length >= commits, 60_000).catch(() => undefined);
        await sleep(Math.floor(Math.random() * 300));
        if (p.rows.some((r) => r['event'] === 'closed')) throw new Error(`processor ${tag} drained the input after ${kills} kills`);
        const alive = await Promise.race([p.exited.then(() => false), sleep(0).then(() => true)]);
        await p.kill9();
        if (alive) kills++;
      }
      const code = await p.exited;
      append(outputSends, sendsOf(tag, p.rows, 'eos-out', outputSends.length));
      committedRecords += p.rows.filter((r) => r['outcome'] === 'commit').reduce((n, r) => n + Number(r['records']), 0);
      if (last) {
        assert.equal(code, 0, `final run ${tag}: ${p.stderr().slice(-3000)}`);
        break;
      }
    }
    console.log(`# processing: ${attempt + 1} runs, ${kills} kills, ${committedRecords} records reported committed, ${Date.now() - t1} ms`);
    await untilStable(b.port, 'eos-out', P);

    const rc = await readAll(b.bootstrap, 'eos-out', true, 'out-rc');
    // Exactly once, in order per key.
    const seen = new Map<string, number>();
    const lastIndex = new Map<string, number>();
    for (const pe of [...rc].sort((x, y) => x.partition - y.partition || (x.offset < y.offset ? -1 : 1))) {
      const src = pe.value.slice(0, pe.value.lastIndexOf('|'));
      seen.set(src, (seen.get(src) ?? 0) + 1);
      const [key, idx] = src.split(':') as [string, string];
      const prev = lastIndex.get(key) ?? -1;
      assert.ok(Number(idx) > prev, `key ${key}: input ${idx} after ${prev} in the output`);
      lastIndex.set(key, Number(idx));
    }
    const dupes = [...seen].filter(([, n]) => n > 1);
    assert.deepEqual(dupes.slice(0, 5), [], `${dupes.length} inputs appear more than once`);
    const missing = inputSends.filter((s) => !seen.has(s.value));
    assert.deepEqual(missing.slice(0, 5).map((s) => s.value), [], `${missing.length} inputs missing from the output`);
    assert.equal(rc.length, N);

    const ruOut = await readAll(b.bootstrap, 'eos-out', false, 'out-ru');
    const ruIn = await readAll(b.bootstrap, 'eos-in', false, 'in-ru');
    const r = resolveUnknown(outputSends, new Set(rc.map((x) => x.value)));
    console.log(`# output: ${rc.length} committed records, ${ruOut.length} stored (aborted included); transactions ${r.committed} committed, ${r.aborted} aborted`);
    const unacked = unackedSends(outputSends, ruOut, new Set(rc.map((x) => x.value)));
    console.log(`# ${unacked.length} output records of killed runs were never acknowledged (aborted)`);
    assertClean([...inputSends, ...outputSends, ...unacked, ...rc], [...stored(ruIn), ...stored(ruOut)]);
  });
});
