import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, decodeBatches, type FetchRequestInput } from '@tideline/protocol';
import { kcatEnv, toolOrSkip } from '@tideline/interop';
import { spawnTracked, stopChild } from '@tideline/interop/internal';
import { batch, withBroker, type WireClient } from './wire-client.js';

async function createTopic(c: WireClient, name: string, numPartitions = 1): Promise<string> {
  const r = await c.send(ApiKey.CreateTopics, 7, { topics: [{ name, numPartitions, replicationFactor: -1 }], timeoutMs: 1000 });
  assert.equal(r.topics[0]!.errorCode, ErrorCode.NONE);
  return r.topics[0]!.topicId;
}

async function produce(c: WireClient, topic: string, partition: number, values: string[]): Promise<bigint> {
  const r = await c.send(ApiKey.Produce, 9, { acks: -1, timeoutMs: 1000, topicData: [{ name: topic, partitionData: [{ index: partition, records: batch(values) }] }] });
  const p = r.responses[0]!.partitionResponses[0]!;
  assert.equal(p.errorCode, ErrorCode.NONE);
  return p.baseOffset;
}

const base: FetchRequestInput = { maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1 };
const part = (partition: number, fetchOffset: bigint, partitionMaxBytes = 1 << 20) => ({ partition, fetchOffset, partitionMaxBytes });
const values = (records: Buffer | null): string[] => decodeBatches(records ?? Buffer.alloc(0)).flatMap((b) => b.records.map((r) => r.value!.toString()));

test('fetch errors per partition: unknown topic, unknown topic id, offset out of range', async () => {
  await withBroker(async ({ client: c }) => {
    const id = await createTopic(c, 'f');
    await produce(c, 'f', 0, ['a']);
    const r = await c.send(ApiKey.Fetch, 12, { ...base, topics: [{ topic: 'f', partitions: [part(0, 5n), part(1, 0n)] }, { topic: 'nope', partitions: [part(0, 0n)] }] });
    assert.deepEqual(r.responses.map((t) => [t.topic, t.partitions.map((p) => p.errorCode)]), [
      ['f', [ErrorCode.OFFSET_OUT_OF_RANGE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]],
      ['nope', [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]],
    ]);
    const byId = await c.send(ApiKey.Fetch, 13, { ...base, topics: [{ topicId: id, partitions: [part(0, 0n)] }, { topicId: 'AAAAAAAAAAAAAAAAAAAAAQ', partitions: [part(0, 0n)] }] });
    assert.equal(byId.responses[0]!.topicId, id);
    assert.deepEqual(values(byId.responses[0]!.partitions[0]!.records), ['a']);
    assert.equal(byId.responses[1]!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
  });
});

test('max bytes: the first partition with data returns a whole batch even above the limits; later ones wait their turn', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'mb', 2);
    await produce(c, 'mb', 0, ['x'.repeat(500)]);
    await produce(c, 'mb', 0, ['y'.repeat(500)]);
    await produce(c, 'mb', 1, ['z'.repeat(500)]);
    const r = await c.send(ApiKey.Fetch, 12, { ...base, maxBytes: 100, topics: [{ topic: 'mb', partitions: [part(0, 0n, 10), part(1, 0n)] }] });
    const [p0, p1] = r.responses[0]!.partitions;
    assert.deepEqual(values(p0!.records).map((v) => v[0]), ['x']);
    assert.equal(p1!.records?.length ?? 0, 0);
    assert.equal(p1!.highWatermark, 1n);
    // Budget large enough for both partitions: both answer.
    const all = await c.send(ApiKey.Fetch, 12, { ...base, topics: [{ topic: 'mb', partitions: [part(0, 0n), part(1, 0n)] }] });
    assert.deepEqual(all.responses[0]!.partitions.map((p) => values(p.records).length), [2, 1]);
  });
});

