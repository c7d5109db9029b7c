// Transactions with real clients against a `tide broker start` process: KafkaJS and librdkafka
// (@confluentinc/kafka-javascript) commit and abort transactions and send offsets inside them; a
// read_committed consumer never sees an aborted record, a read_uncommitted consumer sees them
// all; two Java producers with one transactional.id: the older is fenced. Every history goes
// through the checker (aborted reads, lost writes, offset conflicts, torn transactions).
// Apache Kafka's kafka-transactions tool lists and describes transactions and producers
// (ListTransactions, DescribeTransactions, DescribeProducers) and aborts a hanging one
// (WriteTxnMarkers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { confluentKafka, kafkaTools, requireTool, type CkjsConsumer } from '@tideline/interop';
import { startBrokerProcess, type BrokerProcess } from '../src/broker-process.js';
import { checkHistory, type HistoryEvent, type PollEvent, type StoredRecord } from '../src/index.js';
import { startJava, type Row } from './helpers/java-stream.js';

const TIMEOUT = 180_000;

async function withBroker(fn: (b: BrokerProcess) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-txn-'));
  const b = await startBrokerProcess({ dataDir: dir, logLevel: 'warn' });
  try {
    await fn(b);
  } finally {
    await b.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The checker's verdict, plus our own: read_committed consumers saw exactly the committed records. */
function verify(events: HistoryEvent[], final: StoredRecord[], committedConsumer: string): void {
  const r = checkHistory({ events, final });
  assert.deepEqual(r.anomalies, [], `checker anomalies: ${JSON.stringify(r.anomalies.slice(0, 5))}`);
  const committed = new Set(events.flatMap((e) => (e.type === 'send' && e.txn?.outcome === 'commit' ? [e.value] : [])));
  const seen = events.filter((e): e is PollEvent => e.type === 'poll' && e.consumer === committedConsumer).map((e) => e.value);
  assert.equal(seen.length, new Set(seen).size, 'read_committed consumer saw a record twice');
  assert.deepEqual([...seen].sort(), [...committed].sort(), 'read_committed consumer saw exactly the committed records');
}

test('KafkaJS: committed and aborted transactions, sendOffsets; read_committed sees no aborted record, read_uncommitted sees all', { timeout: TIMEOUT }, async () => {
  requireTool('kafkajs');
  await withBroker(async (b) => {
    const kafka = new Kafka({ clientId: 'txn-kafkajs', brokers: [b.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 100 } });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'kt', numPartitions: 3 }, { topic: 'kin', numPartitions: 1 }, { topic: 'kout', numPartitions: 1 }] });
    const producer = kafka.producer({ transactionalId: 'kjs-tx', idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const events: HistoryEvent[] = [];
    let seq = 0;
    for (let t = 0; t < 6; t++) {
      const outcome = t % 2 === 0 ? 'commit' : 'abort';
      const txn = await producer.transaction();
      for (let s = 0; s < 2; s++) {
        const messages = Array.from({ length: 9 }, (_, i) => ({ partition: i % 3, value: `kjs-${t}-${s}-${i}` }));
        const acks = await txn.send({ topic: 'kt', messages });
        // One produce per call: the records sent to one partition are consecutive from its base offset.
        const next = new Map(acks.map((a) => [a.partition, BigInt(a.baseOffset ?? '-1')]));
        for (const m of messages) {
          const off = next.get(m.partition)!;
          next.set(m.partition, off + 1n);
          const e: HistoryEvent = { type: 'send', producer: 'kjs', seq: seq++, idempotent: true, topic: 'kt', value: m.value, outcome: { kind: 'ok', partition: m.partition, offset: off } };
          events.push(e);
        }
      }
      if (outcome === 'commit') await txn.commit();
      else await txn.abort();
      for (const e of events) if (e.type === 'send' && e.value.startsWith(`kjs-${t}-`)) e.txn = { id: `kjs-${t}`, outcome };
    }

    const polls = new Map<string, PollEvent[]>();
    const consume = async (groupId: string, readUncommitted: boolean, want: number): Promise<void> => {
      const c = kafka.consumer({ groupId, readUncommitted, maxWaitTimeInMs: 200 });
      const got: PollEvent[] = [];
      polls.set(groupId, got);
      await c.connect();
      await c.subscribe({ topic: 'kt', fromBeginning: true });
      await c.run({
        eachMessage: async ({ partition, message }) => {
          got.push({ type: 'poll', consumer: groupId, topic: 'kt', partition, offset: BigInt(message.offset), value: message.value!.toString(), readCommitted: !readUncommitted });
        },
      });
      try {
        await until(`${groupId}: ${want} records`, () => got.length >= want);
        await new Promise((r) => setTimeout(r, 500)); // nothing more may arrive
      } finally {
        await c.disconnect();
      }
    };
    await consume('rc', false, 54);
    await consume('ru', true, 108);
    events.push(...polls.get('rc')!, ...polls.get('ru')!);
    const final: StoredRecord[] = polls.get('ru')!.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.offset, value: p.value }));
    assert.equal(final.length, 108, 'read_uncommitted saw every record, aborted ones included');
    verify(events, final, 'rc');

    // Offsets inside a transaction: visible after commit, dropped on abort.
    const committedOffset = async (): Promise<string> => (await admin.fetchOffsets({ groupId: 'kjs-eos', topics: ['kin'] }))[0]!.partitions[0]!.offset;
    let txn = await producer.transaction();
    await txn.send({ topic: 'kout', messages: [{ value: 'out-1' }] });
    await txn.sendOffsets({ consumerGroupId: 'kjs-eos', topics: [{ topic: 'kin', partitions: [{ partition: 0, offset: '7' }] }] });
    await txn.commit();
    assert.equal(await committedOffset(), '7');
    txn = await producer.transaction();
    await txn.send({ topic: 'kout', messages: [{ value: 'out-2' }] });
    await txn.sendOffsets({ consumerGroupId: 'kjs-eos', topics: [{ topic: 'kin', partitions: [{ partition: 0, offset: '9' }] }] });
    await txn.abort();
    assert.equal(await committedOffset(), '7');
    const listed = await admin.fetchTopicOffsets('kout');
    assert.equal(listed[0]!.high, '4', 'two records and two markers in kout');
    await producer.disconnect();
    await admin.disconnect();
  });
});

