// DeadLetterConsumer against Tideline and Apache Kafka: a transient failure that recovers on
// attempt 2 is processed once and never dead-lettered; a permanent failure is dead-lettered on the
// first attempt with a complete envelope (read back with KafkaJS too); a retry waits for its due
// time with its partition paused while other partitions keep flowing; blocking mode keeps order.
import assert from 'node:assert/strict';
import kafkajs from 'kafkajs';
import { Admin, Producer } from '@tideline/client';
import { DLQ_HEADERS, DeadLetter, DeadLetterConsumer, RetryLater, decodeEnvelope, dlqDepth, type DlqEvent } from '../src/index.js';
import { bothBrokers, consumeN, started, uniqueTopic, useApacheKafka, waitFor } from './brokers.js';

useApacheKafka();

const fast = { heartbeatIntervalMs: 300, maxWaitMs: 100, sessionTimeoutMs: 10_000 };

async function seed(bootstrap: string, topic: string, partitions: number, messages: Array<{ key: string; value: string; partition?: number }>): Promise<void> {
  const admin = new Admin({ bootstrap });
  await admin.createTopics([{ topic, numPartitions: partitions, replicationFactor: 1 }]);
  await admin.close();
  const p = new Producer({ bootstrap });
  await p.send({ topic, messages: messages.map((m) => ({ ...m, headers: { trace: `t-${m.key}` } })) });
  await p.close();
}

bothBrokers('transient failure recovering on attempt 2 is processed once and never dead-lettered', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('orders');
  await seed(b.bootstrap, topic, 2, Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })));
  const done = new Map<string, number>();
  let failures = 0;
  const events: DlqEvent[] = [];
  const c = new DeadLetterConsumer({
    bootstrap: b.bootstrap, groupId: uniqueTopic('g'), topics: [topic], consumer: fast, retry: { delaysMs: [300, 600] },
    onEvent: (e) => events.push(e),
    handler: (r, ctx) => {
      if (r.key!.toString() === 'k3' && ctx.attempt === 1) {
        failures++;
        throw new RetryLater('downstream busy');
      }
      if (r.key!.toString() === 'k3') {
        assert.equal(ctx.attempt, 2);
        assert.equal(r.topic, topic);
        assert.deepEqual(r.headers.map((h) => h.key), ['trace']);
      }
      done.set(r.key!.toString(), (done.get(r.key!.toString()) ?? 0) + 1);
    },
  });
  const run = started(c);
  try {
    await waitFor('10 records processed', () => done.size === 10);
    assert.equal(done.get('k3'), 1);
    assert.equal(failures, 1);
    const admin = new Admin({ bootstrap: b.bootstrap });
    assert.equal((await dlqDepth(admin, [`${topic}.dlq`])).total, 0);
    const retried = await consumeN(b.bootstrap, `${topic}.retry.300ms`, 2, 1);
    assert.equal(decodeEnvelope(retried[0]!.headers)?.attempt, 1);
    await admin.close();
    assert.ok(events.some((e) => e.type === 'retry'));
  } finally {
    await c.close();
    await run;
  }
});

bothBrokers('permanent failure goes to the DLQ on the first attempt with a complete envelope', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('pay');
  await seed(b.bootstrap, topic, 2, [{ key: 'good', value: '{"a":1}', partition: 0 }, { key: 'bad', value: 'not json', partition: 1 }, { key: 'dead', value: '{}', partition: 1 }]);
  const group = uniqueTopic('g');
  let calls = 0;
  const before = Date.now();
  const c = new DeadLetterConsumer({
    bootstrap: b.bootstrap, groupId: group, topics: [topic], consumer: fast, retry: { delaysMs: [200] },
    handler: (r) => {
      calls++;
      const v = JSON.parse(r.value!.toString()) as Record<string, unknown>;
      if (r.key!.toString() === 'dead') throw new DeadLetter('no customer', { cause: new Error('lookup failed') });
      return void v;
    },
  });
  const run = started(c);
  try {
    const dlq = await consumeN(b.bootstrap, `${topic}.dlq`, 2, 2);
    assert.equal(calls, 3);
    const byKey = new Map(dlq.map((r) => [r.key!.toString(), r]));
    const bad = byKey.get('bad')!;
    assert.equal(bad.value!.toString(), 'not json');
    assert.equal(bad.partition, 1);
    const e = decodeEnvelope(bad.headers)!;
    assert.equal(e.originalTopic, topic);
    assert.equal(e.originalPartition, 1);
    assert.equal(e.originalOffset, 0n);
    assert.ok(e.originalTimestamp >= before - 60_000);
    assert.equal(bad.timestamp, BigInt(e.originalTimestamp), 'the DLQ record keeps the original timestamp');
    assert.equal(e.group, group);
    assert.equal(e.errorClass, 'permanent');
    assert.equal(e.errorName, 'SyntaxError');
    assert.ok(e.errorMessage !== undefined && e.errorMessage.length > 0);
    assert.ok(e.errorStack?.includes('SyntaxError'));
    assert.equal(e.attempt, 1);
    assert.ok(e.firstFailureMs! >= before && e.lastFailureMs === e.firstFailureMs);
    assert.equal(bad.headers.find((h) => h.key === 'trace')?.value?.toString(), 't-bad');
    const dead = decodeEnvelope(byKey.get('dead')!.headers)!;
    assert.equal(dead.errorName, 'DeadLetter');
    assert.equal(dead.errorCauseMessage, 'lookup failed');

    // A third-party client reads the same headers.
    const kafka = new kafkajs.Kafka({ clientId: 'dlq-test', brokers: [b.bootstrap], logLevel: kafkajs.logLevel.NOTHING });
    const kc = kafka.consumer({ groupId: uniqueTopic('kjs') });
    await kc.connect();
    const seen: Array<Record<string, string>> = [];
    try {
      await kc.subscribe({ topic: `${topic}.dlq`, fromBeginning: true });
      await kc.run({
        eachMessage: async ({ message }) => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(message.headers ?? {})) h[k] = String(v);
          h['__key'] = message.key?.toString() ?? '';
          seen.push(h);
        },
      });
      await waitFor('KafkaJS reads 2 DLQ records', () => seen.length >= 2, 60_000);
    } finally {
      await kc.disconnect();
    }
    const kb = seen.find((h) => h['__key'] === 'bad')!;
    assert.equal(kb[DLQ_HEADERS.originalTopic], topic);
    assert.equal(kb[DLQ_HEADERS.originalPartition], '1');
    assert.equal(kb[DLQ_HEADERS.originalOffset], '0');
    assert.equal(kb[DLQ_HEADERS.errorClass], 'permanent');
    assert.equal(kb[DLQ_HEADERS.errorName], 'SyntaxError');
    assert.equal(kb[DLQ_HEADERS.attempt], '1');
    assert.equal(kb[DLQ_HEADERS.group], group);
    assert.match(kb[DLQ_HEADERS.firstFailureMs]!, /^\d+$/);
    assert.equal(kb['trace'], 't-bad');
  } finally {
    await c.close();
    await run;
  }
});