test('long polling: a produce wakes a waiting fetch; max wait bounds an idle one; a closed connection drops it', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'lp', 2);
    const t0 = Date.now();
    const idle = await c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: 300, minBytes: 1, topics: [{ topic: 'lp', partitions: [part(0, 0n), part(1, 0n)] }] });
    const waited = Date.now() - t0;
    assert.ok(waited >= 250 && waited < 2000, `idle fetch took ${waited} ms`);
    assert.equal(idle.responses[0]!.partitions.every((p) => (p.records?.length ?? 0) === 0), true);

    const { WireClient } = await import('./wire-client.js');
    const producer = await WireClient.connect(broker.port);
    try {
      const t1 = Date.now();
      const pending = c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: 10_000, minBytes: 1, topics: [{ topic: 'lp', partitions: [part(0, 0n), part(1, 0n)] }] });
      await new Promise((r) => setTimeout(r, 100));
      assert.ok(broker.broker.fetchWaiters.size > 0, 'the fetch is parked');
      await produce(producer, 'lp', 1, ['wake']);
      const r = await pending;
      assert.ok(Date.now() - t1 < 5000);
      assert.deepEqual(values(r.responses[0]!.partitions[1]!.records), ['wake']);
      // acks=1: the data is visible once fsync'ed; the fetch still wakes without a later produce.
      const pending2 = c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: 10_000, minBytes: 1, topics: [{ topic: 'lp', partitions: [part(0, 0n)] }] });
      await new Promise((r) => setTimeout(r, 50));
      await producer.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 1000, topicData: [{ name: 'lp', partitionData: [{ index: 0, records: batch(['one']) }] }] });
      assert.deepEqual(values((await pending2).responses[0]!.partitions[0]!.records), ['one']);

      const gone = await WireClient.connect(broker.port);
      void gone.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: 30_000, minBytes: 1, topics: [{ topic: 'lp', partitions: [part(0, 1n)] }] }).catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(broker.broker.fetchWaiters.size, 1);
      gone.close();
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(broker.broker.fetchWaiters.size, 0, 'waiters of a closed connection are dropped');
    } finally {
      producer.close();
    }
  });
});

test('incremental fetch sessions (KIP-227): create, incremental updates, forgotten topics, epochs, unknown ids', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 's', 2);
    await produce(c, 's', 0, ['a']);
    const full = await c.send(ApiKey.Fetch, 12, { ...base, sessionId: 0, sessionEpoch: 0, topics: [{ topic: 's', partitions: [part(0, 0n), part(1, 0n)] }] });
    assert.equal(full.errorCode, ErrorCode.NONE);
    const sid = full.sessionId;
    assert.ok(sid > 0);
    assert.equal(full.responses[0]!.partitions.length, 2);
    // Incremental, positions advanced for p0: nothing new anywhere -> empty response.
    const inc1 = await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: 1, topics: [{ topic: 's', partitions: [part(0, 1n)] }] });
    assert.equal(inc1.errorCode, ErrorCode.NONE);
    assert.equal(inc1.sessionId, sid);
    assert.deepEqual(inc1.responses, []);
    // New data on p1 (fetched at 0 from the session): only p1 comes back.
    await produce(c, 's', 1, ['b']);
    const inc2 = await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: 2, topics: [] });
    assert.deepEqual(inc2.responses.map((t) => t.partitions.map((p) => p.partitionIndex)), [[1]]);
    assert.deepEqual(values(inc2.responses[0]!.partitions[0]!.records), ['b']);
    // Wrong epoch, unknown session.
    assert.equal((await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: 7, topics: [] })).errorCode, ErrorCode.INVALID_FETCH_SESSION_EPOCH);
    assert.equal((await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid + 1, sessionEpoch: 1, topics: [] })).errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
    // Forget p1, then new data on p1 is not reported; p0's new data is.
    const inc3 = await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: 3, topics: [{ topic: 's', partitions: [part(1, 1n)] }] });
    assert.equal(inc3.errorCode, ErrorCode.NONE);
    await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: 4, topics: [], forgottenTopicsData: [{ topic: 's', partitions: [1] }] });
    await produce(c, 's', 1, ['c']);
    await produce(c, 's', 0, ['d']);
    const inc5 = await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: 5, topics: [] });
    assert.deepEqual(inc5.responses.map((t) => t.partitions.map((p) => p.partitionIndex)), [[0]]);
    assert.deepEqual(values(inc5.responses[0]!.partitions[0]!.records), ['d']);
    // Closing the session (epoch -1): a full sessionless answer; the id is then unknown.
    const close = await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: -1, topics: [{ topic: 's', partitions: [part(0, 0n)] }] });
    assert.equal(close.sessionId, 0);
    assert.equal((await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: 6, topics: [] })).errorCode, ErrorCode.FETCH_SESSION_ID_NOT_FOUND);
  });
});