test('librdkafka (@confluentinc/kafka-javascript): commit and abort, sendOffsets from a group consumer; isolation levels', { timeout: TIMEOUT }, async () => {
  requireTool('confluent-kafka');
  const ck = confluentKafka();
  await withBroker(async (b) => {
    const kafka = new ck.KafkaJS.Kafka({ kafkaJS: { brokers: [b.bootstrap], clientId: 'txn-ckjs', logLevel: ck.KafkaJS.logLevel.NOTHING } });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'ct', numPartitions: 3 }, { topic: 'cin', numPartitions: 2 }, { topic: 'cout', numPartitions: 2 }] });
    const producer = kafka.producer({ kafkaJS: { transactionalId: 'ck-tx', idempotent: true, maxInFlightRequests: 1 }, 'linger.ms': 5 });
    await producer.connect();
    const events: HistoryEvent[] = [];
    let seq = 0;
    for (let t = 0; t < 6; t++) {
      const outcome = t % 3 === 1 ? 'abort' : 'commit';
      await producer.transaction();
      for (let s = 0; s < 2; s++) {
        const spec = Array.from({ length: 9 }, (_, i) => ({ partition: i % 3, key: `k${i}`, value: `ck-${t}-${s}-${i}` }));
        // The library turns message values into Buffers in place: send copies.
        const acks = await producer.send({ topic: 'ct', messages: spec.map((m) => ({ ...m })) });
        const next = new Map(acks.map((a) => [a.partition, BigInt(a.baseOffset ?? a.offset ?? '-1')]));
        for (const m of spec) {
          const off = next.get(m.partition)!;
          next.set(m.partition, off + 1n);
          events.push({ type: 'send', producer: 'ck', seq: seq++, idempotent: true, topic: 'ct', value: m.value, outcome: { kind: 'ok', partition: m.partition, offset: off }, txn: { id: `ck-${t}`, outcome } });
        }
      }
      if (outcome === 'commit') await producer.commit();
      else await producer.abort();
    }

    const consume = async (groupId: string, readUncommitted: boolean, want: number, topic = 'ct'): Promise<PollEvent[]> => {
      const c = kafka.consumer({ kafkaJS: { groupId, fromBeginning: true, readUncommitted } });
      const got: PollEvent[] = [];
      await c.connect();
      await c.subscribe({ topics: [topic] });
      await c.run({
        eachMessage: async ({ partition, message }) => {
          got.push({ type: 'poll', consumer: groupId, topic, partition, offset: BigInt(message.offset), value: message.value!.toString(), readCommitted: !readUncommitted });
        },
      });
      try {
        await until(`${groupId}: ${want} records`, () => got.length >= want);
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        await c.disconnect();
      }
      return got;
    };
    const rc = await consume('ck-rc', false, 72);
    const ru = await consume('ck-ru', true, 108);
    events.push(...rc, ...ru);
    verify(events, ru.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.offset, value: p.value })), 'ck-rc');

    // Consume-transform-produce: a group consumer's offsets go into the producer's transaction
    // (TxnOffsetCommit with the member id and generation librdkafka sends).
    const input = kafka.producer({ kafkaJS: { acks: -1 } });
    await input.connect();
    await input.send({ topic: 'cin', messages: Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, value: `in-${i}` })) });
    await input.disconnect();
    const consumer: CkjsConsumer = kafka.consumer({ kafkaJS: { groupId: 'ck-eos', fromBeginning: true, autoCommit: false } });
    await consumer.connect();
    await consumer.subscribe({ topics: ['cin'] });
    const buffered: Array<{ partition: number; offset: string; value: string }> = [];
    let processed = 0;
    let aborted = 0;
    let chain = Promise.resolve();
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        buffered.push({ partition, offset: message.offset, value: message.value!.toString() });
      },
    });
    await until('input consumed', () => buffered.length >= 20);
    // One transaction per partition; the first is aborted, then redone.
    for (const partition of [0, 1, 0]) {
      chain = chain.then(async () => {
        const mine = buffered.filter((m) => m.partition === partition);
        const last = mine[mine.length - 1]!;
        await producer.transaction();
        await producer.send({ topic: 'cout', messages: mine.map((m) => ({ partition, value: `out-${m.value}` })) });
        await producer.sendOffsets({ consumer, topics: [{ topic: 'cin', partitions: [{ partition, offset: String(BigInt(last.offset) + 1n) }] }] });
        if (aborted === 0) {
          aborted++;
          await producer.abort();
        } else {
          processed += mine.length;
          await producer.commit();
        }
      });
    }
    await chain;
    assert.equal(processed, 20);
    await consumer.disconnect();
    const outRc = await consume('ck-out', false, 20, 'cout');
    assert.deepEqual(outRc.map((p) => p.value).sort(), buffered.map((m) => `out-${m.value}`).sort(), 'each input once in the committed output');
    // The group's committed offsets came from the committed transactions.
    const kjs = new Kafka({ clientId: 'txn-ckjs-check', brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
    const kadmin = kjs.admin();
    await kadmin.connect();
    const offs = await kadmin.fetchOffsets({ groupId: 'ck-eos', topics: ['cin'] });
    assert.deepEqual(offs[0]!.partitions.map((p) => [p.partition, p.offset]).sort(), [[0, '10'], [1, '10']]);
    await kadmin.disconnect();
    await producer.disconnect();
    await admin.disconnect();
  });
});