bothBrokers('a retry waits for its due time with its partition paused; other partitions keep flowing', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('ship');
  await seed(b.bootstrap, topic, 2, [{ key: 'slow', value: 'x', partition: 0 }]);
  const delay = 3000;
  const seen: Array<{ key: string; at: number; attempt: number }> = [];
  let failedAt = 0;
  const events: DlqEvent[] = [];
  const c = new DeadLetterConsumer({
    bootstrap: b.bootstrap, groupId: uniqueTopic('g'), topics: [topic], consumer: fast, retry: { delaysMs: [delay] },
    onEvent: (e) => events.push(e),
    handler: (r, ctx) => {
      const key = r.key!.toString();
      seen.push({ key, at: Date.now(), attempt: ctx.attempt });
      if (key === 'slow' && ctx.attempt === 1) {
        failedAt = Date.now();
        const e = new Error('connect ECONNREFUSED');
        (e as Error & { code: string }).code = 'ECONNREFUSED';
        throw e;
      }
    },
  });
  const run = started(c);
  try {
    await waitFor('the retry record is waiting', () => events.some((e) => e.type === 'waiting'));
    // The retry topic's partition is paused until due; the source topic's partitions keep flowing.
    assert.ok(c.consumer.paused().some((tp) => tp.topic === `${topic}.retry.3s`));
    const p = new Producer({ bootstrap: b.bootstrap });
    await p.send({ topic, messages: [{ key: 'fast0', value: 'y', partition: 0 }, { key: 'fast1', value: 'z', partition: 1 }] });
    await p.close();
    await waitFor('the fast records', () => seen.some((s) => s.key === 'fast0') && seen.some((s) => s.key === 'fast1'));
    await waitFor('the retry', () => seen.some((s) => s.key === 'slow' && s.attempt === 2), 60_000);
    const retry = seen.find((s) => s.key === 'slow' && s.attempt === 2)!;
    assert.ok(retry.at >= failedAt + delay, `retried after ${retry.at - failedAt} ms, before the ${delay} ms delay`);
    const fast0 = seen.find((s) => s.key === 'fast0')!;
    assert.ok(fast0.at < retry.at, 'a record after the failed one was processed while the retry waited');
  } finally {
    await c.close();
    await run;
  }
});

bothBrokers('blocking mode retries in place and keeps the partition order; exhausted retries are dead-lettered', { timeout: 120_000, only: 'tideline' }, async (b) => {
  const topic = uniqueTopic('ledger');
  await seed(b.bootstrap, topic, 1, ['a', 'b', 'c', 'd'].map((k) => ({ key: k, value: k })));
  const order: string[] = [];
  const c = new DeadLetterConsumer({
    bootstrap: b.bootstrap, groupId: uniqueTopic('g'), topics: [topic], consumer: fast, retry: { mode: 'blocking', delaysMs: [200, 200] },
    handler: (r, ctx) => {
      const k = r.key!.toString();
      if (k === 'b' && ctx.attempt < 2) throw new RetryLater('later');
      if (k === 'c') throw new RetryLater('never');
      order.push(`${k}${ctx.attempt}`);
    },
  });
  const run = started(c);
  try {
    const dlq = await consumeN(b.bootstrap, `${topic}.dlq`, 1, 1);
    await waitFor('d', () => order.includes('d1'));
    assert.deepEqual(order, ['a1', 'b2', 'd1']);
    const e = decodeEnvelope(dlq[0]!.headers)!;
    assert.equal(e.errorClass, 'transient');
    assert.equal(e.attempt, 3);
    assert.ok(e.lastFailureMs! - e.firstFailureMs! >= 400);
  } finally {
    await c.close();
    await run;
  }
});