test('fetch sessions with topic ids (v13+) and a long-polling incremental fetch', async () => {
  await withBroker(async ({ client: c }) => {
    const id = await createTopic(c, 'si');
    const full = await c.send(ApiKey.Fetch, 16, { ...base, sessionEpoch: 0, topics: [{ topicId: id, partitions: [part(0, 0n)] }] });
    const sid = full.sessionId;
    assert.ok(sid > 0);
    const pending = c.send(ApiKey.Fetch, 16, { ...base, maxWaitMs: 10_000, minBytes: 1, sessionId: sid, sessionEpoch: 1, topics: [] });
    await new Promise((r) => setTimeout(r, 100));
    await produce(c, 'si', 0, ['late']);
    const r = await pending;
    assert.equal(r.responses[0]!.topicId, id);
    assert.deepEqual(values(r.responses[0]!.partitions[0]!.records), ['late']);
    // A by-name request against a by-id session.
    const mixed = await c.send(ApiKey.Fetch, 12, { ...base, sessionId: sid, sessionEpoch: 2, topics: [] });
    assert.equal(mixed.errorCode, ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR);
  });
});

test('a parked fetch on a deleted topic answers UNKNOWN_TOPIC_OR_PARTITION at once', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'gone');
    const { WireClient } = await import('./wire-client.js');
    const admin = await WireClient.connect(broker.port);
    try {
      const t0 = Date.now();
      const pending = c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: 20_000, minBytes: 1, topics: [{ topic: 'gone', partitions: [part(0, 0n)] }] });
      await new Promise((r) => setTimeout(r, 100));
      const del = await admin.send(ApiKey.DeleteTopics, 6, { timeoutMs: 1000, topics: [{ name: 'gone' }] });
      assert.equal(del.responses[0]!.errorCode, ErrorCode.NONE);
      const r = await pending;
      assert.ok(Date.now() - t0 < 5000);
      assert.equal(r.responses[0]!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    } finally {
      admin.close();
    }
  });
});

// Long waits, short answers: each parked fetch below has 20 s of max wait and must answer long
// before half of it, so a missed wake-up fails the test instead of only slowing it.
const LONG_WAIT = 20_000;
const elapsedSince = (t0: number): number => Date.now() - t0;

test('regression: a fetch parked below min bytes is woken by a high-watermark advance it did not ask for (acks=1 and acks=0 data flushed by the log itself)', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'bg');
    await produce(c, 'bg', 0, ['a']);
    const first = await c.send(ApiKey.Fetch, 12, { ...base, topics: [{ topic: 'bg', partitions: [part(0, 0n)] }] });
    const sizeA = first.responses[0]!.partitions[0]!.records!.length;
    const { WireClient } = await import('./wire-client.js');
    const producer = await WireClient.connect(broker.port);
    try {
      // acks=1: written, not yet fsync'ed (flush.ms defers it); nobody waits, so nothing asks for a flush.
      await producer.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 1000, topicData: [{ name: 'bg', partitionData: [{ index: 0, records: batch(['b']) }] }] });
      // The fetch reads 'a' below min bytes and parks; only the log's own flush makes 'b' visible.
      const t0 = Date.now();
      const r = await c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: LONG_WAIT, minBytes: sizeA + 1, topics: [{ topic: 'bg', partitions: [part(0, 0n)] }] });
      assert.ok(elapsedSince(t0) < LONG_WAIT / 2, `woken after ${elapsedSince(t0)} ms`);
      assert.deepEqual(values(r.responses[0]!.partitions[0]!.records), ['a', 'b']);

      // acks=0: the same with no response to wait for.
      producer.sendOneWay(ApiKey.Produce, 9, { acks: 0, timeoutMs: 1000, topicData: [{ name: 'bg', partitionData: [{ index: 0, records: batch(['c']) }] }] });
      await new Promise((res) => setTimeout(res, 100));
      const t1 = Date.now();
      const r2 = await c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: LONG_WAIT, minBytes: sizeA + 1, topics: [{ topic: 'bg', partitions: [part(0, 1n)] }] });
      assert.ok(elapsedSince(t1) < LONG_WAIT / 2, `woken after ${elapsedSince(t1)} ms`);
      assert.deepEqual(values(r2.responses[0]!.partitions[0]!.records), ['b', 'c']);
    } finally {
      producer.close();
    }
  });
});