test('Java: two producers with one transactional.id; the older one is fenced and its transaction aborted', { timeout: TIMEOUT }, async () => {
  requireTool('java-client-4');
  await withBroker(async (b) => {
    const common = ['--bootstrap', b.bootstrap, '--topic', 'zt', '--transactional-id', 'zombie-tx', '--per-txn', '6', '--prop', 'transaction.timeout.ms=60000'];
    const old = startJava(['txn-produce', ...common, '--value-prefix', 'old-', '--stdin-control']);
    await old.waitFor((r) => r['event'] === 'sent');
    const fresh = startJava(['txn-produce', ...common, '--value-prefix', 'new-', '--transactions', '2']);
    assert.equal(await fresh.exited, 0, fresh.stderr());
    old.send('commit');
    const err = await old.waitFor((r) => r['event'] === 'error');
    assert.match(String(err['error']), /ProducerFenced|InvalidProducerEpoch/);
    assert.equal(await old.exited, 3, 'exit status of a fenced producer');

    const events: HistoryEvent[] = [];
    let seq = 0;
    const addSends = (name: string, rows: Row[]): void => {
      const outcomes = new Map(rows.filter((r) => r['outcome'] !== undefined).map((r) => [r['txn'], r['outcome'] as 'commit' | 'abort']));
      for (const r of rows) {
        if (r['offset'] === undefined) continue;
        events.push({
          type: 'send', producer: name, seq: seq++, idempotent: true, topic: 'zt', value: String(r['value']),
          outcome: { kind: 'ok', partition: Number(r['partition']), offset: BigInt(Number(r['offset'])) },
          // The fenced producer's transaction was aborted by the coordinator.
          txn: { id: `${name}-${String(r['txn'])}`, outcome: outcomes.get(r['txn']) ?? (name === 'old' ? 'abort' : 'unknown') },
        });
      }
    };
    addSends('old', old.rows);
    addSends('new', fresh.rows);
    const read = async (isolation: string, consumer: string): Promise<PollEvent[]> => {
      const c = startJava(['consume', '--bootstrap', b.bootstrap, '--topic', 'zt', '--timeout-ms', '4000', '--prop', `isolation.level=${isolation}`]);
      await c.exited;
      return c.rows.filter((r) => r['value'] !== undefined).map((r) => ({
        type: 'poll', consumer, topic: 'zt', partition: Number(r['partition']), offset: BigInt(Number(r['offset'])), value: String(r['value']), readCommitted: isolation === 'read_committed',
      }));
    };
    const rc = await read('read_committed', 'java-rc');
    const ru = await read('read_uncommitted', 'java-ru');
    assert.deepEqual(rc.map((p) => p.value).sort(), Array.from({ length: 12 }, (_, i) => `new-${Math.floor(i / 6)}-${i % 6}`).sort());
    assert.equal(ru.filter((p) => p.value.startsWith('old-')).length, 6, 'the fenced transaction\'s records are stored (and aborted)');
    events.push(...rc, ...ru);
    verify(events, ru.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.offset, value: p.value })), 'java-rc');
  });
});

