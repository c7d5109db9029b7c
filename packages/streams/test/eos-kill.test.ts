// Exactly-once under kill -9: a child process runs the page-view topology with exactly-once and
// is killed (SIGKILL) ten times at random points while processing, then runs to the end. The
// committed output and DLQ equal those of an uninterrupted run (the reference computation):
// every window count once, every late click once.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Admin, Producer } from '@tideline/client';
import { Cluster } from '@tideline/client/internal';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { KafkaStreams, type Windowed } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { clicks, OOO, pageViews, reference } from './clicks.js';
import { consumeN, waitFor } from './helpers.js';

useApacheKafka();

const CHILD = fileURLToPath(new URL('./fixtures/eos-app.js', import.meta.url));

interface Child {
  child: ChildProcess;
  /** Records processed by its current tasks. */
  processed: () => number;
  /** Records processed since it started, over every task it ran. */
  total: () => number;
  /** Records through its topology, reported synchronously every 10 (in the middle of a batch too). */
  seen: () => number;
  tasks: () => string[];
  exited: Promise<number | null>;
}

function startChild(args: string[]): Child {
  const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let processed = 0;
  let total = 0;
  let seen = 0;
  let tasks: string[] = [];
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    for (const line of d.toString().split('\n')) {
      const m = /^processed (\d+) total (\d+) tasks ([\d_,]*)$/.exec(line.trim());
      if (m !== null) {
        processed = Number(m[1]);
        total = Number(m[2]);
        tasks = m[3] === '' ? [] : m[3]!.split(',');
      }
      const s = /^seen (\d+)$/.exec(line.trim());
      if (s !== null) seen = Math.max(seen, Number(s[1]));
    }
  });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (process.env.STREAMS_TEST_DEBUG !== undefined) process.stderr.write(`[child ${child.pid}] ${d.toString()}`);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== null && code !== 0) process.stderr.write(`eos child exited ${code}: ${err}\n`);
    resolve(code);
  }));
  return { child, processed: () => processed, total: () => total, seen: () => seen, tasks: () => tasks, exited };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Clicks = ReturnType<typeof clicks>;

async function produceClicks(bootstrap: string, input: string, data: Clicks): Promise<void> {
  const p = new Producer({ bootstrap });
  for (const part of [0, 1]) {
    const msgs = data.filter((x) => x.partition === part).map((x) => ({ key: x.click.page, value: JSON.stringify(x.click), partition: part, headers: { idx: String(x.index) } }));
    if (msgs.length > 0) await p.send({ topic: input, messages: msgs });
  }
  await p.close();
}