async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('wake-up invariant: a high-watermark advance wakes every fetch parked on the partition, even one no broker code announced', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'inv', 3);
    const { WireClient } = await import('./wire-client.js');
    const others = await Promise.all([WireClient.connect(broker.port), WireClient.connect(broker.port)]);
    try {
      const t0 = Date.now();
      // Two fetches on p0 alone and one over all three partitions.
      const onP0 = others.map((o) => o.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: LONG_WAIT, minBytes: 1, topics: [{ topic: 'inv', partitions: [part(0, 0n)] }] }));
      const overAll = c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: LONG_WAIT, minBytes: 1, topics: [{ topic: 'inv', partitions: [part(0, 0n), part(1, 0n), part(2, 0n)] }] });
      const pg = broker.broker.fetchWaiters;
      await until(() => pg.delayed === 3, 'three parked fetches');
      assert.equal(pg.size, 3);
      // Straight into the log: no produce handler, no afterAppend; only the log's own group commit
      // (the flush.ms timer) makes it visible.
      const h = broker.broker.topics.partition('inv', 0)!;
      await h.log.append(batch(['direct']));
      const answers = await Promise.all([...onP0, overAll]);
      assert.ok(elapsedSince(t0) < LONG_WAIT / 2, `woken after ${elapsedSince(t0)} ms`);
      for (const r of answers) assert.deepEqual(values(r.responses[0]!.partitions[0]!.records), ['direct']);
      assert.deepEqual(answers[2]!.responses[0]!.partitions.map((p) => p.errorCode), [ErrorCode.NONE, ErrorCode.NONE, ErrorCode.NONE]);
      assert.equal(pg.delayed, 0);
      assert.equal(pg.size, 0);

      // A fetch over several partitions is woken by any one of them (acks=1 on the last).
      const t1 = Date.now();
      const any = c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: LONG_WAIT, minBytes: 1, topics: [{ topic: 'inv', partitions: [part(0, 1n), part(1, 0n), part(2, 0n)] }] });
      await until(() => pg.delayed === 1, 'a parked fetch');
      await others[0]!.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 1000, topicData: [{ name: 'inv', partitionData: [{ index: 2, records: batch(['p2']) }] }] });
      const r = await any;
      assert.ok(elapsedSince(t1) < LONG_WAIT / 2, `woken after ${elapsedSince(t1)} ms`);
      assert.deepEqual(r.responses[0]!.partitions.map((p) => values(p.records)), [[], [], ['p2']]);
    } finally {
      for (const o of others) o.close();
    }
  });
});