/** Rows of a tab-separated table printed by Kafka's tools (header row first). */
function table(out: string): Array<Record<string, string>> {
  const lines = out.trim().split('\n').map((l) => l.split('\t').map((c) => c.trim()));
  const head = lines[0] ?? [];
  return lines.slice(1).map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ''])));
}

test('kafka-transactions tool: list, describe, describe-producers, abort of an open transaction (WriteTxnMarkers)', { timeout: TIMEOUT }, async () => {
  requireTool('java-client-4', 'kafka-tools');
  await withBroker(async (b) => {
    const tool = async (...args: string[]): Promise<Array<Record<string, string>>> =>
      table((await kafkaTools('org.apache.kafka.tools.TransactionsCommand', ['--bootstrap-server', b.bootstrap, ...args])).stdout);
    const p = startJava(['txn-produce', '--bootstrap', b.bootstrap, '--topic', 'tt', '--transactional-id', 'tool-tx', '--per-txn', '5', '--stdin-control', '--prop', 'transaction.timeout.ms=600000']);
    try {
      await p.waitFor((r) => r['event'] === 'sent');
      const listed = await tool('list');
      assert.deepEqual(listed.map((r) => [r['TransactionalId'], r['TransactionState']]), [['tool-tx', 'Ongoing']]);
      const described = await tool('describe', '--transactional-id', 'tool-tx');
      assert.equal(described[0]!['TransactionState'], 'Ongoing');
      assert.equal(described[0]!['TopicPartitions'], 'tt-0');
      assert.equal(described[0]!['TransactionTimeoutMs'], '600000');
      const producers = await tool('describe-producers', '--topic', 'tt', '--partition', '0');
      assert.deepEqual(producers.map((r) => [r['ProducerId'], r['LastSequence'], r['CurrentTransactionStartOffset']]), [[described[0]!['ProducerId'], '4', '0']]);
      // Abort the open transaction on the partition from outside (a hanging-transaction fix).
      await kafkaTools('org.apache.kafka.tools.TransactionsCommand', ['--bootstrap-server', b.bootstrap, 'abort', '--topic', 'tt', '--partition', '0', '--start-offset', '0']);
      const after = await tool('describe-producers', '--topic', 'tt', '--partition', '0');
      assert.equal(after[0]!['CurrentTransactionStartOffset'], 'None');
      const rc = startJava(['consume', '--bootstrap', b.bootstrap, '--topic', 'tt', '--timeout-ms', '3000', '--prop', 'isolation.level=read_committed']);
      await rc.exited;
      assert.equal(rc.rows.filter((r) => r['value'] !== undefined).length, 0, 'the aborted records are invisible to read_committed');
      const ru = startJava(['consume', '--bootstrap', b.bootstrap, '--topic', 'tt', '--timeout-ms', '3000']);
      await ru.exited;
      assert.equal(ru.rows.filter((r) => r['value'] !== undefined).length, 5);
    } finally {
      await p.kill9();
    }
  });
});