/** Creates the topics and produces the clicks with index below `upTo` (all by default); the rest are returned with the reference of all. */
async function setup(bootstrap: string, n: number, seed: number, upTo = Infinity): Promise<{ input: string; out: string; app: string; ref: ReturnType<typeof reference>; rest: Clicks }> {
  const input = uniqueTopic('eos-clicks');
  const out = uniqueTopic('eos-out');
  const app = uniqueTopic('eos');
  const admin = new Admin({ bootstrap });
  await admin.createTopics([{ topic: input, numPartitions: 2, replicationFactor: 1 }, { topic: out, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();
  const data = clicks(n, seed);
  await produceClicks(bootstrap, input, data.filter((x) => x.index < upTo));
  return { input, out, app, ref: reference(data), rest: data.filter((x) => x.index >= upTo) };
}

async function checkOutput(bootstrap: string, app: string, out: string, ref: ReturnType<typeof reference>): Promise<void> {
  const results = await consumeN(bootstrap, out, [0], ref.counts.size, { readCommitted: true, timeoutMs: 240_000 });
  const late = await consumeN(bootstrap, `${app}-late`, [0, 1], ref.late.length, { readCommitted: true, timeoutMs: 60_000 });
  // Nothing more than the uninterrupted run's records.
  await assert.rejects(consumeN(bootstrap, out, [0], ref.counts.size + 1, { readCommitted: true, timeoutMs: 3000 }), /read \d+ of/);
  const keys = results.map((r) => {
    const w = JSON.parse(r.key!.toString()) as Windowed<string>;
    return `${w.key}@${w.start}`;
  });
  assert.equal(new Set(keys).size, keys.length, 'every window once');
  assert.deepEqual(new Map(results.map((r, i) => [keys[i]!, Number(r.value!.toString())])), ref.counts);
  const idx = late.map((r) => Number(r.headers.find((h) => h.key === 'idx')!.value!.toString())).sort((x, y) => x - y);
  assert.deepEqual(idx, ref.late, 'every late click once');
}

// The input comes in two parts so that the child is killed in the middle of its task's work: the
// first quarter while it runs both tasks alone (its stores have state to restore), the rest once
// each instance runs one task (the child's partition before the survivor's). The child reports every 10 records synchronously, so it is killed
// in the middle of the batch it fetched of the rest (~2 ms per record, commits only between
// batches): it dies with part of its partition processed in an open transaction and the rest not
// processed at all (both checked), and the survivor takes the task over from the committed state.
bothBrokers('two instances share the tasks; when one is killed (-9) the other takes its task over, exactly once', { timeout: 120_000 }, async (b) => {
  const n = 3000;
  const first = n / 4;
  const { input, out, app, ref, rest } = await setup(b.bootstrap, n, 5, first);
  const child = startChild([b.bootstrap, app, input, out, 'dies']);
  const survivor = new KafkaStreams(pageViews(input, out, 2), { applicationId: app, bootstrap: b.bootstrap, guarantee: 'exactly-once', instanceId: 'survives', maxOutOfOrdernessMs: OOO, sessionTimeoutMs: 10_000 });
  const admin = new Admin({ bootstrap: b.bootstrap });
  try {
    await waitFor('the child processes the first part with both tasks', () => child.tasks().length === 2 && child.total() >= first, 60_000);
    await survivor.start();
    await waitFor('one task each', () => survivor.assignedTasks().length === 1 && child.tasks().length === 1, 60_000);
    const task = child.tasks()[0]!;
    const partition = Number(task.slice(task.indexOf('_') + 1));
    const ofPartition = rest.filter((x) => x.partition === partition).length;
    const before = child.seen();
    // The child's partition first: the survivor runs in this process and blocks it while it
    // processes (~2 ms per record), so its partition gets its records after the kill.
    await produceClicks(b.bootstrap, input, rest.filter((x) => x.partition === partition));
    await waitFor('the child processes part of the rest', () => child.seen() >= before + 20, 30_000);
    child.child.kill('SIGKILL');
    await child.exited;
    await produceClicks(b.bootstrap, input, rest.filter((x) => x.partition !== partition));
    const seen = child.seen() - before;
    assert.deepEqual(child.tasks(), [task], 'the child still ran its task when killed');
    assert.ok(seen < ofPartition, `the child was killed after ${seen} of the ${ofPartition} records of its partition produced after the split`);
    // Static member: its partition stays unowned until its session times out, so this is what the child committed.
    const [committed] = await admin.listGroupOffsets(app, [{ topic: input, partition }]);
    const [end] = await admin.listOffsets([{ topic: input, partition, spec: 'latest' }]);
    assert.ok(committed!.offset < end!.offset - BigInt(ofPartition - seen), `the child committed ${committed!.offset} of ${end!.offset}`);
    console.log(`# killed after ${seen} of ${ofPartition} records since the split; committed ${committed!.offset} of ${end!.offset} on partition ${partition}`);
    await waitFor('the survivor runs both tasks', () => survivor.assignedTasks().length === 2, 60_000);
    await checkOutput(b.bootstrap, app, out, ref);
  } finally {
    child.child.kill('SIGKILL');
    await child.exited;
    await survivor.close();
    await admin.close();
  }
});

bothBrokers('exactly-once: ten kill -9 at random points give the output of an uninterrupted run', { timeout: 600_000 }, async (b) => {
  const { input, out, app, ref } = await setup(b.bootstrap, 3000, 11);
  const args = [b.bootstrap, app, input, out];
  let seed = 3;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let killedWhileProcessing = 0;
  for (let k = 0; k < 10; k++) {
    const c = startChild(args);
    const started = Date.now();
    while (c.processed() === 0 && Date.now() - started < 15_000) await sleep(50);
    if (c.processed() > 0) killedWhileProcessing++;
    await sleep(Math.floor(rand() * 600));
    c.child.kill('SIGKILL');
    await c.exited;
  }
  const last = startChild(args);
  try {
    await checkOutput(b.bootstrap, app, out, ref);
    assert.ok(killedWhileProcessing >= 3, `killed while processing ${killedWhileProcessing} of 10 times`);
  } finally {
    last.child.kill('SIGKILL');
    await last.exited;
  }
});

// A static member that the coordinator drops while it processes (as an admin's
// removeMembersFromConsumerGroup does: LeaveGroup by group.instance.id) finds out through its next
// TxnOffsetCommit (UNKNOWN_MEMBER_ID) or heartbeat; it aborts, joins again under its instance id
// and goes on. Both brokers answer the same, and the output is still that of an uninterrupted run.
bothBrokers('a static member removed from the group while processing joins again and goes on, exactly once', { timeout: 120_000 }, async (b) => {
  const n = 3000;
  const { input, out, app, ref, rest } = await setup(b.bootstrap, n, 9, n / 2);
  const warnings: string[] = [];
  const streams = new KafkaStreams(pageViews(input, out, 1), {
    applicationId: app, bootstrap: b.bootstrap, guarantee: 'exactly-once', instanceId: 'removed', staticMembership: true, sessionTimeoutMs: 10_000, maxOutOfOrdernessMs: OOO,
    // A rejoin whose earlier JoinGroup is still parked at the coordinator waits for it up to the
    // rebalance timeout (300 s by default, beyond this test's limit): bound it.
    rebalanceTimeoutMs: 20_000,
    logger: (level, message, fields) => {
      if (level === 'warn') warnings.push(`${message} ${JSON.stringify(fields ?? {})}`);
    },
  });
  const cluster = new Cluster({ bootstrap: b.bootstrap });
  try {
    await streams.start();
    await waitFor('the instance processes', () => streams.metrics().processedTotal >= 200, 60_000);
    const conn = await cluster.anyConnection();
    const res = await conn.request(ApiKey.LeaveGroup, { groupId: app, memberId: '', members: [{ memberId: '', groupInstanceId: 'removed', reason: 'removed by the test' }] });
    assert.equal(res.errorCode, ErrorCode.NONE);
    assert.deepEqual(res.members.map((m) => m.errorCode), [ErrorCode.NONE]);
    await produceClicks(b.bootstrap, input, rest);
    await checkOutput(b.bootstrap, app, out, ref);
    assert.equal(streams.state, 'running');
    console.log(`# ${warnings.length} warnings: ${warnings.slice(0, 3).join(' | ')}`);
  } finally {
    await streams.close().catch(() => undefined);
    await cluster.close();
  }
});

// A batch that takes longer than the session timeout: ~2 ms per record and ~4,000 records of a
// partition fetched at once take ~8 s against a 6 s session timeout. The batch gives the event
// loop a turn every 50 ms, so heartbeats go out while it runs: the member is never dropped, no
// commit fails and no record is processed twice. (Before, the member was dropped in every such
// batch, its commit failed with UNKNOWN_MEMBER_ID, and rebuilding the tasks fetched the same
// batch again: a static member went round until it gave up.)
bothBrokers('a batch that takes longer than the session timeout keeps the member in the group', { timeout: 120_000 }, async (b) => {
  const n = 8000;
  const { input, out, app, ref } = await setup(b.bootstrap, n, 13);
  const warnings: string[] = [];
  const streams = new KafkaStreams(pageViews(input, out, 2), {
    applicationId: app, bootstrap: b.bootstrap, guarantee: 'exactly-once', instanceId: 'slow', staticMembership: true, sessionTimeoutMs: 6000, maxOutOfOrdernessMs: OOO,
    logger: (level, message, fields) => {
      if (level === 'warn' || level === 'error') warnings.push(`${message} ${JSON.stringify(fields ?? {})}`);
    },
  });
  try {
    await streams.start();
    await checkOutput(b.bootstrap, app, out, ref);
    assert.deepEqual(warnings, []);
    assert.equal(streams.metrics().processedTotal, n + 2, 'every record processed once');
  } finally {
    await streams.close();
  }
});