bothBrokers('exactly once with a retry and a dead letter: outputs, retries and DLQ records are committed with the offsets', { timeout: 120_000, only: 'tideline' }, async (b) => {
  const topic = uniqueTopic('eos');
  const out = uniqueTopic('eos-out');
  await seed(b.bootstrap, topic, 2, ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => ({ key: k, value: k })));
  const processed = new Set<string>();
  const c = new DeadLetterConsumer({
    bootstrap: b.bootstrap, groupId: uniqueTopic('g'), topics: [topic], consumer: fast, retry: { delaysMs: [300] },
    exactlyOnce: { transactionalId: uniqueTopic('txn') },
    handler: (r, ctx) => {
      const k = r.key!.toString();
      if (k === 'b' && ctx.attempt === 1) throw new RetryLater('try again');
      if (k === 'e') throw new DeadLetter('refused');
      ctx.send(out, { key: r.key, value: `${k}:${ctx.attempt}` });
      processed.add(k);
    },
  });
  const run = started(c);
  try {
    await waitFor('5 processed', () => processed.size === 5, 60_000);
    const outs = await consumeN(b.bootstrap, out, 1, 5, { readCommitted: true });
    assert.deepEqual(outs.map((r) => r.value!.toString()).sort(), ['a:1', 'b:2', 'c:1', 'd:1', 'f:1']);
    const dlq = await consumeN(b.bootstrap, `${topic}.dlq`, 2, 1, { readCommitted: true });
    assert.equal(dlq[0]!.key!.toString(), 'e');
    const retried = await consumeN(b.bootstrap, `${topic}.retry.300ms`, 2, 1, { readCommitted: true });
    assert.equal(retried[0]!.key!.toString(), 'b');
  } finally {
    await c.close();
    await run;
  }
});

bothBrokers('the depth alert fires once the DLQ reaches its threshold', { timeout: 120_000, only: 'tideline' }, async (b) => {
  const topic = uniqueTopic('alert');
  await seed(b.bootstrap, topic, 1, ['x', 'y'].map((k) => ({ key: k, value: k })));
  const alerts: Array<{ total: number; byTopic: Record<string, number> }> = [];
  const c = new DeadLetterConsumer({
    bootstrap: b.bootstrap, groupId: uniqueTopic('g'), topics: [topic], consumer: fast,
    depthAlert: { threshold: 2, intervalMs: 200, onThreshold: (d) => alerts.push(d) },
    handler: () => {
      throw new DeadLetter('no');
    },
  });
  const run = started(c);
  try {
    await waitFor('an alert', () => alerts.length > 0);
    assert.equal(alerts[0]!.total, 2);
    assert.deepEqual(alerts[0]!.byTopic, { [`${topic}.dlq`]: 2 });
  } finally {
    await c.close();
    await run;
  }
});

// A dead letter's send (at least once: awaited with the batch's other sends, after the handlers of
// the records behind it) failed while a later record's handler was still running: the rejection
// had no handler yet, which fails a node:test run and stops a Node application. Now run() rejects.
bothBrokers('a dead letter that cannot be written while a later record is still being handled fails run(), not the process', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('too-big');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([
    { topic, numPartitions: 1, replicationFactor: 1 },
    // The dead letter (the record plus its envelope) is larger than its topic accepts: MESSAGE_TOO_LARGE.
    { topic: `${topic}.dlq`, numPartitions: 1, replicationFactor: 1, configs: { 'max.message.bytes': '1024' } },
  ], { waitForLeaders: true });
  await admin.close();
  const p = new Producer({ bootstrap: b.bootstrap });
  await p.send({ topic, messages: [{ key: 'big', value: 'x'.repeat(8192) }, { key: 'slow', value: 'y' }] });
  await p.close();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let deadLettered!: () => void;
  const created = new Promise<void>((r) => (deadLettered = r));
  const c = new DeadLetterConsumer({
    bootstrap: b.bootstrap, groupId: uniqueTopic('g'), topics: [topic], consumer: fast, poison: false,
    onEvent: (e) => {
      if (e.type === 'dead-letter') deadLettered();
    },
    handler: async (r) => {
      if (r.key!.toString() === 'big') throw new DeadLetter('refused');
      await gate;
    },
  });
  const run = c.run();
  try {
    await created;
    // Time for the send to fail while the next handler waits (the outcome does not depend on it).
    await new Promise((r) => setTimeout(r, 2000));
    release();
    await assert.rejects(run, /MESSAGE_TOO_LARGE|too large/i);
  } finally {
    release();
    await c.close();
    await run.catch(() => undefined);
  }
});