test('a parked fetch answers at max wait with what is there; a closed connection leaves no parked fetch behind', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'exp');
    await produce(c, 'exp', 0, ['have']);
    const t0 = Date.now();
    const r = await c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: 300, minBytes: 1 << 20, topics: [{ topic: 'exp', partitions: [part(0, 0n)] }] });
    assert.ok(elapsedSince(t0) >= 250, `answered after ${elapsedSince(t0)} ms`);
    assert.deepEqual(values(r.responses[0]!.partitions[0]!.records), ['have']);
    assert.equal(r.responses[0]!.partitions[0]!.highWatermark, 1n);
    // Below min bytes at expiry: not a missed wake-up.
    assert.equal(broker.broker.fetchWaiters.expiredCompletable, 0);

    const { WireClient } = await import('./wire-client.js');
    const pg = broker.broker.fetchWaiters;
    const gone = await WireClient.connect(broker.port);
    for (let i = 0; i < 3; i++) {
      void gone.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: LONG_WAIT, minBytes: 1, topics: [{ topic: 'exp', partitions: [part(0, 1n)] }] }).catch(() => {});
    }
    await until(() => pg.delayed >= 1, 'a parked fetch');
    gone.close();
    await until(() => pg.delayed === 0 && pg.size === 0, 'the parked fetches to be dropped');
    // The partition still wakes fetches afterwards.
    const pending = c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: LONG_WAIT, minBytes: 1, topics: [{ topic: 'exp', partitions: [part(0, 1n)] }] });
    await until(() => pg.delayed === 1, 'a parked fetch');
    const producer = await WireClient.connect(broker.port);
    try {
      await produce(producer, 'exp', 0, ['next']);
      assert.deepEqual(values((await pending).responses[0]!.partitions[0]!.records), ['next']);
    } finally {
      producer.close();
    }
  });
});

test('kcat tailing with fetch.wait.max.ms=20000 sees every record long before its max wait, whatever the acks', { timeout: 120_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'tail');
    const kc = spawnTracked('kcat', [
      '-b', broker.bootstrap, '-C', '-t', 'tail', '-p', '0', '-o', 'beginning', '-u', '-q', '-f', '%s\n',
      '-X', `fetch.wait.max.ms=${LONG_WAIT}`, '-X', 'fetch.error.backoff.ms=10',
    ], { env: kcatEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    kc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      buffered += d;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      lines.push(...parts);
    });
    kc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    try {
      await until(() => broker.broker.fetchWaiters.delayed > 0, 'kcat to park a fetch');
      const acksCycle = [1, -1, 0];
      const latencies: number[] = [];
      for (let i = 0; i < 9; i++) {
        const acks = acksCycle[i % 3]!;
        const t0 = Date.now();
        const body = { acks, timeoutMs: 1000, topicData: [{ name: 'tail', partitionData: [{ index: 0, records: batch([`m${i}`]) }] }] };
        if (acks === 0) c.sendOneWay(ApiKey.Produce, 9, body);
        else await c.send(ApiKey.Produce, 9, body);
        await until(() => lines.length > i, `kcat to print m${i} (stderr: ${stderr})`);
        latencies.push(Date.now() - t0);
      }
      assert.deepEqual(lines, Array.from({ length: 9 }, (_, i) => `m${i}`));
      assert.ok(Math.max(...latencies) < LONG_WAIT / 2, `latencies ${latencies.join(', ')} ms`);
      t.diagnostic(`produce-to-kcat latencies (ms): ${latencies.join(', ')}`);
    } finally {
      await stopChild(kc, 2000);
    }
  });
});

test('a fetch that expires with enough data counts as a missed wake-up (the detector behind tideline_fetch_purgatory_expired_with_data)', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'miss');
    const pg = broker.broker.fetchWaiters;
    const { WireClient } = await import('./wire-client.js');
    const producer = await WireClient.connect(broker.port);
    // Simulate a lost wake-up: nothing reaches the parked fetch.
    const checkAndComplete = pg.checkAndComplete.bind(pg);
    pg.checkAndComplete = () => {};
    try {
      const pending = c.send(ApiKey.Fetch, 12, { ...base, maxWaitMs: 500, minBytes: 1, topics: [{ topic: 'miss', partitions: [part(0, 0n)] }] });
      await until(() => pg.delayed === 1, 'a parked fetch');
      await produce(producer, 'miss', 0, ['late']);
      const r = await pending;
      assert.deepEqual(values(r.responses[0]!.partitions[0]!.records), ['late']);
      assert.equal(pg.expiredCompletable, 1);
    } finally {
      pg.checkAndComplete = checkAndComplete;
      producer.close();
    }
  });
});