test('Java consume-transform-produce with a KIP-848 consumer group (member epoch in TxnOffsetCommit) and deliberate aborts: each input once', { timeout: TIMEOUT }, async () => {
  requireTool('java-client-4');
  await withBroker(async (b) => {
    const N = 5000;
    const input = startJava(['produce', '--bootstrap', b.bootstrap, '--topic', 'k848-in', '--stdin', '--acks', 'all', '--linger-ms', '10']);
    input.send(Array.from({ length: N }, (_, i) => `k${i % 50}\tk${i % 50}:${i}`).join('\n'));
    input.end();
    assert.equal(await input.exited, 0, input.stderr());
    const eos = startJava(['eos', '--bootstrap', b.bootstrap, '--input', 'k848-in', '--output', 'k848-out', '--group', 'k848', '--transactional-id', 'k848-tx',
      '--tag', 'a', '--idle-exit-ms', '4000', '--abort-every', '3', '--prop', 'group.protocol=consumer', '--prop', 'max.poll.records=300']);
    assert.equal(await eos.exited, 0, eos.stderr());
    assert.ok(eos.rows.some((r) => r['outcome'] === 'abort'), 'some transactions were aborted and redone');
    const rc = startJava(['consume', '--bootstrap', b.bootstrap, '--topic', 'k848-out', '--timeout-ms', '60000', '--idle-exit-ms', '3000', '--prop', 'isolation.level=read_committed']);
    assert.equal(await rc.exited, 0);
    const sources = rc.rows.filter((r) => r['value'] !== undefined).map((r) => String(r['value']).split('|')[0]!);
    assert.equal(sources.length, N);
    assert.equal(new Set(sources).size, N, 'each input exactly once');
  });
});
